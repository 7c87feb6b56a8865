/* the scopes of oversight bodies; scope.h explains every kind. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scope.h"

/* The table of kinds: name, and what A-6 gives the kind. */
static const struct {
	enum scope_kind kind;
	const char *name;
	int all;            /* the republican and every local budget */
	int region;         /* scoped by a region: its local budgets */
	int codes;          /* scoped by the administrator codes of a central body */
	const char *fixed;  /* local and only these codes, whatever the body says */
} kinds[] = {
	{ SCOPE_PARLIAMENT, "parliament", 1, 0, 0, NULL },
	{ SCOPE_AUDIT_CHAMBER, "audit-chamber", 1, 0, 0, NULL },
	{ SCOPE_INTERNAL_AUDIT, "internal-audit", 1, 0, 0, NULL },
	{ SCOPE_MASLIKHAT, "maslikhat", 0, 1, 0, NULL },
	{ SCOPE_REVISION_COMMISSION, "revision-commission", 0, 1, 0, NULL },
	{ SCOPE_CENTRAL_AUDIT, "central-audit-service", 0, 0, 1, NULL },
	{ SCOPE_REGIONAL_AUDIT, "regional-audit-service", 0, 1, 0, NULL },
	/* 252 from an oblast budget, 352 from a city of republican
	 * significance or the capital. */
	{ SCOPE_INTERIOR_TERRITORIAL, "interior-territorial", 0, 1, 0, "252,352" },
};

#define NKINDS (sizeof kinds / sizeof kinds[0])
_Static_assert(NKINDS == SCOPE_KINDS, "one row per scope kind");

static int row(enum scope_kind k)
{
	for (size_t i = 0; i < NKINDS; i++)
		if (kinds[i].kind == k)
			return (int)i;
	return -1;
}

const char *scope_kind_name(enum scope_kind k)
{
	int i = row(k);

	return i < 0 ? NULL : kinds[i].name;
}

enum scope_kind scope_kind_parse(const char *name)
{
	for (size_t i = 0; name != NULL && i < NKINDS; i++)
		if (strcmp(kinds[i].name, name) == 0)
			return kinds[i].kind;
	return SCOPE_NONE;
}

int scope_kind_needs_region(enum scope_kind k)
{
	int i = row(k);

	return i >= 0 && kinds[i].region;
}

int scope_kind_needs_codes(enum scope_kind k)
{
	int i = row(k);

	return i >= 0 && kinds[i].codes;
}

static int digits(const char *s, size_t n)
{
	return s != NULL && strlen(s) == n && strspn(s, "0123456789") == n;
}

static int by_code(const void *a, const void *b)
{
	return strcmp(a, b);
}

/* "217, 218 217" -> "217,218"; -1 on a code that is not 3 digits. */
static int codes_normalize(const char *in, char *out, size_t size, struct ob_err *err)
{
	char list[SCOPE_ADMINS_MAX][4];
	size_t n = 0, len = 0;
	const char *p = in;

	while (*p != '\0') {
		size_t w;

		p += strspn(p, ", ");
		if ((w = strcspn(p, ", ")) == 0)
			break;
		if (w != 3 || strspn(p, "0123456789") < 3)
			return ob_err_set(err, "scope-invalid", 0, "\"%.*s\" is not a 3-digit administrator code",
			                  (int)w, p), -1;
		if (n == SCOPE_ADMINS_MAX)
			return ob_err_set(err, "scope-invalid", 0, "more than %d administrator codes",
			                  SCOPE_ADMINS_MAX), -1;
		memcpy(list[n], p, 3);
		list[n++][3] = '\0';
		p += w;
	}
	qsort(list, n, sizeof list[0], by_code);
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && strcmp(list[i], list[i - 1]) == 0)
			continue;
		len += (size_t)snprintf(out + len, size - len, "%s%s", len ? "," : "", list[i]);
	}
	return 0;
}

