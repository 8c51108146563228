#!/usr/bin/env node
/**
 * `npm run bench:flags`: the review queue at a million flags, on SQLite and PostgreSQL, and the
 * claim scorer's throughput, as ratios against baselines measured in the same run (not a timed test).
 *
 * For each database: boots the app on a throw-away database, inserts 1,000,000 flags over 100
 * stories (raw batched inserts: the Document Service would take hours), raised one a minute over the
 * last two years (about 1,440 a day, a very busy desk), those resolved or dismissed within three days,
 * each on one of 20,000 statements said by 300 speakers; then times the queue's common queries through
 * the Query Engine, as the admin routes run them, and the Fact-check page's trends over 30 days (as
 * its route computes them), against a primary-key read of one flag: first without the queue's and
 * the trends' indexes, then with them (as the plugin creates them).
 *
 *   npm run bench:flags                    both databases (PostgreSQL on 127.0.0.1:5432)
 *   npm run bench:flags -- --db=sqlite     one of them; --flags=200000 for a quicker run
 */
'use strict';

const { medianMs: timeMs } = require('./median-time');

const path = require('path');
const { withThrowawayApp } = require('../scripts/lib/throwaway-app');

const arg = (name, fallback) => (process.argv.find((item) => item.startsWith(`--${name}=`)) ?? `=${fallback}`).split('=')[1];
const FLAG_COUNT = Number(arg('flags', 1_000_000));
const STORIES = 100;
const KINDS = ['unverified_claim', 'unknown_speaker', 'ambiguous_actor', 'quote_mismatch', 'anonymous_source', 'single_source_number', 'missing_source'];
const STATUSES = ['open', 'open', 'open', 'in_review', 'resolved', 'dismissed', 'obsolete'];
const SEVERITIES = ['low', 'medium', 'high'];
const FLAG = 'plugin::newsgraph.flag';
const STATEMENTS = 20_000;
const SPEAKERS = 300;
const VERDICTS = ['accurate', 'mostly_accurate', 'misleading', 'false', 'unsupported', 'unverifiable', 'not_a_claim'];
const MINUTE = 60_000;

let seed = 11;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (list) => list[Math.floor(random() * list.length)];

/** 300 speakers and 20,000 statements, each said by one of them (raw rows): answers the statements' ids. */
async function seedSpeakers(strapi, batchSize, now) {
  const knex = strapi.db.connection;
  const actors = strapi.db.metadata.get('api::actor.actor');
  const statements = strapi.db.metadata.get('api::statement.statement');
  const column = (meta, attribute) => meta.attributes[attribute].columnName ?? attribute;
  const stamps = (meta) => ({ [column(meta, 'createdAt')]: now, [column(meta, 'updatedAt')]: now, [column(meta, 'publishedAt')]: now });
  const actorRows = Array.from({ length: SPEAKERS }, (_, index) => ({ [column(actors, 'documentId')]: `benchactor${index}`, [column(actors, 'name')]: `Bench speaker ${index}`, [column(actors, 'kind')]: 'person', ...stamps(actors) }));
  await knex.batchInsert(actors.tableName, actorRows, batchSize);
  const actorIds = (await knex(actors.tableName).select('id').where(column(actors, 'documentId'), 'like', 'benchactor%')).map((row) => row.id);
  const statementRows = Array.from({ length: STATEMENTS }, (_, index) => ({ [column(statements, 'documentId')]: `benchstatement${index}`, [column(statements, 'text')]: `Exports fell ${index} percent`, [column(statements, 'kind')]: 'claim', ...stamps(statements) }));
  await knex.batchInsert(statements.tableName, statementRows, batchSize);
  const statementIds = (await knex(statements.tableName).select('id').where(column(statements, 'documentId'), 'like', 'benchstatement%').orderBy('id')).map((row) => row.id);
  const speaker = statements.attributes.speaker.joinTable;
  // A few speakers say most: the square of a uniform pick leans to the first ones.
  const links = statementIds.map((id) => ({ [speaker.joinColumn.name]: id, [speaker.inverseJoinColumn.name]: actorIds[Math.floor(random() ** 2 * actorIds.length)] }));
  await knex.batchInsert(speaker.name, links, batchSize);
  return statementIds;
}

