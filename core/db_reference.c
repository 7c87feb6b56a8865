/* SQL of the reference tables: levels, regions, fgroups, fsubgroups,
 * administrators, programs, subprograms. */
#include <stdlib.h>
#include <string.h>

#include "db_reference.h"
#include "db_stmt.h"

static char *prop(xmlNodePtr n, const char *name)
{
	return (char *)xmlGetProp(n, (const xmlChar *)name);
}

static xmlNodePtr child(xmlNodePtr n, const char *name)
{
	for (xmlNodePtr c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, name) == 0)
			return c;
	return NULL;
}

/* Binds name/kk and name/ru of n to parameters i and i+1. */
static void bind_name(sqlite3_stmt *s, int i, xmlNodePtr n)
{
	xmlNodePtr name = child(n, "name");
	xmlChar *kk = xmlNodeGetContent(child(name, "kk"));
	xmlChar *ru = xmlNodeGetContent(child(name, "ru"));

	sqlite3_bind_text(s, i, (const char *)kk, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, i + 1, (const char *)ru, -1, SQLITE_TRANSIENT);
	xmlFree(kk);
	xmlFree(ru);
}

static void bind_prop(sqlite3_stmt *s, int i, xmlNodePtr n, const char *name)
{
	char *v = prop(n, name);

	if (v != NULL)
		sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s, i);
	xmlFree(v);
}

static int step_done(struct store *st, sqlite3_stmt *s, xmlNodePtr n, struct ob_err *err)
{
	if (sqlite3_step(s) == SQLITE_DONE)
		return 0;
	ob_err_set(err, "reference", n->line, "<%s>: %s", (const char *)n->name, sqlite3_errmsg(store_db(st)));
	return -1;
}

static long long step_id(struct store *st, sqlite3_stmt *s, xmlNodePtr n, struct ob_err *err)
{
	if (sqlite3_step(s) == SQLITE_ROW)
		return sqlite3_column_int64(s, 0);
	ob_err_set(err, "reference", n->line, "<%s>: %s", (const char *)n->name, sqlite3_errmsg(store_db(st)));
	return -1;
}

static int load_level(struct store *st, xmlNodePtr n, struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_LEVEL_UPSERT,
	        "INSERT INTO levels (code, ord, name_kk, name_ru) VALUES (?1, ?2, ?3, ?4) "
	        "ON CONFLICT (code) DO UPDATE SET ord = ?2, name_kk = ?3, name_ru = ?4", err);

	if (s == NULL)
		return -1;
	bind_prop(s, 1, n, "code");
	bind_prop(s, 2, n, "ord");
	bind_name(s, 3, n);
	return step_done(st, s, n, err);
}

static int load_region(struct store *st, xmlNodePtr n, struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_REGION_UPSERT,
	        "INSERT INTO regions (kato, kind, ord, name_kk, name_ru) VALUES (?1, ?2, ?3, ?4, ?5) "
	        "ON CONFLICT (kato) DO UPDATE SET kind = ?2, ord = ?3, name_kk = ?4, name_ru = ?5", err);

	if (s == NULL)
		return -1;
	bind_prop(s, 1, n, "kato");
	bind_prop(s, 2, n, "kind");
	bind_prop(s, 3, n, "ord");
	bind_name(s, 4, n);
	return step_done(st, s, n, err);
}

static int load_fgroup(struct store *st, xmlNodePtr n, int *count, struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_FGROUP_UPSERT,
	        "INSERT INTO fgroups (code, name_kk, name_ru) VALUES (?1, ?2, ?3) "
	        "ON CONFLICT (code) DO UPDATE SET name_kk = ?2, name_ru = ?3", err);

	if (s == NULL)
		return -1;
	bind_prop(s, 1, n, "code");
	bind_name(s, 2, n);
	if (step_done(st, s, n, err) != 0)
		return -1;
	for (xmlNodePtr c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, "fsubgroup") != 0)
			continue;
		if ((s = store_stmt(st, ST_FSUBGROUP_UPSERT,
		        "INSERT INTO fsubgroups (fgroup, code, name_kk, name_ru) VALUES (?1, ?2, ?3, ?4) "
		        "ON CONFLICT (fgroup, code) DO UPDATE SET name_kk = ?3, name_ru = ?4", err)) == NULL)
			return -1;
		bind_prop(s, 1, n, "code");
		bind_prop(s, 2, c, "code");
		bind_name(s, 3, c);
		if (step_done(st, s, c, err) != 0)
			return -1;
		(*count)++;
	}
	return 0;
}

