/* An oversight reader in the browser (issue 7.2-7.6, A-6, A-11, A-12),
 * after tests/e2e/oversight_console.sh, against the stack of
 * tests/browser/run.sh and the test NCALayer:
 *   - set-up through the API, as the e2e test does it: a maslikhat of the
 *     region with the most local documents is registered (obctl), asks
 *     access for an employee with a request signed with its legal-entity
 *     certificate, the operator approves and grants it (signed decisions);
 *     a citizen sends a proposal and a vote to a document of the region, so
 *     that its page has rows;
 *   - the employee signs in on /console/kk/ with the body's authentication
 *     certificate issued to them (the body's BIN, their IIN) through the
 *     page's button and NCALayer; sees the body, its scope and exactly the
 *     documents in scope; opens one; the instructions (A-12) and the
 *     request form (A-8); kk and ru; every page visit in the audit log;
 *   - a document outside the scope: the console's HTML error page, 404,
 *     err.document-unknown, the same as a document that does not exist;
 *   - logs out: the session is gone;
 *   - axe-core and screenshots of every page, kk and ru.
 * Environment (run.sh): BASE_URL, PKI, SCREENSHOTS, DB. */
'use strict';

const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const t = require('./lib');

const NS = 'urn:obkz:doc:1';
const PKI = process.env.PKI;
const sql = (q) => execFileSync('sqlite3', ['-separator', '\t', process.env.DB, q], { encoding: 'utf8' }).trim();
const obctl = (...args) => execFileSync(path.join(path.dirname(process.env.DB), '..', 'obctl'),
	['--db', process.env.DB, ...args], { encoding: 'utf8' });
