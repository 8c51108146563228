#!/usr/bin/env node
/**
 * `npm run bench:match`: earlier verdicts found for a statement among 100,000 known claims, as a
 * ratio against a primary-key read on SQLite measured in the same run (not a timed test).
 *
 * Boots the app on a throw-away SQLite database, imports 100,000 synthetic fact-checks through the
 * fact-checks service (as `import:claim-reviews` does), builds the claim-matcher service's index
 * from them, and times findEarlierVerdicts for paraphrased and unrelated statements against a
 * primary-key read of one fact-check. Prints the index's memory (heap growth after a full GC).
 *
 *   npm run bench:match                   100,000 claims
 *   npm run bench:match -- --claims=20000 a quicker run
 */
'use strict';

const { withThrowawayApp } = require('../scripts/lib/throwaway-app');

const arg = (name, fallback) => (process.argv.find((item) => item.startsWith(`--${name}=`)) ?? `=${fallback}`).split('=')[1];
const CLAIMS = Number(arg('claims', 100_000));
const STATEMENTS = 500;
const FACT_CHECK = 'plugin::newsgraph.fact-check';

let seed = 7;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (list) => list[Math.floor(random() * list.length)];

const FIRST = ['Maria', 'John', 'Olena', 'Ahmed', 'Li', 'Carlos', 'Anna', 'Kwame', 'Sofia', 'Pierre', 'Yuki', 'Ivan', 'Grace', 'Omar', 'Elena', 'David'];
const LAST = ['Novak', 'Smith', 'Kovalenko', 'Haddad', 'Wei', 'Mendes', 'Berg', 'Mensah', 'Rossi', 'Durand', 'Tanaka', 'Petrov', 'Okafor', 'Farouk', 'Silva', 'Klein'];
const BODIES = ['the Finance Ministry', 'the central bank', 'the opposition', 'the health ministry', 'the city council', 'the army', 'the union', 'the statistics office'];
const SUBJECTS = ['exports', 'unemployment', 'inflation', 'crime', 'hospital waiting times', 'wheat harvests', 'gas prices', 'migration', 'tax revenue', 'school enrolment', 'defence spending', 'house prices', 'electricity tariffs', 'pensions', 'road deaths', 'vaccination rates'];
const VERBS = ['fell', 'rose', 'doubled', 'halved', 'grew', 'dropped', 'climbed', 'collapsed'];
const PLACES = ['in the capital', 'in rural areas', 'across the country', 'in the north', 'in the south', 'along the border', 'in the eastern regions', 'nationwide'];
const TAILS = ['last year', 'since the election', 'under the previous government', 'during the war', 'after the reform', 'in the first quarter', 'this winter', 'over a decade'];

/**
 * Topic words: 30,000 made-up words drawn with a Zipf law, as words are in real claims (a few
 * everywhere, most rare), so that BM25's posting lists are as long as they would be in practice.
 */
const SYLLABLES = ['ka', 'lo', 'mi', 'ra', 'ten', 'vos', 'bar', 'dul', 'es', 'fi', 'gor', 'hal', 'in', 'jup', 'ke', 'lum', 'nor', 'op', 'pra', 'qui', 'sen', 'tur', 'ul', 'vin', 'wes', 'yar', 'zo'];
const TOPIC_WORDS = Array.from({ length: 30_000 }, (_, index) => {
  let word = '';
  for (let rest = index + 27; rest > 0; rest = Math.floor(rest / SYLLABLES.length)) word += SYLLABLES[rest % SYLLABLES.length];
  return word;
});
const ZIPF_TOTAL = TOPIC_WORDS.reduce((sum, _, rank) => sum + 1 / (rank + 1), 0);
function topicWord() {
  let target = random() * ZIPF_TOTAL;
  for (let rank = 0; rank < TOPIC_WORDS.length; rank += 1) {
    target -= 1 / (rank + 1);
    if (target <= 0) return TOPIC_WORDS[rank];
  }
  return TOPIC_WORDS[TOPIC_WORDS.length - 1];
}

function syntheticClaim() {
  const who = random() < 0.7 ? `${pick(FIRST)} ${pick(LAST)}` : pick(BODIES);
  const amount = random() < 0.6 ? `by ${1 + Math.floor(random() * 90)} percent` : `to ${1 + Math.floor(random() * 900)} million`;
  const topic = Array.from({ length: 2 + Math.floor(random() * 4) }, topicWord).join(' ');
  return `${who} said ${pick(SUBJECTS)} of ${topic} ${pick(VERBS)} ${amount} ${pick(PLACES)} ${pick(TAILS)}`;
}

