/* P-14 screening (core/screen*.c): the normalization, the flags on texts
 * in Kazakh and Russian with the usual evasions, clean budget texts that
 * must raise no flag, the near-duplicate measure, the P-15 reason codes
 * and the list loader's errors.  The lists are the real data/screen/. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "screen.h"
#include "store.h"

static struct screen_lists *lists;

/* The codes screen_text() raises, space-separated, in its order. */
static const char *codes(const struct screen_lists *l, const char *text, char *buf, size_t sz)
{
	struct screen_flag f[8];
	int n = screen_text(l, text, f, 8);

	buf[0] = '\0';
	if (n < 0)
		fail_msg("screen_text(\"%s\") = %d", text, n);
	for (int i = 0; i < n; i++) {
		size_t len = strlen(buf), add = strlen(f[i].code) + (i > 0);

		assert_true(len + add < sz);
		if (i > 0)
			buf[len++] = ' ';
		memcpy(buf + len, f[i].code, strlen(f[i].code) + 1);
	}
	return buf;
}

/* The detail of the flag with this code, "" when none. */
static const char *detail(const char *text, const char *code, struct screen_flag f[8])
{
	int n = screen_text(lists, text, f, 8);

	for (int i = 0; i < n; i++)
		if (strcmp(f[i].code, code) == 0)
			return f[i].detail;
	return "";
}

static int group_setup(void **state)
{
	struct ob_err err = { 0 };
	char dir[4200];

	(void)state;
	snprintf(dir, sizeof dir, "%s/data/screen", ob_share_dir());
	if ((lists = screen_lists_load(dir, &err)) == NULL) {
		fprintf(stderr, "loading %s: %s line %d: %s\n", dir, err.code, err.line, err.msg);
		return -1;
	}
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	screen_lists_free(lists);
	return 0;
}

/* ---- normalization ------------------------------------------------------ */

static void test_normalize(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "С Л О В О", "слово" },             /* spaced letters */
		{ "XУЙ", "хуй" },                     /* Latin X, capitals */
		{ "хууууй", "хуй" },                  /* repeated letters */
		{ "х.у.й", "хуй" },                   /* dots inside */
		{ "х-у-й х_у_й х*у*й х~у~й", "хуй хуй хуй хуй" },
		{ "х. у. й.", "хуй" },                /* one-letter words */
		{ "х\xe2\x80\x8bу\xc2\xadй", "хуй" }, /* zero-width space, soft hyphen */
		{ "и\xcc\x86", "й" },                 /* и + combining breve */
		{ "п0ка 3ло е6ал @кция", "пока зло ебал акция" },
		{ "cоpок", "сорок" },                 /* Latin c, p */
		{ "ӘҒҚҢӨ ҰҮҺІ әғқңө ұүһі", "агкно ухи агкно ухи" },
		{ "Қазақстан Ёлка", "казакстан елка" },
		{ "2025 жылы 15 мектеп", "2025 жылы 15 мектеп" },
		{ "5000тг 10км", "5000 тг 10 км" },   /* numbers stay numbers */
		{ "300 000 тенге", "300 000 тенге" },
		{ "Цена: 5 000 ₸, скидка 50%!", "цена 5 000 ₸ скидка 50 %" },
		{ "+7 (701) 123-45-67", "7 701 1234567" },
		{ "ОЧЕНЬ   ,,, очень", "очень очень" },
		{ "и т. д., город", "итд город" },
		{ "г. Алматы", "г алматы" },
		{ "Жобалау-сметалық", "жобалаусметалык" },
		{ "", "" },
		{ " \t\r\n ", "" },
		{ "\xf0\x9f\x98\x80 !!! ???", "" },   /* emoji, punctuation */
		{ "\xff\xfe\xc0\xaf", "" },           /* not UTF-8 */
	};
	char out[256];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int n = screen_normalize(cases[i].in, out, sizeof out);

		if (n < 0 || strcmp(out, cases[i].out) != 0)
			fail_msg("screen_normalize(\"%s\") = %d \"%s\", want \"%s\"", cases[i].in, n, out,
			         cases[i].out);
		assert_int_equal(n, (int)strlen(out));
	}
}

