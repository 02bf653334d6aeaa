// tests/browser/run.mjs: the example portal in a real browser.
//
//   node run.mjs SITE_DIR [--shots DIR] [--readme-shots DIR]
//
// SITE_DIR is a built site (congkhai build --output SITE_DIR) whose
// site.toml is SITE_DIR/../site.toml. The script serves SITE_DIR from a
// small static server on 127.0.0.1 (a free port), drives Debian's chromium
// with playwright-core and counts one check per line below:
//
//   static   the stylesheet is at most 20 KB; the median page, gzip(HTML) +
//            gzip(CSS), is at most 30 KB; every page carries the strict CSP
//            and has no inline script, no style attribute and no reference
//            that loads from another host.
//   vnu      every .html passes the Nu HTML Checker (--errors-only), one
//            check per file, in one JVM run.
//   pages    home, a document, a procedure, an indicator, the rankings and
//            search, at 360x740 and 1280x800: zero axe-core violations, no
//            console errors, no request leaves 127.0.0.1 (other hosts are
//            blocked and counted), no sideways scrolling (also at 320 px),
//            a screenshot under --shots (default tests/browser/screenshots),
//            and with JavaScript off: the <h1>, the content and every menu
//            entry of site.toml, reachable without scripts.
//   print    a document prints alone (no site header, menu or footer, a
//            serif face); a procedure prints on one A4 page.
//   search   typing "thu tuc" in the search box shows results for "thủ tục",
//            and the page with results has no axe-core violations.
//
// A page kind the site does not have yet (no /thu-tuc/<x>/ ...) is a
// failure with its reason, never a skip. Missing chromium or java is a
// failure too. The last line is "browser: N passed, N failed".
//
// --readme-shots DIR only writes DIR/phone.png (360x740) and
// DIR/desktop.png (1280x800) of the home page, for the README.

import { createRequire } from 'node:module';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const require = createRequire(import.meta.url);
const HERE = path.dirname(fileURLToPath(import.meta.url));
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const VIEWPORTS = [
	{ name: 'phone', width: 360, height: 740 },
	{ name: 'desktop', width: 1280, height: 800 },
];
const CSS_MAX = 20 * 1024;
const WEIGHT_MAX = 30 * 1024;

let passed = 0, failed = 0;
function pass() { passed++; }
function fail(name, why) {
	failed++;
	console.error(`FAIL: ${name}${why ? ': ' + why : ''}`);
}
function check(name, ok, why) { ok ? pass() : fail(name, why); }

// ---------- arguments ----------
const args = process.argv.slice(2);
let site = null, shots = path.join(HERE, 'screenshots'), readmeShots = null;
for (let i = 0; i < args.length; i++) {
	if (args[i] === '--shots') shots = args[++i];
	else if (args[i] === '--readme-shots') readmeShots = args[++i];
	else if (!site) site = args[i];
	else { console.error(`usage: node run.mjs SITE_DIR [--shots DIR] [--readme-shots DIR]`); process.exit(2); }
}
if (!site || !fs.existsSync(path.join(site, 'index.html'))) {
	console.error(`usage: node run.mjs SITE_DIR [--shots DIR] [--readme-shots DIR] (no index.html in ${site})`);
	process.exit(2);
}
site = path.resolve(site);

// ---------- the built site ----------
function walk(dir, out = []) {
	for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, e.name);
		if (e.isDirectory()) walk(p, out);
		else if (e.isFile()) out.push(p);
	}
	return out;
}
const files = walk(site).sort();
const htmlFiles = files.filter((f) => f.endsWith('.html'));
const urlOf = (f) => '/' + path.relative(site, f).split(path.sep).join('/').replace(/(^|\/)index\.html$/, '$1');

// The menu of site.toml: [[menu]] blocks with url = "...".
function menuUrls() {
	const toml = path.join(site, '..', 'site.toml');
	if (!fs.existsSync(toml)) return [];
	const urls = [];
	let inMenu = false;
	for (const line of fs.readFileSync(toml, 'utf8').split('\n')) {
		const t = line.trim();
		if (t.startsWith('[')) inMenu = t === '[[menu]]';
		const m = inMenu && t.match(/^url\s*=\s*"([^"]*)"/);
		if (m) urls.push(m[1]);
	}
	return urls;
}
const MENU = menuUrls();

