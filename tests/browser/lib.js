/* Shared helpers of the browser tests (tests/browser/*.js, driven by
 * tests/browser/run.sh): Debian's chromium through playwright-core, the
 * accessibility check (axe-core), screenshots, the test NCALayer, the UI
 * strings, and one line per assertion ("ok: ..." / "not ok: ...") like the
 * shell tests (tests/e2e/lib.sh).
 *
 *   const t = require('./lib');
 *   const { context } = await t.launch();
 *   const nca = await t.startNcaLayer({ pki: process.env.PKI });
 *   const page = await context.newPage();
 *   await page.goto(t.url('kk/'));
 *   await t.axe(page, 'home kk');          // an assertion line
 *   await t.screenshot(page, 'home-kk');   // $SCREENSHOTS/home-kk.png
 *   t.check('...', condition);  t.eq('...', expected, actual);
 *   await t.poll(async () => ..., 'what');  // bounded polling, no sleeps
 *   process.exit(t.finish());
 */
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');
const ncalayer = require('./ncalayer');

const ROOT = path.resolve(__dirname, '..', '..');
const BASE_URL = (process.env.BASE_URL || 'http://127.0.0.1:8080/').replace(/\/?$/, '/');
const SCREENSHOTS = process.env.SCREENSHOTS || path.join(ROOT, 'build', 'screenshots');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

let failures = 0;

function ok(what) { console.log(`ok: ${what}`); }
function notOk(what, why) {
	failures++;
	console.log(`not ok: ${what}`);
	if (why)
		for (const line of String(why).split('\n').slice(0, 8))
			console.log(`#   ${line}`);
}
function check(what, cond, why) { if (cond) ok(what); else notOk(what, why); return !!cond; }
function eq(what, expected, actual) {
	return check(what, expected === actual, `expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}
// Runs one step; an exception is a failed assertion, not the end of the run.
async function step(what, fn) {
	try {
		await fn();
	} catch (e) {
		notOk(what, e.stack || e.message);
	}
}
function finish() { return failures === 0 ? 0 : 1; }

const url = (p) => BASE_URL + String(p).replace(/^\//, '');

/* Polls fn until it returns a truthy value, every interval ms, at most
 * tries times; returns the value or throws.  The only waiting the tests do. */
async function poll(fn, what, { tries = 100, interval = 100 } = {}) {
	let last;
	for (let i = 0; i < tries; i++) {
		last = await fn();
		if (last)
			return last;
		await new Promise((r) => setTimeout(r, interval));
	}
	throw new Error(`gave up waiting for ${what} (${tries} × ${interval} ms)`);
}

/* Chromium headless, with a fresh profile (removed by close()).  The test
 * NCALayer's certificate is self-signed, hence --ignore-certificate-errors. */
async function launch(opts = {}) {
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ob-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		ignoreHTTPSErrors: true,
		viewport: { width: 1280, height: 900 },
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
			'--disable-background-networking', '--disable-component-update', '--disable-sync',
			'--ignore-certificate-errors'],
		...opts,
	});
	const close = async () => {
		await context.close();
		fs.rmSync(profile, { recursive: true, force: true });
	};
	return { context, close };
}

/* axe-core on the page as it is: no violation of impact serious or critical
 * (one assertion line).  page.evaluate is not subject to the page's CSP
 * (script-src 'self'), so the real headers stay on. */
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
async function axe(page, what) {
	await page.evaluate(AXE);
	const found = await page.evaluate(async () => {
		// eslint-disable-next-line no-undef
		const r = await axe.run(document, { resultTypes: ['violations'] });
		return r.violations
			.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')})`);
	});
	return check(`accessibility (axe-core, serious or critical): ${what}`, found.length === 0, found.join('\n'));
}

async function screenshot(page, name) {
	fs.mkdirSync(SCREENSHOTS, { recursive: true });
	const file = path.join(SCREENSHOTS, `${name}.png`);
	await page.screenshot({ path: file, fullPage: true });
	return file;
}

/* The test NCALayer (tests/browser/ncalayer.js) on its usual port: pages
 * connect to wss://127.0.0.1:13579 and nowhere else (CSP connect-src). */
function startNcaLayer(opts = {}) {
	return ncalayer.start({ pki: process.env.PKI, port: 13579, ...opts });
}

/* The UI strings of templates/i18n/LANG.xml, by key. */
const stringsCache = {};
function strings(lang) {
	if (!stringsCache[lang]) {
		const xml = fs.readFileSync(path.join(ROOT, 'templates', 'i18n', `${lang}.xml`), 'utf8');
		const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
			.replace(/&apos;/g, "'").replace(/&amp;/g, '&');
		stringsCache[lang] = {};
		for (const m of xml.matchAll(/<s key="([^"]+)">([\s\S]*?)<\/s>/g))
			stringsCache[lang][m[1]] = unescape(m[2]);
	}
	return stringsCache[lang];
}
const str = (lang, key) => {
	const s = strings(lang)[key];
	if (s === undefined)
		throw new Error(`no string ${key} in templates/i18n/${lang}.xml`);
	return s;
};

/* Submits a form.ob-sign by clicking button and waits for portal.js's
 * verdict in its .ob-status: {text, error, href (the receipt link)}. */
async function submit(form, button) {
	const status = form.locator('.ob-status');
	await status.evaluate((p) => { p.textContent = ''; p.className = 'ob-status'; });
	await button.click();
	await status.locator('xpath=self::*[contains(@class, "ob-error") or .//a[contains(@class, "ob-receipt")]]')
		.waitFor({ timeout: 30000 });
	const link = status.locator('a.ob-receipt');
	return {
		text: (await status.textContent()).trim(),
		error: await status.evaluate((p) => p.classList.contains('ob-error')),
		href: (await link.count()) ? await link.getAttribute('href') : null,
	};
}

async function receiptStatus(href) {
	const xml = await (await fetch(new URL(href, BASE_URL))).text();
	return (xml.match(/ status="([^"]*)"/) || [])[1];
}

module.exports = {
	ROOT, BASE_URL, SCREENSHOTS, url, ok, notOk, check, eq, step, finish, poll,
	launch, axe, screenshot, startNcaLayer, strings, str, submit, receiptStatus,
};
