/* obctl demo, inside: the model every ctl/demo_*.c file shares.  Each file
 * has one job: demo.c the command, demo_util.c randomness, text and
 * numbers, demo_words.c the word lists of data/demo/, demo_xml.c building
 * and saving documents, demo_model.c administrators, demo_programs.c
 * programs, demo_amounts.c the budgets, demo_texts.c texts shared by
 * passports and reports, and one file per document kind.
 *
 * Amounts: long long, in tenge (the XML shows thousand tenge with up to
 * three decimals, exact to the tenge).  Plans are whole thousands, as in a
 * budget law; execution is to the tenge.  No floating point in the data,
 * so the output is the same on every machine. */
#ifndef OB_DEMO_INT_H
#define OB_DEMO_INT_H

#include <stddef.h>
#include <stdint.h>
#include <libxml/tree.h>

#include "date.h"

#define DEMO_KK 0
#define DEMO_RU 1

#define DEMO_NFG 15          /* functional groups 1..15 */
#define DEMO_Y1 2025         /* the two republican budgets at their real totals */
#define DEMO_Y2 2026
/* Thousand tenge.  2025: spending of the republican budget as adopted;
 * 2026: "about 27.7 trillion tenge", rounded, synthetic. */
#define DEMO_TOTAL_Y1 25193022392LL
#define DEMO_TOTAL_Y2 27700000000LL

#define DEMO_MARK_KK "(синтетикалық)"
#define DEMO_MARK_RU "(синтетические данные)"

#define DEMO_MAXSUB 4

/* splitmix64: tiny, fast, and the same on every platform (never rand()). */
struct demo_rng {
	uint64_t s;
};
void demo_rng_seed(struct demo_rng *r, uint64_t seed, uint64_t a, uint64_t b);
uint64_t demo_rng_next(struct demo_rng *r);
/* Uniform in [0, n); 0 when n is 0. */
uint64_t demo_rng_below(struct demo_rng *r, uint64_t n);
/* Uniform in [lo, hi]. */
long long demo_rng_range(struct demo_rng *r, long long lo, long long hi);
/* A value fixed by its keys alone, whatever was drawn before. */
uint64_t demo_hash(uint64_t seed, uint64_t a, uint64_t b, uint64_t c);

