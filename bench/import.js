#!/usr/bin/env node
/**
 * `npm run bench:import`: statements imported per second by the archive import (linking, scoring and
 * flags included), against the same rows written by plain `strapi.db.query().createMany` in the
 * same run (not a timed test).
 *
 * Generates a synthetic archive (actors with aliases, stories of 20 statements naming them), boots
 * the app on a throw-away database, imports it in batches as `npm run import` does, then writes
 * the same actors, stories and statements into a second throw-away database with createMany.
 *
 *   npm run bench:import                                       100,000 statements, 10,000 actors
 *   npm run bench:import -- --statements=2000 --actors=200     a quicker run
 *   npm run bench:import -- --db=postgres
 *   npm run bench:import -- --batch-statements=1000                statements per transaction (as npm run import)
 */
'use strict';

const { withThrowawayApp } = require('../scripts/lib/throwaway-app');
const path = require('path');

const arg = (name, fallback) => (process.argv.find((item) => item.startsWith(`--${name}=`)) ?? `=${fallback}`).split('=')[1];
const STATEMENTS = Number(arg('statements', 100_000));
const ACTORS = Number(arg('actors', 10_000));
const DB = arg('db', 'sqlite');
const PER_STORY = 20;
const BATCH_STATEMENTS = Number(arg('batch-statements', 1000));

let seed = 11;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (list) => list[Math.floor(random() * list.length)];
const FIRST = ['Maria', 'John', 'Olena', 'Ahmed', 'Li', 'Carlos', 'Anna', 'Kwame', 'Sofia', 'Pierre', 'Yuki', 'Ivan', 'Grace', 'Omar', 'Elena', 'David'];
const LAST = ['Novak', 'Smith', 'Kovalenko', 'Haddad', 'Wei', 'Mendes', 'Berg', 'Mensah', 'Rossi', 'Durand', 'Tanaka', 'Petrov', 'Okafor', 'Farouk', 'Silva', 'Klein'];
const SUBJECTS = ['exports', 'unemployment', 'inflation', 'gas prices', 'tax revenue', 'pensions', 'road deaths', 'house prices'];
const VERBS = ['fell by 12 percent', 'rose by 4,000', 'doubled', 'halved', 'grew', 'dropped sharply'];

function archive() {
  const actors = Array.from({ length: ACTORS }, (_, index) => {
    const name = `${pick(FIRST)} ${pick(LAST)}-${index.toString(36)}`;
    return { type: 'actor', slug: `actor-${index}`, name, kind: 'person', aliases: [{ name: `Minister ${index.toString(36)}` }] };
  });
  const stories = [];
  for (let story = 0; story * PER_STORY < STATEMENTS; story += 1) {
    const statements = [];
    for (let index = 0; index < PER_STORY && story * PER_STORY + index < STATEMENTS; index += 1) {
      const speaker = actors[Math.floor(random() * actors.length)];
      const mentioned = actors[Math.floor(random() * actors.length)];
      statements.push({ text: `${pick(SUBJECTS)} ${pick(VERBS)} last year, ${mentioned.name} was told (${story}.${index})`, kind: pick(['claim', 'paraphrase', 'direct_quote']), attribution: `${speaker.name} said` });
    }
    stories.push({
      type: 'story',
      item: { uri: `urn:bench:story:${story}`, headlines: [{ value: `Bench story ${story}` }], bodies: [{ value: statements.map((statement) => statement.text).join('. ') }], pubstatus: 'usable' },
      newsgraph: { slug: `bench-story-${story}`, storyDate: '2026-03-01T00:00:00.000Z', statements },
    });
  }
  return { actors, stories };
}

