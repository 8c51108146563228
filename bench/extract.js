#!/usr/bin/env node
/**
 * `npm run bench:extract`: the statement extractor against the annotated corpus
 * (data/extraction, brat standoff; docs/extraction.md says how it is annotated and scored), and
 * its speed: articles per second, and a 100 KB body's time as a ratio to a 5 KB body's, measured in
 * the same run (linear work makes it about 20).
 *
 * For each role (content, cue, source), over the distinct spans of the role:
 *   exact     P/R/F1 of spans equal to the character;
 *   token     P/R/F1 of the tokens inside spans of the role;
 *   lenient   a gold span is found when one predicted span covers more than 30% of it, and a
 *             predicted span is right when it covers more than 30% of a gold one.
 * The same for direct quotes (gold content that is one quotation from mark to mark, and predictions
 * whose content is), "source correct" (among gold attributions found leniently, the share whose
 * predicted source is the gold source exactly, both absent counting as equal) and "direct quotes
 * found exactly" (exact recall of quoted content).
 *
 *   npm run bench:extract                  dev and held-out
 *   npm run bench:extract -- --split=dev   one split (tune on dev; read held-out once)
 *   npm run bench:extract -- --errors      also print what was missed and what was wrong, for dev
 */
'use strict';

const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const { extractAttributions } = require(path.join(ROOT, 'src', 'plugins', 'newsgraph', 'dist', 'server', 'core', 'extraction', 'index.js'));
const CORPUS = path.join(ROOT, 'data', 'extraction');

const arg = (name) => process.argv.find((item) => item.startsWith(`--${name}`));
const onlySplit = arg('split')?.split('=')[1];
const showErrors = Boolean(arg('errors'));

/** Reads one brat .ann: text-bound spans, E lines tying Cue, Content and Source, A lines with the kind. */
function readBrat(ann) {
  const spans = new Map();
  const attributions = [];
  const kinds = new Map();
  for (const line of ann.split('\n')) {
    if (line.startsWith('T')) {
      const [id, typeAndOffsets] = line.split('\t');
      const [type, start, end] = typeAndOffsets.split(' ');
      spans.set(id, { type, start: Number(start), end: Number(end) });
    } else if (line.startsWith('E')) {
      const [id, args] = line.split('\t');
      const attribution = { id, content: null, cue: null, source: null };
      for (const arg of args.split(' ')) {
        const [role, ref] = arg.split(':');
        attribution[role.toLowerCase()] = spans.get(ref);
      }
      attributions.push(attribution);
    } else if (line.startsWith('A')) {
      const [, rest] = line.split('\t');
      const [, event, kind] = rest.split(' ');
      kinds.set(event, kind);
    }
  }
  for (const attribution of attributions) attribution.kind = kinds.get(attribution.id) ?? 'paraphrase';
  return attributions;
}

function loadSplit(split) {
  const folder = path.join(CORPUS, split);
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({
      name,
      text: fs.readFileSync(path.join(folder, name), 'utf8'),
      gold: readBrat(fs.readFileSync(path.join(folder, name.replace(/\.txt$/, '.ann')), 'utf8')),
    }));
}

