/* obctl demo --out DIR [--seed N] [--scale N] [--today YYYY-MM-DD]
 *
 * Writes a synthetic dataset for the demo portal and the benchmarks (issue
 * 3.9): DIR/reference.xml (administrators, programs, subprograms) and
 * DIR/docs/NNNNN.xml, one document per file, each valid against its XSD and
 * marked synthetic.  The same seed and the same day give byte-identical
 * files.  docs/obctl-demo.md describes the content. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "calendar.h"
#include "clock.h"
#include "demo.h"
#include "demo_int.h"
#include "store.h"

#define DEMO_SCALE_MAX 1000

static void demo_usage(FILE *f)
{
	fprintf(f, "usage: obctl demo --out DIR [--seed N] [--scale N] [--today YYYY-MM-DD]\n"
	           "  --seed N    the random seed (default 1): same seed, same files\n"
	           "  --scale N   multiplies the documents, 1..%d (default 1; 16 gives over 10,000)\n"
	           "  --today D   the day the dataset is built for (default $OB_TODAY, else today)\n",
	        DEMO_SCALE_MAX);
}

static int parse_u64(const char *s, unsigned long long max, unsigned long long *out)
{
	char *end;
	unsigned long long v;

	if (s == NULL || *s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno != 0 || *end != '\0' || v > max)
		return -1;
	*out = v;
	return 0;
}

static int mkdir_p(const char *path)
{
	char buf[4096];
	size_t n = strlen(path);

	if (n == 0 || n >= sizeof buf)
		return -1;
	memcpy(buf, path, n + 1);
	for (size_t i = 1; i <= n; i++) {
		if (buf[i] != '/' && buf[i] != '\0')
			continue;
		buf[i] = '\0';
		if (mkdir(buf, 0755) != 0 && errno != EEXIST)
			return -1;
		buf[i] = i < n ? '/' : '\0';
	}
	return 0;
}

/* Files of an earlier run (NNNNN.xml, digits only) go, so the directory
 * holds exactly this run's documents; nothing else is touched. */
static int clear_docs(const char *dir)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	char path[4400];
	int rc = 0;

	if (dp == NULL)
		return -1;
	while ((e = readdir(dp)) != NULL) {
		size_t n = strlen(e->d_name), k = 0;

		while (k < n && e->d_name[k] >= '0' && e->d_name[k] <= '9')
			k++;
		if (k == 0 || n != k + 4 || strcmp(e->d_name + k, ".xml") != 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		if (unlink(path) != 0)
			rc = -1;
	}
	closedir(dp);
	return rc;
}

/* The working-day calendars of data/calendar/ for the years around today;
 * a year without one falls back as demo_discussion_end() says. */
static void calendars_load(struct demo *d)
{
	char path[4096];
	int loaded = 0;

	if ((d->cal = calendar_new()) == NULL)
		return;
	for (int y = d->today.y - 3; y <= d->today.y + 1; y++) {
		struct ob_err err = { 0 };

		snprintf(path, sizeof path, "%s/data/calendar/%d.xml", ob_share_dir(), y);
		if (access(path, R_OK) != 0)
			continue;
		if (calendar_load_file(d->cal, path, &err) == 0)
			loaded++;
		else
			fprintf(stderr, "obctl demo: %s:%d: %s (ignored)\n", path, err.line, err.msg);
	}
	if (loaded == 0) {
		calendar_free(d->cal);
		d->cal = NULL;
	}
}

static int demo_run(struct demo *d)
{
	char dir[4200];
	int (*const steps[])(struct demo *) = { demo_budget_reports, demo_citizen_budgets, demo_statements,
		                                demo_passports, demo_reports, demo_audits, demo_grants };

	snprintf(dir, sizeof dir, "%s/docs", d->out);
	if (mkdir_p(dir) != 0 || clear_docs(dir) != 0) {
		fprintf(stderr, "obctl demo: %s: %s\n", dir, strerror(errno));
		return -1;
	}
	if (demo_reference_write(d) != 0)
		return -1;
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
		if (steps[i](d) != 0)
			return -1;
	return 0;
}

int cmd_demo(int argc, char **argv)
{
	struct demo d;
	unsigned long long v;
	const char *today = NULL;
	char dir[4096], dbuf[DATE_STRLEN];
	int rc = 2;
	struct timespec t0, t1;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	memset(&d, 0, sizeof d);
	d.seed = 1;
	d.scale = 1;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;

		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			demo_usage(stdout);
			return 0;
		}
		if (val == NULL) {
			fprintf(stderr, "obctl demo: %s needs a value\n", a);
			demo_usage(stderr);
			return 2;
		}
		i++;
		if (strcmp(a, "--out") == 0) {
			d.out = val;
		} else if (strcmp(a, "--seed") == 0) {
			if (parse_u64(val, UINT64_MAX, &v) != 0) {
				fprintf(stderr, "obctl demo: --seed %s: not a number\n", val);
				return 2;
			}
			d.seed = v;
		} else if (strcmp(a, "--scale") == 0) {
			if (parse_u64(val, DEMO_SCALE_MAX, &v) != 0 || v == 0) {
				fprintf(stderr, "obctl demo: --scale %s: not a number from 1 to %d\n", val, DEMO_SCALE_MAX);
				return 2;
			}
			d.scale = (int)v;
		} else if (strcmp(a, "--today") == 0) {
			today = val;
		} else {
			fprintf(stderr, "obctl demo: unknown option %s\n", a);
			demo_usage(stderr);
			return 2;
		}
	}
	if (d.out == NULL || *d.out == '\0') {
		fprintf(stderr, "obctl demo: --out DIR is required\n");
		demo_usage(stderr);
		return 2;
	}
	if (today != NULL ? date_parse(today, &d.today) != 0 : ob_today(&d.today) != 0) {
		fprintf(stderr, "obctl demo: %s: not a date YYYY-MM-DD\n",
		        today != NULL ? today : "$OB_TODAY");
		return 2;
	}
	/* The budget years are fixed (the two real budgets); "today" places
	 * the discussions and deadlines around them, and cannot come first. */
	if (d.today.y < DEMO_Y1) {
		fprintf(stderr, "obctl demo: --today must be in %d or later\n", DEMO_Y1);
		return 2;
	}
	d.tday = date_to_days(d.today);
	snprintf(dir, sizeof dir, "%s/data/demo", ob_share_dir());
	rc = 1;
	calendars_load(&d);
	if (demo_words_load(&d, dir) != 0 || demo_model_build(&d) != 0)
		goto out;
	if (demo_run(&d) != 0)
		goto out;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("demo: %u documents for %s (seed %llu, scale %d) in %s/docs, reference in %s/reference.xml\n",
	       d.ndoc, date_format(d.today, dbuf), (unsigned long long)d.seed, d.scale, d.out, d.out);
	printf("demo: budget-report %u, financial-statements %u, citizen-budget %u, audit-result %u, "
	       "passport %u, implementation-report %u, grant-report %u; %zu administrators, %zu programs; "
	       "%.1f s\n",
	       d.nkind[K_BUDGET], d.nkind[K_FS], d.nkind[K_CITIZEN], d.nkind[K_AUDIT], d.nkind[K_PASSPORT],
	       d.nkind[K_REPORT], d.nkind[K_GRANT], d.nadm, d.nprog,
	       (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	rc = 0;
out:
	if (d.oom)
		fprintf(stderr, "obctl demo: out of memory\n");
	calendar_free(d.cal);
	demo_model_free(&d);
	demo_words_free(&d);
	return rc;
}
