-- data/60-procedures.sql: example administrative procedures (table
-- `procedures` and its child tables, described in data/README.md).
--
-- SAMPLE DATA. The procedure names follow the national portal's wording
-- and the legal bases are real documents, but the codes, time limits, fees,
-- agencies, forms and dates here are written for the example and every row
-- is marked source = 'sample'; pages show them as "số liệu mẫu". A real
-- portal copies its province's published list (quyết định công bố danh mục
-- thủ tục hành chính) instead.
--
-- One block per procedure, one INSERT per row (so that an error names the
-- row's line): the procedure, its ways to apply (each with its own time
-- limit and fee), the documents to bring (in order) and its legal basis.
-- Steps and conditions hold one item per line.

-- Chứng thực: Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức c…
INSERT INTO procedures (code, name, field, level, applicants, agency, result, steps, conditions, online_url, updated, source)
VALUES ('2.000815', 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận', 'Chứng thực', 'một phần',
	'Cá nhân, tổ chức', 'UBND xã Phước Lộc', 'Bản sao được chứng thực từ bản chính',
	'Bước 1: Xuất trình bản chính giấy tờ và nộp yêu cầu tại Bộ phận Một cửa.
Bước 2: Người thực hiện chứng thực kiểm tra, đối chiếu, ghi lời chứng và ký, đóng dấu.
Bước 3: Nhận kết quả và nộp phí tại Bộ phận Một cửa.',
	'Bản chính không bị tẩy xóa, sửa chữa, thêm, bớt nội dung không hợp lệ
Bản chính không bị hư hỏng, cũ nát đến mức không xác định được nội dung', 'https://dichvucong.gov.vn/', '2025-03-12', 'sample');
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('2.000815', 'truc-tiep', 'Trong ngày tiếp nhận; nếu nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo', 1, '2.000 đồng/trang; từ trang thứ ba trở lên 1.000 đồng/trang, tối đa 200.000 đồng/bản', 2000);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('2.000815', 'truc-tuyen-mot-phan', 'Trong ngày tiếp nhận; nếu nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo', 1, '2.000 đồng/trang; từ trang thứ ba trở lên 1.000 đồng/trang, tối đa 200.000 đồng/bản', 2000);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('2.000815', 'Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao', NULL, 1, 0);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('2.000815', 'Bản sao cần chứng thực (nếu người yêu cầu tự chuẩn bị)', NULL, 0, 1);
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('2.000815', '23/2015/NĐ-CP', 'Nghị định về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch', '2015-02-16', 'Chính phủ');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('2.000815', '01/2020/TT-BTP', 'Thông tư quy định chi tiết và biện pháp thi hành Nghị định số 23/2015/NĐ-CP', '2020-03-03', 'Bộ Tư pháp');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('2.000815', '226/2016/TT-BTC', 'Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí chứng thực', '2016-11-11', 'Bộ Tài chính');

-- Chứng thực: Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức c…
INSERT INTO procedures (code, name, field, level, applicants, agency, result, steps, conditions, online_url, updated, source)
VALUES ('2.000884', 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của nước ngoài cấp hoặc chứng nhận', 'Chứng thực', 'trực tiếp',
	'Cá nhân, tổ chức', 'Phòng Tư pháp huyện Tuy Phước', 'Bản sao được chứng thực từ bản chính',
	'Bước 1: Xuất trình bản chính giấy tờ và nộp yêu cầu tại Bộ phận Một cửa.
Bước 2: Người thực hiện chứng thực kiểm tra, đối chiếu, ghi lời chứng và ký, đóng dấu.
Bước 3: Nhận kết quả và nộp phí tại Bộ phận Một cửa.',
	'Giấy tờ do nước ngoài cấp phải được hợp pháp hóa lãnh sự, trừ trường hợp được miễn', NULL, '2024-10-08', 'sample');
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('2.000884', 'truc-tiep', 'Trong ngày tiếp nhận; nếu nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo', 1, '2.000 đồng/trang; từ trang thứ ba trở lên 1.000 đồng/trang, tối đa 200.000 đồng/bản', 2000);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('2.000884', 'Bản chính giấy tờ, văn bản đã được hợp pháp hóa lãnh sự', NULL, 1, 0);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('2.000884', 'Bản sao cần chứng thực', NULL, 0, 1);
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('2.000884', '23/2015/NĐ-CP', 'Nghị định về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch', '2015-02-16', 'Chính phủ');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('2.000884', '01/2020/TT-BTP', 'Thông tư quy định chi tiết và biện pháp thi hành Nghị định số 23/2015/NĐ-CP', '2020-03-03', 'Bộ Tư pháp');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('2.000884', '226/2016/TT-BTC', 'Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí chứng thực', '2016-11-11', 'Bộ Tài chính');

-- Chứng thực: Chứng thực chữ ký trong các giấy tờ, văn bản (áp dụng cho cả trường hợ…
INSERT INTO procedures (code, name, field, level, applicants, agency, result, steps, conditions, online_url, updated, source)
VALUES ('2.000908', 'Chứng thực chữ ký trong các giấy tờ, văn bản (áp dụng cho cả trường hợp chứng thực điểm chỉ và trường hợp người yêu cầu chứng thực không thể ký, không thể điểm chỉ được)', 'Chứng thực', 'trực tiếp',
	'Cá nhân', 'UBND xã Phước Lộc', 'Giấy tờ, văn bản được chứng thực chữ ký',
	'Bước 1: Xuất trình bản chính giấy tờ và nộp yêu cầu tại Bộ phận Một cửa.
Bước 2: Người thực hiện chứng thực kiểm tra, đối chiếu, ghi lời chứng và ký, đóng dấu.
Bước 3: Nhận kết quả và nộp phí tại Bộ phận Một cửa.',
	'Người yêu cầu chứng thực phải ký trước mặt người thực hiện chứng thực', NULL, '2025-03-12', 'sample');
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('2.000908', 'truc-tiep', 'Trong ngày tiếp nhận; nếu nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo', 1, '10.000 đồng/trường hợp', 10000);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('2.000908', 'Căn cước hoặc hộ chiếu còn giá trị sử dụng (xuất trình)', NULL, 1, 0);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('2.000908', 'Giấy tờ, văn bản mà mình sẽ ký', NULL, 1, 0);
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('2.000908', '23/2015/NĐ-CP', 'Nghị định về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch', '2015-02-16', 'Chính phủ');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('2.000908', '01/2020/TT-BTP', 'Thông tư quy định chi tiết và biện pháp thi hành Nghị định số 23/2015/NĐ-CP', '2020-03-03', 'Bộ Tư pháp');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('2.000908', '226/2016/TT-BTC', 'Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí chứng thực', '2016-11-11', 'Bộ Tài chính');

-- Chứng thực: Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, quyề…
INSERT INTO procedures (code, name, field, level, applicants, agency, result, steps, conditions, online_url, updated, source)
VALUES ('2.001035', 'Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất và nhà ở', 'Chứng thực', 'trực tiếp',
	'Cá nhân, tổ chức', 'UBND xã Phước Lộc', 'Hợp đồng, giao dịch được chứng thực',
	'Bước 1: Xuất trình bản chính giấy tờ và nộp yêu cầu tại Bộ phận Một cửa.
Bước 2: Người thực hiện chứng thực kiểm tra, đối chiếu, ghi lời chứng và ký, đóng dấu.
Bước 3: Nhận kết quả và nộp phí tại Bộ phận Một cửa.',
	'Các bên tham gia hợp đồng có năng lực hành vi dân sự và tự nguyện giao kết', NULL, '2025-06-20', 'sample');
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('2.001035', 'truc-tiep', 'Trong ngày tiếp nhận; hợp đồng phức tạp không quá 02 ngày làm việc', 2, '50.000 đồng/hợp đồng, giao dịch', 50000);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('2.001035', 'Dự thảo hợp đồng, giao dịch', NULL, 1, 0);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('2.001035', 'Căn cước hoặc hộ chiếu của các bên', NULL, 0, 1);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('2.001035', 'Giấy chứng nhận quyền sử dụng đất (đối với hợp đồng về đất, nhà ở)', NULL, 0, 1);
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('2.001035', '23/2015/NĐ-CP', 'Nghị định về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch', '2015-02-16', 'Chính phủ');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('2.001035', '01/2020/TT-BTP', 'Thông tư quy định chi tiết và biện pháp thi hành Nghị định số 23/2015/NĐ-CP', '2020-03-03', 'Bộ Tư pháp');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('2.001035', '226/2016/TT-BTC', 'Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí chứng thực', '2016-11-11', 'Bộ Tài chính');

-- Chứng thực: Chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch
INSERT INTO procedures (code, name, field, level, applicants, agency, result, steps, conditions, online_url, updated, source)
VALUES ('2.001019', 'Chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch', 'Chứng thực', 'trực tiếp',
	'Cá nhân, tổ chức', 'UBND xã Phước Lộc', 'Văn bản sửa đổi, bổ sung, hủy bỏ hợp đồng được chứng thực',
	'Bước 1: Xuất trình bản chính giấy tờ và nộp yêu cầu tại Bộ phận Một cửa.
Bước 2: Người thực hiện chứng thực kiểm tra, đối chiếu, ghi lời chứng và ký, đóng dấu.
Bước 3: Nhận kết quả và nộp phí tại Bộ phận Một cửa.',
	'Có sự thỏa thuận của tất cả các bên đã tham gia hợp đồng, giao dịch', NULL, '2024-12-02', 'sample');
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('2.001019', 'truc-tiep', 'Trong ngày tiếp nhận; trường hợp phức tạp không quá 02 ngày làm việc', 2, '30.000 đồng/hợp đồng, giao dịch', 30000);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('2.001019', 'Dự thảo văn bản sửa đổi, bổ sung, hủy bỏ hợp đồng', NULL, 1, 0);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('2.001019', 'Hợp đồng, giao dịch đã được chứng thực', NULL, 1, 0);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('2.001019', 'Căn cước hoặc hộ chiếu còn giá trị sử dụng (xuất trình)', NULL, 1, 0);
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('2.001019', '23/2015/NĐ-CP', 'Nghị định về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch', '2015-02-16', 'Chính phủ');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('2.001019', '01/2020/TT-BTP', 'Thông tư quy định chi tiết và biện pháp thi hành Nghị định số 23/2015/NĐ-CP', '2020-03-03', 'Bộ Tư pháp');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('2.001019', '226/2016/TT-BTC', 'Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí chứng thực', '2016-11-11', 'Bộ Tài chính');

-- Chứng thực: Chứng thực văn bản thỏa thuận phân chia di sản mà di sản là động sản, …
INSERT INTO procedures (code, name, field, level, applicants, agency, result, steps, conditions, online_url, updated, source)
VALUES ('2.001008', 'Chứng thực văn bản thỏa thuận phân chia di sản mà di sản là động sản, quyền sử dụng đất, nhà ở', 'Chứng thực', 'trực tiếp',
	'Những người thừa kế', 'UBND xã Phước Lộc', 'Văn bản thỏa thuận phân chia di sản được chứng thực',
	'Bước 1: Xuất trình bản chính giấy tờ và nộp yêu cầu tại Bộ phận Một cửa.
Bước 2: Người thực hiện chứng thực kiểm tra, đối chiếu, ghi lời chứng và ký, đóng dấu.
Bước 3: Nhận kết quả và nộp phí tại Bộ phận Một cửa.',
	'Di sản không có tranh chấp', NULL, '2024-12-02', 'sample');
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('2.001008', 'truc-tiep', 'Không quá 02 ngày làm việc', 2, '50.000 đồng/văn bản', 50000);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('2.001008', 'Dự thảo văn bản thỏa thuận phân chia di sản', NULL, 1, 0);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('2.001008', 'Giấy chứng tử hoặc trích lục khai tử của người để lại di sản', NULL, 0, 1);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('2.001008', 'Giấy tờ chứng minh quan hệ giữa người để lại di sản và người thừa kế', NULL, 0, 1);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('2.001008', 'Căn cước hoặc hộ chiếu còn giá trị sử dụng (xuất trình)', NULL, 1, 0);
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('2.001008', '23/2015/NĐ-CP', 'Nghị định về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch', '2015-02-16', 'Chính phủ');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('2.001008', '01/2020/TT-BTP', 'Thông tư quy định chi tiết và biện pháp thi hành Nghị định số 23/2015/NĐ-CP', '2020-03-03', 'Bộ Tư pháp');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('2.001008', '226/2016/TT-BTC', 'Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí chứng thực', '2016-11-11', 'Bộ Tài chính');

-- Chứng thực: Cấp bản sao có chứng thực từ bản chính hợp đồng, giao dịch đã được chứ…
INSERT INTO procedures (code, name, field, level, applicants, agency, result, steps, conditions, online_url, updated, source)
VALUES ('2.000913', 'Cấp bản sao có chứng thực từ bản chính hợp đồng, giao dịch đã được chứng thực', 'Chứng thực', 'một phần',
	'Các bên tham gia hợp đồng, người thừa kế', 'UBND xã Phước Lộc', 'Bản sao có chứng thực của hợp đồng, giao dịch',
	'Bước 1: Xuất trình bản chính giấy tờ và nộp yêu cầu tại Bộ phận Một cửa.
Bước 2: Người thực hiện chứng thực kiểm tra, đối chiếu, ghi lời chứng và ký, đóng dấu.
Bước 3: Nhận kết quả và nộp phí tại Bộ phận Một cửa.',
	NULL, 'https://dichvucong.gov.vn/', '2024-12-02', 'sample');
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('2.000913', 'truc-tiep', 'Trong ngày tiếp nhận; nếu nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo', 1, '2.000 đồng/trang; từ trang thứ ba trở lên 1.000 đồng/trang, tối đa 200.000 đồng/bản', 2000);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('2.000913', 'truc-tuyen-mot-phan', 'Trong ngày tiếp nhận; nếu nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo', 1, '2.000 đồng/trang; từ trang thứ ba trở lên 1.000 đồng/trang, tối đa 200.000 đồng/bản', 2000);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('2.000913', 'buu-chinh', 'Trong ngày tiếp nhận, cộng thời gian chuyển phát', 1, '2.000 đồng/trang; từ trang thứ ba trở lên 1.000 đồng/trang, tối đa 200.000 đồng/bản; cước bưu chính theo giá của doanh nghiệp bưu chính', NULL);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('2.000913', 'Phiếu yêu cầu cấp bản sao', NULL, 1, 0);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('2.000913', 'Căn cước hoặc hộ chiếu còn giá trị sử dụng (xuất trình)', NULL, 1, 0);
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('2.000913', '23/2015/NĐ-CP', 'Nghị định về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch', '2015-02-16', 'Chính phủ');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('2.000913', '01/2020/TT-BTP', 'Thông tư quy định chi tiết và biện pháp thi hành Nghị định số 23/2015/NĐ-CP', '2020-03-03', 'Bộ Tư pháp');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('2.000913', '226/2016/TT-BTC', 'Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí chứng thực', '2016-11-11', 'Bộ Tài chính');

-- Hộ tịch: Đăng ký khai sinh
INSERT INTO procedures (code, name, field, level, applicants, agency, result, steps, conditions, online_url, updated, source)
VALUES ('1.001193', 'Đăng ký khai sinh', 'Hộ tịch', 'toàn trình',
	'Cha, mẹ, ông, bà hoặc người thân thích của trẻ em', 'UBND xã Phước Lộc', 'Giấy khai sinh (bản chính); bản sao nếu có yêu cầu',
	'Bước 1: Nộp hồ sơ tại Bộ phận Một cửa, trực tuyến hoặc qua bưu chính công ích.
Bước 2: Công chức tư pháp - hộ tịch kiểm tra hồ sơ; hồ sơ chưa đầy đủ thì hướng dẫn bổ sung một lần.
Bước 3: Chủ tịch UBND xã ký; công chức ghi vào sổ hộ tịch và cập nhật Cơ sở dữ liệu hộ tịch điện tử.
Bước 4: Nhận kết quả tại Bộ phận Một cửa, qua bưu chính hoặc bản điện tử.',
	'Đăng ký trong 60 ngày kể từ ngày trẻ em được sinh ra thì được miễn lệ phí', 'https://dichvucong.gov.vn/', '2025-07-15', 'sample');
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.001193', 'truc-tiep', 'Ngay trong ngày tiếp nhận; nếu nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo', 1, 'Miễn lệ phí khi đăng ký đúng hạn', 0);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.001193', 'truc-tuyen-toan-trinh', 'Ngay trong ngày tiếp nhận; nếu nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo', 1, 'Miễn lệ phí khi đăng ký đúng hạn', 0);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.001193', 'buu-chinh', 'Ngay trong ngày tiếp nhận; nếu nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo; cộng thời gian chuyển phát', 1, 'Miễn lệ phí khi đăng ký đúng hạn; cước bưu chính theo giá của doanh nghiệp bưu chính', NULL);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.001193', 'Tờ khai đăng ký khai sinh', 'theo mẫu của Bộ Tư pháp', 1, 0);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.001193', 'Giấy chứng sinh hoặc giấy tờ thay thế giấy chứng sinh', NULL, 1, 0);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.001193', 'Căn cước hoặc hộ chiếu còn giá trị sử dụng (xuất trình)', NULL, 1, 0);
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.001193', '60/2014/QH13', 'Luật Hộ tịch', '2014-11-20', 'Quốc hội');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.001193', '123/2015/NĐ-CP', 'Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch', '2015-11-15', 'Chính phủ');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.001193', '04/2020/TT-BTP', 'Thông tư quy định chi tiết thi hành một số điều của Luật Hộ tịch và Nghị định số 123/2015/NĐ-CP', '2020-05-28', 'Bộ Tư pháp');

