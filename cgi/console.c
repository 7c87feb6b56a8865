/* GET /console/LANG/PAGE: the staff consoles (issue 6.3, 6.4), rendered
 * with templates/console.xsl.  A session (cgi/session.c) shows them;
 * which console a person sees is decided now, from the roles
 * (core/access.c).  Nothing here changes anything: each decision on these
 * pages is a form the browser signs in NCALayer and posts to /api/. */
#include <stdio.h>
#include <string.h>

#include "access.h"
#include "calendar.h"
#include "clock.h"
#include "date.h"
#include "db_console.h"
#include "deadline.h"
#include "server.h"
#include "site_paths.h"

struct view {
	struct worker *w;
	const char *lang;
	struct ob_date today;
	xmlNodePtr list;
	struct ob_err *err;
	int rc;
};

static void text_child(xmlNodePtr n, const char *name, const char *text)
{
	xmlNewTextChild(n, NULL, (const xmlChar *)name, (const xmlChar *)text);
}

static const char *in_lang(const struct view *v, const char *kk, const char *ru)
{
	return strcmp(v->lang, "kk") == 0 ? kk : ru;
}

/* due, and the working days left after today (0: due today), or overdue. */
static int put_due(struct view *v, xmlNodePtr n, struct ob_date due)
{
	char d[DATE_STRLEN];
	int left = 0;

	set_attr(n, "due", date_format(due, d));
	if (date_to_days(v->today) > date_to_days(due)) {
		set_attr(n, "overdue", "yes");
		return 0;
	}
	if (date_to_days(due) > date_to_days(v->today)) {
		struct ob_date from = date_from_days(date_to_days(v->today) + 1);

		if (calendar_count_workdays(v->w->srv->cal, from, due, &left, v->err) != 0)
			return -1;
	}
	set_attr_int(n, "left", left);
	return 0;
}

static xmlNodePtr proposal_node(struct view *v, const struct console_proposal *p)
{
	xmlNodePtr n = xmlNewChild(v->list, NULL, (const xmlChar *)"proposal", NULL);
	char href[96];

	set_attr_int(n, "id", p->id);
	set_attr_int(n, "part", p->part_id);
	set_attr(n, "document", p->number);
	site_path_doc(href, sizeof href, v->lang, p->doc_id);
	set_attr(n, "href", href);
	set_attr(n, "admin", p->admin_code);
	set_attr(n, "day", p->day);
	set_attr(n, "lang", p->lang);
	set_attr(n, "part-key", p->part_key);
	set_attr(n, "flags", p->flags);
	text_child(n, "doc-title", in_lang(v, p->doc_title_kk, p->doc_title_ru));
	text_child(n, "part-title", in_lang(v, p->part_title_kk, p->part_title_ru));
	text_child(n, "part-text", in_lang(v, p->part_text_kk, p->part_text_ru));
	text_child(n, "text", p->text);
	return n;
}

/* P-15: due by the end of the 2nd working day after it arrived. */
static int add_pending(const struct console_proposal *p, void *arg)
{
	struct view *v = arg;
	struct ob_date day, due;
	xmlNodePtr n = proposal_node(v, p);

	if (date_parse(p->day, &day) != 0 || deadline_moderation_due(v->w->srv->cal, day, &due, v->err) != 0 ||
	    put_due(v, n, due) != 0)
		return v->rc = -1, 1;
	return 0;
}

/* P-16: due by the last day of the discussion. */
static int add_unanswered(const struct console_proposal *p, void *arg)
{
	struct view *v = arg;
	struct ob_date end, due;
	xmlNodePtr n = proposal_node(v, p);

	if (date_parse(p->discussion_end, &end) != 0 || deadline_answer_due(end, &due, v->err) != 0 ||
	    put_due(v, n, due) != 0)
		return v->rc = -1, 1;
	return 0;
}

