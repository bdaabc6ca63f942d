SET NAMES utf8mb4;
-- tests/e2e/fixtures-projects.sql: projects for t_projects.c, loaded after
-- the demo data. Every date is relative to the database's current date
-- (UTC_DATE(), UTC_TIMESTAMP()), so the at-risk rules fire on the same
-- fixtures whatever day the suite runs. Each rule has a project it fires on
-- and neighbours that miss it by one condition. All belong to one fixture
-- NGO in Тугуро-Чумиканский район, supported by the centre 'mrc-nikolaevsk';
-- ids start at 900201, far above the demo ranges.

SET @district := (SELECT id FROM districts WHERE slug = 'tuguro-chumikansky');
SET @category := (SELECT id FROM categories WHERE slug = 'konsultatsii');
SET @centre := (SELECT id FROM centres WHERE slug = 'mrc-nikolaevsk');

INSERT INTO ngos (id, name, short_name, legal_form, inn, ogrn, district_id, address, activity, phone, email,
                  website, registered_on, is_demo, search_stems) VALUES
(900101, 'Автономная некоммерческая организация „Проверка рисков“ (тест)', 'АНО „Проверка рисков“', 'ano',
 '2700900032', '1022700900034', @district, 'с. Чумикан, ул. Тестовая, д. 3',
 'Держит проекты, на которых проверяются правила риска.', '', '', '', '2022-04-04', 1, '');

INSERT INTO projects (id, ngo_id, title, goal, district_id, category_id, centre_id, funding_source, grant_amount,
                      grant_start, grant_end, status, continuation_plan, status_changed_at, last_update_at,
                      created_at) VALUES
-- (a) the grant ends within 60 days and there is no continuation plan.
(900201, 900101, 'Риск А: грант кончается, плана нет', 'Проверка правила (а).', @district, @category, @centre,
 'regional', 500000.00, UTC_DATE() - INTERVAL 300 DAY, UTC_DATE() + INTERVAL 30 DAY, 'running', '',
 UTC_TIMESTAMP() - INTERVAL 290 DAY, UTC_TIMESTAMP() - INTERVAL 5 DAY, UTC_TIMESTAMP() - INTERVAL 320 DAY),
(900202, 900101, 'Сосед А: грант кончается, план есть', 'Проверка правила (а).', @district, @category, @centre,
 'regional', 500000.00, UTC_DATE() - INTERVAL 300 DAY, UTC_DATE() + INTERVAL 30 DAY, 'running',
 'Продолжим на членские взносы.', UTC_TIMESTAMP() - INTERVAL 290 DAY, UTC_TIMESTAMP() - INTERVAL 5 DAY,
 UTC_TIMESTAMP() - INTERVAL 320 DAY),
(900203, 900101, 'Сосед А: грант кончается не скоро', 'Проверка правила (а).', @district, @category, @centre,
 'regional', 500000.00, UTC_DATE() - INTERVAL 300 DAY, UTC_DATE() + INTERVAL 75 DAY, 'running', '',
 UTC_TIMESTAMP() - INTERVAL 290 DAY, UTC_TIMESTAMP() - INTERVAL 5 DAY, UTC_TIMESTAMP() - INTERVAL 320 DAY),
-- (b) no update for 90 days while running.
(900211, 900101, 'Риск Б: нет новостей', 'Проверка правила (б).', @district, @category, @centre,
 'presidential', 1500000.00, UTC_DATE() - INTERVAL 200 DAY, UTC_DATE() + INTERVAL 300 DAY, 'running',
 'План есть.', UTC_TIMESTAMP() - INTERVAL 190 DAY, UTC_TIMESTAMP() - INTERVAL 120 DAY,
 UTC_TIMESTAMP() - INTERVAL 220 DAY),
(900212, 900101, 'Сосед Б: новости недавно', 'Проверка правила (б).', @district, @category, @centre,
 'presidential', 1500000.00, UTC_DATE() - INTERVAL 200 DAY, UTC_DATE() + INTERVAL 300 DAY, 'running',
 'План есть.', UTC_TIMESTAMP() - INTERVAL 190 DAY, UTC_TIMESTAMP() - INTERVAL 60 DAY,
 UTC_TIMESTAMP() - INTERVAL 220 DAY),
(900213, 900101, 'Сосед Б: приостановлен', 'Проверка правила (б).', @district, @category, @centre,
 'presidential', 1500000.00, UTC_DATE() - INTERVAL 200 DAY, UTC_DATE() + INTERVAL 300 DAY, 'stalled',
 'План есть.', UTC_TIMESTAMP() - INTERVAL 150 DAY, UTC_TIMESTAMP() - INTERVAL 150 DAY,
 UTC_TIMESTAMP() - INTERVAL 220 DAY),
-- (c) the grant ended and the status has not changed for 60 days.
(900221, 900101, 'Риск В: статус не меняется', 'Проверка правила (в).', @district, @category, @centre,
 'municipal', 200000.00, UTC_DATE() - INTERVAL 400 DAY, UTC_DATE() - INTERVAL 100 DAY, 'completed', '',
 UTC_TIMESTAMP() - INTERVAL 95 DAY, UTC_TIMESTAMP() - INTERVAL 20 DAY, UTC_TIMESTAMP() - INTERVAL 420 DAY),
(900222, 900101, 'Сосед В: статус менялся недавно', 'Проверка правила (в).', @district, @category, @centre,
 'municipal', 200000.00, UTC_DATE() - INTERVAL 400 DAY, UTC_DATE() - INTERVAL 100 DAY, 'completed', '',
 UTC_TIMESTAMP() - INTERVAL 20 DAY, UTC_TIMESTAMP() - INTERVAL 20 DAY, UTC_TIMESTAMP() - INTERVAL 420 DAY),
(900223, 900101, 'Сосед В: закрыт', 'Проверка правила (в).', @district, @category, @centre,
 'municipal', 200000.00, UTC_DATE() - INTERVAL 400 DAY, UTC_DATE() - INTERVAL 100 DAY, 'closed', '',
 UTC_TIMESTAMP() - INTERVAL 95 DAY, UTC_TIMESTAMP() - INTERVAL 95 DAY, UTC_TIMESTAMP() - INTERVAL 420 DAY),
(900224, 900101, 'Сосед В: грант кончился недавно', 'Проверка правила (в).', @district, @category, @centre,
 'municipal', 200000.00, UTC_DATE() - INTERVAL 340 DAY, UTC_DATE() - INTERVAL 40 DAY, 'completed', '',
 UTC_TIMESTAMP() - INTERVAL 200 DAY, UTC_TIMESTAMP() - INTERVAL 20 DAY, UTC_TIMESTAMP() - INTERVAL 360 DAY),
-- Stored markup and SQL in every text a project page shows.
(900231, 900101, '<script>alert("project")</script> ''; DROP TABLE projects; --',
 'Цель <img src=x onerror=alert(2)>', @district, @category, @centre, 'business', NULL, NULL, NULL, 'idea',
 'План <b>жирный</b> & "кавычки"', UTC_TIMESTAMP() - INTERVAL 3 DAY, UTC_TIMESTAMP() - INTERVAL 3 DAY,
 UTC_TIMESTAMP() - INTERVAL 3 DAY);

INSERT INTO project_updates (project_id, author_id, body, status_from, status_to, created_at) VALUES
(900231, NULL, 'Новость <script>alert("update")</script>', NULL, NULL, UTC_TIMESTAMP() - INTERVAL 2 DAY);
