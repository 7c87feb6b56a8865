/* Where files lie (issue 3.8, docs/generator.md "Layout"): the buckets
 * (directories) of a unit, the unit of a file, and which buckets are leaves
 * that live in the pool.  Pure functions of names: a deleted unit's buckets
 * are found from its key alone. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "build.h"

/* The first component of key and the rest. */
static void split(const char *key, char *head, size_t n, const char **rest)
{
	size_t i = strcspn(key, "/");

	snprintf(head, n, "%.*s", (int)i, key);
	*rest = key[i] ? key + i + 1 : "";
}

int unit_buckets(const char *key, char out[UNIT_BUCKETS][BUCKET_MAX])
{
	char head[32], sub[64];
	const char *rest;
	int n = 0;

	split(key, head, sizeof head, &rest);
	if (strcmp(head, "root") == 0) {
		out[n++][0] = '\0';
		return n;
	}
	if (strcmp(head, "static") == 0 || strcmp(head, "schema") == 0) {
		snprintf(out[n++], BUCKET_MAX, "%s", head);
		return n;
	}
	if (strcmp(head, "fdp") == 0) {
		snprintf(out[n++], BUCKET_MAX, "data/fdp");
		return n;
	}
	for (int l = 0; l < GEN_LANGS; l++) {
		const char *L = gen_lang[l];

		if (strcmp(head, "home") == 0) {
			snprintf(out[n++], BUCKET_MAX, "%s", L);
		} else if (strcmp(head, "kind") == 0 || strcmp(head, "year") == 0 ||
		           strcmp(head, "admin") == 0 || strcmp(head, "region") == 0) {
			split(rest, sub, sizeof sub, &rest);
			if (*rest == '\0')  /* kind/index: the family's own page */
				snprintf(out[n++], BUCKET_MAX, "%s/%s", L, head);
			else
				snprintf(out[n++], BUCKET_MAX, "%s/%s/%s", L, head, sub);
			split(key, head, sizeof head, &rest);
		} else if (strcmp(head, "doc") == 0) {
			snprintf(out[n++], BUCKET_MAX, "%s/doc/%lld", L, atoll(rest) / GEN_SHARD);
		} else if (strcmp(head, "program") == 0) {
			if (*rest >= '0' && *rest <= '9')
				snprintf(out[n++], BUCKET_MAX, "%s/program/%lld", L, atoll(rest) / GEN_SHARD);
			else
				snprintf(out[n++], BUCKET_MAX, "%s/program", L);
		} else if (strcmp(head, "charts") == 0 || strcmp(head, "discussion") == 0 ||
		           strcmp(head, "stats") == 0 || strcmp(head, "press") == 0 ||
		           strcmp(head, "compliance") == 0) {
			snprintf(out[n++], BUCKET_MAX, "%s/%s", L, head);
		} else if (strcmp(head, "catalogue") == 0) {
			snprintf(out[n++], BUCKET_MAX, "%s/data", L);
		}
	}
	if (strcmp(head, "doc") == 0)
		snprintf(out[n++], BUCKET_MAX, "data/doc/%lld", atoll(rest) / GEN_SHARD);
	return n;
}

void bucket_unit_key(const char *bucket, const char *name, char *key, size_t n)
{
	const char *rest = bucket, *c;
	size_t stem = strcspn(name, ".");
	char head[32], sub[64];

	if (*bucket == '\0') {
		snprintf(key, n, "root/%.*s", (int)stem, name);
		return;
	}
	if (strcmp(bucket, "static") == 0 || strcmp(bucket, "schema") == 0) {
		snprintf(key, n, "%s/all", bucket);
		return;
	}
	split(bucket, head, sizeof head, &rest);  /* kk, ru, data */
	split(rest, sub, sizeof sub, &c);
	if (*sub == '\0')
		snprintf(key, n, "home/%.*s", (int)stem, name);
	else if (strcmp(sub, "fdp") == 0)
		snprintf(key, n, "fdp/%.*s", (int)stem, name);
	else if (strcmp(sub, "data") == 0)
		snprintf(key, n, "catalogue/%.*s", (int)stem, name);
	else if ((strcmp(sub, "kind") == 0 || strcmp(sub, "year") == 0 ||
	          strcmp(sub, "admin") == 0 || strcmp(sub, "region") == 0) && *c != '\0')
		snprintf(key, n, "%s/%s/%.*s", sub, c, (int)stem, name);
	else
		snprintf(key, n, "%s/%.*s", sub, (int)stem, name);
}

int bucket_leaf(const char *bucket)
{
	static const char *const inner[] = { "", "kk", "ru", "data", "data/doc" };
	static const char *const sub[] = { "kind", "year", "admin", "region", "program", "doc" };
	char b[BUCKET_MAX];

	for (size_t i = 0; i < sizeof inner / sizeof inner[0]; i++)
		if (strcmp(bucket, inner[i]) == 0)
			return 0;
	for (int l = 0; l < GEN_LANGS; l++)
		for (size_t i = 0; i < sizeof sub / sizeof sub[0]; i++) {
			snprintf(b, sizeof b, "%s/%s", gen_lang[l], sub[i]);
			if (strcmp(bucket, b) == 0)
				return 0;
		}
	return 1;
}

