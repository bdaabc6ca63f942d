SET NAMES utf8mb4;
-- The districts of Khabarovsk Krai on the tile map of /coverage (migration
-- 006): north at the top, the Sea of Okhotsk coast on the right, Bikin in
-- the far south. Placed by hand after the real map; one district a cell.
UPDATE districts SET map_row = 0, map_col = 3 WHERE slug = 'ayano-maysky';
UPDATE districts SET map_row = 0, map_col = 4 WHERE slug = 'okhotsky';
UPDATE districts SET map_row = 1, map_col = 3 WHERE slug = 'tuguro-chumikansky';
UPDATE districts SET map_row = 1, map_col = 4 WHERE slug = 'nikolaevsky';
UPDATE districts SET map_row = 2, map_col = 0 WHERE slug = 'verkhnebureinsky';
UPDATE districts SET map_row = 2, map_col = 1 WHERE slug = 'solnechny';
UPDATE districts SET map_row = 2, map_col = 2 WHERE slug = 'imeni-poliny-osipenko';
UPDATE districts SET map_row = 2, map_col = 4 WHERE slug = 'ulchsky';
UPDATE districts SET map_row = 3, map_col = 1 WHERE slug = 'komsomolsky';
UPDATE districts SET map_row = 3, map_col = 2 WHERE slug = 'komsomolsk-na-amure';
UPDATE districts SET map_row = 3, map_col = 3 WHERE slug = 'amursky';
UPDATE districts SET map_row = 3, map_col = 4 WHERE slug = 'vaninsky';
UPDATE districts SET map_row = 4, map_col = 0 WHERE slug = 'khabarovsk';
UPDATE districts SET map_row = 4, map_col = 1 WHERE slug = 'khabarovsky';
UPDATE districts SET map_row = 4, map_col = 2 WHERE slug = 'nanaysky';
UPDATE districts SET map_row = 4, map_col = 4 WHERE slug = 'sovetsko-gavansky';
UPDATE districts SET map_row = 5, map_col = 0 WHERE slug = 'vyazemsky';
UPDATE districts SET map_row = 5, map_col = 1 WHERE slug = 'imeni-lazo';
UPDATE districts SET map_row = 6, map_col = 0 WHERE slug = 'bikinsky';
