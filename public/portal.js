/* public/portal.js: signing in the browser (issue 6).  Served as
 * /static/portal.js only on pages where something is signed: a document in
 * open discussion (votes P-11, proposals P-13, P-14) and the staff consoles
 * (moderation P-15, answers P-16, documents P-9, P-10, sign-in).  Reading
 * the portal never needs it; without it the forms stay hidden.
 *
 * The contract with the pages (templates/discussion.xsl, the consoles of
 * obfcgi, templates/console.xsl): every <form class="ob-sign"> is enabled here, and says
 *   data-kind  the root element of the XML to sign: vote, proposal,
 *              moderation, answer, login (schema/submission.xsd) or document;
 *   action     where the signed XML is POSTed (/api/votes, ...);
 *   data-key   AUTHENTICATION for login, otherwise the signing key;
 *   data-next  (login) where to go once signed in.
 * Its named controls give the attributes and child elements of the root; a
 * submit button may carry one (name="choice" value="for").  A form of kind
 * "document" has a file input name="file", a hidden input name="csrf" and two
 * buttons: value="check" (POST the file to ACTION/check; type button or
 * submit) and a submit button of any other value (sign and POST it; enabled
 * after a successful check).  Its problems go to <ul class="ob-problems">
 * when the form has one.  Paragraphs .ob-nojs and .needs-script ("taking
 * part needs JavaScript") are hidden.
 * A textarea with maxlength and data-counter="ID" updates <output id="ID">.
 * Every text shown comes from <template id="ob-messages"> (i18n js.* keys):
 * the page's own language, kk or ru (P-3).
 *
 * Signing is NCALayer's, over its local WebSocket.  Two protocols exist: the
 * module kz.gov.pki.knca.basics (method sign, named args, answer {status,
 * body: {result}}) and the older kz.gov.pki.knca.commonUtils (method
 * signXml, positional args, answer {code, responseObject}).  basics first;
 * an NCALayer without it answers {errorCode: "MODULE_NOT_FOUND"}, and then
 * commonUtils is asked on the same connection.  CSP (nginx/portal.conf.in)
 * allows this one WebSocket address and no inline script. */
