-- data/30-targets.sql: targets set by the seed documents (table `targets`,
-- see data/README.md). One INSERT per target so that an error names its
-- line. A target is for one unit, or for a group (unit_group) below a unit
-- (within); it applies from its period until a newer one replaces it.
-- comparison '>=' is written "từ ... trở lên", "ít nhất", "tối thiểu";
-- '=' is "đạt X%", "là X%" (reached at X or better).


-- 000: Công văn /UBND-NV, UBND huyện Tuy Phước, tháng 10/2022: các phòng, ban huyện và UBND các xã, thị trấn, năm 2022
INSERT INTO targets (indicator, unit, unit_group, within, period, value, comparison, note, source, source_file)
VALUES ('ho-so-truc-tuyen', NULL, 'all', 'tuy-phuoc', '2022', 30, '>=',
	'có ít nhất 30% hồ sơ được giải quyết trực tuyến mức độ 3, mức độ 4', '/UBND-NV', 'seeds/000_48d4ff3c8e3d704e.txt');
INSERT INTO targets (indicator, unit, unit_group, within, period, value, comparison, note, source, source_file)
VALUES ('tthc-phat-sinh-ho-so', NULL, 'all', 'tuy-phuoc', '2022', 100, '=',
	'đạt 100% thủ tục đã cung cấp dịch vụ công trực tuyến phải phát sinh hồ sơ', '/UBND-NV', 'seeds/000_48d4ff3c8e3d704e.txt');
INSERT INTO targets (indicator, unit, unit_group, within, period, value, comparison, note, source, source_file)
VALUES ('thanh-toan-truc-tuyen', NULL, 'all', 'tuy-phuoc', '2022', 70, '>=',
	'đạt từ 70% trở lên', '/UBND-NV', 'seeds/000_48d4ff3c8e3d704e.txt');
INSERT INTO targets (indicator, unit, unit_group, within, period, value, comparison, note, source, source_file)
VALUES ('bcci-tthc', NULL, 'all', 'tuy-phuoc', '2022', 50, '>=',
	'đạt từ 50% trở lên', '/UBND-NV', 'seeds/000_48d4ff3c8e3d704e.txt');
INSERT INTO targets (indicator, unit, unit_group, within, period, value, comparison, note, source, source_file)
VALUES ('bcci-tiep-nhan', NULL, 'all', 'tuy-phuoc', '2022', 20, '>=',
	'hồ sơ được tiếp nhận và trả kết quả qua bưu chính công ích phải đạt từ 20% trở lên', '/UBND-NV', 'seeds/000_48d4ff3c8e3d704e.txt');
INSERT INTO targets (indicator, unit, unit_group, within, period, value, comparison, note, source, source_file)
VALUES ('van-ban-dien-tu', NULL, 'all', 'tuy-phuoc', '2022', 95, '>=',
	'đạt từ 95% trở lên', '/UBND-NV', 'seeds/000_48d4ff3c8e3d704e.txt');
INSERT INTO targets (indicator, unit, unit_group, within, period, value, comparison, note, source, source_file)
VALUES ('ho-so-cong-viec-dien-tu', NULL, 'all', 'tuy-phuoc', '2022', 30, '>=',
	'từ 30% trở lên', '/UBND-NV', 'seeds/000_48d4ff3c8e3d704e.txt');
INSERT INTO targets (indicator, unit, unit_group, within, period, value, comparison, note, source, source_file)
VALUES ('chung-thuc-dien-tu', NULL, 'all', 'tuy-phuoc', '2022', 360, '>=',
	'mỗi cơ quan, đơn vị, địa phương ít nhất 360 hồ sơ trong năm 2022', '/UBND-NV', 'seeds/000_48d4ff3c8e3d704e.txt');

-- 001: Kế hoạch /KH-UBND, UBND huyện Tuy Phước, năm 2023
INSERT INTO targets (indicator, unit, unit_group, within, period, value, comparison, note, source, source_file)
VALUES ('thanh-toan-truc-tuyen', NULL, 'all', 'tuy-phuoc', '2023', 100, '=',
	'phấn đấu đạt 100%', '/KH-UBND', 'seeds/001_6fc72cf77e6c099c.txt');
INSERT INTO targets (indicator, unit, unit_group, within, period, value, comparison, note, source, source_file)
VALUES ('bcci-tra-ket-qua', NULL, 'all', 'tuy-phuoc', '2023', 30, '>=',
	'hàng tháng, ít nhất từ 30% trở lên', '/KH-UBND', 'seeds/001_6fc72cf77e6c099c.txt');
INSERT INTO targets (indicator, unit, unit_group, within, period, value, comparison, note, source, source_file)
VALUES ('chung-thuc-dien-tu-ty-le', NULL, 'all-communes', 'tuy-phuoc', '2023-04', 5, '>=',
	'hàng tháng, ít nhất từ 5%, bắt đầu từ tháng 4/2023', '/KH-UBND', 'seeds/001_6fc72cf77e6c099c.txt');
