/* obctl demo: the synthetic state.  Regions and functional groups come from
 * data/reference/base.xml; administrators from data/demo/central.txt (one
 * central body a row) and local.txt (one body a row, repeated in every
 * region and city), each with a BIN; then the programs (demo_programs.c)
 * and the amounts (demo_amounts.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/tree.h>

#include "demo_int.h"
#include "store.h"
#include "xmlin.h"

char *demo_keep(struct demo *d, const char *s)
{
	char *c;

	if (d->nown == d->capown) {
		size_t cap = d->capown ? d->capown * 2 : 1024;
		char **o = realloc(d->own, cap * sizeof *o);

		if (o == NULL) {
			d->oom = 1;
			return (char *)"";
		}
		d->own = o;
		d->capown = cap;
	}
	if ((c = strdup(s ? s : "")) == NULL) {
		d->oom = 1;
		return (char *)"";
	}
	d->own[d->nown++] = c;
	return c;
}

static int is_el(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, BAD_CAST name) == 0;
}

/* The text of <name><kk/> or <ru/></name> under n. */
static char *name_text(struct demo *d, xmlNodePtr n, const char *lang)
{
	for (xmlNodePtr c = n->children; c != NULL; c = c->next) {
		if (!is_el(c, "name"))
			continue;
		for (xmlNodePtr t = c->children; t != NULL; t = t->next)
			if (is_el(t, lang)) {
				xmlChar *s = xmlNodeGetContent(t);
				char *k = demo_keep(d, s ? (const char *)s : "");

				xmlFree(s);
				return k;
			}
	}
	return demo_keep(d, "");
}

static int base_load(struct demo *d)
{
	struct ob_err err = { 0 };
	char path[4096];
	xmlDocPtr doc;

	snprintf(path, sizeof path, "%s/data/reference/base.xml", ob_share_dir());
	if ((doc = xml_parse_file_limited(path, OB_XML_MAX, &err)) == NULL) {
		fprintf(stderr, "obctl demo: %s:%d: %s\n", path, err.line, err.msg);
		return -1;
	}
	for (xmlNodePtr n = xmlDocGetRootElement(doc)->children; n != NULL; n = n->next) {
		xmlChar *a = NULL, *b = NULL;

		if (is_el(n, "region") && d->nreg < (int)(sizeof d->reg / sizeof d->reg[0])) {
			struct demo_region *r = &d->reg[d->nreg++];

			a = xmlGetProp(n, BAD_CAST "kato");
			b = xmlGetProp(n, BAD_CAST "kind");
			snprintf(r->kato, sizeof r->kato, "%s", a ? (const char *)a : "");
			memcpy(r->rr, r->kato, 2);
			r->rr[2] = '\0';
			r->city = b != NULL && xmlStrcmp(b, BAD_CAST "city") == 0;
			r->kk = name_text(d, n, "kk");
			r->ru = name_text(d, n, "ru");
		} else if (is_el(n, "fgroup")) {
			int g;

			a = xmlGetProp(n, BAD_CAST "code");
			g = a ? atoi((const char *)a) : 0;
			if (g >= 1 && g <= DEMO_NFG) {
				d->fg_kk[g] = name_text(d, n, "kk");
				d->fg_ru[g] = name_text(d, n, "ru");
			}
		}
		xmlFree(a);
		xmlFree(b);
	}
	xmlFreeDoc(doc);
	for (int g = 1; g <= DEMO_NFG; g++)
		if (d->fg_kk[g] == NULL) {
			fprintf(stderr, "obctl demo: %s: functional group %d is missing\n", path, g);
			return -1;
		}
	if (d->nreg == 0) {
		fprintf(stderr, "obctl demo: %s: no regions\n", path);
		return -1;
	}
	return 0;
}

/* A BIN: registration year and month, 4 (resident legal entity), 0 (head
 * office), a serial, the check digit; never one already given. */
static void bin_make(struct demo *d, struct demo_rng *r, char out[13])
{
	for (;;) {
		int c;
		size_t i;

		snprintf(out, 13, "%02d%02d40%05d", (int)((96 + demo_rng_below(r, 28)) % 100),
		         (int)demo_rng_range(r, 1, 12), (int)demo_rng_below(r, 100000));
		if ((c = demo_bin_check(out)) < 0)
			continue;
		out[11] = (char)('0' + c);
		out[12] = '\0';
		for (i = 0; i < d->nadm && strcmp(d->adm[i].bin, out) != 0; i++)
			;
		if (i == d->nadm)
			return;
	}
}

