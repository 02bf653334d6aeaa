-- data/50-satisfaction.sql: citizen satisfaction (SIPAS) by criterion
-- (table `satisfaction`, see data/README.md). The 2022 rates of Tuy Phước
-- district are those the district's 2023 plan (seed 001) reports from
-- Decision 4509/QĐ-UBND of 29/12/2022 of the province; the plan sets the
-- target of at least 90% (land matters at least 80%).

INSERT INTO satisfaction (unit, year, criterion, rate, target, note, source, source_file, position)
VALUES ('tuy-phuoc', 2022, 'Mức phí, lệ phí được yêu cầu nộp là đúng quy định', 76.67, 90,
	'Kết quả đo lường theo Quyết định số 4509/QĐ-UBND ngày 29/12/2022 của UBND tỉnh', '/KH-UBND', 'seeds/001_6fc72cf77e6c099c.txt', 1);
INSERT INTO satisfaction (unit, year, criterion, rate, target, note, source, source_file, position)
VALUES ('tuy-phuoc', 2022, 'Thời hạn giải quyết thủ tục hành chính là đúng quy định', 77.50, 90,
	'Kết quả đo lường theo Quyết định số 4509/QĐ-UBND ngày 29/12/2022 của UBND tỉnh', '/KH-UBND', 'seeds/001_6fc72cf77e6c099c.txt', 2);
INSERT INTO satisfaction (unit, year, criterion, rate, target, note, source, source_file, position)
VALUES ('tuy-phuoc', 2022, 'Kết quả giải quyết thủ tục hành chính phù hợp với quy định, có thông tin đầy đủ, chính xác, đảm bảo công bằng', 70.50, 90,
	'Kết quả đo lường theo Quyết định số 4509/QĐ-UBND ngày 29/12/2022 của UBND tỉnh (văn bản ghi “đạt 70,50”)', '/KH-UBND', 'seeds/001_6fc72cf77e6c099c.txt', 3);
INSERT INTO satisfaction (unit, year, criterion, rate, target, note, source, source_file, position)
VALUES ('tuy-phuoc', 2022, 'Tiếp nhận và xử lý các kiến nghị góp ý, phản ánh, kiến nghị', 67.74, 90,
	'Kết quả đo lường theo Quyết định số 4509/QĐ-UBND ngày 29/12/2022 của UBND tỉnh', '/KH-UBND', 'seeds/001_6fc72cf77e6c099c.txt', 4);
INSERT INTO satisfaction (unit, year, criterion, rate, target, note, source, source_file, position)
VALUES ('tuy-phuoc', 2022, 'Trang thiết bị phục vụ người dân, tổ chức đảm bảo hoạt động tốt và dễ sử dụng', 75, 90,
	'Kết quả đo lường theo Quyết định số 4509/QĐ-UBND ngày 29/12/2022 của UBND tỉnh', '/KH-UBND', 'seeds/001_6fc72cf77e6c099c.txt', 5);
INSERT INTO satisfaction (unit, year, criterion, rate, target, note, source, source_file, position)
VALUES ('tuy-phuoc', 2022, 'Lĩnh vực đất đai', NULL, 80,
	'Văn bản chỉ nêu mục tiêu: riêng lĩnh vực đất đai đạt tỷ lệ từ 80% trở lên', '/KH-UBND', 'seeds/001_6fc72cf77e6c099c.txt', 6);