INSERT INTO targets (indicator, unit, unit_group, within, period, value, comparison, note, source, source_file)
VALUES ('ho-so-dung-han', NULL, 'all', 'tuy-phuoc', '2023', 100, '=',
	'phấn đấu 100% hồ sơ giải quyết sớm hạn và đúng hạn', '/KH-UBND', 'seeds/001_6fc72cf77e6c099c.txt');
INSERT INTO targets (indicator, unit, unit_group, within, period, value, comparison, note, source, source_file)
VALUES ('hai-long', NULL, 'all', 'tuy-phuoc', '2023', 90, '>=',
	'hàng năm từ 90% trở lên', '/KH-UBND', 'seeds/001_6fc72cf77e6c099c.txt');
INSERT INTO targets (indicator, unit, unit_group, within, period, value, comparison, note, source, source_file)
VALUES ('hai-long-dat-dai', NULL, 'all', 'tuy-phuoc', '2023', 80, '>=',
	'riêng lĩnh vực đất đai từ 80% trở lên', '/KH-UBND', 'seeds/001_6fc72cf77e6c099c.txt');
INSERT INTO targets (indicator, unit, unit_group, within, period, value, comparison, note, source, source_file)
VALUES ('doanh-nghiep-moi', 'tuy-phuoc', NULL, NULL, '2023', 20, '>=',
	'tăng ít nhất 20% so với năm 2022', '/KH-UBND', 'seeds/001_6fc72cf77e6c099c.txt');

-- 002: Thông báo /TB-UBND, UBND huyện Ý Yên, 05/11/2022: các xã, thị trấn, mỗi tháng 11 và 12/2022
INSERT INTO targets (indicator, unit, unit_group, within, period, value, comparison, note, source, source_file)
VALUES ('ho-so-truc-tuyen', NULL, 'all-communes', 'y-yen', '2022-11', 85, '=',
	'dịch vụ công trực tuyến mức độ 3, 4 đạt 85%, mỗi tháng 11 và 12/2022', '/TB-UBND', 'seeds/002_a228cb4154e42730.txt');
INSERT INTO targets (indicator, unit, unit_group, within, period, value, comparison, note, source, source_file)
VALUES ('thanh-toan-truc-tuyen', NULL, 'all-communes', 'y-yen', '2022-11', 50, '=',
	'đạt 50%, mỗi tháng 11 và 12/2022', '/TB-UBND', 'seeds/002_a228cb4154e42730.txt');
INSERT INTO targets (indicator, unit, unit_group, within, period, value, comparison, note, source, source_file)
VALUES ('so-hoa', NULL, 'all-communes', 'y-yen', '2022-11', 70, '=',
	'đạt 70%, mỗi tháng 11 và 12/2022', '/TB-UBND', 'seeds/002_a228cb4154e42730.txt');
INSERT INTO targets (indicator, unit, unit_group, within, period, value, comparison, note, source, source_file)
VALUES ('ket-qua-dien-tu', NULL, 'all-communes', 'y-yen', '2022-11', 80, '=',
	'đạt 80%, mỗi tháng 11 và 12/2022', '/TB-UBND', 'seeds/002_a228cb4154e42730.txt');
INSERT INTO targets (indicator, unit, unit_group, within, period, value, comparison, note, source, source_file)
VALUES ('ho-so-truc-tuyen', NULL, 'all-communes', 'y-yen', '2022-12', 85, '=',
	'dịch vụ công trực tuyến mức độ 3, 4 đạt 85%, mỗi tháng 11 và 12/2022', '/TB-UBND', 'seeds/002_a228cb4154e42730.txt');
INSERT INTO targets (indicator, unit, unit_group, within, period, value, comparison, note, source, source_file)
VALUES ('thanh-toan-truc-tuyen', NULL, 'all-communes', 'y-yen', '2022-12', 50, '=',
	'đạt 50%, mỗi tháng 11 và 12/2022', '/TB-UBND', 'seeds/002_a228cb4154e42730.txt');
INSERT INTO targets (indicator, unit, unit_group, within, period, value, comparison, note, source, source_file)
VALUES ('so-hoa', NULL, 'all-communes', 'y-yen', '2022-12', 70, '=',
	'đạt 70%, mỗi tháng 11 và 12/2022', '/TB-UBND', 'seeds/002_a228cb4154e42730.txt');
INSERT INTO targets (indicator, unit, unit_group, within, period, value, comparison, note, source, source_file)
VALUES ('ket-qua-dien-tu', NULL, 'all-communes', 'y-yen', '2022-12', 80, '=',
	'đạt 80%, mỗi tháng 11 và 12/2022', '/TB-UBND', 'seeds/002_a228cb4154e42730.txt');

