#!/usr/bin/env node
/**
 * `npm run bench:save`: what a save costs, over REST, as ratios measured in one run (not a timed
 * test; the machine is shared, so read the ratios).
 *
 * Starts two apps side by side on throw-away databases (bench/save-server.js): Newsgraph, and the
 * same app with the plugin switched off (NEWSGRAPH_ENABLED=false: stock Strapi on the same content
 * types), and sends both the same requests, in turns, with a full-access API token:
 *   - a draft story created (POST /api/stories?status=draft);
 *   - a statement created in an empty story, and in a story of 500 statements (linked, and raising
 *     no flag); then the same after 10 statements that raise a flag each were added to each story.
 * The measured statement is a claim with a number and an attribution that names an actor: Newsgraph
 * links its speaker and mentions, scores it, and opens two flags with their review events. It is
 * deleted after each sample (not timed), so every sample saves into the same story.
 * Each figure is the median of 30 samples, after 3 not counted.
 *
 *   npm run bench:save                       SQLite, then PostgreSQL on 127.0.0.1:5432
 *   npm run bench:save -- --db=sqlite        one of them
 *   npm run bench:save -- --runs=10          fewer samples
 *   npm run bench:save -- --cpu-prof=DIR     V8 CPU profiles of both apps' timed saves (seeding left out)
 *                                            into DIR/save-<database>-<app>.cpuprofile
 *   npm run bench:save -- --sql              also list the SQL statements of one save of each app
 *
 * It also counts the SQL statements of one save of the measured statement on each app (knex's query
 * event, transaction control included): on PostgreSQL each is a round trip to the server. And it
 * reads the CPU time each app's process spent on each statement save (process.cpuUsage, from just
 * before the request to its answer): unlike the wall time it does not grow when other processes take
 * the machine's cores, but it leaves out PostgreSQL's own work, done in the server's processes.
 */
'use strict';

const { spawn } = require('child_process');
const path = require('path');
const readline = require('readline');

const arg = (name, fallback) => (process.argv.find((item) => item.startsWith(`--${name}=`)) ?? `=${fallback}`).split('=').slice(1).join('=');
const DATABASES = arg('db', 'sqlite,postgres').split(',');
const RUNS = Number(arg('runs', 30));
const WARMUP = 3;
const CPU_PROF = arg('cpu-prof', '');
const LIST_SQL = process.argv.includes('--sql');
const TRACED_SAVES = 9;
const LARGE_STORY = 500;
const FLAGGED = 10;
const PEOPLE = ['Karel Dvorak', 'Lena Sorensen', 'Piet Maas', 'Ana Ruiz', 'Omar Haddad'];
const PLACES = ['harbour office', 'port authority', 'old customs house', 'city hall', 'ferry terminal'];

/** The statement every sample saves: linked (speaker, two mentions, a proposal), two flags. */
const MEASURED = {
  kind: 'claim',
  text: 'Exports through the harbour fell 12 percent in March, Piet Maas and Ana Ruiz told the Harbour accord talks',
  attribution: 'Lena Sorensen said on Monday',
};

/** Statements that link and raise no flag: a named speaker, no number, the story's source. */
const quiet = (count) =>
  Array.from({ length: count }, (_, index) => ({
    kind: 'paraphrase',
    text: `${PEOPLE[(index + 1) % 5]} and ${PEOPLE[(index + 2) % 5]} met again at the ${PLACES[index % 5]} to go over the ${['first', 'second', 'third', 'next'][index % 4]} draft`,
    attribution: `${PEOPLE[index % 5]} said`,
  }));

/** Statements that raise one flag each: a direct quote whose words are not in the story's body. */
const flagged = (count) =>
  Array.from({ length: count }, (_, index) => ({
    kind: 'direct_quote',
    text: `We will not sign anything this week about the ${PLACES[index % 5]}, ${['and that is final', 'whatever they say'][index % 2]}`,
    attribution: `${PEOPLE[index % 5]} said`,
  }));

