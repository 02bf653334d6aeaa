-- data/44-legal-status.sql: the legal force of documents the example site
-- cites but does not publish (table legal_status: data/schema.sql,
-- "Documents"; README.md "Documents", data/README.md).
--
-- Decree 61/2018/NĐ-CP (the one-stop shop; cited by seeds 003 and 004) was
-- replaced by Decree 118/2025/NĐ-CP: /work/shared/DOMAIN.md, "Legal force
-- changes". The title is the decree's own, as published; the date the
-- change took effect is not in that source, so `since` is left empty rather
-- than guessed.
INSERT INTO legal_status (number, title, status, replaced_by, since, source) VALUES
	('61/2018/NĐ-CP', 'Nghị định về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính',
	 'replaced', '118/2025/NĐ-CP', NULL, 'DOMAIN.md (Legal force changes)');