static void test_normalize_size(void **state)
{
	/* Every Latin look-alike doubles in size: 2 * len + 1 is enough. */
	const char *in = "xaxaxaxaxa";
	char out[2 * 10 + 1];

	(void)state;
	assert_int_equal(screen_normalize(in, out, sizeof out), 20);
	assert_string_equal(out, "хахахахаха");
	assert_int_equal(screen_normalize(in, out, sizeof out - 1), -1);
	assert_int_equal(screen_normalize("слово", out, 4), -1);
	assert_int_equal(screen_normalize(NULL, out, sizeof out), -1);
	assert_int_equal(screen_normalize("a", NULL, 8), -1);
	assert_int_equal(screen_normalize("a", out, 0), -1);
}

/* ---- flags ---------------------------------------------------------------- */

static const struct {
	const char *text, *codes;
} flagged[] = {
	/* Russian obscene words and their evasions. */
	{ "Да пошли вы нахуй со своим бюджетом", "obscene" },
	{ "Это xуйня, а не программа развития", "obscene" },         /* Latin x */
	{ "Полный п и з д е ц с дорогами в районе", "obscene" },     /* spaced */
	{ "Депутаты совсем охуели", "obscene" },                      /* prefix */
	{ "Ремонт дорог у нас пиииииздец", "obscene" },               /* repeated */
	{ "Бл.я.дь, опять ямы на дороге", "obscene" },                /* dots */
	{ "ЁБАНЫЙ СТЫД ЭТОТ ПРОЕКТ ДОРОГИ", "obscene shouting" },     /* capitals */
	{ "Какой же это бл*дь бюджет", "obscene" },                   /* masked */
	{ "х_у_й вам, а не парк", "obscene" },                        /* underscores */
	{ "Ну и е6ал я такие проекты", "obscene" },                   /* 6 for б */
	{ "ПИ3ДЕЦ", "obscene" },                                       /* 3 for з */
	{ "Ну ты и сука", "obscene" },
	/* Kazakh obscene words. */
	{ "Мына әкім нағыз қотақ екен", "obscene" },
	{ "Шешеңді ұрайын, жол қашан жөнделеді?", "obscene" },
	{ "Бұл жоба Қ О Т А Қ", "obscene" },                          /* spaced */
	{ "cіктір бәріңе", "obscene" },                                /* Latin c */
	/* Insults, Russian and Kazakh. */
	{ "Акимат — идиоты и бездельники", "insulting" },
	{ "Вы все дебилы в этом министерстве", "insulting" },
	{ "Чиновники — ворюги и мрази", "insulting" },
	{ "Тупые у вас решения", "insulting" },
	{ "Этот депутат — kpeтин", "insulting" },                     /* Latin k, p, e */
	{ "Вы и.д.и.о.т.ы", "insulting" },
	{ "Әкімдегілер ақымақ па?", "insulting" },
	{ "Сендер нағыз мәңгүрттерсіңдер", "insulting" },
	{ "Бұл шешімді тек а қ ы м а қ қабылдайды", "insulting" },     /* spaced */
	{ "Депутаттар oңбаған", "insulting" },                         /* Latin o */
	{ "Иттің баласы, қашан жөндейсің?", "insulting" },
	{ "Акакымак", "" },                                            /* not a word start */
	/* Advertising, links, phones, prices. */
	{ "Купите пластиковые окна со скидкой!", "advertising" },
	{ "Звоните прямо сейчас: +7 701 123 45 67", "advertising phone" },
	{ "Акция! Только сегодня", "advertising" },
	{ "Тегін жеткізу, тапсырыс беріңіз", "advertising" },
	{ "Сатып алыңыз! Хабарласыңыз: 8 (777) 123-45-67", "advertising phone" },
	{ "Жеңілдік 30%, бағасы 5000 тг", "price" },
	{ "Подробнее на www.okna-almaty.kz", "link" },
	{ "Смотрите https://example.com/promo", "link" },
	{ "Біздің сайт: example.kz", "advertising link" },
	{ "Пишите на info@mail.ru", "link" },
	{ "Подписка t.me/okna_kz", "link" },
	{ "Қосымша ақпарат: сайт.қаз", "link" },
	{ "Тел. 87011234567", "phone" },
	{ "+7 (727) 250-00-00", "empty phone" },
	{ "звоните 8-701-123-45-67", "advertising phone" },
	{ "Мой номер 701 123 45 67", "phone" },
	{ "Цена 5000, торг", "price" },
	{ "Всего 199 руб за штуку", "price" },
	{ "Окна от $99", "price" },
	{ "Скидки до 70% на всё", "price" },
	{ "Стоимость 50 000 ₸", "price" },
	{ "Продаю ноутбук за 150 мың теңге", "price" },
	/* Capitals, empty texts. */
	{ "ДОРОГИ В НАШЕМ РАЙОНЕ НИКТО НЕ РЕМОНТИРУЕТ", "shouting" },
	{ "", "empty" },
	{ "!!! ??? ...", "empty" },
	{ "12345", "empty" },
	{ "\xf0\x9f\x98\x80\xf0\x9f\x98\x80", "empty" },
};

