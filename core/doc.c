/* XML -> struct doc: the table columns, reading a schema-valid tree into
 * struct doc, doc_load and doc_free.  Runs after XSD validation (the kinds
 * and their schemas are core/doc_schema.c), so the shape is known; what is
 * checked here is only what the schema cannot say. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <openssl/evp.h>

#include "doc.h"
#include "xmlin.h"

/* Each table kind: its container, its row element and its numeric columns. */
static const struct {
	const char *container, *row;
	const char *cols[DOC_COLS + 1];
} tables[] = {
	[TBL_INDICATORS] = { "indicators", "indicator", { "actual", "plan", "plan1", "plan2", "plan3" } },
	[TBL_EXECUTION] = { "execution", "row", { "approved", "specified", "corrected", "executed",
	                                          "not-executed", "savings", "under-execution" } },
	[TBL_LINES] = { "lines", "line", { "plan", "executed" } },
};

const char *doc_table_col(enum doc_table t, int i)
{
	if (t == TBL_NONE || i < 0 || i >= DOC_COLS)
		return NULL;
	return tables[t].cols[i];
}

/* ---- reading the tree ---- */

static int is(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static xmlNodePtr child(xmlNodePtr n, const char *name)
{
	for (xmlNodePtr c = n ? n->children : NULL; c != NULL; c = c->next)
		if (is(c, name))
			return c;
	return NULL;
}

static void attr_copy(xmlNodePtr n, const char *name, char *dst, size_t size)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);

	snprintf(dst, size, "%s", v ? (const char *)v : "");
	xmlFree(v);
}

static int attr_bool(xmlNodePtr n, const char *name)
{
	char v[8];

	attr_copy(n, name, v, sizeof v);
	return strcmp(v, "true") == 0 || strcmp(v, "1") == 0;
}

static char *text_of(xmlNodePtr n)
{
	xmlChar *t = n ? xmlNodeGetContent(n) : NULL;
	char *s = strdup(t ? (const char *)t : "");

	xmlFree(t);
	return s;
}

static void bi_read(xmlNodePtr n, struct bi *b)
{
	b->kk = n ? text_of(child(n, "kk")) : NULL;
	b->ru = n ? text_of(child(n, "ru")) : NULL;
	b->line = n ? n->line : 0;
}

static void bi_free(struct bi *b)
{
	free(b->kk);
	free(b->ru);
}

/* xs:decimal with at most 3 fraction digits (the schema says so) into an
 * exact integer of thousandths: "1234.5" thousand tenge -> 1234500 tenge. */
static int amount_parse(const char *s, long long *out)
{
	long long v = 0;
	int neg = 0, frac = -1;

	while (*s == ' ')
		s++;
	if (*s == '+' || *s == '-')
		neg = *s++ == '-';
	for (; *s != '\0' && *s != ' '; s++) {
		if (*s == '.' && frac < 0) {
			frac = 0;
			continue;
		}
		if (*s < '0' || *s > '9' || frac >= 3)
			return -1;
		if (__builtin_mul_overflow(v, 10, &v) || __builtin_add_overflow(v, *s - '0', &v))
			return -1;
		if (frac >= 0)
			frac++;
	}
	for (int i = frac < 0 ? 0 : frac; i < 3; i++)
		if (__builtin_mul_overflow(v, 10, &v))
			return -1;
	*out = neg ? -v : v;
	return 0;
}

static void parts_read(struct doc *d, xmlNodePtr list, int parent)
{
	for (xmlNodePtr c = list ? list->children : NULL; c != NULL; c = c->next) {
		struct doc_part *p;
		int self;

		if (!is(c, "part"))
			continue;
		self = (int)d->nparts++;
		p = &d->parts[self];
		attr_copy(c, "key", p->key, sizeof p->key);
		p->parent = parent;
		p->line = c->line;
		bi_read(child(c, "title"), &p->title);
		if (child(c, "text") != NULL)
			bi_read(child(c, "text"), &p->text);
		parts_read(d, c, self);
	}
}