// The first leaf page below a section folder (not its /page/N/ lists).
function firstLeaf(section) {
	const dir = path.join(site, section);
	if (!fs.existsSync(dir)) return null;
	const subs = fs.readdirSync(dir, { withFileTypes: true })
		.filter((e) => e.isDirectory() && e.name !== 'page' && fs.existsSync(path.join(dir, e.name, 'index.html')))
		.map((e) => e.name).sort();
	const leaf = subs.find((s) => !fs.readdirSync(path.join(dir, s), { withFileTypes: true })
		.some((e) => e.isDirectory() && fs.existsSync(path.join(dir, s, e.name, 'index.html'))));
	const pick = leaf || subs[0];
	return pick ? `/${section}/${pick}/` : null;
}
function exists(url) { return fs.existsSync(path.join(site, url, 'index.html')); }

const PAGES = [
	{ kind: 'home', url: '/', why: '' },
	{ kind: 'document', url: exists('/van-ban/ke-hoach-cchc-2023/') ? '/van-ban/ke-hoach-cchc-2023/' : null,
	  why: 'no /van-ban/ke-hoach-cchc-2023/index.html in the built site' },
	{ kind: 'procedure', url: firstLeaf('thu-tuc'),
	  why: 'no /thu-tuc/<procedure>/index.html in the built site (the procedure pages are not written yet)' },
	{ kind: 'indicator', url: firstLeaf('chi-tieu'),
	  why: 'no /chi-tieu/<id>/index.html in the built site (the indicator pages are not written yet)' },
	{ kind: 'rankings', url: exists('/xep-hang/') ? '/xep-hang/' : null,
	  why: 'no /xep-hang/index.html in the built site (the rankings page is not written yet)' },
	{ kind: 'search', url: exists('/tim-kiem/') ? '/tim-kiem/' : null,
	  why: 'no /tim-kiem/index.html in the built site (the search page is not written yet)' },
];