const sh = (script, ...args) => execFileSync('sh', [path.join(t.ROOT, script), ...args],
	{ cwd: t.ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const iin = (digits) => sh('tests/pki/iin.sh', digits).trim();

// The region with the most local documents: the maslikhat's (A-6), and
// what it may read: the local budgets of the oblast.
const REGION = sql(`SELECT a.region FROM documents d JOIN administrators a ON a.id = d.admin_id
	WHERE a.region IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`);
const IN_SCOPE_SQL = `a.level != 'republican' AND substr(a.region, 1, 2) = substr('${REGION}', 1, 2)`;
const IN_SCOPE = Number(sql(`SELECT count(*) FROM documents d JOIN administrators a ON a.id = d.admin_id
	WHERE ${IN_SCOPE_SQL}`));
const ALL = Number(sql('SELECT count(*) FROM documents'));
// A document in scope in discussion (to propose and vote on) and its goal part.
const [IN_DOC, IN_NUMBER, IN_GOAL] = sql(`SELECT d.id, d.number, p.id FROM documents d
	JOIN administrators a ON a.id = d.admin_id JOIN parts p ON p.doc_id = d.id AND p.key = 'goal'
	WHERE ${IN_SCOPE_SQL} AND d.status = 'in-discussion' ORDER BY d.id LIMIT 1`).split('\t');
// A republican document: outside the maslikhat's scope.
const [OUT_DOC, OUT_NUMBER] = sql(`SELECT d.id, d.number FROM documents d JOIN administrators a
	ON a.id = d.admin_id WHERE a.region IS NULL ORDER BY d.id LIMIT 1`).split('\t');
const NO_DOC = 99999999;

const BIN = iin('12345678901');
const READER = iin('90010130001');
const READER_NAME = 'СЕЙТҚАЛИ АЙГЕРІМ';
const BODY = { kk: 'Облыстық мәслихат (синтетикалық)', ru: 'Областной маслихат (синтетические данные)' };
const PROPOSAL_TEXT = 'Субсидия алушылардың тізімін жариялау ұсынылады (синтетикалық сынақ).';

/* A document signed as NCALayer signs it (tests/pki/sign.sh) with
 * PKI/users/KEY and posted to /api/ENDPOINT; " NONCE" in xml becomes a
 * fresh nonce.  {status, body}. */
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ob-oversight-'));
async function signedPost(endpoint, key, xml) {
	const challenge = await (await fetch(t.url('api/challenge'))).text();
	const nonce = (challenge.match(/ nonce="([0-9a-f]+)"/) || [])[1];
	const file = path.join(tmp, 'in.xml');
	fs.writeFileSync(file, `<?xml version="1.0" encoding="UTF-8"?>\n${xml.replace(' NONCE', ` nonce="${nonce}"`)}\n`);
	const signed = execFileSync('sh', ['tests/pki/sign.sh', file, `${PKI}/users/${key}.key`,
		`${PKI}/users/${key}.pem`, `${PKI}/inter/cert.pem`], { cwd: t.ROOT });
	const res = await fetch(t.url(`api/${endpoint}`),
		{ method: 'POST', headers: { 'Content-Type': 'application/xml' }, body: signed });
	return { status: res.status, body: await res.text() };
}
const attr = (xml, name) => (xml.match(new RegExp(` ${name}="([^"]*)"`)) || [])[1];

// The reader's entries in the audit log (issue 7.5).
const audits = (action, object) => Number(sql(`SELECT count(*) FROM oversight_audit
	WHERE iin = '${READER}' AND bin = '${BIN}' AND action = '${action}' AND object = '${object}'`));

/* The rows of table.rows-NAME, each an object keyed by column: the
 * column's name is the ov.col.KEY whose string heads it. */
async function rows(page, lang, name) {
	const table = page.locator(`table.rows-${name}`);
	if (await table.count() !== 1)
		return null;
	const names = Object.entries(t.strings(lang)).filter(([k]) => k.startsWith('ov.col.'));
	const keys = (await table.locator('thead th').allTextContents())
		.map((h) => (names.find(([, v]) => v === h.trim()) || [`?${h}`])[0].slice('ov.col.'.length));
	const cells = await table.locator('tbody tr').evaluateAll((trs) =>
		trs.map((tr) => [...tr.cells].map((td) => td.textContent.trim())));
	return cells.map((c) => Object.fromEntries(keys.map((k, i) => [k, c[i]])));
}

async function setUp() {
	t.check(`documents in and out of the scope of a maslikhat of ${REGION} (${IN_SCOPE} of ${ALL})`,
		IN_SCOPE > 0 && IN_SCOPE < ALL && IN_DOC && IN_GOAL && OUT_DOC,
		`in: ${IN_DOC} ${IN_NUMBER} goal ${IN_GOAL}; out: ${OUT_DOC}`);
	const id = obctl('oversight', 'body', 'add', '--kind', 'maslikhat', '--bin', BIN, '--region', REGION,
		'--name-kk', BODY.kk, '--name-ru', BODY.ru).trim();
	t.check('the maslikhat is registered (obctl oversight body add)', /^\d+$/.test(id), id);
	// The body signs with its certificate; its employee signs in with the
	// body's authentication certificate issued to them (A-11): in the test
	// NCALayer, identity ov-reader, whose AUTHENTICATION key is ov-reader-auth.
	const reader = `/CN=${READER_NAME}/serialNumber=IIN${READER}/C=KZ/O=SYNTHETIC MASLIKHAT/OU=BIN${BIN}`;
	sh('tests/pki/issue.sh', PKI, 'maslikhat', `/CN=МӘСЛИХАТ ХАТШЫСЫ/serialNumber=IIN780305500031/C=KZ/O=SYNTHETIC MASLIKHAT/OU=BIN${BIN}`);
	sh('tests/pki/issue.sh', PKI, 'ov-reader', reader);
	sh('tests/pki/issue.sh', PKI, 'ov-reader-auth', reader, 'auth');

	let r = await signedPost('oversight/requests', 'maslikhat', `<oversight-request xmlns="${NS}" NONCE>` +
		`<full-name>${READER_NAME}</full-name><iin>${READER}</iin><position>бас маман</position>` +
		`<unit>бюджет бөлімі</unit><qr>EQYZMET:SYNTHETIC:${READER}</qr><phone>+7 700 000 00 00</phone>` +
		'<purpose>Бюджеттің атқарылуын талдау</purpose></oversight-request>');
	t.eq('the body\'s signed request (A-8): 201', 201, r.status);
	const request = attr(r.body, 'request');
	for (const decision of ['approve', 'grant']) {
		r = await signedPost('oversight/decisions', 'staff',
			`<oversight-decision xmlns="${NS}" NONCE request="${request}" decision="${decision}"></oversight-decision>`);
		t.eq(`the operator's signed ${decision} (A-9): 201`, 201, r.status);
	}
	t.eq('the reader has one account at the body', '1',
		sql(`SELECT count(*) FROM oversight_accounts WHERE iin = '${READER}' AND bin = '${BIN}' AND blocked IS NULL`));

	r = await signedPost('proposals', 'citizen', `<proposal xmlns="${NS}" NONCE document="${IN_NUMBER}" ` +
		`part="${IN_GOAL}" lang="kk"><text>${PROPOSAL_TEXT}</text></proposal>`);
	t.eq(`a citizen's proposal to ${IN_NUMBER}: 201`, 201, r.status);
	r = await signedPost('votes', 'citizen', `<vote xmlns="${NS}" NONCE document="${IN_NUMBER}" choice="for"></vote>`);
	t.eq('... and a vote for it: 201', 201, r.status);
}

async function signIn(page, nca) {
	nca.setIdentity('ov-reader');
	nca.setMode('ok');
	await page.goto(t.url('console/kk/'));
	const form = page.locator('form.ob-sign[data-kind="login"]');
	t.check('the sign-in form is enabled by the script', await form.isVisible());
	const before = nca.requests.length;
	await form.locator('button[type="submit"]').click();
	await page.waitForSelector('nav.console-bar', { timeout: 30000 }).catch(async (e) => {
		const h1 = await page.locator('h1').textContent().catch(() => '?');
		throw new Error(`the page after signing in: ${page.url()} "${h1}"\n${e.message}`);
	});
	const asked = nca.requests.slice(before).at(-1);
	t.check('signed in with the AUTHENTICATION key', asked && asked.keyType === 'AUTHENTICATION', JSON.stringify(asked));
	const cookie = (await page.context().cookies()).find((c) => c.name === 'ob_session');
	t.check('the session cookie is HttpOnly and SameSite=Strict',
		cookie && cookie.httpOnly && cookie.sameSite === 'Strict', JSON.stringify(cookie));
	t.eq('the console bar names the reader', READER_NAME, (await page.locator('nav.console-bar .who strong').textContent()).trim());
	t.check('the home console links to the oversight console',
		await page.locator('ul.consoles a[href="/console/kk/oversight"]').isVisible());
	t.eq('... and to no other console (no operator, administrator role)', 0,
		await page.locator('main a[href="/console/kk/operator"], main a[href="/console/kk/admin"], main a[href="/console/kk/requests"]').count());
}

// The account block of an oversight page: the body and its scope.
async function account(page, lang, what) {
	const dd = page.locator('dl.account dd');
	t.eq(`${what}: the body`, BODY[lang], (await dd.nth(0).textContent()).trim());
	t.eq(`${what}: the scope (kind and region)`, `${t.str(lang, 'ov.kind.maslikhat')} (KATO ${REGION})`,
		(await dd.nth(1).textContent()).replace(/\s+/g, ' ').trim());
}

async function main() {
	const { context, close } = await t.launch();
	const nca = await t.startNcaLayer();
	const page = await context.newPage();
	const errors = [];
	page.on('pageerror', (e) => errors.push(e.message));

	await t.step('set-up: a maslikhat, its employee\'s access granted (signed API calls)', setUp);

	await t.step('the reader signs in (A-11)', async () => {
		await signIn(page, nca);
		await t.axe(page, 'oversight reader\'s home kk');
		await t.screenshot(page, 'console-oversight-home-kk');
	});

	await t.step('the oversight console (A-6)', async () => {
		for (const lang of ['kk', 'ru']) {
			const logged = audits('page', 'oversight');
			const res = await page.goto(t.url(`console/${lang}/oversight`));
			t.eq(`oversight ${lang}: 200`, 200, res.status());
			t.eq(`oversight ${lang}: the title`, t.str(lang, 'console.title.oversight'), (await page.locator('h1').textContent()).trim());
			await account(page, lang, `oversight ${lang}`);
			const docs = await rows(page, lang, 'documents');
			t.eq(`oversight ${lang}: one row per document in scope (drafts included)`, IN_SCOPE, docs && docs.length);
			t.check(`oversight ${lang}: every row is of a local administrator of the region`,
				docs && docs.every((d) => d.level !== 'republican' && d.region.slice(0, 2) === REGION.slice(0, 2)),
				JSON.stringify((docs || []).find((d) => d.level === 'republican' || d.region.slice(0, 2) !== REGION.slice(0, 2))));
			t.check(`oversight ${lang}: the document ${IN_NUMBER} is linked, ${OUT_NUMBER} is not`,
				await page.locator(`a[href="/console/${lang}/oversight/doc/${IN_DOC}"]`).count() === 1 &&
				await page.locator(`a[href="/console/${lang}/oversight/doc/${OUT_DOC}"]`).count() === 0);
			const compliance = await rows(page, lang, 'compliance');
			t.check(`oversight ${lang}: the compliance record`, compliance && compliance.length > 0);
			t.eq(`oversight ${lang}: the visit is in the audit log`, logged + 1, audits('page', 'oversight'));
			await t.axe(page, `oversight console ${lang}`);
			await t.screenshot(page, `console-oversight-${lang}`);
		}
	});

	await t.step(`a document in scope (${IN_NUMBER})`, async () => {
		const doc = `oversight/doc/${IN_DOC}`;
		// kk: from the console's list; ru: the language switch of the page.
		await page.goto(t.url('console/kk/oversight'));
		await page.locator(`a[href="/console/kk/${doc}"]`).click();
		await page.waitForURL(`**/console/kk/${doc}`);
		for (const lang of ['kk', 'ru']) {
			if (lang === 'ru') {
				await page.locator('nav.langs a[hreflang="ru"]').click();
				await page.waitForURL(`**/console/ru/${doc}`);
			}
			t.eq(`document ${lang}: the title`, t.str(lang, 'console.title.oversight-doc'), (await page.locator('h1').textContent()).trim());
			await account(page, lang, `document ${lang}`);
			t.eq(`document ${lang}: the way back to the list`, `/console/${lang}/oversight`,
				await page.getByRole('link', { name: t.str(lang, 'ov.back'), exact: true }).getAttribute('href'));
			const proposals = await rows(page, lang, 'proposals');
			t.check(`document ${lang}: the citizen's proposal, awaiting moderation (in words), with its text`,
				proposals && proposals.length === 1 && proposals[0].document === IN_NUMBER &&
				proposals[0].status === t.str(lang, 'pstatus.pending') && proposals[0].text === PROPOSAL_TEXT,
				JSON.stringify(proposals));
			const votes = await rows(page, lang, 'votes');
			t.check(`document ${lang}: the votes by day (one for)`, votes && votes.length === 1 &&
				votes[0].document === IN_NUMBER && votes[0].for === '1' && votes[0].against === '0', JSON.stringify(votes));
			t.eq(`document ${lang}: the visits are in the audit log`, lang === 'kk' ? 1 : 2, audits('page', doc));
			await t.axe(page, `oversight document ${lang}`);
			await t.screenshot(page, `console-oversight-doc-${lang}`);
		}
	});

	await t.step('the instructions (A-12) and the request form (A-8)', async () => {
		for (const lang of ['kk', 'ru']) {
			let res = await page.goto(t.url(`console/${lang}/instructions`));
			t.eq(`instructions ${lang}: 200`, 200, res.status());
			t.eq(`instructions ${lang}: the title`, t.str(lang, 'console.title.instructions'), (await page.locator('h1').textContent()).trim());
			const headings = Object.entries(t.strings(lang)).filter(([k]) => k.startsWith('ov.help.h')).map(([, v]) => v);
			t.eq(`instructions ${lang}: every section (ov.help.h*)`, headings.join(' | '),
				(await page.locator('main h2').allTextContents()).map((h) => h.trim()).join(' | '));
			t.check(`instructions ${lang}: the reader is still signed in`, await page.locator('nav.console-bar').isVisible());
			await t.axe(page, `instructions ${lang}`);
			await t.screenshot(page, `console-instructions-${lang}`);

			res = await page.goto(t.url(`console/${lang}/request`));
			t.eq(`request form ${lang}: 200`, 200, res.status());
			const form = page.locator('form.ob-sign[data-kind="oversight-request"]');
			t.check(`request form ${lang}: enabled by the script, posted to /api/oversight/requests`,
				await form.isVisible() && await form.getAttribute('action') === '/api/oversight/requests');
			await t.axe(page, `request form ${lang}`);
			await t.screenshot(page, `console-request-${lang}`);
		}
	});

	await t.step(`a document outside the scope (${OUT_NUMBER})`, async () => {
		for (const lang of ['ru', 'kk']) {
			const doc = `oversight/doc/${OUT_DOC}`;
			const refused = audits('refused', doc);
			const res = await page.goto(t.url(`console/${lang}/${doc}`));
			t.eq(`outside the scope ${lang}: 404`, 404, res.status());
			t.check(`outside the scope ${lang}: an HTML page in the console's layout`,
				/^text\/html/.test(res.headers()['content-type'] || '') &&
				await page.locator('html').getAttribute('lang') === lang &&
				await page.locator('header.site').count() === 1 && await page.locator('footer.site').count() === 1 &&
				await page.locator('nav.console-bar').isVisible(), res.headers()['content-type']);
			t.eq(`outside the scope ${lang}: the title`, t.str(lang, 'console.title.error'), (await page.locator('h1').textContent()).trim());
			const alert = page.locator('main [role="alert"]');
			t.eq(`outside the scope ${lang}: the message of err.document-unknown, role="alert"`,
				t.str(lang, 'err.document-unknown'), await alert.count() === 1 ? (await alert.textContent()).trim() : null);
			t.eq(`outside the scope ${lang}: the way back to the console`, `/console/${lang}/`,
				await page.getByRole('link', { name: t.str(lang, 'console.error.back'), exact: true }).getAttribute('href'));
			t.check(`outside the scope ${lang}: the page does not name the document`,
				!(await page.locator('main').textContent()).includes(OUT_NUMBER));
			t.eq(`outside the scope ${lang}: logged as refused`, refused + 1, audits('refused', doc));
			await t.axe(page, `error page (outside the scope) ${lang}`);
			await t.screenshot(page, `console-error-${lang}`);
		}
		// The text, not the HTML: axe-core leaves attributes behind.
		const outside = await page.locator('main').innerText();
		const res = await page.goto(t.url(`console/kk/oversight/doc/${NO_DOC}`));
		const absent = await page.locator('main').innerText();
		t.check('a document that does not exist: the same 404 page, as if the other did not exist',
			res.status() === 404 && absent === outside, `${res.status()}\noutside: ${outside}\nabsent: ${absent}`);
	});

	await t.step('the reader logs out', async () => {
		await page.goto(t.url('console/ru/oversight'));
		await page.locator('form.logout button').click();
		await page.waitForSelector('form.ob-sign[data-kind="login"]');
		t.check('logged out: back on the sign-in page (ru)', new URL(page.url()).pathname === '/console/ru/' &&
			!(await page.locator('nav.console-bar').count()), page.url());
		t.check('... the cookie is gone', !(await context.cookies()).some((c) => c.name === 'ob_session'));
		t.eq('... the session is ended in the database', '0',
			sql(`SELECT count(*) FROM sessions WHERE iin = '${READER}' AND ended IS NULL`));
		const res = await page.goto(t.url('console/kk/oversight'));
		t.eq('... the oversight console needs a new sign-in: 401', 401, res.status());
		t.check('... and shows the sign-in form', await page.locator('form.ob-sign[data-kind="login"]').isVisible());
	});

	t.eq('no script errors on the console pages', '', errors.join('\n'));
	nca.close();
	await close();
	fs.rmSync(tmp, { recursive: true, force: true });
}

main().then(() => process.exit(t.finish()), (e) => {
	t.notOk('the oversight test ran to the end', e.stack);
	process.exit(1);
});
