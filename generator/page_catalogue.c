/* The open data catalogue (/kk/data/): every dataset with its size and
 * licence (CC BY 4.0, issue 3.7).  The first page lists the site-wide
 * datasets and the schemas; one page per hundred documents lists their
 * files, read from the generation being built. */
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gen.h"

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

/* A document of a shard: only what catalogue.xsl shows of it (its title and
 * link), not a list's <doc> (x_doc_ref): a shard page has a hundred, and
 * the administrator and the dates nobody reads were a tenth of its cost. */
static xmlNodePtr x_shard_doc(xmlNodePtr parent, const struct idoc *d, int lang)
{
	xmlNodePtr n = x_el(parent, "doc", NULL);
	char href[128];

	x_int(n, "id", d->id);
	path_doc(href, sizeof href, gen_lang[lang], d->id);
	x_attr(n, "href", href);
	x_el(n, "title", d->title[lang]);
	return n;
}

/* Each regular file of newdir/rel as <file href size>, under the <doc> of
 * its id when per_doc is set.  The sizes are read relative to the open
 * directory: stat(2) of the full path walked newdir and the bucket's symlink
 * into the pool again for each of a shard's ~220 files (0.5-0.65 ms a page
 * on the bench site, 0.3-0.4 ms with fstatat). */
static void list_dir(struct gen *g, xmlNodePtr parent, const char *rel, int per_doc, int lang)
{
	struct dirent **list = NULL;
	char dir[4400], href[512];
	xmlNodePtr docn = NULL;
	long long cur = -1;
	int n, fd;

	snprintf(dir, sizeof dir, "%s/%s", g->newdir, rel);
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return;
	if ((n = scandirat(fd, ".", &list, NULL, by_name)) < 0) {
		close(fd);
		return;
	}
	for (int i = 0; i < n; i++) {
		struct stat sb;
		xmlNodePtr f;

		if (list[i]->d_name[0] == '.' || fstatat(fd, list[i]->d_name, &sb, 0) != 0 ||
		    !S_ISREG(sb.st_mode))
			goto next;
		if (per_doc && atoll(list[i]->d_name) != cur) {
			const struct idoc *d = index_doc(&g->idx, atoll(list[i]->d_name));

			cur = atoll(list[i]->d_name);
			docn = d ? x_shard_doc(parent, d, lang) : NULL;
		}
		snprintf(href, sizeof href, "%s/%s", rel, list[i]->d_name);
		f = x_el(per_doc && docn ? docn : parent, "file", list[i]->d_name);
		x_attr(f, "href", href);
		x_int(f, "size", (long long)sb.st_size);
		x_attr(f, "format", strrchr(list[i]->d_name, '.') + 1);
next:
		free(list[i]);
	}
	free(list);
	close(fd);
}

int page_catalogue(struct gen *g, int lang, long long shard, struct ob_err *err)
{
	char path[128], rel[128];
	xmlNodePtr root, n;
	xmlDocPtr doc;
	long long last = -1;

	if (shard < 0)
		snprintf(path, sizeof path, "%s/data/", gen_lang[lang]);
	else
		snprintf(path, sizeof path, "%s/data/%lld.html", gen_lang[lang], shard);
	doc = page_new(g, "catalogue", lang, path, &root);
	if (shard < 0) {
		list_dir(g, x_el(root, "fdp", NULL), "data/fdp", 0, lang);
		list_dir(g, x_el(root, "schemas", NULL), "schema", 0, lang);
		n = x_el(root, "shards", NULL);
		for (size_t i = 0; i < g->idx.ndocs; i++) {
			long long s = g->idx.docs[i].id / GEN_SHARD;
			xmlNodePtr e;

			if (s == last)
				continue;
			last = s;
			e = x_el(n, "shard", NULL);
			x_int(e, "n", s);
			x_int(e, "from", s * GEN_SHARD);
			x_int(e, "to", s * GEN_SHARD + GEN_SHARD - 1);
			snprintf(rel, sizeof rel, "%s/data/%lld.html", gen_lang[lang], s);
			x_attr(e, "href", rel);
		}
	} else {
		x_int(root, "shard", shard);
		snprintf(rel, sizeof rel, "data/doc/%lld", shard);
		list_dir(g, x_el(root, "docs", NULL), rel, 1, lang);
	}
	return gen_render(g, "catalogue", doc, path, err);
}