static void test_flags(void **state)
{
	char got[128];

	(void)state;
	for (size_t i = 0; i < sizeof flagged / sizeof flagged[0]; i++)
		if (strcmp(codes(lists, flagged[i].text, got, sizeof got), flagged[i].codes) != 0)
			fail_msg("\"%s\": got \"%s\", want \"%s\"", flagged[i].text, got, flagged[i].codes);
}

/* Real budget-discussion sentences; several hold the words the lists
 * must not catch (дұрыс, жалақы, маңда, қатынас, шешендік, хлеб,
 * психолог, оскорбление, потребление, дебиторская, застрахуем,
 * кретинизм, болванки, мандат, сравнение) and budget amounts. */
static const char *const clean[] = {
	"Бағдарлама бойынша мектептер санын көбейту ұсынылады",
	"2025 жылы 15 мектеп салу жоспарланған, бірақ ауылдық жерлерде жолдар жөнделмеген",
	"Дұрыс шешім: жалақыны көтеріп, жалпы білім беретін мектептерге қаражат бөлу керек",
	"Осы маңда балабақша жоқ, 2026 жылы салуды сұраймыз",
	"Азаматтармен қатынас сапасын арттыру және шешендік өнер үйірмелерін ашу",
	"Мемлекеттік сатып алу қорытындысы бойынша 1,5 млрд теңге үнемделді",
	"Сыбайлас жемқорлыққа қарсы іс-қимыл бағдарламасына 250 млн теңге бөлу ұсынылады",
	"Зейнеткерлерге салықтық жеңілдіктер беру мәселесін қарастыру қажет",
	"Қаңғыбас иттерді аулауға бөлінген қаражатты ұлғайту керек",
	"Мектептерге жана компьютерлер алу керек, калада жолдар нашар",
	"Ауылдық округтердегі су құбырын жөндеуге 2025-2027 жылдары 3 млрд теңге қарастырылсын",
	"Предлагаю увеличить финансирование школ на 15% и отремонтировать дороги в 2025 году",
	"Стоимость хлеба в школьных столовых растёт, нужен контроль закупок",
	"В каждой школе должен работать психолог",
	"Публичное оскорбление граждан чиновниками должно наказываться",
	"Потребление электроэнергии в больницах снизилось на 12 %",
	"Дебиторская задолженность по программе составила 3,2 млрд тенге",
	"Застрахуем муниципальный транспорт и закупим 40 автобусов",
	"Бесплатное питание в школах и доставка учебников в сёла",
	"Необходимо купить 20 машин скорой помощи для районных больниц",
	"Скрининг дегенеративных заболеваний и профилактика эндемического кретинизма",
	"Мандат депутата маслихата, г. Алматы, т. е. расходы на ремонт и т. д.",
	"Выделено 87 000 000 000 тенге на ремонт 1 200 км дорог",
	"Сравнение с 2024 годом показывает рост на 7,5 %, см. ст. 15 Бюджетного кодекса",
	"Поддоны для склада и болванки для мастерских колледжа",
	"ИИН 850101300123, БИН 040340001234, срок до 01.04.2026",
	"Раздел 3.2 паспорта: целевой индикатор 95,5 процента; ЖОО мен ҚР БҒМ",
	"На 2026 год предусмотрено 1 250 000 тыс. тенге на строительство",
};

static void test_clean(void **state)
{
	char got[128];

	(void)state;
	for (size_t i = 0; i < sizeof clean / sizeof clean[0]; i++)
		if (strcmp(codes(lists, clean[i], got, sizeof got), "") != 0)
			fail_msg("clean text flagged \"%s\": \"%s\"", got, clean[i]);
}

/* Every line of the demo word lists (budget texts in both languages)
 * passes the word lists. */