async function seedFlags(strapi) {
  const stories = [];
  for (let index = 0; index < STORIES; index += 1) {
    stories.push((await strapi.documents('api::story.story').create({ data: { title: `Bench story ${index}`, storyDate: '2026-03-10T00:00:00Z' } })).documentId);
  }
  const meta = strapi.db.metadata.get(FLAG);
  const column = (attribute) => meta.attributes[attribute].columnName ?? attribute;
  const knex = strapi.db.connection;
  // SQLite compiles a multi-row insert into one compound SELECT, limited to 500 terms.
  const batchSize = process.env.DATABASE_CLIENT === 'sqlite' ? 400 : 2000;
  const started = Date.now();
  const now = Date.now();
  const statementIds = await seedSpeakers(strapi, batchSize, new Date(now));
  const statementLink = meta.attributes.statement.joinTable;
  // Flags are inserted one after another into this table alone: their ids follow the largest one.
  const firstId = Number((await knex(meta.tableName).max({ id: 'id' }).first())?.id ?? 0) + 1;
  for (let offset = 0; offset < FLAG_COUNT; offset += batchSize) {
    const rows = [];
    const links = [];
    for (let index = offset; index < Math.min(FLAG_COUNT, offset + batchSize); index += 1) {
      const created = new Date(now - (FLAG_COUNT - index) * MINUTE);
      const status = pick(STATUSES);
      const closed = status === 'resolved' || status === 'dismissed' ? new Date(Math.min(now, created.getTime() + Math.floor(random() * 72 * 60) * MINUTE)) : null;
      links.push({ [statementLink.joinColumn.name]: firstId + index, [statementLink.inverseJoinColumn.name]: statementIds[index % statementIds.length] });
      rows.push({
        [column('documentId')]: `flag${index}`,
        [column('key')]: `statement${index}|${pick(KINDS)}|${index}`,
        [column('kind')]: pick(KINDS),
        [column('cause')]: '',
        [column('severity')]: pick(SEVERITIES),
        [column('status')]: status,
        [column('closedAt')]: closed,
        [column('verdict')]: status === 'resolved' ? pick(VERDICTS) : null,
        [column('reason')]: 'synthetic',
        [column('score')]: Math.round(random() * 100) / 100,
        [column('version')]: 1,
        [column('storyDocumentId')]: pick(stories),
        [column('createdAt')]: created,
        [column('updatedAt')]: created,
        [column('publishedAt')]: created,
      });
    }
    await knex.batchInsert(meta.tableName, rows, batchSize);
    await knex.batchInsert(statementLink.name, links, batchSize);
    if ((offset / batchSize) % 100 === 0) process.stdout.write(`\r  seeding ${offset.toLocaleString('en')} / ${FLAG_COUNT.toLocaleString('en')} flags`);
  }
  // The triggers logged a change per row; fold the million into counts at once.
  await strapi.plugin('newsgraph').service('flag-counts').recount();
  process.stdout.write(`\r  seeded ${FLAG_COUNT.toLocaleString('en')} flags in ${((Date.now() - started) / 1000).toFixed(0)} s${' '.repeat(20)}\n`);
  // VACUUM as autovacuum would after a million inserts: PostgreSQL's index-only scans (the trends')
  // skip the table only for pages its visibility map marks all-visible.
  if (process.env.DATABASE_CLIENT === 'postgres') for (const table of [meta.tableName, meta.attributes.statement.joinTable.name]) await knex.raw(`VACUUM ANALYZE ??`, [table]);
  else await knex.raw('ANALYZE');
  return stories;
}