static size_t count_desc(xmlNodePtr n, const char *name)
{
	size_t k = 0;

	for (xmlNodePtr c = n ? n->children : NULL; c != NULL; c = c->next)
		if (is(c, name))
			k += 1 + count_desc(c, name);
	return k;
}

static int rows_read(struct doc *d, xmlNodePtr list, struct ob_err *err)
{
	const char *const *cols = tables[d->table].cols;

	d->rows = calloc(count_desc(list, tables[d->table].row) + 1, sizeof *d->rows);
	for (xmlNodePtr c = list->children; c != NULL; c = c->next) {
		struct doc_row *r;
		char num[40];

		if (!is(c, tables[d->table].row))
			continue;
		r = &d->rows[d->nrows++];
		r->line = c->line;
		r->total = attr_bool(c, "total");
		attr_copy(c, "kind", r->kind, sizeof r->kind);
		attr_copy(c, "admin", r->admin, sizeof r->admin);
		attr_copy(c, "program", r->program, sizeof r->program);
		attr_copy(c, "subprogram", r->subprogram, sizeof r->subprogram);
		attr_copy(c, "fgroup", num, sizeof num);
		r->fgroup = atoi(num);
		attr_copy(c, "fsubgroup", num, sizeof num);
		r->fsubgroup = atoi(num);
		bi_read(child(c, "name"), &r->name);
		if (child(c, "unit") != NULL || child(c, "reason") != NULL)
			bi_read(child(c, child(c, "unit") ? "unit" : "reason"), &r->extra);
		for (int i = 0; cols[i] != NULL; i++) {
			attr_copy(c, cols[i], num, sizeof num);
			if (num[0] == '\0')
				continue;
			if (amount_parse(num, &r->v[i]) != 0) {
				ob_err_set(err, "amount", c->line, "%s=\"%s\" is not a valid amount", cols[i], num);
				return -1;
			}
			r->have |= 1u << i;
		}
	}
	return 0;
}

static void cells_read(struct doc *d, xmlNodePtr rows)
{
	size_t n = count_desc(rows, "row");

	d->cells = calloc(n * GRANT_COLS + 1, sizeof *d->cells);
	for (xmlNodePtr r = rows->children; r != NULL; r = r->next) {
		if (!is(r, "row"))
			continue;
		for (xmlNodePtr c = r->children; c != NULL; c = c->next) {
			char col[8];
			int k;

			if (!is(c, "cell"))
				continue;
			attr_copy(c, "col", col, sizeof col);
			k = atoi(col);
			if (k >= 1 && k <= GRANT_COLS && d->cells[d->ncellrows * GRANT_COLS + k - 1] == NULL)
				d->cells[d->ncellrows * GRANT_COLS + k - 1] = text_of(c);
		}
		d->ncellrows++;
	}
}

static int attachments_read(struct doc *d, xmlNodePtr list, struct ob_err *err)
{
	d->att = calloc(count_desc(list, "attachment") + 1, sizeof *d->att);
	for (xmlNodePtr c = list->children; c != NULL; c = c->next) {
		struct doc_attachment *a;
		unsigned char md[32];
		char *b64, *w;
		int n;

		if (!is(c, "attachment"))
			continue;
		a = &d->att[d->natt++];
		a->line = c->line;
		a->name = (char *)xmlGetProp(c, (const xmlChar *)"name");
		a->type = (char *)xmlGetProp(c, (const xmlChar *)"type");
		attr_copy(c, "role", a->role, sizeof a->role);
		/* base64 may be wrapped: drop white space before decoding. */
		b64 = text_of(c);
		w = b64;
		for (char *r = b64; *r != '\0'; r++)
			if (*r != ' ' && *r != '\n' && *r != '\r' && *r != '\t')
				*w++ = *r;
		*w = '\0';
		a->data = malloc((size_t)(w - b64) / 4 * 3 + 3);
		n = EVP_DecodeBlock(a->data, (unsigned char *)b64, (int)(w - b64));
		if (n < 0 || (w - b64) % 4 != 0) {
			free(b64);
			ob_err_set(err, "attachment", c->line, "attachment \"%s\" is not valid base64", a->name);
			return -1;
		}
		/* EVP_DecodeBlock counts the padding as data. */
		if (w - b64 >= 1 && w[-1] == '=')
			n--;
		if (w - b64 >= 2 && w[-2] == '=')
			n--;
		free(b64);
		a->size = (size_t)n;
		EVP_Digest(a->data, a->size, md, NULL, EVP_sha256(), NULL);
		for (int i = 0; i < 32; i++)
			snprintf(a->sha256 + 2 * i, 3, "%02x", md[i]);
	}
	return 0;
}