-- Hộ tịch: Đăng ký kết hôn
INSERT INTO procedures (code, name, field, level, applicants, agency, result, steps, conditions, online_url, updated, source)
VALUES ('1.000894', 'Đăng ký kết hôn', 'Hộ tịch', 'một phần',
	'Nam, nữ đủ điều kiện kết hôn', 'UBND xã Phước Lộc', 'Giấy chứng nhận kết hôn (mỗi bên một bản chính)',
	'Bước 1: Nộp hồ sơ tại Bộ phận Một cửa, trực tuyến hoặc qua bưu chính công ích.
Bước 2: Công chức tư pháp - hộ tịch kiểm tra hồ sơ; hồ sơ chưa đầy đủ thì hướng dẫn bổ sung một lần.
Bước 3: Chủ tịch UBND xã ký; công chức ghi vào sổ hộ tịch và cập nhật Cơ sở dữ liệu hộ tịch điện tử.
Bước 4: Nhận kết quả tại Bộ phận Một cửa, qua bưu chính hoặc bản điện tử.',
	'Hai bên nam, nữ cùng có mặt khi đăng ký
Đủ điều kiện kết hôn theo Luật Hôn nhân và gia đình', 'https://dichvucong.gov.vn/', '2025-07-15', 'sample');
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.000894', 'truc-tiep', 'Ngay trong ngày tiếp nhận; trường hợp cần xác minh không quá 05 ngày làm việc', 1, 'Miễn lệ phí', 0);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.000894', 'truc-tuyen-mot-phan', 'Ngay trong ngày tiếp nhận; trường hợp cần xác minh không quá 05 ngày làm việc', 1, 'Miễn lệ phí', 0);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.000894', 'Tờ khai đăng ký kết hôn', 'theo mẫu của Bộ Tư pháp', 1, 0);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.000894', 'Giấy xác nhận tình trạng hôn nhân (nếu đăng ký thường trú ở nơi khác)', NULL, 1, 0);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.000894', 'Căn cước hoặc hộ chiếu còn giá trị sử dụng (xuất trình)', NULL, 1, 0);
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.000894', '60/2014/QH13', 'Luật Hộ tịch', '2014-11-20', 'Quốc hội');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.000894', '123/2015/NĐ-CP', 'Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch', '2015-11-15', 'Chính phủ');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.000894', '04/2020/TT-BTP', 'Thông tư quy định chi tiết thi hành một số điều của Luật Hộ tịch và Nghị định số 123/2015/NĐ-CP', '2020-05-28', 'Bộ Tư pháp');

-- Hộ tịch: Đăng ký khai tử
INSERT INTO procedures (code, name, field, level, applicants, agency, result, steps, conditions, online_url, updated, source)
VALUES ('1.000656', 'Đăng ký khai tử', 'Hộ tịch', 'toàn trình',
	'Người thân thích của người chết; đại diện cơ quan, tổ chức', 'UBND xã Phước Lộc', 'Trích lục khai tử (bản chính)',
	'Bước 1: Nộp hồ sơ tại Bộ phận Một cửa, trực tuyến hoặc qua bưu chính công ích.
Bước 2: Công chức tư pháp - hộ tịch kiểm tra hồ sơ; hồ sơ chưa đầy đủ thì hướng dẫn bổ sung một lần.
Bước 3: Chủ tịch UBND xã ký; công chức ghi vào sổ hộ tịch và cập nhật Cơ sở dữ liệu hộ tịch điện tử.
Bước 4: Nhận kết quả tại Bộ phận Một cửa, qua bưu chính hoặc bản điện tử.',
	'Đăng ký trong 15 ngày kể từ ngày có người chết', 'https://dichvucong.gov.vn/', '2025-07-15', 'sample');
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.000656', 'truc-tiep', 'Ngay trong ngày tiếp nhận; nếu nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo', 1, 'Miễn lệ phí khi đăng ký đúng hạn', 0);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.000656', 'truc-tuyen-toan-trinh', 'Ngay trong ngày tiếp nhận; nếu nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo', 1, 'Miễn lệ phí khi đăng ký đúng hạn', 0);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.000656', 'buu-chinh', 'Ngay trong ngày tiếp nhận; nếu nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo; cộng thời gian chuyển phát', 1, 'Miễn lệ phí khi đăng ký đúng hạn; cước bưu chính theo giá của doanh nghiệp bưu chính', NULL);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.000656', 'Tờ khai đăng ký khai tử', 'theo mẫu của Bộ Tư pháp', 1, 0);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.000656', 'Giấy báo tử hoặc giấy tờ thay thế giấy báo tử', NULL, 1, 0);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.000656', 'Căn cước hoặc hộ chiếu còn giá trị sử dụng (xuất trình)', NULL, 1, 0);
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.000656', '60/2014/QH13', 'Luật Hộ tịch', '2014-11-20', 'Quốc hội');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.000656', '123/2015/NĐ-CP', 'Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch', '2015-11-15', 'Chính phủ');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.000656', '04/2020/TT-BTP', 'Thông tư quy định chi tiết thi hành một số điều của Luật Hộ tịch và Nghị định số 123/2015/NĐ-CP', '2020-05-28', 'Bộ Tư pháp');

