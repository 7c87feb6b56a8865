/* obctl demo: building documents with libxml2's tree API and saving them
 * (never XML glued from strings: the serializer escapes), the reference
 * file, and the attachments (base64 of a small synthetic PDF). */
#include <stdio.h>
#include <string.h>
#include <libxml/tree.h>
#include <libxml/xmlsave.h>

#include "demo_int.h"

#define DEMO_NS "urn:obkz:doc:1"

static xmlNodePtr xml_check(struct demo *d, xmlNodePtr n)
{
	if (n == NULL)
		d->oom = 1;
	return n;
}

xmlNodePtr demo_el(struct demo *d, xmlNodePtr parent, const char *name)
{
	if (parent == NULL)
		return xml_check(d, NULL);
	return xml_check(d, xmlNewChild(parent, parent->ns, BAD_CAST name, NULL));
}

static xmlNodePtr text_el(struct demo *d, xmlNodePtr parent, const char *name, const char *text)
{
	if (parent == NULL)
		return xml_check(d, NULL);
	return xml_check(d, xmlNewTextChild(parent, parent->ns, BAD_CAST name, BAD_CAST text));
}

void demo_attr(struct demo *d, xmlNodePtr n, const char *name, const char *value)
{
	if (n == NULL || xmlNewProp(n, BAD_CAST name, BAD_CAST value) == NULL)
		d->oom = 1;
}

void demo_attr_amount(struct demo *d, xmlNodePtr n, const char *name, long long tenge)
{
	char buf[32];

	demo_attr(d, n, name, demo_amount(buf, tenge));
}

xmlNodePtr demo_bi(struct demo *d, xmlNodePtr parent, const char *name, const char *kk,
                   const char *ru)
{
	xmlNodePtr n = demo_el(d, parent, name);

	text_el(d, n, "kk", kk);
	text_el(d, n, "ru", ru);
	return n;
}

xmlNodePtr demo_bi_tpl(struct demo *d, xmlNodePtr parent, const char *name, const char *key,
                       const struct demo_var *v, int mark)
{
	struct demo_buf kk = { .oom = &d->oom }, ru = { .oom = &d->oom };
	xmlNodePtr n;

	demo_expand(&kk, demo_tpl(d, key, DEMO_KK), v, DEMO_KK);
	demo_expand(&ru, demo_tpl(d, key, DEMO_RU), v, DEMO_RU);
	if (mark) {
		demo_buf_printf(&kk, " %s", DEMO_MARK_KK);
		demo_buf_printf(&ru, " %s", DEMO_MARK_RU);
	}
	n = demo_bi(d, parent, name, kk.p ? kk.p : "", ru.p ? ru.p : "");
	demo_buf_free(&kk);
	demo_buf_free(&ru);
	return n;
}

void demo_say(struct demo *d, const char *key, const struct demo_var *v, struct demo_buf *kk,
              struct demo_buf *ru)
{
	demo_buf_reset(kk);
	demo_buf_reset(ru);
	demo_expand(kk, demo_tpl(d, key, DEMO_KK), v, DEMO_KK);
	demo_expand(ru, demo_tpl(d, key, DEMO_RU), v, DEMO_RU);
}

xmlNodePtr demo_part(struct demo *d, xmlNodePtr parent, const char *key, const char *title_kk,
                     const char *title_ru, const char *text_kk, const char *text_ru)
{
	xmlNodePtr p = demo_el(d, parent, "part");

	demo_attr(d, p, "key", key);
	demo_bi(d, p, "title", title_kk, title_ru);
	if (text_kk != NULL && text_ru != NULL)
		demo_bi(d, p, "text", text_kk, text_ru);
	return p;
}

