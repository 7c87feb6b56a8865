/* P-14 screening: the checks that need no word list.  Links and capitals
 * are looked for in the text as written; phones and prices in the
 * normalized text (screen_normalize), where a number is a run of digit
 * words and a currency is one word.  Small scanners, no regex. */
#include <stdlib.h>
#include <string.h>

#include "screen.h"

/* Copies n bytes of s, cut at a character boundary to fit sz. */
void screen_detail(char *dst, size_t sz, const char *s, size_t n)
{
	if (sz == 0)
		return;
	if (n >= sz) {
		n = sz - 1;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(dst, s, n);
	dst[n] = '\0';
}

/* ---- links ------------------------------------------------------------- */

/* Top-level domains that make "word.tld" a link; Cyrillic ones too.  Not
 * every TLD: a word after a dot without a space ("г.Алматы", "т.б.")
 * must not look like a domain. */
static const char *const tlds[] = {
	"kz", "қаз", "рф", "рус", "ru", "com", "net", "org", "info", "biz", "io", "me", "su",
	"ua", "uz", "kg", "by", "tj", "am", "az", "ge", "tm", "co", "pro", "online", "site",
	"store", "shop", "xyz", "top", "club", "app", "dev", "link", "live", "ly", "gl", "ws",
	"cc", "tv", "eu", "de", "uk", "us", "tk", "ml", "ga", "cf", NULL,
};

#define RUN_MAX 256

static int domain_char(unsigned cp)
{
	return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || cp == '-' || cp == '.' ||
	       (cp >= 0x430 && cp <= 0x4ff && screen_is_letter(cp));
}

static int is_tld(const unsigned *cp, size_t n)
{
	for (size_t i = 0; tlds[i] != NULL; i++) {
		const char *t = tlds[i];
		size_t k = 0;

		while (*t != '\0' && k < n && screen_utf8_next(&t) == cp[k])
			k++;
		if (*t == '\0' && k == n)
			return 1;
	}
	return 0;
}

/* A run of domain characters is a domain when it has two or more
 * non-empty labels and the last is a TLD. */
static int is_domain(const unsigned *cp, size_t n)
{
	size_t dot = n, labels = 1;

	while (n > 0 && (cp[n - 1] == '.' || cp[n - 1] == '-'))
		n--;  /* the full stop after a link */
	for (size_t i = 0; i < n; i++) {
		if (cp[i] != '.')
			continue;
		if (i == 0 || cp[i - 1] == '.')
			return 0;
		dot = i, labels++;
	}
	return labels >= 2 && dot + 1 < n && is_tld(cp + dot + 1, n - dot - 1);
}

/* P-14 advertising: http://, https://, www. or a domain like example.kz. */
int screen_scan_link(const char *text, char *detail, size_t sz)
{
	static const char *const prefixes[] = { "http://", "https://", "www.", NULL };
	unsigned run[RUN_MAX];
	const char *start = text, *p = text;
	size_t n = 0;

	for (size_t i = 0; prefixes[i] != NULL; i++) {
		const char *hit = strcasestr(text, prefixes[i]);

		if (hit != NULL) {
			screen_detail(detail, sz, hit, strcspn(hit, " \t\r\n"));
			return 1;
		}
	}
	for (;;) {
		const char *here = p;
		unsigned cp = *p != '\0' ? screen_lower(screen_utf8_next(&p)) : 0;

		if (cp != 0 && domain_char(cp)) {
			if (n == 0)
				start = here;
			if (n < RUN_MAX)
				run[n++] = cp;
			continue;
		}
		if (n > 0 && is_domain(run, n)) {
			screen_detail(detail, sz, start, (size_t)(here - start));
			return 1;
		}
		n = 0;
		if (cp == 0)
			return 0;
	}
}

/* ---- the words of the normalized text ---------------------------------- */

struct tok {
	const char *s;
	size_t n;
};

static struct tok *split(const char *norm, size_t *np)
{
	size_t cap = 1, n = 0;
	struct tok *t;

	for (const char *p = norm; *p != '\0'; p++)
		cap += *p == ' ';
	if ((t = malloc(cap * sizeof *t)) == NULL)
		return NULL;
	while (*norm != '\0') {
		size_t len = strcspn(norm, " ");

		t[n++] = (struct tok){ norm, len };
		norm += len;
		norm += *norm == ' ';
	}
	*np = n;
	return t;
}

static int numeric(const struct tok *t)
{
	for (size_t i = 0; i < t->n; i++)
		if (t->s[i] < '0' || t->s[i] > '9')
			return 0;
	return t->n > 0;
}

/* Whether t is one of the words of list, as normalized; an entry ending
 * in '*' is a prefix. */
static int tok_in(const struct tok *t, const char *const *list)
{
	for (; *list != NULL; list++) {
		size_t n = strlen(*list);

		if ((*list)[n - 1] == '*') {
			if (t->n >= n - 1 && memcmp(t->s, *list, n - 1) == 0)
				return 1;
		} else if (t->n == n && memcmp(t->s, *list, n) == 0) {
			return 1;
		}
	}
	return 0;
}

/* Written as normalized: тенге and теңге are "тенге", доллар "долар",
 * миллион "милион", мың "мын", KZT "кzт", USD "иsd".  Not "т" (tonnes)
 * nor "р" ("в 3 р. больше"). */
static const char *const currencies[] = {
	"тг", "тенге", "руб*", "долар*", "евро", "кzт", "иsd", "$", "€", "₸", "₽", NULL,
};
static const char *const signs[] = { "$", "€", "₸", "₽", NULL };
static const char *const thousands[] = { "тыс", "тысяч*", "мын", NULL };
static const char *const budget_scale[] = {
	"млн", "млрд", "трлн", "милион*", "милиард*", "трилион*", NULL,
};
static const char *const price_words[] = {
	"цена", "цены", "цену", "цене", "ценой", "прайс*", "бага", "багасы", "багамен", NULL,
};
static const char *const years[] = { "год*", "г", "гг", "жыл*", "ж", NULL };
static const char *const fillers[] = { "от", "до", "всего", "лишь", "только", "тек", "небари", NULL };
static const char *const discounts[] = { "скидк*", "женилдик*", "распродаж*", "дисконт*", NULL };

/* ---- phones ------------------------------------------------------------ */

/* 15 000 000: the groups of an amount, not of a phone number. */
static int thousands_grouped(const int *g, int ng)
{
	if (ng < 2 || g[0] > 3)
		return 0;
	for (int i = 1; i < ng; i++)
		if (g[i] != 3)
			return 0;
	return 1;
}

/* Kazakh and Russian numbers: 11 digits 7 or 8 then a code 3xx..9xx
 * (+7 701, 8 727, +7 916); 10 digits of a Kazakh mobile without the
 * prefix (701 ..., 747 ..., 777 ...). */
static int phone_like(const char *d, int n, const int *g, int ng)
{
	if (thousands_grouped(g, ng))
		return 0;
	if (n == 11)
		return (d[0] == '7' || d[0] == '8') && d[1] >= '3' && d[1] <= '9';
	return n == 10 && d[0] == '7' && strchr("04567", d[1]) != NULL;
}

static int phone_at(const struct tok *t, size_t n, size_t i, char d[12])
{
	int nd = 0, g[11], ng = 0;

	for (size_t j = i; j < n && numeric(&t[j]) && nd + (int)t[j].n <= 11; j++) {
		memcpy(d + nd, t[j].s, t[j].n);
		nd += (int)t[j].n;
		g[ng++] = (int)t[j].n;
		d[nd] = '\0';
		if (phone_like(d, nd, g, ng) &&
		    (j + 1 == n || !(tok_in(&t[j + 1], currencies) || tok_in(&t[j + 1], thousands) ||
		                     tok_in(&t[j + 1], budget_scale))))
			return 1;
	}
	return 0;
}

int screen_scan_phone(const char *norm, char *detail, size_t sz)
{
	size_t n = 0;
	struct tok *t = split(norm, &n);
	char d[12];
	int found = 0;

	if (t == NULL)
		return -1;
	for (size_t i = 0; i < n && !found; i++)
		if (numeric(&t[i]) && phone_at(t, n, i, d)) {
			screen_detail(detail, sz, d, strlen(d));
			found = 1;
		}
	free(t);
	return found;
}

/* ---- prices ------------------------------------------------------------ */

/* Amounts from a million up are budget talk, not prices. */
#define PRICE_LIMIT 1000000ULL

/* The amount of the number ending at token j (groups of three before it
 * belong to it: 15 000); *first gets its first token. */
static unsigned long long amount_back(const struct tok *t, size_t j, size_t *first)
{
	unsigned long long v = 0, mul = 1;
	size_t i = j;

	for (;;) {
		/* A third group of three, or a long number: a million or more. */
		if (t[i].n > 7 || mul > PRICE_LIMIT)
			return PRICE_LIMIT;
		v += strtoull(t[i].s, NULL, 10) * mul;
		mul *= 1000;
		if (i == 0 || !numeric(&t[i - 1]) || t[i].n != 3 || t[i - 1].n > 3)
			break;
		i--;
	}
	*first = i;
	return v;
}

/* A number before a currency (5000 тг, 150 мың теңге, 99 $); not with
 * a budget scale (2 млрд теңге) or from a million up. */
static int price_before(const struct tok *t, size_t i, size_t *first)
{
	unsigned long long scale = 1;
	size_t j = i;

	if (j > 0 && tok_in(&t[j - 1], thousands))
		scale = 1000, j--;
	if (j == 0 || !numeric(&t[j - 1]))
		return 0;
	return amount_back(t, j - 1, first) * scale < PRICE_LIMIT;
}

/* A currency sign before a number: $99, ₸ 500. */
static int price_after(const struct tok *t, size_t n, size_t i, size_t *last)
{
	unsigned long long v = 0;
	size_t j = i + 1;

	if (!tok_in(&t[i], signs) || j >= n || !numeric(&t[j]) || t[j].n > 7)
		return 0;
	v = strtoull(t[j].s, NULL, 10);
	for (; j + 1 < n && numeric(&t[j + 1]) && t[j + 1].n == 3 && v < PRICE_LIMIT; j++)
		v = v * 1000 + strtoull(t[j + 1].s, NULL, 10);
	*last = j;
	if (j + 1 < n && tok_in(&t[j + 1], budget_scale))
		return 0;
	if (j + 1 < n && tok_in(&t[j + 1], thousands))
		v *= 1000, *last = j + 1;
	return v < PRICE_LIMIT;
}

/* "цена 5000", "бағасы: 2000", "цена от 500"; not "бағасы 2025 жылы"
 * nor "цена 2 млрд". */
static int price_word(const struct tok *t, size_t n, size_t i, size_t *last)
{
	size_t j = i + 1;

	if (!tok_in(&t[i], price_words))
		return 0;
	if (j < n && tok_in(&t[j], fillers))
		j++;
	*last = j;
	if (j >= n || !numeric(&t[j]))
		return 0;
	return j + 1 == n || !(tok_in(&t[j + 1], budget_scale) || tok_in(&t[j + 1], years));
}

/* "скидка 50%", "30% жеңілдік": a discount word near a percent sign. */
static int discount(const struct tok *t, size_t n, size_t i, size_t *first, size_t *last)
{
	if (!tok_in(&t[i], discounts))
		return 0;
	for (size_t j = i > 3 ? i - 3 : 0; j < n && j <= i + 3; j++)
		if (t[j].n == 1 && t[j].s[0] == '%') {
			*first = j < i ? j : i, *last = j < i ? i : j;
			return 1;
		}
	return 0;
}

int screen_scan_price(const char *norm, char *detail, size_t sz)
{
	size_t n = 0, first = 0, last = 0;
	struct tok *t = split(norm, &n);
	int found = 0;

	if (t == NULL)
		return -1;
	for (size_t i = 0; i < n && !found; i++) {
		first = last = i;
		if (tok_in(&t[i], currencies))
			found = price_before(t, i, &first) || price_after(t, n, i, &last);
		else
			found = price_word(t, n, i, &last) || discount(t, n, i, &first, &last);
	}
	if (found)
		screen_detail(detail, sz, t[first].s, (size_t)(t[last].s + t[last].n - t[first].s));
	free(t);
	return found;
}

/* ---- capitals ---------------------------------------------------------- */

/* Mostly capitals: three or more words of four letters or more in
 * capitals, and 70% of such words.  Abbreviations in a sentence (ҚР БҒМ,
 * ЖОББМ, ИИН) stay below. */
int screen_scan_shouting(const char *text)
{
	size_t words = 0, caps = 0, len = 0, up = 0;

	for (;;) {
		unsigned cp = *text != '\0' ? screen_utf8_next(&text) : 0;

		if (cp != 0 && screen_is_letter(cp)) {
			len++;
			up += screen_lower(cp) != cp;
			continue;
		}
		if (len >= 4)
			words++, caps += up == len;
		len = up = 0;
		if (cp == 0)
			return caps >= 3 && caps * 10 >= words * 7;
	}
}
