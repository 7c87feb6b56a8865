#!/usr/bin/env node
/* A test double of NCALayer (the NCA's signing program, issue 6): a
 * WebSocket server on wss://127.0.0.1:13579 that speaks both protocols
 * public/portal.js speaks, and signs with the throw-away test CA's keys
 * (tests/pki/make-ca.sh) through tests/pki/sign.sh, the way NCALayer's
 * signXml signs.  Never a real key: keys are made at test time.
 *
 *   kz.gov.pki.knca.basics  {module, method: "sign", args: {allowedStorages,
 *       format: "xml", data, signingParams, signerParams: {extKeyUsageOids},
 *       locale}}  ->  {status: true, body: {result: [SIGNED]}};
 *       cancelled: {status: true, body: {}};  refused: {status: false, code, message}
 *   kz.gov.pki.knca.commonUtils  {module, method: "signXml", args: [storage,
 *       keyType, xml, "", ""]}  ->  {code: "200", message: "", responseObject: SIGNED};
 *       cancelled: {code: "500", message: "action.canceled"}; refused: {code: "500", message}
 *   an unknown module  ->  {success: false, errorCode: "MODULE_NOT_FOUND"}
 * On connecting, NCALayer greets with {"result": {"version": "1.4"}}.
 *
 * As a module (tests/browser/lib.js):
 *   const nca = await start({port, pki, tlsKey, tlsCert});
 *   nca.setIdentity('citizen');   // signs with PKI/users/citizen.key; the
 *                                 // AUTHENTICATION key is citizen-auth if it exists
 *   nca.setMode('ok' | 'cancel' | 'refuse' | 'basics-only' | 'legacy-only', ...);
 *                                 // several at once: setMode('cancel', 'legacy-only')
 *   nca.requests                  // [{module, method, keyType}] received
 *   await nca.close();
 * By hand, beside `make run`:
 *   node tests/browser/ncalayer.js --pki build/demo/pki --key citizen [--port N] [--mode M]
 */
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const https = require('https');
const { execFile, execFileSync } = require('child_process');
const { WebSocketServer } = require('ws');

const ROOT = path.resolve(__dirname, '..', '..');
const MODES = ['ok', 'cancel', 'refuse', 'basics-only', 'legacy-only'];
const OID_AUTH = '1.3.6.1.5.5.7.3.2';
const NOT_FOUND = { success: false, errorCode: 'MODULE_NOT_FOUND' };

// A self-signed TLS certificate for 127.0.0.1, made now in a temp dir.
function makeTls(dir) {
	const key = path.join(dir, 'tls.key'), cert = path.join(dir, 'tls.pem');
	execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '30',
		'-keyout', key, '-out', cert, '-subj', '/CN=127.0.0.1',
		'-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
	return { key, cert };
}

// What sign.sh needs of the XML it signs: the root must end with an end
// tag (XMLSerializer writes an element without children as <vote .../>,
// which NCALayer signs as it is), and an XML declaration naming UTF-8, as
// NCALayer's output has (without one, xmlsec1 writes text as character
// references).
function forSignSh(xml) {
	if (!/^<\?xml/.test(xml))
		xml = '<?xml version="1.0" encoding="UTF-8"?>\n' + xml;
	if (/<\/[^<>]+>\s*$/.test(xml))
		return xml;
	const m = xml.match(/^<\?xml[^>]*\?>\s*(?:<!--[\s\S]*?-->\s*)*<([^\s/>]+)/);
	return m ? xml.replace(/\/>\s*$/, `></${m[1]}>`) : xml;
}

