/* P-14 screening of citizens' proposals: automatic checks that ADVISE the
 * operator.  They never publish or refuse anything: P-15 leaves that to
 * the operator, who picks one of screen_reasons[] and writes the
 * justification.  docs/screening.md explains every check.
 *
 * The word lists in data/screen/ are loaded once; after that a
 * struct screen_lists is only read, so any number of threads may screen
 * texts with one set of lists at once.  Nothing here keeps mutable
 * static state.
 *
 * Error codes (struct ob_err, err.h):
 *   screen-lists  a list file is missing, not UTF-8 or has a bad entry
 *                 (err->line: the file line; err->msg starts "file:line:")
 *   argument      dir is NULL
 *   nomem         out of memory */
#ifndef OB_SCREEN_H
#define OB_SCREEN_H

#include <stddef.h>

#include "err.h"

/* The word lists: obscene, insulting and advertising entries. */
struct screen_lists;

/* Loads obscene-ru.txt, obscene-kk.txt, insulting-ru.txt,
 * insulting-kk.txt and advertising.txt from dir (normally
 * ob_share_dir() + "/data/screen").  All five must be there.  Every entry
 * is normalized with screen_normalize(), so a list may spell words as
 * they are written.  NULL with err set on any error. */
struct screen_lists *screen_lists_load(const char *dir, struct ob_err *err);
void screen_lists_free(struct screen_lists *l);

/* Number of entries loaded (all lists, exceptions included). */
size_t screen_lists_count(const struct screen_lists *l);

/* Normalizes UTF-8 text for matching:
 *   - letters lower-cased (Latin, Cyrillic, the Kazakh letters ә ғ қ ң ө
 *     ұ ү һ і), then folded to one alphabet: Kazakh letters to the
 *     Russian letter they are typed as without a Kazakh keyboard (ә→а,
 *     ғ→г, қ→к, ң→н, ө→о, ұ ү→у, һ→х, і→и), ё→е, ъ→ь, and Latin
 *     look-alikes to Cyrillic (a→а B→в b→б c→с e→е h→н i→и k→к m→м o→о
 *     p→р t→т u→и x→х y→у);
 *   - 0 3 4 6 @ become о з ч б а when they stand for letters: a lone one
 *     touching a letter ("п0ка"), or a run with letters on both sides;
 *   - . - _ * ' ` ~ between two letters (or two digits) are dropped, so
 *     "х.у-й" is one word; elsewhere they separate words;
 *   - three or more one-letter words in a row are joined ("с л о в о");
 *   - runs of the same letter are collapsed ("оочень" → "очень");
 *   - soft hyphens, zero-width characters and combining accents vanish;
 *   - words are letters only or digits only, separated by one space; the
 *     signs % $ € ₸ ₽ are kept as words of their own; everything else
 *     (punctuation, emoji, invalid UTF-8 bytes) separates words.
 * Writes into out, NUL-terminated; returns the length in bytes, or -1 when
 * out is too small (2 * strlen(in) + 1 bytes always suffice) or an
 * argument is NULL. */
int screen_normalize(const char *in, char *out, size_t outsz);

/* One piece of advice.  code: one of the flag codes below; detail: what
 * was found (the normalized word and the list entry's file:line, the
 * link, the phone digits, the amount), UTF-8, cut to fit. */
struct screen_flag {
	char code[16];
	char detail[96];
};

/* Flag codes, in the order screen_text() reports them. */
#define SCREEN_EMPTY       "empty"       /* no letter at all */
#define SCREEN_OBSCENE     "obscene"     /* obscene-*.txt */
#define SCREEN_INSULTING   "insulting"   /* insulting-*.txt */
#define SCREEN_ADVERTISING "advertising" /* advertising.txt */
#define SCREEN_LINK        "link"        /* http://, www., example.kz */
#define SCREEN_PHONE       "phone"       /* +7 7xx ..., 8 7xx ... */
#define SCREEN_PRICE       "price"       /* 5000 тг, $99, цена 500, скидка 50% */
#define SCREEN_SHOUTING    "shouting"    /* mostly capitals */

/* Runs every check on text (which need not be valid UTF-8) and fills up
 * to max flags, at most one per code; returns how many it wrote, or -1
 * when memory runs out.  l may be NULL: the word lists are then skipped.
 * A flag is advice for the operator, never a decision (P-15). */
int screen_text(const struct screen_lists *l, const char *text, struct screen_flag *flags, int max);

/* Near-duplicate measure of two proposals (the "duplicate" reason):
 * Jaccard similarity of the sets of word 3-shingles of the normalized
 * texts, or of character 5-grams when either text has fewer than
 * SCREEN_SHINGLE_WORDS words.  1 for equal texts (two empty texts are
 * equal), 0 for nothing in common; -1 when memory runs out. */
#define SCREEN_SHINGLE_WORDS 8
double screen_similarity(const char *a, const char *b);

/* P-15: the reasons the operator chooses from when refusing a proposal,
 * NULL-terminated: obscene, insulting, advertising, spam, off-topic,
 * duplicate, other. */
extern const char *const screen_reasons[];

/* 1 when code is one of screen_reasons[], else 0. */
int screen_reason_valid(const char *code);

/* For core/screen*.c only. */
unsigned screen_utf8_next(const char **s);
unsigned screen_lower(unsigned cp);
int screen_is_letter(unsigned cp);
int screen_norm(const char *in, char *out, size_t outsz, int stars);
int screen_scan_link(const char *text, char *detail, size_t sz);
int screen_scan_phone(const char *norm, char *detail, size_t sz);
int screen_scan_price(const char *norm, char *detail, size_t sz);
int screen_scan_shouting(const char *text);
void screen_detail(char *dst, size_t sz, const char *s, size_t n);

#endif