-- Hộ tịch: Đăng ký lại khai sinh
INSERT INTO procedures (code, name, field, level, applicants, agency, result, steps, conditions, online_url, updated, source)
VALUES ('1.004884', 'Đăng ký lại khai sinh', 'Hộ tịch', 'một phần',
	'Người đã đăng ký khai sinh nhưng sổ hộ tịch và bản chính Giấy khai sinh đều bị mất', 'UBND xã Phước Lộc', 'Giấy khai sinh (bản chính)',
	'Bước 1: Nộp hồ sơ tại Bộ phận Một cửa, trực tuyến hoặc qua bưu chính công ích.
Bước 2: Công chức tư pháp - hộ tịch kiểm tra hồ sơ; hồ sơ chưa đầy đủ thì hướng dẫn bổ sung một lần.
Bước 3: Chủ tịch UBND xã ký; công chức ghi vào sổ hộ tịch và cập nhật Cơ sở dữ liệu hộ tịch điện tử.
Bước 4: Nhận kết quả tại Bộ phận Một cửa, qua bưu chính hoặc bản điện tử.',
	'Sổ hộ tịch và bản chính Giấy khai sinh đều bị mất', 'https://dichvucong.gov.vn/', '2024-11-20', 'sample');
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.004884', 'truc-tiep', '05 ngày làm việc; cần xác minh thì không quá 10 ngày làm việc', 5, '5.000 đồng/trường hợp', 5000);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.004884', 'truc-tuyen-mot-phan', '05 ngày làm việc; cần xác minh thì không quá 10 ngày làm việc', 5, '5.000 đồng/trường hợp', 5000);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.004884', 'buu-chinh', '05 ngày làm việc; cần xác minh thì không quá 10 ngày làm việc; cộng thời gian chuyển phát', 5, '5.000 đồng/trường hợp; cước bưu chính theo giá của doanh nghiệp bưu chính', NULL);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.004884', 'Tờ khai đăng ký lại khai sinh', 'theo mẫu của Bộ Tư pháp', 1, 0);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.004884', 'Bản sao Giấy khai sinh trước đây (nếu có)', NULL, 0, 1);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.004884', 'Giấy tờ, tài liệu có thông tin về họ, chữ đệm, tên, ngày sinh', NULL, 0, 1);
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.004884', '60/2014/QH13', 'Luật Hộ tịch', '2014-11-20', 'Quốc hội');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.004884', '123/2015/NĐ-CP', 'Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch', '2015-11-15', 'Chính phủ');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.004884', '04/2020/TT-BTP', 'Thông tư quy định chi tiết thi hành một số điều của Luật Hộ tịch và Nghị định số 123/2015/NĐ-CP', '2020-05-28', 'Bộ Tư pháp');

-- Hộ tịch: Đăng ký nhận cha, mẹ, con
INSERT INTO procedures (code, name, field, level, applicants, agency, result, steps, conditions, online_url, updated, source)
VALUES ('1.001022', 'Đăng ký nhận cha, mẹ, con', 'Hộ tịch', 'một phần',
	'Cha, mẹ, con', 'UBND xã Phước Lộc', 'Trích lục đăng ký nhận cha, mẹ, con',
	'Bước 1: Nộp hồ sơ tại Bộ phận Một cửa, trực tuyến hoặc qua bưu chính công ích.
Bước 2: Công chức tư pháp - hộ tịch kiểm tra hồ sơ; hồ sơ chưa đầy đủ thì hướng dẫn bổ sung một lần.
Bước 3: Chủ tịch UBND xã ký; công chức ghi vào sổ hộ tịch và cập nhật Cơ sở dữ liệu hộ tịch điện tử.
Bước 4: Nhận kết quả tại Bộ phận Một cửa, qua bưu chính hoặc bản điện tử.',
	'Các bên còn sống và không có tranh chấp', 'https://dichvucong.gov.vn/', '2024-11-20', 'sample');
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.001022', 'truc-tiep', '03 ngày làm việc; cần xác minh thì không quá 08 ngày làm việc', 3, '15.000 đồng/trường hợp', 15000);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.001022', 'truc-tuyen-mot-phan', '03 ngày làm việc; cần xác minh thì không quá 08 ngày làm việc', 3, '15.000 đồng/trường hợp', 15000);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.001022', 'buu-chinh', '03 ngày làm việc; cần xác minh thì không quá 08 ngày làm việc; cộng thời gian chuyển phát', 3, '15.000 đồng/trường hợp; cước bưu chính theo giá của doanh nghiệp bưu chính', NULL);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.001022', 'Tờ khai đăng ký nhận cha, mẹ, con', 'theo mẫu của Bộ Tư pháp', 1, 0);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.001022', 'Văn bản của cơ quan y tế hoặc cơ quan giám định xác nhận quan hệ cha, mẹ, con', NULL, 1, 0);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.001022', 'Căn cước hoặc hộ chiếu còn giá trị sử dụng (xuất trình)', NULL, 1, 0);
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.001022', '60/2014/QH13', 'Luật Hộ tịch', '2014-11-20', 'Quốc hội');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.001022', '123/2015/NĐ-CP', 'Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch', '2015-11-15', 'Chính phủ');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.001022', '04/2020/TT-BTP', 'Thông tư quy định chi tiết thi hành một số điều của Luật Hộ tịch và Nghị định số 123/2015/NĐ-CP', '2020-05-28', 'Bộ Tư pháp');

-- Hộ tịch: Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch
INSERT INTO procedures (code, name, field, level, applicants, agency, result, steps, conditions, online_url, updated, source)
VALUES ('1.004859', 'Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch', 'Hộ tịch', 'một phần',
	'Cá nhân có yêu cầu', 'UBND xã Phước Lộc', 'Trích lục thay đổi, cải chính, bổ sung thông tin hộ tịch',
	'Bước 1: Nộp hồ sơ tại Bộ phận Một cửa, trực tuyến hoặc qua bưu chính công ích.
Bước 2: Công chức tư pháp - hộ tịch kiểm tra hồ sơ; hồ sơ chưa đầy đủ thì hướng dẫn bổ sung một lần.
Bước 3: Chủ tịch UBND xã ký; công chức ghi vào sổ hộ tịch và cập nhật Cơ sở dữ liệu hộ tịch điện tử.
Bước 4: Nhận kết quả tại Bộ phận Một cửa, qua bưu chính hoặc bản điện tử.',
	NULL, 'https://dichvucong.gov.vn/', '2025-01-06', 'sample');
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.004859', 'truc-tiep', '03 ngày làm việc; cần xác minh thì không quá 06 ngày làm việc', 3, '15.000 đồng/trường hợp', 15000);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.004859', 'truc-tuyen-mot-phan', '03 ngày làm việc; cần xác minh thì không quá 06 ngày làm việc', 3, '15.000 đồng/trường hợp', 15000);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.004859', 'buu-chinh', '03 ngày làm việc; cần xác minh thì không quá 06 ngày làm việc; cộng thời gian chuyển phát', 3, '15.000 đồng/trường hợp; cước bưu chính theo giá của doanh nghiệp bưu chính', NULL);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.004859', 'Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch', 'theo mẫu của Bộ Tư pháp', 1, 0);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.004859', 'Giấy tờ liên quan làm căn cứ thay đổi, cải chính, bổ sung', NULL, 0, 1);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.004859', 'Căn cước hoặc hộ chiếu còn giá trị sử dụng (xuất trình)', NULL, 1, 0);
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.004859', '60/2014/QH13', 'Luật Hộ tịch', '2014-11-20', 'Quốc hội');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.004859', '123/2015/NĐ-CP', 'Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch', '2015-11-15', 'Chính phủ');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.004859', '04/2020/TT-BTP', 'Thông tư quy định chi tiết thi hành một số điều của Luật Hộ tịch và Nghị định số 123/2015/NĐ-CP', '2020-05-28', 'Bộ Tư pháp');

-- Hộ tịch: Cấp bản sao Trích lục hộ tịch
INSERT INTO procedures (code, name, field, level, applicants, agency, result, steps, conditions, online_url, updated, source)
VALUES ('2.000635', 'Cấp bản sao Trích lục hộ tịch', 'Hộ tịch', 'toàn trình',
	'Cá nhân không phụ thuộc nơi cư trú', 'UBND xã Phước Lộc', 'Bản sao Trích lục hộ tịch',
	'Bước 1: Nộp hồ sơ tại Bộ phận Một cửa, trực tuyến hoặc qua bưu chính công ích.
Bước 2: Công chức tư pháp - hộ tịch kiểm tra hồ sơ; hồ sơ chưa đầy đủ thì hướng dẫn bổ sung một lần.
Bước 3: Chủ tịch UBND xã ký; công chức ghi vào sổ hộ tịch và cập nhật Cơ sở dữ liệu hộ tịch điện tử.
Bước 4: Nhận kết quả tại Bộ phận Một cửa, qua bưu chính hoặc bản điện tử.',
	NULL, 'https://dichvucong.gov.vn/', '2025-07-15', 'sample');
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('2.000635', 'truc-tiep', 'Ngay trong ngày tiếp nhận yêu cầu', 1, '8.000 đồng/bản sao Trích lục', 8000);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('2.000635', 'truc-tuyen-toan-trinh', 'Ngay trong ngày tiếp nhận yêu cầu', 1, '8.000 đồng/bản sao Trích lục', 8000);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('2.000635', 'buu-chinh', 'Ngay trong ngày tiếp nhận yêu cầu; cộng thời gian chuyển phát', 1, '8.000 đồng/bản sao Trích lục; cước bưu chính theo giá của doanh nghiệp bưu chính', NULL);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('2.000635', 'Tờ khai cấp bản sao trích lục hộ tịch', 'theo mẫu của Bộ Tư pháp', 1, 0);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('2.000635', 'Căn cước hoặc hộ chiếu còn giá trị sử dụng (xuất trình)', NULL, 1, 0);
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('2.000635', '60/2014/QH13', 'Luật Hộ tịch', '2014-11-20', 'Quốc hội');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('2.000635', '123/2015/NĐ-CP', 'Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch', '2015-11-15', 'Chính phủ');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('2.000635', '04/2020/TT-BTP', 'Thông tư quy định chi tiết thi hành một số điều của Luật Hộ tịch và Nghị định số 123/2015/NĐ-CP', '2020-05-28', 'Bộ Tư pháp');

-- Hộ tịch: Cấp Giấy xác nhận tình trạng hôn nhân
INSERT INTO procedures (code, name, field, level, applicants, agency, result, steps, conditions, online_url, updated, source)
VALUES ('1.004873', 'Cấp Giấy xác nhận tình trạng hôn nhân', 'Hộ tịch', 'toàn trình',
	'Công dân Việt Nam cư trú trong nước', 'UBND xã Phước Lộc', 'Giấy xác nhận tình trạng hôn nhân',
	'Bước 1: Nộp hồ sơ tại Bộ phận Một cửa, trực tuyến hoặc qua bưu chính công ích.
Bước 2: Công chức tư pháp - hộ tịch kiểm tra hồ sơ; hồ sơ chưa đầy đủ thì hướng dẫn bổ sung một lần.
Bước 3: Chủ tịch UBND xã ký; công chức ghi vào sổ hộ tịch và cập nhật Cơ sở dữ liệu hộ tịch điện tử.
Bước 4: Nhận kết quả tại Bộ phận Một cửa, qua bưu chính hoặc bản điện tử.',
	NULL, 'https://dichvucong.gov.vn/', '2025-07-15', 'sample');
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.004873', 'truc-tiep', '03 ngày làm việc; cần xác minh thì không quá 23 ngày', 3, 'Theo nghị quyết của Hội đồng nhân dân tỉnh', NULL);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.004873', 'truc-tuyen-toan-trinh', '03 ngày làm việc; cần xác minh thì không quá 23 ngày', 3, 'Theo nghị quyết của Hội đồng nhân dân tỉnh', NULL);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.004873', 'buu-chinh', '03 ngày làm việc; cần xác minh thì không quá 23 ngày; cộng thời gian chuyển phát', 3, 'Theo nghị quyết của Hội đồng nhân dân tỉnh; cước bưu chính theo giá của doanh nghiệp bưu chính', NULL);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.004873', 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', 'theo mẫu của Bộ Tư pháp', 1, 0);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.004873', 'Bản án, quyết định ly hôn hoặc trích lục khai tử của vợ, chồng (nếu có)', NULL, 0, 1);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.004873', 'Căn cước hoặc hộ chiếu còn giá trị sử dụng (xuất trình)', NULL, 1, 0);
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.004873', '60/2014/QH13', 'Luật Hộ tịch', '2014-11-20', 'Quốc hội');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.004873', '123/2015/NĐ-CP', 'Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch', '2015-11-15', 'Chính phủ');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.004873', '04/2020/TT-BTP', 'Thông tư quy định chi tiết thi hành một số điều của Luật Hộ tịch và Nghị định số 123/2015/NĐ-CP', '2020-05-28', 'Bộ Tư pháp');