async function importRun({ actors, stories }) {
  const { parseArchiveLine } = require(path.join(__dirname, '..', 'src', 'plugins', 'newsgraph', 'dist', 'server', 'core', 'archive', 'archive-format.js'));
  return withThrowawayApp(DB, 'bench-import', async (strapi) => {
    const service = strapi.plugin('newsgraph').service('archive');
    const parse = (lines, first) => lines.map((line, index) => {
      const parsed = parseArchiveLine(JSON.stringify(line));
      if (!parsed.ok) throw new Error(parsed.error);
      return { number: first + index + 1, line: parsed.line };
    });
    // As `npm run import` does: batches of about BATCH_STATEMENTS statements (actors go line by line).
    const run = async (lines, first, progress) => {
      const started = process.hrtime.bigint();
      for (let offset = 0; offset < lines.length; ) {
        let end = offset;
        let statements = 0;
        while (end < lines.length && (end === offset || statements < BATCH_STATEMENTS)) statements += Math.max(1, (lines[end++].newsgraph?.statements ?? []).length);
        for (const outcome of await service.importLines(parse(lines.slice(offset, end), first + offset))) if (outcome.error) throw outcome.error;
        offset = end;
        if (progress) progress(offset);
      }
      return Number(process.hrtime.bigint() - started) / 1e9;
    };
    const actorSeconds = await run(actors, 0);
    const statementSeconds = await run(stories, actors.length, (done) => process.stderr.write(`\r  import: ${Math.min(done * PER_STORY, STATEMENTS)}/${STATEMENTS} statements`));
    process.stderr.write('\n');
    // Relink jobs the actors' creation started, and Strapi's post-commit events, end before the app does.
    await strapi.plugin('newsgraph').service('relink').idle();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return { actorSeconds, statementSeconds };
  });
}

async function baselineRun({ actors, stories }) {
  return withThrowawayApp(DB, 'bench-import-baseline', async (strapi) => {
    const now = new Date();
    const documentId = (prefix, index) => `${prefix}${index.toString(36).padStart(20, '0')}`.slice(0, 24);
    const started = process.hrtime.bigint();
    for (let offset = 0; offset < actors.length; offset += 500) {
      await strapi.db.query('api::actor.actor').createMany({ data: actors.slice(offset, offset + 500).map((actor, index) => ({ documentId: documentId('a', offset + index), name: actor.name, slug: actor.slug, kind: actor.kind, createdAt: now, updatedAt: now })) });
    }
    const actorSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const startedStatements = process.hrtime.bigint();
    for (const [index, story] of stories.entries()) {
      const created = await strapi.db.query('api::story.story').create({ data: { documentId: documentId('s', index), title: story.item.headlines[0].value, slug: story.newsgraph.slug, storyDate: story.newsgraph.storyDate, createdAt: now, updatedAt: now } });
      await strapi.db.query('api::statement.statement').createMany({
        data: story.newsgraph.statements.map((statement, number) => ({ documentId: documentId(`t${index.toString(36)}x`, number), text: statement.text, kind: statement.kind, attribution: statement.attribution, story: created.id, createdAt: now, updatedAt: now })),
      });
    }
    return { actorSeconds, statementSeconds: Number(process.hrtime.bigint() - startedStatements) / 1e9 };
  });
}

(async () => {
  const data = archive();
  console.log(`bench:import on ${DB}: ${STATEMENTS} statements in ${data.stories.length} stories, ${ACTORS} actors`);
  const imported = await importRun(data);
  const baseline = await baselineRun(data);
  const rate = (count, seconds) => Math.round(count / seconds);
  console.log(`actors      import ${rate(ACTORS, imported.actorSeconds)}/s   createMany ${rate(ACTORS, baseline.actorSeconds)}/s   ratio ${(baseline.actorSeconds / imported.actorSeconds).toFixed(3)}`);
  console.log(`statements  import ${rate(STATEMENTS, imported.statementSeconds)}/s   createMany ${rate(STATEMENTS, baseline.statementSeconds)}/s   ratio ${(baseline.statementSeconds / imported.statementSeconds).toFixed(3)}`);
  console.log(`(the import links, scores and flags every statement; createMany writes the bare rows. Target: 500 statements/s.)`);
  process.exit(0);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
