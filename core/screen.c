/* P-14 screening: the word lists, the text checks, the near-duplicate
 * measure and the P-15 refusal reasons.  Every result is advice for the
 * operator; nothing here publishes or refuses (P-15). */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "screen.h"
#include "text.h"

enum cat { CAT_OBSCENE, CAT_INSULTING, CAT_ADVERTISING, CAT_N };

/* How an entry of a list in data/screen/ matches a word of the
 * normalized text: "stem" its beginning, "=word" the whole word, "*root"
 * anywhere in it; "!word" is an exception: a word that contains it is
 * never flagged by the entry's category. */
enum ekind { E_PREFIX, E_WORD, E_INFIX, E_EXCEPT };

struct entry {
	char *text;  /* normalized */
	enum cat cat;
	enum ekind kind;
	const char *file;
	int line;
};

struct screen_lists {
	struct entry *e;
	size_t n, cap;
};

static const struct {
	const char *file;
	enum cat cat;
} list_files[] = {
	{ "obscene-ru.txt", CAT_OBSCENE },
	{ "obscene-kk.txt", CAT_OBSCENE },
	{ "insulting-ru.txt", CAT_INSULTING },
	{ "insulting-kk.txt", CAT_INSULTING },
	{ "advertising.txt", CAT_ADVERTISING },
};

static const char *const cat_code[CAT_N] = { SCREEN_OBSCENE, SCREEN_INSULTING, SCREEN_ADVERTISING };

/* An entry is a word or a short phrase. */
#define ENTRY_MAX_BYTES 200

/* ---- loading ----------------------------------------------------------- */

static int bad_entry(struct ob_err *err, const char *file, int line, const char *why, const char *s)
{
	ob_err_set(err, "screen-lists", line, "%s:%d: %s: \"%.80s\"", file, line, why, s);
	return -1;
}

static int add_entry(struct screen_lists *l, char *s, enum cat cat, const char *file, int line,
                     struct ob_err *err)
{
	enum ekind kind = *s == '=' ? E_WORD : *s == '*' ? E_INFIX : *s == '!' ? E_EXCEPT : E_PREFIX;
	char norm[2 * ENTRY_MAX_BYTES + 8];
	size_t letters = 0;

	if (utf8_validate(s, strlen(s), NULL) != 0)
		return bad_entry(err, file, line, "not UTF-8", "");
	if (kind != E_PREFIX)
		s++;
	if (screen_normalize(s, norm, sizeof norm) < 0)
		return bad_entry(err, file, line, "cannot normalize", s);
	for (const char *p = norm; *p != '\0';) {
		unsigned cp = screen_utf8_next(&p);

		if (cp != ' ' && !screen_is_letter(cp))
			return bad_entry(err, file, line, "an entry is letters only", s);
		letters += cp != ' ';
	}
	/* Short stems match too many clean words: "hui" normalizes to "ни". */
	if (letters < (kind == E_WORD ? 2u : 3u))
		return bad_entry(err, file, line, "too short after normalization", norm);
	if (l->n == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 128;
		struct entry *e = realloc(l->e, cap * sizeof *e);

		if (e == NULL)
			goto nomem;
		l->e = e, l->cap = cap;
	}
	if ((l->e[l->n].text = strdup(norm)) == NULL)
		goto nomem;
	l->e[l->n].cat = cat, l->e[l->n].kind = kind;
	l->e[l->n].file = file, l->e[l->n].line = line;
	l->n++;
	return 0;
nomem:
	ob_err_set(err, "nomem", line, "%s:%d: out of memory", file, line);
	return -1;
}

/* One line without its end and outer blanks; NULL for a blank line or a
 * comment. */
static char *entry_text(char *buf, int line)
{
	char *s = buf, *e;

	if (line == 1 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		s += 3;  /* a byte order mark */
	s += strspn(s, " \t");
	e = s + strlen(s);
	while (e > s && strchr(" \t\r\n", e[-1]) != NULL)
		*--e = '\0';
	return *s == '\0' || *s == '#' ? NULL : s;
}

static int load_file(struct screen_lists *l, const char *dir, size_t k, struct ob_err *err)
{
	const char *file = list_files[k].file;
	char path[4200], buf[ENTRY_MAX_BYTES + 2], *s;
	int line = 0, rc = -1;
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, file);
	if ((f = fopen(path, "r")) == NULL) {
		ob_err_set(err, "screen-lists", 0, "%s: cannot read: %s", path, strerror(errno));
		return -1;
	}
	while (fgets(buf, sizeof buf, f) != NULL) {
		line++;
		if (strchr(buf, '\n') == NULL && !feof(f)) {
			bad_entry(err, file, line, "line longer than 200 bytes", "");
			goto out;
		}
		if ((s = entry_text(buf, line)) != NULL &&
		    add_entry(l, s, list_files[k].cat, file, line, err) != 0)
			goto out;
	}
	if (ferror(f)) {
		ob_err_set(err, "screen-lists", line, "%s: read error", path);
		goto out;
	}
	rc = 0;
out:
	fclose(f);
	return rc;
}