-- Hộ tịch: Đăng ký giám hộ
INSERT INTO procedures (code, name, field, level, applicants, agency, result, steps, conditions, online_url, updated, source)
VALUES ('1.004837', 'Đăng ký giám hộ', 'Hộ tịch', 'một phần',
	'Người được cử làm người giám hộ', 'UBND xã Phước Lộc', 'Trích lục đăng ký giám hộ',
	'Bước 1: Nộp hồ sơ tại Bộ phận Một cửa, trực tuyến hoặc qua bưu chính công ích.
Bước 2: Công chức tư pháp - hộ tịch kiểm tra hồ sơ; hồ sơ chưa đầy đủ thì hướng dẫn bổ sung một lần.
Bước 3: Chủ tịch UBND xã ký; công chức ghi vào sổ hộ tịch và cập nhật Cơ sở dữ liệu hộ tịch điện tử.
Bước 4: Nhận kết quả tại Bộ phận Một cửa, qua bưu chính hoặc bản điện tử.',
	'Người giám hộ có đủ điều kiện theo Bộ luật Dân sự', 'https://dichvucong.gov.vn/', '2024-11-20', 'sample');
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.004837', 'truc-tiep', '03 ngày làm việc', 3, 'Miễn lệ phí', 0);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.004837', 'truc-tuyen-mot-phan', '03 ngày làm việc', 3, 'Miễn lệ phí', 0);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.004837', 'buu-chinh', '03 ngày làm việc; cộng thời gian chuyển phát', 3, 'Miễn lệ phí; cước bưu chính theo giá của doanh nghiệp bưu chính', NULL);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.004837', 'Tờ khai đăng ký giám hộ', 'theo mẫu của Bộ Tư pháp', 1, 0);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.004837', 'Văn bản cử người giám hộ', NULL, 1, 0);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.004837', 'Căn cước hoặc hộ chiếu còn giá trị sử dụng (xuất trình)', NULL, 1, 0);
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.004837', '60/2014/QH13', 'Luật Hộ tịch', '2014-11-20', 'Quốc hội');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.004837', '123/2015/NĐ-CP', 'Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch', '2015-11-15', 'Chính phủ');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.004837', '04/2020/TT-BTP', 'Thông tư quy định chi tiết thi hành một số điều của Luật Hộ tịch và Nghị định số 123/2015/NĐ-CP', '2020-05-28', 'Bộ Tư pháp');

-- Đất đai: Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền s…
INSERT INTO procedures (code, name, field, level, applicants, agency, result, steps, conditions, online_url, updated, source)
VALUES ('1.012756', 'Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu', 'Đất đai', 'một phần',
	'Hộ gia đình, cá nhân, tổ chức sử dụng đất', 'Chi nhánh Văn phòng đăng ký đất đai huyện Tuy Phước', 'Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất',
	'Bước 1: Nộp hồ sơ tại Bộ phận Một cửa, trực tuyến hoặc qua bưu chính công ích.
Bước 2: Cán bộ tiếp nhận kiểm tra hồ sơ; hồ sơ chưa đầy đủ thì hướng dẫn bổ sung một lần bằng văn bản.
Bước 3: Cơ quan giải quyết thẩm định, trình người có thẩm quyền ký kết quả.
Bước 4: Nhận kết quả tại Bộ phận Một cửa, qua bưu chính hoặc bản điện tử.',
	'Đất không có tranh chấp, không thuộc trường hợp bị thu hồi', 'https://dichvucong.gov.vn/', '2024-09-16', 'sample');
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.012756', 'truc-tiep', 'Không quá 20 ngày làm việc', 20, 'Lệ phí cấp Giấy chứng nhận và phí thẩm định hồ sơ theo nghị quyết của Hội đồng nhân dân tỉnh', NULL);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.012756', 'truc-tuyen-mot-phan', 'Không quá 20 ngày làm việc', 20, 'Lệ phí cấp Giấy chứng nhận và phí thẩm định hồ sơ theo nghị quyết của Hội đồng nhân dân tỉnh', NULL);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.012756', 'buu-chinh', 'Không quá 20 ngày làm việc; cộng thời gian chuyển phát', 20, 'Lệ phí cấp Giấy chứng nhận và phí thẩm định hồ sơ theo nghị quyết của Hội đồng nhân dân tỉnh; cước bưu chính theo giá của doanh nghiệp bưu chính', NULL);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.012756', 'Đơn đăng ký đất đai, tài sản gắn liền với đất', 'theo mẫu quy định', 1, 0);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.012756', 'Giấy tờ về quyền sử dụng đất (nếu có)', NULL, 0, 1);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.012756', 'Chứng từ thực hiện nghĩa vụ tài chính (nếu có)', NULL, 0, 1);
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.012756', '31/2024/QH15', 'Luật Đất đai', '2024-01-18', 'Quốc hội');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.012756', '101/2024/NĐ-CP', 'Nghị định quy định về điều tra cơ bản đất đai; đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất và Hệ thống thông tin đất đai', '2024-07-29', 'Chính phủ');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.012756', '102/2024/NĐ-CP', 'Nghị định quy định chi tiết thi hành một số điều của Luật Đất đai', '2024-07-30', 'Chính phủ');

-- Đất đai: Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với…
INSERT INTO procedures (code, name, field, level, applicants, agency, result, steps, conditions, online_url, updated, source)
VALUES ('1.012757', 'Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất do chuyển nhượng, tặng cho, thừa kế', 'Đất đai', 'một phần',
	'Hộ gia đình, cá nhân, tổ chức sử dụng đất', 'Chi nhánh Văn phòng đăng ký đất đai huyện Tuy Phước', 'Giấy chứng nhận đã cập nhật biến động hoặc Giấy chứng nhận mới',
	'Bước 1: Nộp hồ sơ tại Bộ phận Một cửa, trực tuyến hoặc qua bưu chính công ích.
Bước 2: Cán bộ tiếp nhận kiểm tra hồ sơ; hồ sơ chưa đầy đủ thì hướng dẫn bổ sung một lần bằng văn bản.
Bước 3: Cơ quan giải quyết thẩm định, trình người có thẩm quyền ký kết quả.
Bước 4: Nhận kết quả tại Bộ phận Một cửa, qua bưu chính hoặc bản điện tử.',
	NULL, 'https://dichvucong.gov.vn/', '2024-09-16', 'sample');
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.012757', 'truc-tiep', 'Không quá 08 ngày làm việc', 8, 'Lệ phí cấp Giấy chứng nhận và phí thẩm định hồ sơ theo nghị quyết của Hội đồng nhân dân tỉnh', NULL);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.012757', 'truc-tuyen-mot-phan', 'Không quá 08 ngày làm việc', 8, 'Lệ phí cấp Giấy chứng nhận và phí thẩm định hồ sơ theo nghị quyết của Hội đồng nhân dân tỉnh', NULL);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.012757', 'buu-chinh', 'Không quá 08 ngày làm việc; cộng thời gian chuyển phát', 8, 'Lệ phí cấp Giấy chứng nhận và phí thẩm định hồ sơ theo nghị quyết của Hội đồng nhân dân tỉnh; cước bưu chính theo giá của doanh nghiệp bưu chính', NULL);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.012757', 'Đơn đăng ký đất đai, tài sản gắn liền với đất', 'theo mẫu quy định', 1, 0);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.012757', 'Giấy chứng nhận đã cấp (bản gốc)', NULL, 1, 0);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.012757', 'Hợp đồng, văn bản chuyển nhượng, tặng cho, thừa kế đã công chứng hoặc chứng thực', NULL, 1, 0);
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.012757', '31/2024/QH15', 'Luật Đất đai', '2024-01-18', 'Quốc hội');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.012757', '101/2024/NĐ-CP', 'Nghị định quy định về điều tra cơ bản đất đai; đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất và Hệ thống thông tin đất đai', '2024-07-29', 'Chính phủ');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.012757', '102/2024/NĐ-CP', 'Nghị định quy định chi tiết thi hành một số điều của Luật Đất đai', '2024-07-30', 'Chính phủ');

-- Đất đai: Cấp đổi Giấy chứng nhận quyền sử dụng đất
INSERT INTO procedures (code, name, field, level, applicants, agency, result, steps, conditions, online_url, updated, source)
VALUES ('1.012760', 'Cấp đổi Giấy chứng nhận quyền sử dụng đất', 'Đất đai', 'một phần',
	'Hộ gia đình, cá nhân, tổ chức sử dụng đất', 'Chi nhánh Văn phòng đăng ký đất đai huyện Tuy Phước', 'Giấy chứng nhận mới',
	'Bước 1: Nộp hồ sơ tại Bộ phận Một cửa, trực tuyến hoặc qua bưu chính công ích.
Bước 2: Cán bộ tiếp nhận kiểm tra hồ sơ; hồ sơ chưa đầy đủ thì hướng dẫn bổ sung một lần bằng văn bản.
Bước 3: Cơ quan giải quyết thẩm định, trình người có thẩm quyền ký kết quả.
Bước 4: Nhận kết quả tại Bộ phận Một cửa, qua bưu chính hoặc bản điện tử.',
	NULL, 'https://dichvucong.gov.vn/', '2024-09-16', 'sample');
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.012760', 'truc-tiep', 'Không quá 07 ngày làm việc', 7, 'Lệ phí cấp Giấy chứng nhận và phí thẩm định hồ sơ theo nghị quyết của Hội đồng nhân dân tỉnh', NULL);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.012760', 'truc-tuyen-mot-phan', 'Không quá 07 ngày làm việc', 7, 'Lệ phí cấp Giấy chứng nhận và phí thẩm định hồ sơ theo nghị quyết của Hội đồng nhân dân tỉnh', NULL);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.012760', 'buu-chinh', 'Không quá 07 ngày làm việc; cộng thời gian chuyển phát', 7, 'Lệ phí cấp Giấy chứng nhận và phí thẩm định hồ sơ theo nghị quyết của Hội đồng nhân dân tỉnh; cước bưu chính theo giá của doanh nghiệp bưu chính', NULL);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.012760', 'Đơn đăng ký đất đai, tài sản gắn liền với đất', 'theo mẫu quy định', 1, 0);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.012760', 'Giấy chứng nhận đã cấp (bản gốc)', NULL, 1, 0);
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.012760', '31/2024/QH15', 'Luật Đất đai', '2024-01-18', 'Quốc hội');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.012760', '101/2024/NĐ-CP', 'Nghị định quy định về điều tra cơ bản đất đai; đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất và Hệ thống thông tin đất đai', '2024-07-29', 'Chính phủ');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.012760', '102/2024/NĐ-CP', 'Nghị định quy định chi tiết thi hành một số điều của Luật Đất đai', '2024-07-30', 'Chính phủ');

