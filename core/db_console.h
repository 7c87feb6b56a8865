/* What the staff consoles show (issue 6.3, 6.4), read from the store:
 * proposals in the context of their document and structural part, and an
 * administrator's documents.  Rows reach fn one at a time until it returns
 * non-zero; 0 or -1 with err ("storage"). */
#ifndef OB_DB_CONSOLE_H
#define OB_DB_CONSOLE_H

#include "store.h"

/* A proposal with its context; strings NUL-terminated, texts cut to fit. */
struct console_proposal {
	long long id, doc_id, part_id;
	char number[65], admin_code[4], doc_status[20], discussion_end[11];
	char doc_title_kk[512], doc_title_ru[512];
	char part_key[33], part_title_kk[512], part_title_ru[512];
	char part_text_kk[1024], part_text_ru[1024];  /* the start of the part's text */
	char day[11], lang[3], status[12];
	char text[4096];      /* P-14: at most 1000 characters */
	char flags[128];      /* P-14 screening, "code,code" */
};

/* P-15: the moderation queue, pending proposals, oldest (first due) first. */
int db_console_pending(struct store *st, int (*fn)(const struct console_proposal *, void *), void *arg,
                       struct ob_err *err);
/* P-16: published proposals without an answer on the documents of
 * admin_id that are in discussion, by discussion end. */
int db_console_unanswered(struct store *st, long long admin_id,
                          int (*fn)(const struct console_proposal *, void *), void *arg,
                          struct ob_err *err);

struct console_document {
	long long id;
	char number[65], kind[24], status[20], posted[11], discussion_end[11];
	char title_kk[512], title_ru[512];
	int year;
	int final_report;     /* P-17: 1 when its final report is stored */
	long long pending, published, answered;   /* proposals */
};
/* An administrator's documents, newest posting first. */
int db_console_documents(struct store *st, long long admin_id,
                         int (*fn)(const struct console_document *, void *), void *arg,
                         struct ob_err *err);

#endif
