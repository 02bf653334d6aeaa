// search_test.mjs: runs themes/default/static/js/search.js in node against
// a built index (tests/cli/search.sh drives it). Each mode checks one thing,
// prints what it saw, and exits 1 with the reason when the check fails.
//
//   node search_test.mjs unit
//       the pure functions: fold, tokens, key, shardOf, segments
//   node search_test.mjs foldpage TEST_TEXT_C
//       prints a Markdown page of words "vx<i><vowel>" (NFC) and
//       "vy<i><vowel>" (NFD) for every vowel of tests/unit/test_text.c's
//       table, and đ/Đ words
//   node search_test.mjs fold TEST_TEXT_C PUBLIC
//       the tokens congkhai indexed from that page equal the tokens
//       search.js makes of the same words
//   node search_test.mjs find PUBLIC QUERY [--only PREFIX] URL...
//       every URL is among the results; with --only, the results below
//       PREFIX (not PREFIX itself) are exactly the URLs given
//   node search_test.mjs words PUBLIC QUERY
//       there are results, and every result's page holds every word of
//       QUERY, folded (the last one as a prefix)
//   node search_test.mjs title PUBLIC QUERY TEXT
//       a result's title holds TEXT (both folded)
//   node search_test.mjs exact PUBLIC QUERY TITLE
//       a result's title is exactly TITLE (markup in data stays text)
//   node search_test.mjs links PUBLIC
//       every indexed document links to a page the build wrote
//   node search_test.mjs bytes PUBLIC MAX QUERY...
//       each query, with the first page of results, fetches at most MAX
//       bytes of index files
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const here = dirname(fileURLToPath(import.meta.url));
const code = readFileSync(join(here, '../../themes/default/static/js/search.js'), 'utf8');
const sandbox = { module: { exports: {} } };
vm.runInNewContext(code, sandbox, { filename: 'search.js' });
const S = sandbox.module.exports;
const PER = 10;

function fail(msg) {
  console.error('FAIL: ' + msg);
  process.exit(1);
}
function eq(got, want, what) {
  const g = JSON.stringify(got), w = JSON.stringify(want);
  if (g !== w) fail(`${what}: got ${g}, expected ${w}`);
}

// A loader over PUBLIC/tim-kiem/ that counts the bytes it reads.
function loader(pub) {
  const l = (p) => {
    let text;
    try { text = readFileSync(join(pub, 'tim-kiem', p)); } catch (e) { return Promise.resolve(null); }
    l.bytes += text.length;
    l.files.push(p);
    return Promise.resolve(JSON.parse(text.toString('utf8')));
  };
  l.bytes = 0;
  l.files = [];
  return l;
}

async function results(pub, q, all = true) {
  const load = loader(pub);
  const res = await S.search(q, load);
  const docs = (await S.page(res, 0, all ? res.hits.length : PER, load))
    .map(([title, url, kind, snippet, date]) => ({ title, url, kind, snippet, date }));
  return { res, docs, load };
}

// The vowel tables of tests/unit/test_text.c (the literal UTF-8 ones).
function vowelTables(file) {
  const src = readFileSync(file, 'utf8');
  const get = (name) => {
    const m = src.match(new RegExp(name + '\\[\\] =\\s*"([^"]*)"'));
    if (!m) fail(`no ${name} in ${file}`);
    return m[1];
  };
  const chars = (get('vowels_lower_lit') + get('vowels_upper_lit')).replace(/ /g, '');
  const list = Array.from(chars);
  if (list.length !== 144) fail(`expected 144 vowels in ${file}, found ${list.length}`);
  return list;
}

function foldWords(file) {
  const words = [];
  vowelTables(file).forEach((c, i) => {
    words.push('vx' + i + c);
    words.push('vy' + i + c.normalize('NFD'));
  });
  words.push('vxd1đ', 'vxd2Đ', 'vxd3Đường', 'vxd4ĐẤT', 'vyd5' + 'Đường'.normalize('NFD'));
  return words;
}

const [mode, ...args] = process.argv.slice(2);

