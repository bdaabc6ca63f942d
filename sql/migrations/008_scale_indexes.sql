-- 008: indexes that keep pages as fast with 100,000 services and 1,000,000
-- ratings as with the demo data (make bench-scale measures both).

-- The catalogue walks services newest first and stops after its page: with
-- every filter column in the index (and id right after created_at, the
-- order's tie-break) that walk never reads a row. Its (status, created_at)
-- prefix also serves the newest services of the home page and the feeds; it
-- replaces (status, target_group, format, cost), which the optimizer would
-- otherwise prefer for filters and then read every row.
-- A centre's page lists its newest services the same way.
ALTER TABLE services
  ADD KEY ix_services_browse (status, created_at, id, centre_id, category_id, target_group, format, cost, updated_at),
  DROP KEY ix_services_status_created,
  DROP KEY ix_services_filters,
  ADD KEY ix_services_centre_newest (centre_id, status, created_at, id),
  DROP KEY ix_services_centre;

-- The quality index sums a service's, a centre's or the whole region's
-- ratings over a span of time: the overall score and the centre that did the
-- work in the index spare reading each rating's row. A service's page shows
-- its newest approved comments straight from an index.
ALTER TABLE feedback
  ADD KEY ix_feedback_service_sums (service_id, created_at, centre_id, overall),
  ADD KEY ix_feedback_service_comments (service_id, comment_status, created_at),
  DROP KEY ix_feedback_service,
  ADD KEY ix_feedback_centre_sums (centre_id, created_at, overall),
  DROP KEY ix_feedback_centre,
  ADD KEY ix_feedback_created_sums (created_at, centre_id, overall),
  DROP KEY ix_feedback_created;
