-- 006: where each district sits on the map-like grid of /coverage: a tile
-- map, one cell per district, placed roughly as on the real map (row 0 is
-- the north, column 0 the west). NULL = not placed: such districts follow
-- the placed ones, in their sort order.
ALTER TABLE districts
  ADD COLUMN map_row TINYINT UNSIGNED NULL,
  ADD COLUMN map_col TINYINT UNSIGNED NULL;