static void test_clean_demo(void **state)
{
	static const char *const files[] = { "programs", "goals", "tasks", "expected", "reasons",
	                                     "audit", "invest", "basis", NULL };
	char path[4300], line[2048];
	struct screen_flag f[8];
	int lines = 0;

	(void)state;
	for (size_t k = 0; files[k] != NULL; k++) {
		FILE *fp;

		snprintf(path, sizeof path, "%s/data/demo/%s.txt", ob_share_dir(), files[k]);
		assert_non_null(fp = fopen(path, "r"));
		while (fgets(line, sizeof line, fp) != NULL) {
			int n = screen_text(lists, line, f, 8);

			lines++;
			for (int i = 0; i < n; i++)
				if (strcmp(f[i].code, SCREEN_EMPTY) != 0 && strcmp(f[i].code, SCREEN_PRICE) != 0)
					fail_msg("%s.txt: %s %s: %s", files[k], f[i].code, f[i].detail, line);
		}
		fclose(fp);
	}
	assert_true(lines > 100);
}

static void test_details(void **state)
{
	struct screen_flag f[8];
	const char *d;

	(void)state;
	d = detail("Это xуйня", SCREEN_OBSCENE, f);
	assert_true(strncmp(d, "хуйня (obscene-ru.txt:", strlen("хуйня (obscene-ru.txt:")) == 0);
	d = detail("Әкімдегілер ақымақ па?", SCREEN_INSULTING, f);
	assert_true(strncmp(d, "акымак (insulting-kk.txt:", strlen("акымак (insulting-kk.txt:")) == 0);
	assert_string_equal(detail("Подробнее на www.okna-almaty.kz.", SCREEN_LINK, f),
	                    "www.okna-almaty.kz.");
	assert_string_equal(detail("Сайт okna-almaty.kz.", SCREEN_LINK, f), "okna-almaty.kz.");
	assert_string_equal(detail("Тел. +7 (701) 123-45-67", SCREEN_PHONE, f), "77011234567");
	assert_string_equal(detail("Окна за 5000тг!", SCREEN_PRICE, f), "5000 тг");
	assert_string_equal(detail("Окна за 15 000 ₸", SCREEN_PRICE, f), "15 000 ₸");
	assert_string_equal(detail("Бағасы: 2000", SCREEN_PRICE, f), "багасы 2000");
	assert_string_equal(detail("", SCREEN_EMPTY, f), "");
}

/* max bounds the flags; NULL lists run only the list-free checks. */
static void test_limits(void **state)
{
	const char *text = "ЗВОНИТЕ, ИДИОТЫ: 87011234567, WWW.OKNA.KZ, ЦЕНА 5000";
	struct screen_flag f[8];
	char got[128];

	(void)state;
	assert_string_equal(codes(lists, text, got, sizeof got),
	                    "insulting advertising link phone price shouting");
	assert_string_equal(codes(NULL, text, got, sizeof got), "link phone price shouting");
	assert_int_equal(screen_text(lists, text, f, 2), 2);
	assert_string_equal(f[0].code, "insulting");
	assert_string_equal(f[1].code, "advertising");
	assert_int_equal(screen_text(lists, text, f, 0), 0);
	assert_int_equal(screen_text(lists, text, NULL, 8), 0);
	assert_int_equal(screen_text(lists, NULL, f, 8), 1);
	assert_string_equal(f[0].code, "empty");
}

/* Any bytes: no crash, no overflow (ASan), results in range. */
static void test_garbage(void **state)
{
	static const char alphabet[] = "aхУ03@.-_* \xd0\xb9\xd2\x9b\xff\xc0\x80%$\xe2\x82\xb8"
	                               "78+()kz";
	uint32_t seed = 2025;
	char text[1001], norm[2 * sizeof text + 1];
	struct screen_flag f[8];

	(void)state;
	for (int round = 0; round < 3000; round++) {
		size_t len = (seed >> 8) % (sizeof text);

		for (size_t i = 0; i < len; i++) {
			seed = seed * 1103515245u + 12345u;
			text[i] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
		}
		text[len] = '\0';
		seed = seed * 1103515245u + 12345u;
		assert_true(screen_normalize(text, norm, 2 * len + 1) >= 0);
		assert_in_range(screen_text(lists, text, f, 8), 0, 8);
		if (round % 50 == 0) {
			double s = screen_similarity(text, norm);

			assert_true(s >= 0.0 && s <= 1.0);
		}
	}
}

/* ---- near-duplicates ------------------------------------------------------ */

