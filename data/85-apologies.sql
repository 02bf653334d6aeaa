-- data/85-apologies.sql: written apologies for late dossiers (table
-- `apologies`, described in data/README.md). No personal names: the
-- dossier code identifies the dossier. Days late are computed from the two
-- dates. Each apology is listed on /xin-loi/ for [apologies] window_days
-- (site.toml, default 30) from its publication date, then on
-- /xin-loi/luu-tru/.
--
-- SAMPLE DATA: dossier codes, dates and reasons are invented for the
-- example (source = 'sample'). Built with --now 2026-11-21 and a 30-day
-- window, the apologies published from 2026-10-23 on are current and the
-- older ones are archived.

INSERT INTO apologies (dossier_code, procedure, agency, due_date, new_date, reason, published, source)
VALUES ('000.31.22.H08-261109-0012', '1.012757', 'Chi nhánh Văn phòng đăng ký đất đai huyện Tuy Phước',
	'2026-11-19', '2026-11-26', 'Phải đo đạc lại ranh giới thửa đất do có sai lệch với bản đồ địa chính.',
	'2026-11-21', 'sample');
INSERT INTO apologies (dossier_code, procedure, agency, due_date, new_date, reason, published, source)
VALUES ('000.31.22.H08-261103-0047', '1.012756', 'Chi nhánh Văn phòng đăng ký đất đai huyện Tuy Phước',
	'2026-11-13', '2026-11-27', 'Cần xác minh nguồn gốc sử dụng đất tại thực địa; đợt mưa lũ đầu tháng 11 làm chậm việc xác minh.',
	'2026-11-14', 'sample');
INSERT INTO apologies (dossier_code, procedure, agency, due_date, new_date, reason, published, source)
VALUES ('000.31.22.H08-261020-0008', '1.009994', 'Phòng Kinh tế và Hạ tầng huyện Tuy Phước',
	'2026-11-04', '2026-11-11', 'Hồ sơ thiết kế phải lấy thêm ý kiến về chỉ giới xây dựng.',
	'2026-11-05', 'sample');
INSERT INTO apologies (dossier_code, procedure, agency, due_date, new_date, reason, published, source)
VALUES ('000.31.22.H08-261012-0021', '1.001776', 'Phòng Lao động - Thương binh và Xã hội huyện Tuy Phước',
	'2026-10-22', '2026-10-29', 'Chờ kết quả xác định mức độ khuyết tật của Hội đồng cấp xã.',
	'2026-10-23', 'sample');
INSERT INTO apologies (dossier_code, procedure, agency, due_date, new_date, reason, published, source)
VALUES ('000.31.22.H08-261005-0033', '1.012771', 'Phòng Tài nguyên và Môi trường huyện Tuy Phước',
	'2026-10-21', '2026-11-04', 'Phải rà soát lại sự phù hợp với kế hoạch sử dụng đất năm 2026.',
	'2026-10-22', 'sample');
INSERT INTO apologies (dossier_code, procedure, agency, due_date, new_date, reason, published, source)
VALUES ('000.31.22.H08-260915-0005', '1.004884', 'UBND xã Phước Lộc',
	'2026-09-22', '2026-09-29', 'Phải xác minh thông tin khai sinh tại nơi đăng ký trước đây.',
	'2026-09-23', 'sample');
INSERT INTO apologies (dossier_code, procedure, agency, due_date, new_date, reason, published, source)
VALUES ('000.31.22.H08-260801-0014', '2.000720', 'Phòng Tài chính - Kế hoạch huyện Tuy Phước',
	'2026-08-06', '2026-08-07', 'Lỗi kết nối hệ thống đăng ký kinh doanh quốc gia trong hai ngày.',
	'2026-08-06', 'sample');
