-- Migration 002: program pages read a program's passports and reports across
-- years (issue 3.6).  Without this index SQLite answered
-- "program_id = ? AND kind = ?" through documents_kind_year, walking every
-- passport for each program (56% of a cold obgen build, docs/benchmarks.md).
CREATE INDEX documents_program_kind ON documents(program_id, kind, year);