function claimReview(index, text) {
  return {
    claimReviewed: text, title: null, rating: 'False', verdict: 'false', ratingValue: 1, bestRating: 5, worstRating: 1,
    url: `https://factcheck.example/${index}`, publisher: 'Bench Checks', datePublished: '2024-05-01', language: 'en', claimAuthor: null,
  };
}

/** A paraphrase: the claim's words mostly kept, some dropped, attribution rewritten. */
function paraphrase(text) {
  const words = text.split(' ');
  return `According to reports, ${words.filter(() => random() > 0.15).join(' ')}`;
}

async function timeMs(work, runs) {
  for (let i = 0; i < 5; i += 1) await work(i); // warm caches
  const samples = [];
  for (let i = 0; i < runs; i += 1) {
    const started = process.hrtime.bigint();
    await work(i);
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], p95: samples[Math.floor(samples.length * 0.95)] };
}

function heapMb() {
  if (global.gc) {
    global.gc();
    global.gc();
  }
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

(async () => {
  await withThrowawayApp('sqlite', 'bench-match', async (strapi) => {
    const texts = Array.from({ length: CLAIMS }, syntheticClaim);
    const importStarted = Date.now();
    await strapi.plugin('newsgraph').service('fact-checks').upsert(
      texts.map((text, index) => claimReview(index, text)),
      (done, total) => done % 10_000 === 0 && process.stdout.write(`\r  importing ${done.toLocaleString('en')} / ${total.toLocaleString('en')} fact-checks`)
    );
    process.stdout.write(`\r  imported ${CLAIMS.toLocaleString('en')} fact-checks in ${((Date.now() - importStarted) / 1000).toFixed(1)} s${' '.repeat(20)}\n`);

    const matcher = strapi.plugin('newsgraph').service('claim-matcher');
    const heapBefore = heapMb();
    const buildStarted = Date.now();
    const size = await matcher.size();
    const buildMs = Date.now() - buildStarted;
    const heapAfter = heapMb();

    const maxId = (await strapi.db.connection(strapi.db.metadata.get(FACT_CHECK).tableName).max({ id: 'id' }).first()).id;
    const pk = await timeMs(() => strapi.db.query(FACT_CHECK).findOne({ where: { id: 1 + Math.floor(random() * maxId) } }), 200);

    const paraphrases = Array.from({ length: STATEMENTS }, () => paraphrase(pick(texts)));
    const unrelated = Array.from({ length: STATEMENTS }, () => `The ${pick(['mayor', 'coach', 'museum'])} opened a ${pick(['bridge', 'stadium', 'library'])} ${pick(PLACES)} on Sunday`);
    let found = 0;
    const paraphrased = await timeMs(async (index) => {
      const verdicts = await matcher.findEarlierVerdicts(paraphrases[index % STATEMENTS]);
      if (verdicts.length > 0) found += 1;
    }, STATEMENTS);
    const other = await timeMs((index) => matcher.findEarlierVerdicts(unrelated[index % STATEMENTS]), STATEMENTS);

    console.log(`claim matcher over ${size.toLocaleString('en')} known claims (SQLite):`);
    console.log(`  index built from the database in ${(buildMs / 1000).toFixed(1)} s; its memory ${(heapAfter - heapBefore).toFixed(0)} MB of heap (${(((heapAfter - heapBefore) * 1024) / (size / 1000)).toFixed(0)} kB per 1,000 claims)`);
    console.log(`  primary-key read of one fact-check  ${pk.median.toFixed(3).padStart(8)} ms`);
    const row = (label, { median, p95 }) => console.log(`  ${label.padEnd(36)}${median.toFixed(3).padStart(8)} ms  ${(median / pk.median).toFixed(0).padStart(6)}x the primary-key read (p95 ${p95.toFixed(1)} ms)`);
    row('findEarlierVerdicts, a paraphrase', paraphrased);
    row('findEarlierVerdicts, unrelated', other);
    console.log(`  paraphrases given an earlier verdict: ${((found / (STATEMENTS + 5)) * 100).toFixed(0)}%`);
  });
})().catch((error) => {
  console.error(String((error && error.stack) || error).slice(0, 2000));
  process.exit(1);
});
