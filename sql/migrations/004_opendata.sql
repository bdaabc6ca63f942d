-- 004: published versions of the open-data sets (methodical recommendations
-- for publishing open data, version 3.0). A version is stored when the data
-- of a set differs from its latest stored version (sha256 of the XML), and is
-- never changed afterwards: earlier versions stay downloadable byte for byte.
-- Stamps are local dates YYYYMMDD, with THHMM (then SS) when a set changes
-- more than once a day.

CREATE TABLE opendata_versions (
  id               INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  set_code         VARCHAR(64)  NOT NULL,   -- e.g. centres; the identifier is <publisher INN>-<set_code>
  version_stamp    VARCHAR(20)  NOT NULL,   -- data-<version_stamp>-structure-<structure_stamp>.xml
  structure_stamp  VARCHAR(20)  NOT NULL,   -- structure-<structure_stamp>.xsd
  sha256           CHAR(64)     NOT NULL,   -- of xml_content, hex
  xml_content      MEDIUMTEXT   NOT NULL,
  csv_content      MEDIUMTEXT   NOT NULL,
  created_at       DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY uq_opendata_versions_stamp (set_code, version_stamp),
  KEY ix_opendata_versions_latest (set_code, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