int scope_make(struct scope *out, enum scope_kind kind, const char *region, const char *codes,
               struct ob_err *err)
{
	int i = row(kind);

	memset(out, 0, sizeof *out);
	if (i < 0)
		return ob_err_set(err, "scope-invalid", 0, "unknown kind of oversight body"), -1;
	if (region != NULL && *region == '\0')
		region = NULL;
	if (codes != NULL && *codes == '\0')
		codes = NULL;
	if (kinds[i].region != (region != NULL))
		return ob_err_set(err, "scope-invalid", 0, "a %s %s a region (KATO code)", kinds[i].name,
		                  kinds[i].region ? "needs" : "has no"), -1;
	if (region != NULL && (!digits(region, 9) || strcmp(region, "000000000") == 0))
		return ob_err_set(err, "scope-invalid", 0, "region \"%s\" is not a 9-digit KATO code", region), -1;
	if (kinds[i].codes != (codes != NULL))
		return ob_err_set(err, "scope-invalid", 0, "a %s %s administrator codes", kinds[i].name,
		                  kinds[i].codes ? "needs" : "has no"), -1;
	if (codes != NULL && codes_normalize(codes, out->codes, sizeof out->codes, err) != 0)
		return -1;
	if (kinds[i].codes && out->codes[0] == '\0')
		return ob_err_set(err, "scope-invalid", 0, "a %s needs administrator codes", kinds[i].name), -1;
	out->kind = kind;
	if (region != NULL)
		snprintf(out->region, sizeof out->region, "%s", region);
	return 0;
}

/* code in "CODE,CODE". */
static int code_in(const char *code, const char *list)
{
	for (const char *p = list; p != NULL && *p != '\0'; p = strchr(p, ',') ? strchr(p, ',') + 1 : NULL)
		if (strncmp(p, code, 3) == 0 && (p[3] == ',' || p[3] == '\0'))
			return 1;
	return 0;
}

int scope_covers(const struct scope *sc, const char *admin_code, const char *level,
                 const char *region)
{
	int i = sc != NULL ? row(sc->kind) : -1;
	int local;

	if (i < 0 || !digits(admin_code, 3) || level == NULL)
		return 0;
	if (kinds[i].all)
		return 1;
	local = strcmp(level, "republican") != 0;
	if (kinds[i].codes)  /* a central body's own budget */
		return !local && code_in(admin_code, sc->codes);
	/* A regional kind: local budgets of the same oblast (two KATO digits). */
	if (!local || !digits(region, 9) || !digits(sc->region, 9) || strncmp(region, sc->region, 2) != 0)
		return 0;
	return kinds[i].fixed == NULL || code_in(admin_code, kinds[i].fixed);
}

void scope_sql_params(const struct scope *sc, struct scope_sql *out)
{
	int i = sc != NULL ? row(sc->kind) : -1;
	const char *codes = NULL;

	memset(out, 0, sizeof *out);
	if (i < 0)
		return;
	if (kinds[i].all) {
		out->all = 1;
		return;
	}
	if (kinds[i].codes) {
		out->central = 1;
		codes = sc->codes;
	} else if (digits(sc->region, 9)) {
		out->local = 1;
		memcpy(out->region2, sc->region, 2);
		codes = kinds[i].fixed;
	}
	if (codes != NULL && *codes != '\0')
		snprintf(out->codes, sizeof out->codes, ",%s,", codes);
}

const char *scope_describe(const struct scope *sc, char *buf, size_t size)
{
	const char *name = scope_kind_name(sc->kind);

	if (name == NULL)
		snprintf(buf, size, "none");
	else if (sc->region[0] != '\0')
		snprintf(buf, size, "%s %s", name, sc->region);
	else if (sc->codes[0] != '\0')
		snprintf(buf, size, "%s %s", name, sc->codes);
	else
		snprintf(buf, size, "%s", name);
	return buf;
}