struct screen_lists *screen_lists_load(const char *dir, struct ob_err *err)
{
	struct screen_lists *l;

	if (dir == NULL) {
		ob_err_set(err, "argument", 0, "no directory for the screening lists");
		return NULL;
	}
	if ((l = calloc(1, sizeof *l)) == NULL) {
		ob_err_set(err, "nomem", 0, "out of memory");
		return NULL;
	}
	for (size_t k = 0; k < sizeof list_files / sizeof list_files[0]; k++)
		if (load_file(l, dir, k, err) != 0) {
			screen_lists_free(l);
			return NULL;
		}
	return l;
}

void screen_lists_free(struct screen_lists *l)
{
	if (l == NULL)
		return;
	for (size_t i = 0; i < l->n; i++)
		free(l->e[i].text);
	free(l->e);
	free(l);
}

size_t screen_lists_count(const struct screen_lists *l)
{
	return l != NULL ? l->n : 0;
}

/* ---- matching ---------------------------------------------------------- */

/* Bytes of t matched by stem, 0 if none.  A '*' in t (a masked letter,
 * "бл*дь") matches any one letter of the stem, never its spaces; a match
 * needs two real letters and no more stars than real letters, so that
 * "А***в" (a masked name) is not "*хуй". */
static size_t stem_at(const char *t, const char *stem)
{
	const char *p = t, *q = stem;
	size_t real = 0, wild = 0;

	while (*q != '\0') {
		if (*p == '*' && *q != ' ') {
			p++, wild++;
			screen_utf8_next(&q);
			continue;
		}
		real += ((unsigned char)*q & 0xc0) != 0x80;
		if (*p++ != *q++)
			return 0;
	}
	if (wild > 0 && (real < 2 || wild > real))
		return 0;
	return (size_t)(p - t);
}

static int inside(const char *w, const char *end, const char *stem)
{
	for (const char *p = w; p < end; p++)
		if (((unsigned char)*p & 0xc0) != 0x80 && stem_at(p, stem) > 0)
			return 1;
	return 0;
}

static int hits(const struct entry *e, const char *w, const char *end)
{
	size_t n;

	switch (e->kind) {
	case E_PREFIX:
		return stem_at(w, e->text) > 0;
	case E_WORD:
		n = stem_at(w, e->text);
		return n > 0 && (w[n] == ' ' || w[n] == '\0');
	case E_INFIX:
		return inside(w, end, e->text);
	default:
		return 0;
	}
}

static int excepted(const struct screen_lists *l, enum cat cat, const char *w, const char *end)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->e[i].cat == cat && l->e[i].kind == E_EXCEPT && inside(w, end, l->e[i].text))
			return 1;
	return 0;
}

/* The first word of norm that an entry of cat matches; detail gets the
 * word and the entry's file:line, for the operator and the list keeper. */
static int find_words(const struct screen_lists *l, enum cat cat, const char *norm, char *detail,
                      size_t sz)
{
	for (const char *w = norm; *w != '\0';) {
		const char *end = w + strcspn(w, " ");

		for (size_t i = 0; i < l->n; i++) {
			const struct entry *e = &l->e[i];
			char word[64];

			if (e->cat != cat || !hits(e, w, end) || excepted(l, cat, w, end))
				continue;
			screen_detail(word, sizeof word, w, (size_t)(end - w));
			snprintf(detail, sz, "%s (%s:%d)", word, e->file, e->line);
			return 1;
		}
		w = *end != '\0' ? end + 1 : end;
	}
	return 0;
}

/* ---- the checks -------------------------------------------------------- */

struct flags {
	struct screen_flag *f;
	int max, n;
};

static void flag(struct flags *fl, const char *code, const char *detail)
{
	if (fl->n >= fl->max)
		return;
	snprintf(fl->f[fl->n].code, sizeof fl->f[fl->n].code, "%s", code);
	screen_detail(fl->f[fl->n].detail, sizeof fl->f[fl->n].detail, detail, strlen(detail));
	fl->n++;
}

static int has_letter(const char *s)
{
	while (*s != '\0')
		if (screen_is_letter(screen_utf8_next(&s)))
			return 1;
	return 0;
}

/* P-14: no obscene or insulting words, no advertising or spam.  The
 * lists run on the normalized text, obscene and insulting also on the
 * variant that keeps masked letters ("х*й"). */
