-- 007: what the survival monitor needs beyond migration 005.
--
-- A project may be registered as the continuation of an earlier project of
-- the same NGO: that is how a later grant is recorded, and the survival
-- monitor counts it as a sign that the first project lived on. A
-- continuation always points to a project with a smaller id, so chains have
-- no cycles.
ALTER TABLE projects
  ADD COLUMN continues_project_id INT UNSIGNED NULL AFTER continuation_plan,
  ADD KEY ix_projects_continues (continues_project_id),
  ADD CONSTRAINT fk_projects_continues FOREIGN KEY (continues_project_id) REFERENCES projects(id);

-- One-time form tokens: a reloaded or twice-clicked form adds one update
-- (by its NGO member) or one support record (by centre staff), not two.
ALTER TABLE project_updates
  ADD COLUMN form_token CHAR(32) NULL,
  ADD UNIQUE KEY uq_project_updates_form (author_id, form_token);

ALTER TABLE project_support
  ADD COLUMN form_token CHAR(32) NULL,
  ADD UNIQUE KEY uq_project_support_form (staff_id, form_token);