// ---------- static checks: weight, CSP, no third-party references ----------
function staticChecks() {
	const cssFile = path.join(site, 'css', 'style.css');
	const css = fs.existsSync(cssFile) ? fs.readFileSync(cssFile) : null;
	check('stylesheet css/style.css exists', css !== null);
	if (!css) return;
	check(`stylesheet at most ${CSS_MAX} bytes`, css.length <= CSS_MAX, `${css.length} bytes`);
	const gz = (b) => zlib.gzipSync(b, { level: 9 }).length;
	const cssGz = gz(css);
	const weights = htmlFiles.map((f) => gz(fs.readFileSync(f)) + cssGz).sort((a, b) => a - b);
	const n = weights.length;
	const median = n % 2 ? weights[(n - 1) / 2] : (weights[n / 2 - 1] + weights[n / 2]) / 2;
	console.log(`weight: ${n} pages, median gzip(HTML)+gzip(CSS) ${median} bytes, largest ${weights[n - 1]}; CSS ${css.length} bytes (${cssGz} gzipped)`);
	check(`median page weight at most ${WEIGHT_MAX} bytes compressed`, median <= WEIGHT_MAX, `${median} bytes`);

	// CSP and inline code, on every page
	const bad = [];
	const external = [];
	for (const f of htmlFiles) {
		const h = fs.readFileSync(f, 'utf8');
		const u = urlOf(f);
		if (h.includes('http-equiv="refresh"')) continue; // alias redirect pages
		const csp = h.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/);
		if (!csp) bad.push(`${u}: no Content-Security-Policy <meta>`);
		else if (/unsafe-inline|unsafe-eval|\*/.test(csp[1]) || !/default-src 'self'/.test(csp[1]))
			bad.push(`${u}: CSP not strict: ${csp[1]}`);
		// inline scripts that run (a data block such as JSON-LD does not run)
		for (const m of h.matchAll(/<script\b([^>]*)>/gi))
			if (!/\ssrc=/.test(m[1]) && !/type="application\/(?:ld\+)?json"/.test(m[1])) bad.push(`${u}: inline <script>`);
		if (/\sstyle=/i.test(h)) bad.push(`${u}: style attribute`);
		if (/<[a-z][^>]*\son[a-z]+=/i.test(h)) bad.push(`${u}: event-handler attribute`);
		// anything the browser loads by itself: src, srcset, poster, data, link hrefs other than navigation
		const loads = [...h.matchAll(/<(?:img|script|iframe|audio|video|source|embed|object|track)\b[^>]*\s(?:src|srcset|poster|data)="([^"]*)"/gi)]
			.map((m) => m[1])
			.concat([...h.matchAll(/<link\b([^>]*)>/gi)]
				.filter((m) => !/rel="(?:canonical|alternate)"/.test(m[1]))
				.map((m) => (m[1].match(/href="([^"]*)"/) || [])[1] || ''));
		for (const l of loads) if (/^(?:[a-z]+:)?\/\//i.test(l)) external.push(`${u}: ${l}`);
	}
	for (const f of files.filter((x) => x.endsWith('.css'))) {
		for (const m of fs.readFileSync(f, 'utf8').matchAll(/url\(\s*['"]?([^'")]*)/g))
			if (/^(?:[a-z]+:)?\/\//i.test(m[1])) external.push(`${path.relative(site, f)}: ${m[1]}`);
		if (/@import|@font-face/.test(fs.readFileSync(f, 'utf8'))) external.push(`${path.relative(site, f)}: @import or @font-face`);
	}
	check('every page: strict CSP, no inline script, no style or on* attributes', bad.length === 0, bad.slice(0, 5).join('; '));
	check('no page or stylesheet loads anything from another host', external.length === 0, external.slice(0, 5).join('; '));
}

// ---------- vnu: every .html, one JVM ----------
function vnuChecks() {
	const jar = path.join(HERE, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
	const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
	if (java.error || java.status !== 0) {
		fail('vnu', 'browser: missing java (install: apt-get install default-jre-headless)');
		console.error('browser: missing java (install: apt-get install default-jre-headless)');
		return;
	}
	if (!fs.existsSync(jar)) {
		fail('vnu', `missing ${jar} (run: make deps)`);
		return;
	}
	const r = spawnSync('java', ['-Xss4m', '-jar', jar, '--errors-only', '--format', 'json', '--skip-non-html', site],
		{ encoding: 'utf8', maxBuffer: 64 << 20 });
	let messages;
	try {
		messages = JSON.parse(r.stderr || r.stdout).messages;
	} catch (e) {
		fail('vnu run', `no JSON from vnu (exit ${r.status}): ${(r.stderr || '').slice(0, 400)}`);
		return;
	}
	const byFile = new Map();
	for (const m of messages) {
		if (m.type === 'info') continue;
		const f = m.url ? fileURLToPath(m.url) : '(vnu)';
		if (!byFile.has(f)) byFile.set(f, []);
		byFile.get(f).push(m);
	}
	for (const f of htmlFiles) {
		const ms = byFile.get(f) || [];
		byFile.delete(f);
		check(`vnu ${urlOf(f)}`, ms.length === 0,
			ms.slice(0, 3).map((m) => `line ${m.lastLine}: ${m.message}${m.extract ? ' [' + m.extract.trim().slice(0, 80) + ']' : ''}`).join(' | ')
			+ (ms.length > 3 ? ` (+${ms.length - 3} more)` : ''));
	}
	for (const [f, ms] of byFile) fail(`vnu ${f}`, ms[0].message);
	console.log(`vnu: ${htmlFiles.length} pages checked`);
}

// ---------- the local server ----------
const TYPES = {
	'.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
	'.json': 'application/json', '.xml': 'application/xml', '.svg': 'image/svg+xml',
	'.csv': 'text/csv; charset=utf-8', '.txt': 'text/plain; charset=utf-8', '.png': 'image/png',
	'.jpg': 'image/jpeg', '.pdf': 'application/pdf', '.ico': 'image/x-icon', '.webp': 'image/webp',
};
function serve() {
	const server = http.createServer((req, res) => {
		let p;
		try {
			p = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
		} catch {
			res.writeHead(400).end();
			return;
		}
		let file = path.join(site, path.normalize(p));
		if (!file.startsWith(site)) { res.writeHead(403).end(); return; }
		if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
			if (!p.endsWith('/')) { res.writeHead(301, { Location: p + '/' }).end(); return; }
			file = path.join(file, 'index.html');
		}
		let status = 200;
		if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
			status = 404;
			file = path.join(site, '404.html');
		}
		const type = TYPES[path.extname(file)] || 'application/octet-stream';
		res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
		res.end(fs.existsSync(file) ? fs.readFileSync(file) : '');
	});
	return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// ---------- the browser ----------
// playwright-core gives every launch a fresh temporary profile of its own
// (it refuses --user-data-dir in launch()); the flags stop Chromium's own
// background connections, which would fail on a closed network.
async function launch() {
	const { chromium } = require('playwright-core');
	return chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
			'--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
}

const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// Runs axe-core in the page (page.evaluate is not subject to the page's CSP,
// so the strict policy stays on). Returns a list of violation strings.
async function axe(page) {
	await page.evaluate(AXE);
	const v = await page.evaluate(async () => {
		const r = await window.axe.run(document, { resultTypes: ['violations'] });
		return r.violations.map((x) => `${x.id} (${x.impact}): ${x.help} at ${x.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}${x.nodes.length > 3 ? ` +${x.nodes.length - 3}` : ''}`);
	});
	return v;
}

// A browser context that lets only 127.0.0.1:port through and records the
// rest, the console errors and the failed local requests.
async function newContext(browser, origin, opts) {
	const ctx = await browser.newContext({ deviceScaleFactor: 1, ...opts });
	const log = { blocked: [], errors: [] };
	await ctx.route('**/*', (route) => {
		const u = route.request().url();
		if (u.startsWith(origin + '/') || u === origin) return route.continue();
		if (u.startsWith('data:')) return route.continue();
		log.blocked.push(u);
		return route.abort('blockedbyclient');
	});
	ctx.on('page', (p) => watch(p, log));
	return { ctx, log };
}
function watch(page, log) {
	page.on('console', (m) => { if (m.type() === 'error') log.errors.push(`console: ${m.text()}`); });
	page.on('pageerror', (e) => log.errors.push(`page error: ${e.message}`));
	page.on('response', (r) => { if (r.status() >= 400) log.errors.push(`HTTP ${r.status()} ${r.url()}`); });
}

async function pageChecks(browser, origin) {
	fs.mkdirSync(shots, { recursive: true });
	for (const pg of PAGES) {
		if (!pg.url) {
			fail(`${pg.kind} page`, pg.why);
			continue;
		}
		for (const vp of VIEWPORTS) {
			const name = `${pg.kind} ${pg.url} at ${vp.width}x${vp.height}`;
			// with JavaScript
			const { ctx, log } = await newContext(browser, origin, { viewport: { width: vp.width, height: vp.height } });
			const page = await ctx.newPage();
			try {
				const resp = await page.goto(origin + pg.url, { waitUntil: 'load' });
				check(`${name}: HTTP 200`, resp && resp.status() === 200, resp ? `HTTP ${resp.status()}` : 'no response');
				await page.waitForTimeout(150);
				const v = await axe(page);
				check(`${name}: axe-core`, v.length === 0, `${v.length} violations: ${v.join(' | ')}`);
				const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
				check(`${name}: no sideways scrolling`, wide <= 0, `${wide} px too wide`);
				const shot = path.join(shots, `${pg.kind}-${vp.name}.png`);
				await page.screenshot({ path: shot, fullPage: true });
				check(`${name}: screenshot`, fs.existsSync(shot) && fs.statSync(shot).size > 1000, shot);
			} catch (e) {
				fail(name, e.message.split('\n')[0]);
			}
			check(`${name}: no console errors`, log.errors.length === 0, log.errors.slice(0, 5).join(' | '));
			check(`${name}: no request leaves 127.0.0.1`, log.blocked.length === 0, log.blocked.slice(0, 5).join(' '));
			await ctx.close();

			// without JavaScript
			const nojs = await newContext(browser, origin, { viewport: { width: vp.width, height: vp.height }, javaScriptEnabled: false });
			const p2 = await nojs.ctx.newPage();
			try {
				await p2.goto(origin + pg.url, { waitUntil: 'load' });
				const r = await p2.evaluate(() => {
					const main = document.querySelector('main');
					const h1 = main && main.querySelector('h1');
					return {
						h1: h1 ? h1.innerText.trim() : '',
						text: main ? main.innerText.trim().length : 0,
						lang: document.documentElement.lang,
						skip: !!document.querySelector('a[href="#main"]'),
					};
				});
				check(`${name} without JavaScript: content`, r.h1 && r.text >= 40 && r.lang === 'vi' && r.skip,
					`h1 "${r.h1}", ${r.text} characters in <main>, lang "${r.lang}", skip link ${r.skip}`);
				const nav = await navReachable(p2);
				check(`${name} without JavaScript: navigation`, nav.ok, nav.why);
			} catch (e) {
				fail(`${name} without JavaScript`, e.message.split('\n')[0]);
			}
			check(`${name} without JavaScript: no request leaves 127.0.0.1`, nojs.log.blocked.length === 0, nojs.log.blocked.join(' '));
			await nojs.ctx.close();
		}
		// readable at 320 px too
		const { ctx } = await newContext(browser, origin, { viewport: { width: 320, height: 640 } });
		const p3 = await ctx.newPage();
		await p3.goto(origin + pg.url, { waitUntil: 'load' });
		const wide = await p3.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		check(`${pg.kind} ${pg.url} at 320 px: no sideways scrolling`, wide <= 0, `${wide} px too wide`);
		await ctx.close();
	}
}

// Every menu entry of site.toml is a link in the header's navigation, and
// visible, after opening the menu's <details> when it is closed.
async function navReachable(page) {
	const nav = page.locator('header nav').first();
	if (await nav.count() === 0) return { ok: false, why: 'no <nav> in the <header>' };
	const hrefs = await nav.locator('a').evaluateAll((as) => as.map((a) => new URL(a.href).pathname));
	const missing = MENU.filter((u) => !hrefs.some((h) => h === u || h.endsWith(u)));
	if (MENU.length === 0) return { ok: false, why: 'no [[menu]] in site.toml' };
	if (missing.length) return { ok: false, why: `menu entries missing from the header: ${missing.join(' ')}` };
	const first = nav.locator('a').first();
	if (!(await first.isVisible())) {
		const summary = nav.locator('summary').first();
		if (await summary.count() === 0) return { ok: false, why: 'menu hidden and no <summary> to open it' };
		await summary.click();
	}
	const hidden = await nav.locator('a').evaluateAll((as) => as.filter((a) => !a.checkVisibility()).map((a) => a.textContent));
	return { ok: hidden.length === 0, why: `menu links not visible: ${hidden.join(', ')}` };
}

async function printChecks(browser, origin) {
	const doc = PAGES.find((p) => p.kind === 'document');
	const proc = PAGES.find((p) => p.kind === 'procedure');
	const { ctx } = await newContext(browser, origin, { viewport: { width: 1280, height: 800 } });
	const page = await ctx.newPage();
	if (doc.url) {
		await page.goto(origin + doc.url, { waitUntil: 'load' });
		await page.emulateMedia({ media: 'print' });
		const r = await page.evaluate(() => {
			const shown = (sel) => [...document.querySelectorAll(sel)].some((e) => e.checkVisibility());
			return {
				chrome: ['.site-header', 'header nav', '.breadcrumbs', '.site-footer', '.skip-link'].filter(shown),
				font: getComputedStyle(document.querySelector('main')).fontFamily,
				h1: shown('main h1'),
			};
		});
		check('document prints alone, like the paper (no site header, menu, breadcrumbs or footer)', r.chrome.length === 0 && r.h1,
			`still printed: ${r.chrome.join(', ')}`);
		check('document prints in a serif face', /Times|Serif/i.test(r.font), r.font);
	} else {
		fail('document print', doc.why);
	}
	if (proc.url) {
		await page.emulateMedia({ media: 'print' });
		await page.goto(origin + proc.url, { waitUntil: 'load' });
		const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
		const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
		check(`procedure ${proc.url} prints on one page`, pages === 1, `${pages} pages`);
	} else {
		fail('procedure print', proc.why);
	}
	await ctx.close();
}

async function searchChecks(browser, origin) {
	const s = PAGES.find((p) => p.kind === 'search');
	if (!s.url) {
		fail('search "thu tuc" finds "thủ tục"', s.why);
		return;
	}
	for (const vp of VIEWPORTS) {
		const name = `search at ${vp.width}x${vp.height}`;
		const { ctx, log } = await newContext(browser, origin, { viewport: { width: vp.width, height: vp.height } });
		const page = await ctx.newPage();
		try {
			await page.goto(origin + s.url, { waitUntil: 'load' });
			const box = page.locator('input[type="search"], input[name="q"]').first();
			if (await box.count() === 0) throw new Error('no search box (input type="search" or name="q") on the page');
			// results: visible links in <main> that were not there before,
			// and more "thủ tục" in its text
			const state = () => page.evaluate(() => {
				const main = document.querySelector('main');
				return {
					links: [...main.querySelectorAll('a')].filter((a) => a.checkVisibility()).map((a) => a.href),
					hits: main.innerText.normalize('NFC').toLowerCase().split('thủ tục').length - 1,
				};
			});
			const grew = (b) => {
				const main = document.querySelector('main');
				const fresh = [...main.querySelectorAll('a')].filter((a) => a.checkVisibility() && !b.links.includes(a.href));
				const hits = main.innerText.normalize('NFC').toLowerCase().split('thủ tục').length - 1;
				return fresh.length > 0 && hits > b.hits;
			};
			const before = await state();
			await box.click();
			await box.pressSequentially('thu tuc', { delay: 40 });
			let found = await page.waitForFunction(grew, before, { timeout: 5000 }).then(() => true, () => false);
			if (!found) {
				await box.press('Enter');
				await page.waitForLoadState('load');
				found = await page.waitForFunction(grew, before, { timeout: 5000 }).then(() => true, () => false);
			}
			const after = await state();
			check(`${name}: typing "thu tuc" shows results for "thủ tục"`, found,
				`before: ${before.links.length} links, "thủ tục" ${before.hits} times; after: ${after.links.filter((l) => !before.links.includes(l)).length} new links, ${after.hits} times`);
			const shot = path.join(shots, `search-results-${vp.name}.png`);
			await page.screenshot({ path: shot, fullPage: true });
			const v = await axe(page);
			check(`${name}: axe-core with results shown`, v.length === 0, `${v.length} violations: ${v.join(' | ')}`);
		} catch (e) {
			fail(name, e.message.split('\n')[0]);
		}
		check(`${name}: no console errors`, log.errors.length === 0, log.errors.slice(0, 5).join(' | '));
		check(`${name}: no request leaves 127.0.0.1`, log.blocked.length === 0, log.blocked.join(' '));
		await ctx.close();
	}
}

async function readme(browser, origin) {
	fs.mkdirSync(readmeShots, { recursive: true });
	for (const vp of VIEWPORTS) {
		const { ctx } = await newContext(browser, origin, { viewport: { width: vp.width, height: vp.height } });
		const page = await ctx.newPage();
		await page.goto(origin + '/', { waitUntil: 'load' });
		const f = path.join(readmeShots, `${vp.name}.png`);
		await page.screenshot({ path: f });
		console.log(`${f}: ${fs.statSync(f).size} bytes`);
		await ctx.close();
	}
}

// ---------- main ----------
const server = await serve();
const origin = `http://127.0.0.1:${server.address().port}`;
let browser = null;
try {
	if (!readmeShots) {
		staticChecks();
		vnuChecks();
	}
	if (!fs.existsSync(CHROMIUM)) {
		console.error(`browser: missing chromium (install: apt-get install chromium)`);
		fail('chromium', `missing ${CHROMIUM}`);
	} else {
		browser = await launch();
		console.log(`chromium ${browser.version()}, serving ${site} at ${origin}`);
		if (readmeShots) {
			await readme(browser, origin);
		} else {
			await pageChecks(browser, origin);
			await printChecks(browser, origin);
			await searchChecks(browser, origin);
		}
	}
} catch (e) {
	fail('browser run', e.stack || String(e));
} finally {
	if (browser) await browser.close();
	server.close();
}
if (!readmeShots || failed) console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