static void test_similarity(void **state)
{
	const char *a = "Предлагаю построить новую школу в микрорайоне Жетысу до 2026 года, "
	                "так как существующая переполнена и дети учатся в три смены";
	const char *a_case = "ПРЕДЛАГАЮ построить новую школу в микрорайоне «Жетысу» до 2026 года!!! "
	                     "Так как существующая переполнена, и дети учатся в три смены.";
	const char *a_edit = "Предлагаю построить новую школу в микрорайоне Жетысу до 2027 года, "
	                     "так как существующая переполнена и дети учатся в три смены";
	const char *b = "Нужно увеличить зарплату учителям и врачам сельских больниц, а также "
	                "отремонтировать дорогу до районного центра";
	const char *k1 = "Ауылдағы мектепке жаңа спорт залын салу қажет, балалар қыста далада "
	                 "жаттығады";
	const char *k2 = "Ауылдағы мектепке жаңа спорт залын салу қажет! Балалар қыста далада "
	                 "жаттығады.";
	const char *k3 = "Облыс орталығындағы аурухананы жөндеуге қаражат бөлуді сұраймыз";

	(void)state;
	assert_true(screen_similarity(a, a) == 1.0);
	assert_true(screen_similarity(a, a_case) >= 0.8);
	assert_true(screen_similarity(a, a_edit) >= 0.6);
	assert_true(screen_similarity(a, a_edit) < 1.0);
	assert_true(screen_similarity(a, b) <= 0.3);
	assert_true(screen_similarity(a, b) == screen_similarity(b, a));
	assert_true(screen_similarity(k1, k2) >= 0.8);
	assert_true(screen_similarity(k1, k3) <= 0.3);
	assert_true(screen_similarity(a, k1) <= 0.3);
	/* Short texts: character 5-grams. */
	assert_true(screen_similarity("Жол салу керек", "жол салу керек!") == 1.0);
	assert_true(screen_similarity("Жол салу керек", "Жолды салу керек") >= 0.4);
	assert_true(screen_similarity("Жол салу керек", "Мектеп жөндеу") <= 0.3);
	assert_true(screen_similarity("дом", "дом") == 1.0);
	assert_true(screen_similarity("дом", "кот") == 0.0);
	/* Empty texts. */
	assert_true(screen_similarity("", "") == 1.0);
	assert_true(screen_similarity("!!!", "...") == 1.0);
	assert_true(screen_similarity("", a) == 0.0);
	assert_true(screen_similarity(NULL, a) == 0.0);
}

/* ---- P-15 reasons ---------------------------------------------------------- */

static void test_reasons(void **state)
{
	static const char *const want[] = { "obscene", "insulting", "advertising", "spam",
	                                    "off-topic", "duplicate", "other" };
	size_t n = 0;

	(void)state;
	while (screen_reasons[n] != NULL)
		n++;
	assert_int_equal(n, sizeof want / sizeof want[0]);
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(screen_reasons[i], want[i]);
		assert_true(screen_reason_valid(want[i]));
	}
	assert_false(screen_reason_valid(NULL));
	assert_false(screen_reason_valid(""));
	assert_false(screen_reason_valid("Obscene"));
	assert_false(screen_reason_valid("spam "));
	assert_false(screen_reason_valid("link"));
	assert_false(screen_reason_valid("offtopic"));
}

/* ---- the list loader -------------------------------------------------------- */

static const char *const list_names[] = { "obscene-ru.txt", "obscene-kk.txt", "insulting-ru.txt",
	                                  "insulting-kk.txt", "advertising.txt" };

static void write_file(const char *dir, const char *name, const char *text)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	assert_non_null(f = fopen(path, "w"));
	fputs(text, f);
	fclose(f);
}

/* Five small valid lists in dir. */
static void write_lists(const char *dir)
{
	for (size_t i = 0; i < 5; i++)
		write_file(dir, list_names[i], "# a list\n\nслово\n=ой\n*корень\n!исключение\n");
}

static void test_load_real(void **state)
{
	(void)state;
	assert_true(screen_lists_count(lists) > 150);
	assert_int_equal(screen_lists_count(NULL), 0);
	screen_lists_free(NULL);
}

