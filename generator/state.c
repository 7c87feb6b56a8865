/* The state a build records beside its generation, DIR/gen/N.state: the
 * change sequence and epoch it was built from, the signature of every unit
 * and the pool directory of every leaf bucket.  The next build compares
 * against it.  The file is written once DIR/current has moved to N (off
 * the path from a change to the site), so a recorded state always
 * describes a complete, published generation; a generation without one
 * (a crash in between) is rebuilt whole by the next build. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "build.h"

/* "X KEY VALUE\n": KEY and VALUE split in place; 0 when the line is not so. */
static int fields(char *line, char **key, char **val)
{
	char *sp;

	line[strcspn(line, "\n")] = '\0';
	if (line[0] == '\0' || line[1] != ' ' || (sp = strchr(line + 2, ' ')) == NULL)
		return 0;
	*sp = '\0';
	*key = line + 2;
	*val = sp + 1;
	return **key != '\0' && **val != '\0' && strchr(*val, ' ') == NULL;
}

int state_load(struct state *s, const char *out, int header_only, struct ob_err *err)
{
	char path[4200], link[256], line[512], val[256], *k, *v;
	ssize_t n;
	FILE *f;

	state_free(s);
	snprintf(path, sizeof path, "%s/current", out);
	if ((n = readlink(path, link, sizeof link - 1)) < 0)
		return 0;  /* nothing published yet */
	link[n] = '\0';
	if (strncmp(link, "gen/", 4) != 0 || (s->gen = atoll(link + 4)) <= 0)
		return 0;
	snprintf(path, sizeof path, "%s/gen/%lld.state", out, s->gen);
	if ((f = fopen(path, "r")) == NULL) {
		s->gen = 0;
		return 0;
	}
	/* sscanf per line was most of the 12 ms this took for 18,000 units. */
	while (fgets(line, sizeof line, f) != NULL) {
		struct map_entry *e;

		if ((line[0] == 'u' || line[0] == 'b') && header_only)
			break;  /* the header (epoch, seq) is written first */
		if (line[0] == 'u' && fields(line, &k, &v)) {
			if ((e = map_get(&s->units, k, 1)) == NULL)
				goto oom;
			e->u = strtoull(v, NULL, 16);
		} else if (line[0] == 'b' && fields(line, &k, &v)) {
			if ((e = map_get(&s->buckets, strcmp(k, ".") ? k : "", 1)) == NULL ||
			    map_set_str(e, v) != 0)
				goto oom;
		} else if (sscanf(line, "epoch %255s", val) == 1) {
			s->epoch = strtoull(val, NULL, 16);
		} else if (sscanf(line, "seq %255s", val) == 1) {
			s->seq = atoll(val);
		}
	}
	fclose(f);
	return 0;
oom:
	fclose(f);
	state_free(s);
	ob_err_set(err, "io", 0, "out of memory");
	return -1;
}

int state_save(const struct state *s, const char *out, const struct units *us, struct ob_err *err)
{
	char path[4200], tmp[4300];
	FILE *f;

	snprintf(path, sizeof path, "%s/gen/%lld.state", out, s->gen);
	snprintf(tmp, sizeof tmp, "%s.tmp", path);
	if ((f = fopen(tmp, "w")) == NULL)
		goto io;
	fprintf(f, "obgen-state 1\nepoch %016llx\nseq %lld\n", (unsigned long long)s->epoch, s->seq);
	for (size_t i = 0; i < s->buckets.cap; i++)
		if (s->buckets.e[i].key != NULL)
			fprintf(f, "b %s %s\n", *s->buckets.e[i].key ? s->buckets.e[i].key : ".",
			        s->buckets.e[i].s);
	for (size_t i = 0; i < us->n; i++)
		fprintf(f, "u %s %016llx\n", us->u[i].key, (unsigned long long)us->u[i].sig);
	if (fflush(f) != 0 || ferror(f)) {
		fclose(f);
		goto io;
	}
	if (fclose(f) != 0 || rename(tmp, path) != 0)
		goto io;
	return 0;
io:
	ob_err_set(err, "io", 0, "%s: %s", path, strerror(errno));
	return -1;
}

void state_free(struct state *s)
{
	map_free(&s->units);
	map_free(&s->buckets);
	units_free(&s->plan);
	memset(s, 0, sizeof *s);
}
