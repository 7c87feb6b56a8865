/* what an oversight body may read, decided in one place.  Order
 * No. 270, p. 6, gives each kind of body the budgets of its competence:
 *
 *   parliament, audit-chamber (Supreme Audit Chamber), internal-audit (the
 *     authorized body for internal state audit)
 *       -> the republican budget and every local budget;
 *   maslikhat, revision-commission
 *       -> the local budgets of the region it works in;
 *   central-audit-service (internal audit service of a central state body)
 *       -> that body's budget: its administrator codes, republican level;
 *   regional-audit-service (internal audit service of the executive body of
 *     an oblast, a city of republican significance, the capital)
 *       -> the budget of that region;
 *   interior-territorial (internal audit service of a territorial body of
 *     the Ministry of Internal Affairs)
 *       -> administrators 252 (executive internal affairs body financed from
 *          the oblast budget) and 352 (from the budget of a city of
 *          republican significance, the capital) of its region.
 *
 * A region is a KATO code of schema/001's regions table (an oblast or a
 * city of republican significance); an administrator belongs to it when
 * the first two digits of their KATO codes agree, the digits that name the
 * oblast, so districts and cities of the oblast (whose administrators carry
 * the oblast's code or, in a finer classifier, their own) are in.  A local
 * budget is any level but "republican" (regional, city, district).
 *
 * Pure functions: no SQL, no clock.  Lists are filtered in SQL with the
 * parameters scope_sql_params() makes (core/db_scope.c applies them), and
 * tests/unit/test_scope.c checks both readings agree. */
#ifndef OB_SCOPE_H
#define OB_SCOPE_H

#include <stddef.h>

#include "err.h"

enum scope_kind {
	SCOPE_NONE = 0,
	SCOPE_PARLIAMENT,
	SCOPE_AUDIT_CHAMBER,
	SCOPE_INTERNAL_AUDIT,
	SCOPE_MASLIKHAT,
	SCOPE_REVISION_COMMISSION,
	SCOPE_CENTRAL_AUDIT,
	SCOPE_REGIONAL_AUDIT,
	SCOPE_INTERIOR_TERRITORIAL,
};
#define SCOPE_KINDS 8

#define SCOPE_ADMINS_MAX 32           /* administrator codes of one central body */
#define SCOPE_CODES_LEN (SCOPE_ADMINS_MAX * 4)  /* "CODE,CODE,...", NUL */

struct scope {
	enum scope_kind kind;
	char region[10];                   /* KATO, 9 digits; "" when the kind has none */
	char codes[SCOPE_CODES_LEN];       /* central-audit-service: "217,218" */
};

/* "parliament", ...; NULL for SCOPE_NONE or an unknown value. */
const char *scope_kind_name(enum scope_kind k);
/* SCOPE_NONE for an unknown name. */
enum scope_kind scope_kind_parse(const char *name);
/* 1 when the kind is scoped by a region; by administrator codes. */
int scope_kind_needs_region(enum scope_kind k);
int scope_kind_needs_codes(enum scope_kind k);

/* Builds and checks a scope: region required (9 digits) exactly for the
 * regional kinds, codes (3-digit codes separated by commas or spaces, at
 * most SCOPE_ADMINS_MAX) exactly for central-audit-service; the codes are
 * stored sorted, without duplicates.  0, or -1 with code "scope-invalid". */
int scope_make(struct scope *out, enum scope_kind kind, const char *region, const char *codes,
               struct ob_err *err);

/* 1 when the scope covers a document (or anything else) of the
 * administrator with this 3-digit code, budget level (republican,
 * regional, city, district) and region (KATO; NULL or "" for a central
 * body); 0 otherwise, also for a malformed scope or arguments. */
int scope_covers(const struct scope *sc, const char *admin_code, const char *level,
                 const char *region);

/* The same decision as SQL parameters, so that a list is filtered by its
 * query and not after it (core/db_scope.c, SCOPE_SQL_WHERE):
 *   all     1: everything;
 *   central 1: republican administrators whose code is in codes;
 *   local   1: non-republican administrators of region2 (the oblast's two
 *              KATO digits), and, when codes is not "", only those codes.
 * codes is ",CODE,CODE," (commas at both ends, for instr()).  A malformed
 * scope gives all parameters 0: nothing. */
struct scope_sql {
	int all, central, local;
	char region2[3];
	char codes[SCOPE_CODES_LEN + 2];
};
void scope_sql_params(const struct scope *sc, struct scope_sql *out);

/* "kind", "kind REGION" or "kind CODE,CODE": for the audit log and obctl. */
const char *scope_describe(const struct scope *sc, char *buf, size_t size);

#endif