-- Đất đai: Cấp lại Giấy chứng nhận quyền sử dụng đất do bị mất
INSERT INTO procedures (code, name, field, level, applicants, agency, result, steps, conditions, online_url, updated, source)
VALUES ('1.012761', 'Cấp lại Giấy chứng nhận quyền sử dụng đất do bị mất', 'Đất đai', 'một phần',
	'Hộ gia đình, cá nhân, tổ chức sử dụng đất', 'Chi nhánh Văn phòng đăng ký đất đai huyện Tuy Phước', 'Giấy chứng nhận mới',
	'Bước 1: Nộp hồ sơ tại Bộ phận Một cửa, trực tuyến hoặc qua bưu chính công ích.
Bước 2: Cán bộ tiếp nhận kiểm tra hồ sơ; hồ sơ chưa đầy đủ thì hướng dẫn bổ sung một lần bằng văn bản.
Bước 3: Cơ quan giải quyết thẩm định, trình người có thẩm quyền ký kết quả.
Bước 4: Nhận kết quả tại Bộ phận Một cửa, qua bưu chính hoặc bản điện tử.',
	'Đã niêm yết thông báo mất Giấy chứng nhận tại UBND cấp xã', 'https://dichvucong.gov.vn/', '2024-09-16', 'sample');
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.012761', 'truc-tiep', 'Không quá 10 ngày làm việc', 10, 'Lệ phí cấp Giấy chứng nhận và phí thẩm định hồ sơ theo nghị quyết của Hội đồng nhân dân tỉnh', NULL);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.012761', 'truc-tuyen-mot-phan', 'Không quá 10 ngày làm việc', 10, 'Lệ phí cấp Giấy chứng nhận và phí thẩm định hồ sơ theo nghị quyết của Hội đồng nhân dân tỉnh', NULL);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.012761', 'buu-chinh', 'Không quá 10 ngày làm việc; cộng thời gian chuyển phát', 10, 'Lệ phí cấp Giấy chứng nhận và phí thẩm định hồ sơ theo nghị quyết của Hội đồng nhân dân tỉnh; cước bưu chính theo giá của doanh nghiệp bưu chính', NULL);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.012761', 'Đơn đăng ký đất đai, tài sản gắn liền với đất', 'theo mẫu quy định', 1, 0);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.012761', 'Giấy xác nhận của UBND cấp xã về việc đã niêm yết thông báo mất Giấy chứng nhận', NULL, 1, 0);
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.012761', '31/2024/QH15', 'Luật Đất đai', '2024-01-18', 'Quốc hội');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.012761', '101/2024/NĐ-CP', 'Nghị định quy định về điều tra cơ bản đất đai; đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất và Hệ thống thông tin đất đai', '2024-07-29', 'Chính phủ');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.012761', '102/2024/NĐ-CP', 'Nghị định quy định chi tiết thi hành một số điều của Luật Đất đai', '2024-07-30', 'Chính phủ');

-- Đất đai: Chuyển mục đích sử dụng đất phải được phép của cơ quan nhà nước có thẩ…
INSERT INTO procedures (code, name, field, level, applicants, agency, result, steps, conditions, online_url, updated, source)
VALUES ('1.012771', 'Chuyển mục đích sử dụng đất phải được phép của cơ quan nhà nước có thẩm quyền đối với hộ gia đình, cá nhân', 'Đất đai', 'một phần',
	'Hộ gia đình, cá nhân, tổ chức sử dụng đất', 'Phòng Tài nguyên và Môi trường huyện Tuy Phước', 'Quyết định cho phép chuyển mục đích sử dụng đất',
	'Bước 1: Nộp hồ sơ tại Bộ phận Một cửa, trực tuyến hoặc qua bưu chính công ích.
Bước 2: Cán bộ tiếp nhận kiểm tra hồ sơ; hồ sơ chưa đầy đủ thì hướng dẫn bổ sung một lần bằng văn bản.
Bước 3: Cơ quan giải quyết thẩm định, trình người có thẩm quyền ký kết quả.
Bước 4: Nhận kết quả tại Bộ phận Một cửa, qua bưu chính hoặc bản điện tử.',
	'Phù hợp với quy hoạch, kế hoạch sử dụng đất cấp huyện đã được phê duyệt', 'https://dichvucong.gov.vn/', '2024-10-01', 'sample');
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.012771', 'truc-tiep', 'Không quá 15 ngày làm việc', 15, 'Tiền sử dụng đất và lệ phí theo quy định của Hội đồng nhân dân tỉnh', NULL);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.012771', 'truc-tuyen-mot-phan', 'Không quá 15 ngày làm việc', 15, 'Tiền sử dụng đất và lệ phí theo quy định của Hội đồng nhân dân tỉnh', NULL);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.012771', 'buu-chinh', 'Không quá 15 ngày làm việc; cộng thời gian chuyển phát', 15, 'Tiền sử dụng đất và lệ phí theo quy định của Hội đồng nhân dân tỉnh; cước bưu chính theo giá của doanh nghiệp bưu chính', NULL);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.012771', 'Đơn xin chuyển mục đích sử dụng đất', 'theo mẫu quy định', 1, 0);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.012771', 'Giấy chứng nhận đã cấp (bản gốc)', NULL, 1, 0);
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.012771', '31/2024/QH15', 'Luật Đất đai', '2024-01-18', 'Quốc hội');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.012771', '101/2024/NĐ-CP', 'Nghị định quy định về điều tra cơ bản đất đai; đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất và Hệ thống thông tin đất đai', '2024-07-29', 'Chính phủ');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.012771', '102/2024/NĐ-CP', 'Nghị định quy định chi tiết thi hành một số điều của Luật Đất đai', '2024-07-30', 'Chính phủ');

-- Đất đai: Tách thửa hoặc hợp thửa đất
INSERT INTO procedures (code, name, field, level, applicants, agency, result, steps, conditions, online_url, updated, source)
VALUES ('1.012774', 'Tách thửa hoặc hợp thửa đất', 'Đất đai', 'một phần',
	'Hộ gia đình, cá nhân, tổ chức sử dụng đất', 'Chi nhánh Văn phòng đăng ký đất đai huyện Tuy Phước', 'Giấy chứng nhận cho các thửa đất mới',
	'Bước 1: Nộp hồ sơ tại Bộ phận Một cửa, trực tuyến hoặc qua bưu chính công ích.
Bước 2: Cán bộ tiếp nhận kiểm tra hồ sơ; hồ sơ chưa đầy đủ thì hướng dẫn bổ sung một lần bằng văn bản.
Bước 3: Cơ quan giải quyết thẩm định, trình người có thẩm quyền ký kết quả.
Bước 4: Nhận kết quả tại Bộ phận Một cửa, qua bưu chính hoặc bản điện tử.',
	'Thửa đất sau tách bảo đảm diện tích tối thiểu theo quy định của UBND tỉnh', 'https://dichvucong.gov.vn/', '2024-10-01', 'sample');
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.012774', 'truc-tiep', 'Không quá 15 ngày làm việc', 15, 'Lệ phí cấp Giấy chứng nhận và phí thẩm định hồ sơ theo nghị quyết của Hội đồng nhân dân tỉnh', NULL);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.012774', 'truc-tuyen-mot-phan', 'Không quá 15 ngày làm việc', 15, 'Lệ phí cấp Giấy chứng nhận và phí thẩm định hồ sơ theo nghị quyết của Hội đồng nhân dân tỉnh', NULL);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.012774', 'buu-chinh', 'Không quá 15 ngày làm việc; cộng thời gian chuyển phát', 15, 'Lệ phí cấp Giấy chứng nhận và phí thẩm định hồ sơ theo nghị quyết của Hội đồng nhân dân tỉnh; cước bưu chính theo giá của doanh nghiệp bưu chính', NULL);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.012774', 'Đơn đề nghị tách thửa đất, hợp thửa đất', 'theo mẫu quy định', 1, 0);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.012774', 'Giấy chứng nhận đã cấp (bản gốc)', NULL, 1, 0);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.012774', 'Bản vẽ tách thửa, hợp thửa do đơn vị đo đạc lập', NULL, 1, 0);
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.012774', '31/2024/QH15', 'Luật Đất đai', '2024-01-18', 'Quốc hội');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.012774', '101/2024/NĐ-CP', 'Nghị định quy định về điều tra cơ bản đất đai; đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất và Hệ thống thông tin đất đai', '2024-07-29', 'Chính phủ');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.012774', '102/2024/NĐ-CP', 'Nghị định quy định chi tiết thi hành một số điều của Luật Đất đai', '2024-07-30', 'Chính phủ');

-- Đất đai: Hòa giải tranh chấp đất đai
INSERT INTO procedures (code, name, field, level, applicants, agency, result, steps, conditions, online_url, updated, source)
VALUES ('1.012789', 'Hòa giải tranh chấp đất đai', 'Đất đai', 'mức độ 2',
	'Các bên tranh chấp đất đai', 'UBND xã Phước Lộc', 'Biên bản hòa giải thành hoặc hòa giải không thành',
	'Bước 1: Nộp đơn tại Bộ phận Một cửa UBND xã.
Bước 2: UBND xã thẩm tra, xác minh và thành lập Hội đồng hòa giải.
Bước 3: Tổ chức cuộc họp hòa giải có các bên tranh chấp.
Bước 4: Lập biên bản hòa giải thành hoặc không thành và gửi các bên.',
	NULL, NULL, '2023-05-10', 'sample');
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.012789', 'truc-tiep', 'Không quá 30 ngày', 30, 'Không thu phí', 0);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.012789', 'Đơn đề nghị hòa giải tranh chấp đất đai', NULL, 1, 0);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.012789', 'Giấy tờ, tài liệu liên quan đến thửa đất tranh chấp (nếu có)', NULL, 0, 1);
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.012789', '31/2024/QH15', 'Luật Đất đai', '2024-01-18', 'Quốc hội');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.012789', '102/2024/NĐ-CP', 'Nghị định quy định chi tiết thi hành một số điều của Luật Đất đai', '2024-07-30', 'Chính phủ');

