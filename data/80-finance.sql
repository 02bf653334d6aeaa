-- data/80-finance.sql: budget disclosure (tables `budget` and
-- `investment`, described in data/README.md). Amounts in whole đồng; the
-- pages show them in millions.
--
-- SAMPLE DATA: the seeds ask for "công khai tài chính" (seed 001) but give
-- no figures. Every amount, decision number and date here is invented for
-- the example and marked source = 'sample'; pages show "số liệu mẫu".
-- One INSERT per row; a stage's rows share the decision that published it.

-- UBND huyện Tuy Phước, 2023, dự toán (4120/QĐ-UBND ngày 2022-12-28)
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND huyện Tuy Phước', 2023, 'du-toan', 'thu', 'Thu ngân sách nhà nước trên địa bàn', 420000000000, '4120/QĐ-UBND', '2022-12-28', 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND huyện Tuy Phước', 2023, 'du-toan', 'thu', 'Thu bổ sung từ ngân sách cấp trên', 398000000000, '4120/QĐ-UBND', '2022-12-28', 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND huyện Tuy Phước', 2023, 'du-toan', 'chi', 'Chi đầu tư phát triển', 185000000000, '4120/QĐ-UBND', '2022-12-28', 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND huyện Tuy Phước', 2023, 'du-toan', 'chi', 'Chi sự nghiệp giáo dục - đào tạo', 312500000000, '4120/QĐ-UBND', '2022-12-28', 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND huyện Tuy Phước', 2023, 'du-toan', 'chi', 'Chi sự nghiệp kinh tế', 48200000000, '4120/QĐ-UBND', '2022-12-28', 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND huyện Tuy Phước', 2023, 'du-toan', 'chi', 'Chi đảm bảo xã hội', 36750000000, '4120/QĐ-UBND', '2022-12-28', 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND huyện Tuy Phước', 2023, 'du-toan', 'chi', 'Chi quản lý hành chính', 62300000000, '4120/QĐ-UBND', '2022-12-28', 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND huyện Tuy Phước', 2023, 'du-toan', 'chi', 'Chi dự phòng ngân sách', 9800000000, '4120/QĐ-UBND', '2022-12-28', 'sample');

-- UBND huyện Tuy Phước, 2023, chấp hành (215/QĐ-UBND ngày 2024-01-26)
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND huyện Tuy Phước', 2023, 'chap-hanh', 'thu', 'Thu ngân sách nhà nước trên địa bàn', 446040000000, '215/QĐ-UBND', '2024-01-26', 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND huyện Tuy Phước', 2023, 'chap-hanh', 'thu', 'Thu bổ sung từ ngân sách cấp trên', 397204000000, '215/QĐ-UBND', '2024-01-26', 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND huyện Tuy Phước', 2023, 'chap-hanh', 'chi', 'Chi đầu tư phát triển', 181485000000, '215/QĐ-UBND', '2024-01-26', 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND huyện Tuy Phước', 2023, 'chap-hanh', 'chi', 'Chi sự nghiệp giáo dục - đào tạo', 313750000000, '215/QĐ-UBND', '2024-01-26', 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND huyện Tuy Phước', 2023, 'chap-hanh', 'chi', 'Chi sự nghiệp kinh tế', 45886400000, '215/QĐ-UBND', '2024-01-26', 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND huyện Tuy Phước', 2023, 'chap-hanh', 'chi', 'Chi đảm bảo xã hội', 37742250000, '215/QĐ-UBND', '2024-01-26', 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND huyện Tuy Phước', 2023, 'chap-hanh', 'chi', 'Chi quản lý hành chính', 61863900000, '215/QĐ-UBND', '2024-01-26', 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND huyện Tuy Phước', 2023, 'chap-hanh', 'chi', 'Chi dự phòng ngân sách', 5978000000, '215/QĐ-UBND', '2024-01-26', 'sample');

