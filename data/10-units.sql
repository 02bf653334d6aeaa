-- data/10-units.sql: administrative units and agencies (table `units`,
-- described in data/README.md). One INSERT per unit, parents before their
-- children, so that an error names the unit's line.
--
-- Names come from the seed documents where they name the unit; the
-- communes and townships of Tuy Phước district are the 13 units of the
-- district before 1 July 2025 (the list of administrative units; they are
-- not named in the seeds). Since 1 July 2025 local government has two
-- tiers (province, commune): districts ended on 30 June 2025. Where this
-- example does not know a unit's successor it leaves it empty.

-- Provinces
INSERT INTO units (id, name, kind, source, source_file)
VALUES ('binh-dinh', 'Tỉnh Bình Định', 'province', '/UBND-KSTT', 'seeds/004_814cb68cda89e7cf.txt');

-- Districts (ended 30 June 2025 with the two-tier local government)
INSERT INTO units (id, name, kind, parent, valid_to, note, source, source_file)
VALUES ('tuy-phuoc', 'Huyện Tuy Phước', 'district', 'binh-dinh', '2025-06-30',
	'Từ ngày 01/7/2025 chính quyền địa phương tổ chức theo hai cấp (tỉnh, xã); cấp huyện, trong đó có huyện Tuy Phước, kết thúc hoạt động ngày 30/6/2025. Văn bản, chỉ tiêu và kết quả xếp hạng trước đó vẫn được giữ dưới tên gọi của thời điểm ban hành.',
	'/UBND-NV', 'seeds/000_48d4ff3c8e3d704e.txt');
INSERT INTO units (id, name, kind, valid_to, note, source, source_file)
VALUES ('y-yen', 'Huyện Ý Yên', 'district', '2025-06-30',
	'Cấp huyện kết thúc hoạt động ngày 30/6/2025 (chính quyền địa phương hai cấp từ 01/7/2025).',
	'/TB-UBND', 'seeds/002_a228cb4154e42730.txt');

-- Ward named by seed 003 (its town is not named in the seed)
INSERT INTO units (id, name, kind, source, source_file)
VALUES ('thac-mo', 'Phường Thác Mơ', 'ward', '46/UBND', 'seeds/003_26404f6bf8fd370e.txt');

-- Townships and communes of Tuy Phước district (before 1 July 2025)
INSERT INTO units (id, name, kind, parent, source)
VALUES ('tt-tuy-phuoc', 'Thị trấn Tuy Phước', 'township', 'tuy-phuoc', 'danh mục đơn vị hành chính trước 01/7/2025');
INSERT INTO units (id, name, kind, parent, source)
VALUES ('dieu-tri', 'Thị trấn Diêu Trì', 'township', 'tuy-phuoc', 'danh mục đơn vị hành chính trước 01/7/2025');
INSERT INTO units (id, name, kind, parent, source)
VALUES ('phuoc-an', 'Xã Phước An', 'commune', 'tuy-phuoc', 'danh mục đơn vị hành chính trước 01/7/2025');
INSERT INTO units (id, name, kind, parent, source)
VALUES ('phuoc-hiep', 'Xã Phước Hiệp', 'commune', 'tuy-phuoc', 'danh mục đơn vị hành chính trước 01/7/2025');
INSERT INTO units (id, name, kind, parent, source)
VALUES ('phuoc-hoa', 'Xã Phước Hòa', 'commune', 'tuy-phuoc', 'danh mục đơn vị hành chính trước 01/7/2025');
INSERT INTO units (id, name, kind, parent, source)
VALUES ('phuoc-hung', 'Xã Phước Hưng', 'commune', 'tuy-phuoc', 'danh mục đơn vị hành chính trước 01/7/2025');
INSERT INTO units (id, name, kind, parent, source)
VALUES ('phuoc-loc', 'Xã Phước Lộc', 'commune', 'tuy-phuoc', 'danh mục đơn vị hành chính trước 01/7/2025');
INSERT INTO units (id, name, kind, parent, source)
VALUES ('phuoc-nghia', 'Xã Phước Nghĩa', 'commune', 'tuy-phuoc', 'danh mục đơn vị hành chính trước 01/7/2025');
INSERT INTO units (id, name, kind, parent, source)
VALUES ('phuoc-quang', 'Xã Phước Quang', 'commune', 'tuy-phuoc', 'danh mục đơn vị hành chính trước 01/7/2025');
INSERT INTO units (id, name, kind, parent, source)
VALUES ('phuoc-son', 'Xã Phước Sơn', 'commune', 'tuy-phuoc', 'danh mục đơn vị hành chính trước 01/7/2025');
INSERT INTO units (id, name, kind, parent, source)
VALUES ('phuoc-thang', 'Xã Phước Thắng', 'commune', 'tuy-phuoc', 'danh mục đơn vị hành chính trước 01/7/2025');
INSERT INTO units (id, name, kind, parent, source)
VALUES ('phuoc-thanh', 'Xã Phước Thành', 'commune', 'tuy-phuoc', 'danh mục đơn vị hành chính trước 01/7/2025');
INSERT INTO units (id, name, kind, parent, source)
VALUES ('phuoc-thuan', 'Xã Phước Thuận', 'commune', 'tuy-phuoc', 'danh mục đơn vị hành chính trước 01/7/2025');

-- Agencies of Tuy Phước district named in seed 001 (ended with the district)
INSERT INTO units (id, name, kind, parent, valid_to, source, source_file)
VALUES ('tuy-phuoc-van-phong', 'Văn phòng HĐND và UBND huyện Tuy Phước', 'department', 'tuy-phuoc', '2025-06-30',
	'/KH-UBND', 'seeds/001_6fc72cf77e6c099c.txt');
INSERT INTO units (id, name, kind, parent, valid_to, source, source_file)
VALUES ('tuy-phuoc-tu-phap', 'Phòng Tư pháp huyện Tuy Phước', 'department', 'tuy-phuoc', '2025-06-30',
	'/KH-UBND', 'seeds/001_6fc72cf77e6c099c.txt');