if (mode === 'unit') {
  eq(S.fold('Thủ tục Hộ tịch ĐẤT ĐAI'), 'thu tuc ho tich dat dai', 'fold');
  eq(S.fold('Thủ tục'.normalize('NFD')), 'thu tuc', 'fold NFD');
  eq(S.tokens('Số 123/KH-UBND, ngày 28/12/2021: a b ở'), ['so', '123', 'kh', 'ubnd', 'ngay', '28', '12', '2021'], 'tokens');
  eq(S.tokens('x'.repeat(40) + ' ' + 'y'.repeat(41)), ['x'.repeat(40)], 'token length');
  eq(S.tokens('中国 Straße'), ['中国', 'straße'], 'other scripts');
  eq(S.key('tich'), 'tich', 'key');
  eq(S.key('中国'), '__', 'key of other scripts');
  eq(S.key('straße'), 'stra_e', 'key of ß');
  const keys = new Set(['th', 'thu', 'thuo', 'ho']);
  eq(S.shardOf('thuong', keys), 'thuo', 'shardOf longest');
  eq(S.shardOf('thu', keys), 'thu', 'shardOf exact');
  eq(S.shardOf('tha', keys), 'th', 'shardOf parent');
  eq(S.shardOf('xa', keys), null, 'shardOf none');
  eq(S.segments('Thủ tục hộ tịch tại xã', ['thu', 'tuc', 'ho', 'tic']),
    [['Thủ', true], [' ', false], ['tục', true], [' ', false], ['hộ', true], [' ', false], ['tịch', true], [' tại xã', false]],
    'segments (last term as prefix)');
  eq(S.segments('<script>', ['script']), [['<', false], ['script', true], ['>', false]], 'segments keep text as text');
  console.log('unit: ok');
} else if (mode === 'foldpage') {
  console.log(foldWords(args[0]).join(' '));
} else if (mode === 'fold') {
  const [file, pub] = args;
  const want = new Set(foldWords(file).flatMap((w) => S.tokens(w)));
  const load = loader(pub);
  const man = await load('index.json');
  const got = new Set();
  for (const k of man.shards) {
    const sh = await load('idx/' + k + '.json');
    for (const t of Object.keys(sh)) if (t.startsWith('vx') || t.startsWith('vy')) got.add(t);
  }
  const missing = [...want].filter((t) => !got.has(t)), extra = [...got].filter((t) => !want.has(t));
  if (missing.length || extra.length)
    fail(`C and JS folding differ: only in JS ${JSON.stringify(missing)}, only in the index ${JSON.stringify(extra)}`);
  if (want.size !== 2 * 144 + 5) fail(`expected ${2 * 144 + 5} distinct tokens, got ${want.size}`);
  // and a search for each folded word finds the page
  for (const t of ['vx17a', 'vy17a', 'vxd1d', 'vxd3duong', 'vyd5duong']) {
    const { docs } = await results(pub, t);
    if (!docs.some((d) => d.url.endsWith('/nguyen-am/'))) fail(`"${t}" does not find /nguyen-am/`);
  }
  console.log(`fold: ${want.size} tokens equal in C and JS`);
} else if (mode === 'find') {
  const [pub, q, ...rest] = args;
  let only = null;
  if (rest[0] === '--only') { only = rest[1]; rest.splice(0, 2); }
  const { docs } = await results(pub, q);
  const urls = docs.map((d) => d.url);
  console.log(`${q}: ${urls.join(' ')}`);
  for (const u of rest) if (!urls.includes(u)) fail(`"${q}" does not find ${u}`);
  if (only) eq(urls.filter((u) => u.startsWith(only) && u !== only).sort(), [...rest].sort(), `"${q}" results below ${only}`);
  for (const d of docs) if (!d.title || !d.url || !d.kind) fail(`result without title, url or kind: ${JSON.stringify(d)}`);
} else if (mode === 'words') {
  const [pub, q] = args;
  const { res, docs } = await results(pub, q);
  if (!docs.length) fail(`"${q}" finds nothing`);
  const last = res.terms[res.terms.length - 1];
  for (const d of docs) {
    const html = readFileSync(join(pub, d.url, 'index.html'), 'utf8');
    const words = new Set(S.tokens(html.replace(/<[^>]*>/g, ' ')));
    for (const t of res.terms)
      if (!words.has(t) && !(t === last && [...words].some((w) => w.startsWith(t))))
        fail(`"${q}" finds ${d.url}, whose page lacks the word "${t}"`);
  }
  console.log(`${q}: ${docs.length} results, each page with every word: ${docs.map((d) => d.url).join(' ')}`);
} else if (mode === 'title') {
  const [pub, q, text] = args;
  const { docs } = await results(pub, q);
  const want = S.fold(text);
  const hit = docs.find((d) => S.fold(d.title).includes(want));
  if (!hit) fail(`"${q}" finds no title with "${text}": ${docs.map((d) => d.title).join(' | ')}`);
  console.log(`${q}: "${hit.title}" (${hit.kind}) ${hit.url}`);
} else if (mode === 'exact') {
  const [pub, q, title] = args;
  const { docs } = await results(pub, q);
  if (!docs.some((d) => d.title === title)) fail(`"${q}" finds no result titled exactly ${JSON.stringify(title)}`);
  console.log(`${q}: ${JSON.stringify(title)} found as text`);
} else if (mode === 'links') {
  const [pub] = args;
  const load = loader(pub);
  const man = await load('index.json');
  let n = 0;
  for (let b = 0; b * man.block < man.docs; b++)
    for (const [title, url] of await load('docs/' + b + '.json')) {
      n++;
      try { readFileSync(join(pub, url, 'index.html')); } catch (e) { fail(`"${title}" links to ${url}, which the build did not write`); }
    }
  if (n !== man.docs) fail(`the blocks hold ${n} documents, the manifest says ${man.docs}`);
  console.log(`links: all ${n} documents link to written pages`);
} else if (mode === 'bytes') {
  const [pub, max, ...qs] = args;
  for (const q of qs) {
    const { res, load } = await results(pub, q, false);
    console.log(`${q}: ${res.hits.length} results, ${load.files.length} files, ${load.bytes} bytes`);
    if (!res.hits.length) fail(`"${q}" finds nothing`);
    if (load.bytes > Number(max)) fail(`"${q}" fetches ${load.bytes} bytes, more than ${max}`);
  }
} else {
  fail('usage: search_test.mjs unit|foldpage|fold|find|words|title|exact|links|bytes ...');
}
