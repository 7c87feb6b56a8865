/* P-14 screening: the normalization that lets evasions ("xуй", "х.у.й",
 * "с л о в о", "оочень", "п0ка") match the word lists.  The rules are in
 * screen.h and docs/screening.md; this file only applies them. */
#include <stdlib.h>
#include <string.h>

#include "screen.h"
#include "text.h"

enum kind { K_SPACE, K_LETTER, K_DIGIT, K_AT, K_JOIN, K_SIGN, K_DROP };

struct item {
	unsigned cp;
	enum kind kind;
};

/* Lenient decoding: a bad byte is U+FFFD and decoding goes on with the
 * next byte.  Never called at the terminating NUL. */
unsigned screen_utf8_next(const char **sp)
{
	unsigned cp;
	/* At most 4 bytes are read, and a NUL ends the character early: it is
	 * never a continuation byte. */
	size_t n = utf8_decode(*sp, strnlen(*sp, 4), &cp);

	*sp += n ? n : 1;
	return n ? cp : 0xfffd;
}

unsigned screen_lower(unsigned cp)
{
	if ((cp >= 'A' && cp <= 'Z') || (cp >= 0xc0 && cp <= 0xde && cp != 0xd7))
		return cp + 0x20;
	if (cp >= 0x410 && cp <= 0x42f)  /* А..Я */
		return cp + 0x20;
	if (cp >= 0x400 && cp <= 0x40f)  /* Ѐ..Џ, with Ё and the Kazakh І */
		return cp + 0x50;
	/* The rest of the Cyrillic block, the Kazakh Ғ Қ Ң Ү Ұ Һ Ә Ө among
	 * them, pairs capital and small letter as even and odd code points;
	 * U+04C1..U+04CE the other way round; U+0482..U+0489 are signs. */
	if (cp >= 0x460 && cp <= 0x4bf && cp % 2 == 0 && (cp < 0x482 || cp > 0x489))
		return cp + 1;
	if (cp >= 0x4c1 && cp <= 0x4ce && cp % 2 == 1)
		return cp + 1;
	if (cp == 0x4c0)
		return 0x4cf;
	if (cp >= 0x4d0 && cp <= 0x4ff && cp % 2 == 0)
		return cp + 1;
	return cp;
}

int screen_is_letter(unsigned cp)
{
	return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
	       (cp >= 0xc0 && cp <= 0x24f && cp != 0xd7 && cp != 0xf7) ||
	       (cp >= 0x400 && cp <= 0x4ff && (cp < 0x482 || cp > 0x489));
}

/* A lower-case letter to the alphabet the lists are matched in. */
static unsigned fold(unsigned cp)
{
	static const struct {
		unsigned from, to;
	} map[] = {
		/* Latin look-alikes of Cyrillic letters ("u" for и as in
		 * handwriting, "i" for the Kazakh і, which folds to и; "b"
		 * for б, while a capital B is a В: see decode()). */
		{ 'a', 0x430 }, { 'b', 0x431 }, { 'c', 0x441 }, { 'e', 0x435 }, { 'h', 0x43d },
		{ 'i', 0x438 }, { 'k', 0x43a }, { 'm', 0x43c }, { 'o', 0x43e }, { 'p', 0x440 },
		{ 't', 0x442 }, { 'u', 0x438 }, { 'x', 0x445 }, { 'y', 0x443 },
		/* Kazakh letters as typed on a Russian keyboard; ё; the
		 * Ukrainian і ї є ў that look like them. */
		{ 0x4d9, 0x430 }, { 0x493, 0x433 }, { 0x49b, 0x43a }, { 0x4a3, 0x43d },
		{ 0x4e9, 0x43e }, { 0x4b1, 0x443 }, { 0x4af, 0x443 }, { 0x4bb, 0x445 },
		{ 0x456, 0x438 }, { 0x451, 0x435 }, { 0x457, 0x438 }, { 0x454, 0x435 },
		{ 0x45e, 0x443 },
		/* ъ is often typed ь (отьезд, обьём). */
		{ 0x44a, 0x44c },
	};

	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (map[i].from == cp)
			return map[i].to;
	return cp;
}

