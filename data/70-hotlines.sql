-- data/70-hotlines.sql: hotlines per unit (table `hotlines`, described in
-- data/README.md). `unit` is the name the unit goes by on the site: a
-- procedure whose `agency` is the same name shows these numbers on its page.
--
-- SAMPLE DATA: the seeds give no numbers. Every number here is a
-- placeholder in the 0256 000 00xx range and every address ends in
-- .example; a real portal puts its published numbers here (the main one
-- also in site.toml's [hotline], which every page's header and footer show).

INSERT INTO hotlines (unit, label, phone, email, address, office_hours, purpose, source)
VALUES ('UBND huyện Tuy Phước', 'Đường dây nóng cải cách hành chính', '0256 000 0000',
	'cchc@tuyphuoc.example', 'Trụ sở UBND huyện Tuy Phước, thị trấn Tuy Phước, tỉnh Bình Định',
	'Thứ Hai đến thứ Sáu: sáng 7 giờ 00 - 11 giờ 30, chiều 13 giờ 30 - 17 giờ 00',
	'Phản ánh, kiến nghị về thủ tục hành chính, hồ sơ trễ hẹn, thái độ phục vụ của cán bộ, công chức', 'sample');
INSERT INTO hotlines (unit, label, phone, email, address, office_hours, purpose, source)
VALUES ('UBND huyện Tuy Phước', 'Bộ phận Một cửa huyện', '0256.000.0001',
	'motcua@tuyphuoc.example', 'Bộ phận Một cửa, Trụ sở UBND huyện Tuy Phước, thị trấn Tuy Phước, tỉnh Bình Định',
	'Thứ Hai đến thứ Sáu: sáng 7 giờ 00 - 11 giờ 30, chiều 13 giờ 30 - 17 giờ 00; sáng thứ Bảy 7 giờ 30 - 11 giờ 00',
	'Hướng dẫn hồ sơ, tra cứu tình trạng hồ sơ, hẹn trả kết quả', 'sample');
INSERT INTO hotlines (unit, label, phone, email, address, office_hours, purpose, source)
VALUES ('Phòng Tư pháp huyện Tuy Phước', 'Phòng Tư pháp', '0256 000 0002',
	'tuphap@tuyphuoc.example', 'Trụ sở UBND huyện Tuy Phước, thị trấn Tuy Phước, tỉnh Bình Định',
	'Thứ Hai đến thứ Sáu, giờ hành chính', 'Chứng thực, hộ tịch có yếu tố nước ngoài, phổ biến pháp luật', 'sample');
INSERT INTO hotlines (unit, label, phone, email, address, office_hours, purpose, source)
VALUES ('Chi nhánh Văn phòng đăng ký đất đai huyện Tuy Phước', 'Bộ phận tiếp nhận hồ sơ đất đai', '+84 256 000 0003',
	'dangkydatdai@tuyphuoc.example', 'Thị trấn Tuy Phước, tỉnh Bình Định',
	'Thứ Hai đến thứ Sáu, giờ hành chính', 'Đăng ký đất đai, cấp Giấy chứng nhận, đăng ký biến động', 'sample');
INSERT INTO hotlines (unit, label, phone, email, address, office_hours, purpose, source)
VALUES ('Phòng Tài nguyên và Môi trường huyện Tuy Phước', 'Phòng Tài nguyên và Môi trường', '0256 000 0004',
	'tnmt@tuyphuoc.example', 'Trụ sở UBND huyện Tuy Phước, thị trấn Tuy Phước, tỉnh Bình Định',
	'Thứ Hai đến thứ Sáu, giờ hành chính', 'Chuyển mục đích sử dụng đất, môi trường', 'sample');
INSERT INTO hotlines (unit, label, phone, email, address, office_hours, purpose, source)
VALUES ('Phòng Tài chính - Kế hoạch huyện Tuy Phước', 'Bộ phận đăng ký kinh doanh', '0256 000 0005',
	'dkkd@tuyphuoc.example', 'Trụ sở UBND huyện Tuy Phước, thị trấn Tuy Phước, tỉnh Bình Định',
	'Thứ Hai đến thứ Sáu, giờ hành chính', 'Đăng ký hộ kinh doanh, công khai ngân sách', 'sample');
INSERT INTO hotlines (unit, label, phone, email, address, office_hours, purpose, source)
VALUES ('Phòng Lao động - Thương binh và Xã hội huyện Tuy Phước', 'Phòng Lao động - Thương binh và Xã hội', '0256 000 0006',
	'ldtbxh@tuyphuoc.example', 'Trụ sở UBND huyện Tuy Phước, thị trấn Tuy Phước, tỉnh Bình Định',
	'Thứ Hai đến thứ Sáu, giờ hành chính', 'Trợ giúp xã hội, người khuyết tật, người có công', 'sample');
INSERT INTO hotlines (unit, label, phone, email, address, office_hours, purpose, source)
VALUES ('Phòng Kinh tế và Hạ tầng huyện Tuy Phước', 'Phòng Kinh tế và Hạ tầng', '0256 000 0007',
	'ktht@tuyphuoc.example', 'Trụ sở UBND huyện Tuy Phước, thị trấn Tuy Phước, tỉnh Bình Định',
	'Thứ Hai đến thứ Sáu, giờ hành chính', 'Giấy phép xây dựng, trật tự xây dựng', 'sample');
INSERT INTO hotlines (unit, label, phone, email, address, office_hours, purpose, source)
VALUES ('UBND xã Phước Lộc', 'Bộ phận Một cửa xã', '0256 000 0008',
	'phuocloc@tuyphuoc.example', 'Trụ sở UBND xã Phước Lộc, huyện Tuy Phước, tỉnh Bình Định',
	'Thứ Hai đến thứ Sáu: sáng 7 giờ 00 - 11 giờ 30, chiều 13 giờ 30 - 17 giờ 00',
	'Hộ tịch, chứng thực, trợ giúp xã hội, hòa giải đất đai', 'sample');
INSERT INTO hotlines (unit, label, phone, email, address, office_hours, purpose, source)
VALUES ('UBND xã Phước Lộc', 'Công an xã (khẩn cấp)', '113',
	NULL, NULL, 'Cả ngày, mọi ngày', 'Gọi khi có việc khẩn cấp về an ninh, trật tự', 'sample');