xmlNodePtr demo_part_t(struct demo *d, xmlNodePtr parent, const char *key, const char *title_key,
                       const char *text_key, const struct demo_var *v)
{
	xmlNodePtr p = demo_el(d, parent, "part");

	demo_attr(d, p, "key", key);
	demo_bi_tpl(d, p, "title", title_key, v, 0);
	if (text_key != NULL)
		demo_bi_tpl(d, p, "text", text_key, v, 0);
	return p;
}

xmlDocPtr demo_doc_new(struct demo *d, const char *root, const struct demo_header *h,
                       xmlNodePtr *rootp)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr r = doc ? xmlNewDocNode(doc, NULL, BAD_CAST root, NULL) : NULL;
	const struct demo_admin *a = &d->adm[h->admin];
	char buf[DATE_STRLEN], year[24];
	xmlNsPtr ns;

	if (r == NULL || (ns = xmlNewNs(r, BAD_CAST DEMO_NS, NULL)) == NULL) {
		d->oom = 1;
		xmlFreeNode(r);
		xmlFreeDoc(doc);
		*rootp = NULL;
		return NULL;
	}
	xmlSetNs(r, ns);
	xmlDocSetRootElement(doc, r);
	snprintf(year, sizeof year, "%d", h->year);
	demo_attr(d, r, "number", h->number);
	demo_attr(d, r, "year", year);
	demo_attr(d, r, "admin", a->code);
	if (a->region >= 0)
		demo_attr(d, r, "region", d->reg[a->region].kato);
	demo_attr(d, r, "posted", demo_date(buf, h->posted));
	demo_attr(d, r, "status", h->status);
	demo_attr(d, r, "synthetic", "true");
	*rootp = r;
	return doc;
}

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static void base64(struct demo_buf *out, const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)p[i] << 16 | (i + 1 < n ? (unsigned)p[i + 1] << 8 : 0) |
		             (i + 2 < n ? p[i + 2] : 0);
		char q[4] = { b64[v >> 18 & 63], b64[v >> 12 & 63], i + 1 < n ? b64[v >> 6 & 63] : '=',
		              i + 2 < n ? b64[v & 63] : '=' };

		demo_buf_add(out, q, 4);
	}
}

void demo_attach(struct demo *d, xmlNodePtr parent, const char *name, const char *type,
                 const char *role, const unsigned char *data, size_t len)
{
	struct demo_buf b = { .oom = &d->oom };
	xmlNodePtr n;

	base64(&b, data, len);
	n = text_el(d, parent, "attachment", b.p ? b.p : "");
	demo_attr(d, n, "name", name);
	demo_attr(d, n, "type", type);
	demo_attr(d, n, "role", role);
	demo_buf_free(&b);
}

/* PDF 1.4, one page, Helvetica, the lines given (ASCII; parentheses and
 * backslashes escaped); the cross-reference table is exact. */