/* The letter a digit or @ stands for, 0 when none. */
static unsigned digit_letter(unsigned cp)
{
	switch (cp) {
	case '0': return 0x43e; /* о */
	case '3': return 0x437; /* з */
	case '4': return 0x447; /* ч */
	case '6': return 0x431; /* б */
	case '@': return 0x430; /* а */
	}
	return 0;
}

/* Invisible: soft hyphen, zero-width characters, combining marks. */
static int ignorable(unsigned cp)
{
	return cp == 0xad || (cp >= 0x300 && cp <= 0x36f) || (cp >= 0x200b && cp <= 0x200f) ||
	       cp == 0x2060 || cp == 0xfeff;
}

static enum kind classify(unsigned cp)
{
	if (screen_is_letter(cp))
		return K_LETTER;
	if (cp >= '0' && cp <= '9')
		return K_DIGIT;
	if (cp == '@')
		return K_AT;
	if (cp != 0 && cp < 0x80 && strchr(".-_*'`~", (int)cp) != NULL)
		return K_JOIN;
	if (cp == 0x2019 || (cp >= 0x2010 && cp <= 0x2013))
		return K_JOIN;
	if (cp == '%' || cp == '$' || cp == 0x20ac || cp == 0x20b8 || cp == 0x20bd)
		return K_SIGN;
	return K_SPACE;
}

static size_t decode(const char *in, struct item *it)
{
	size_t n = 0;

	while (*in != '\0') {
		unsigned cp = screen_utf8_next(&in);
		enum kind k;

		if (ignorable(cp)) {
			/* и + combining breve is й, not и. */
			if (cp == 0x306 && n > 0 && it[n - 1].kind == K_LETTER && it[n - 1].cp == 0x438)
				it[n - 1].cp = 0x439;
			continue;
		}
		if ((k = classify(cp)) == K_SPACE && n > 0 && it[n - 1].kind == K_SPACE)
			continue;
		it[n].kind = k;
		it[n].cp = cp == 'B' ? 0x432 : k == K_LETTER ? fold(screen_lower(cp)) : cp;
		n++;
	}
	return n;
}

static int is_kind(const struct item *it, size_t n, size_t i, enum kind k)
{
	return i < n && it[i].kind == k;
}

/* 0 3 4 6 @ are letters when a lone one touches a letter or a run has
 * letters on both sides; a leftover @ separates words. */
static void fold_digits(struct item *it, size_t n)
{
	for (size_t i = 0; i < n;) {
		size_t j = i;
		int all = 1, left, right;

		if (it[i].kind != K_DIGIT && it[i].kind != K_AT) {
			i++;
			continue;
		}
		for (; j < n && (it[j].kind == K_DIGIT || it[j].kind == K_AT); j++)
			all &= digit_letter(it[j].cp) != 0;
		left = i > 0 && it[i - 1].kind == K_LETTER;
		right = is_kind(it, n, j, K_LETTER);
		for (size_t k = i; k < j; k++) {
			if (all && ((left && right) || (j - i == 1 && (left || right))))
				it[k] = (struct item){ digit_letter(it[k].cp), K_LETTER };
			else if (it[k].kind == K_AT)
				it[k].kind = K_SPACE;
		}
		i = j;
	}
}

/* A run of joiners between two letters or two digits vanishes (with
 * stars, a run of '*' between letters is a run of wildcard letters);
 * elsewhere it separates words. */
static void fold_joiners(struct item *it, size_t n, int stars)
{
	for (size_t i = 0; i < n;) {
		size_t j = i;
		int allstar = 1;
		enum kind left, right;

		if (it[i].kind != K_JOIN) {
			i++;
			continue;
		}
		for (; j < n && it[j].kind == K_JOIN; j++)
			allstar &= it[j].cp == '*';
		left = i > 0 ? it[i - 1].kind : K_SPACE;
		right = j < n ? it[j].kind : K_SPACE;
		for (size_t k = i; k < j; k++) {
			if (stars && allstar && left == K_LETTER && right == K_LETTER)
				it[k].kind = K_LETTER;
			else if (left == right && (left == K_LETTER || left == K_DIGIT))
				it[k].kind = K_DROP;
			else
				it[k].kind = K_SPACE;
		}
		i = j;
	}
}

