-- tests/bench/scale.sql (make bench-scale): grows the demo data set to the
-- scale of DESIGN.md, set-based, in a minute or two. Run as the schema owner
-- on a database holding the migrations and sql/demo/*.sql, after setting:
--   @scale_services  new services (each with its districts)      e.g. 100000
--   @scale_ngos      new NGOs                                     e.g. 10000
--   @scale_ratings   new verified ratings (and the requests done) e.g. 1000000
--   @scale_users     new members who give them                    e.g. 20000
--   @hot_service     a service that receives @hot_ratings of them (the page
--   @hot_ratings     with many ratings the bench times)
-- Every new row copies a demo row round-robin, so texts, categories, centres,
-- districts and search stems (title, summary, description: realistic Russian
-- words for FULLTEXT) keep the demo's mix; the stems are copied, not
-- re-computed. New NGOs get unique, valid INN/OGRN under tax office 99
-- (the demo uses 91-98; Khabarovsk Krai uses neither). Ratings are spread
-- from the first publication of the standard until now, each under the
-- version in force on its day with a score for each of its criteria and the
-- weighted overall score the site computes; a few carry an approved comment.
-- Ids are the previous maximum + the sequence number, so the steps join on
-- arithmetic instead of looking rows up.
SET NAMES utf8mb4;
-- Rows are valid by construction; checking 7 million foreign keys and unique
-- keys one by one would triple the load time.
SET SESSION foreign_key_checks = 0, unique_checks = 0;

-- ---- services and the districts they reach ---------------------------------
CREATE TEMPORARY TABLE scale_service_src ENGINE=MEMORY AS
  SELECT ROW_NUMBER() OVER (ORDER BY id) - 1 AS k, id, centre_id, category_id, title, summary,
         target_group, format, cost, price_note, eligibility, contact_name, contact_phone, contact_email
  FROM services WHERE status = 'active';
CREATE TEMPORARY TABLE scale_service_text AS
  SELECT s.id, s.description, s.search_stems FROM services s JOIN scale_service_src m ON m.id = s.id;
SET @demo_services = (SELECT COUNT(*) FROM scale_service_src);
SET @s0 = (SELECT MAX(id) FROM services);
SET @now = UTC_TIMESTAMP();

-- Created over the last three years, one in twenty archived since.
INSERT INTO services (id, centre_id, category_id, title, summary, description, target_group, format, cost,
                      price_note, eligibility, contact_name, contact_phone, contact_email, status, search_stems,
                      created_at, updated_at)
SELECT @s0 + q.seq, m.centre_id, m.category_id, m.title, m.summary, t.description, m.target_group, m.format,
       m.cost, m.price_note, m.eligibility, m.contact_name, m.contact_phone, m.contact_email,
       IF(q.seq MOD 20 = 0, 'archived', 'active'), t.search_stems,
       @now - INTERVAL (q.seq * 7919) MOD (3 * 365 * 86400) SECOND,
       @now - INTERVAL (q.seq * 7919) MOD (3 * 365 * 86400) SECOND
FROM seq_1_to_1000000 q
JOIN scale_service_src m ON m.k = q.seq MOD @demo_services
JOIN scale_service_text t ON t.id = m.id
WHERE q.seq <= @scale_services;

INSERT INTO service_districts (service_id, district_id)
SELECT @s0 + q.seq, sd.district_id
FROM seq_1_to_1000000 q
JOIN scale_service_src m ON m.k = q.seq MOD @demo_services
JOIN service_districts sd ON sd.service_id = m.id
WHERE q.seq <= @scale_services;

-- ---- NGOs ---------------------------------------------------------------------
CREATE TEMPORARY TABLE scale_ngo_src AS
  SELECT ROW_NUMBER() OVER (ORDER BY id) - 1 AS k, n.* FROM ngos n;
SET @demo_ngos = (SELECT COUNT(*) FROM scale_ngo_src);
SET @n0 = (SELECT MAX(id) FROM ngos);

-- INN: 27 (region) 99 (tax office) + 5 digits + check digit (weights 2 4 10 3 5 9 4 6 8);
-- OGRN: 1, year, 27, 99, 5 digits + (first 12 digits mod 11) mod 10.
INSERT INTO ngos (id, name, short_name, legal_form, inn, ogrn, district_id, address, activity, phone, email,
                  website, registered_on, is_demo, search_stems, created_at, updated_at)
SELECT @n0 + x.seq, x.name, x.short_name, x.legal_form, x.inn, x.ogrn, x.district_id, x.address, x.activity,
       x.phone, x.email, x.website, x.registered_on, 1,
       REPLACE(REPLACE(x.search_stems, x.src_inn, x.inn), x.src_ogrn, x.ogrn), x.created_at, x.created_at
FROM (
  SELECT d.*,
         CONCAT(d.i9, MOD(MOD(SUBSTRING(d.i9, 1, 1) * 2 + SUBSTRING(d.i9, 2, 1) * 4 + SUBSTRING(d.i9, 3, 1) * 10 +
                              SUBSTRING(d.i9, 4, 1) * 3 + SUBSTRING(d.i9, 5, 1) * 5 + SUBSTRING(d.i9, 6, 1) * 9 +
                              SUBSTRING(d.i9, 7, 1) * 4 + SUBSTRING(d.i9, 8, 1) * 6 + SUBSTRING(d.i9, 9, 1) * 8,
                              11), 10)) AS inn,
         CONCAT(d.o12, MOD(MOD(CAST(d.o12 AS UNSIGNED), 11), 10)) AS ogrn
  FROM (
    SELECT q.seq, s.name, s.short_name, s.legal_form, s.district_id, s.address, s.activity, s.phone, s.email,
           s.website, s.registered_on, s.search_stems, s.created_at, s.inn AS src_inn, s.ogrn AS src_ogrn,
           CONCAT('2799', LPAD(q.seq, 5, '0')) AS i9,
           CONCAT('1', DATE_FORMAT(s.registered_on, '%y'), '2799', LPAD(q.seq, 5, '0')) AS o12
    FROM seq_1_to_1000000 q JOIN scale_ngo_src s ON s.k = q.seq MOD @demo_ngos
    WHERE q.seq <= @scale_ngos
  ) d
) x;

-- ---- members, their requests done, and their ratings ------------------------------
SET @u0 = (SELECT MAX(id) FROM users);
INSERT INTO users (id, email, name, password_hash, role)
SELECT @u0 + q.seq, CONCAT('scale', q.seq, '@example.org'), CONCAT('Участник нагрузочного теста ', q.seq),
       '!no-password', 'member'
FROM seq_1_to_1000000 q WHERE q.seq <= @scale_users;

-- Each rating: its service (the hot one first, then every new service in
-- turn), the centre that did the work (the service's own, one in twenty
-- referred to the next centre), its member and its moment.
SET @first_published = (SELECT MIN(published_at) FROM quality_standards WHERE published_at IS NOT NULL);
SET @span = GREATEST(TIMESTAMPDIFF(SECOND, @first_published, @now), 1);
SET @centres = (SELECT COUNT(*) FROM centres);
-- The versions of the standard and the days each was in force.
CREATE TEMPORARY TABLE scale_standard_in_force AS
  SELECT id, published_at AS valid_from,
         COALESCE(LEAD(published_at) OVER (ORDER BY published_at), '9999-12-31') AS valid_to
  FROM quality_standards WHERE published_at IS NOT NULL;
CREATE TEMPORARY TABLE scale_rating (
  n INT UNSIGNED NOT NULL PRIMARY KEY,
  service_id INT UNSIGNED NOT NULL,
  centre_id INT UNSIGNED NOT NULL,
  user_id INT UNSIGNED NOT NULL,
  standard_id INT UNSIGNED NOT NULL,
  rated_at DATETIME NOT NULL
);
INSERT INTO scale_rating (n, service_id, centre_id, user_id, standard_id, rated_at)
SELECT r.seq, s.id, IF(r.seq MOD 20 = 0, s.centre_id MOD @centres + 1, s.centre_id),
       @u0 + 1 + r.seq MOD @scale_users, v.id, r.rated_at
FROM (SELECT seq, @now - INTERVAL (seq * 104729) MOD @span SECOND AS rated_at
      FROM seq_1_to_1000000 WHERE seq <= @scale_ratings) r
JOIN services s ON s.id = IF(r.seq <= @hot_ratings, @hot_service, @s0 + 1 + (r.seq * 7) MOD @scale_services)
JOIN scale_standard_in_force v ON r.rated_at >= v.valid_from AND r.rated_at < v.valid_to;

SET @r0 = (SELECT MAX(id) FROM service_requests);
SET @f0 = (SELECT MAX(id) FROM feedback);
SET @moderator = (SELECT MIN(id) FROM users WHERE role = 'moderator');
CREATE TEMPORARY TABLE scale_topic AS
  SELECT ROW_NUMBER() OVER (ORDER BY id) - 1 AS k, topic FROM service_requests;
SET @topics = (SELECT COUNT(*) FROM scale_topic);
CREATE TEMPORARY TABLE scale_comment AS
  SELECT ROW_NUMBER() OVER (ORDER BY id) - 1 AS k, comment FROM feedback WHERE comment_status = 'approved';
SET @comments = (SELECT COUNT(*) FROM scale_comment);

INSERT INTO service_requests (id, service_id, centre_id, user_id, ngo_id, topic, message, contact_method,
                              contact_value, status, consent_at, form_token, created_at, updated_at)
SELECT @r0 + r.n, r.service_id, r.centre_id, r.user_id, NULL, t.topic, 'Заявка нагрузочного теста.', 'email',
       CONCAT('scale', r.user_id - @u0, '@example.org'), 'done', r.rated_at - INTERVAL 7 DAY,
       LPAD(HEX(r.n), 32, '0'), r.rated_at - INTERVAL 7 DAY, r.rated_at - INTERVAL 1 DAY
FROM scale_rating r JOIN scale_topic t ON t.k = r.n MOD @topics;

-- A score 1..5 for criterion c of rating n, fixed by (n, c) and leaning to 4-5:
-- ELT(1 + CRC32(n * 16 + c) MOD 10, 2, 3, 3, 4, 4, 4, 5, 5, 5, 1) below.
-- overall = the weighted mean of the rating's scores, as the site computes it.
INSERT INTO feedback (id, request_id, user_id, service_id, centre_id, standard_id, overall, comment,
                      comment_status, moderated_by, moderated_at, created_at)
SELECT @f0 + r.n, @r0 + r.n, r.user_id, r.service_id, r.centre_id, r.standard_id,
       (SELECT ROUND(SUM(qc.weight * ELT(1 + CRC32(r.n * 16 + qc.sort_order) MOD 10, 2, 3, 3, 4, 4, 4, 5, 5, 5, 1))
                     / SUM(qc.weight), 3)
        FROM quality_criteria qc WHERE qc.standard_id = r.standard_id),
       IF(r.n MOD 50 = 0, c.comment, ''), IF(r.n MOD 50 = 0, 'approved', 'none'),
       IF(r.n MOD 50 = 0, @moderator, NULL), IF(r.n MOD 50 = 0, r.rated_at + INTERVAL 1 HOUR, NULL), r.rated_at
FROM scale_rating r JOIN scale_comment c ON c.k = r.n MOD @comments;

INSERT INTO feedback_scores (feedback_id, criterion_id, score)
SELECT @f0 + r.n, qc.id, ELT(1 + CRC32(r.n * 16 + qc.sort_order) MOD 10, 2, 3, 3, 4, 4, 4, 5, 5, 5, 1)
FROM scale_rating r JOIN quality_criteria qc ON qc.standard_id = r.standard_id;

-- As after any bulk load: the two FULLTEXT indexes rebuilt compact (OPTIMIZE
-- recreates an InnoDB table with its indexes) and fresh statistics for the
-- optimizer everywhere.
OPTIMIZE TABLE services, ngos;
ANALYZE TABLE service_districts, users, service_requests, feedback, feedback_scores;