-- UBND huyện Tuy Phước, 2023, quyết toán (3350/QĐ-UBND ngày 2024-12-20)
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND huyện Tuy Phước', 2023, 'quyet-toan', 'thu', 'Thu ngân sách nhà nước trên địa bàn', 444360000000, '3350/QĐ-UBND', '2024-12-20', 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND huyện Tuy Phước', 2023, 'quyet-toan', 'thu', 'Thu bổ sung từ ngân sách cấp trên', 397204000000, '3350/QĐ-UBND', '2024-12-20', 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND huyện Tuy Phước', 2023, 'quyet-toan', 'chi', 'Chi đầu tư phát triển', 181115000000, '3350/QĐ-UBND', '2024-12-20', 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND huyện Tuy Phước', 2023, 'quyet-toan', 'chi', 'Chi sự nghiệp giáo dục - đào tạo', 313125000000, '3350/QĐ-UBND', '2024-12-20', 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND huyện Tuy Phước', 2023, 'quyet-toan', 'chi', 'Chi sự nghiệp kinh tế', 45741800000, '3350/QĐ-UBND', '2024-12-20', 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND huyện Tuy Phước', 2023, 'quyet-toan', 'chi', 'Chi đảm bảo xã hội', 37668750000, '3350/QĐ-UBND', '2024-12-20', 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND huyện Tuy Phước', 2023, 'quyet-toan', 'chi', 'Chi quản lý hành chính', 61677000000, '3350/QĐ-UBND', '2024-12-20', 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND huyện Tuy Phước', 2023, 'quyet-toan', 'chi', 'Chi dự phòng ngân sách', 5880000000, '3350/QĐ-UBND', '2024-12-20', 'sample');

-- UBND huyện Tuy Phước, 2024, dự toán (4388/QĐ-UBND ngày 2023-12-27)
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND huyện Tuy Phước', 2024, 'du-toan', 'thu', 'Thu ngân sách nhà nước trên địa bàn', 445000000000, '4388/QĐ-UBND', '2023-12-27', 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND huyện Tuy Phước', 2024, 'du-toan', 'thu', 'Thu bổ sung từ ngân sách cấp trên', 412000000000, '4388/QĐ-UBND', '2023-12-27', 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND huyện Tuy Phước', 2024, 'du-toan', 'chi', 'Chi đầu tư phát triển', 210000000000, '4388/QĐ-UBND', '2023-12-27', 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND huyện Tuy Phước', 2024, 'du-toan', 'chi', 'Chi sự nghiệp giáo dục - đào tạo', 328400000000, '4388/QĐ-UBND', '2023-12-27', 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND huyện Tuy Phước', 2024, 'du-toan', 'chi', 'Chi sự nghiệp kinh tế', 51600000000, '4388/QĐ-UBND', '2023-12-27', 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND huyện Tuy Phước', 2024, 'du-toan', 'chi', 'Chi đảm bảo xã hội', 39100000000, '4388/QĐ-UBND', '2023-12-27', 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND huyện Tuy Phước', 2024, 'du-toan', 'chi', 'Chi quản lý hành chính', 64850000000, '4388/QĐ-UBND', '2023-12-27', 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND huyện Tuy Phước', 2024, 'du-toan', 'chi', 'Chi dự phòng ngân sách', 10300000000, '4388/QĐ-UBND', '2023-12-27', 'sample');

-- UBND huyện Tuy Phước, 2024, chấp hành (198/QĐ-UBND ngày 2025-01-24)
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND huyện Tuy Phước', 2024, 'chap-hanh', 'thu', 'Thu ngân sách nhà nước trên địa bàn', 458795000000, '198/QĐ-UBND', '2025-01-24', 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND huyện Tuy Phước', 2024, 'chap-hanh', 'thu', 'Thu bổ sung từ ngân sách cấp trên', 412000000000, '198/QĐ-UBND', '2025-01-24', 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND huyện Tuy Phước', 2024, 'chap-hanh', 'chi', 'Chi đầu tư phát triển', 168000000000, '198/QĐ-UBND', '2025-01-24', 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND huyện Tuy Phước', 2024, 'chap-hanh', 'chi', 'Chi sự nghiệp giáo dục - đào tạo', 324130800000, '198/QĐ-UBND', '2025-01-24', 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND huyện Tuy Phước', 2024, 'chap-hanh', 'chi', 'Chi sự nghiệp kinh tế', 47162400000, '198/QĐ-UBND', '2025-01-24', 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND huyện Tuy Phước', 2024, 'chap-hanh', 'chi', 'Chi đảm bảo xã hội', 37614200000, '198/QĐ-UBND', '2025-01-24', 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND huyện Tuy Phước', 2024, 'chap-hanh', 'chi', 'Chi quản lý hành chính', 65628200000, '198/QĐ-UBND', '2025-01-24', 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND huyện Tuy Phước', 2024, 'chap-hanh', 'chi', 'Chi dự phòng ngân sách', 4326000000, '198/QĐ-UBND', '2025-01-24', 'sample');

