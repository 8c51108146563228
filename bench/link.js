#!/usr/bin/env node
/**
 * `npm run bench:link`: the linker at newsroom scale, in one run, with ratios against baselines
 * measured in the same run (not a timed test: read the ratios on a noisy machine).
 *
 *  1. index build time and memory at 1k, 10k and 100k synthetic actors (3 aliases each, positions);
 *  2. statements linked per second at each size, and against a naive matcher (one case-insensitive
 *     regular expression per alias) at 1k and 10k actors;
 *  3. the end-to-end cost of saving a statement through strapi.documents() with and without linking,
 *     and with the same links given by hand (what storing links costs, apart from finding them).
 *
 * Run with --expose-gc (the npm script does) so that memory figures are measured after collection.
 */
'use strict';

const path = require('path');
const core = path.join(__dirname, '..', 'src', 'plugins', 'newsgraph', 'dist', 'server', 'core');
const { PhraseIndex } = require(path.join(core, 'linking', 'phrase-index.js'));
const { indexActor } = require(path.join(core, 'linking', 'linkable.js'));
const { linkStatement } = require(path.join(core, 'linking', 'linker.js'));

// A deterministic generator, so that every run measures the same newsroom.
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (list) => list[Math.floor(random() * list.length)];
const SYLLABLES = ['ka', 'lo', 'mi', 'ra', 'ven', 'dor', 'sa', 'tel', 'an', 'is', 'ko', 'var', 'ne', 'su', 'bri', 'gal', 'ost', 'mer', 'hal', 'vik'];
const word = () => {
  const text = Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(SYLLABLES)).join('');
  return text[0].toUpperCase() + text.slice(1);
};
const FILLER = 'the said on monday that talks would continue after a call with officials from both sides as drones hit the city overnight and leaders met again'.split(' ');

function makeActors(count) {
  return Array.from({ length: count }, (_, index) => {
    const first = word();
    const last = `${word()}${index}`;
    return {
      documentId: `a${index}`,
      name: `${first} ${last}`,
      kind: index % 5 === 0 ? 'country' : 'person',
      aliases: [{ name: `${first[0]}. ${last}` }, { name: `${last}ov` }, { name: `${word()} ${last}` }],
      positions: [{ title: `Minister ${index}`, descriptors: `the ${last} minister\n${last}'s envoy`, from: '2020-01-01', to: null }],
    };
  });
}

function makeStatements(actors, count) {
  return Array.from({ length: count }, () => {
    const words = Array.from({ length: 40 }, () => pick(FILLER));
    for (let i = 0; i < 3; i += 1) words.splice(Math.floor(random() * words.length), 0, pick(actors).name);
    return { text: words.join(' '), attribution: `${pick(actors).name} said on Monday` };
  });
}

function heapMb() {
  if (global.gc) global.gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

function perSecond(work, minimumMs = 1000) {
  let runs = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < minimumMs) {
    work(runs);
    runs += 1;
    elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  }
  return (runs * 1000) / elapsed;
}

function naiveMatcher(actors) {
  const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const patterns = [];
  for (const actor of actors) {
    for (const name of [actor.name, ...actor.aliases.map((alias) => alias.name)]) patterns.push({ id: actor.documentId, pattern: new RegExp(`\\b${escape(name)}\\b`, 'i') });
  }
  return (text) => {
    const found = new Set();
    for (const { id, pattern } of patterns) if (pattern.test(text)) found.add(id);
    return found;
  };
}

function benchMatching() {
  const results = [];
  for (const size of [1_000, 10_000, 100_000]) {
    const actors = makeActors(size);
    const statements = makeStatements(actors, 500);
    const before = heapMb();
    const started = process.hrtime.bigint();
    const index = new PhraseIndex();
    for (const actor of actors) indexActor(index, actor);
    const buildMs = Number(process.hrtime.bigint() - started) / 1e6;
    const memory = heapMb() - before;
    const facts = () => undefined;
    const linkedPerSecond = perSecond((run) => {
      const statement = statements[run % statements.length];
      linkStatement({ text: statement.text, attribution: statement.attribution, onDate: '2026-03-10' }, index, facts);
    });
    let naivePerSecond = null;
    if (size <= 10_000) {
      const naive = naiveMatcher(actors);
      naivePerSecond = perSecond((run) => {
        const statement = statements[run % statements.length];
        naive(statement.text);
        naive(statement.attribution);
      });
    }
    results.push({ size, buildMs, memory, phrases: index.size.phrases, linkedPerSecond, naivePerSecond });
    console.log(
      `${String(size).padStart(7)} actors: index of ${index.size.phrases} phrases built in ${buildMs.toFixed(0)} ms, ${memory.toFixed(1)} MB; ` +
        `${linkedPerSecond.toFixed(0)} statements/s` +
        (naivePerSecond ? `; naive regex ${naivePerSecond.toFixed(1)}/s; ratio ${(linkedPerSecond / naivePerSecond).toFixed(0)}x` : '')
    );
  }
  const small = results[0];
  const large = results[results.length - 1];
  console.log(`per-statement cost at ${large.size} actors / at ${small.size}: ${(small.linkedPerSecond / large.linkedPerSecond).toFixed(2)}x (target <= 2)`);
  console.log(`index memory at ${large.size} actors: ${large.memory.toFixed(0)} MB (target < 300)`);
  console.log(`speed-up over the naive matcher at 10000 actors: ${(results[1].linkedPerSecond / results[1].naivePerSecond).toFixed(0)}x (target >= 100)`);
}

