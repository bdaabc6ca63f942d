-- 001: the public catalogue: regions, districts, centres, the support taxonomy,
-- services and the NGO registry. Every table is InnoDB/utf8mb4; timestamps are UTC.

CREATE TABLE regions (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  slug        VARCHAR(64)  NOT NULL UNIQUE,
  name        VARCHAR(200) NOT NULL,
  okato_code  VARCHAR(11)  NULL,
  time_zone   VARCHAR(64)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A municipal unit (city district or municipal district) of a region.
CREATE TABLE districts (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  region_id   INT UNSIGNED NOT NULL,
  slug        VARCHAR(64)  NOT NULL,
  name        VARCHAR(200) NOT NULL,
  kind        ENUM('city','district') NOT NULL,
  oktmo       VARCHAR(11)  NULL,
  sort_order  INT NOT NULL DEFAULT 0,
  UNIQUE KEY uq_districts_slug (region_id, slug),
  UNIQUE KEY uq_districts_slug_global (slug),
  CONSTRAINT fk_districts_region FOREIGN KEY (region_id) REFERENCES regions(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE centres (
  id           INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  slug         VARCHAR(64)  NOT NULL UNIQUE,
  name         VARCHAR(300) NOT NULL,
  short_name   VARCHAR(120) NOT NULL,
  is_demo      TINYINT(1)   NOT NULL DEFAULT 0,
  district_id  INT UNSIGNED NOT NULL,
  description  TEXT         NOT NULL,
  address      VARCHAR(300) NOT NULL,
  phone        VARCHAR(40)  NOT NULL,
  email        VARCHAR(254) NOT NULL,
  website      VARCHAR(300) NULL,
  hours        VARCHAR(300) NOT NULL,
  inn          CHAR(10)     NULL,
  ogrn         CHAR(13)     NULL,
  created_at   DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at   DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  CONSTRAINT fk_centres_district FOREIGN KEY (district_id) REFERENCES districts(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Districts a centre serves, its own seat included.
CREATE TABLE centre_districts (
  centre_id    INT UNSIGNED NOT NULL,
  district_id  INT UNSIGNED NOT NULL,
  PRIMARY KEY (centre_id, district_id),
  KEY ix_centre_districts_district (district_id),
  CONSTRAINT fk_cd_centre FOREIGN KEY (centre_id) REFERENCES centres(id) ON DELETE CASCADE,
  CONSTRAINT fk_cd_district FOREIGN KEY (district_id) REFERENCES districts(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Two-level taxonomy of support; parent_id NULL marks a top-level group.
CREATE TABLE categories (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  parent_id   INT UNSIGNED NULL,
  slug        VARCHAR(64)  NOT NULL UNIQUE,
  name        VARCHAR(200) NOT NULL,
  description VARCHAR(500) NOT NULL DEFAULT '',
  sort_order  INT NOT NULL DEFAULT 0,
  KEY ix_categories_parent (parent_id),
  CONSTRAINT fk_categories_parent FOREIGN KEY (parent_id) REFERENCES categories(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE services (
  id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  centre_id     INT UNSIGNED NOT NULL,
  category_id   INT UNSIGNED NOT NULL,
  title         VARCHAR(200) NOT NULL,
  summary       VARCHAR(500) NOT NULL,
  description   TEXT         NOT NULL,
  target_group  ENUM('ngo','initiative','citizen','any') NOT NULL,
  format        ENUM('online','offline','both') NOT NULL,
  cost          ENUM('free','paid') NOT NULL,
  price_note    VARCHAR(200) NOT NULL DEFAULT '',
  eligibility   VARCHAR(1000) NOT NULL DEFAULT '',
  contact_name  VARCHAR(200) NOT NULL DEFAULT '',
  contact_phone VARCHAR(40)  NOT NULL DEFAULT '',
  contact_email VARCHAR(254) NOT NULL DEFAULT '',
  status        ENUM('active','archived') NOT NULL DEFAULT 'active',
  -- Snowball-stemmed words of title, summary, description and category,
  -- written by the application (rchub-admin reindex, and on every edit).
  search_stems  TEXT         NOT NULL,
  created_at    DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at    DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  KEY ix_services_status_created (status, created_at),
  KEY ix_services_centre (centre_id, status),
  KEY ix_services_category (category_id, status),
  KEY ix_services_filters (status, target_group, format, cost),
  FULLTEXT KEY ft_services_stems (search_stems),
  CONSTRAINT fk_services_centre FOREIGN KEY (centre_id) REFERENCES centres(id),
  CONSTRAINT fk_services_category FOREIGN KEY (category_id) REFERENCES categories(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Districts where a service is available (offline reach; online services list all).
CREATE TABLE service_districts (
  service_id   INT UNSIGNED NOT NULL,
  district_id  INT UNSIGNED NOT NULL,
  PRIMARY KEY (service_id, district_id),
  KEY ix_service_districts_district (district_id, service_id),
  CONSTRAINT fk_sd_service FOREIGN KEY (service_id) REFERENCES services(id) ON DELETE CASCADE,
  CONSTRAINT fk_sd_district FOREIGN KEY (district_id) REFERENCES districts(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE ngos (
  id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name          VARCHAR(300) NOT NULL,
  short_name    VARCHAR(150) NOT NULL,
  legal_form    ENUM('ano','fond','ro','oo','assoc','tos','kazach','religious','other') NOT NULL,
  inn           CHAR(10)     NOT NULL UNIQUE,
  ogrn          CHAR(13)     NOT NULL UNIQUE,
  district_id   INT UNSIGNED NOT NULL,
  address       VARCHAR(300) NOT NULL DEFAULT '',
  activity      VARCHAR(1000) NOT NULL DEFAULT '',
  phone         VARCHAR(40)  NOT NULL DEFAULT '',
  email         VARCHAR(254) NOT NULL DEFAULT '',
  website       VARCHAR(300) NOT NULL DEFAULT '',
  registered_on DATE         NOT NULL,
  is_demo       TINYINT(1)   NOT NULL DEFAULT 0,
  search_stems  TEXT         NOT NULL,
  created_at    DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at    DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  KEY ix_ngos_district_name (district_id, short_name),
  KEY ix_ngos_name (short_name),
  FULLTEXT KEY ft_ngos_stems (search_stems),
  CONSTRAINT fk_ngos_district FOREIGN KEY (district_id) REFERENCES districts(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
