SET NAMES utf8mb4;
-- tests/e2e/fixtures-quality.sql: data for the quality suite (t_quality.c)
-- that demo data cannot give: service 900101 with exactly four rated done
-- requests and a fifth done one not yet rated, so that one rating moves it
-- across the "not enough ratings" threshold. The ratings use the published
-- version of the standard; each gives the same score on every criterion, so
-- its overall score is that score whatever the weights. They are dated
-- today, so they do not move the region's prior (ratings before today).
-- Requests are found by their form tokens (7e57…01 to 7e57…05).

SET @centre := (SELECT id FROM centres WHERE slug = 'media-amurskaya-volna');
SET @seminars := (SELECT id FROM categories WHERE slug = 'seminary-i-treningi');
SET @std := (SELECT id FROM quality_standards WHERE status = 'published');

INSERT INTO services (id, centre_id, category_id, title, summary, description, target_group, format, cost,
                      status, search_stems, created_at, updated_at) VALUES
(900101, @centre, @seminars, 'Пороговый семинар по стандарту качества (тест)',
 'Услуга для проверки порога «недостаточно оценок».', 'Четыре оценки до теста, пятая — в тесте.',
 'ngo', 'offline', 'free', 'active', '', '2024-02-01 10:00:00', '2024-02-01 10:00:00');
INSERT INTO service_districts (service_id, district_id) SELECT 900101, id FROM districts WHERE slug = 'khabarovsk';

INSERT INTO service_requests (service_id, centre_id, user_id, topic, message, contact_method, contact_value, status,
                              consent_at, form_token, created_at, updated_at)
SELECT 900101, @centre, u.id, 'Тест порога индекса', 'Проверка порога индекса качества.', 'email', u.email, 'done',
       '2026-10-01 10:00:00', t.token, '2026-10-01 10:00:00', '2026-10-05 10:00:00'
FROM users u JOIN (
  SELECT 'member10@example.org' AS email, '7e570000000000000000000000000001' AS token UNION ALL
  SELECT 'member11@example.org', '7e570000000000000000000000000002' UNION ALL
  SELECT 'member12@example.org', '7e570000000000000000000000000003' UNION ALL
  SELECT 'member13@example.org', '7e570000000000000000000000000004' UNION ALL
  SELECT 'member14@example.org', '7e570000000000000000000000000005') t ON t.email = u.email;

-- Their histories: sent by the member, accepted and done by the centre's admin.
SET @admin := (SELECT id FROM users WHERE email = 'admin.media-amurskaya-volna@example.org');
INSERT INTO request_events (request_id, actor_id, kind, note, created_at)
SELECT id, user_id, 'created', '', created_at FROM service_requests WHERE service_id = 900101 ORDER BY id;
INSERT INTO request_events (request_id, actor_id, kind, note, created_at)
SELECT id, @admin, 'accepted', '', created_at + INTERVAL 1 DAY FROM service_requests WHERE service_id = 900101 ORDER BY id;
INSERT INTO request_events (request_id, actor_id, kind, note, created_at)
SELECT id, @admin, 'done', '', updated_at FROM service_requests WHERE service_id = 900101 ORDER BY id;

INSERT INTO feedback (request_id, user_id, service_id, centre_id, standard_id, overall, comment, comment_status)
SELECT r.id, r.user_id, 900101, @centre, @std, s.score, '', 'none'
FROM service_requests r JOIN (
  SELECT '7e570000000000000000000000000001' AS token, 5 AS score UNION ALL
  SELECT '7e570000000000000000000000000002', 4 UNION ALL
  SELECT '7e570000000000000000000000000003', 4 UNION ALL
  SELECT '7e570000000000000000000000000004', 3) s ON s.token = r.form_token;

INSERT INTO feedback_scores (feedback_id, criterion_id, score)
SELECT f.id, qc.id, ROUND(f.overall) FROM feedback f JOIN quality_criteria qc ON qc.standard_id = f.standard_id
WHERE f.service_id = 900101;
