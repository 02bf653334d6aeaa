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
