/* The site-wide open data (issue 3.7): a Fiscal Data Package,
 * /data/fdp/datapackage.json, over one CSV of budget lines per year
 * (/data/fdp/budget-lines-YEAR.csv: year, classification codes,
 * administrator, plan, executed, in tenge).  One file per year so that a
 * change in one year's documents rewrites one file.  JSON is written here
 * by hand: it is data, and every string in it is a constant or ASCII. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "gen.h"

static int on_line(const struct site_line *l, void *arg)
{
	FILE *f = arg;

	csv_int(f, 1, l->year);
	csv_field(f, 0, l->number);
	csv_field(f, 0, l->kind);
	csv_field(f, 0, l->period);
	csv_field(f, 0, l->doc_admin);
	csv_code(f, l->fgroup);
	csv_code(f, l->fsubgroup);
	csv_field(f, 0, l->admin_code);
	csv_field(f, 0, l->program);
	csv_field(f, 0, l->subprogram);
	csv_field(f, 0, l->name[0]);
	csv_field(f, 0, l->name[1]);
	csv_int(f, 0, l->plan);
	csv_int_if(f, l->has_executed, l->executed);
	csv_end(f);
	return ferror(f) ? -1 : 0;
}

static const char *const cols[] = { "year", "document", "kind", "period", "document_admin",
	"fgroup", "fsubgroup", "admin", "program", "subprogram", "name_kk", "name_ru",
	"plan", "executed", NULL };

int data_fdp_year(struct gen *g, int year, struct ob_err *err)
{
	char rel[128];
	FILE *f;
	int rc;

	snprintf(rel, sizeof rel, "data/fdp/budget-lines-%d.csv", year);
	if ((f = data_open(g, rel, err)) == NULL)
		return -1;
	csv_header(f, cols);
	rc = db_site_budget_lines(g->db, year, on_line, f, err);
	if (data_close(f, rel, err) != 0)
		return -1;
	return rc;
}

static const char *const types[] = { "integer", "string", "string", "string", "string",
	"integer", "integer", "string", "string", "string", "string", "string", "integer",
	"integer" };

int data_fdp_package(struct gen *g, struct ob_err *err)
{
	const char *rel = "data/fdp/datapackage.json";
	FILE *f = data_open(g, rel, err);

	if (f == NULL)
		return -1;
	fprintf(f, "{\n  \"profile\": \"fiscal-data-package\",\n"
	           "  \"name\": \"kz-open-budgets-budget-lines\",\n"
	           "  \"title\": \"Budget lines published on the open budgets portal\",\n"
	           "  \"licenses\": [{\"name\": \"CC-BY-4.0\", \"path\": "
	           "\"https://creativecommons.org/licenses/by/4.0/\", \"title\": "
	           "\"Creative Commons Attribution 4.0\"}],\n"
	           "  \"resources\": [\n");
	for (size_t y = 0; y < g->idx.nyears; y++) {
		char csv[4600];
		struct stat sb;

		snprintf(csv, sizeof csv, "%s/data/fdp/budget-lines-%d.csv", g->newdir, g->idx.years[y]);
		fprintf(f, "    {\n      \"name\": \"budget-lines-%d\",\n"
		           "      \"path\": \"budget-lines-%d.csv\",\n"
		           "      \"profile\": \"tabular-data-resource\",\n"
		           "      \"format\": \"csv\", \"mediatype\": \"text/csv\", \"encoding\": \"utf-8\",\n"
		           "      \"bytes\": %lld,\n"
		           "      \"dialect\": {\"delimiter\": \",\", \"lineTerminator\": \"\\r\\n\", "
		           "\"header\": true},\n      \"schema\": {\n        \"fields\": [\n",
		        g->idx.years[y], g->idx.years[y],
		        stat(csv, &sb) == 0 ? (long long)sb.st_size : 0LL);
		for (int c = 0; cols[c] != NULL; c++)
			fprintf(f, "          {\"name\": \"%s\", \"type\": \"%s\"}%s\n", cols[c], types[c],
			        cols[c + 1] ? "," : "");
		fprintf(f, "        ]\n      },\n      \"model\": {\n"
		           "        \"measures\": {\n"
		           "          \"plan\": {\"source\": \"plan\", \"currency\": \"KZT\"},\n"
		           "          \"executed\": {\"source\": \"executed\", \"currency\": \"KZT\"}\n"
		           "        },\n        \"dimensions\": {\n"
		           "          \"date\": {\"dimensionType\": \"datetime\", \"attributes\": "
		           "{\"year\": {\"source\": \"year\"}}, \"primaryKey\": \"year\"},\n"
		           "          \"functional-classification\": {\"dimensionType\": "
		           "\"classification\", \"attributes\": {\"fgroup\": {\"source\": \"fgroup\"}, "
		           "\"fsubgroup\": {\"source\": \"fsubgroup\", \"parent\": \"fgroup\"}, "
		           "\"program\": {\"source\": \"program\"}, \"subprogram\": {\"source\": "
		           "\"subprogram\", \"parent\": \"program\"}}, \"primaryKey\": "
		           "[\"fgroup\", \"fsubgroup\", \"program\", \"subprogram\"]},\n"
		           "          \"administrator\": {\"dimensionType\": \"entity\", \"attributes\": "
		           "{\"admin\": {\"source\": \"admin\"}}, \"primaryKey\": \"admin\"}\n"
		           "        }\n      }\n    }%s\n",
		        y + 1 < g->idx.nyears ? "," : "");
	}
	fprintf(f, "  ]\n}\n");
	return data_close(f, rel, err);
}