static struct demo_admin *admin_add(struct demo *d, struct demo_rng *r, const char *code,
                                    int level, int region)
{
	struct demo_admin *a = &d->adm[d->nadm];

	memset(a, 0, sizeof *a);
	snprintf(a->code, sizeof a->code, "%.3s", code);
	a->level = level;
	a->region = region;
	bin_make(d, r, a->bin);
	d->nadm++;
	return a;
}

static int admins_build(struct demo *d, struct demo_rng *r)
{
	const struct demo_list *c = &d->l[L_CENTRAL], *l = &d->l[L_LOCAL];
	struct demo_buf kk = { .oom = &d->oom }, ru = { .oom = &d->oom };

	if ((d->adm = calloc(c->n + l->n * (size_t)d->nreg, sizeof *d->adm)) == NULL)
		return -1;
	for (size_t i = 0; i < c->n; i++) {
		struct demo_admin *a = admin_add(d, r, DEMO_F(c, i, 0), LV_REPUBLICAN, -1);

		a->role = DEMO_F(c, i, 1);
		demo_buf_reset(&kk);
		demo_buf_reset(&ru);
		a->raw_kk = DEMO_F(c, i, 3);
		a->raw_ru = DEMO_F(c, i, 4);
		demo_buf_printf(&kk, "%s %s", a->raw_kk, DEMO_MARK_KK);
		demo_buf_printf(&ru, "%s %s", a->raw_ru, DEMO_MARK_RU);
		a->kk = demo_keep(d, kk.p);
		a->ru = demo_keep(d, ru.p);
		a->dom_kk = DEMO_F(c, i, 5);
		a->dom_ru = DEMO_F(c, i, 6);
	}
	d->ncentral = d->nadm;
	for (int g = 0; g < d->nreg; g++) {
		for (size_t i = 0; i < l->n; i++) {
			/* A city of republican significance: 3xx for the region's 2xx. */
			char code[24];
			struct demo_admin *a;
			struct demo_var v[] = { { "name", DEMO_F(l, i, 2), DEMO_F(l, i, 3) },
			                        { "region", d->reg[g].kk, d->reg[g].ru },
			                        { NULL, NULL, NULL } };

			snprintf(code, sizeof code, "%03d", atoi(DEMO_F(l, i, 0)) + (d->reg[g].city ? 100 : 0));
			a = admin_add(d, r, code, d->reg[g].city ? LV_CITY : LV_REGIONAL, g);
			a->role = "-";
			demo_buf_reset(&kk);
			demo_buf_reset(&ru);
			demo_expand(&kk, demo_tpl(d, "admin.local", DEMO_KK), v, DEMO_KK);
			demo_expand(&ru, demo_tpl(d, "admin.local", DEMO_RU), v, DEMO_RU);
			a->raw_kk = demo_keep(d, kk.p ? kk.p : "");
			a->raw_ru = demo_keep(d, ru.p ? ru.p : "");
			demo_buf_printf(&kk, " %s", DEMO_MARK_KK);
			demo_buf_printf(&ru, " %s", DEMO_MARK_RU);
			a->kk = demo_keep(d, kk.p);
			a->ru = demo_keep(d, ru.p);
			a->dom_kk = DEMO_F(l, i, 4);
			a->dom_ru = DEMO_F(l, i, 5);
		}
	}
	demo_buf_free(&kk);
	demo_buf_free(&ru);
	return d->oom ? -1 : 0;
}

int demo_model_build(struct demo *d)
{
	struct demo_rng r;

	demo_rng_seed(&r, d->seed, 1, 0);
	if (base_load(d) != 0 || admins_build(d, &r) != 0)
		return -1;
	if (demo_programs_build(d, &r) != 0 || demo_budgets_build(d) != 0)
		return -1;
	return d->oom ? -1 : 0;
}

void demo_model_free(struct demo *d)
{
	for (size_t i = 0; i < d->nown; i++)
		free(d->own[i]);
	free(d->own);
	free(d->adm);
	free(d->prog);
	for (int k = 0; k < 2; k++) {
		free(d->plan[k]);
		free(d->exec[k]);
	}
}

size_t demo_admin_by_role(const struct demo *d, const char *role)
{
	for (size_t a = 0; a < d->ncentral; a++)
		if (strcmp(d->adm[a].role, role) == 0)
			return a;
	return 0;
}

char *demo_admin_tag(const struct demo *d, size_t a, char buf[16])
{
	const struct demo_admin *ad = &d->adm[a];

	if (ad->region < 0)
		snprintf(buf, 16, "%s", ad->code);
	else
		snprintf(buf, 16, "%s-%s", d->reg[ad->region].rr, ad->code);
	return buf;
}

