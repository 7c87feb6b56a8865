/* The staff in the browser (issue 6.2-6.4), after citizen.js, against the
 * stack of tests/browser/run.sh and the test NCALayer:
 *   - a citizen sends two proposals to a passport of the demo administrator;
 *   - the operator signs in with the authentication key (issue 6.2), sees
 *     both in the queue with their part, due date and days left, refuses
 *     one with a reason and a justification and publishes the other, each
 *     signed in NCALayer with the signing key (P-15); logs out;
 *   - the administrator signs in, answers the published proposal (P-16),
 *     checks a document with two errors (both listed with their lines),
 *     then a good one, signs and posts it (P-9): it opens its discussion;
 *   - after obgen --watch, the static page shows the published proposal,
 *     the answer and the tallies, and not the refused one;
 *   - axe-core and screenshots of every console page, kk and ru.
 * Environment (run.sh): BASE_URL, PKI, SCREENSHOTS, DB, ADMIN_CODE. */
'use strict';

const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const t = require('./lib');

const ADMIN = `admin-${process.env.ADMIN_CODE}`;
const sql = (q) => execFileSync('sqlite3', ['-separator', '\t', process.env.DB, q], { encoding: 'utf8' }).trim();
const sqlText = (s) => s.replace(/'/g, "''");
const obctl = (...args) => execFileSync(path.join(path.dirname(process.env.DB), '..', 'obctl'),
	['--db', process.env.DB, ...args], { encoding: 'utf8' });

// A passport of the demo administrator in discussion, its goal part, its page.
const [DOC_ID, DOC] = sql(`SELECT d.id, d.number FROM documents d JOIN administrators a ON a.id = d.admin_id
	WHERE a.code = '${process.env.ADMIN_CODE}' AND a.region IS NULL AND d.kind = 'passport'
	AND d.status = 'in-discussion' ORDER BY d.id LIMIT 1`).split('\t');
const DOC_PAGE = `doc/${Math.floor(Number(DOC_ID) / 100)}/${DOC_ID}.html`;
const TEXT_REFUSE = 'Купите окна со скидкой 50% (синтетический тест модерации).';
const TEXT_PUBLISH = 'Добавить показатель доли отремонтированных дорог (синтетический тест).';

const proposalId = (text) => sql(`SELECT id FROM proposals WHERE text = '${sqlText(text)}'`);

async function signIn(page, nca, who, lang) {
	nca.setIdentity(who);
	nca.setMode('ok');
	await page.goto(t.url(`console/${lang}/`));
	const form = page.locator('form.ob-sign[data-kind="login"]');
	t.check(`${who}: the sign-in form is enabled by the script`, await form.isVisible());
	const before = nca.requests.length;
	await form.locator('button[type="submit"]').click();
	await page.waitForSelector('nav.console-bar', { timeout: 30000 });
	const asked = nca.requests.slice(before).at(-1);
	t.check(`${who}: signed in with the AUTHENTICATION key`, asked && asked.keyType === 'AUTHENTICATION',
		JSON.stringify(asked));
	const cookie = (await page.context().cookies()).find((c) => c.name === 'ob_session');
	t.check(`${who}: the session cookie is HttpOnly and SameSite=Strict`,
		cookie && cookie.httpOnly && cookie.sameSite === 'Strict', JSON.stringify(cookie));
}

async function pages(page, paths, name) {
	for (const lang of ['kk', 'ru']) {
		await page.goto(t.url(`console/${lang}/${paths}`));
		await t.axe(page, `${name} ${lang}`);
		await t.screenshot(page, `${name}-${lang}`);
	}
}

async function main() {
	const { context, close } = await t.launch();
	const nca = await t.startNcaLayer();
	const page = await context.newPage();
	const errors = [];
	page.on('pageerror', (e) => errors.push(e.message));

	await t.step('the sign-in page', async () => {
		await pages(page, '', 'console-signin');
		t.check('it offers to sign in with the EDS', await page.locator('form.ob-sign[data-kind="login"]').isVisible());
	});

	await t.step(`a citizen sends two proposals to ${DOC}`, async () => {
		nca.setIdentity('citizen');
		await page.goto(t.url(`ru/${DOC_PAGE}`));
		const form = page.locator('form.ob-sign[data-kind="proposal"]');
		for (const text of [TEXT_REFUSE, TEXT_PUBLISH]) {
			await form.locator('#ob-text').fill(text);
			const r = await t.submit(form, form.locator('button[type="submit"]'));
			t.check(`proposal "${text.slice(0, 20)}…": accepted`, !r.error && r.href, r.text);
		}
	});
	const refuse = proposalId(TEXT_REFUSE), publish = proposalId(TEXT_PUBLISH);
	t.check('both are stored, pending', refuse && publish &&
		sql(`SELECT count(*) FROM proposals WHERE id IN (${refuse}, ${publish}) AND status = 'pending'`) === '2');

	await t.step('the operator moderates (P-15)', async () => {
		await signIn(page, nca, 'staff', 'kk');
		t.check('the home console links to the queue', await page.locator('a[href="/console/kk/operator"]').first().isVisible());
		await pages(page, 'operator', 'console-operator');
		await page.goto(t.url('console/kk/operator'));
		const a = page.locator(`#p${refuse}`), b = page.locator(`#p${publish}`);
		t.check('both proposals are in the queue', await a.isVisible() && await b.isVisible());
		t.check('... with their document and structural part', (await a.locator('dl.facts').textContent()).includes(DOC));
		t.check('... the due date and the working days left',
			/\d\d\.\d\d\.\d{4} — /.test(await a.locator('dd.due').textContent()));
		t.check('... and the screening\'s flag (a price)', await a.locator('li.flag-price').count() === 1);
		nca.setIdentity('staff');
		const refuseForm = a.locator('form.refuse');
		await refuseForm.locator('select[name="reason"]').selectOption('advertising');
		await refuseForm.locator('textarea[name="justification"]').fill('Реклама товаров (синтетический тест).');
		let r = await t.submit(refuseForm, refuseForm.locator('button[type="submit"]'));
		t.check('refused with a reason: accepted', !r.error && r.href, r.text);
		t.check('... signed with the SIGNATURE key', nca.requests.at(-1).keyType === 'SIGNATURE');
		const publishForm = b.locator('form.publish');
		r = await t.submit(publishForm, publishForm.locator('button[type="submit"]'));
		t.check('published: accepted', !r.error && r.href, r.text);
		t.eq('the database has one refused (advertising) and one published',
			'refused advertising|published', sql(`SELECT p.status || ' ' || ifnull(m.reason, '') FROM proposals p
				JOIN moderation m ON m.proposal_id = p.id WHERE p.id IN (${refuse}, ${publish}) ORDER BY p.id`).replace('\n', '|'));
		await page.goto(t.url('console/kk/operator'));
		t.check('the queue no longer shows them', await page.locator(`#p${refuse}, #p${publish}`).count() === 0);
		await page.locator('form.logout button').click();
		await page.waitForSelector('form.ob-sign[data-kind="login"]');
		t.check('logged out: back on the sign-in page', !(await page.locator('nav.console-bar').count()));
		const res = await page.goto(t.url('console/kk/operator'));
		t.eq('... and the queue needs a new sign-in', 401, res.status());
	});

	await t.step('the administrator answers and posts (P-16, P-9)', async () => {
		await signIn(page, nca, ADMIN, 'ru');
		await pages(page, 'admin', 'console-admin');
		await page.goto(t.url('console/ru/admin'));
		const item = page.locator(`#p${publish}`);
		t.check('the published proposal awaits an answer, with the days left', await item.isVisible() &&
			/\d\d\.\d\d\.\d{4} — /.test(await item.locator('dd.due').textContent()));
		const form = item.locator('form.answer');
		await form.locator('input[value="accepted"]').check();
		await form.locator('textarea[name="justification"]').fill('Показатель будет добавлен в следующей версии (синтетика).');
		nca.setIdentity(ADMIN);
		const r = await t.submit(form, form.locator('button[type="submit"]'));
		t.check('the answer: accepted', !r.error && r.href, r.text);

		// A new passport: the demo's exported, renumbered; first broken twice.
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ob-upload-'));
		const good = obctl('export', DOC).replace(/ number="[^"]*"/, ` number="BP-2026-${process.env.ADMIN_CODE}-988"`)
			.replace(/ discussion-end="[^"]*"/, '');
		const bad = good.replace(/ year="\d+"/, ' year="20x6"').replace('<title>', '<title bogus="1">');
		fs.writeFileSync(path.join(dir, 'bad.xml'), bad);
		fs.writeFileSync(path.join(dir, 'good.xml'), good);
		const up = page.locator('form.ob-sign[data-kind="document"]');
		await up.locator('input[type="file"]').setInputFiles(path.join(dir, 'bad.xml'));
		await up.locator('button[value="check"]').click();
		await up.locator('ul.ob-problems li').first().waitFor({ timeout: 30000 });
		const problems = await up.locator('ul.ob-problems li').allTextContents();
		t.eq('the check lists both schema errors', 2, problems.length);
		t.check('... each with its line', problems.every((p) => /\d/.test(p)), problems.join(' | '));
		t.check('... and signing stays disabled', await up.locator('button[value="sign"]').isDisabled());
		await t.screenshot(page, 'console-admin-check-ru');
		await up.locator('input[type="file"]').setInputFiles(path.join(dir, 'good.xml'));
		await up.locator('button[value="check"]').click();
		await t.poll(async () => !(await up.locator('button[value="sign"]').isDisabled()), 'the check to pass');
		t.eq('the good one has no problems', 0, await up.locator('ul.ob-problems li').count());
		const posted = await t.submit(up, up.locator('button[value="sign"]'));
		t.check('signed and posted: accepted', !posted.error && posted.href, posted.text);
		t.eq('... it is stored and in discussion (P-9)', 'in-discussion',
			sql(`SELECT status FROM documents WHERE number = 'BP-2026-${process.env.ADMIN_CODE}-988'`));
		fs.rmSync(dir, { recursive: true, force: true });
	});

	await t.step('the static page after regeneration', async () => {
		const html = await t.poll(async () => {
			const h = await (await fetch(t.url(`ru/${DOC_PAGE}`))).text();
			return h.includes(`id="proposal-${publish}"`) && h.includes('class="answer accepted"') && h;
		}, 'the answer on the static page');
		t.check('the published proposal and its text', html.includes(TEXT_PUBLISH));
		t.check('... its answer (accepted)', html.includes('class="answer accepted"'));
		t.check('the refused one is not shown', !html.includes(TEXT_REFUSE));
		t.check('the tallies are there', /class="num votes-for">\d+</.test(html) && /class="num votes-against">\d+</.test(html));
	});

	t.eq('no script errors on the console pages', '', errors.join('\n'));
	nca.close();
	await close();
}

main().then(() => process.exit(t.finish()), (e) => {
	t.notOk('the staff test ran to the end', e.stack);
	process.exit(1);
});