const QUOTE_OPEN = /^["\u201c\u201e\u00ab]/;
const QUOTE_CLOSE = /["\u201d\u00bb]$/;
/** Content that is one quotation from mark to mark (a quote over several paragraphs included). */
function isQuoted(text, span) {
  if (!span) return false;
  const words = text.slice(span.start, span.end);
  return QUOTE_OPEN.test(words) && QUOTE_CLOSE.test(words);
}

const key = (span) => `${span.start}:${span.end}`;
const overlap = (a, b) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
const prf = (correctPredicted, predicted, correctGold, gold) => {
  const precision = predicted === 0 ? (gold === 0 ? 1 : 0) : correctPredicted / predicted;
  const recall = gold === 0 ? 1 : correctGold / gold;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
};

function tokenSet(text, spans) {
  const tokens = new Set();
  const pattern = /[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu;
  for (const span of spans) {
    pattern.lastIndex = 0;
    const slice = text.slice(span.start, span.end);
    let match;
    while ((match = pattern.exec(slice))) tokens.add(span.start + match.index);
  }
  return tokens;
}

/** Counts for one role in one article, added up over articles before the scores are taken. */
function roleCounts(text, goldSpans, predictedSpans) {
  const gold = [...new Map(goldSpans.filter(Boolean).map((span) => [key(span), span])).values()];
  const predicted = [...new Map(predictedSpans.filter(Boolean).map((span) => [key(span), span])).values()];
  const goldKeys = new Set(gold.map(key));
  const exact = predicted.filter((span) => goldKeys.has(key(span))).length;
  const covers = (prediction, target) => overlap(prediction, target) / Math.max(1, target.end - target.start) > 0.3;
  const lenientGold = gold.filter((target) => predicted.some((prediction) => covers(prediction, target))).length;
  const lenientPredicted = predicted.filter((prediction) => gold.some((target) => covers(prediction, target))).length;
  const goldTokens = tokenSet(text, gold);
  const predictedTokens = tokenSet(text, predicted);
  let tokensBoth = 0;
  for (const token of predictedTokens) if (goldTokens.has(token)) tokensBoth += 1;
  return { gold: gold.length, predicted: predicted.length, exact, lenientGold, lenientPredicted, goldTokens: goldTokens.size, predictedTokens: predictedTokens.size, tokensBoth };
}

function addCounts(total, counts) {
  for (const [name, value] of Object.entries(counts)) total[name] = (total[name] ?? 0) + value;
  return total;
}

function scores(counts) {
  return {
    exact: prf(counts.exact, counts.predicted, counts.exact, counts.gold),
    token: prf(counts.tokensBoth, counts.predictedTokens, counts.tokensBoth, counts.goldTokens),
    lenient: prf(counts.lenientPredicted, counts.predicted, counts.lenientGold, counts.gold),
  };
}

function evaluate(articles) {
  const totals = { all: {}, quotes: {} };
  for (const scope of Object.keys(totals)) for (const role of ['content', 'cue', 'source']) totals[scope][role] = {};
  let found = 0;
  let sourceCorrect = 0;
  const errors = [];
  for (const article of articles) {
    const predicted = extractAttributions(article.text);
    for (const [scope, goldSet, predictedSet] of [
      ['all', article.gold, predicted],
      ['quotes', article.gold.filter((gold) => isQuoted(article.text, gold.content)), predicted.filter((prediction) => isQuoted(article.text, prediction.content))],
    ]) {
      for (const role of ['content', 'cue', 'source']) {
        addCounts(totals[scope][role], roleCounts(article.text, goldSet.map((gold) => gold[role]), predictedSet.map((prediction) => prediction[role])));
      }
    }
    const slice = (span) => (span ? article.text.slice(span.start, span.end).replace(/\s+/g, ' ') : '-');
    for (const gold of article.gold) {
      let best = null;
      let bestOverlap = 0;
      for (const prediction of predicted) {
        // The prediction sharing most of the gold content, and of those the closest in length.
        const shared = overlap(prediction.content, gold.content);
        const excess = prediction.content.end - prediction.content.start - shared;
        if (shared > bestOverlap || (shared === bestOverlap && shared > 0 && excess < best.content.end - best.content.start - bestOverlap)) [best, bestOverlap] = [prediction, shared];
      }
      if (!best || bestOverlap / (gold.content.end - gold.content.start) <= 0.3) {
        errors.push(`${article.name} MISSED   ${slice(gold.source)} | ${slice(gold.cue)} | ${slice(gold.content)}`);
        continue;
      }
      found += 1;
      const same = (a, b) => (a === null && b === null) || (a !== null && b !== null && a.start === b.start && a.end === b.end);
      if (same(best.source, gold.source)) sourceCorrect += 1;
      else errors.push(`${article.name} SOURCE   gold «${slice(gold.source)}» got «${slice(best.source)}»`);
      if (!same(best.content, gold.content)) errors.push(`${article.name} CONTENT  gold «${slice(gold.content)}»\n${' '.repeat(article.name.length)}          got «${slice(best.content)}»`);
      if (!same(best.cue, gold.cue)) errors.push(`${article.name} CUE      gold «${slice(gold.cue)}» got «${slice(best.cue)}»`);
    }
    for (const prediction of predicted) {
      if (!article.gold.some((gold) => overlap(prediction.content, gold.content) / (gold.content.end - gold.content.start) > 0.3)) {
        errors.push(`${article.name} SPURIOUS ${slice(prediction.source)} | ${slice(prediction.cue)} | ${slice(prediction.content)}`);
      }
    }
  }
  const goldAttributions = articles.reduce((sum, article) => sum + article.gold.length, 0);
  return { totals, found, sourceCorrect, goldAttributions, errors };
}

const pct = (value) => (100 * value).toFixed(1).padStart(5);

function printSplit(name, articles) {
  const { totals, found, sourceCorrect, goldAttributions, errors } = evaluate(articles);
  console.log(`\n${name}: ${articles.length} articles, ${goldAttributions} gold attributions`);
  for (const [scope, title] of [['all', 'all attributions'], ['quotes', 'direct quotes (content quoted from mark to mark)']]) {
    console.log(`  ${title}`);
    console.log('    role      gold  pred |  exact P     R    F1 |  token P     R    F1 | lenient P    R    F1');
    for (const role of ['content', 'cue', 'source']) {
      const counts = totals[scope][role];
      const score = scores(counts);
      const triple = (value) => `${pct(value.precision)} ${pct(value.recall)} ${pct(value.f1)}`;
      console.log(`    ${role.padEnd(8)} ${String(counts.gold ?? 0).padStart(5)} ${String(counts.predicted ?? 0).padStart(5)} | ${triple(score.exact)} | ${triple(score.token)} | ${triple(score.lenient)}`);
    }
  }
  const quoteContent = totals.quotes.content;
  console.log(`  attributions found (lenient content): ${found}/${goldAttributions} (${pct(found / goldAttributions).trim()}%)`);
  console.log(`  source correct, of those found:       ${sourceCorrect}/${found} (${pct(sourceCorrect / Math.max(1, found)).trim()}%)`);
  console.log(`  direct quotes found exactly:          ${quoteContent.exact}/${quoteContent.gold} (${pct(quoteContent.exact / Math.max(1, quoteContent.gold)).trim()}%)`);
  if (showErrors && name === 'dev') for (const line of errors) console.log(`    ${line}`);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timeOf(body, repeats) {
  const times = [];
  for (let round = 0; round < repeats; round += 1) {
    // A collection left over from the last run would be charged to this one (npm run bench:extract exposes gc).
    if (global.gc) global.gc();
    const start = process.hrtime.bigint();
    extractAttributions(body);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

function printSpeed(articles) {
  const texts = articles.map((article) => article.text);
  for (let round = 0; round < 3; round += 1) for (const text of texts) extractAttributions(text); // warm-up
  const rounds = 40;
  const start = process.hrtime.bigint();
  for (let round = 0; round < rounds; round += 1) for (const text of texts) extractAttributions(text);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const averageKb = texts.reduce((sum, text) => sum + text.length, 0) / texts.length / 1000;
  console.log(`\nspeed: ${Math.round((rounds * texts.length) / seconds)} articles/second (articles of ${averageKb.toFixed(1)} KB on average)`);

  let long = '';
  while (long.length < 100_000) long += `${texts.join('\n\n')}\n\n`;
  long = long.slice(0, long.lastIndexOf('\n\n', 100_000));
  const short = long.slice(0, long.lastIndexOf('\n\n', 5_000));
  timeOf(long, 3);
  const shortMs = timeOf(short, 41);
  const longMs = timeOf(long, 11);
  const ratio = longMs / shortMs;
  const sizeRatio = long.length / short.length;
  console.log(`  ${(long.length / 1000).toFixed(1)} KB body: ${longMs.toFixed(1)} ms; ${(short.length / 1000).toFixed(1)} KB body: ${shortMs.toFixed(2)} ms; ratio ${ratio.toFixed(1)} for ${sizeRatio.toFixed(1)} times the text (${(ratio / sizeRatio).toFixed(2)} per unit of length)`);
}

const splits = onlySplit ? [onlySplit] : ['dev', 'held-out'];
const all = [];
for (const split of splits) {
  const articles = loadSplit(split);
  all.push(...articles);
  printSplit(split, articles);
}
printSpeed(all);
