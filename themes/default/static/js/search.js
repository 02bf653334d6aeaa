/* search.js: the search box of /tim-kiem/ over the index congkhai writes
   (generator/search.h). Words are folded and split exactly as there. Text
   reaches the page through DOM methods only. node: module.exports. */
(function (root) {
	'use strict';
	let WORD = null;
	try { WORD = new RegExp('[\\p{L}\\p{M}\\p{N}]+', 'gu'); } catch (e) { /* old browser: stays as without JS */ }
	const PER = 10;
	// lowercase, NFD without U+0300-U+036F, đ -> d (text_fold in text.c)
	const fold = (s) => s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd');
	const tokens = (s) => (fold(s).match(WORD) || []).filter((t) => {
		const n = Array.from(t).length;
		return n >= 2 && n <= 40;
	});
	const key = (t) => Array.from(t, (c) => (/^[a-z0-9]$/.test(c) ? c : '_')).join('');
	function shardOf(t, keys) { // the longest shard key that starts the token's key
		const k = key(t);
		for (let n = k.length; n >= 2; n--) if (keys.has(k.slice(0, n))) return k.slice(0, n);
		return null;
	}

	// Documents with every word of q (the last also as a prefix), best first.
	// load(path) resolves to a parsed index file or null.
	async function search(q, load) {
		const terms = [...new Set(tokens(q))], man = await load('index.json');
		if (!man) throw new Error('no index');
		const res = { terms, hits: [], block: man.block };
		if (!terms.length) return res;
		const keys = new Set(man.shards), need = new Set(), last = terms[terms.length - 1], lk = key(last);
		for (const t of terms) need.add(shardOf(t, keys));
		const below = man.shards.filter((k) => k.length > lk.length && k.startsWith(lk));
		if (below.length <= 4) below.forEach((k) => need.add(k));
		need.delete(null);
		const words = new Map();
		for (const s of await Promise.all([...need].map((k) => load('idx/' + k + '.json'))))
			if (s) for (const w of Object.keys(s)) words.set(w, s[w]);
		let acc = null;
		terms.forEach((t) => {
			const m = new Map();
			for (const [w, p] of words) {
				const exact = w === t, df = p.length / 2;
				if (!exact && !(t === last && w.startsWith(t))) continue;
				// BM25: the index gives the tf part, this the idf; prefixes count half
				const idf = Math.log(1 + (man.docs - df + 0.5) / (df + 0.5)) * (exact ? 1 : 0.5);
				for (let j = 0, d = 0; j + 1 < p.length; j += 2) {
					d += p[j];
					const e = m.get(d) || { id: d, score: 0, title: 0 };
					e.score += (p[j + 1] >> 1) * idf;
					e.title |= p[j + 1] & 1;
					m.set(d, e);
				}
			}
			if (!acc) acc = m;
			else for (const [d, e] of acc) {
				const f = m.get(d);
				if (f) { e.score += f.score; e.title += f.title; } else acc.delete(d);
			}
		});
		res.hits = [...acc.values()].sort((a, b) => b.title - a.title || b.score - a.score || a.id - b.id);
		return res;
	}

	// hits from..from+n as [title, url, kind, snippet, date]
	async function page(res, from, n, load) {
		const hits = res.hits.slice(from, from + n), B = res.block, blocks = new Map();
		for (const h of hits) blocks.set(Math.floor(h.id / B), null);
		await Promise.all([...blocks.keys()].map(async (b) => blocks.set(b, await load('docs/' + b + '.json'))));
		return hits.map((h) => (blocks.get(Math.floor(h.id / B)) || [])[h.id % B] || ['', '', '', '', '']);
	}

	// text as [[part, matched]]: a word equal to a term, or starting with the last
	function segments(text, terms) {
		const out = [], last = terms[terms.length - 1];
		let at = 0;
		for (const m of text.matchAll(WORD)) {
			const f = fold(m[0]);
			if (!terms.includes(f) && !(last && f.startsWith(last))) continue;
			if (m.index > at) out.push([text.slice(at, m.index), false]);
			out.push([m[0], true]);
			at = m.index + m[0].length;
		}
		if (at < text.length) out.push([text.slice(at), false]);
		return out;
	}

	function init(doc, win) {
		const form = doc.getElementById('search');
		if (!form || !WORD || !win.fetch) return;
		const $ = (id) => doc.getElementById(id), out = $('search-results'), status = $('search-status');
		const base = form.getAttribute('data-index'), cache = new Map();
		const say = (name, v = {}) => out.getAttribute('data-' + name).replace(/\{(\w)\}/g, (_, k) => v[k]);
		const load = (p) => {
			if (!cache.has(p)) cache.set(p, win.fetch(base + p).then((r) => (r.ok ? r.json() : null)));
			return cache.get(p);
		};
		const el = (tag, cls, parent) => {
			const e = parent.appendChild(doc.createElement(tag));
			if (cls) e.className = cls;
			return e;
		};
		const marked = (parent, text, terms) => {
			for (const [s, m] of segments(text, terms)) (m ? el('mark', '', parent) : parent).append(s);
		};
		const list = el('ul', 'page-list', out), more = el('p', 'more', out), btn = el('button', 'btn', more);
		btn.type = 'button';
		btn.textContent = say('more');
		more.hidden = true;
		let seq = 0, cur = null, shown = 0;

		const show = (res) => page(res, shown, PER, load).then((docs) => {
			if (res !== cur) return;
			for (const [title, url, kind, snippet, date] of docs) {
				const li = el('li', 'entry', list), a = el('a', 'entry-title', li), meta = el('p', 'entry-meta', li);
				a.href = url;
				marked(a, title, res.terms);
				if (kind) el('span', 'entry-kind', meta).textContent = kind;
				if (date) { meta.append(' '); el('span', '', meta).textContent = date; }
				if (snippet) marked(el('p', 'entry-summary', li), snippet, res.terms);
			}
			shown += PER;
			more.hidden = res.hits.length <= shown;
		});
		btn.addEventListener('click', () => { more.hidden = true; show(cur); });

		function run(q) {
			const id = ++seq;
			cur = null;
			list.textContent = '';
			more.hidden = true;
			$('search-browse').hidden = false;
			status.textContent = q ? say('loading') : '';
			if (q) search(q, load).then((res) => {
				if (id !== seq) return null;
				const n = res.hits.length;
				status.textContent = say(n ? 'found' : 'none', { n: n.toLocaleString(doc.documentElement.lang || 'vi'), q });
				$('search-browse').hidden = n > 0;
				cur = res;
				shown = 0;
				return show(res);
			}).catch(() => { if (id === seq) status.textContent = say('error'); });
		}
		const go = (q, push) => {
			form.elements.q.value = q;
			if (push) win.history.pushState(null, '', q ? '?q=' + encodeURIComponent(q) : win.location.pathname);
			run(q);
		};
		const fromUrl = () => new URLSearchParams(win.location.search).get('q') || '';
		form.addEventListener('submit', (e) => { e.preventDefault(); go(form.elements.q.value.trim(), true); });
		win.addEventListener('popstate', () => go(fromUrl(), false));
		go(fromUrl(), false);
	}

	const api = { fold, tokens, key, shardOf, search, page, segments, init };
	if (typeof module === 'object' && module.exports) module.exports = api;
	else if (root.document) init(root.document, root);
}(this));
