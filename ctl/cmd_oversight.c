/* obctl oversight (issue 7; Order No. 270, A-6..A-15): the operator
 * registers oversight bodies and their scopes, and reads the access
 * requests with their deadlines (A-9, overdue flagged), the accounts
 * (active, expired, blocked) and the audit log.  Requests, decisions and
 * blocks themselves arrive signed at /api/oversight/ (docs/api.md); "today"
 * is ob_today() (--today for tests).  docs/obctl/oversight.md. */
#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "ctl.h"
#include "db_calendar.h"
#include "db_reference.h"
#include "oversight.h"
#include "sig.h"

#define USAGE \
	"usage: obctl oversight body add --kind KIND --bin BIN [--region KATO] [--admin-codes C,C]\n" \
	"                                --name-kk TEXT --name-ru TEXT\n" \
	"       obctl oversight body list\n" \
	"       obctl oversight requests [--today YYYY-MM-DD]\n" \
	"       obctl oversight accounts [--today YYYY-MM-DD]\n" \
	"       obctl oversight audit [--csv] [--bin BIN]\n" \
	"KIND: parliament, audit-chamber, internal-audit, maslikhat, revision-commission,\n" \
	"      central-audit-service, regional-audit-service, interior-territorial\n"

/* The value of --name in argv[from..], NULL if absent ("" for a flag
 * without a value, --csv). */
static const char *opt(int argc, char **argv, int from, const char *name)
{
	for (int i = from; i < argc; i++)
		if (strcmp(argv[i], name) == 0)
			return i + 1 < argc ? argv[i + 1] : "";
	return NULL;
}

/* Every argument from `from` on is one of the known options. */
static int opts_known(int argc, char **argv, int from, const char *const *known, const char *flag)
{
	for (int i = from; i < argc; i++) {
		int ok = flag != NULL && strcmp(argv[i], flag) == 0;

		for (int k = 0; !ok && known[k] != NULL; k++)
			if (strcmp(argv[i], known[k]) == 0 && i + 1 < argc)
				ok = 2;
		if (!ok)
			return 0;
		i += ok == 2;
	}
	return 1;
}

static int body_add(int argc, char **argv)
{
	static const char *const known[] = { "--kind", "--bin", "--region", "--admin-codes", "--name-kk",
	                                     "--name-ru", NULL };
	const char *kind = opt(argc, argv, 3, "--kind"), *bin = opt(argc, argv, 3, "--bin");
	const char *kk = opt(argc, argv, 3, "--name-kk"), *ru = opt(argc, argv, 3, "--name-ru");
	const char *region = opt(argc, argv, 3, "--region");
	struct ob_err err = { 0 };
	struct ov_body b = { 0 };
	struct store *st;
	long long id;
	int rc = -1;

	if (!opts_known(argc, argv, 3, known, NULL) || !kind || !bin || !kk || !ru || !*kk || !*ru) {
		fputs(USAGE, stderr);
		return 2;
	}
	if (!iin_valid(bin)) {
		fprintf(stderr, "obctl oversight: --bin %s is not a valid BIN (12 digits, control digit)\n", bin);
		return 2;
	}
	/* the scope, checked by core/scope.c. */
	if (scope_make(&b.scope, scope_kind_parse(kind), region, opt(argc, argv, 3, "--admin-codes"), &err) != 0) {
		ctl_report("obctl oversight", &err);
		return 2;
	}
	snprintf(b.bin, sizeof b.bin, "%s", bin);
	snprintf(b.name_kk, sizeof b.name_kk, "%s", kk);
	snprintf(b.name_ru, sizeof b.name_ru, "%s", ru);
	ob_time_format(ob_now(), b.added);
	if ((st = ctl_open(0)) == NULL)
		return 1;
	if (store_begin(st, &err) == 0) {
		int found = region ? db_region_find(st, region, &err) : 1;

		if (found == 0)
			ob_err_set(&err, "scope-invalid", 0, "region %s is not in the reference data", region);
		else if (found == 1 && db_ov_body_add(st, &b, &id, &err) == 0 && store_commit(st, &err) == 0)
			rc = 0;
		if (rc != 0)
			store_rollback(st);
	}
	if (rc == 0)
		printf("%lld\n", id);
	else
		ctl_report("obctl oversight body add", &err);
	store_close(st);
	return rc == 0 ? 0 : 1;
}

static int print_body(const struct ov_body *b, void *arg)
{
	char sc[192];

	(void)arg;
	printf("%lld\t%s\t%s\t%s\t%s\t%s\n", b->id, b->bin, scope_describe(&b->scope, sc, sizeof sc),
	       b->added, b->name_kk, b->name_ru);
	return 0;
}

struct list_ctx {
	struct calendar *cal;
	struct ob_date today;
	struct ob_err *err;
	int rc;
};

static void fmt(struct ob_date d, char *buf)
{
	if (date_valid(d))
		date_format(d, buf);
	else
		snprintf(buf, DATE_STRLEN, "-");
}

