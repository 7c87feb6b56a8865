/* Who may see which console (issue 6.5): decided at each request from the
 * roles of that moment (schema/003 roles; issue 7 adds oversight
 * accounts), for the person a session names.  One place, so the consoles
 * and every later reader go through the same checks.  Decisions are not
 * authorised here: each is signed and checked by its own handler. */
#ifndef OB_ACCESS_H
#define OB_ACCESS_H

#include <stddef.h>

#include "db_oversight.h"
#include "session.h"
#include "store.h"

#define ACCESS_ADMINS_MAX 32

struct access_admin {
	long long id;
	char code[4];
	char region[10];  /* KATO, "" for a central body */
};

struct access {
	int operator;                  /* P-15: moderates */
	size_t n_admins;               /* P-16: answers for these administrators */
	struct access_admin admins[ACCESS_ADMINS_MAX];
	long long oversight;           /* issue 7: the reader's account id, 0 none */
	struct ov_account ov;          /* that account, with its body's scope */
};

/* Fills a for who; 0 or -1 with err. */
int access_load(struct store *st, const struct principal *who, struct access *a, struct ob_err *err);
/* 1 when a holds any role (only then may a session open). */
int access_any(const struct access *a);
/* 1 when a answers for the administrator admin_id. */
int access_has_admin(const struct access *a, long long admin_id);

/* ---- storage (core/db_roles.c) ---- */
/* The administrators whose role the person holds: grants to the body of
 * the certificate's BIN, for everyone of it or for this IIN. */
int db_role_admins(struct store *st, const char *bin, const char *iin,
                   int (*fn)(const struct access_admin *, void *), void *arg, struct ob_err *err);

#endif