void demo_pdf(struct demo_buf *out, const char *const *lines, int n)
{
	struct demo_buf s = { .oom = out->oom };
	size_t off[6];

	demo_buf_puts(&s, "BT /F1 12 Tf 56 780 Td 16 TL\n");
	for (int i = 0; i < n; i++) {
		demo_buf_puts(&s, "(");
		for (const char *c = lines[i]; *c; c++) {
			if (*c == '(' || *c == ')' || *c == '\\')
				demo_buf_add(&s, "\\", 1);
			if ((unsigned char)*c >= 32 && (unsigned char)*c < 127)
				demo_buf_add(&s, c, 1);
		}
		demo_buf_puts(&s, ") Tj T*\n");
	}
	demo_buf_puts(&s, "ET\n");
	demo_buf_reset(out);
	demo_buf_puts(out, "%PDF-1.4\n");
	off[1] = out->len;
	demo_buf_puts(out, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
	off[2] = out->len;
	demo_buf_puts(out, "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
	off[3] = out->len;
	demo_buf_puts(out, "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
	                   "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>\nendobj\n");
	off[4] = out->len;
	demo_buf_puts(out, "4 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n");
	off[5] = out->len;
	demo_buf_printf(out, "5 0 obj\n<< /Length %zu >>\nstream\n", s.len);
	demo_buf_add(out, s.p ? s.p : "", s.len);
	demo_buf_puts(out, "endstream\nendobj\n");
	off[0] = out->len;
	demo_buf_puts(out, "xref\n0 6\n0000000000 65535 f \n");
	for (int i = 1; i < 6; i++)
		demo_buf_printf(out, "%010zu 00000 n \n", off[i]);
	demo_buf_printf(out, "trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n", off[0]);
	demo_buf_free(&s);
}

static int save(struct demo *d, xmlDocPtr doc, const char *path)
{
	int rc = -1;

	if (d->missing != NULL) {
		fprintf(stderr, "obctl demo: data/demo/templates.txt has no key %s\n", d->missing);
		goto out;
	}
	if (d->oom || doc == NULL) {
		fprintf(stderr, "obctl demo: out of memory\n");
		goto out;
	}
	if (xmlSaveFormatFileEnc(path, doc, "UTF-8", 1) < 0) {
		fprintf(stderr, "obctl demo: cannot write %s\n", path);
		goto out;
	}
	rc = 0;
out:
	xmlFreeDoc(doc);
	return rc;
}

int demo_doc_save(struct demo *d, xmlDocPtr doc, enum demo_kind kind)
{
	snprintf(d->path, sizeof d->path, "%s/docs/%05u.xml", d->out, d->ndoc + 1);
	if (save(d, doc, d->path) != 0)
		return -1;
	d->ndoc++;
	d->nkind[kind]++;
	return 0;
}

static const char *level_name(int level)
{
	return level == LV_REPUBLICAN ? "republican" : level == LV_CITY ? "city" : "regional";
}

int demo_reference_write(struct demo *d)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr root = doc ? xmlNewDocNode(doc, NULL, BAD_CAST "reference", NULL) : NULL;
	xmlNsPtr ns;

	if (root == NULL || (ns = xmlNewNs(root, BAD_CAST DEMO_NS, NULL)) == NULL) {
		xmlFreeNode(root);
		xmlFreeDoc(doc);
		fprintf(stderr, "obctl demo: out of memory\n");
		return -1;
	}
	xmlSetNs(root, ns);
	xmlDocSetRootElement(doc, root);
	demo_attr(d, root, "synthetic", "true");
	xmlAddChild(root, xmlNewComment(BAD_CAST " Synthetic demo data (obctl demo): not real administrators or programs. "));
	for (size_t i = 0; i < d->nadm; i++) {
		const struct demo_admin *a = &d->adm[i];
		xmlNodePtr an = demo_el(d, root, "administrator");

		demo_attr(d, an, "code", a->code);
		demo_attr(d, an, "bin", a->bin);
		demo_attr(d, an, "level", level_name(a->level));
		if (a->region >= 0)
			demo_attr(d, an, "region", d->reg[a->region].kato);
		demo_bi(d, an, "name", a->kk, a->ru);
		for (size_t p = a->prog0; p < a->prog0 + a->nprog; p++) {
			const struct demo_prog *pr = &d->prog[p];
			xmlNodePtr pn = demo_el(d, an, "program");
			char fg[24];

			snprintf(fg, sizeof fg, "%d", pr->fg);
			demo_attr(d, pn, "code", pr->code);
			demo_attr(d, pn, "fgroup", fg);
			demo_attr(d, pn, "fsubgroup", "1");
			demo_bi(d, pn, "name", pr->kk, pr->ru);
			for (int s = 0; s < pr->nsub; s++) {
				xmlNodePtr sn = demo_el(d, pn, "subprogram");

				demo_attr(d, sn, "code", pr->sub[s]);
				demo_bi(d, sn, "name", pr->sub_kk[s], pr->sub_ru[s]);
			}
		}
	}
	snprintf(d->path, sizeof d->path, "%s/reference.xml", d->out);
	return save(d, doc, d->path);
}