/* each request with its two deadlines and what is overdue today. */
static int print_request(const struct ov_request *r, void *arg)
{
	struct list_ctx *c = arg;
	struct ov_state s;
	char rd[DATE_STRLEN], gd[DATE_STRLEN], flags[96];

	if (oversight_request_state(c->cal, r, c->today, &s, c->err) != 0) {
		c->rc = -1;
		return 1;
	}
	snprintf(flags, sizeof flags, "%s%s%s%s", s.review_overdue ? "REVIEW-OVERDUE " : "",
	         s.review_late ? "review-late " : "", s.grant_overdue ? "GRANT-OVERDUE " : "",
	         s.grant_late ? "grant-late " : "");
	if (flags[0] == '\0')
		snprintf(flags, sizeof flags, "on-time");
	else
		flags[strlen(flags) - 1] = '\0';
	fmt(s.review_due, rd);
	fmt(s.grant_due, gd);
	printf("%lld\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r->id, r->day, s.state, rd, gd, flags,
	       r->body_bin, r->body_kind, r->iin, r->full_name);
	return 0;
}

/* an account's state today; a block's 3-working-day term. */
static int print_account(const struct ov_account *a, void *arg)
{
	struct list_ctx *c = arg;
	char sc[192], due[DATE_STRLEN] = "-", late[8] = "-";
	struct ob_date left, d, day;

	if (a->left_on[0] != '\0' && date_parse(a->left_on, &left) == 0 && date_parse(a->block_day, &day) == 0) {
		if (oversight_block_due(c->cal, left, &d, c->err) != 0) {
			c->rc = -1;
			return 1;
		}
		date_format(d, due);
		snprintf(late, sizeof late, "%s", date_cmp(day, d) > 0 ? "LATE" : "on-time");
	}
	printf("%lld\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", a->id, a->iin, a->bin,
	       scope_describe(&a->scope, sc, sizeof sc), a->granted_day, a->expires,
	       oversight_account_state(a, c->today), a->left_on[0] ? a->left_on : "-", due, late, a->full_name);
	return 0;
}

static int lists(const char *what, int argc, char **argv)
{
	static const char *const known[] = { "--today", NULL };
	const char *today = opt(argc, argv, 2, "--today");
	struct ob_err err = { 0 };
	struct list_ctx c = { .err = &err };
	struct store *st;
	int rc = -1;

	if (!opts_known(argc, argv, 2, known, NULL)) {
		fputs(USAGE, stderr);
		return 2;
	}
	if ((today != NULL ? date_parse(today, &c.today) : ob_today(&c.today)) != 0) {
		fprintf(stderr, "obctl oversight: --today must be YYYY-MM-DD\n");
		return 2;
	}
	if ((st = ctl_open(0)) == NULL)
		return 1;
	if ((c.cal = calendar_new()) != NULL && db_calendar_load(st, c.cal, &err) == 0) {
		if (strcmp(what, "requests") == 0) {
			printf("id\treceived\tstate\treview-due\tgrant-due\tflags\tbin\tbody\tiin\tname\n");
			rc = db_ov_request_list(st, print_request, &c, &err);
		} else {
			printf("id\tiin\tbin\tscope\tgranted\texpires\tstate\tleft\tblock-due\tblock\tname\n");
			rc = db_ov_account_list(st, print_account, &c, &err);
		}
		rc = rc != 0 ? rc : c.rc;
	}
	if (rc != 0)
		ctl_report("obctl oversight", &err);
	calendar_free(c.cal);
	store_close(st);
	return rc == 0 ? 0 : 1;
}

static int print_audit(const struct ov_audit *a, void *arg)
{
	(void)arg;
	printf("%lld\t%s\t%s\t%s\t%s\t%s\t%s\n", a->id, a->at, a->iin, a->bin, a->scope, a->action, a->object);
	return 0;
}

static int audit(int argc, char **argv)
{
	static const char *const known[] = { "--bin", NULL };
	const char *bin = opt(argc, argv, 2, "--bin");
	int csv = opt(argc, argv, 2, "--csv") != NULL;
	struct ob_err err = { 0 };
	struct store *st;
	int rc;

	if (!opts_known(argc, argv, 2, known, "--csv")) {
		fputs(USAGE, stderr);
		return 2;
	}
	if ((st = ctl_open(0)) == NULL)
		return 1;
	if (csv) {
		rc = oversight_audit_csv(st, bin, stdout, &err);
	} else {
		printf("id\tat\tiin\tbin\tscope\taction\tobject\n");
		rc = db_ov_audit_list(st, bin, NULL, print_audit, NULL, &err);
	}
	if (rc != 0)
		ctl_report("obctl oversight audit", &err);
	store_close(st);
	return rc == 0 ? 0 : 1;
}

int cmd_oversight(int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : "";

	if (strcmp(sub, "body") == 0 && argc > 2 && strcmp(argv[2], "add") == 0)
		return body_add(argc, argv);
	if (strcmp(sub, "body") == 0 && argc == 3 && strcmp(argv[2], "list") == 0) {
		struct ob_err err = { 0 };
		struct store *st = ctl_open(0);
		int rc;

		if (st == NULL)
			return 1;
		printf("id\tbin\tscope\tadded\tname_kk\tname_ru\n");
		if ((rc = db_ov_body_list(st, print_body, NULL, &err)) != 0)
			ctl_report("obctl oversight body list", &err);
		store_close(st);
		return rc == 0 ? 0 : 1;
	}
	if (strcmp(sub, "requests") == 0 || strcmp(sub, "accounts") == 0)
		return lists(sub, argc, argv);
	if (strcmp(sub, "audit") == 0)
		return audit(argc, argv);
	fputs(USAGE, strcmp(sub, "--help") == 0 ? stdout : stderr);
	return strcmp(sub, "--help") == 0 ? 0 : 2;
}
