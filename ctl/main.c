/* obctl: the administrative CLI, one function per command; docs/obctl/
 * has a page per command, docs/obctl.md the list. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>

#include "ctl.h"
#include "demo.h"
#include "doc.h"

const char *ctl_db_path;

static const struct {
	const char *name, *args, *help;
	int (*fn)(int, char **);
} commands[] = {
	{ "init", "", "create the database (or migrate it), load data/reference/base.xml and data/calendar/*.xml", cmd_init },
	{ "reference", "FILE", "load reference data: administrators, programs, classification", cmd_reference },
	{ "import", "FILE|DIR...", "validate and store documents, all in one transaction", cmd_import },
	{ "list", "", "list documents, newest first", cmd_list },
	{ "show", "ID|NUMBER", "show a document's header and structural parts", cmd_show },
	{ "export", "ID|NUMBER", "write a document's latest XML to standard output", cmd_export },
	{ "calendar", "list [YEAR] | add ... | import F", "the working-day calendar in the database", cmd_calendar },
	{ "compliance", "[--today D]", "publication deadlines (P-5, P-7, P-10, G) per administrator", cmd_compliance },
	{ "lifecycle", "[--today D]", "close ended discussions, store their final reports (P-9, P-10, P-17)", cmd_lifecycle },
	{ "reports", "[--admin-code C] | export NUMBER", "final reports of discussions delivered to administrators (P-17)", cmd_reports },
	{ "oversight", "body add|list | requests | accounts | audit", "oversight bodies, access requests and accounts (A-6..A-15)", cmd_oversight },
	{ "role", "grant|revoke|list ...", "operators and administrators who sign decisions", cmd_role },
	{ "trust", "add FILE... | gost-verifier ...", "CA certificates and CRLs signatures chain to; the GOST verifier", cmd_trust },
	{ "queue", "[--today D]", "the moderation queue by due date, overdue flagged (P-14, P-15)", cmd_queue },
	{ "unanswered", "[--admin-code C] [--today D]", "published proposals awaiting an answer, days left (P-16)", cmd_unanswered },
	{ "stats", "", "count documents, submissions, proposals, decisions, answers, votes", cmd_stats },
	{ "demo", "--out DIR [--seed N] [--scale N] [--today D]", "write a synthetic demo dataset as XML", cmd_demo },
};

void ctl_report(const char *where, const struct ob_err *err)
{
	if (err->line > 0)
		fprintf(stderr, "%s:%d: %s: %s\n", where, err->line, err->code, err->msg);
	else
		fprintf(stderr, "%s: %s: %s\n", where, err->code, err->msg);
}

struct store *ctl_open(int flags)
{
	struct ob_err err = { 0 };
	struct store *st = store_open(ctl_db_path, flags, &err);

	if (st == NULL)
		ctl_report(ctl_db_path, &err);
	return st;
}

static void usage(FILE *f)
{
	fprintf(f, "usage: obctl [--db PATH] COMMAND [ARGS]\n\n"
	           "The administrative tool of the open budgets portal.\n"
	           "The database is --db PATH, else $OB_DB, else ./portal.db.\n\ncommands:\n");
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(f, "  %-10s %-34s %s\n", commands[i].name, commands[i].args, commands[i].help);
	fprintf(f, "\nSee docs/obctl.md and docs/obctl/COMMAND.md.\n");
}

int main(int argc, char **argv)
{
	int i = 1, rc = 2;

	ctl_db_path = getenv("OB_DB") ? getenv("OB_DB") : "portal.db";
	if (i + 1 < argc && strcmp(argv[i], "--db") == 0) {
		ctl_db_path = argv[i + 1];
		i += 2;
	}
	if (i >= argc || strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
		usage(i >= argc ? stderr : stdout);
		return i >= argc ? 2 : 0;
	}
	xmlInitParser();
	for (size_t k = 0; k < sizeof commands / sizeof commands[0]; k++) {
		if (strcmp(argv[i], commands[k].name) == 0) {
			rc = commands[k].fn(argc - i, argv + i);
			goto out;
		}
	}
	fprintf(stderr, "obctl: unknown command \"%s\" (obctl --help)\n", argv[i]);
out:
	doc_schemas_free();
	xmlCleanupParser();
	return rc;
}
