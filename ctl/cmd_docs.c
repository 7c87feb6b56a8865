/* obctl init, reference, import, list, show, export. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ctl.h"
#include "db_documents.h"
#include "db_reference.h"
#include "doc.h"
#include "xmlin.h"

static int load_reference(struct store *st, const char *path)
{
	struct ob_err err = { 0 };
	xmlDocPtr x = xml_parse_file_limited(path, OB_XML_MAX, &err);
	int n = 0, rc = -1;

	if (x == NULL || xsd_validate(x, "reference", &err) != 0)
		goto out;
	if (store_begin(st, &err) != 0)
		goto out;
	if (store_seq_bump(st, &err) < 0 || db_reference_load(st, x, &n, &err) != 0 ||
	    store_commit(st, &err) != 0) {
		store_rollback(st);
		goto out;
	}
	printf("%s: %d reference rows\n", path, n);
	rc = 0;
out:
	if (rc != 0)
		ctl_report(path, &err);
	xmlFreeDoc(x);
	return rc;
}

int cmd_init(int argc, char **argv)
{
	struct store *st = ctl_open(STORE_CREATE);
	char path[4200];
	int rc;

	(void)argc;
	(void)argv;
	if (st == NULL)
		return 1;
	snprintf(path, sizeof path, "%s/data/reference/base.xml", ob_share_dir());
	rc = load_reference(st, path);
	if (rc == 0)
		rc = ctl_calendar_init(st);
	store_close(st);
	return rc == 0 ? 0 : 1;
}

int cmd_reference(int argc, char **argv)
{
	struct store *st;
	int rc = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: obctl reference FILE...\n");
		return 2;
	}
	if ((st = ctl_open(0)) == NULL)
		return 1;
	for (int i = 1; i < argc && rc == 0; i++)
		rc = load_reference(st, argv[i]);
	store_close(st);
	return rc == 0 ? 0 : 1;
}

/* One file: parse, XSD, business checks, codes, store.  Nothing is kept
 * when it fails: the caller rolls the transaction back. */
static int import_one(struct store *st, const char *path, int *count)
{
	struct ob_err err = { 0 };
	struct doc d;
	xmlDocPtr x = NULL;
	size_t len = 0;
	long long id;
	char *buf = file_read_all(path, OB_XML_MAX, &len, &err);
	int rc = -1;

	memset(&d, 0, sizeof d);
	if (buf == NULL || doc_load(buf, len, &d, &x, &err) != 0 ||
	    db_document_store(st, &d, buf, len, &id, &err) != 0) {
		ctl_report(path, &err);
		goto out;
	}
	(*count)++;
	rc = 0;
out:
	doc_free(&d);
	xmlFreeDoc(x);
	free(buf);
	return rc;
}

static int xml_file(const struct dirent *e)
{
	size_t n = strlen(e->d_name);

	return n > 4 && strcmp(e->d_name + n - 4, ".xml") == 0;
}

static int import_path(struct store *st, const char *path, int *count)
{
	struct dirent **list = NULL;
	struct stat sb;
	char file[4400];
	int n, rc = 0;

	if (stat(path, &sb) != 0 || !S_ISDIR(sb.st_mode))
		return import_one(st, path, count);
	if ((n = scandir(path, &list, xml_file, alphasort)) < 0) {
		fprintf(stderr, "%s: cannot read the directory\n", path);
		return -1;
	}
	for (int i = 0; i < n; i++) {
		snprintf(file, sizeof file, "%s/%s", path, list[i]->d_name);
		if (rc == 0)
			rc = import_one(st, file, count);
		free(list[i]);
	}
	free(list);
	return rc;
}

int cmd_import(int argc, char **argv)
{
	struct ob_err err = { 0 };
	struct store *st;
	int count = 0, rc = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: obctl import FILE|DIR...\n");
		return 2;
	}
	if ((st = ctl_open(0)) == NULL)
		return 1;
	if (store_begin(st, &err) != 0) {
		ctl_report(ctl_db_path, &err);
		store_close(st);
		return 1;
	}
	for (int i = 1; i < argc && rc == 0; i++)
		rc = import_path(st, argv[i], &count);
	if (rc == 0 && store_commit(st, &err) != 0) {
		ctl_report(ctl_db_path, &err);
		rc = -1;
	}
	if (rc != 0) {
		store_rollback(st);
		fprintf(stderr, "obctl import: nothing was stored\n");
	} else {
		printf("imported %d document%s\n", count, count == 1 ? "" : "s");
	}
	store_close(st);
	return rc == 0 ? 0 : 1;
}

static int print_summary(const struct doc_summary *s, void *arg)
{
	(void)arg;
	printf("%lld\t%s\t%s\t%d\t%s\t%s\t%s\n", s->id, s->number, s->kind, s->year, s->admin,
	       s->posted, s->status);
	return 0;
}

int cmd_list(int argc, char **argv)
{
	struct ob_err err = { 0 };
	struct store *st;
	int rc;

	(void)argc;
	(void)argv;
	if ((st = ctl_open(STORE_RDONLY)) == NULL)
		return 1;
	printf("id\tnumber\tkind\tyear\tadmin\tposted\tstatus\n");
	if ((rc = db_document_list(st, print_summary, NULL, &err)) != 0)
		ctl_report(ctl_db_path, &err);
	store_close(st);
	return rc == 0 ? 0 : 1;
}

static int find(struct store *st, int argc, char **argv, struct doc_summary *s)
{
	struct ob_err err = { 0 };
	int rc;

	if (argc != 2) {
		fprintf(stderr, "usage: obctl %s ID|NUMBER\n", argv[0]);
		return -1;
	}
	if ((rc = db_document_get(st, argv[1], s, &err)) < 0)
		ctl_report(ctl_db_path, &err);
	else if (rc == 0)
		fprintf(stderr, "obctl %s: no document \"%s\"\n", argv[0], argv[1]);
	return rc == 1 ? 0 : -1;
}

static int print_part(long long id, const char *key, int depth, const char *title, void *arg)
{
	(void)arg;
	printf("  %*s[%lld] %s  %s\n", depth * 2, "", id, key, title);
	return 0;
}

int cmd_show(int argc, char **argv)
{
	struct ob_err err = { 0 };
	struct doc_summary s;
	struct store *st;
	int rc = 1;

	if ((st = ctl_open(STORE_RDONLY)) == NULL)
		return 1;
	if (find(st, argc, argv, &s) != 0)
		goto out;
	printf("id: %lld\nnumber: %s\nkind: %s\nyear: %d\nadministrator: %s\nposted: %s\n"
	       "status: %s\nversion: %d\ntitle: %s\nparts ([stable id] key title):\n",
	       s.id, s.number, s.kind, s.year, s.admin, s.posted, s.status, s.version, s.title_ru);
	if (db_document_parts(st, s.id, print_part, NULL, &err) != 0) {
		ctl_report(ctl_db_path, &err);
		goto out;
	}
	rc = 0;
out:
	store_close(st);
	return rc;
}

int cmd_export(int argc, char **argv)
{
	struct ob_err err = { 0 };
	struct doc_summary s;
	struct store *st;
	char *xml = NULL;
	size_t len;
	int rc = 1;

	if ((st = ctl_open(STORE_RDONLY)) == NULL)
		return 1;
	if (find(st, argc, argv, &s) != 0)
		goto out;
	if (db_document_xml(st, s.id, &xml, &len, &err) != 0) {
		ctl_report(ctl_db_path, &err);
		goto out;
	}
	rc = fwrite(xml, 1, len, stdout) == len ? 0 : 1;
out:
	free(xml);
	store_close(st);
	return rc;
}