async function measure(strapi, stories, label) {
  const flags = () => strapi.db.query(FLAG);
  const knex = strapi.db.connection;
  const meta = strapi.db.metadata.get(FLAG);
  const column = (attribute) => meta.attributes[attribute].columnName ?? attribute;
  const maxId = (await knex(meta.tableName).max({ id: 'id' }).first()).id;
  const pk = await timeMs(() => flags().findOne({ where: { id: 1 + Math.floor(random() * maxId) } }));
  const queries = {
    'first page of open flags by score': () => flags().findMany({ where: { status: 'open' }, orderBy: [{ score: 'desc' }, { id: 'asc' }], limit: 25 }),
    'first page of open flags by age': () => flags().findMany({ where: { status: 'open' }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], limit: 25 }),
    "one story's open flags by score": () => flags().findMany({ where: { storyDocumentId: pick(stories), status: 'open' }, orderBy: [{ score: 'desc' }, { id: 'asc' }], limit: 25 }),
    'open and in-review counts by kind, counted': () => knex(meta.tableName).select(column('kind')).count({ count: '*' }).whereIn(column('status'), ['open', 'in_review']).groupBy(column('kind')),
    // What the queue reads: the counts the plugin keeps (folded counts plus pending changes), every status, kind and severity.
    'every count, as the plugin keeps them': () => strapi.plugin('newsgraph').service('flag-counts').summary(),
    // The Fact-check page's trends, as GET /newsgraph/flags/trends computes them for a reader of every statement.
    'trends of the last 30 days': () => strapi.plugin('newsgraph').service('flag-trends').trends({ days: 30, utcOffset: 0 }),
    'their median time to resolution alone': () => strapi.plugin('newsgraph').service('flag-trends').medianResolutionMs(new Date(Date.now() - 30 * 86_400_000)),
  };
  console.log(`  ${label}: primary-key read ${pk.toFixed(2)} ms`);
  for (const [name, query] of Object.entries(queries)) {
    const ms = await timeMs(query, /counted|trends|median/.test(name) ? 5 : 30);
    console.log(`    ${name.padEnd(40)} ${ms.toFixed(2).padStart(9)} ms  ${(ms / pk).toFixed(1).padStart(8)}x the primary-key read`);
  }
}

async function benchDatabase(client) {
  console.log(`${client}:`);
  await withThrowawayApp(client, 'bench-flags', async (strapi) => {
    const stories = await seedFlags(strapi);
    const service = strapi.plugin('newsgraph').service('flags');
    await service.dropQueueIndexes();
    await measure(strapi, stories, 'without the queue indexes');
    await service.ensureIndexes();
    await strapi.db.connection.raw('ANALYZE');
    await measure(strapi, stories, 'with the queue indexes (as the plugin creates them)');
  });
}

function benchScorer() {
  const { scoreClaim } = require(path.join(__dirname, '..', 'src', 'plugins', 'newsgraph', 'dist', 'server', 'core', 'claims', 'claim-scorer.js'));
  const words = 'the minister said exports fell by 40 percent last year while talks on the truce resumed in the capital and officials denied it'.split(' ');
  const sentences = Array.from({ length: 100_000 }, () => Array.from({ length: 8 + Math.floor(random() * 25) }, () => pick(words)).join(' '));
  const plainStarted = process.hrtime.bigint();
  let tokens = 0;
  for (const sentence of sentences) tokens += sentence.split(' ').length; // baseline: only splitting the text
  const splitMs = Number(process.hrtime.bigint() - plainStarted) / 1e6;
  const started = process.hrtime.bigint();
  for (const sentence of sentences) scoreClaim(sentence);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(`claims:score: ${Math.round((sentences.length / ms) * 1000).toLocaleString('en')} sentences/s (${sentences.length.toLocaleString('en')} in ${ms.toFixed(0)} ms; ${(ms / Math.max(splitMs, 0.001)).toFixed(0)}x only splitting them into ${tokens.toLocaleString('en')} words)`);
}

(async () => {
  const only = arg('db', 'both');
  benchScorer();
  for (const client of ['sqlite', 'postgres']) if (only === 'both' || only === client) await benchDatabase(client);
})().catch((error) => {
  // A failed batch insert quotes all its rows: the start of the message says what went wrong.
  console.error(String(error && error.message).slice(0, 500));
  process.exit(1);
});