-- Đăng ký kinh doanh: Đăng ký thành lập hộ kinh doanh
INSERT INTO procedures (code, name, field, level, applicants, agency, result, steps, conditions, online_url, updated, source)
VALUES ('2.000720', 'Đăng ký thành lập hộ kinh doanh', 'Đăng ký kinh doanh', 'toàn trình',
	'Cá nhân, thành viên hộ gia đình là công dân Việt Nam', 'Phòng Tài chính - Kế hoạch huyện Tuy Phước', 'Giấy chứng nhận đăng ký hộ kinh doanh',
	'Bước 1: Nộp hồ sơ tại Bộ phận Một cửa, trực tuyến hoặc qua bưu chính công ích.
Bước 2: Cán bộ tiếp nhận kiểm tra hồ sơ; hồ sơ chưa đầy đủ thì hướng dẫn bổ sung một lần bằng văn bản.
Bước 3: Cơ quan giải quyết thẩm định, trình người có thẩm quyền ký kết quả.
Bước 4: Nhận kết quả tại Bộ phận Một cửa, qua bưu chính hoặc bản điện tử.',
	'Tên hộ kinh doanh không trùng với tên hộ kinh doanh đã đăng ký trong phạm vi huyện
Ngành, nghề kinh doanh không bị cấm', 'https://dichvucong.gov.vn/', '2025-02-18', 'sample');
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('2.000720', 'truc-tiep', '03 ngày làm việc', 3, '100.000 đồng/lần', 100000);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('2.000720', 'truc-tuyen-toan-trinh', '03 ngày làm việc', 3, 'Miễn lệ phí khi đăng ký qua mạng', 0);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('2.000720', 'buu-chinh', '03 ngày làm việc; cộng thời gian chuyển phát', 3, '100.000 đồng/lần; cước bưu chính theo giá của doanh nghiệp bưu chính', NULL);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('2.000720', 'Giấy đề nghị đăng ký hộ kinh doanh', 'theo mẫu tại Thông tư số 01/2021/TT-BKHĐT', 1, 0);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('2.000720', 'Giấy tờ pháp lý của cá nhân đối với các thành viên hộ gia đình đăng ký hộ kinh doanh', NULL, 0, 1);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('2.000720', 'Biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh (nếu các thành viên cùng đăng ký)', NULL, 1, 0);
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('2.000720', '01/2021/NĐ-CP', 'Nghị định về đăng ký doanh nghiệp', '2021-01-04', 'Chính phủ');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('2.000720', '01/2021/TT-BKHĐT', 'Thông tư hướng dẫn về đăng ký doanh nghiệp', '2021-03-16', 'Bộ Kế hoạch và Đầu tư');

-- Đăng ký kinh doanh: Đăng ký thay đổi nội dung đăng ký hộ kinh doanh
INSERT INTO procedures (code, name, field, level, applicants, agency, result, steps, conditions, online_url, updated, source)
VALUES ('2.000575', 'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh', 'Đăng ký kinh doanh', 'toàn trình',
	'Cá nhân, thành viên hộ gia đình là công dân Việt Nam', 'Phòng Tài chính - Kế hoạch huyện Tuy Phước', 'Giấy chứng nhận đăng ký hộ kinh doanh mới',
	'Bước 1: Nộp hồ sơ tại Bộ phận Một cửa, trực tuyến hoặc qua bưu chính công ích.
Bước 2: Cán bộ tiếp nhận kiểm tra hồ sơ; hồ sơ chưa đầy đủ thì hướng dẫn bổ sung một lần bằng văn bản.
Bước 3: Cơ quan giải quyết thẩm định, trình người có thẩm quyền ký kết quả.
Bước 4: Nhận kết quả tại Bộ phận Một cửa, qua bưu chính hoặc bản điện tử.',
	NULL, 'https://dichvucong.gov.vn/', '2025-02-18', 'sample');
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('2.000575', 'truc-tiep', '03 ngày làm việc', 3, '100.000 đồng/lần', 100000);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('2.000575', 'truc-tuyen-toan-trinh', '03 ngày làm việc', 3, 'Miễn lệ phí khi đăng ký qua mạng', 0);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('2.000575', 'buu-chinh', '03 ngày làm việc; cộng thời gian chuyển phát', 3, '100.000 đồng/lần; cước bưu chính theo giá của doanh nghiệp bưu chính', NULL);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('2.000575', 'Thông báo thay đổi nội dung đăng ký hộ kinh doanh', 'theo mẫu tại Thông tư số 01/2021/TT-BKHĐT', 1, 0);
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('2.000575', '01/2021/NĐ-CP', 'Nghị định về đăng ký doanh nghiệp', '2021-01-04', 'Chính phủ');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('2.000575', '01/2021/TT-BKHĐT', 'Thông tư hướng dẫn về đăng ký doanh nghiệp', '2021-03-16', 'Bộ Kế hoạch và Đầu tư');

-- Đăng ký kinh doanh: Tạm ngừng hoạt động hộ kinh doanh
INSERT INTO procedures (code, name, field, level, applicants, agency, result, steps, conditions, online_url, updated, source)
VALUES ('1.001612', 'Tạm ngừng hoạt động hộ kinh doanh', 'Đăng ký kinh doanh', 'mức độ 4',
	'Cá nhân, thành viên hộ gia đình là công dân Việt Nam', 'Phòng Tài chính - Kế hoạch huyện Tuy Phước', 'Giấy xác nhận về việc hộ kinh doanh đăng ký tạm ngừng kinh doanh',
	'Bước 1: Nộp hồ sơ tại Bộ phận Một cửa, trực tuyến hoặc qua bưu chính công ích.
Bước 2: Cán bộ tiếp nhận kiểm tra hồ sơ; hồ sơ chưa đầy đủ thì hướng dẫn bổ sung một lần bằng văn bản.
Bước 3: Cơ quan giải quyết thẩm định, trình người có thẩm quyền ký kết quả.
Bước 4: Nhận kết quả tại Bộ phận Một cửa, qua bưu chính hoặc bản điện tử.',
	NULL, 'https://dichvucong.gov.vn/', '2023-08-01', 'sample');
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.001612', 'truc-tiep', '03 ngày làm việc', 3, 'Không thu lệ phí', 0);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.001612', 'truc-tuyen-toan-trinh', '03 ngày làm việc', 3, 'Không thu lệ phí', 0);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.001612', 'buu-chinh', '03 ngày làm việc; cộng thời gian chuyển phát', 3, 'Không thu lệ phí; cước bưu chính theo giá của doanh nghiệp bưu chính', NULL);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.001612', 'Thông báo về việc tạm ngừng hoạt động hộ kinh doanh', 'theo mẫu tại Thông tư số 01/2021/TT-BKHĐT', 1, 0);
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.001612', '01/2021/NĐ-CP', 'Nghị định về đăng ký doanh nghiệp', '2021-01-04', 'Chính phủ');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.001612', '01/2021/TT-BKHĐT', 'Thông tư hướng dẫn về đăng ký doanh nghiệp', '2021-03-16', 'Bộ Kế hoạch và Đầu tư');

-- Đăng ký kinh doanh: Chấm dứt hoạt động hộ kinh doanh
INSERT INTO procedures (code, name, field, level, applicants, agency, result, steps, conditions, online_url, updated, source)
VALUES ('2.000555', 'Chấm dứt hoạt động hộ kinh doanh', 'Đăng ký kinh doanh', 'toàn trình',
	'Cá nhân, thành viên hộ gia đình là công dân Việt Nam', 'Phòng Tài chính - Kế hoạch huyện Tuy Phước', 'Thông báo về việc chấm dứt hoạt động hộ kinh doanh',
	'Bước 1: Nộp hồ sơ tại Bộ phận Một cửa, trực tuyến hoặc qua bưu chính công ích.
Bước 2: Cán bộ tiếp nhận kiểm tra hồ sơ; hồ sơ chưa đầy đủ thì hướng dẫn bổ sung một lần bằng văn bản.
Bước 3: Cơ quan giải quyết thẩm định, trình người có thẩm quyền ký kết quả.
Bước 4: Nhận kết quả tại Bộ phận Một cửa, qua bưu chính hoặc bản điện tử.',
	NULL, 'https://dichvucong.gov.vn/', '2025-02-18', 'sample');
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('2.000555', 'truc-tiep', '03 ngày làm việc', 3, 'Không thu lệ phí', 0);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('2.000555', 'truc-tuyen-toan-trinh', '03 ngày làm việc', 3, 'Không thu lệ phí', 0);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('2.000555', 'buu-chinh', '03 ngày làm việc; cộng thời gian chuyển phát', 3, 'Không thu lệ phí; cước bưu chính theo giá của doanh nghiệp bưu chính', NULL);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('2.000555', 'Thông báo về việc chấm dứt hoạt động hộ kinh doanh', 'theo mẫu tại Thông tư số 01/2021/TT-BKHĐT', 1, 0);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('2.000555', 'Thông báo của cơ quan thuế về việc hoàn thành nghĩa vụ thuế', NULL, 0, 1);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('2.000555', 'Bản gốc Giấy chứng nhận đăng ký hộ kinh doanh', NULL, 1, 0);
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('2.000555', '01/2021/NĐ-CP', 'Nghị định về đăng ký doanh nghiệp', '2021-01-04', 'Chính phủ');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('2.000555', '01/2021/TT-BKHĐT', 'Thông tư hướng dẫn về đăng ký doanh nghiệp', '2021-03-16', 'Bộ Kế hoạch và Đầu tư');

-- Đăng ký kinh doanh: Cấp lại Giấy chứng nhận đăng ký hộ kinh doanh
INSERT INTO procedures (code, name, field, level, applicants, agency, result, steps, conditions, online_url, updated, source)
VALUES ('2.000596', 'Cấp lại Giấy chứng nhận đăng ký hộ kinh doanh', 'Đăng ký kinh doanh', 'một phần',
	'Cá nhân, thành viên hộ gia đình là công dân Việt Nam', 'Phòng Tài chính - Kế hoạch huyện Tuy Phước', 'Giấy chứng nhận đăng ký hộ kinh doanh (cấp lại)',
	'Bước 1: Nộp hồ sơ tại Bộ phận Một cửa, trực tuyến hoặc qua bưu chính công ích.
Bước 2: Cán bộ tiếp nhận kiểm tra hồ sơ; hồ sơ chưa đầy đủ thì hướng dẫn bổ sung một lần bằng văn bản.
Bước 3: Cơ quan giải quyết thẩm định, trình người có thẩm quyền ký kết quả.
Bước 4: Nhận kết quả tại Bộ phận Một cửa, qua bưu chính hoặc bản điện tử.',
	NULL, 'https://dichvucong.gov.vn/', '2024-06-03', 'sample');
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('2.000596', 'truc-tiep', '03 ngày làm việc', 3, '50.000 đồng/lần', 50000);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('2.000596', 'truc-tuyen-mot-phan', '03 ngày làm việc', 3, '50.000 đồng/lần', 50000);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('2.000596', 'buu-chinh', '03 ngày làm việc; cộng thời gian chuyển phát', 3, '50.000 đồng/lần; cước bưu chính theo giá của doanh nghiệp bưu chính', NULL);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('2.000596', 'Giấy đề nghị cấp lại Giấy chứng nhận đăng ký hộ kinh doanh', NULL, 1, 0);
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('2.000596', '01/2021/NĐ-CP', 'Nghị định về đăng ký doanh nghiệp', '2021-01-04', 'Chính phủ');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('2.000596', '01/2021/TT-BKHĐT', 'Thông tư hướng dẫn về đăng ký doanh nghiệp', '2021-03-16', 'Bộ Kế hoạch và Đầu tư');

-- Lao động - Thương binh và Xã hội: Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng, hỗ trợ ki…
INSERT INTO procedures (code, name, field, level, applicants, agency, result, steps, conditions, online_url, updated, source)
VALUES ('1.001776', 'Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hằng tháng', 'Lao động - Thương binh và Xã hội', 'một phần',
	'Đối tượng bảo trợ xã hội hoặc người giám hộ', 'Phòng Lao động - Thương binh và Xã hội huyện Tuy Phước', 'Quyết định trợ cấp xã hội hằng tháng',
	'Bước 1: Nộp hồ sơ tại Bộ phận Một cửa, trực tuyến hoặc qua bưu chính công ích.
Bước 2: Cán bộ tiếp nhận kiểm tra hồ sơ; hồ sơ chưa đầy đủ thì hướng dẫn bổ sung một lần bằng văn bản.
Bước 3: Cơ quan giải quyết thẩm định, trình người có thẩm quyền ký kết quả.
Bước 4: Nhận kết quả tại Bộ phận Một cửa, qua bưu chính hoặc bản điện tử.',
	'Thuộc đối tượng bảo trợ xã hội theo Nghị định số 20/2021/NĐ-CP', 'https://dichvucong.gov.vn/', '2025-04-22', 'sample');
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.001776', 'truc-tiep', 'Không quá 22 ngày làm việc', 22, 'Không thu phí', 0);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.001776', 'truc-tuyen-mot-phan', 'Không quá 22 ngày làm việc', 22, 'Không thu phí', 0);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.001776', 'buu-chinh', 'Không quá 22 ngày làm việc; cộng thời gian chuyển phát', 22, 'cước bưu chính theo giá của doanh nghiệp bưu chính', NULL);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.001776', 'Tờ khai đề nghị trợ giúp xã hội', 'theo mẫu tại Nghị định số 20/2021/NĐ-CP', 1, 0);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.001776', 'Giấy xác nhận khuyết tật (đối với người khuyết tật)', NULL, 0, 1);
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.001776', '20/2021/NĐ-CP', 'Nghị định quy định chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội', '2021-03-15', 'Chính phủ');

-- Lao động - Thương binh và Xã hội: Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội
INSERT INTO procedures (code, name, field, level, applicants, agency, result, steps, conditions, online_url, updated, source)
VALUES ('1.001758', 'Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội', 'Lao động - Thương binh và Xã hội', 'mức độ 3',
	'Cơ quan, tổ chức, gia đình hoặc cá nhân tổ chức mai táng', 'Phòng Lao động - Thương binh và Xã hội huyện Tuy Phước', 'Quyết định hỗ trợ chi phí mai táng',
	'Bước 1: Nộp hồ sơ tại Bộ phận Một cửa, trực tuyến hoặc qua bưu chính công ích.
Bước 2: Cán bộ tiếp nhận kiểm tra hồ sơ; hồ sơ chưa đầy đủ thì hướng dẫn bổ sung một lần bằng văn bản.
Bước 3: Cơ quan giải quyết thẩm định, trình người có thẩm quyền ký kết quả.
Bước 4: Nhận kết quả tại Bộ phận Một cửa, qua bưu chính hoặc bản điện tử.',
	NULL, 'https://dichvucong.gov.vn/', '2022-11-14', 'sample');
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.001758', 'truc-tiep', 'Không quá 05 ngày làm việc', 5, 'Không thu phí', 0);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.001758', 'truc-tuyen-mot-phan', 'Không quá 05 ngày làm việc', 5, 'Không thu phí', 0);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.001758', 'buu-chinh', 'Không quá 05 ngày làm việc; cộng thời gian chuyển phát', 5, 'cước bưu chính theo giá của doanh nghiệp bưu chính', NULL);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.001758', 'Tờ khai đề nghị hỗ trợ chi phí mai táng', 'theo mẫu tại Nghị định số 20/2021/NĐ-CP', 1, 0);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.001758', 'Giấy báo tử hoặc trích lục khai tử', NULL, 0, 1);
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.001758', '20/2021/NĐ-CP', 'Nghị định quy định chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội', '2021-03-15', 'Chính phủ');

