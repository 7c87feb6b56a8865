/* A string-keyed hash map for the build state: unit key -> signature,
 * bucket path -> pool directory.  Keys and string values are copied. */
#ifndef OB_GEN_MAP_H
#define OB_GEN_MAP_H

#include <stddef.h>
#include <stdint.h>

struct map_entry {
	char *key;
	uint64_t u;      /* a signature, or flags */
	char *s;         /* a string value, or NULL */
};

struct map {
	struct map_entry *e;
	size_t cap, n;
};

/* The entry for key, inserted (u = 0, s = NULL) when create is set; NULL
 * when absent or out of memory. */
struct map_entry *map_get(struct map *m, const char *key, int create);
int map_set_str(struct map_entry *e, const char *s);
void map_free(struct map *m);

#endif
