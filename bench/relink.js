#!/usr/bin/env node
/**
 * `npm run bench:relink`: what finding the statements an actor's save must relink costs, against a
 * primary-key read of one statement in the same run (not a timed test; read the ratios).
 *
 * An actor's save relinks the statements whose folded text contains one of its names
 * (`linkText LIKE '% phrase %'`, services/relink.ts, statementsAffectedByActor). Seeds N statements
 * (raw rows with their linkText) and 50 organisations, each named by its name and an alias in about
 * 20 statements; then times statementsAffectedByActor for them, on PostgreSQL first without the
 * trigram index (a scan of every statement), then with it (services/relink.ts, ensureLinkTextIndex);
 * on SQLite there is no such index (see docs/performance.md, "The relink query").
 *
 *   npm run bench:relink                                   100,000 statements, SQLite then PostgreSQL
 *   npm run bench:relink -- --statements=20000 --db=postgres
 */
'use strict';

const { medianMs: timeMs } = require('./median-time');

const { withThrowawayApp } = require('../scripts/lib/throwaway-app');

const arg = (name, fallback) => (process.argv.find((item) => item.startsWith(`--${name}=`)) ?? `=${fallback}`).split('=')[1];
const STATEMENTS = Number(arg('statements', 100_000));
const DATABASES = arg('db', 'sqlite,postgres').split(',');
const ORGANISATIONS = 50;
const STATEMENT = 'api::statement.statement';

const WORDS = ['harbour', 'customs', 'berth', 'tariff', 'quota', 'freight', 'crane', 'tender', 'levy', 'pilot', 'ferry', 'dredging', 'quay', 'cargo', 'toll', 'permit'];
const organisationName = (index) => `Velm ${WORDS[index % WORDS.length]} board ${index}`;
const organisationAlias = (index) => `the ${WORDS[(index * 7) % WORDS.length]} office ${index}`;

async function seed(strapi) {
  const knex = strapi.db.connection;
  const meta = strapi.db.metadata.get(STATEMENT);
  const column = (attribute) => meta.attributes[attribute].columnName ?? attribute;
  const now = new Date();
  const rows = [];
  for (let index = 0; index < STATEMENTS; index += 1) {
    // One statement in 100 names an organisation, by its name or its alias; the rest name nobody.
    const named = index % 100 === 0 ? (index / 100) % ORGANISATIONS : -1;
    const words = `${WORDS[index % 16]} ${WORDS[(index >> 4) % 16]} ${WORDS[(index >> 8) % 16]} rose ${index % 97} percent`;
    const text = named < 0 ? `The ${words}` : `${index % 200 === 0 ? organisationName(named) : organisationAlias(named)} said the ${words}`;
    const linkText = ` ${text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()} `;
    rows.push({ [column('documentId')]: `relinkbench${index}`, [column('text')]: text, [column('kind')]: 'claim', [column('linkText')]: linkText, [column('createdAt')]: now, [column('updatedAt')]: now });
  }
  await knex.batchInsert(meta.tableName, rows, strapi.db.dialect.client === 'postgres' ? 2000 : 500);
  const actors = [];
  for (let index = 0; index < ORGANISATIONS; index += 1) {
    const actor = await strapi.documents('api::actor.actor').create({ data: { name: organisationName(index), kind: 'organization', aliases: [{ name: organisationAlias(index) }] } });
    actors.push(actor.documentId);
  }
  if (strapi.db.dialect.client === 'postgres') await knex.raw('ANALYZE ??', [meta.tableName]);
  return { actors, table: meta.tableName };
}

async function run(database) {
  await withThrowawayApp(database, 'bench-relink', async (strapi) => {
    const relink = strapi.plugin('newsgraph').service('relink');
    process.stdout.write(`${database}: seeding ${STATEMENTS.toLocaleString('en')} statements and ${ORGANISATIONS} organisations... `);
    const { actors, table } = await seed(strapi);
    // Only the query is measured: the organisations' own relink jobs finish first, and none runs meanwhile.
    await relink.idle(600_000);
    await relink.stop();
    console.log('done');
    const knex = strapi.db.connection;
    const ids = (await knex(table).select('id').limit(1000)).map((row) => row.id);
    const primaryKeyRead = await timeMs((i) => strapi.db.query(STATEMENT).findOne({ where: { id: ids[i % ids.length] }, select: ['documentId'] }), 200);
    let found = 0;
    const affected = async (i) => {
      found = (await relink.statementsAffectedByActor(actors[i % actors.length])).length;
    };
    console.log(`  primary-key read of a statement: ${primaryKeyRead.toFixed(2)} ms`);
    const report = (label, ms) => console.log(`  ${label.padEnd(52)} ${ms.toFixed(2).padStart(9)} ms  ${(ms / primaryKeyRead).toFixed(1).padStart(8)}x the primary-key read  (${found} statements found)`);
    if (database === 'postgres') {
      await relink.dropLinkTextIndex();
      report("an actor's statements to relink, no trigram index", await timeMs(affected, 20));
      const indexed = await relink.ensureLinkTextIndex();
      await knex.raw('ANALYZE ??', [table]);
      report(`the same, with the trigram index${indexed ? '' : ' (NOT CREATED)'}`, await timeMs(affected, 50));
    } else {
      report("an actor's statements to relink (a scan; no index)", await timeMs(affected, 20));
    }
  });
}

(async () => {
  for (const database of DATABASES) await run(database);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
