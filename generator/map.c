/* Open addressing with linear probing; grows at 50% load. */
#include <stdlib.h>
#include <string.h>

#include "gen.h"
#include "map.h"

static size_t slot(const struct map *m, const char *key)
{
	return (size_t)sig_str(SIG_INIT, key) & (m->cap - 1);
}

static int grow(struct map *m)
{
	size_t cap = m->cap ? m->cap * 2 : 1024;
	struct map_entry *old = m->e, *e = calloc(cap, sizeof *e);
	size_t oldcap = m->cap;

	if (e == NULL)
		return -1;
	m->e = e;
	m->cap = cap;
	for (size_t i = 0; i < oldcap; i++) {
		size_t j;

		if (old[i].key == NULL)
			continue;
		for (j = slot(m, old[i].key); e[j].key != NULL; j = (j + 1) & (cap - 1))
			;
		e[j] = old[i];
	}
	free(old);
	return 0;
}

struct map_entry *map_get(struct map *m, const char *key, int create)
{
	size_t j;

	if (m->cap == 0 && (!create || grow(m) != 0))
		return NULL;
	for (j = slot(m, key); m->e[j].key != NULL; j = (j + 1) & (m->cap - 1))
		if (strcmp(m->e[j].key, key) == 0)
			return &m->e[j];
	if (!create)
		return NULL;
	if (2 * (m->n + 1) > m->cap) {
		if (grow(m) != 0)
			return NULL;
		return map_get(m, key, create);
	}
	if ((m->e[j].key = strdup(key)) == NULL)
		return NULL;
	m->n++;
	return &m->e[j];
}

int map_set_str(struct map_entry *e, const char *s)
{
	char *c = strdup(s);

	if (c == NULL)
		return -1;
	free(e->s);
	e->s = c;
	return 0;
}

void map_free(struct map *m)
{
	for (size_t i = 0; i < m->cap; i++) {
		free(m->e[i].key);
		free(m->e[i].s);
	}
	free(m->e);
	memset(m, 0, sizeof *m);
}