int doc_from_xml(struct doc *d, xmlDocPtr x, struct ob_err *err)
{
	xmlNodePtr root = xmlDocGetRootElement(x), n;
	char num[16];

	memset(d, 0, sizeof *d);
	if (doc_kind_parse((const char *)root->name, &d->kind) != 0) {
		ob_err_set(err, "schema", root->line, "unknown document kind");
		return -1;
	}
	d->line = root->line;
	attr_copy(root, "number", d->number, sizeof d->number);
	attr_copy(root, "version", num, sizeof num);
	d->version = num[0] ? atoi(num) : 1;
	attr_copy(root, "year", num, sizeof num);
	d->year = atoi(num);
	attr_copy(root, "admin", d->admin, sizeof d->admin);
	attr_copy(root, "region", d->region, sizeof d->region);
	attr_copy(root, "posted", d->posted, sizeof d->posted);
	attr_copy(root, "status", d->status, sizeof d->status);
	attr_copy(root, "discussion-end", d->discussion_end, sizeof d->discussion_end);
	attr_copy(root, "received", d->received, sizeof d->received);
	attr_copy(root, "period", d->period, sizeof d->period);
	attr_copy(root, "stage", d->stage, sizeof d->stage);
	d->synthetic = attr_bool(root, "synthetic");
	d->investment = attr_bool(root, "investment");
	bi_read(child(root, "title"), &d->title);
	if ((n = child(root, "head")) != NULL)
		bi_read(n, &d->head);
	if ((n = child(root, "program")) != NULL)
		attr_copy(n, "code", d->program, sizeof d->program);
	n = child(root, "parts");
	d->parts = calloc(count_desc(n, "part") + 1, sizeof *d->parts);
	parts_read(d, n, -1);
	for (int t = TBL_INDICATORS; t <= TBL_LINES; t++) {
		if ((n = child(root, tables[t].container)) != NULL) {
			d->table = (enum doc_table)t;
			if (rows_read(d, n, err) != 0)
				return -1;
		}
	}
	if ((n = child(root, "rows")) != NULL)
		cells_read(d, n);
	if ((n = child(root, "attachments")) != NULL && attachments_read(d, n, err) != 0)
		return -1;
	return 0;
}

int doc_load(const char *buf, size_t len, struct doc *d, xmlDocPtr *out, struct ob_err *err)
{
	xmlDocPtr x = xml_parse_limited(buf, len, OB_XML_MAX, err);

	memset(d, 0, sizeof *d);
	if (x == NULL)
		return -1;
	if (doc_validate_schema(x, err) != 0 || doc_from_xml(d, x, err) != 0 || doc_check(d, err) != 0) {
		xmlFreeDoc(x);
		return -1;
	}
	*out = x;
	return 0;
}

void doc_free(struct doc *d)
{
	bi_free(&d->title);
	bi_free(&d->head);
	for (size_t i = 0; i < d->nparts; i++) {
		bi_free(&d->parts[i].title);
		bi_free(&d->parts[i].text);
	}
	free(d->parts);
	for (size_t i = 0; i < d->nrows; i++) {
		bi_free(&d->rows[i].name);
		bi_free(&d->rows[i].extra);
	}
	free(d->rows);
	for (size_t i = 0; i < d->ncellrows * GRANT_COLS; i++)
		free(d->cells[i]);
	free(d->cells);
	for (size_t i = 0; i < d->natt; i++) {
		xmlFree(d->att[i].name);
		xmlFree(d->att[i].type);
		free(d->att[i].data);
	}
	free(d->att);
	memset(d, 0, sizeof *d);
}