-- Lao động - Thương binh và Xã hội: Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết t…
INSERT INTO procedures (code, name, field, level, applicants, agency, result, steps, conditions, online_url, updated, source)
VALUES ('1.001699', 'Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật', 'Lao động - Thương binh và Xã hội', 'một phần',
	'Người khuyết tật hoặc người đại diện hợp pháp', 'UBND xã Phước Lộc', 'Giấy xác nhận khuyết tật',
	'Bước 1: Nộp hồ sơ tại Bộ phận Một cửa, trực tuyến hoặc qua bưu chính công ích.
Bước 2: Cán bộ tiếp nhận kiểm tra hồ sơ; hồ sơ chưa đầy đủ thì hướng dẫn bổ sung một lần bằng văn bản.
Bước 3: Cơ quan giải quyết thẩm định, trình người có thẩm quyền ký kết quả.
Bước 4: Nhận kết quả tại Bộ phận Một cửa, qua bưu chính hoặc bản điện tử.',
	NULL, 'https://dichvucong.gov.vn/', '2024-08-09', 'sample');
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.001699', 'truc-tiep', 'Không quá 25 ngày làm việc', 25, 'Không thu phí', 0);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.001699', 'truc-tuyen-mot-phan', 'Không quá 25 ngày làm việc', 25, 'Không thu phí', 0);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.001699', 'buu-chinh', 'Không quá 25 ngày làm việc; cộng thời gian chuyển phát', 25, 'cước bưu chính theo giá của doanh nghiệp bưu chính', NULL);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.001699', 'Đơn đề nghị xác định mức độ khuyết tật', 'theo mẫu của Bộ Lao động - Thương binh và Xã hội', 1, 0);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.001699', 'Hồ sơ bệnh án, giấy tờ khám, điều trị (nếu có)', NULL, 0, 1);
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.001699', '51/2010/QH12', 'Luật Người khuyết tật', '2010-06-17', 'Quốc hội');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.001699', '28/2012/NĐ-CP', 'Nghị định quy định chi tiết và hướng dẫn thi hành một số điều của Luật Người khuyết tật', '2012-04-10', 'Chính phủ');

-- Lao động - Thương binh và Xã hội: Đổi, cấp lại Giấy xác nhận khuyết tật
INSERT INTO procedures (code, name, field, level, applicants, agency, result, steps, conditions, online_url, updated, source)
VALUES ('1.001653', 'Đổi, cấp lại Giấy xác nhận khuyết tật', 'Lao động - Thương binh và Xã hội', 'một phần',
	'Người khuyết tật hoặc người đại diện hợp pháp', 'UBND xã Phước Lộc', 'Giấy xác nhận khuyết tật (đổi hoặc cấp lại)',
	'Bước 1: Nộp hồ sơ tại Bộ phận Một cửa, trực tuyến hoặc qua bưu chính công ích.
Bước 2: Cán bộ tiếp nhận kiểm tra hồ sơ; hồ sơ chưa đầy đủ thì hướng dẫn bổ sung một lần bằng văn bản.
Bước 3: Cơ quan giải quyết thẩm định, trình người có thẩm quyền ký kết quả.
Bước 4: Nhận kết quả tại Bộ phận Một cửa, qua bưu chính hoặc bản điện tử.',
	NULL, 'https://dichvucong.gov.vn/', '2024-08-09', 'sample');
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.001653', 'truc-tiep', 'Không quá 05 ngày làm việc', 5, 'Không thu phí', 0);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.001653', 'truc-tuyen-mot-phan', 'Không quá 05 ngày làm việc', 5, 'Không thu phí', 0);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.001653', 'buu-chinh', 'Không quá 05 ngày làm việc; cộng thời gian chuyển phát', 5, 'cước bưu chính theo giá của doanh nghiệp bưu chính', NULL);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.001653', 'Đơn đề nghị đổi, cấp lại Giấy xác nhận khuyết tật', NULL, 1, 0);
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.001653', '51/2010/QH12', 'Luật Người khuyết tật', '2010-06-17', 'Quốc hội');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.001653', '28/2012/NĐ-CP', 'Nghị định quy định chi tiết và hướng dẫn thi hành một số điều của Luật Người khuyết tật', '2012-04-10', 'Chính phủ');

-- Lao động - Thương binh và Xã hội: Trợ giúp xã hội khẩn cấp về hỗ trợ làm nhà ở, sửa chữa nhà ở
INSERT INTO procedures (code, name, field, level, applicants, agency, result, steps, conditions, online_url, updated, source)
VALUES ('2.000286', 'Trợ giúp xã hội khẩn cấp về hỗ trợ làm nhà ở, sửa chữa nhà ở', 'Lao động - Thương binh và Xã hội', 'trực tiếp',
	'Hộ gia đình có nhà ở bị đổ, sập, trôi, cháy hoàn toàn hoặc hư hỏng nặng', 'UBND xã Phước Lộc', 'Quyết định hỗ trợ làm nhà ở, sửa chữa nhà ở',
	'Bước 1: Nộp hồ sơ tại Bộ phận Một cửa, trực tuyến hoặc qua bưu chính công ích.
Bước 2: Cán bộ tiếp nhận kiểm tra hồ sơ; hồ sơ chưa đầy đủ thì hướng dẫn bổ sung một lần bằng văn bản.
Bước 3: Cơ quan giải quyết thẩm định, trình người có thẩm quyền ký kết quả.
Bước 4: Nhận kết quả tại Bộ phận Một cửa, qua bưu chính hoặc bản điện tử.',
	NULL, NULL, '2023-10-30', 'sample');
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('2.000286', 'truc-tiep', 'Không quá 05 ngày làm việc', 5, 'Không thu phí', 0);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('2.000286', 'Tờ khai đề nghị hỗ trợ về nhà ở', 'theo mẫu tại Nghị định số 20/2021/NĐ-CP', 1, 0);
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('2.000286', '20/2021/NĐ-CP', 'Nghị định quy định chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội', '2021-03-15', 'Chính phủ');

-- Lao động - Thương binh và Xã hội: Thực hiện trợ cấp xã hội hằng tháng khi đối tượng thay đổi nơi cư trú …
INSERT INTO procedures (code, name, field, level, applicants, agency, result, steps, conditions, online_url, updated, source)
VALUES ('1.001731', 'Thực hiện trợ cấp xã hội hằng tháng khi đối tượng thay đổi nơi cư trú trong cùng địa bàn huyện', 'Lao động - Thương binh và Xã hội', 'một phần',
	'Đối tượng đang hưởng trợ cấp xã hội hằng tháng', 'Phòng Lao động - Thương binh và Xã hội huyện Tuy Phước', 'Quyết định thôi hưởng và hưởng trợ cấp tại nơi cư trú mới',
	'Bước 1: Nộp hồ sơ tại Bộ phận Một cửa, trực tuyến hoặc qua bưu chính công ích.
Bước 2: Cán bộ tiếp nhận kiểm tra hồ sơ; hồ sơ chưa đầy đủ thì hướng dẫn bổ sung một lần bằng văn bản.
Bước 3: Cơ quan giải quyết thẩm định, trình người có thẩm quyền ký kết quả.
Bước 4: Nhận kết quả tại Bộ phận Một cửa, qua bưu chính hoặc bản điện tử.',
	NULL, 'https://dichvucong.gov.vn/', '2025-04-22', 'sample');
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.001731', 'truc-tiep', 'Không quá 10 ngày làm việc', 10, 'Không thu phí', 0);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.001731', 'truc-tuyen-mot-phan', 'Không quá 10 ngày làm việc', 10, 'Không thu phí', 0);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.001731', 'buu-chinh', 'Không quá 10 ngày làm việc; cộng thời gian chuyển phát', 10, 'cước bưu chính theo giá của doanh nghiệp bưu chính', NULL);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.001731', 'Văn bản đề nghị của đối tượng hoặc người giám hộ', NULL, 1, 0);
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.001731', '20/2021/NĐ-CP', 'Nghị định quy định chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội', '2021-03-15', 'Chính phủ');

-- Xây dựng: Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ
INSERT INTO procedures (code, name, field, level, applicants, agency, result, steps, conditions, online_url, updated, source)
VALUES ('1.009994', 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ', 'Xây dựng', 'một phần',
	'Chủ đầu tư (hộ gia đình, cá nhân, tổ chức)', 'Phòng Kinh tế và Hạ tầng huyện Tuy Phước', 'Giấy phép xây dựng',
	'Bước 1: Nộp hồ sơ tại Bộ phận Một cửa, trực tuyến hoặc qua bưu chính công ích.
Bước 2: Cán bộ tiếp nhận kiểm tra hồ sơ; hồ sơ chưa đầy đủ thì hướng dẫn bổ sung một lần bằng văn bản.
Bước 3: Cơ quan giải quyết thẩm định, trình người có thẩm quyền ký kết quả.
Bước 4: Nhận kết quả tại Bộ phận Một cửa, qua bưu chính hoặc bản điện tử.',
	'Phù hợp với quy hoạch chi tiết xây dựng và quy chế quản lý kiến trúc được duyệt
Bảo đảm an toàn cho công trình và công trình lân cận', 'https://dichvucong.gov.vn/', '2025-05-05', 'sample');
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.009994', 'truc-tiep', 'Không quá 15 ngày', 15, '75.000 đồng/giấy phép', 75000);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.009994', 'truc-tuyen-mot-phan', 'Không quá 15 ngày', 15, '75.000 đồng/giấy phép', 75000);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.009994', 'buu-chinh', 'Không quá 15 ngày; cộng thời gian chuyển phát', 15, '75.000 đồng/giấy phép; cước bưu chính theo giá của doanh nghiệp bưu chính', NULL);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.009994', 'Đơn đề nghị cấp giấy phép xây dựng', 'theo mẫu tại Nghị định số 15/2021/NĐ-CP', 1, 0);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.009994', 'Giấy tờ chứng minh quyền sử dụng đất', NULL, 0, 1);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.009994', 'Bản vẽ thiết kế xây dựng (mặt bằng, mặt cắt, mặt đứng, móng)', NULL, 2, 0);
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.009994', '50/2014/QH13', 'Luật Xây dựng', '2014-06-18', 'Quốc hội');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.009994', '62/2020/QH14', 'Luật sửa đổi, bổ sung một số điều của Luật Xây dựng', '2020-06-17', 'Quốc hội');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.009994', '15/2021/NĐ-CP', 'Nghị định quy định chi tiết một số nội dung về quản lý dự án đầu tư xây dựng', '2021-03-03', 'Chính phủ');