static int add_document(const struct console_document *d, void *arg)
{
	struct view *v = arg;
	xmlNodePtr n = xmlNewChild(v->list, NULL, (const xmlChar *)"document", NULL);
	char href[96];

	set_attr_int(n, "id", d->id);
	set_attr(n, "number", d->number);
	set_attr(n, "kind", d->kind);
	set_attr(n, "status", d->status);
	set_attr(n, "posted", d->posted);
	set_attr(n, "end", d->discussion_end);
	set_attr_int(n, "year", d->year);
	set_attr_int(n, "pending", d->pending);
	set_attr_int(n, "published", d->published);
	set_attr_int(n, "answered", d->answered);
	site_path_doc(href, sizeof href, v->lang, d->id);
	set_attr(n, "href", href);
	if (d->final_report) {
		site_path_report(href, sizeof href, v->lang, d->id, "html");
		set_attr(n, "report", href);
		site_path_report(href, sizeof href, v->lang, d->id, "xml");
		set_attr(n, "report-xml", href);
		site_path_report(href, sizeof href, v->lang, d->id, "csv");
		set_attr(n, "report-csv", href);
	}
	text_child(n, "title", in_lang(v, d->title_kk, d->title_ru));
	return 0;
}

static void put_user(xmlNodePtr root, const struct session *s, const struct access *a)
{
	xmlNodePtr u = xmlNewChild(root, NULL, (const xmlChar *)"user", NULL);

	set_attr(u, "name", s->who.name);
	set_attr(u, "iin", s->who.iin);
	set_attr(u, "bin", s->who.bin);
	if (a->operator)
		set_attr(u, "operator", "yes");
	if (a->oversight)
		set_attr(u, "oversight", "yes");
	for (size_t i = 0; i < a->n_admins; i++) {
		xmlNodePtr n = xmlNewChild(u, NULL, (const xmlChar *)"admin", NULL);

		set_attr(n, "code", a->admins[i].code);
		set_attr(n, "region", a->admins[i].region);
	}
	set_attr(root, "csrf", s->csrf);
}

static int operator_view(struct view *v, xmlNodePtr root)
{
	v->list = xmlNewChild(root, NULL, (const xmlChar *)"queue", NULL);
	if (db_console_pending(v->w->ro, add_pending, v, v->err) != 0)
		return -1;
	return v->rc;
}

static int admin_view(struct view *v, xmlNodePtr root, const struct access *a)
{
	for (size_t i = 0; i < a->n_admins; i++) {
		xmlNodePtr ad = xmlNewChild(root, NULL, (const xmlChar *)"administrator", NULL);

		set_attr(ad, "code", a->admins[i].code);
		set_attr(ad, "region", a->admins[i].region);
		v->list = xmlNewChild(ad, NULL, (const xmlChar *)"unanswered", NULL);
		if (db_console_unanswered(v->w->ro, a->admins[i].id, add_unanswered, v, v->err) != 0 || v->rc != 0)
			return -1;
		v->list = xmlNewChild(ad, NULL, (const xmlChar *)"documents", NULL);
		if (db_console_documents(v->w->ro, a->admins[i].id, add_document, v, v->err) != 0)
			return -1;
	}
	return 0;
}

/* The pages: who may see each, and its name in the page XML. */
enum need { NEED_NOTHING, NEED_ROLE, NEED_OPERATOR, NEED_ADMIN, NEED_OVERSIGHT };
static const struct console_page {
	const char *path;     /* after /console/LANG/; a trailing / takes an id */
	const char *console;  /* /page/@console */
	enum need need;
} pages[] = {
	{ "", "home", NEED_ROLE },
	{ "operator", "operator", NEED_OPERATOR },
	{ "audit", "audit", NEED_OPERATOR },               /* issue 7.5 */
	{ "requests", "requests", NEED_OPERATOR },         /* */
	{ "admin", "admin", NEED_ADMIN },
	{ "oversight", "oversight", NEED_OVERSIGHT },      /* issue 7.2 */
	{ "oversight/doc/", "oversight-doc", NEED_OVERSIGHT },
	{ "instructions", "instructions", NEED_NOTHING },  /* */
	{ "request", "request", NEED_NOTHING },            /* */
};

static const struct console_page *page_of(const char *page)
{
	for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
		size_t n = strlen(pages[i].path);

		if (n > 0 && pages[i].path[n - 1] == '/' ? strncmp(page, pages[i].path, n) == 0 && page[n] != '\0'
		                                         : strcmp(page, pages[i].path) == 0)
			return &pages[i];
	}
	return NULL;
}

