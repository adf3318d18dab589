#!/usr/bin/env node
// Recognizers-Text over the libearnings benchmark text.
//
//   node recognizers.js --corpus DIR --out DIR [--sample-kb N]
//
// Splits the corpus by line as bench/bench.c does (a line is Chinese when Han
// characters are at least a third of its letters), keeps the first N KB of
// each language (default 150), writes them to OUT/en.txt and OUT/zh.txt, runs
// number, percentage, currency and dimension recognition line by line (EN
// culture on English, ZH-CN on Chinese), and writes every item with byte
// offsets into those files to OUT/rt-<lang>.jsonl. Prints one JSON summary:
// bytes, seconds and MB/s per language and model, and peak RSS.
'use strict';
const fs = require('fs');
const path = require('path');
const R = require('@microsoft/recognizers-text-suite');

const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : def; };
const corpus = opt('--corpus', path.join(__dirname, '../../../shared/corpus'));
const out = opt('--out', '.');
const sampleKb = Number(opt('--sample-kb', '150'));

// Same rule as bench.c's is_han_line: count bytes, lead bytes 0xE4..0xE9 as Han.
function isHanLine(buf) {
  let han = 0, letters = 0;
  for (const c of buf) {
    if ((c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)) letters++;
    else if (c >= 0xE4 && c <= 0xE9) { han++; letters++; }
  }
  return letters > 0 && han * 3 >= letters;
}

const en = [], zh = [];
let enBytes = 0, zhBytes = 0;
const limit = sampleKb * 1024;
for (const f of fs.readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort()) {
  const data = fs.readFileSync(path.join(corpus, f));
  let at = 0;
  while (at < data.length) {
    let nl = data.indexOf(0x0A, at);
    const end = nl < 0 ? data.length : nl + 1;
    const line = data.subarray(at, end);
    at = end;
    if (isHanLine(line)) { if (zhBytes + line.length <= limit) { zh.push(line); zhBytes += line.length; } }
    else if (enBytes + line.length <= limit) { en.push(line); enBytes += line.length; }
  }
}
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'en.txt'), Buffer.concat(en));
fs.writeFileSync(path.join(out, 'zh.txt'), Buffer.concat(zh));

const models = {
  number: R.recognizeNumber, percentage: R.recognizePercentage,
  currency: R.recognizeCurrency, dimension: R.recognizeDimension,
};
let peakRss = 0;
const sample = () => { const r = process.memoryUsage().rss; if (r > peakRss) peakRss = r; };
const summary = { sample_kb: sampleKb, langs: {} };
for (const [lang, culture, lines] of [['en', R.Culture.English, en], ['zh', R.Culture.Chinese, zh]]) {
  const bytes = lines.reduce((n, l) => n + l.length, 0);
  const items = [];
  const per = {};
  let total = 0;
  for (const [name, fn] of Object.entries(models)) {
    fn('warm up 1', culture); // model construction is not timed
    let base = 0, t0 = process.hrtime.bigint();
    for (const line of lines) {
      const s = line.toString('utf8');
      for (const it of fn(s, culture)) {
        // start/end are inclusive UTF-16 indices into the line
        const b0 = base + Buffer.byteLength(s.slice(0, it.start));
        const b1 = b0 + Buffer.byteLength(s.slice(it.start, it.end + 1));
        items.push({ model: name, type: it.typeName, start: b0, end: b1, text: it.text,
                     value: it.resolution && (it.resolution.value ?? null) });
      }
      base += line.length;
      sample();
    }
    const secs = Number(process.hrtime.bigint() - t0) / 1e9;
    per[name] = { seconds: secs, mb_s: bytes / 1e6 / secs };
    total += secs;
  }
  fs.writeFileSync(path.join(out, `rt-${lang}.jsonl`), items.map((i) => JSON.stringify(i)).join('\n') + '\n');
  summary.langs[lang] = { bytes, seconds: total, mb_s: bytes / 1e6 / total, items: items.length, models: per };
}
sample();
summary.peak_rss_mib = peakRss / 1048576;
console.log(JSON.stringify(summary));
