-- 002: accounts and sessions, service requests with their history, centre
-- news and events, the audit log and the notification outbox.

CREATE TABLE users (
  id             INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email          VARCHAR(254) NOT NULL UNIQUE,
  name           VARCHAR(200) NOT NULL,
  password_hash  VARCHAR(255) NOT NULL,
  role           ENUM('member','centre_staff','centre_admin','moderator') NOT NULL DEFAULT 'member',
  centre_id      INT UNSIGNED NULL,          -- for centre_staff and centre_admin
  ngo_id         INT UNSIGNED NULL,          -- the NGO a member acts for, optional
  phone          VARCHAR(40)  NOT NULL DEFAULT '',
  is_active      TINYINT(1)   NOT NULL DEFAULT 1,
  locked_until   DATETIME     NULL,          -- set after too many wrong passwords
  created_at     DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at     DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  KEY ix_users_centre (centre_id, role),
  CONSTRAINT fk_users_centre FOREIGN KEY (centre_id) REFERENCES centres(id),
  CONSTRAINT fk_users_ngo FOREIGN KEY (ngo_id) REFERENCES ngos(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Only the SHA-256 of the session token is stored; the token lives in the cookie.
CREATE TABLE sessions (
  token_hash   CHAR(64)     NOT NULL PRIMARY KEY,
  user_id      INT UNSIGNED NOT NULL,
  csrf_token   CHAR(64)     NOT NULL,
  created_at   DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  expires_at   DATETIME     NOT NULL,
  address      VARCHAR(45)  NOT NULL DEFAULT '',
  KEY ix_sessions_user (user_id),
  KEY ix_sessions_expires (expires_at),
  CONSTRAINT fk_sessions_user FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Failed sign-ins, counted per e-mail and per address over a time window.
CREATE TABLE login_failures (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email       VARCHAR(254) NOT NULL,
  address     VARCHAR(45)  NOT NULL,
  created_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY ix_login_failures_email (email, created_at),
  KEY ix_login_failures_address (address, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A beneficiary's request for a service. centre_id is the centre handling it
-- now (it changes when a request is referred to another centre).
CREATE TABLE service_requests (
  id              INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  service_id      INT UNSIGNED NOT NULL,
  centre_id       INT UNSIGNED NOT NULL,
  user_id         INT UNSIGNED NOT NULL,
  ngo_id          INT UNSIGNED NULL,
  topic           VARCHAR(200) NOT NULL,
  message         TEXT         NOT NULL,
  contact_method  ENUM('email','phone') NOT NULL,
  contact_value   VARCHAR(254) NOT NULL,
  status          ENUM('new','accepted','done','declined') NOT NULL DEFAULT 'new',
  consent_at      DATETIME     NOT NULL,     -- consent to personal-data processing (152-FZ)
  form_token      CHAR(32)     NOT NULL,     -- one record per submitted form (double submit)
  created_at      DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at      DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  UNIQUE KEY uq_service_requests_form (user_id, form_token),
  KEY ix_service_requests_centre (centre_id, status, created_at),
  KEY ix_service_requests_user (user_id, created_at),
  KEY ix_service_requests_service (service_id),
  CONSTRAINT fk_sr_service FOREIGN KEY (service_id) REFERENCES services(id),
  CONSTRAINT fk_sr_centre FOREIGN KEY (centre_id) REFERENCES centres(id),
  CONSTRAINT fk_sr_user FOREIGN KEY (user_id) REFERENCES users(id),
  CONSTRAINT fk_sr_ngo FOREIGN KEY (ngo_id) REFERENCES ngos(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The history of a request: every change, who made it and when.
CREATE TABLE request_events (
  id              BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  request_id      INT UNSIGNED NOT NULL,
  actor_id        INT UNSIGNED NOT NULL,
  kind            ENUM('created','accepted','comment','done','declined','referred') NOT NULL,
  note            TEXT         NOT NULL,
  from_centre_id  INT UNSIGNED NULL,
  to_centre_id    INT UNSIGNED NULL,
  created_at      DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY ix_request_events_request (request_id, id),
  CONSTRAINT fk_re_request FOREIGN KEY (request_id) REFERENCES service_requests(id),
  CONSTRAINT fk_re_actor FOREIGN KEY (actor_id) REFERENCES users(id),
  CONSTRAINT fk_re_from FOREIGN KEY (from_centre_id) REFERENCES centres(id),
  CONSTRAINT fk_re_to FOREIGN KEY (to_centre_id) REFERENCES centres(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE news (
  id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  centre_id     INT UNSIGNED NOT NULL,
  title         VARCHAR(200) NOT NULL,
  summary       VARCHAR(500) NOT NULL,
  body          TEXT         NOT NULL,
  status        ENUM('draft','published') NOT NULL DEFAULT 'draft',
  published_at  DATETIME     NULL,
  author_id     INT UNSIGNED NULL,
  form_token    CHAR(32)     NULL,
  created_at    DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at    DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  UNIQUE KEY uq_news_form (centre_id, form_token),
  KEY ix_news_published (status, published_at),
  KEY ix_news_centre (centre_id, status, published_at),
  CONSTRAINT fk_news_centre FOREIGN KEY (centre_id) REFERENCES centres(id),
  CONSTRAINT fk_news_author FOREIGN KEY (author_id) REFERENCES users(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Events; starts_at/ends_at are UTC, shown in the region's time zone.
CREATE TABLE events (
  id                INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  centre_id         INT UNSIGNED NOT NULL,
  district_id       INT UNSIGNED NULL,     -- where it takes place; NULL for online only
  title             VARCHAR(200) NOT NULL,
  summary           VARCHAR(500) NOT NULL,
  description       TEXT         NOT NULL,
  starts_at         DATETIME     NOT NULL,
  ends_at           DATETIME     NOT NULL,
  place             VARCHAR(300) NOT NULL DEFAULT '',
  online_url        VARCHAR(300) NOT NULL DEFAULT '',
  registration_url  VARCHAR(300) NOT NULL DEFAULT '',
  status            ENUM('draft','published','cancelled') NOT NULL DEFAULT 'draft',
  author_id         INT UNSIGNED NULL,
  form_token        CHAR(32)     NULL,
  created_at        DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at        DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  UNIQUE KEY uq_events_form (centre_id, form_token),
  KEY ix_events_starts (status, starts_at),
  KEY ix_events_centre (centre_id, status, starts_at),
  KEY ix_events_district (district_id, status, starts_at),
  CONSTRAINT fk_events_centre FOREIGN KEY (centre_id) REFERENCES centres(id),
  CONSTRAINT fk_events_district FOREIGN KEY (district_id) REFERENCES districts(id),
  CONSTRAINT fk_events_author FOREIGN KEY (author_id) REFERENCES users(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every change made in /staff/ and /admin/: who, what, when, before/after (JSON).
CREATE TABLE audit_log (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id     INT UNSIGNED NOT NULL,
  centre_id   INT UNSIGNED NULL,
  action      VARCHAR(64)  NOT NULL,      -- e.g. service.update, request.refer
  entity      VARCHAR(64)  NOT NULL,
  entity_id   INT UNSIGNED NOT NULL,
  before_json TEXT         NULL,
  after_json  TEXT         NULL,
  address     VARCHAR(45)  NOT NULL DEFAULT '',
  created_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY ix_audit_created (created_at),
  KEY ix_audit_entity (entity, entity_id),
  CONSTRAINT fk_audit_user FOREIGN KEY (user_id) REFERENCES users(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Notifications waiting for delivery through sendmail (rchub-admin deliver).
CREATE TABLE outbox (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  recipient   VARCHAR(254) NOT NULL,
  subject     VARCHAR(300) NOT NULL,
  body        TEXT         NOT NULL,
  created_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  sent_at     DATETIME     NULL,
  attempts    INT UNSIGNED NOT NULL DEFAULT 0,
  last_error  VARCHAR(500) NOT NULL DEFAULT '',
  KEY ix_outbox_pending (sent_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