function startApp(client, plugin) {
  const child = spawn(process.execPath, [path.join(__dirname, 'save-server.js'), client, `bench-save-${plugin ? 'newsgraph' : 'stock'}`], {
    env: { ...process.env, NODE_ENV: 'production', NEWSGRAPH_ENABLED: String(plugin) },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  child.stdin.on('error', () => {}); // an app that died is reported by next() below
  const lines = readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => {
    for (;;) {
      const { value, done } = await lines.next();
      if (done) throw new Error(`the ${plugin ? 'Newsgraph' : 'stock'} app stopped`);
      if (value.startsWith('{')) return JSON.parse(value);
    }
  };
  const app = {
    child,
    async command(message) {
      child.stdin.write(`${JSON.stringify(message)}\n`);
      const answer = await next();
      if (!answer.ok) throw new Error(answer.error);
      return answer;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.stdin.end(`${JSON.stringify({ cmd: 'stop' })}\n`);
      await exited;
    },
  };
  return next().then((ready) => Object.assign(app, ready));
}

async function request(app, method, route, body) {
  const response = await fetch(`http://127.0.0.1:${app.port}${route}`, {
    method,
    headers: { authorization: `Bearer ${app.token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

async function timed(work) {
  const started = process.hrtime.bigint();
  const result = await work();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, result };
}

const median = (samples) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)];

/**
 * Saves the measured statement into `stories[app]` and a draft story, on both apps in turns
 * (the order rotates each round, so neither app always goes first).
 * @returns medians per app: statement and story
 */
async function measure(apps, stories, round) {
  const samples = apps.map(() => ({ statement: [], statementCpu: [], story: [] }));
  const cpu = async (app) => (await app.command({ cmd: 'cpu' })).cpu;
  for (let run = 0; run < WARMUP + RUNS; run += 1) {
    const order = run % 2 === 0 ? [0, 1] : [1, 0];
    for (const which of order) {
      const app = apps[which];
      const cpuBefore = await cpu(app);
      const statement = await timed(() => request(app, 'POST', '/api/statements', { data: { ...MEASURED, story: stories[which] } }));
      const statementCpu = ((await cpu(app)) - cpuBefore) / 1000;
      const story = await timed(() => request(app, 'POST', '/api/stories?status=draft', { data: { title: `Harbour talks, ${round} ${run}`, storyDate: '2026-05-02', body: 'Talks went on.' } }));
      await request(app, 'DELETE', `/api/statements/${statement.result.data.documentId}`);
      if (run >= WARMUP) {
        samples[which].statement.push(statement.ms);
        samples[which].statementCpu.push(statementCpu);
        samples[which].story.push(story.ms);
      }
    }
  }
  return samples.map((sample) => ({ statement: median(sample.statement), statementCpu: median(sample.statementCpu), story: median(sample.story) }));
}

async function benchDatabase(client) {
  process.stdout.write(`${client}: starting Newsgraph and stock Strapi, seeding a story of ${LARGE_STORY} statements... `);
  const apps = await Promise.all([startApp(client, true), startApp(client, false)]);
  try {
    if (!apps[0].plugin || apps[1].plugin) throw new Error('the plugin switch did not take');
    const stories = [];
    for (const app of apps) {
      const { stories: seeded } = await app.command({ cmd: 'seed' });
      await app.command({ cmd: 'addStatements', story: seeded.large, statements: quiet(LARGE_STORY) });
      stories.push(seeded);
    }
    const openFlags = async (key) => (await apps[0].command({ cmd: 'openFlags', story: stories[0][key] })).openFlags;
    console.log('done');
    if ((await openFlags('large')) !== 0) throw new Error(`the ${LARGE_STORY}-statement story should have no open flag, it has ${await openFlags('large')}`);

    const rows = [];
    if (CPU_PROF) await Promise.all(apps.map((app) => app.command({ cmd: 'profileStart' })));
    for (const withFlags of [false, true]) {
      if (withFlags) {
        for (const [index, app] of apps.entries()) {
          for (const key of ['empty', 'large']) await app.command({ cmd: 'addStatements', story: stories[index][key], statements: flagged(FLAGGED) });
        }
        for (const key of ['empty', 'large']) {
          const open = await openFlags(key);
          if (open !== FLAGGED) throw new Error(`the ${key} story should have ${FLAGGED} open flags, it has ${open}`);
        }
      }
      for (const key of ['empty', 'large']) {
        const [newsgraph, stock] = await measure(apps, stories.map((story) => story[key]), `${key}${withFlags ? ' flagged' : ''}`);
        rows.push({ key, withFlags, newsgraph, stock });
      }
    }
    if (CPU_PROF) {
      for (const [index, name] of ['newsgraph', 'stock'].entries()) {
        const { file } = await apps[index].command({ cmd: 'profileStop', file: path.resolve(CPU_PROF, `save-${client}-${name}.cpuprofile`) });
        console.log(`  CPU profile of ${name}'s timed saves (flagged statements added between rounds included): ${file}`);
      }
    }
    // The measured statement opens its flags in Newsgraph (checked once, on the app's own count).
    const probe = await request(apps[0], 'POST', '/api/statements', { data: { ...MEASURED, story: stories[0].empty } });
    const flagsOfProbe = (await openFlags('empty')) - FLAGGED;
    await request(apps[0], 'DELETE', `/api/statements/${probe.data.documentId}`);

    // Saves of each app, recorded statement by statement, with each statement's median time.
    const traced = [];
    for (const [index, app] of apps.entries()) {
      const samples = [];
      for (let sample = 0; sample < TRACED_SAVES; sample += 1) {
        await app.command({ cmd: 'traceSql' });
        const saved = await request(app, 'POST', '/api/statements', { data: { ...MEASURED, story: stories[index].large } });
        samples.push((await app.command({ cmd: 'tracedSql' })).sql);
        await request(app, 'DELETE', `/api/statements/${saved.data.documentId}`);
      }
      const sql = samples[samples.length - 1];
      const alike = samples.filter((sample) => sample.length === sql.length);
      const timed = sql.map((statement, position) => ({ sql: statement.sql, rows: statement.rows, ms: median(alike.map((sample) => sample[position].ms ?? 0)) }));
      const commit = sql.findIndex((statement) => /^commit/i.test(statement.sql.trim()));
      traced.push({ total: sql.length, beforeCommit: commit === -1 ? sql.length : commit, sql: timed, ms: timed.reduce((sum, statement) => sum + statement.ms, 0) });
    }

    const label = (row) => `${row.key === 'empty' ? 'empty story' : `story of ${LARGE_STORY} statements`}${row.withFlags ? `, ${FLAGGED} flags open` : ''}`;
    const ms = (value) => `${value.toFixed(1)} ms`;
    console.log(`  ${client}, medians of ${RUNS} over REST (the measured statement opens ${flagsOfProbe} flags in Newsgraph):`);
    console.log(`  ${'statement saved in'.padEnd(42)} ${'Newsgraph'.padStart(10)} ${'stock'.padStart(9)} ${'x stock'.padStart(8)} ${'story save'.padStart(11)} ${'x story'.padStart(8)} ${'x empty'.padStart(8)}   CPU: ${'Newsgraph'.padStart(9)} ${'stock'.padStart(8)} ${'x stock'.padStart(8)}`);
    for (const row of rows) {
      const empty = rows.find((other) => other.key === 'empty' && other.withFlags === row.withFlags);
      console.log(
        `  ${label(row).padEnd(42)} ${ms(row.newsgraph.statement).padStart(10)} ${ms(row.stock.statement).padStart(9)} ${`${(row.newsgraph.statement / row.stock.statement).toFixed(2)}x`.padStart(8)} ${ms(row.newsgraph.story).padStart(11)} ${`${(row.newsgraph.statement / row.newsgraph.story).toFixed(2)}x`.padStart(8)} ${`${(row.newsgraph.statement / empty.newsgraph.statement).toFixed(2)}x`.padStart(8)}        ${ms(row.newsgraph.statementCpu).padStart(9)} ${ms(row.stock.statementCpu).padStart(8)} ${`${(row.newsgraph.statementCpu / row.stock.statementCpu).toFixed(2)}x`.padStart(8)}`
      );
    }
    const stockStory = median(rows.map((row) => row.stock.story));
    const newsgraphStory = median(rows.map((row) => row.newsgraph.story));
    console.log(`  a draft story: Newsgraph ${ms(newsgraphStory)}, stock ${ms(stockStory)} (${(newsgraphStory / stockStory).toFixed(2)}x)`);
    const [newsgraphSql, stockSql] = traced;
    console.log(`  SQL statements of one save (story of ${LARGE_STORY}): Newsgraph ${newsgraphSql.total}, ${newsgraphSql.beforeCommit} before its commit; stock ${stockSql.total}, ${stockSql.beforeCommit} before its commit`);
    console.log(`  their time, query to answer (median of ${TRACED_SAVES} saves, summed): Newsgraph ${ms(newsgraphSql.ms)}, stock ${ms(stockSql.ms)}`);
    if (LIST_SQL) {
      for (const [index, name] of ['Newsgraph', 'stock'].entries()) {
        console.log(`  ${name}:`);
        traced[index].sql.forEach((statement, position) => console.log(`    ${String(position + 1).padStart(3)} ${statement.ms.toFixed(2).padStart(6)} ms ${String(statement.rows ?? '').padStart(4)}  ${statement.sql.replace(/\s+/g, ' ').slice(0, 200)}`));
      }
    }
    console.log('  targets: x stock <= 1.5, x story <= 1.5, x empty <= 1.3 (story of 500 against the empty story)');
  } finally {
    await Promise.all(apps.map((app) => app.stop()));
  }
}

(async () => {
  for (const client of DATABASES) await benchDatabase(client);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