-- Xây dựng: Cấp giấy phép xây dựng sửa chữa, cải tạo đối với công trình cấp III, c…
INSERT INTO procedures (code, name, field, level, applicants, agency, result, steps, conditions, online_url, updated, source)
VALUES ('1.009995', 'Cấp giấy phép xây dựng sửa chữa, cải tạo đối với công trình cấp III, cấp IV và nhà ở riêng lẻ', 'Xây dựng', 'một phần',
	'Chủ đầu tư (hộ gia đình, cá nhân, tổ chức)', 'Phòng Kinh tế và Hạ tầng huyện Tuy Phước', 'Giấy phép xây dựng',
	'Bước 1: Nộp hồ sơ tại Bộ phận Một cửa, trực tuyến hoặc qua bưu chính công ích.
Bước 2: Cán bộ tiếp nhận kiểm tra hồ sơ; hồ sơ chưa đầy đủ thì hướng dẫn bổ sung một lần bằng văn bản.
Bước 3: Cơ quan giải quyết thẩm định, trình người có thẩm quyền ký kết quả.
Bước 4: Nhận kết quả tại Bộ phận Một cửa, qua bưu chính hoặc bản điện tử.',
	NULL, 'https://dichvucong.gov.vn/', '2025-05-05', 'sample');
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.009995', 'truc-tiep', 'Không quá 15 ngày', 15, '75.000 đồng/giấy phép', 75000);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.009995', 'truc-tuyen-mot-phan', 'Không quá 15 ngày', 15, '75.000 đồng/giấy phép', 75000);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.009995', 'buu-chinh', 'Không quá 15 ngày; cộng thời gian chuyển phát', 15, '75.000 đồng/giấy phép; cước bưu chính theo giá của doanh nghiệp bưu chính', NULL);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.009995', 'Đơn đề nghị cấp giấy phép sửa chữa, cải tạo', 'theo mẫu tại Nghị định số 15/2021/NĐ-CP', 1, 0);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.009995', 'Giấy chứng nhận đã cấp (bản gốc)', NULL, 1, 0);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.009995', 'Bản vẽ hiện trạng và bản vẽ thiết kế sửa chữa, cải tạo', NULL, 2, 0);
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.009995', '50/2014/QH13', 'Luật Xây dựng', '2014-06-18', 'Quốc hội');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.009995', '62/2020/QH14', 'Luật sửa đổi, bổ sung một số điều của Luật Xây dựng', '2020-06-17', 'Quốc hội');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.009995', '15/2021/NĐ-CP', 'Nghị định quy định chi tiết một số nội dung về quản lý dự án đầu tư xây dựng', '2021-03-03', 'Chính phủ');

-- Xây dựng: Cấp giấy phép di dời đối với công trình cấp III, cấp IV và nhà ở riêng…
INSERT INTO procedures (code, name, field, level, applicants, agency, result, steps, conditions, online_url, updated, source)
VALUES ('1.009996', 'Cấp giấy phép di dời đối với công trình cấp III, cấp IV và nhà ở riêng lẻ', 'Xây dựng', 'trực tiếp',
	'Chủ đầu tư (hộ gia đình, cá nhân, tổ chức)', 'Phòng Kinh tế và Hạ tầng huyện Tuy Phước', 'Giấy phép di dời công trình',
	'Bước 1: Nộp hồ sơ tại Bộ phận Một cửa, trực tuyến hoặc qua bưu chính công ích.
Bước 2: Cán bộ tiếp nhận kiểm tra hồ sơ; hồ sơ chưa đầy đủ thì hướng dẫn bổ sung một lần bằng văn bản.
Bước 3: Cơ quan giải quyết thẩm định, trình người có thẩm quyền ký kết quả.
Bước 4: Nhận kết quả tại Bộ phận Một cửa, qua bưu chính hoặc bản điện tử.',
	NULL, NULL, '2024-03-18', 'sample');
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.009996', 'truc-tiep', 'Không quá 15 ngày', 15, '75.000 đồng/giấy phép', 75000);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.009996', 'buu-chinh', 'Không quá 15 ngày; cộng thời gian chuyển phát', 15, '75.000 đồng/giấy phép; cước bưu chính theo giá của doanh nghiệp bưu chính', NULL);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.009996', 'Đơn đề nghị cấp giấy phép di dời', 'theo mẫu tại Nghị định số 15/2021/NĐ-CP', 1, 0);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.009996', 'Giấy tờ chứng minh quyền sử dụng đất', NULL, 0, 1);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.009996', 'Phương án di dời do tổ chức có năng lực lập', NULL, 1, 0);
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.009996', '50/2014/QH13', 'Luật Xây dựng', '2014-06-18', 'Quốc hội');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.009996', '62/2020/QH14', 'Luật sửa đổi, bổ sung một số điều của Luật Xây dựng', '2020-06-17', 'Quốc hội');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.009996', '15/2021/NĐ-CP', 'Nghị định quy định chi tiết một số nội dung về quản lý dự án đầu tư xây dựng', '2021-03-03', 'Chính phủ');

-- Xây dựng: Điều chỉnh giấy phép xây dựng đối với công trình cấp III, cấp IV và nh…
INSERT INTO procedures (code, name, field, level, applicants, agency, result, steps, conditions, online_url, updated, source)
VALUES ('1.009997', 'Điều chỉnh giấy phép xây dựng đối với công trình cấp III, cấp IV và nhà ở riêng lẻ', 'Xây dựng', 'một phần',
	'Chủ đầu tư (hộ gia đình, cá nhân, tổ chức)', 'Phòng Kinh tế và Hạ tầng huyện Tuy Phước', 'Giấy phép xây dựng điều chỉnh',
	'Bước 1: Nộp hồ sơ tại Bộ phận Một cửa, trực tuyến hoặc qua bưu chính công ích.
Bước 2: Cán bộ tiếp nhận kiểm tra hồ sơ; hồ sơ chưa đầy đủ thì hướng dẫn bổ sung một lần bằng văn bản.
Bước 3: Cơ quan giải quyết thẩm định, trình người có thẩm quyền ký kết quả.
Bước 4: Nhận kết quả tại Bộ phận Một cửa, qua bưu chính hoặc bản điện tử.',
	NULL, 'https://dichvucong.gov.vn/', '2025-05-05', 'sample');
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.009997', 'truc-tiep', 'Không quá 15 ngày', 15, '75.000 đồng/giấy phép', 75000);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.009997', 'truc-tuyen-mot-phan', 'Không quá 15 ngày', 15, '75.000 đồng/giấy phép', 75000);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.009997', 'buu-chinh', 'Không quá 15 ngày; cộng thời gian chuyển phát', 15, '75.000 đồng/giấy phép; cước bưu chính theo giá của doanh nghiệp bưu chính', NULL);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.009997', 'Đơn đề nghị điều chỉnh giấy phép xây dựng', 'theo mẫu tại Nghị định số 15/2021/NĐ-CP', 1, 0);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.009997', 'Bản chính giấy phép xây dựng đã cấp', NULL, 1, 0);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.009997', 'Bản vẽ thiết kế xây dựng (mặt bằng, mặt cắt, mặt đứng, móng)', NULL, 2, 0);
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.009997', '50/2014/QH13', 'Luật Xây dựng', '2014-06-18', 'Quốc hội');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.009997', '62/2020/QH14', 'Luật sửa đổi, bổ sung một số điều của Luật Xây dựng', '2020-06-17', 'Quốc hội');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.009997', '15/2021/NĐ-CP', 'Nghị định quy định chi tiết một số nội dung về quản lý dự án đầu tư xây dựng', '2021-03-03', 'Chính phủ');

-- Xây dựng: Gia hạn giấy phép xây dựng đối với công trình cấp III, cấp IV và nhà ở…
INSERT INTO procedures (code, name, field, level, applicants, agency, result, steps, conditions, online_url, updated, source)
VALUES ('1.009998', 'Gia hạn giấy phép xây dựng đối với công trình cấp III, cấp IV và nhà ở riêng lẻ', 'Xây dựng', 'mức độ 3',
	'Chủ đầu tư (hộ gia đình, cá nhân, tổ chức)', 'Phòng Kinh tế và Hạ tầng huyện Tuy Phước', 'Giấy phép xây dựng được gia hạn',
	'Bước 1: Nộp hồ sơ tại Bộ phận Một cửa, trực tuyến hoặc qua bưu chính công ích.
Bước 2: Cán bộ tiếp nhận kiểm tra hồ sơ; hồ sơ chưa đầy đủ thì hướng dẫn bổ sung một lần bằng văn bản.
Bước 3: Cơ quan giải quyết thẩm định, trình người có thẩm quyền ký kết quả.
Bước 4: Nhận kết quả tại Bộ phận Một cửa, qua bưu chính hoặc bản điện tử.',
	NULL, 'https://dichvucong.gov.vn/', '2022-09-12', 'sample');
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.009998', 'truc-tiep', 'Không quá 05 ngày làm việc', 5, '15.000 đồng/giấy phép', 15000);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.009998', 'truc-tuyen-mot-phan', 'Không quá 05 ngày làm việc', 5, '15.000 đồng/giấy phép', 15000);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.009998', 'buu-chinh', 'Không quá 05 ngày làm việc; cộng thời gian chuyển phát', 5, '15.000 đồng/giấy phép; cước bưu chính theo giá của doanh nghiệp bưu chính', NULL);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.009998', 'Đơn đề nghị gia hạn giấy phép xây dựng', 'theo mẫu tại Nghị định số 15/2021/NĐ-CP', 1, 0);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.009998', 'Bản chính giấy phép xây dựng đã cấp', NULL, 1, 0);
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.009998', '50/2014/QH13', 'Luật Xây dựng', '2014-06-18', 'Quốc hội');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.009998', '62/2020/QH14', 'Luật sửa đổi, bổ sung một số điều của Luật Xây dựng', '2020-06-17', 'Quốc hội');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.009998', '15/2021/NĐ-CP', 'Nghị định quy định chi tiết một số nội dung về quản lý dự án đầu tư xây dựng', '2021-03-03', 'Chính phủ');

-- Xây dựng: Cấp lại giấy phép xây dựng đối với công trình cấp III, cấp IV và nhà ở…
INSERT INTO procedures (code, name, field, level, applicants, agency, result, steps, conditions, online_url, updated, source)
VALUES ('1.009999', 'Cấp lại giấy phép xây dựng đối với công trình cấp III, cấp IV và nhà ở riêng lẻ', 'Xây dựng', 'một phần',
	'Chủ đầu tư (hộ gia đình, cá nhân, tổ chức)', 'Phòng Kinh tế và Hạ tầng huyện Tuy Phước', 'Giấy phép xây dựng cấp lại',
	'Bước 1: Nộp hồ sơ tại Bộ phận Một cửa, trực tuyến hoặc qua bưu chính công ích.
Bước 2: Cán bộ tiếp nhận kiểm tra hồ sơ; hồ sơ chưa đầy đủ thì hướng dẫn bổ sung một lần bằng văn bản.
Bước 3: Cơ quan giải quyết thẩm định, trình người có thẩm quyền ký kết quả.
Bước 4: Nhận kết quả tại Bộ phận Một cửa, qua bưu chính hoặc bản điện tử.',
	NULL, 'https://dichvucong.gov.vn/', '2025-05-05', 'sample');
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.009999', 'truc-tiep', 'Không quá 05 ngày làm việc', 5, '15.000 đồng/giấy phép', 15000);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.009999', 'truc-tuyen-mot-phan', 'Không quá 05 ngày làm việc', 5, '15.000 đồng/giấy phép', 15000);
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount)
VALUES ('1.009999', 'buu-chinh', 'Không quá 05 ngày làm việc; cộng thời gian chuyển phát', 5, '15.000 đồng/giấy phép; cước bưu chính theo giá của doanh nghiệp bưu chính', NULL);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.009999', 'Đơn đề nghị cấp lại giấy phép xây dựng', 'theo mẫu tại Nghị định số 15/2021/NĐ-CP', 1, 0);
INSERT INTO procedure_documents (procedure, name, form, originals, copies)
VALUES ('1.009999', 'Bản chính giấy phép xây dựng đã cấp (nếu bị rách, nát)', NULL, 1, 0);
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.009999', '50/2014/QH13', 'Luật Xây dựng', '2014-06-18', 'Quốc hội');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.009999', '62/2020/QH14', 'Luật sửa đổi, bổ sung một số điều của Luật Xây dựng', '2020-06-17', 'Quốc hội');
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer)
VALUES ('1.009999', '15/2021/NĐ-CP', 'Nghị định quy định chi tiết một số nội dung về quản lý dự án đầu tư xây dựng', '2021-03-03', 'Chính phủ');
