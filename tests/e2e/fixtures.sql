SET NAMES utf8mb4;
-- tests/e2e/fixtures.sql: test data loaded after the demo data (as root, into
-- rchub) for what demo data cannot show: stored XSS and SQL payloads, a
-- service with a unique Cyrillic word, a deterministic relevance pair, an
-- archived service, and NGOs with a hostile name and a unique name word.
-- Ids start at 900001, far above the demo ranges; demo rows are referred to
-- by slug, never by id. search_stems stays empty: tests/run.sh reindexes.

SET @centre := (SELECT id FROM centres WHERE slug = 'rrc-khabarovsk');
SET @law := (SELECT id FROM categories WHERE slug = 'yuridicheskie-konsultatsii');
SET @seminars := (SELECT id FROM categories WHERE slug = 'seminary-i-treningi');

INSERT INTO services (id, centre_id, category_id, title, summary, description, target_group, format, cost,
                      price_note, eligibility, contact_name, contact_phone, contact_email, status,
                      search_stems, created_at, updated_at) VALUES
-- 900001: stored XSS and SQL metacharacters in every text a page shows; the
-- newest service, so the home page shows it too.
(900001, @centre, @law,
 '<script>alert("xss")</script> ''; DROP TABLE services; --',
 'Сводка <script>alert("xss")</script> ''; DROP TABLE services; --',
 'Описание <script>alert("xss")</script> ''; DROP TABLE services; --',
 'ngo', 'offline', 'free', '', '<b>только</b> для теста', 'Тест <script>alert(2)</script>', '', '',
 'active', '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
-- 900002: a unique Cyrillic word («выдропольский»), three districts, and a
-- description far longer than one fetch buffer that ends with a marker.
(900002, @centre, @seminars,
 'Выдропольский семинар по годовой отчётности НКО',
 'Практический семинар для инициативных групп: отчёт за год без ошибок.',
 CONCAT(REPEAT('Разбираем формы отчётов, сроки сдачи и типичные ошибки на примерах участников. ', 20),
        'Конец описания.'),
 'initiative', 'both', 'paid', '500 ₽ за участие', '', 'Тестовый Контакт', '+7 (4212) 00-00-01',
 'test@example.org', 'active', '', '2024-01-15 10:00:00', '2024-01-15 10:00:00'),
-- 900003/900004: «амгуньский» once in a title (older) and once only in a
-- description (newer): relevance, not recency, must put 900003 first.
(900003, @centre, @seminars,
 'Амгуньский лекторий для НКО',
 'Открытые лекции для сотрудников некоммерческих организаций.',
 'Лекции ведут приглашённые эксперты.',
 'ngo', 'offline', 'free', '', '', '', '', '', 'active', '', '2023-01-01 10:00:00', '2023-01-01 10:00:00'),
(900004, @centre, @seminars,
 'Лекторий для некоммерческих организаций',
 'Открытые лекции для сотрудников НКО.',
 'Лекции ведёт Амгуньский краеведческий клуб.',
 'ngo', 'offline', 'free', '', '', '', '', '', 'active', '', '2026-06-01 10:00:00', '2026-06-01 10:00:00'),
-- 900005: archived; its unique word «кварцеград» must find nothing.
(900005, @centre, @law,
 'Архивная услуга Кварцеград',
 'Услуга больше не оказывается.',
 'Центр больше не оказывает эту услугу.',
 'ngo', 'offline', 'free', '', '', '', '', '', 'archived', '', '2022-01-01 10:00:00', '2022-01-01 10:00:00');

INSERT INTO service_districts (service_id, district_id)
SELECT s.id, d.id FROM services s JOIN districts d
ON (s.id = 900001 AND d.slug IN ('khabarovsk', 'bikinsky'))
OR (s.id = 900002 AND d.slug IN ('khabarovsk', 'amursky', 'nanaysky'))
OR (s.id IN (900003, 900004, 900005) AND d.slug = 'khabarovsk');

-- INNs and OGRNs carry valid check digits (FNS rules).
INSERT INTO ngos (id, name, short_name, legal_form, inn, ogrn, district_id, address, activity, phone, email,
                  website, registered_on, is_demo, search_stems) VALUES
-- 900001: markup in both names and a javascript: website.
(900001, '<img src=x onerror=alert(1)> Тестовая НКО', '<img src=x onerror=alert(1)>', 'ano',
 '2700900018', '1022700900012', (SELECT id FROM districts WHERE slug = 'khabarovsk'),
 'г. Хабаровск, ул. Тестовая, д. 1', 'Проверяет экранирование.', '', '', 'javascript:alert(1)',
 '2020-02-02', 1, ''),
-- 900002: a unique name word («кедропад») and a known INN, in Охотский район.
(900002, 'Автономная некоммерческая организация „Кедропад“ (тест)', 'АНО „Кедропад“', 'ano',
 '2700900025', '1022700900023', (SELECT id FROM districts WHERE slug = 'okhotsky'),
 'пос. Охотск, ул. Лесная, д. 2', 'Охраняет кедровые леса побережья.', '+7 (42141) 0-00-02',
 'kedropad@example.org', '', '2021-03-03', 1, '');