async function start(opts = {}) {
	const port = opts.port ?? 13579;
	const pki = path.resolve(opts.pki || path.join(ROOT, 'build/demo/pki'));
	const log = opts.log || (() => {});
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ob-ncalayer-'));
	const tls = opts.tlsKey && opts.tlsCert ? { key: opts.tlsKey, cert: opts.tlsCert } : makeTls(tmp);
	let identity = opts.identity || 'citizen', mode = new Set([opts.mode || 'ok']), n = 0;
	const requests = [];

	// The key NAME (or NAME-auth for AUTHENTICATION) as sign.sh's arguments.
	function keyFiles(keyType) {
		let name = identity;
		if (keyType === 'AUTHENTICATION' && fs.existsSync(path.join(pki, 'users', `${identity}-auth.key`)))
			name = `${identity}-auth`;
		return [path.join(pki, 'users', `${name}.key`), path.join(pki, 'users', `${name}.pem`),
			path.join(pki, 'inter', 'cert.pem')];
	}

	function signXml(xml, keyType) {
		const file = path.join(tmp, `in-${++n}.xml`);
		fs.writeFileSync(file, forSignSh(xml));
		return new Promise((resolve, reject) => {
			execFile('sh', [path.join(ROOT, 'tests/pki/sign.sh'), file, ...keyFiles(keyType)],
				{ cwd: ROOT, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
					fs.rmSync(file, { force: true });
					if (err)
						reject(new Error(stderr.trim() || err.message));
					else
						resolve(stdout);
				});
		});
	}

	async function basics(req) {
		if (mode.has('legacy-only') || req.method !== 'sign')
			return NOT_FOUND;
		const a = req.args || {};
		const oids = (a.signerParams && a.signerParams.extKeyUsageOids) || [];
		const keyType = oids.includes(OID_AUTH) ? 'AUTHENTICATION' : 'SIGNATURE';
		requests.push({ module: req.module, method: req.method, keyType, locale: a.locale });
		if (mode.has('cancel'))
			return { status: true, body: {} };
		if (mode.has('refuse') || a.format !== 'xml' || typeof a.data !== 'string')
			return { status: false, code: 'SIGNING_FAILURE', message: 'no suitable key' };
		try {
			return { status: true, body: { result: [await signXml(a.data, keyType)] } };
		} catch (e) {
			log(`sign: ${e.message}`);
			return { status: false, code: 'SIGNING_FAILURE', message: e.message };
		}
	}

	async function commonUtils(req) {
		if (mode.has('basics-only') || req.method !== 'signXml')
			return NOT_FOUND;
		const [, keyType, xml] = Array.isArray(req.args) ? req.args : [];
		requests.push({ module: req.module, method: req.method, keyType });
		if (mode.has('cancel'))
			return { code: '500', message: 'action.canceled' };
		if (mode.has('refuse') || typeof xml !== 'string')
			return { code: '500', message: 'no suitable key' };
		try {
			return { code: '200', message: '', responseObject: await signXml(xml, keyType) };
		} catch (e) {
			log(`signXml: ${e.message}`);
			return { code: '500', message: e.message };
		}
	}

	// Opening https://127.0.0.1:PORT/ in the browser once accepts the certificate.
	const server = https.createServer({ key: fs.readFileSync(tls.key), cert: fs.readFileSync(tls.cert) },
		(req, res) => {
			res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
			res.end('Test NCALayer (open budgets portal): the certificate is accepted; close this tab.\n');
		});
	const wss = new WebSocketServer({ server });
	wss.on('connection', (ws) => {
		ws.send(JSON.stringify({ result: { version: '1.4' } }));
		ws.on('message', async (data) => {
			let req;
			try {
				req = JSON.parse(String(data));
			} catch (e) {
				return;
			}
			log(`request: ${req.module} ${req.method} (mode ${[...mode].join('+')}, key ${identity})`);
			const answer = req.module === 'kz.gov.pki.knca.basics' ? await basics(req)
				: req.module === 'kz.gov.pki.knca.commonUtils' ? await commonUtils(req) : NOT_FOUND;
			if (ws.readyState === ws.OPEN)
				ws.send(JSON.stringify(answer));
		});
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', resolve);
	});

	return {
		port: server.address().port,
		url: `wss://127.0.0.1:${server.address().port}/`,
		requests,
		setIdentity(name) {
			if (!fs.existsSync(path.join(pki, 'users', `${name}.key`)))
				throw new Error(`no key ${name} in ${pki}/users`);
			identity = name;
		},
		setMode(...ms) {
			for (const m of ms)
				if (!MODES.includes(m))
					throw new Error(`mode is one of ${MODES.join(', ')}`);
			mode = new Set(ms.length ? ms : ['ok']);
		},
		close() {
			for (const c of wss.clients)
				c.terminate();
			return new Promise((resolve) => wss.close(() => server.close(() => {
				fs.rmSync(tmp, { recursive: true, force: true });
				resolve();
			})));
		},
	};
}

module.exports = { start, forSignSh };

if (require.main === module) {
	const args = process.argv.slice(2);
	const opt = (name, def) => {
		const i = args.indexOf(`--${name}`);
		return i >= 0 && i + 1 < args.length ? args[i + 1] : def;
	};
	if (args.includes('--help')) {
		console.log('usage: node tests/browser/ncalayer.js [--pki DIR] [--key NAME] [--port N] [--mode ' + MODES.join('|') + ']');
		process.exit(0);
	}
	start({
		pki: opt('pki', path.join(ROOT, 'build/demo/pki')),
		port: Number(opt('port', 13579)),
		identity: opt('key', 'citizen'),
		mode: opt('mode', 'ok'),
		log: (s) => console.log(s),
	}).then((nca) => {
		nca.setIdentity(opt('key', 'citizen'));
		console.log(`Test NCALayer on ${nca.url}, signing as "${opt('key', 'citizen')}" (test keys only).`);
		console.log(`Its TLS certificate is self-signed: open https://127.0.0.1:${nca.port}/ once in the`);
		console.log('browser and accept it, or start chromium with --ignore-certificate-errors.');
		console.log('Stop it with Ctrl-C.');
		const stop = () => nca.close().then(() => process.exit(0));
		process.on('SIGINT', stop);
		process.on('SIGTERM', stop);
	}).catch((e) => {
		console.error(`ncalayer.js: ${e.message}`);
		process.exit(1);
	});
}
