-- data/schema.sql: the tables the default theme relies on. congkhai loads this
-- file first, then every other data/*.sql file in name order, into SQLite
-- with foreign keys enforced; an error names the file and line. The tables
-- are described in data/README.md.
--
-- Every row that carries figures has a `source`: a document number or seed
-- file the figure comes from, or 'sample' for sample data shown as such.

PRAGMA foreign_keys = ON;

-- ===== Units and indicators (indicator dashboards, rankings) =====
-- Described in data/README.md ("Units and indicators"). Ids are slugs
-- (a-z, 0-9, '-'); dates are text 'YYYY-MM-DD'; periods are 'YYYY',
-- 'YYYY-Qn' or 'YYYY-MM'; numbers are written with a dot (76.03). Every
-- row with figures has `source`: the number of the document the figure
-- comes from as printed ('264/QĐ-UBND', '/KH-UBND' for a draft), or
-- 'sample' for sample data, and `source_file`: the file it was transcribed
-- from ('seeds/001_6fc72cf77e6c099c.txt'), which links it to the page of
-- that document. Named constraints are the messages staff see.

-- Administrative units and agencies. A unit keeps its id for ever: when it
-- is dissolved or merged, set valid_to and successor and keep the row, so
-- old rankings and documents stay readable under the name of the time.
CREATE TABLE units (
	id TEXT PRIMARY KEY NOT NULL
		CONSTRAINT "units.id must be a slug of a-z, 0-9 and '-', like 'phuoc-loc'"
		CHECK (length(id) BETWEEN 1 AND 80 AND id NOT GLOB '*[^a-z0-9-]*'),
	name TEXT NOT NULL CONSTRAINT "units.name must not be empty" CHECK (length(trim(name)) > 0),
	kind TEXT NOT NULL
		CONSTRAINT "units.kind must be province, district, commune, ward, township or department"
		CHECK (kind IN ('province', 'district', 'commune', 'ward', 'township', 'department')),
	parent TEXT REFERENCES units(id),
	valid_from TEXT CONSTRAINT "units.valid_from must be a date like '2025-07-01'"
		CHECK (valid_from IS NULL OR (valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
			AND date(valid_from, '+0 days') IS valid_from)),
	valid_to TEXT CONSTRAINT "units.valid_to must be a date like '2025-06-30'"
		CHECK (valid_to IS NULL OR (valid_to GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
			AND date(valid_to, '+0 days') IS valid_to)),
	successor TEXT REFERENCES units(id),
	address TEXT,
	website TEXT CONSTRAINT "units.website must start with https:// or http://"
		CHECK (website IS NULL OR website LIKE 'https://_%' OR website LIKE 'http://_%'),
	note TEXT,             -- shown on the unit's page (e.g. why it ended)
	source TEXT NOT NULL CONSTRAINT "units.source must not be empty" CHECK (length(trim(source)) > 0),
	source_file TEXT,
	CONSTRAINT "units.valid_from must not be after valid_to"
		CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to),
	CONSTRAINT "a unit cannot be its own parent or successor"
		CHECK ((parent IS NULL OR parent <> id) AND (successor IS NULL OR successor <> id))
);

-- What is measured. measure: 'percent' (0-100, shown 76,67%), 'count'
-- (shown 1.250), 'score' (shown 76,03). direction: which way is better.
CREATE TABLE indicators (
	id TEXT PRIMARY KEY NOT NULL
		CONSTRAINT "indicators.id must be a slug of a-z, 0-9 and '-', like 'thanh-toan-truc-tuyen'"
		CHECK (length(id) BETWEEN 1 AND 80 AND id NOT GLOB '*[^a-z0-9-]*'),
	name TEXT NOT NULL CONSTRAINT "indicators.name must not be empty" CHECK (length(trim(name)) > 0),
	description TEXT,
	measure TEXT NOT NULL CONSTRAINT "indicators.measure must be percent, count or score"
		CHECK (measure IN ('percent', 'count', 'score')),
	direction TEXT NOT NULL DEFAULT 'higher'
		CONSTRAINT "indicators.direction must be higher or lower (which way is better)"
		CHECK (direction IN ('higher', 'lower')),
	unit_label TEXT,       -- what is counted: 'hồ sơ', '%', 'điểm'
	position INTEGER       -- order on the pages, lower first (then by name)
);

-- The documents that set an indicator's targets, with their words.
CREATE TABLE indicator_documents (
	indicator TEXT NOT NULL REFERENCES indicators(id),
	document TEXT,         -- the number as printed: '91/KH-UBND', '/UBND-NV'
	source_file TEXT,      -- or the file it was transcribed from
	note TEXT,             -- what the document says, quoted
	CONSTRAINT "indicator_documents needs document or source_file"
		CHECK (document IS NOT NULL OR source_file IS NOT NULL),
	UNIQUE (indicator, document, source_file)
);

-- Targets. A target is for one unit, or for a group of units:
-- 'all' (every unit), 'all-communes' (communes, wards, townships),
-- 'all-districts', 'all-departments', optionally only those below
-- `within` (a province or district; with 'all' the unit itself too).
-- It applies from the start of its period until a newer one replaces it.
-- comparison: '>=' (từ ... trở lên, ít nhất), '<=' (không quá), '='
-- (đạt X: reached at X or better, by the indicator's direction).
CREATE TABLE targets (
	indicator TEXT NOT NULL REFERENCES indicators(id),
	unit TEXT REFERENCES units(id),
	unit_group TEXT
		CONSTRAINT "targets.unit_group must be all, all-communes, all-districts or all-departments"
		CHECK (unit_group IS NULL OR unit_group IN ('all', 'all-communes', 'all-districts', 'all-departments')),
	within TEXT REFERENCES units(id),
	period TEXT NOT NULL
		CONSTRAINT "targets.period must be a year, quarter or month: '2023', '2023-Q2' or '2023-04'"
		CHECK (period GLOB '[12][0-9][0-9][0-9]' OR period GLOB '[12][0-9][0-9][0-9]-Q[1-4]'
			OR (period GLOB '[12][0-9][0-9][0-9]-[01][0-9]' AND substr(period, 6, 2) BETWEEN '01' AND '12')),
	value REAL NOT NULL
		CONSTRAINT "targets.value must be a number written with a dot, like 76.03"
		CHECK (typeof(value) IN ('integer', 'real')),
	comparison TEXT NOT NULL DEFAULT '>='
		CONSTRAINT "targets.comparison must be '>=', '<=' or '='"
		CHECK (comparison IN ('>=', '<=', '=')),
	note TEXT,             -- the target in the document's words
	source TEXT NOT NULL CONSTRAINT "targets.source must name the document that sets the target"
		CHECK (length(trim(source)) > 0),
	source_file TEXT,
	CONSTRAINT "a target names exactly one of unit and unit_group"
		CHECK ((unit IS NULL) <> (unit_group IS NULL)),
	CONSTRAINT "targets.within goes with unit_group only"
		CHECK (within IS NULL OR unit_group IS NOT NULL)
);

-- Measured values. For rates give numerator and denominator when known
-- (both or neither); value must then be 100 * numerator / denominator,
-- rounded to at most one decimal place or finer.
CREATE TABLE observations (
	indicator TEXT NOT NULL REFERENCES indicators(id),
	unit TEXT NOT NULL REFERENCES units(id),
	period TEXT NOT NULL
		CONSTRAINT "observations.period must be a year, quarter or month: '2023', '2023-Q2' or '2023-04'"
		CHECK (period GLOB '[12][0-9][0-9][0-9]' OR period GLOB '[12][0-9][0-9][0-9]-Q[1-4]'
			OR (period GLOB '[12][0-9][0-9][0-9]-[01][0-9]' AND substr(period, 6, 2) BETWEEN '01' AND '12')),
	value REAL NOT NULL
		CONSTRAINT "observations.value must be a number written with a dot, like 76.03"
		CHECK (typeof(value) IN ('integer', 'real')),
	numerator REAL,
	denominator REAL,
	note TEXT,
	source TEXT NOT NULL CONSTRAINT "observations.source must name a document, or be 'sample'"
		CHECK (length(trim(source)) > 0),
	source_file TEXT,
	PRIMARY KEY (indicator, unit, period),
	CONSTRAINT "observations: give both numerator and denominator, or neither"
		CHECK ((numerator IS NULL) = (denominator IS NULL)),
	CONSTRAINT "observations.value must equal 100 * numerator / denominator (denominator above 0)"
		CHECK (numerator IS NULL OR (denominator > 0 AND numerator >= 0
			AND abs(value - 100.0 * numerator / denominator) <= 0.05))
);

-- Published rankings: one row per index, year and unit. index_name:
-- 'PAR INDEX' (Chỉ số CCHC), 'SIPAS' ... decision: the decision that
-- announced the result.
CREATE TABLE rankings (
	id INTEGER PRIMARY KEY,
	index_name TEXT NOT NULL CONSTRAINT "rankings.index_name must not be empty"
		CHECK (length(trim(index_name)) > 0),
	year INTEGER NOT NULL CONSTRAINT "rankings.year must be a year like 2022"
		CHECK (typeof(year) = 'integer' AND year BETWEEN 1990 AND 2200),
	unit TEXT NOT NULL REFERENCES units(id),
	score REAL NOT NULL
		CONSTRAINT "rankings.score must be a number between 0 and max_score, written with a dot"
		CHECK (typeof(score) IN ('integer', 'real') AND score >= 0 AND score <= max_score),
	max_score REAL NOT NULL CONSTRAINT "rankings.max_score must be above 0" CHECK (max_score > 0),
	rank INTEGER,
	out_of INTEGER,
	decision TEXT,
	decision_date TEXT CONSTRAINT "rankings.decision_date must be a date like '2023-01-31'"
		CHECK (decision_date IS NULL OR (decision_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
			AND date(decision_date, '+0 days') IS decision_date)),
	source TEXT NOT NULL CONSTRAINT "rankings.source must name a document, or be 'sample'"
		CHECK (length(trim(source)) > 0),
	source_file TEXT,
	CONSTRAINT "rankings.rank must be between 1 and out_of"
		CHECK ((rank IS NULL AND out_of IS NULL) OR (rank >= 1 AND out_of >= rank)),
	UNIQUE (index_name, year, unit)
);

-- The parts of a ranking's score.
CREATE TABLE ranking_components (
	ranking INTEGER NOT NULL REFERENCES rankings(id),
	name TEXT NOT NULL CONSTRAINT "ranking_components.name must not be empty"
		CHECK (length(trim(name)) > 0),
	score REAL NOT NULL
		CONSTRAINT "ranking_components.score must be a number between 0 and max_score"
		CHECK (typeof(score) IN ('integer', 'real') AND score >= 0 AND score <= max_score),
	max_score REAL NOT NULL CONSTRAINT "ranking_components.max_score must be above 0"
		CHECK (max_score > 0),
	position INTEGER,
	UNIQUE (ranking, name)
);

-- The weight table of an index, as set by a decision for one year and
-- level ('province', 'district', 'commune', 'department'). Weights differ
-- by province and year: they live here, never in code.
CREATE TABLE ranking_weights (
	index_name TEXT NOT NULL,
	year INTEGER NOT NULL CONSTRAINT "ranking_weights.year must be a year like 2022"
		CHECK (typeof(year) = 'integer' AND year BETWEEN 1990 AND 2200),
	level TEXT NOT NULL
		CONSTRAINT "ranking_weights.level must be province, district, commune or department"
		CHECK (level IN ('province', 'district', 'commune', 'department')),
	component TEXT NOT NULL,
	weight REAL NOT NULL CONSTRAINT "ranking_weights.weight must be a number above 0"
		CHECK (typeof(weight) IN ('integer', 'real') AND weight > 0),
	decision TEXT NOT NULL CONSTRAINT "ranking_weights.decision must name the decision that set the weights"
		CHECK (length(trim(decision)) > 0),
	decision_date TEXT CONSTRAINT "ranking_weights.decision_date must be a date like '2023-01-31'"
		CHECK (decision_date IS NULL OR (decision_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
			AND date(decision_date, '+0 days') IS decision_date)),
	note TEXT,
	source TEXT NOT NULL CHECK (length(trim(source)) > 0),
	source_file TEXT,
	position INTEGER,
	UNIQUE (index_name, year, level, component)
);

-- Citizen satisfaction (SIPAS) by criterion: the rate measured (NULL when
-- the document gives only a target) and the target (at least).
CREATE TABLE satisfaction (
	unit TEXT NOT NULL REFERENCES units(id),
	year INTEGER NOT NULL CONSTRAINT "satisfaction.year must be a year like 2022"
		CHECK (typeof(year) = 'integer' AND year BETWEEN 1990 AND 2200),
	criterion TEXT NOT NULL CONSTRAINT "satisfaction.criterion must not be empty"
		CHECK (length(trim(criterion)) > 0),
	rate REAL CONSTRAINT "satisfaction.rate must be a percentage between 0 and 100, written with a dot"
		CHECK (rate IS NULL OR (typeof(rate) IN ('integer', 'real') AND rate BETWEEN 0 AND 100)),
	target REAL CONSTRAINT "satisfaction.target must be a percentage between 0 and 100"
		CHECK (target IS NULL OR (typeof(target) IN ('integer', 'real') AND target BETWEEN 0 AND 100)),
	note TEXT,
	source TEXT NOT NULL CONSTRAINT "satisfaction.source must name a document, or be 'sample'"
		CHECK (length(trim(source)) > 0),
	source_file TEXT,
	position INTEGER,
	UNIQUE (unit, year, criterion)
);


-- ===== Citizen services (procedures, hotlines, finance, apologies) =====
-- Described in data/README.md ("Citizen services"). Dates are text
-- 'YYYY-MM-DD' (checked: date(x, '+0 days') IS x); money is whole đồng; every URL
-- starts with https://. Handling agencies and hotline units are names
-- (text) until a units table exists to point at.

-- The procedures a citizen can file (thủ tục hành chính), as on the
-- national portal. level: 'toàn trình', 'một phần' (online public service
-- levels of Decree 42/2022/NĐ-CP), 'trực tiếp' (not online), or the legacy
-- 'mức độ 1' .. 'mức độ 4' of old data (shown as 4 = toàn trình,
-- 3 = một phần, 1-2 = trực tiếp).
CREATE TABLE procedures (
	code TEXT PRIMARY KEY NOT NULL
		CHECK (length(code) BETWEEN 1 AND 40 AND code NOT GLOB '*[^0-9A-Za-z.]*'),
	name TEXT NOT NULL CHECK (length(trim(name)) > 0),
	field TEXT NOT NULL CHECK (length(trim(field)) > 0),
	level TEXT NOT NULL CHECK (level IN ('toàn trình', 'một phần', 'trực tiếp',
		'mức độ 1', 'mức độ 2', 'mức độ 3', 'mức độ 4')),
	applicants TEXT,
	agency TEXT NOT NULL CHECK (length(trim(agency)) > 0),
	result TEXT,
	steps TEXT,         -- one step per line
	conditions TEXT,    -- one condition per line
	online_url TEXT CHECK (online_url IS NULL OR online_url LIKE 'https://_%'),
	updated TEXT CHECK (date(updated, '+0 days') IS updated),
	source TEXT NOT NULL CHECK (length(trim(source)) > 0)
);

-- Ways to apply, each with its own time limit and fee.
CREATE TABLE procedure_channels (
	procedure TEXT NOT NULL REFERENCES procedures(code),
	channel TEXT NOT NULL CHECK (channel IN ('truc-tiep', 'truc-tuyen-toan-trinh',
		'truc-tuyen-mot-phan', 'buu-chinh')),
	time_limit TEXT NOT NULL,   -- as written: '03 ngày làm việc'
	time_days REAL CHECK (time_days IS NULL OR time_days >= 0),
	fee TEXT,                   -- as written; NULL: fee_amount alone
	fee_amount INTEGER CHECK (fee_amount IS NULL OR fee_amount >= 0), -- đồng; 0 free
	PRIMARY KEY (procedure, channel)
);

-- Documents to bring, in the order written (rowid order).
CREATE TABLE procedure_documents (
	procedure TEXT NOT NULL REFERENCES procedures(code),
	name TEXT NOT NULL CHECK (length(trim(name)) > 0),
	form TEXT,                  -- the form to fill, 'Mẫu số 01/...', or NULL
	originals INTEGER NOT NULL DEFAULT 1 CHECK (originals >= 0),
	copies INTEGER NOT NULL DEFAULT 0 CHECK (copies >= 0)
);

-- Legal basis, in the order written.
CREATE TABLE procedure_legal_basis (
	procedure TEXT NOT NULL REFERENCES procedures(code),
	number TEXT NOT NULL CHECK (length(trim(number)) > 0), -- '60/2014/QH13'
	title TEXT NOT NULL,
	date TEXT CHECK (date(date, '+0 days') IS date),
	issuer TEXT
);

-- Hotlines, per unit (or agency: the same name as procedures.agency links
-- a procedure to its agency's hotlines).
CREATE TABLE hotlines (
	unit TEXT NOT NULL CHECK (length(trim(unit)) > 0),
	label TEXT NOT NULL CHECK (length(trim(label)) > 0),
	phone TEXT NOT NULL,        -- as shown; digits, spaces, dots, a leading +
	email TEXT,
	address TEXT,
	office_hours TEXT,
	purpose TEXT,
	source TEXT NOT NULL CHECK (length(trim(source)) > 0)
);

-- Budget disclosure: estimate (dự toán), execution (chấp hành) and
-- settlement (quyết toán) per unit, year and category, with the decision
-- that published each stage. kind: 'thu' revenue or 'chi' spending.
CREATE TABLE budget (
	unit TEXT NOT NULL CHECK (length(trim(unit)) > 0),
	year INTEGER NOT NULL CHECK (year BETWEEN 1945 AND 2200),
	stage TEXT NOT NULL CHECK (stage IN ('du-toan', 'chap-hanh', 'quyet-toan')),
	kind TEXT NOT NULL DEFAULT 'chi' CHECK (kind IN ('thu', 'chi')),
	category TEXT NOT NULL CHECK (length(trim(category)) > 0),
	amount INTEGER NOT NULL CHECK (amount >= 0),   -- đồng
	decision TEXT,                                  -- '123/QĐ-UBND'
	decision_date TEXT CHECK (date(decision_date, '+0 days') IS decision_date),
	source TEXT NOT NULL CHECK (length(trim(source)) > 0),
	PRIMARY KEY (unit, year, stage, kind, category)
);

-- Public investment: capital planned and disbursed (giải ngân) per unit
-- and year, as of a date.
CREATE TABLE investment (
	unit TEXT NOT NULL CHECK (length(trim(unit)) > 0),
	year INTEGER NOT NULL CHECK (year BETWEEN 1945 AND 2200),
	planned INTEGER NOT NULL CHECK (planned >= 0),   -- đồng
	disbursed INTEGER NOT NULL CHECK (disbursed >= 0),
	as_of TEXT CHECK (date(as_of, '+0 days') IS as_of),
	source TEXT NOT NULL CHECK (length(trim(source)) > 0),
	PRIMARY KEY (unit, year)
);

-- Written apologies for late dossiers (Decree 61/2018/NĐ-CP, now
-- 118/2025/NĐ-CP). No personal names: the dossier code identifies it.
-- Days late = new_date - due_date, computed. Listed on /xin-loi/ for
-- [apologies] window_days after publication, then on /xin-loi/luu-tru/.
CREATE TABLE apologies (
	dossier_code TEXT PRIMARY KEY NOT NULL CHECK (length(trim(dossier_code)) > 0),
	procedure TEXT NOT NULL REFERENCES procedures(code),
	agency TEXT NOT NULL CHECK (length(trim(agency)) > 0),
	due_date TEXT NOT NULL CHECK (date(due_date, '+0 days') IS due_date),
	new_date TEXT NOT NULL CHECK (date(new_date, '+0 days') IS new_date AND new_date >= due_date),
	reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
	published TEXT NOT NULL CHECK (date(published, '+0 days') IS published),
	source TEXT NOT NULL CHECK (length(trim(source)) > 0)
);

-- ===== Open data =====
-- Every table is published as /du-lieu/<table>.csv and .json and listed on
-- /du-lieu/ and in /data.json (generator/opendata.h). data_dictionary
-- describes them: the row with column_name '' describes the table ("Title:
-- more text"; the part before ": " is the title), the other rows one column
-- each. A column without a row shows its SQL type only; a row naming a
-- table or column that does not exist is a build warning. Add rows here
-- when you add a table.
CREATE TABLE data_dictionary (
	table_name TEXT NOT NULL CHECK (length(trim(table_name)) > 0),
	column_name TEXT NOT NULL DEFAULT '',  -- '' : the table itself
	description TEXT NOT NULL CHECK (length(trim(description)) > 0),
	PRIMARY KEY (table_name, column_name)
);

INSERT INTO data_dictionary (table_name, column_name, description) VALUES
('data_dictionary', '', 'Từ điển dữ liệu: ý nghĩa của từng bảng và từng cột được công bố'),
('data_dictionary', 'table_name', 'Tên bảng'),
('data_dictionary', 'column_name', 'Tên cột; để trống khi dòng mô tả cả bảng'),
('data_dictionary', 'description', 'Ý nghĩa'),

('units', '', 'Đơn vị hành chính và cơ quan: tỉnh, huyện, xã, phường, thị trấn và các phòng, ban; đơn vị đã giải thể hoặc sáp nhập vẫn được giữ, có ngày kết thúc và đơn vị kế thừa'),
('units', 'id', 'Mã đơn vị (không đổi theo thời gian)'),
('units', 'name', 'Tên đơn vị tại thời điểm hoạt động'),
('units', 'kind', 'Cấp: province (tỉnh), district (huyện), commune (xã), ward (phường), township (thị trấn), department (phòng, ban)'),
('units', 'parent', 'Mã đơn vị cấp trên'),
('units', 'valid_from', 'Ngày bắt đầu hoạt động (năm-tháng-ngày)'),
('units', 'valid_to', 'Ngày kết thúc hoạt động (năm-tháng-ngày); trống khi còn hoạt động'),
('units', 'successor', 'Mã đơn vị kế thừa sau khi giải thể, sáp nhập'),
('units', 'source', 'Văn bản nguồn (số, ký hiệu)'),
('units', 'source_file', 'Tệp văn bản nguồn đã chép lại'),

('indicators', '', 'Chỉ tiêu cải cách hành chính: những gì được đo và cách đo'),
('indicators', 'id', 'Mã chỉ tiêu'),
('indicators', 'name', 'Tên chỉ tiêu'),
('indicators', 'measure', 'Loại số đo: percent (tỷ lệ %), count (số lượng), score (điểm)'),
('indicators', 'direction', 'Chiều tốt hơn: higher (càng cao càng tốt) hoặc lower (càng thấp càng tốt)'),
('indicators', 'unit_label', 'Đơn vị tính'),

('indicator_documents', '', 'Văn bản đặt chỉ tiêu: văn bản nào giao chỉ tiêu nào, trích nguyên văn'),
('indicator_documents', 'document', 'Số, ký hiệu văn bản'),
('indicator_documents', 'note', 'Nội dung văn bản về chỉ tiêu, trích nguyên văn'),

('targets', '', 'Mục tiêu được giao: mức phải đạt của từng chỉ tiêu, theo đơn vị hoặc nhóm đơn vị và kỳ'),
('targets', 'indicator', 'Mã chỉ tiêu'),
('targets', 'unit', 'Mã đơn vị được giao (hoặc để trống khi giao cho nhóm đơn vị)'),
('targets', 'unit_group', 'Nhóm đơn vị được giao: all (tất cả), all-communes (các xã, phường, thị trấn), all-districts, all-departments'),
('targets', 'period', 'Kỳ bắt đầu áp dụng: năm (2023), quý (2023-Q2) hoặc tháng (2023-04)'),
('targets', 'value', 'Mức mục tiêu'),
('targets', 'comparison', 'So sánh: >= (ít nhất), <= (không quá), = (đạt)'),
('targets', 'source', 'Văn bản giao mục tiêu (số, ký hiệu)'),

('observations', '', 'Kết quả thực hiện chỉ tiêu: số liệu đo được theo đơn vị và kỳ'),
('observations', 'indicator', 'Mã chỉ tiêu (bảng indicators)'),
('observations', 'unit', 'Mã đơn vị (bảng units)'),
('observations', 'period', 'Kỳ: năm (2023), quý (2023-Q2) hoặc tháng (2023-04)'),
('observations', 'value', 'Giá trị đo được (tỷ lệ tính bằng %)'),
('observations', 'numerator', 'Tử số, ví dụ số hồ sơ đạt yêu cầu'),
('observations', 'denominator', 'Mẫu số, ví dụ tổng số hồ sơ'),
('observations', 'source', 'Văn bản nguồn (số, ký hiệu), hoặc sample: số liệu mẫu để minh họa'),
('observations', 'source_file', 'Tệp văn bản nguồn đã chép lại'),

('rankings', '', 'Kết quả xếp hạng: Chỉ số cải cách hành chính (PAR INDEX) và các chỉ số khác theo năm và đơn vị'),
('rankings', 'index_name', 'Tên chỉ số'),
('rankings', 'year', 'Năm đánh giá'),
('rankings', 'unit', 'Mã đơn vị'),
('rankings', 'score', 'Điểm đạt được'),
('rankings', 'max_score', 'Điểm tối đa'),
('rankings', 'rank', 'Thứ hạng'),
('rankings', 'out_of', 'Trên tổng số đơn vị được xếp hạng'),
('rankings', 'decision', 'Quyết định công bố kết quả'),
('rankings', 'source', 'Văn bản nguồn (số, ký hiệu), hoặc sample: số liệu mẫu'),

('ranking_components', '', 'Điểm thành phần của kết quả xếp hạng'),
('ranking_components', 'ranking', 'Mã dòng kết quả xếp hạng (bảng rankings)'),
('ranking_components', 'name', 'Tên thành phần'),
('ranking_components', 'score', 'Điểm đạt được'),
('ranking_components', 'max_score', 'Điểm tối đa'),

('ranking_weights', '', 'Thang điểm của chỉ số xếp hạng theo năm và cấp, theo quyết định ban hành'),
('ranking_weights', 'component', 'Thành phần'),
('ranking_weights', 'weight', 'Điểm tối đa của thành phần'),
('ranking_weights', 'decision', 'Quyết định ban hành thang điểm'),

('satisfaction', '', 'Mức độ hài lòng của người dân (SIPAS) theo tiêu chí: tỷ lệ đo được và mục tiêu'),
('satisfaction', 'criterion', 'Tiêu chí đánh giá'),
('satisfaction', 'rate', 'Tỷ lệ hài lòng đo được (%)'),
('satisfaction', 'target', 'Mục tiêu (%), ít nhất'),
('satisfaction', 'source', 'Văn bản nguồn (số, ký hiệu), hoặc sample: số liệu mẫu'),

('procedures', '', 'Thủ tục hành chính: mã, tên, lĩnh vực, mức độ dịch vụ công trực tuyến và cơ quan giải quyết'),
('procedures', 'code', 'Mã thủ tục trên Cổng dịch vụ công quốc gia'),
('procedures', 'name', 'Tên thủ tục'),
('procedures', 'field', 'Lĩnh vực'),
('procedures', 'level', 'Mức độ trực tuyến: toàn trình, một phần, trực tiếp (hoặc mức độ 1-4 theo cách gọi cũ)'),
('procedures', 'agency', 'Cơ quan giải quyết'),
('procedures', 'online_url', 'Địa chỉ nộp hồ sơ trực tuyến'),

('procedure_channels', '', 'Cách nộp hồ sơ của từng thủ tục: thời hạn giải quyết và phí, lệ phí theo từng cách'),
('procedure_channels', 'channel', 'Cách nộp: truc-tiep (trực tiếp), truc-tuyen-toan-trinh, truc-tuyen-mot-phan, buu-chinh (bưu chính công ích)'),
('procedure_channels', 'time_limit', 'Thời hạn giải quyết, như văn bản ghi'),
('procedure_channels', 'fee_amount', 'Phí, lệ phí (đồng); 0 là miễn phí'),

('procedure_documents', '', 'Thành phần hồ sơ phải nộp của từng thủ tục'),
('procedure_documents', 'originals', 'Số bản chính'),
('procedure_documents', 'copies', 'Số bản sao'),

('procedure_legal_basis', '', 'Căn cứ pháp lý của từng thủ tục'),

('hotlines', '', 'Đường dây nóng, số điện thoại tiếp nhận phản ánh, kiến nghị của từng đơn vị'),

('budget', '', 'Công khai ngân sách: dự toán, tình hình thực hiện và quyết toán thu, chi theo đơn vị và năm'),
('budget', 'stage', 'Giai đoạn: du-toan (dự toán), chap-hanh (thực hiện), quyet-toan (quyết toán)'),
('budget', 'kind', 'thu hoặc chi'),
('budget', 'amount', 'Số tiền (đồng)'),

('investment', '', 'Vốn đầu tư công: kế hoạch vốn và số đã giải ngân theo đơn vị và năm'),
('investment', 'planned', 'Kế hoạch vốn (đồng)'),
('investment', 'disbursed', 'Đã giải ngân (đồng)'),

('apologies', '', 'Thư xin lỗi vì giải quyết hồ sơ trễ hạn (không ghi tên người dân)'),
('apologies', 'dossier_code', 'Mã hồ sơ'),
('apologies', 'due_date', 'Ngày hẹn trả kết quả'),
('apologies', 'new_date', 'Ngày hẹn lại'),
('apologies', 'reason', 'Lý do trễ hạn');

-- ===== Documents: legal force, plan tasks (docs: generator/docs.h, tasks.h) =====
-- Described in data/README.md and README.md ("Documents"). Dates are text
-- 'YYYY-MM-DD'. Document numbers are written as printed ('61/2018/NĐ-CP');
-- the generator matches them whatever the spacing and case.

-- The legal force of documents the site cites but does not publish (a
-- published document says its own in front matter: replaced_by, replaces,
-- expired). Pages citing a replaced document say "(đã được thay thế bởi
-- <replaced_by>)" next to each citation.
CREATE TABLE legal_status (
	number TEXT PRIMARY KEY NOT NULL CHECK (length(trim(number)) > 0),
	title TEXT,
	status TEXT NOT NULL CHECK (status IN ('in-force', 'replaced', 'expired')),
	replaced_by TEXT CHECK ((status = 'replaced') = (replaced_by IS NOT NULL)),
	since TEXT CHECK (since IS NULL OR date(since, '+0 days') IS since),
	source TEXT NOT NULL CHECK (length(trim(source)) > 0)  -- where the status is stated
);

-- The tasks of a plan (its appendix), one row per action. A plan is named
-- by its page's URL ('/van-ban/ke-hoach-cchc-2023/'); the tracker is that
-- URL + 'nhiem-vu/'. deadline_text is as the plan writes it ('Quý II/2023',
-- 'Thường xuyên'); the generator reads it into the last day it allows, and
-- `deadline` overrides that when set. A task is done when `done` is set,
-- with the report that says so in done_source.
CREATE TABLE plan_task_groups (
	plan TEXT NOT NULL CHECK (plan LIKE '/%/'),
	grp TEXT NOT NULL CHECK (length(trim(grp)) > 0),   -- 'I' .. 'IX'
	seq INTEGER NOT NULL,                              -- order on the page
	title TEXT NOT NULL CHECK (length(trim(title)) > 0),
	PRIMARY KEY (plan, grp)
);

CREATE TABLE plan_tasks (
	id INTEGER PRIMARY KEY,
	plan TEXT NOT NULL,
	grp TEXT NOT NULL,
	item INTEGER NOT NULL CHECK (item >= 1),           -- STT in the group
	seq INTEGER NOT NULL DEFAULT 1 CHECK (seq >= 1),   -- the action's place in the item
	content TEXT NOT NULL CHECK (length(trim(content)) > 0),   -- Nội dung khắc phục/duy trì
	action TEXT NOT NULL CHECK (length(trim(action)) > 0),     -- Nhiệm vụ, giải pháp
	agencies TEXT NOT NULL CHECK (length(trim(agencies)) > 0), -- Cơ quan thực hiện, as written
	deadline_text TEXT NOT NULL CHECK (length(trim(deadline_text)) > 0),
	deadline TEXT CHECK (deadline IS NULL OR date(deadline, '+0 days') IS deadline),
	done TEXT CHECK (done IS NULL OR date(done, '+0 days') IS done),
	done_source TEXT CHECK ((done IS NULL) = (done_source IS NULL)),
	notes TEXT,                                        -- Ghi chú
	source TEXT NOT NULL CHECK (length(trim(source)) > 0),
	UNIQUE (plan, grp, item, seq),
	FOREIGN KEY (plan, grp) REFERENCES plan_task_groups(plan, grp)
);

-- The agencies responsible for a task, each named the same way across
-- tasks ('Phòng Nội vụ', 'UBND các xã, thị trấn'): the tracker's counts.
CREATE TABLE plan_task_agencies (
	task INTEGER NOT NULL REFERENCES plan_tasks(id),
	agency TEXT NOT NULL CHECK (length(trim(agency)) > 0),
	PRIMARY KEY (task, agency)
);

INSERT INTO data_dictionary (table_name, column_name, description) VALUES
('legal_status', '', 'Hiệu lực của văn bản được dẫn chiếu: còn hiệu lực, đã được thay thế hoặc đã hết hiệu lực'),
('legal_status', 'number', 'Số, ký hiệu văn bản'),
('legal_status', 'title', 'Trích yếu'),
('legal_status', 'status', 'Tình trạng: in-force (còn hiệu lực), replaced (đã được thay thế), expired (hết hiệu lực)'),
('legal_status', 'replaced_by', 'Số, ký hiệu văn bản thay thế'),
('legal_status', 'since', 'Ngày thay đổi hiệu lực (năm-tháng-ngày)'),
('legal_status', 'source', 'Nguồn của thông tin về hiệu lực'),
('plan_task_groups', '', 'Nhóm nhiệm vụ của kế hoạch (I, II, ...)'),
('plan_task_groups', 'plan', 'Địa chỉ trang của kế hoạch'),
('plan_tasks', '', 'Nhiệm vụ của kế hoạch: nội dung, giải pháp, cơ quan thực hiện, thời hạn, tình trạng'),
('plan_tasks', 'plan', 'Địa chỉ trang của kế hoạch'),
('plan_tasks', 'item', 'Số thứ tự trong nhóm'),
('plan_tasks', 'content', 'Nội dung khắc phục, duy trì thực hiện'),
('plan_tasks', 'action', 'Nhiệm vụ, giải pháp thực hiện'),
('plan_tasks', 'agencies', 'Cơ quan thực hiện, như kế hoạch ghi'),
('plan_tasks', 'deadline_text', 'Thời gian thực hiện, như kế hoạch ghi'),
('plan_tasks', 'deadline', 'Hạn (năm-tháng-ngày), khi cần ghi rõ thay cho cách đọc tự động'),
('plan_tasks', 'done', 'Ngày hoàn thành theo báo cáo (năm-tháng-ngày)'),
('plan_tasks', 'done_source', 'Văn bản báo cáo hoàn thành'),
('plan_task_agencies', '', 'Cơ quan chịu trách nhiệm từng nhiệm vụ, mỗi cơ quan một tên thống nhất');
