/* Signatures of page inputs: 64-bit FNV-1a.  A page is rebuilt when the
 * signature of what it shows differs from the one recorded by the previous
 * build (issue 3.8); collisions at 2^-64 are not a concern for a site. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"

uint64_t sig_bytes(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;

	for (size_t i = 0; i < n; i++) {
		h ^= b[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* The terminating NUL is hashed too, so "ab","c" differs from "a","bc". */
uint64_t sig_str(uint64_t h, const char *s)
{
	return s != NULL ? sig_bytes(h, s, strlen(s) + 1) : sig_bytes(h, "\xff", 1);
}

uint64_t sig_int(uint64_t h, long long v)
{
	unsigned char b[8];

	for (int i = 0; i < 8; i++)
		b[i] = (unsigned char)((unsigned long long)v >> (8 * i));
	return sig_bytes(h, b, sizeof b);
}

int sig_file(uint64_t *h, const char *path)
{
	unsigned char buf[65536];
	size_t n;
	FILE *f = fopen(path, "rb");

	if (f == NULL)
		return -1;
	*h = sig_str(*h, path);
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		*h = sig_bytes(*h, buf, n);
	fclose(f);
	return 0;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

/* Every regular file under dir, in name order (so the result is stable). */
int sig_tree(uint64_t *h, const char *dir)
{
	struct dirent **list = NULL;
	char path[4096];
	int n = scandir(dir, &list, NULL, by_name), rc = 0;

	if (n < 0)
		return -1;
	for (int i = 0; i < n; i++) {
		if (list[i]->d_name[0] != '.') {
			snprintf(path, sizeof path, "%s/%s", dir, list[i]->d_name);
			if (list[i]->d_type == DT_DIR)
				rc |= sig_tree(h, path);
			else
				rc |= sig_file(h, path);
		}
		free(list[i]);
	}
	free(list);
	return rc;
}
