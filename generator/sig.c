/* Signatures of page inputs: a 64-bit hash taken eight bytes at a time
 * (a multiply and a shift per word, the second half of splitmix64's
 * finalizer).  A page is rebuilt when the signature of what it shows
 * differs from the one recorded by the previous build (issue 3.8); this is
 * change detection, not a defence against anyone: collisions at about
 * 2^-64 are not a concern for a site.  The values are only compared with
 * the same binary's (the state's epoch covers obgen itself). */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"

static uint64_t mix(uint64_t h, uint64_t w)
{
	h = (h ^ w) * 0xbf58476d1ce4e5b9ULL;
	return h ^ (h >> 31);
}

uint64_t sig_bytes(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;
	uint64_t w = 0;

	for (; n >= 8; b += 8, n -= 8) {
		memcpy(&w, b, 8);
		h = mix(h, w);
	}
	/* The tail and its length in the last word: "ab" + "c" and "a" +
	 * "bc" differ even without sig_str's NUL. */
	w = (uint64_t)n << 56;
	for (size_t i = 0; i < n; i++)
		w |= (uint64_t)b[i] << (8 * i);
	return mix(h, w);
}

/* The terminating NUL is hashed too, so "ab","c" differs from "a","bc". */
uint64_t sig_str(uint64_t h, const char *s)
{
	return s != NULL ? sig_bytes(h, s, strlen(s) + 1) : sig_bytes(h, "\xff", 1);
}

uint64_t sig_int(uint64_t h, long long v)
{
	return mix(mix(h, (uint64_t)v), 8);
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
