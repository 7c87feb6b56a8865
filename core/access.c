/* Roles of a signed-in person (access.h says why). */
#include <string.h>

#include "access.h"
#include "db_submit.h"

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
	int rc;

	memset(a, 0, sizeof *a);
	if ((rc = db_role_is_operator(st, who->iin, err)) < 0)
		return -1;
	a->operator = rc;
	/* A person's own certificate never acts for a body (as in P-16's checks). */
	if (who->bin[0] != '\0' && db_role_admins(st, who->bin, who->iin, add_admin, a, err) != 0)
		return -1;
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
