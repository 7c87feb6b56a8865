/* The temporary databases of the unit tests that work on a store (cmocka
 * must be included first; for tests/unit/test_*.c only): a fresh database
 * file /tmp/ob-test-NAME-PID.db, removed afterwards with its WAL files;
 * reference data and documents loaded in a transaction each, as `obctl
 * import` does; and the evidence row every signed submission starts with.
 * Anything that fails fails the test. */
#ifndef OB_TEST_DB_HELPERS_H
#define OB_TEST_DB_HELPERS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <libxml/tree.h>

#include "sql_helpers.h"
#include "clock.h"
#include "db_documents.h"
#include "db_reference.h"
#include "db_submit.h"
#include "doc.h"
#include "xmlin.h"

/* A new, empty database /tmp/ob-test-NAME-PID.db; its path in path. */
static inline struct store *db_create(char *path, size_t size, const char *name)
{
	struct ob_err err = { 0 };
	struct store *st;

	snprintf(path, size, "/tmp/ob-test-%s-%d.db", name, getpid());
	unlink(path);
	st = store_open(path, STORE_CREATE, &err);
	if (st == NULL)
		fail_msg("store_open %s: %s %s", path, err.code, err.msg);
	return st;
}

/* Removes the database at path and its -wal and -shm files. */
static inline void db_remove(const char *path)
{
	char p[96];

	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
}

/* Stores the reference data x (the test fails when it is NULL) and frees it. */
static inline void db_load_reference(struct store *st, xmlDocPtr x)
{
	struct ob_err err = { 0 };
	int n;

	assert_non_null(x);
	must(store_begin(st, &err), &err);
	must(db_reference_load(st, x, &n, &err), &err);
	must(store_commit(st, &err), &err);
	xmlFreeDoc(x);
}

/* The same from the file at path, and from the text of len bytes. */
static inline void db_load_reference_file(struct store *st, const char *path)
{
	struct ob_err err = { 0 };

	db_load_reference(st, xml_parse_file_limited(path, OB_XML_MAX, &err));
}

static inline void db_load_reference_text(struct store *st, const char *text, size_t len)
{
	struct ob_err err = { 0 };

	db_load_reference(st, xml_parse_limited(text, len, OB_XML_MAX, &err));
}

/* Imports the document file at path; its id. */
static inline long long db_import_file(struct store *st, const char *path)
{
	struct ob_err err = { 0 };
	struct doc d;
	xmlDocPtr x;
	size_t len;
	long long id = 0;
	char *buf;

	assert_non_null(buf = file_read_all(path, OB_XML_MAX, &len, &err));
	must(store_begin(st, &err), &err);
	must(doc_load(buf, len, &d, &x, &err), &err);
	must(db_document_store(st, &d, buf, len, &id, &err), &err);
	must(store_commit(st, &err), &err);
	doc_free(&d);
	xmlFreeDoc(x);
	free(buf);
	return id;
}

/* The evidence row of a submission of kind signed by iin, received now
 * (ob_now()), with the next id of *serial and placeholder digests; the
 * caller changes or adds what it needs (the day, bin, doc_id) and stores
 * it with db_submission_insert(). */
static inline void evidence_init(struct submission *s, int *serial, const char *kind, const char *iin)
{
	memset(s, 0, sizeof *s);
	snprintf(s->id, sizeof s->id, "%032x", ++*serial);
	s->kind = kind;
	ob_time_format(ob_now(), s->received);
	date_format(ob_date_of(ob_now()), s->day);
	snprintf(s->iin, sizeof s->iin, "%s", iin);
	memset(s->cert_sha256, 'c', 64);
	memset(s->sha256, 'a', 64);
	s->xml = "<signed/>";
	s->len = strlen(s->xml);
}

#endif
