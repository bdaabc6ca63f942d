-- 005: the unified quality standard with verified ratings, and the registry of
-- NGO projects with its survival monitor.

-- A version of the standard. Ratings record the version they were given
-- under; publishing a new version never rewrites them.
CREATE TABLE quality_standards (
  id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  version       INT UNSIGNED NOT NULL UNIQUE,
  title         VARCHAR(200) NOT NULL,
  description   TEXT         NOT NULL,
  status        ENUM('draft','published','retired') NOT NULL DEFAULT 'draft',
  published_at  DATETIME     NULL,
  created_by    INT UNSIGNED NULL,
  created_at    DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY ix_quality_standards_status (status, published_at),
  CONSTRAINT fk_qs_user FOREIGN KEY (created_by) REFERENCES users(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE quality_criteria (
  id           INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  standard_id  INT UNSIGNED NOT NULL,
  code         VARCHAR(64)  NOT NULL,         -- stable across versions: timeliness, competence, ...
  name         VARCHAR(200) NOT NULL,
  description  VARCHAR(1000) NOT NULL,
  weight       DECIMAL(5,2) NOT NULL,         -- relative weight in the overall index
  sort_order   INT NOT NULL DEFAULT 0,
  UNIQUE KEY uq_quality_criteria_code (standard_id, code),
  CONSTRAINT fk_qc_standard FOREIGN KEY (standard_id) REFERENCES quality_standards(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One verified rating per completed request, by its requester.
CREATE TABLE feedback (
  id              INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  request_id      INT UNSIGNED NOT NULL UNIQUE,
  user_id         INT UNSIGNED NOT NULL,
  service_id      INT UNSIGNED NOT NULL,
  centre_id       INT UNSIGNED NOT NULL,     -- the centre that did the work
  standard_id     INT UNSIGNED NOT NULL,
  overall         DECIMAL(4,3) NOT NULL,     -- weighted mean of the scores, 1..5
  comment         TEXT         NOT NULL,
  comment_status  ENUM('none','pending','approved','rejected') NOT NULL DEFAULT 'none',
  moderated_by    INT UNSIGNED NULL,
  moderated_at    DATETIME     NULL,
  created_at      DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY ix_feedback_service (service_id, created_at),
  KEY ix_feedback_centre (centre_id, created_at),
  KEY ix_feedback_created (created_at),
  KEY ix_feedback_comment (comment_status, created_at),
  CONSTRAINT fk_fb_request FOREIGN KEY (request_id) REFERENCES service_requests(id),
  CONSTRAINT fk_fb_user FOREIGN KEY (user_id) REFERENCES users(id),
  CONSTRAINT fk_fb_service FOREIGN KEY (service_id) REFERENCES services(id),
  CONSTRAINT fk_fb_centre FOREIGN KEY (centre_id) REFERENCES centres(id),
  CONSTRAINT fk_fb_standard FOREIGN KEY (standard_id) REFERENCES quality_standards(id),
  CONSTRAINT fk_fb_moderator FOREIGN KEY (moderated_by) REFERENCES users(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE feedback_scores (
  feedback_id   INT UNSIGNED NOT NULL,
  criterion_id  INT UNSIGNED NOT NULL,
  score         TINYINT UNSIGNED NOT NULL,
  PRIMARY KEY (feedback_id, criterion_id),
  KEY ix_feedback_scores_criterion (criterion_id),
  CONSTRAINT chk_feedback_score CHECK (score BETWEEN 1 AND 5),
  CONSTRAINT fk_fs_feedback FOREIGN KEY (feedback_id) REFERENCES feedback(id) ON DELETE CASCADE,
  CONSTRAINT fk_fs_criterion FOREIGN KEY (criterion_id) REFERENCES quality_criteria(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE projects (
  id                     INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  ngo_id                 INT UNSIGNED NOT NULL,
  title                  VARCHAR(200) NOT NULL,
  goal                   TEXT         NOT NULL,
  district_id            INT UNSIGNED NOT NULL,
  category_id            INT UNSIGNED NOT NULL,
  centre_id              INT UNSIGNED NULL,      -- the supporting resource centre
  funding_source         ENUM('presidential','regional','municipal','business','own','other') NOT NULL,
  grant_amount           DECIMAL(14,2) NULL,
  grant_start            DATE         NULL,
  grant_end              DATE         NULL,
  status                 ENUM('idea','applied','funded','running','completed','continued','stalled','closed') NOT NULL,
  continuation_plan      TEXT         NOT NULL,  -- '' = none
  status_changed_at      DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  last_update_at         DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  created_by             INT UNSIGNED NULL,
  form_token             CHAR(32)     NULL,
  created_at             DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at             DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  UNIQUE KEY uq_projects_form (created_by, form_token),
  KEY ix_projects_ngo (ngo_id),
  KEY ix_projects_centre (centre_id, status),
  KEY ix_projects_district (district_id, status),
  KEY ix_projects_status (status, grant_end),
  CONSTRAINT fk_projects_ngo FOREIGN KEY (ngo_id) REFERENCES ngos(id),
  CONSTRAINT fk_projects_district FOREIGN KEY (district_id) REFERENCES districts(id),
  CONSTRAINT fk_projects_category FOREIGN KEY (category_id) REFERENCES categories(id),
  CONSTRAINT fk_projects_centre FOREIGN KEY (centre_id) REFERENCES centres(id),
  CONSTRAINT fk_projects_user FOREIGN KEY (created_by) REFERENCES users(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The timeline of a project: updates posted by its NGO, status changes.
CREATE TABLE project_updates (
  id           INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  project_id   INT UNSIGNED NOT NULL,
  author_id    INT UNSIGNED NULL,
  body         TEXT         NOT NULL,
  status_from  VARCHAR(16)  NULL,
  status_to    VARCHAR(16)  NULL,
  created_at   DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY ix_project_updates_project (project_id, created_at),
  CONSTRAINT fk_pu_project FOREIGN KEY (project_id) REFERENCES projects(id) ON DELETE CASCADE,
  CONSTRAINT fk_pu_author FOREIGN KEY (author_id) REFERENCES users(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Support recorded by centre staff on a project.
CREATE TABLE project_support (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  project_id  INT UNSIGNED NOT NULL,
  centre_id   INT UNSIGNED NOT NULL,
  staff_id    INT UNSIGNED NOT NULL,
  kind        ENUM('consultation','new_application','mentor','other') NOT NULL,
  note        TEXT         NOT NULL,
  created_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY ix_project_support_project (project_id, created_at),
  CONSTRAINT fk_ps_project FOREIGN KEY (project_id) REFERENCES projects(id) ON DELETE CASCADE,
  CONSTRAINT fk_ps_centre FOREIGN KEY (centre_id) REFERENCES centres(id),
  CONSTRAINT fk_ps_staff FOREIGN KEY (staff_id) REFERENCES users(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Which at-risk rules have already been notified for a project, so that the
-- supporting centre is told once when a project becomes at risk.
CREATE TABLE project_risk_notices (
  project_id   INT UNSIGNED NOT NULL,
  rule         VARCHAR(32)  NOT NULL,
  notified_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (project_id, rule),
  CONSTRAINT fk_prn_project FOREIGN KEY (project_id) REFERENCES projects(id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