static void test_load_errors(void **state)
{
	static const struct {
		const char *file, *text, *code;
		int line;
	} cases[] = {
		{ "obscene-kk.txt", "# x\nслово\nаб\n", "screen-lists", 3 },         /* short stem */
		{ "insulting-ru.txt", "=а\n", "screen-lists", 1 },                  /* short word */
		{ "advertising.txt", "# x\n\nabc1\n", "screen-lists", 3 },          /* a digit */
		{ "advertising.txt", "цена ₸\n", "screen-lists", 1 },               /* a sign */
		{ "obscene-ru.txt", "слово\n\xff\xfe\n", "screen-lists", 2 },       /* not UTF-8 */
		{ "insulting-kk.txt", "!\n", "screen-lists", 1 },                   /* empty */
		{ "obscene-ru.txt", "hui\n", "screen-lists", 1 },                   /* "ни" */
	};
	char dir[] = "/tmp/ob-screen-XXXXXX", path[600], want[64], longline[400];
	struct ob_err err = { 0 };
	struct screen_lists *l;

	(void)state;
	assert_non_null(mkdtemp(dir));
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		write_lists(dir);
		write_file(dir, cases[i].file, cases[i].text);
		ob_err_clear(&err);
		assert_null(screen_lists_load(dir, &err));
		snprintf(want, sizeof want, "%s:%d:", cases[i].file, cases[i].line);
		if (strcmp(err.code, cases[i].code) != 0 || err.line != cases[i].line ||
		    strncmp(err.msg, want, strlen(want)) != 0)
			fail_msg("case %zu: %s line %d: %s", i, err.code, err.line, err.msg);
	}
	/* A line too long to be an entry. */
	write_lists(dir);
	memset(longline, 'x', sizeof longline - 2);
	longline[sizeof longline - 2] = '\n', longline[sizeof longline - 1] = '\0';
	write_file(dir, "advertising.txt", longline);
	assert_null(screen_lists_load(dir, &err));
	assert_string_equal(err.code, "screen-lists");
	assert_int_equal(err.line, 1);
	/* A missing file. */
	write_lists(dir);
	snprintf(path, sizeof path, "%s/advertising.txt", dir);
	assert_int_equal(unlink(path), 0);
	assert_null(screen_lists_load(dir, &err));
	assert_string_equal(err.code, "screen-lists");
	assert_non_null(strstr(err.msg, "advertising.txt"));
	/* A byte order mark and CRLF line ends are fine. */
	write_lists(dir);
	write_file(dir, "obscene-ru.txt", "\xef\xbb\xbf# list\r\nслово\r\n=ой\r\n");
	assert_non_null(l = screen_lists_load(dir, &err));
	assert_int_equal(screen_lists_count(l), 4 * 4 + 2);
	screen_lists_free(l);
	assert_null(screen_lists_load(NULL, &err));
	assert_string_equal(err.code, "argument");
	for (size_t i = 0; i < 5; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, list_names[i]);
		unlink(path);
	}
	assert_int_equal(rmdir(dir), 0);
}

/* The entry kinds: stem, =word, *root, !exception, phrases. */
static void test_entry_kinds(void **state)
{
	char dir[] = "/tmp/ob-screen-XXXXXX", path[600], got[128];
	struct ob_err err = { 0 };
	struct screen_lists *l;

	(void)state;
	assert_non_null(mkdtemp(dir));
	write_lists(dir);
	write_file(dir, "obscene-ru.txt", "плох\n=гад\n*дрян\n!задрянка\nочень злой\n");
	assert_non_null(l = screen_lists_load(dir, &err));
	assert_string_equal(codes(l, "плохой", got, sizeof got), "obscene");
	assert_string_equal(codes(l, "неплохой", got, sizeof got), "");
	assert_string_equal(codes(l, "гад", got, sizeof got), "obscene");
	assert_string_equal(codes(l, "гадкий", got, sizeof got), "");
	assert_string_equal(codes(l, "передрянь", got, sizeof got), "obscene");
	assert_string_equal(codes(l, "задрянка", got, sizeof got), "");
	assert_string_equal(codes(l, "он очень злой", got, sizeof got), "obscene");
	assert_string_equal(codes(l, "очень добрый и злой", got, sizeof got), "");
	assert_string_equal(codes(l, "слово", got, sizeof got), "obscene insulting advertising");
	screen_lists_free(l);
	for (size_t i = 0; i < 5; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, list_names[i]);
		unlink(path);
	}
	assert_int_equal(rmdir(dir), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_normalize),
		cmocka_unit_test(test_normalize_size),
		cmocka_unit_test(test_flags),
		cmocka_unit_test(test_clean),
		cmocka_unit_test(test_clean_demo),
		cmocka_unit_test(test_details),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_garbage),
		cmocka_unit_test(test_similarity),
		cmocka_unit_test(test_reasons),
		cmocka_unit_test(test_load_real),
		cmocka_unit_test(test_load_errors),
		cmocka_unit_test(test_entry_kinds),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