-- UBND huyện Tuy Phước, 2025, dự toán (4502/QĐ-UBND ngày 2024-12-26)
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND huyện Tuy Phước', 2025, 'du-toan', 'thu', 'Thu ngân sách nhà nước trên địa bàn', 460000000000, '4502/QĐ-UBND', '2024-12-26', 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND huyện Tuy Phước', 2025, 'du-toan', 'thu', 'Thu bổ sung từ ngân sách cấp trên', 405000000000, '4502/QĐ-UBND', '2024-12-26', 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND huyện Tuy Phước', 2025, 'du-toan', 'chi', 'Chi đầu tư phát triển', 150000000000, '4502/QĐ-UBND', '2024-12-26', 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND huyện Tuy Phước', 2025, 'du-toan', 'chi', 'Chi sự nghiệp giáo dục - đào tạo', 335000000000, '4502/QĐ-UBND', '2024-12-26', 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND huyện Tuy Phước', 2025, 'du-toan', 'chi', 'Chi sự nghiệp kinh tế', 50000000000, '4502/QĐ-UBND', '2024-12-26', 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND huyện Tuy Phước', 2025, 'du-toan', 'chi', 'Chi đảm bảo xã hội', 40200000000, '4502/QĐ-UBND', '2024-12-26', 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND huyện Tuy Phước', 2025, 'du-toan', 'chi', 'Chi quản lý hành chính', 61000000000, '4502/QĐ-UBND', '2024-12-26', 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND huyện Tuy Phước', 2025, 'du-toan', 'chi', 'Chi dự phòng ngân sách', 10000000000, '4502/QĐ-UBND', '2024-12-26', 'sample');

-- UBND xã Phước Lộc, 2024, dự toán (12/NQ-HĐND ngày 2023-12-20)
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND xã Phước Lộc', 2024, 'du-toan', 'thu', 'Thu ngân sách xã hưởng theo phân cấp', 3450000000, '12/NQ-HĐND', '2023-12-20', 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND xã Phước Lộc', 2024, 'du-toan', 'thu', 'Thu bổ sung từ ngân sách cấp trên', 7820000000, '12/NQ-HĐND', '2023-12-20', 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND xã Phước Lộc', 2024, 'du-toan', 'chi', 'Chi đầu tư phát triển', 2100000000, '12/NQ-HĐND', '2023-12-20', 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND xã Phước Lộc', 2024, 'du-toan', 'chi', 'Chi thường xuyên', 8950000000, '12/NQ-HĐND', '2023-12-20', 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND xã Phước Lộc', 2024, 'du-toan', 'chi', 'Chi dự phòng ngân sách', 220000000, '12/NQ-HĐND', '2023-12-20', 'sample');

-- UBND xã Phước Lộc, 2024, chấp hành (08/QĐ-UBND ngày 2025-01-20)
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND xã Phước Lộc', 2024, 'chap-hanh', 'thu', 'Thu ngân sách xã hưởng theo phân cấp', 3726000000, '08/QĐ-UBND', '2025-01-20', 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND xã Phước Lộc', 2024, 'chap-hanh', 'thu', 'Thu bổ sung từ ngân sách cấp trên', 7820000000, '08/QĐ-UBND', '2025-01-20', 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND xã Phước Lộc', 2024, 'chap-hanh', 'chi', 'Chi đầu tư phát triển', 1953000000, '08/QĐ-UBND', '2025-01-20', 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND xã Phước Lộc', 2024, 'chap-hanh', 'chi', 'Chi thường xuyên', 8815750000, '08/QĐ-UBND', '2025-01-20', 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source)
VALUES ('UBND xã Phước Lộc', 2024, 'chap-hanh', 'chi', 'Chi dự phòng ngân sách', 110000000, '08/QĐ-UBND', '2025-01-20', 'sample');

-- Public investment: capital planned and disbursed, as of a date.
INSERT INTO investment (unit, year, planned, disbursed, as_of, source)
VALUES ('UBND huyện Tuy Phước', 2023, 185000000000, 181300000000, '2024-01-31', 'sample');
INSERT INTO investment (unit, year, planned, disbursed, as_of, source)
VALUES ('UBND huyện Tuy Phước', 2024, 210000000000, 168000000000, '2024-12-31', 'sample');
INSERT INTO investment (unit, year, planned, disbursed, as_of, source)
VALUES ('UBND huyện Tuy Phước', 2025, 150000000000, 97500000000, '2025-06-30', 'sample');
INSERT INTO investment (unit, year, planned, disbursed, as_of, source)
VALUES ('UBND xã Phước Lộc', 2024, 2100000000, 1953000000, '2025-01-31', 'sample');