static int allowed(const struct console_page *p, const struct access *a)
{
	switch (p->need) {
	case NEED_OPERATOR: return a->operator;
	case NEED_ADMIN: return a->n_admins > 0;
	case NEED_OVERSIGHT: return a->oversight > 0;
	default: return 1;
	}
}

/* The lists of the page; 0 or -1 with err. */
static int fill_page(struct view *v, const struct console_page *p, const char *page, xmlNodePtr root,
                     const struct access *a)
{
	switch (p->need) {
	case NEED_OPERATOR:
		if (strcmp(p->path, "audit") == 0)
			return audit_view(v->w, root, v->err);
		if (strcmp(p->path, "requests") == 0)
			return requests_view(v->w, v->lang, root, v->err);
		return operator_view(v, root);
	case NEED_ADMIN: return admin_view(v, root, a);
	case NEED_OVERSIGHT: return oversight_view(v->w, a, page, root, v->err);
	default: return 0;
	}
}

/* A console page that could not be shown: the console's layout with the
 * error's kk/ru message (err.CODE) and its HTTP status, not the API's XML.
 * The detail stays in the server's log: it may name what the reader may
 * not see (a document outside the scope is "not found", as if absent). */
static void error_page(struct worker *w, const char *lang, const char *page,
                       const struct session *s, const struct access *a, const struct ob_err *err)
{
	const char *code = err->code[0] ? err->code : "internal";
	int status = error_status(code);
	xmlDocPtr doc;
	xmlNodePtr root = console_page_new(&doc, lang, page, "error"), e;

	if (s != NULL && a != NULL)
		put_user(root, s, a);
	e = xmlNewChild(root, NULL, (const xmlChar *)"error", NULL);
	set_attr(e, "code", code);
	set_attr_int(e, "status", status);
	if (status >= 500)
		fprintf(stderr, "obfcgi: console %s/%s: %s: %s\n", lang, page, code, err->msg);
	reply_page(w, status, doc, NULL);
	xmlFreeDoc(doc);
}

void handle_console(struct worker *w, const char *rest)
{
	char lang[3] = "", page[32] = "";
	struct ob_err err = { 0 };
	struct view v = { .w = w, .err = &err };
	const struct console_page *p;
	struct session s;
	struct access a;
	xmlDocPtr doc = NULL;
	xmlNodePtr root;
	const char *slash = strchr(rest, '/');
	int rc, http = 200;

	if (strcmp(req_param(w, "REQUEST_METHOD"), "GET") != 0) {
		reply_error(w, "method", "use GET");
		return;
	}
	if (slash == NULL || slash - rest != 2 || (strncmp(rest, "kk", 2) && strncmp(rest, "ru", 2))) {
		reply_error(w, "not-found", rest);
		return;
	}
	memcpy(lang, rest, 2);
	if (strlen(slash + 1) >= sizeof page || (p = page_of(slash + 1)) == NULL) {
		ob_err_set(&err, "not-found", 0, "no console page %s", slash + 1);
		error_page(w, lang, "", NULL, NULL, &err);
		return;
	}
	snprintf(page, sizeof page, "%s", slash + 1);
	v.lang = lang;
	if ((rc = session_current(w, &s, &err)) < 0 || (rc == 1 && access_load(w->ro, &s.who, &a, &err) != 0) ||
	    ob_today(&v.today) != 0) {
		error_page(w, lang, page, NULL, NULL, &err);
		return;
	}
	if (rc == 1 && !access_any(&a))
		rc = 0;  /* no role any more: as if not signed in */
	if (p->need == NEED_NOTHING) {
		root = console_page_new(&doc, lang, page, p->console);
		if (rc == 1)
			put_user(root, &s, &a);
	} else if (rc == 0) {
		root = console_page_new(&doc, lang, page, "signin");
		http = *page != '\0' ? 401 : 200;
	} else if (!allowed(p, &a)) {
		root = console_page_new(&doc, lang, page, "denied");
		put_user(root, &s, &a);
		http = 403;
	} else {
		root = console_page_new(&doc, lang, page, p->console);
		put_user(root, &s, &a);
		if (fill_page(&v, p, page, root, &a) != 0 || v.rc != 0) {
			xmlFreeDoc(doc);
			error_page(w, lang, page, &s, &a, &err);
			return;
		}
	}
	reply_page(w, http, doc, NULL);
	xmlFreeDoc(doc);
}
