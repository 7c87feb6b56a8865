/* obctl reports [--admin-code CODE] and obctl reports export NUMBER: the
 * final reports on the results of discussions (P-17) as delivered to an
 * administrator: the list of theirs, and each one's stored XML (the frozen
 * record of core/lifecycle.c).  The administrator's console (issue 6)
 * lists the same records. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctl.h"
#include "db_lifecycle.h"
#include "db_submit.h"

struct list_ctx {
	struct store *st;
	const char *admin;
	struct ob_err *err;
	int rc, n;
};

static int print_report(const struct final_report *f, void *arg)
{
	struct list_ctx *c = arg;
	struct doc_target t;

	if (db_target_doc_id(c->st, f->doc_id, &t, c->err) != 1) {
		c->rc = -1;
		return 1;
	}
	if (c->admin != NULL && strcmp(c->admin, t.admin_code) != 0)
		return 0;
	printf("%s\t%s\t%d\t%s\t%s\n", t.number, t.kind, f->appendix, t.discussion_end, f->reported);
	c->n++;
	return 0;
}

static int export_report(struct store *st, const char *number, struct ob_err *err)
{
	struct doc_target t;
	struct final_report f;
	int rc;

	if ((rc = db_target_doc(st, number, &t, err)) <= 0)
		return rc < 0 ? -1 : (ob_err_set(err, "not-found", 0, "no document %s", number), -1);
	if ((rc = db_final_report_get(st, t.id, &f, err)) <= 0)
		return rc < 0 ? -1 : (ob_err_set(err, "not-found", 0, "%s has no final report yet", number), -1);
	fwrite(f.xml, 1, f.len, stdout);
	free(f.xml);
	return 0;
}

int cmd_reports(int argc, char **argv)
{
	struct ob_err err = { 0 };
	struct list_ctx c = { .err = &err };
	int rc;

	if (argc == 3 && strcmp(argv[1], "--admin-code") == 0) {
		c.admin = argv[2];
	} else if (!(argc == 1 || (argc == 3 && strcmp(argv[1], "export") == 0))) {
		fprintf(stderr, "usage: obctl reports [--admin-code CODE]\n       obctl reports export NUMBER\n");
		return 2;
	}
	if ((c.st = ctl_open(0)) == NULL)
		return 1;
	if (argc == 3 && strcmp(argv[1], "export") == 0) {
		rc = export_report(c.st, argv[2], &err);
	} else {
		printf("document\tkind\tappendix\tdiscussion-end\treported\n");
		rc = db_final_report_list(c.st, print_report, &c, &err);
		rc = rc != 0 ? rc : c.rc;
	}
	if (rc != 0)
		ctl_report("obctl reports", &err);
	store_close(c.st);
	return rc == 0 ? 0 : 1;
}
