-- data/40-rankings.sql: published rankings (tables `rankings`,
-- `ranking_components`, `ranking_weights`; see data/README.md).

-- PAR INDEX (Chỉ số cải cách hành chính) 2022 of Tuy Phước district, as
-- announced by Decision 264/QĐ-UBND of 31/01/2023 of the province and
-- reported by the district's 2023 plan (seed 001): 76,03/100, 10th of 11
-- districts, towns and cities of the province.
INSERT INTO rankings (index_name, year, unit, score, max_score, rank, out_of, decision, decision_date, source, source_file)
VALUES ('PAR INDEX', 2022, 'tuy-phuoc', 76.03, 100, 10, 11, '264/QĐ-UBND', '2023-01-31',
	'/KH-UBND', 'seeds/001_6fc72cf77e6c099c.txt');
INSERT INTO ranking_components (ranking, name, score, max_score, position)
VALUES ((SELECT id FROM rankings WHERE index_name = 'PAR INDEX' AND year = 2022 AND unit = 'tuy-phuoc'),
	'Công tác cải cách hành chính', 46.78, 60, 1);
INSERT INTO ranking_components (ranking, name, score, max_score, position)
VALUES ((SELECT id FROM rankings WHERE index_name = 'PAR INDEX' AND year = 2022 AND unit = 'tuy-phuoc'),
	'Khảo sát cán bộ, công chức, viên chức lãnh đạo', 5.82, 10, 2);
INSERT INTO ranking_components (ranking, name, score, max_score, position)
VALUES ((SELECT id FROM rankings WHERE index_name = 'PAR INDEX' AND year = 2022 AND unit = 'tuy-phuoc'),
	'Chỉ số hài lòng của người dân, tổ chức (SIPAS)', 23.43, 30, 3);

-- The weights behind that score: one province's, for one year and level.
-- Seed 001 gives them as the maximum points of each part (60 + 10 + 30)
-- in the results of Decision 264/QĐ-UBND; the decision that issued the
-- index itself is not named in the seeds.
INSERT INTO ranking_weights (index_name, year, level, component, weight, decision, decision_date, note, source, source_file, position)
VALUES ('PAR INDEX', 2022, 'district', 'Công tác cải cách hành chính', 60, '264/QĐ-UBND', '2023-01-31',
	'Điểm tối đa của phần này trong kết quả công bố tại Quyết định 264/QĐ-UBND.', '/KH-UBND', 'seeds/001_6fc72cf77e6c099c.txt', 1);
INSERT INTO ranking_weights (index_name, year, level, component, weight, decision, decision_date, note, source, source_file, position)
VALUES ('PAR INDEX', 2022, 'district', 'Khảo sát cán bộ, công chức, viên chức lãnh đạo', 10, '264/QĐ-UBND', '2023-01-31',
	'Điểm tối đa của phần này trong kết quả công bố tại Quyết định 264/QĐ-UBND.', '/KH-UBND', 'seeds/001_6fc72cf77e6c099c.txt', 2);
INSERT INTO ranking_weights (index_name, year, level, component, weight, decision, decision_date, note, source, source_file, position)
VALUES ('PAR INDEX', 2022, 'district', 'Chỉ số hài lòng của người dân, tổ chức (SIPAS)', 30, '264/QĐ-UBND', '2023-01-31',
	'Điểm tối đa của phần này trong kết quả công bố tại Quyết định 264/QĐ-UBND.', '/KH-UBND', 'seeds/001_6fc72cf77e6c099c.txt', 3);

-- SAMPLE DATA below: invented figures to show the pages; shown as
-- "số liệu mẫu". The 2021 result of the district, so that the change
-- against the year before shows.
INSERT INTO rankings (index_name, year, unit, score, max_score, rank, out_of, source)
VALUES ('PAR INDEX', 2021, 'tuy-phuoc', 79.12, 100, 8, 11, 'sample');
INSERT INTO ranking_components (ranking, name, score, max_score, position)
VALUES ((SELECT id FROM rankings WHERE index_name = 'PAR INDEX' AND year = 2021 AND unit = 'tuy-phuoc'),
	'Công tác cải cách hành chính', 47.90, 60, 1);
INSERT INTO ranking_components (ranking, name, score, max_score, position)
VALUES ((SELECT id FROM rankings WHERE index_name = 'PAR INDEX' AND year = 2021 AND unit = 'tuy-phuoc'),
	'Khảo sát cán bộ, công chức, viên chức lãnh đạo', 6.30, 10, 2);
INSERT INTO ranking_components (ranking, name, score, max_score, position)
VALUES ((SELECT id FROM rankings WHERE index_name = 'PAR INDEX' AND year = 2021 AND unit = 'tuy-phuoc'),
	'Chỉ số hài lòng của người dân, tổ chức (SIPAS)', 24.92, 30, 3);

-- SAMPLE DATA: the district's ranking of its 13 communes and townships in
-- 2021 and 2022, computed from the unit number (deterministic) and ranked
-- within each year.
WITH u(n, id) AS (VALUES
	(1, 'tt-tuy-phuoc'), (2, 'dieu-tri'), (3, 'phuoc-an'), (4, 'phuoc-hiep'),
	(5, 'phuoc-hoa'), (6, 'phuoc-hung'), (7, 'phuoc-loc'), (8, 'phuoc-nghia'),
	(9, 'phuoc-quang'), (10, 'phuoc-son'), (11, 'phuoc-thang'), (12, 'phuoc-thanh'),
	(13, 'phuoc-thuan')),
b(unit, n, s2021) AS (
	SELECT id, n, 68 + ((n * 37 + n * n * 7) % 230) / 10.0 + n / 100.0 FROM u),
s(year, unit, score) AS (
	SELECT 2021, unit, round(s2021, 2) FROM b
	UNION ALL
	SELECT 2022, unit, round(min(99.0, s2021 + ((n * 29 + 5) % 110) / 10.0 - 4.0), 2) FROM b)
INSERT INTO rankings (index_name, year, unit, score, max_score, rank, out_of, source)
SELECT 'PAR INDEX', year, unit, score, 100,
	rank() OVER (PARTITION BY year ORDER BY score DESC), 13, 'sample'
FROM s;