int screen_text(const struct screen_lists *l, const char *text, struct screen_flag *flags, int max)
{
	struct flags fl = { flags, flags != NULL ? max : 0, 0 };
	char *norm = NULL, *stars = NULL, detail[96] = "";
	size_t sz;
	int rc = -1, r;

	if (text == NULL)
		text = "";
	sz = 2 * strlen(text) + 1;
	if ((norm = malloc(sz)) == NULL || (stars = malloc(sz)) == NULL)
		goto out;
	if (screen_norm(text, norm, sz, 0) < 0 || screen_norm(text, stars, sz, 1) < 0)
		goto out;
	if (!has_letter(norm))
		flag(&fl, SCREEN_EMPTY, "");
	for (int c = 0; l != NULL && c < CAT_N; c++)
		if (find_words(l, c, norm, detail, sizeof detail) ||
		    (c != CAT_ADVERTISING && find_words(l, c, stars, detail, sizeof detail)))
			flag(&fl, cat_code[c], detail);
	if (screen_scan_link(text, detail, sizeof detail))
		flag(&fl, SCREEN_LINK, detail);
	if ((r = screen_scan_phone(norm, detail, sizeof detail)) < 0)
		goto out;
	if (r > 0)
		flag(&fl, SCREEN_PHONE, detail);
	if ((r = screen_scan_price(norm, detail, sizeof detail)) < 0)
		goto out;
	if (r > 0)
		flag(&fl, SCREEN_PRICE, detail);
	if (screen_scan_shouting(text))
		flag(&fl, SCREEN_SHOUTING, "");
	rc = fl.n;
out:
	free(norm);
	free(stars);
	return rc;
}

/* ---- near-duplicates --------------------------------------------------- */

static uint64_t fnv1a(const char *s, size_t n)
{
	uint64_t h = 14695981039346656037ULL;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return h;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

/* The sorted, distinct hashes of the shingles of a normalized text: word
 * 3-shingles, or character 5-grams.  starts holds the offset of each
 * word or character, then the length. */
static uint64_t *shingles(const char *s, int words, size_t *np)
{
	size_t len = strlen(s), k = 0, n = 0, span = words ? 3 : 5;
	size_t *starts = malloc((len + 2) * sizeof *starts);
	uint64_t *h = malloc((len + 1) * sizeof *h);

	if (starts == NULL || h == NULL) {
		free(starts);
		free(h);
		return NULL;
	}
	for (size_t i = 0; i < len; i++)
		if (words ? i == 0 || s[i - 1] == ' ' : ((unsigned char)s[i] & 0xc0) != 0x80)
			starts[k++] = i;
	starts[k] = len + (words ? 1 : 0);  /* as if a space followed */
	for (size_t i = 0; i + span <= k || (i == 0 && k > 0); i++) {
		size_t end = i + span <= k ? starts[i + span] - (words ? 1 : 0) : len;

		h[n++] = fnv1a(s + starts[i], end - starts[i]);
	}
	free(starts);
	qsort(h, n, sizeof *h, cmp_u64);
	k = 0;
	for (size_t i = 0; i < n; i++)
		if (k == 0 || h[k - 1] != h[i])
			h[k++] = h[i];
	*np = k;
	return h;
}

static size_t count_words(const char *s)
{
	size_t n = *s != '\0';

	for (; *s != '\0'; s++)
		n += *s == ' ';
	return n;
}

static double jaccard(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
	size_t i = 0, j = 0, both = 0;

	while (i < na && j < nb) {
		if (a[i] == b[j])
			both++, i++, j++;
		else if (a[i] < b[j])
			i++;
		else
			j++;
	}
	return na + nb == 0 ? 1.0 : (double)both / (double)(na + nb - both);
}

double screen_similarity(const char *a, const char *b)
{
	size_t la = 2 * strlen(a != NULL ? a : "") + 1, lb = 2 * strlen(b != NULL ? b : "") + 1;
	char *na = malloc(la), *nb = malloc(lb);
	uint64_t *sa = NULL, *sb = NULL;
	size_t ka = 0, kb = 0;
	double r = -1;
	int words;

	if (na == NULL || nb == NULL || screen_normalize(a != NULL ? a : "", na, la) < 0 ||
	    screen_normalize(b != NULL ? b : "", nb, lb) < 0)
		goto out;
	words = count_words(na) >= SCREEN_SHINGLE_WORDS && count_words(nb) >= SCREEN_SHINGLE_WORDS;
	if ((sa = shingles(na, words, &ka)) == NULL || (sb = shingles(nb, words, &kb)) == NULL)
		goto out;
	r = jaccard(sa, ka, sb, kb);
out:
	free(na);
	free(nb);
	free(sa);
	free(sb);
	return r;
}

/* ---- P-15 reasons ------------------------------------------------------ */

const char *const screen_reasons[] = {
	"obscene", "insulting", "advertising", "spam", "off-topic", "duplicate", "other", NULL,
};

int screen_reason_valid(const char *code)
{
	for (size_t i = 0; code != NULL && screen_reasons[i] != NULL; i++)
		if (strcmp(code, screen_reasons[i]) == 0)
			return 1;
	return 0;
}