-- 003: Công văn 46/UBND, UBND phường Thác Mơ, 16/07/2024: năm 2024
INSERT INTO targets (indicator, unit, unit_group, within, period, value, comparison, note, source, source_file)
VALUES ('ho-so-truc-tuyen', 'thac-mo', NULL, NULL, '2024', 30, '>=',
	'hồ sơ giải quyết trực tuyến toàn trình đạt tối thiểu 30%', '46/UBND', 'seeds/003_26404f6bf8fd370e.txt');
INSERT INTO targets (indicator, unit, unit_group, within, period, value, comparison, note, source, source_file)
VALUES ('dvc-muc-4', 'thac-mo', NULL, NULL, '2024', 50, '=',
	'dịch vụ công trực tuyến mức 4 đạt 50%', '46/UBND', 'seeds/003_26404f6bf8fd370e.txt');
INSERT INTO targets (indicator, unit, unit_group, within, period, value, comparison, note, source, source_file)
VALUES ('thanh-toan-truc-tuyen', 'thac-mo', NULL, NULL, '2024', 50, '=',
	'đạt 50%', '46/UBND', 'seeds/003_26404f6bf8fd370e.txt');
INSERT INTO targets (indicator, unit, unit_group, within, period, value, comparison, note, source, source_file)
VALUES ('so-hoa', 'thac-mo', NULL, NULL, '2024', 80, '=',
	'là 80%', '46/UBND', 'seeds/003_26404f6bf8fd370e.txt');
INSERT INTO targets (indicator, unit, unit_group, within, period, value, comparison, note, source, source_file)
VALUES ('ket-qua-dien-tu', 'thac-mo', NULL, NULL, '2024', 100, '=',
	'là 100%', '46/UBND', 'seeds/003_26404f6bf8fd370e.txt');
INSERT INTO targets (indicator, unit, unit_group, within, period, value, comparison, note, source, source_file)
VALUES ('tai-su-dung-du-lieu', 'thac-mo', NULL, NULL, '2024', 60, '=',
	'đạt 60%', '46/UBND', 'seeds/003_26404f6bf8fd370e.txt');
INSERT INTO targets (indicator, unit, unit_group, within, period, value, comparison, note, source, source_file)
VALUES ('chung-thuc-dien-tu-ty-le', 'thac-mo', NULL, NULL, '2024', 100, '=',
	'đạt 100%', '46/UBND', 'seeds/003_26404f6bf8fd370e.txt');
INSERT INTO targets (indicator, unit, unit_group, within, period, value, comparison, note, source, source_file)
VALUES ('bcci-tthc', 'thac-mo', NULL, NULL, '2024', 50, '>=',
	'từ 50% số thủ tục', '46/UBND', 'seeds/003_26404f6bf8fd370e.txt');
INSERT INTO targets (indicator, unit, unit_group, within, period, value, comparison, note, source, source_file)
VALUES ('bcci-tiep-nhan', 'thac-mo', NULL, NULL, '2024', 15, '>=',
	'từ 15% trở lên', '46/UBND', 'seeds/003_26404f6bf8fd370e.txt');
INSERT INTO targets (indicator, unit, unit_group, within, period, value, comparison, note, source, source_file)
VALUES ('bcci-tra-ket-qua', 'thac-mo', NULL, NULL, '2024', 15, '>=',
	'từ 15% trở lên', '46/UBND', 'seeds/003_26404f6bf8fd370e.txt');
INSERT INTO targets (indicator, unit, unit_group, within, period, value, comparison, note, source, source_file)
VALUES ('van-ban-dien-tu', 'thac-mo', NULL, NULL, '2024', 90, '>=',
	'phải đạt từ 90% trở lên', '46/UBND', 'seeds/003_26404f6bf8fd370e.txt');
INSERT INTO targets (indicator, unit, unit_group, within, period, value, comparison, note, source, source_file)
VALUES ('ho-so-dung-han', 'thac-mo', NULL, NULL, '2024', 100, '=',
	'đảm bảo 100% thủ tục được giải quyết đúng hạn', '46/UBND', 'seeds/003_26404f6bf8fd370e.txt');

-- 004: Công văn /UBND-KSTT, UBND tỉnh Bình Định, 2020: các sở, ban, ngành và UBND các huyện, thị xã, thành phố
INSERT INTO targets (indicator, unit, unit_group, within, period, value, comparison, note, source, source_file)
VALUES ('ho-so-dung-han', NULL, 'all', 'binh-dinh', '2020', 95, '>=',
	'tại mỗi cơ quan, đơn vị, địa phương phải đạt tỷ lệ tối thiểu trên 95%', '/UBND-KSTT', 'seeds/004_814cb68cda89e7cf.txt');
INSERT INTO targets (indicator, unit, unit_group, within, period, value, comparison, note, source, source_file)
VALUES ('van-ban-dien-tu', NULL, 'all', 'binh-dinh', '2020', 90, '=',
	'mục tiêu 90% các cơ quan hành chính trao đổi văn bản dưới dạng điện tử (Quyết định số 4955/QĐ-UBND ngày 30/12/2019)', '/UBND-KSTT', 'seeds/004_814cb68cda89e7cf.txt');