static int load_program(struct store *st, long long admin_id, xmlNodePtr n, int *count, struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_PROGRAM_UPSERT,
	        "INSERT INTO programs (admin_id, code, fgroup, fsubgroup, name_kk, name_ru) "
	        "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (admin_id, code) DO UPDATE SET "
	        "fgroup = ?3, fsubgroup = ?4, name_kk = ?5, name_ru = ?6 RETURNING id", err);
	long long id;

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, admin_id);
	bind_prop(s, 2, n, "code");
	bind_prop(s, 3, n, "fgroup");
	bind_prop(s, 4, n, "fsubgroup");
	bind_name(s, 5, n);
	if ((id = step_id(st, s, n, err)) < 0)
		return -1;
	sqlite3_reset(s);
	for (xmlNodePtr c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, "subprogram") != 0)
			continue;
		if ((s = store_stmt(st, ST_SUBPROGRAM_UPSERT,
		        "INSERT INTO subprograms (program_id, code, name_kk, name_ru) VALUES (?1, ?2, ?3, ?4) "
		        "ON CONFLICT (program_id, code) DO UPDATE SET name_kk = ?3, name_ru = ?4", err)) == NULL)
			return -1;
		sqlite3_bind_int64(s, 1, id);
		bind_prop(s, 2, c, "code");
		bind_name(s, 3, c);
		if (step_done(st, s, c, err) != 0)
			return -1;
		(*count)++;
	}
	(*count)++;
	return 0;
}

static int load_admin(struct store *st, xmlNodePtr n, int *count, struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_ADMIN_UPSERT,
	        "INSERT INTO administrators (code, bin, level, region, name_kk, name_ru) "
	        "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (bin) DO UPDATE SET "
	        "code = ?1, level = ?3, region = ?4, name_kk = ?5, name_ru = ?6 RETURNING id", err);
	long long id;

	if (s == NULL)
		return -1;
	bind_prop(s, 1, n, "code");
	bind_prop(s, 2, n, "bin");
	bind_prop(s, 3, n, "level");
	bind_prop(s, 4, n, "region");
	bind_name(s, 5, n);
	if ((id = step_id(st, s, n, err)) < 0)
		return -1;
	sqlite3_reset(s);
	for (xmlNodePtr c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, "program") == 0 &&
		    load_program(st, id, c, count, err) != 0)
			return -1;
	return 0;
}

int db_reference_load(struct store *st, xmlDocPtr x, int *count, struct ob_err *err)
{
	*count = 0;
	for (xmlNodePtr n = xmlDocGetRootElement(x)->children; n != NULL; n = n->next) {
		const char *name = (const char *)n->name;
		int rc = 0;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp(name, "level") == 0)
			rc = load_level(st, n, err);
		else if (strcmp(name, "region") == 0)
			rc = load_region(st, n, err);
		else if (strcmp(name, "fgroup") == 0)
			rc = load_fgroup(st, n, count, err);
		else if (strcmp(name, "administrator") == 0)
			rc = load_admin(st, n, count, err);
		if (rc != 0)
			return -1;
		(*count)++;
	}
	return 0;
}

/* Runs a lookup statement; 1 when it returns a row (its first column in
 * *id when id is given), 0 when none. */
static int found(struct store *st, sqlite3_stmt *s, long long *id, struct ob_err *err)
{
	int rc;

	if (s == NULL)
		return -1;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW && id != NULL)
		*id = sqlite3_column_int64(s, 0);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		store_fail(st, err, "lookup");
	/* Reset at once: left on its row, the statement would keep its read
	 * transaction, and the connection its snapshot (store_idle). */
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int db_admin_find(struct store *st, const char *code, const char *region, long long *id, struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_ADMIN_FIND,
	        "SELECT id FROM administrators WHERE code = ?1 AND ifnull(region, '') = ?2", err);

	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, region ? region : "", -1, SQLITE_STATIC);
	return found(st, s, id, err);
}

int db_program_find(struct store *st, long long admin_id, const char *code, long long *id, struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_PROGRAM_FIND,
	        "SELECT id FROM programs WHERE admin_id = ?1 AND code = ?2", err);

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, admin_id);
	sqlite3_bind_text(s, 2, code, -1, SQLITE_STATIC);
	return found(st, s, id, err);
}

int db_subprogram_find(struct store *st, long long program_id, const char *code, struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_SUBPROGRAM_FIND,
	        "SELECT id FROM subprograms WHERE program_id = ?1 AND code = ?2", err);

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, program_id);
	sqlite3_bind_text(s, 2, code, -1, SQLITE_STATIC);
	return found(st, s, NULL, err);
}

int db_fsubgroup_find(struct store *st, int fgroup, int fsubgroup, struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_FSUBGROUP_FIND,
	        "SELECT 1 FROM fsubgroups WHERE fgroup = ?1 AND code = ?2", err);

	if (s == NULL)
		return -1;
	sqlite3_bind_int(s, 1, fgroup);
	sqlite3_bind_int(s, 2, fsubgroup);
	return found(st, s, NULL, err);
}

int db_region_find(struct store *st, const char *kato, struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_REGION_FIND, "SELECT 1 FROM regions WHERE kato = ?1", err);

	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, kato, -1, SQLITE_STATIC);
	return found(st, s, NULL, err);
}
