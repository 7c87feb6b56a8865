-- Migration 011: the compliance record (issue 5.3, core/db_compliance.c;
-- P-5, P-7, P-10, G) is rebuilt for every site build and reads a few
-- narrow columns of every document of the four kinds with a deadline and of
-- the passports.  Through documents_kind_year each of those rows was a
-- lookup in the documents table, whose rows carry the titles and heads
-- (8.6 MiB on the benchmark database): ~21 ms for its query there, 13 ms
-- with this index, which holds every column the query reads (0.8 MiB), so
-- it never opens the table.
--
-- Partial, and its WHERE is word for word the query's kind IN (...) term
-- (core/db_compliance.c): SQLite uses a partial index only for a query
-- whose WHERE has that term, so no other query's plan (and the order of its
-- rows) can change because of this index.  Edit both together;
-- tests/unit/test_deadline.c (test_compliance_plan) fails when the
-- compliance query stops using it.
CREATE INDEX documents_compliance ON documents(kind, year, admin_id, period, received, program_id,
                                               number, status, posted)
	WHERE kind IN ('financial-statements', 'audit-result', 'implementation-report', 'grant-report',
	               'passport');