struct out {
	char *p;
	size_t len, sz;
	int full;
};

static void put(struct out *o, unsigned cp)
{
	char b[4];
	size_t n;

	if (cp < 0x80)
		b[0] = (char)cp, n = 1;
	else if (cp < 0x800)
		b[0] = (char)(0xc0 | cp >> 6), b[1] = (char)(0x80 | (cp & 0x3f)), n = 2;
	else if (cp < 0x10000)
		b[0] = (char)(0xe0 | cp >> 12), b[1] = (char)(0x80 | ((cp >> 6) & 0x3f)),
		b[2] = (char)(0x80 | (cp & 0x3f)), n = 3;
	else
		b[0] = (char)(0xf0 | cp >> 18), b[1] = (char)(0x80 | ((cp >> 12) & 0x3f)),
		b[2] = (char)(0x80 | ((cp >> 6) & 0x3f)), b[3] = (char)(0x80 | (cp & 0x3f)), n = 4;
	if (o->len + n >= o->sz) {
		o->full = 1;
		return;
	}
	memcpy(o->p + o->len, b, n);
	o->len += n;
}

/* The word starting at item i (after dropping K_DROP items): its end and
 * whether it is a single letter. */
static size_t word_end(const struct item *it, size_t n, size_t i)
{
	enum kind k = it[i].kind;

	if (k == K_SIGN)
		return i + 1;
	while (i < n && (it[i].kind == k || it[i].kind == K_DROP))
		i++;
	return i;
}

static int single_letter(const struct item *it, size_t n, size_t i)
{
	size_t e = word_end(it, n, i), c = 0;

	if (it[i].kind != K_LETTER)
		return 0;
	for (; i < e; i++)
		c += it[i].kind == K_LETTER;
	return c == 1;
}

/* The start of the word after the one ending at e, n when none. */
static size_t next_word(const struct item *it, size_t n, size_t e)
{
	while (e < n && (it[e].kind == K_SPACE || it[e].kind == K_DROP))
		e++;
	return e;
}

static void emit(const struct item *it, size_t n, struct out *o)
{
	unsigned last = 0;
	int glue = 0;  /* one-letter words left to join */

	for (size_t i = next_word(it, n, 0); i < n;) {
		size_t e = word_end(it, n, i);

		if (glue == 0) {
			/* Three or more one-letter words in a row are one word. */
			size_t j = i, c = 0;

			while (j < n && single_letter(it, n, j) && c < 1000)
				c++, j = next_word(it, n, word_end(it, n, j));
			glue = c >= 3 ? (int)c : 0;
			if (o->len > 0)
				put(o, ' ');
			last = 0;
		}
		for (size_t k = i; k < e; k++) {
			if (it[k].kind == K_DROP)
				continue;
			if (it[k].kind == K_LETTER && it[k].cp == last && last != '*')
				continue;
			put(o, it[k].cp);
			last = it[k].kind == K_LETTER ? it[k].cp : 0;
		}
		if (glue > 0)
			glue--;
		i = next_word(it, n, e);
	}
}

int screen_norm(const char *in, char *out, size_t outsz, int stars)
{
	struct item *it;
	struct out o = { out, 0, outsz, 0 };
	size_t n;

	if (in == NULL || out == NULL || outsz == 0)
		return -1;
	if ((it = malloc((strlen(in) + 1) * sizeof *it)) == NULL)
		return -1;
	n = decode(in, it);
	fold_digits(it, n);
	fold_joiners(it, n, stars);
	emit(it, n, &o);
	free(it);
	out[o.len] = '\0';
	return o.full ? -1 : (int)o.len;
}

int screen_normalize(const char *in, char *out, size_t outsz)
{
	return screen_norm(in, out, outsz, 0);
}
