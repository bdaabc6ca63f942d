-- 003: one service per submitted creation form. Staff forms carry a one-time
-- token; a reload or a double click sends the same token again, and the
-- unique key turns the second insert into a duplicate instead of a second row.
ALTER TABLE services
  ADD COLUMN form_token CHAR(32) NULL AFTER search_stems,
  ADD UNIQUE KEY uq_services_form (centre_id, form_token);