(function () {
	'use strict';

	const NS = 'urn:obkz:doc:1';
	const XML_NS = 'http://www.w3.org/XML/1998/namespace';
	const NCALAYER = 'wss://127.0.0.1:13579/';
	// Extended key usages NCA puts in certificates: signing, client auth.
	const EKU = { SIGNATURE: '1.3.6.1.5.5.7.3.4', AUTHENTICATION: '1.3.6.1.5.5.7.3.2' };
	// Where NCALayer may find keys: a file (PKCS#12), Kaztoken, the ID card, tokens.
	const STORAGES = ['PKCS12', 'AKKaztokenStore', 'AKKZIDCardStore', 'AKEToken72KStore', 'AKJaCartaStore'];

	// The attributes and child elements of each root, in the order of
	// schema/submission.xsd; empty ones are left out (optional ones only:
	// the server refuses a request that lacks a required one).
	const KINDS = {
		vote: { attrs: ['document', 'proposal', 'choice'], children: [] },
		proposal: { attrs: ['document', 'part', 'lang'], children: ['text'], required: ['text'] },
		moderation: { attrs: ['proposal', 'decision', 'reason'], children: ['justification'] },
		answer: { attrs: ['proposal', 'decision', 'lang'], children: ['justification'], required: ['justification'] },
		login: { attrs: [], children: [] },
		// Order No. 270: oversight bodies and the operator.
		'oversight-request': {
			attrs: [], children: ['full-name', 'iin', 'position', 'unit', 'qr', 'phone', 'email', 'purpose'],
			required: ['full-name', 'iin', 'position', 'unit', 'qr', 'purpose'],
		},
		'oversight-decision': { attrs: ['request', 'decision'], children: ['justification'] },
		'oversight-block': { attrs: ['iin', 'left', 'reason'], children: [] },
	};

	const lang = document.documentElement.lang || 'kk';

	/* An expected failure: KEY names its message (js.KEY); detail follows it. */
	class Refusal extends Error {
		constructor(key, detail, vars) {
			super(key);
			this.key = key;
			this.detail = detail || '';
			this.vars = vars;
		}
	}

	/* ---- messages -------------------------------------------------------- */

	const messages = document.getElementById('ob-messages');

	// js.KEY in the page's language, with {name} replaced from vars.
	function msg(key, vars) {
		const span = messages && messages.content.querySelector('[data-k="' + key + '"]');
		let text = span ? span.textContent : key;
		for (const [name, value] of Object.entries(vars || {}))
			text = text.split('{' + name + '}').join(String(value));
		return text;
	}

	// The form's <p class="ob-status" role="status">, made when missing.
	function statusOf(form) {
		let p = form.querySelector('.ob-status');
		if (!p) {
			p = document.createElement('p');
			p.className = 'ob-status';
			p.setAttribute('role', 'status');
			p.setAttribute('aria-live', 'polite');
			form.append(p);
		}
		return p;
	}

	// Replaces the status with text and any further nodes (a link, a list).
	function say(form, text, ...nodes) {
		const p = statusOf(form);
		p.replaceChildren(text, ...nodes.flatMap((n) => [' ', n]));
		p.classList.toggle('ob-error', false);
		return p;
	}

	function sayError(form, err) {
		const key = err instanceof Refusal ? err.key : 'network';
		const p = say(form, msg(key, err.vars) + (err.detail ? ' ' + err.detail : ''));
		p.classList.add('ob-error');
		if (!(err instanceof Refusal))
			console.error(err);   // a bug, not a refusal: keep it for whoever debugs
	}

	/* ---- counting characters (P-14) --------------------------------------- */

	// P-14 counts characters: Unicode code points, not UTF-16 units.
	const length = (s) => [...s].length;

	// The browser's maxlength counts UTF-16 units and would stop a text of
	// 1000 characters that has any outside the BMP; the limit moves to
	// data-max and is checked here and by the server (422 text-too-long).
	function setupCounter(area) {
		const max = Number(area.getAttribute('maxlength'));
		const out = document.getElementById(area.dataset.counter);
		area.dataset.max = String(max);
		area.removeAttribute('maxlength');
		const update = () => {
			const n = length(area.value);
			const over = n > max;
			if (out) {
				out.value = msg('counter', { n, max });
				out.classList.toggle('ob-over', over);
			}
			if (over)
				area.setAttribute('aria-invalid', 'true');
			else
				area.removeAttribute('aria-invalid');
		};
		area.addEventListener('input', update);
		update();
	}

	/* ---- the XML to sign ------------------------------------------------- */

	// A named control's value; the button that submitted has its own.
	function field(form, submitter, name) {
		if (submitter && submitter.name === name)
			return submitter.value;
		const el = form.elements.namedItem(name);
		if (!el || typeof el.value !== 'string')
			return '';
		return el.value;
	}

	// Refuses what the server would refuse anyway, before NCALayer is asked.
	function validate(form, kind) {
		for (const name of KINDS[kind].required || []) {
			const el = form.elements.namedItem(name);
			if (el && el.value.trim() === '') {
				el.focus();
				throw new Refusal('empty');
			}
		}
		for (const area of form.querySelectorAll('textarea[data-max]')) {
			const n = length(area.value), max = Number(area.dataset.max);
			if (n > max) {
				area.focus();
				throw new Refusal('too-long', '', { n, max });
			}
		}
	}

	// The request as a DOM document, serialized: never string concatenation,
	// so that no text a person typed can change the XML's structure.
	function buildXml(form, submitter, kind, nonce) {
		const spec = KINDS[kind];
		const doc = document.implementation.createDocument(NS, kind, null);
		const root = doc.documentElement;
		root.setAttribute('nonce', nonce);
		for (const name of spec.attrs) {
			const v = field(form, submitter, name).trim();
			if (v !== '')
				root.setAttribute(name, v);
		}
		for (const name of spec.children) {
			const v = field(form, submitter, name);
			if (v.trim() !== '')
				root.appendChild(doc.createElementNS(NS, name)).textContent = v;
		}
		return new XMLSerializer().serializeToString(doc);
	}

	/* ---- NCALayer --------------------------------------------------------- */

	function basicsRequest(xml, keyType) {
		return {
			module: 'kz.gov.pki.knca.basics',
			method: 'sign',
			args: {
				allowedStorages: STORAGES,
				format: 'xml',
				data: xml,
				// decode/encapsulate/digested only matter for CMS.
				signingParams: { decode: false, encapsulate: true, digested: false },
				signerParams: { extKeyUsageOids: [EKU[keyType]], chain: [] },
				locale: lang,
			},
		};
	}

	function legacyRequest(xml, keyType) {
		return {
			module: 'kz.gov.pki.knca.commonUtils',
			method: 'signXml',
			args: ['PKCS12', keyType, xml, '', ''],
		};
	}

	// Signs xml with NCALayer; resolves to the signed XML.  Rejects with a
	// Refusal: ncalayer-down, cancelled, or cert-refused.
	function sign(xml, keyType) {
		return new Promise((resolve, reject) => {
			let ws, protocol = 'basics', done = false;
			const finish = (fn, value) => {
				if (done)
					return;
				done = true;
				ws.close();
				fn(value);
			};
			try {
				ws = new WebSocket(NCALAYER);
			} catch (e) {
				reject(new Refusal('ncalayer-down'));
				return;
			}
			ws.onopen = () => ws.send(JSON.stringify(basicsRequest(xml, keyType)));
			// Refused connection, or NCALayer quit before answering.
			ws.onerror = () => finish(reject, new Refusal('ncalayer-down'));
			ws.onclose = () => finish(reject, new Refusal('ncalayer-down'));
			ws.onmessage = (ev) => {
				let a;
				try {
					a = JSON.parse(ev.data);
				} catch (e) {
					return;           // "--heartbeat--" and the like
				}
				if (a === null || typeof a !== 'object')
					return;
				if (a.result && a.result.version && !('status' in a) && !('code' in a))
					return;           // the greeting: {"result": {"version": "1.4"}}
				if (protocol === 'basics' && (a.errorCode === 'MODULE_NOT_FOUND' || a.success === false)) {
					protocol = 'legacy';   // an NCALayer without the basics module
					ws.send(JSON.stringify(legacyRequest(xml, keyType)));
					return;
				}
				if ('status' in a) {       // basics
					if (a.status !== true)
						finish(reject, new Refusal('cert-refused', a.message || a.code || ''));
					else if (a.body && a.body.result)
						finish(resolve, Array.isArray(a.body.result) ? a.body.result[0] : a.body.result);
					else
						finish(reject, new Refusal('cancelled'));   // status true, empty body
					return;
				}
				if (String(a.code) === '200' && typeof a.responseObject === 'string')
					finish(resolve, a.responseObject);
				else if (/cancel/i.test(String(a.message)))         // "action.canceled"
					finish(reject, new Refusal('cancelled'));
				else
					finish(reject, new Refusal('cert-refused', a.message || ''));
			};
		});
	}

	/* ---- the portal's API (docs/api.md) ----------------------------------- */

	const parseXml = (text) => {
		const doc = new DOMParser().parseFromString(text, 'application/xml');
		return doc.getElementsByTagName('parsererror').length ? null : doc;
	};

	// The child <message> in the page's language (xml:lang, or lang).
	function messageIn(el) {
		const all = [...el.children].filter((m) => m.localName === 'message');
		const mine = all.find((m) => (m.getAttributeNS(XML_NS, 'lang') || m.getAttribute('lang')) === lang);
		return (mine || all[0] || { textContent: '' }).textContent.trim();
	}

	// POST; resolves to { status, doc } (doc: the answer's XML, or null).
	// A failed fetch is "network"; an <error> is "server-refused" followed
	// by the server's own message in the page's language.
	async function post(url, body, form) {
		const headers = { 'Content-Type': 'application/xml' };
		const csrf = form.elements.namedItem('csrf');
		if (csrf && csrf.value)
			headers['X-CSRF-Token'] = csrf.value;
		let res, text;
		try {
			res = await fetch(url, { method: 'POST', headers, body, credentials: 'same-origin' });
			text = await res.text();
		} catch (e) {
			throw new Refusal('network');
		}
		const doc = parseXml(text);
		const root = doc && doc.documentElement;
		if (root && root.localName === 'error')
			throw new Refusal('server-refused', messageIn(root) || root.getAttribute('code'));
		if (!res.ok && !(root && root.localName === 'check'))
			throw new Refusal('server-refused', 'HTTP ' + res.status);
		return { status: res.status, doc };
	}

	async function challenge(form) {
		let res, doc;
		try {
			res = await fetch(new URL('/api/challenge', form.action), { credentials: 'same-origin' });
			doc = parseXml(await res.text());
		} catch (e) {
			throw new Refusal('network');
		}
		const nonce = doc && doc.documentElement.getAttribute('nonce');
		if (!nonce)
			throw new Refusal('server-refused', doc ? messageIn(doc.documentElement) : 'HTTP ' + res.status);
		return nonce;
	}

	// 201: "accepted" and a link to the receipt (its status URL).
	function accepted(form, doc) {
		const receipt = doc && doc.documentElement;
		const href = receipt && receipt.getAttribute('href');
		if (!href) {
			say(form, msg('accepted'));
			return;
		}
		const a = document.createElement('a');
		a.href = new URL(href, form.action).href;
		a.className = 'ob-receipt';
		a.textContent = msg('receipt-link');
		say(form, msg('accepted'), a);
	}

	/* ---- the forms -------------------------------------------------------- */

	// While a request is under way its buttons are disabled (one signature,
	// one request); afterwards each gets back what it had.
	function busy(form, on) {
		for (const b of form.querySelectorAll('button, input[type="submit"]')) {
			if (on) {
				b.dataset.wasDisabled = b.disabled ? '1' : '';
				b.disabled = true;
			} else {
				b.disabled = b.dataset.wasDisabled === '1';
				delete b.dataset.wasDisabled;
			}
		}
		form.toggleAttribute('aria-busy', on);
	}

	async function submitSigned(form, submitter, kind) {
		validate(form, kind);
		const nonce = await challenge(form);
		const xml = buildXml(form, submitter, kind, nonce);
		say(form, msg('signing'));
		const signed = await sign(xml, form.dataset.key === 'AUTHENTICATION' ? 'AUTHENTICATION' : 'SIGNATURE');
		say(form, msg('sending'));
		const { doc } = await post(form.action, signed, form);
		if (kind === 'login') {
			say(form, msg('signed-in'));
			location.assign(new URL(form.dataset.next || '/', location.href).href);
			return;
		}
		accepted(form, doc);
	}

	/* Documents (P-9, P-10): checked first, then signed and posted. */
	const postButton = (form) => form.querySelector('button[type="submit"]:not([value="check"]), input[type="submit"]:not([value="check"])');

	async function fileText(form) {
		const input = form.elements.namedItem('file');
		const file = input && input.files && input.files[0];
		if (!file)
			throw new Refusal('no-file');
		return file.text();
	}

	async function checkDocument(form) {
		const text = await fileText(form);
		say(form, msg('checking'));
		const { doc } = await post(form.action.replace(/\/?$/, '/check'), text, form);
		const root = doc && doc.documentElement;
		if (root && root.localName === 'check' && root.getAttribute('ok') === 'yes') {
			say(form, msg('check-ok'));
			return true;
		}
		const own = form.querySelector('ul.ob-problems');
		const list = own || document.createElement('ul');
		list.className = 'ob-problems';
		list.replaceChildren();
		for (const p of root ? root.getElementsByTagNameNS('*', 'problem') : []) {
			const li = list.appendChild(document.createElement('li'));
			const line = p.getAttribute('line');
			li.textContent = (line ? msg('line', { n: line }) + ': ' : '') + (messageIn(p) || p.getAttribute('code'));
		}
		say(form, msg('check-errors'), ...(own ? [] : [list])).classList.add('ob-error');
		return false;
	}

	async function postDocument(form) {
		const doc = parseXml(await fileText(form));
		if (!doc)
			throw new Refusal('not-xml');
		doc.documentElement.setAttribute('nonce', await challenge(form));
		say(form, msg('signing'));
		const signed = await sign(new XMLSerializer().serializeToString(doc), 'SIGNATURE');
		say(form, msg('sending'));
		accepted(form, (await post(form.action, signed, form)).doc);
	}

	async function onSubmit(ev) {
		ev.preventDefault();
		// The form's submit, or the click of a check button that does not submit.
		const form = ev.currentTarget instanceof HTMLFormElement ? ev.currentTarget : ev.currentTarget.form;
		const submitter = ev.type === 'click' ? ev.currentTarget : ev.submitter;
		const kind = form.dataset.kind;
		if (form.hasAttribute('aria-busy'))
			return;
		busy(form, true);
		let checked = null;
		try {
			if (kind === 'document') {
				if (submitter && submitter.value === 'check')
					checked = await checkDocument(form);
				else
					await postDocument(form);
			} else if (KINDS[kind]) {
				await submitSigned(form, submitter, kind);
			}
		} catch (err) {
			sayError(form, err);
		} finally {
			busy(form, false);
			const button = kind === 'document' && postButton(form);
			if (button && checked !== null)
				button.disabled = !checked;
		}
	}

	function setup(form) {
		form.addEventListener('submit', onSubmit);
		if (form.dataset.kind === 'document') {
			const button = postButton(form);
			const file = form.elements.namedItem('file');
			if (button)
				button.disabled = true;   // a document is checked before it is signed
			if (file && button)
				file.addEventListener('change', () => {
					button.disabled = true;
					const list = form.querySelector('ul.ob-problems');
					if (list)
						list.replaceChildren();
				});
			// A check button that does not submit the form still checks.
			for (const check of form.querySelectorAll('button[value="check"][type="button"]'))
				check.addEventListener('click', onSubmit);
		}
		form.hidden = false;
	}

	for (const area of document.querySelectorAll('textarea[maxlength][data-counter]'))
		setupCounter(area);
	for (const form of document.querySelectorAll('form.ob-sign'))
		setup(form);
	// The note that taking part needs JavaScript is true no more.
	for (const p of document.querySelectorAll('.ob-nojs, .needs-script'))
		p.hidden = true;
})();