/* A growing string; on allocation failure it sets *oom and stops growing. */
struct demo_buf {
	char *p;
	size_t len, cap;
	int *oom;
};
void demo_buf_reset(struct demo_buf *b);
void demo_buf_add(struct demo_buf *b, const char *s, size_t n);
void demo_buf_puts(struct demo_buf *b, const char *s);
void demo_buf_printf(struct demo_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void demo_buf_free(struct demo_buf *b);

/* "1234.567" thousand tenge for the XML (trailing zeros dropped). */
char *demo_amount(char buf[32], long long tenge);
/* "1 234 567,8" thousand tenge for running text (one decimal). */
char *demo_money(char buf[40], long long tenge);
/* A value held in thousandths, shown with dec decimals: "85.5" for the
 * XML (dot), or "85,5" for text (comma) when text is 1. */
char *demo_decimal(char buf[32], long long milli, int dec, int text);
/* num / den as a percentage with one decimal, "98,7"; "0,0" when den is 0. */
char *demo_pct(char buf[32], long long num, long long den);

/* Kazakh BIN: 11 digits and a check digit (weights 1..11 mod 11; at 10 the
 * weights 3..11,1,2; 10 again means the 11 digits are unusable).  Returns
 * the check digit or -1. */
int demo_bin_check(const char *d11);

/* Splits total into n parts by weights; the last part takes the rest, so
 * the parts add up to total exactly. */
void demo_split(long long total, const int *w, int n, long long *out);

/* Places and people: built from syllables, clearly not real. */
struct demo;
void demo_surname(struct demo *d, struct demo_rng *r, struct demo_buf *out);
void demo_head(struct demo *d, struct demo_rng *r, int level, struct demo_buf *kk, struct demo_buf *ru);

/* ---- word lists: data/demo/NAME.txt, fields separated by "|" ---- */
enum demo_list_id {
	L_CENTRAL, L_LOCAL, L_FGROUPS, L_PROGRAMS, L_QUALIFIERS, L_SUBPROGRAMS, L_GOALS,
	L_TASKS, L_EXPECTED, L_FINAL, L_DIRECT, L_BASIS, L_REASONS, L_AUDIT, L_AUDITORS,
	L_SYSTEMS, L_INVEST, L_NAMES, L_POSITIONS, L_TEMPLATES, L_COUNT
};
struct demo_list {
	const char *file;
	int nf;              /* fields per row */
	size_t n;            /* rows */
	char **f;            /* n * nf field pointers into text */
	int *line;           /* source line of each row */
	char *text;
};
#define DEMO_F(l, i, j) ((l)->f[(size_t)(i) * (size_t)(l)->nf + (size_t)(j)])

int demo_words_load(struct demo *d, const char *dir);
void demo_words_free(struct demo *d);
/* The template of key in one language; "" for an unknown key, which is
 * remembered in d->missing and fails the run. */
const char *demo_tpl(struct demo *d, const char *key, int lang);
/* Rows of list id whose field 0 is "*" or equal to sel; returns how many
 * indices were written to out (at most max). */
size_t demo_rows_for(const struct demo *d, int id, const char *sel, size_t *out, size_t max);

/* {name} placeholders; kk is used for both languages when ru is NULL. */
struct demo_var {
	const char *name, *kk, *ru;
};
void demo_expand(struct demo_buf *out, const char *tpl, const struct demo_var *v, int lang);

/* ---- the model ---- */
struct demo_region {
	char kato[10];
	char rr[3];          /* the first two KATO digits, for numbers */
	int city;
	char *kk, *ru;
};

enum { LV_REPUBLICAN, LV_REGIONAL, LV_CITY };

struct demo_admin {
	char code[4];
	char bin[13];
	int level;
	int region;          /* index into d->reg, -1 for a central body */
	const char *role;    /* "finance", "digital", ... or "-" */
	char *kk, *ru;       /* with the synthetic mark */
	char *raw_kk, *raw_ru; /* without it, for use inside titles */
	const char *dom_kk, *dom_ru;
	size_t prog0, nprog;
};

struct demo_prog {
	size_t admin;
	char code[4];
	int fg;
	int inv;             /* budget investment program */
	char *kk, *ru;
	int nsub;
	char sub[DEMO_MAXSUB][4];
	const char *sub_kk[DEMO_MAXSUB], *sub_ru[DEMO_MAXSUB];
	int sub_w[DEMO_MAXSUB];
	long long base;      /* plan for DEMO_Y2 in thousand tenge (local programs) */
	int growth;          /* yearly, per mille */
};

struct calendar;

struct demo {
	uint64_t seed;
	int scale;
	struct ob_date today;
	long tday;           /* today as a day number */
	const char *out;
	int oom;
	const char *missing; /* a template key not in templates.txt */

	struct demo_list l[L_COUNT];
	struct demo_region reg[32];
	int nreg;
	char *fg_kk[DEMO_NFG + 1], *fg_ru[DEMO_NFG + 1];

	struct demo_admin *adm;
	size_t nadm, ncentral;
	struct demo_prog *prog;
	size_t nprog;
	/* The republican budgets: per program, thousand tenge (0 for local
	 * programs) and executed tenge; group totals; months reported. */
	long long *plan[2], *exec[2];
	long long gplan[2][DEMO_NFG + 1], gexec[2][DEMO_NFG + 1];
	int months[2];

	struct calendar *cal;

	char **own;          /* strings the model owns */
	size_t nown, capown;

	unsigned ndoc;
	unsigned nkind[7];
	char path[4096];
};

/* A copy of s (NULL is "") that the model keeps until demo_model_free. */
char *demo_keep(struct demo *d, const char *s);

int demo_model_build(struct demo *d);
/* Steps of demo_model_build: programs (demo_programs.c), then budgets
 * (demo_amounts.c). */
int demo_programs_build(struct demo *d, struct demo_rng *r);
int demo_budgets_build(struct demo *d);
void demo_model_free(struct demo *d);
/* Plan of a program in a year, thousand tenge; executed, in tenge. */
long long demo_plan(const struct demo *d, size_t p, int year);
long long demo_exec(const struct demo *d, size_t p, int year);
/* The first central body with this role in central.txt (e.g. "finance"). */
size_t demo_admin_by_role(const struct demo *d, const char *role);
/* The document number's administrator part: "225" or "75-261". */
char *demo_admin_tag(const struct demo *d, size_t a, char buf[16]);

/* ---- dates ---- */
long demo_day(int y, int m, int dd);
char *demo_date(char buf[DATE_STRLEN], long day);
/* The nearest working day (by the loaded calendar, else Monday to Friday)
 * on or before day but not before lo, else the nearest one after, up to
 * hi; day itself when there is none within ten days. */
long demo_weekday_in(const struct demo *d, long day, long lo, long hi);
/* P-9, P-10: the last day of a discussion opened on posted. */
long demo_discussion_end(const struct demo *d, long posted);

/* ---- documents ---- */
enum demo_kind { K_BUDGET, K_FS, K_CITIZEN, K_AUDIT, K_PASSPORT, K_REPORT, K_GRANT };

struct demo_header {
	const char *number;
	int year;
	size_t admin;
	long posted;
	const char *status;
};
/* A document with its root element, namespace and header attributes. */
xmlDocPtr demo_doc_new(struct demo *d, const char *root, const struct demo_header *h,
                       xmlNodePtr *rootp);
xmlNodePtr demo_el(struct demo *d, xmlNodePtr parent, const char *name);
void demo_attr(struct demo *d, xmlNodePtr n, const char *name, const char *value);
void demo_attr_amount(struct demo *d, xmlNodePtr n, const char *name, long long tenge);
/* <name><kk>..</kk><ru>..</ru></name> */
xmlNodePtr demo_bi(struct demo *d, xmlNodePtr parent, const char *name, const char *kk,
                   const char *ru);
/* The same from a template key; mark adds the synthetic mark. */
xmlNodePtr demo_bi_tpl(struct demo *d, xmlNodePtr parent, const char *name, const char *key,
                       const struct demo_var *v, int mark);
/* <part key=..><title/>[<text/>]</part>: literal texts (text may be NULL),
 * or from template keys (text_key may be NULL). */
xmlNodePtr demo_part(struct demo *d, xmlNodePtr parent, const char *key, const char *title_kk,
                     const char *title_ru, const char *text_kk, const char *text_ru);
xmlNodePtr demo_part_t(struct demo *d, xmlNodePtr parent, const char *key, const char *title_key,
                       const char *text_key, const struct demo_var *v);
/* Expands a template in both languages into kk and ru (reset first). */
void demo_say(struct demo *d, const char *key, const struct demo_var *v, struct demo_buf *kk,
              struct demo_buf *ru);
/* An attachment with base64 content. */
void demo_attach(struct demo *d, xmlNodePtr parent, const char *name, const char *type,
                 const char *role, const unsigned char *data, size_t len);
/* Writes DIR/docs/NNNNN.xml and frees doc.  0 or -1. */
int demo_doc_save(struct demo *d, xmlDocPtr doc, enum demo_kind kind);
int demo_reference_write(struct demo *d);

/* A small synthetic PDF (ASCII text lines) into out. */
void demo_pdf(struct demo_buf *out, const char *const *lines, int n);

/* ---- texts about a program, shared by passports and reports ---- */
/* Up to want distinct rows of list id for functional group fg (or "*"). */
/* Up to want distinct rows of list id whose selector is sel, in seeded random order. */
size_t demo_pick_sel(struct demo *d, struct demo_rng *r, int id, const char *sel, size_t *out, size_t want);
size_t demo_pick(struct demo *d, struct demo_rng *r, int id, int fg, size_t *out, size_t want);
/* The legal basis: the Budget Code, the budget act, the sector's law. */
void demo_basis(struct demo *d, size_t p, struct demo_buf *kk, struct demo_buf *ru);
/* "Subprogram 100 «...»" */
void demo_sub_name(struct demo *d, size_t p, int s, struct demo_buf *kk, struct demo_buf *ru);
/* A result indicator (final.txt or direct.txt row): actual, plan and the
 * three planning years, in thousandths of its unit, within its range. */
void demo_result_values(struct demo *d, struct demo_rng *r, int id, size_t row, long long v[5]);
/* A synthetic settlement: "Зулмакент ауылы" / "село Зулмакент". */
void demo_place(struct demo *d, struct demo_rng *r, struct demo_buf *kk, struct demo_buf *ru);

int demo_budget_reports(struct demo *d);
int demo_citizen_budgets(struct demo *d);
int demo_statements(struct demo *d);
int demo_passports(struct demo *d);
int demo_reports(struct demo *d);
int demo_audits(struct demo *d);
int demo_grants(struct demo *d);

/* The order in which the programs of one kind are drawn: a permutation of
 * the programs, republican ones first in pct percent of the picks. */
size_t *demo_program_order(struct demo *d, struct demo_rng *r, int pct);

#endif
