-- data/90-sample-observations.sql: SAMPLE DATA. Invented monthly rates
-- for the 13 communes and townships of Tuy Phước district and two of its
-- agencies, January 2023 to December 2024, so that the indicator pages
-- have something to show. Every row has source = 'sample' and is shown as
-- "số liệu mẫu". The figures are computed (no randomness: the same every
-- build) from the unit's number u, the month m (0-23) and the indicator's
-- number k; numerator and denominator are whole dossiers.
-- Real data replaces this file: one INSERT per row, e.g.
--   INSERT INTO observations (indicator, unit, period, value, numerator, denominator, source, source_file)
--   VALUES ('thanh-toan-truc-tuyen', 'phuoc-loc', '2023-04', 62.5, 25, 40, '12/BC-UBND', NULL);

WITH RECURSIVE
months(m) AS (SELECT 0 UNION ALL SELECT m + 1 FROM months WHERE m < 23),
u(n, id) AS (VALUES
	(1, 'tt-tuy-phuoc'), (2, 'dieu-tri'), (3, 'phuoc-an'), (4, 'phuoc-hiep'),
	(5, 'phuoc-hoa'), (6, 'phuoc-hung'), (7, 'phuoc-loc'), (8, 'phuoc-nghia'),
	(9, 'phuoc-quang'), (10, 'phuoc-son'), (11, 'phuoc-thang'), (12, 'phuoc-thanh'),
	(13, 'phuoc-thuan'), (14, 'tuy-phuoc-van-phong'), (15, 'tuy-phuoc-tu-phap')),
-- k, indicator, starting level, spread between units, rise per month, noise
k(k, id, base, spread, slope, noise) AS (VALUES
	(1, 'ho-so-truc-tuyen', 22.0, 16.0, 1.6, 1.0),
	(2, 'thanh-toan-truc-tuyen', 38.0, 20.0, 1.9, 1.2),
	(3, 'ho-so-dung-han', 94.0, 5.0, 0.15, 0.4),
	(4, 'bcci-tra-ket-qua', 14.0, 14.0, 0.9, 0.8),
	(5, 'so-hoa', 40.0, 18.0, 1.3, 1.0)),
rate(k, ind, unit, n, m, r, den) AS (
	SELECT k.k, k.id, u.id, u.n, months.m,
		max(0.0, min(100.0, k.base + ((u.n * 7) % 11) * k.spread / 10.0 - k.spread / 2.0
			+ months.m * k.slope + (((u.n * 131 + months.m * 71 + k.k * 17) % 13) - 6) * k.noise)),
		20 + ((u.n * 53 + months.m * 29 + k.k * 11) % 80)
	FROM k, u, months)
INSERT INTO observations (indicator, unit, period, value, numerator, denominator, source)
SELECT ind, unit, printf('%04d-%02d', 2023 + m / 12, m % 12 + 1),
	round(100.0 * round(den * r / 100.0) / den, 2), round(den * r / 100.0), den, 'sample'
FROM rate;

-- Electronic certified copies per year (a count; the 2022 target is at
-- least 360 a year per unit), communes and townships only.
WITH u(n, id) AS (VALUES
	(1, 'tt-tuy-phuoc'), (2, 'dieu-tri'), (3, 'phuoc-an'), (4, 'phuoc-hiep'),
	(5, 'phuoc-hoa'), (6, 'phuoc-hung'), (7, 'phuoc-loc'), (8, 'phuoc-nghia'),
	(9, 'phuoc-quang'), (10, 'phuoc-son'), (11, 'phuoc-thang'), (12, 'phuoc-thanh'),
	(13, 'phuoc-thuan')),
y(year) AS (VALUES (2023), (2024))
INSERT INTO observations (indicator, unit, period, value, source)
SELECT 'chung-thuc-dien-tu', u.id, printf('%d', y.year),
	180 + ((u.n * 97 + y.year * 31) % 260) + (y.year - 2023) * 120, 'sample'
FROM u, y;