async function benchSaves() {
  const os = require('os');
  const fs = require('fs');
  const crypto = require('crypto');
  const { APP_DIR, TEST_DIST_DIR } = require('../tests/setup/paths');
  if (!fs.existsSync(path.join(TEST_DIST_DIR, 'config'))) {
    console.log('save overhead: skipped (run `npm test` once, or the bench script, to compile the app)');
    return;
  }
  const secret = () => crypto.randomBytes(24).toString('base64');
  Object.assign(process.env, {
    APP_KEYS: `${secret()},${secret()}`, API_TOKEN_SALT: secret(), ADMIN_JWT_SECRET: secret(), TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(), ENCRYPTION_KEY: secret(), STRAPI_TELEMETRY_DISABLED: 'true', STRAPI_LOG_LEVEL: 'error',
    DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(os.tmpdir(), `newsgraph-bench-${process.pid}.db`), NODE_ENV: 'test',
    ENV_PATH: path.join(os.tmpdir(), 'no-such-env'),
  });
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir: APP_DIR, distDir: TEST_DIST_DIR, autoReload: false, serveAdminPanel: false }).load();
  try {
    const actors = makeActors(1_000);
    for (const actor of actors.slice(0, 300)) {
      const { documentId, ...data } = actor;
      await strapi.documents('api::actor.actor').create({ data });
    }
    const story = await strapi.documents('api::story.story').create({ data: { title: 'Bench story', storyDate: '2026-03-10T00:00:00Z' } });
    const statements = makeStatements(actors.slice(0, 300), 60);
    // The links the linker finds, given by hand in a third condition: it separates what storing links
    // through Strapi costs (relation rows) from what working them out costs.
    const { index, facts } = await strapi.plugin('newsgraph').service('link-index').current();
    const byHand = statements.map((statement) => {
      const links = linkStatement({ text: statement.text, attribution: statement.attribution, onDate: '2026-03-10' }, index, facts);
      return { ...statement, speaker: links.speaker, mentions: links.mentions };
    });
    const timePerSave = async (condition) => {
      strapi.config.set('plugin::newsgraph.linking', condition === 'linking');
      const written = condition === 'links by hand' ? byHand : statements;
      const started = process.hrtime.bigint();
      for (const statement of written) await strapi.documents('api::statement.statement').create({ data: { ...statement, kind: 'claim', story: story.documentId } });
      return Number(process.hrtime.bigint() - started) / 1e6 / written.length;
    };
    // Alternate the conditions so that the story's growth and the machine's noise hit all alike, and
    // report the median of the per-round ratios: one slow moment then moves one round, not the result.
    const conditions = ['no linking', 'links by hand', 'linking'];
    const rounds = [];
    for (let round = 0; round < 8; round += 1) {
      const sample = {};
      for (const condition of conditions) sample[condition] = await timePerSave(condition);
      if (round > 0) rounds.push(sample); // round 0 warms caches
    }
    const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const ms = (condition) => median(rounds.map((sample) => sample[condition])).toFixed(1);
    const ratio = (over, under) => {
      const ratios = rounds.map((sample) => sample[over] / sample[under]);
      return `${median(ratios).toFixed(2)}x (rounds: ${Math.min(...ratios).toFixed(2)} to ${Math.max(...ratios).toFixed(2)})`;
    };
    console.log(`save through strapi.documents(), median of ${rounds.length} rounds: ${ms('no linking')} ms without linking, ${ms('links by hand')} ms with the same links given by hand, ${ms('linking')} ms with linking`);
    console.log(`  with linking / without: ${ratio('linking', 'no linking')} (target <= 1.3)`);
    console.log(`  of which storing the links through Strapi: ${ratio('links by hand', 'no linking')}; working them out: ${ratio('linking', 'links by hand')}`);
  } finally {
    await strapi.destroy();
    fs.rmSync(process.env.DATABASE_FILENAME, { force: true });
  }
}

// `npm run bench:link -- --only=matching` or `--only=saves` runs one part.
const only = (process.argv.find((arg) => arg.startsWith('--only=')) ?? '').slice('--only='.length);

(async () => {
  if (only !== 'saves') benchMatching();
  if (only !== 'matching') await benchSaves();
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
