/* Roles of a signed-in person (access.h says why). */
#include <string.h>

#include "access.h"
#include "clock.h"
#include "db_submit.h"
#include "oversight.h"

static int add_admin(const struct access_admin *ad, void *arg)
{
	struct access *a = arg;

	if (a->n_admins == ACCESS_ADMINS_MAX)
		return 1;  /* more bodies than one person answers for: show the first */
	a->admins[a->n_admins++] = *ad;
	return 0;
}

int access_load(struct store *st, const struct principal *who, struct access *a, struct ob_err *err)
{
	struct ob_date today;
	int rc;

	memset(a, 0, sizeof *a);
	if ((rc = db_role_is_operator(st, who->iin, err)) < 0)
		return -1;
	a->operator = rc;
	/* A person's own certificate never acts for a body (as in P-16's checks). */
	if (who->bin[0] == '\0')
		return 0;
	if (db_role_admins(st, who->bin, who->iin, add_admin, a, err) != 0)
		return -1;
	/* an oversight reader signs in with the body's certificate
	 * (its BIN) and has one account, active today (not expired, not
	 * blocked); checked at every request, so a block is immediate. */
	if (ob_today(&today) != 0)
		return ob_err_set(err, "internal", 0, "no valid today"), -1;
	if ((rc = oversight_account_active(st, who->iin, who->bin, today, &a->ov, err)) < 0)
		return -1;
	a->oversight = rc == 1 ? a->ov.id : 0;
	return 0;
}

int access_any(const struct access *a)
{
	return a->operator || a->n_admins > 0 || a->oversight > 0;
}

int access_has_admin(const struct access *a, long long admin_id)
{
	for (size_t i = 0; i < a->n_admins; i++)
		if (a->admins[i].id == admin_id)
			return 1;
	return 0;
}
