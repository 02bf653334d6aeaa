-- data/schema.sql: the tables the default theme relies on. congkhai loads this
-- file first, then every other data/*.sql file in name order, into SQLite
-- with foreign keys enforced; an error names the file and line. The tables
-- are described in data/README.md.
--
-- Every row that carries figures has a `source`: a document number or seed
-- file the figure comes from, or 'sample' for sample data shown as such.

PRAGMA foreign_keys = ON;

-- ===== Units and indicators (indicator dashboards, rankings) =====

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
