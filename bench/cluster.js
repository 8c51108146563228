#!/usr/bin/env node
/**
 * `npm run bench:cluster`: two instances on one PostgreSQL database under load, one of them stopped
 * half-way the way an orchestrator stops it (not a timed test; the machine is shared).
 *
 * Seeds a throw-away PostgreSQL database (six organisations, a published story, 800 statements that
 * name the organisations by other names than theirs, a full-access API token), starts two
 * production instances of the compiled app on it (bench/cluster-server.js) behind a round-robin,
 * health-checked balancer (bench/cluster-balancer.js), and sends autocannon load to the balancer:
 * in turns a public GraphQL storyBySlug, a public REST page of the story's statements, and a statement created with the API
 * token, each with a marker of its own in its text. Meanwhile an alias is added to an organisation
 * through REST, on each instance in turn, six times: each starts a relink job whose batches run on
 * pg-boss on both instances. Half-way, while a relink batch is in hand, the second instance gets
 * SIGTERM, and SIGKILL if it has not exited after the grace period (30 s, Kubernetes' default).
 *
 * Then it reports throughput (before the stop, while the instance drains, after), every error
 * (non-2xx, GraphQL errors, timeouts, connection errors), whether every statement acknowledged with a
 * 2xx is stored (and stored once), and whether each relink batch completed exactly once (pg-boss's
 * job and archive tables), each job finished (the plugin's job records), and the relinked statements
 * link the organisation by its new alias. The exit status is 1 when any of that fails.
 *
 *   npm run bench:cluster                          40 s, 10 connections
 *   npm run bench:cluster -- --duration=60 --connections=32 --grace=30
 */
'use strict';

const { spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const autocannon = require('autocannon');
const { withThrowawayApp } = require('../scripts/lib/throwaway-app');
const { createBalancer } = require('./cluster-balancer');

const arg = (name, fallback) => (process.argv.find((item) => item.startsWith(`--${name}=`)) ?? `=${fallback}`).split('=')[1];
const DURATION_S = Number(arg('duration', 40));
const CONNECTIONS = Number(arg('connections', 10));
const GRACE_MS = Number(arg('grace', 30)) * 1000;
const STOP_AT_MS = (DURATION_S * 1000) / 2;
const RELINK_QUEUE = 'newsgraph-relink';
const RELINK_BATCH = 50;
const STATEMENT = 'api::statement.statement';
/** Each run's markers differ, so a stored statement is matched to this run's request only. */
const MARKER = `cb${Date.now().toString(36)}`;

/**
 * The organisations, the alias each gets during the run, how many seeded statements name it by that
 * alias only (so they link it after the relink, not before), when the alias is added (fraction of
 * the run) and on which instance (0 survives, 1 is stopped). The fourth job, the largest, starts on
 * the instance that is stopped shortly before it is stopped.
 */
const ORGANISATIONS = [
  { name: 'Port Authority of Velm', alias: 'the Quay Office', statements: 100, at: 0.1, on: 0 },
  { name: 'Velm Customs Service', alias: 'the Salt Bureau', statements: 100, at: 0.2, on: 1 },
  { name: 'Velm Pilots Guild', alias: 'the Pilot House', statements: 100, at: 0.3, on: 0 },
  { name: 'Velm Harbour Board', alias: 'the Tide Board', statements: 300, at: 0.42, on: 1 },
  { name: 'Velm Ferry Company', alias: 'the Ferry Desk', statements: 100, at: 0.65, on: 0 },
  { name: 'Velm Dock Workers Union', alias: 'the Amber Gate', statements: 100, at: 0.8, on: 0 },
];

const STORY_PAGE = `query($slug: String!) { storyBySlug(slug: $slug) { title statements { text verification speaker { name } mentions { name } } } }`;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const capitalised = (phrase) => phrase[0].toUpperCase() + phrase.slice(1);

async function seed(strapi) {
  const organisations = [];
  for (const organisation of ORGANISATIONS) {
    const actor = await strapi.documents('api::actor.actor').create({ data: { name: organisation.name, kind: 'organization' } });
    organisations.push({ ...organisation, documentId: actor.documentId });
  }
  const story = await strapi.documents('api::story.story').create({
    data: { title: 'Velm harbour reopens, berth by berth', storyDate: '2026-05-02T09:00:00.000Z', sourceUrl: 'https://wire.example/velm', body: 'The harbour of Velm reopened.' },
  });
  for (const organisation of organisations) {
    for (let index = 0; index < organisation.statements; index += 1) {
      await strapi.documents(STATEMENT).create({
        data: { story: story.documentId, kind: 'claim', text: `${capitalised(organisation.alias)} reopened berth ${index} after the inspection`, attribution: 'officials said' },
      });
    }
  }
  await strapi.documents('api::story.story').publish({ documentId: story.documentId });
  const { accessKey: token } = await strapi.service('admin::api-token').create({ name: 'bench-cluster', type: 'full-access', lifespan: null });
  return { organisations, story: { documentId: story.documentId, slug: story.slug }, token };
}

const freePort = () =>
  new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

async function startInstance(name, logFile, spawned) {
  const port = await freePort();
  const log = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, [path.join(__dirname, 'cluster-server.js')], {
    env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), STRAPI_LOG_LEVEL: 'warn' },
    stdio: ['ignore', log, log],
  });
  spawned(child);
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} stopped at start-up; see ${logFile}`);
    if (Date.now() > deadline) throw new Error(`${name} was not healthy after 3 minutes; see ${logFile}`);
    const healthy = await fetch(`http://127.0.0.1:${port}/_health`).then((response) => response.status === 204, () => false);
    if (healthy) return { name, port, child, exited };
    await sleep(500);
  }
}

/** Stops an instance as an orchestrator does: SIGTERM, then SIGKILL after the grace period. */
async function stopInstance(instance) {
  const started = Date.now();
  instance.child.kill('SIGTERM');
  const killer = setTimeout(() => instance.child.kill('SIGKILL'), GRACE_MS);
  const { code, signal } = await instance.exited;
  clearTimeout(killer);
  return { ms: Date.now() - started, code, signal };
}

async function request(port, method, route, token, body) {
  const response = await fetch(`http://127.0.0.1:${port}${route}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: await response.text() };
}

async function relinkBatches(strapi) {
  const columns = `id, state, retry_count, data->>'job' AS job, data->'statementIds'->>0 AS first, jsonb_array_length(data->'statementIds') AS size`;
  const { rows } = await strapi.db.connection.raw(
    `SELECT ${columns} FROM pgboss.job WHERE name = ? UNION ALL SELECT ${columns} FROM pgboss.archive WHERE name = ?`,
    [RELINK_QUEUE, RELINK_QUEUE]
  );
  return rows;
}

/** The load: reads and writes in turns, every write with a marker of its own; what was acknowledged. */
function load(port, seeded, events) {
  const acknowledged = new Set();
  const sent = new Set();
  const graphqlErrors = [];
  const oddAnswers = [];
  const statuses = new Map();
  let written = 0;
  const countStatus = (kind, status) => statuses.set(`${kind} ${status}`, (statuses.get(`${kind} ${status}`) ?? 0) + 1);
  const organisations = seeded.organisations;
  const instance = autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: DURATION_S,
    timeout: 10,
    requests: [
      {
        method: 'GET',
        path: `/graphql?query=${encodeURIComponent(STORY_PAGE)}&variables=${encodeURIComponent(JSON.stringify({ slug: seeded.story.slug }))}`,
        // Apollo refuses a GET without a header a browser form could not send (CSRF prevention).
        headers: { 'apollo-require-preflight': 'true' },
        onResponse: (status, body) => {
          countStatus('graphql', status);
          if (status === 200 && !body.startsWith('{"data":{"storyBySlug":{')) graphqlErrors.push(body.slice(0, 200));
        },
      },
      {
        method: 'GET',
        path: `/api/statements?filters[story][documentId][$eq]=${seeded.story.documentId}&populate[speaker][fields][0]=name&pagination[pageSize]=25`,
        onResponse: (status) => countStatus('rest read', status),
      },
      {
        method: 'POST',
        path: '/api/statements',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${seeded.token}` },
        setupRequest: (req, context) => {
          written += 1;
          const [speaker, mentioned] = [organisations[written % 6], organisations[(written + 1) % 6]];
          context.marker = `${MARKER}x${written}`;
          sent.add(context.marker);
          const text = `${mentioned.name} confirmed the berth schedule, note ${context.marker}`;
          return { ...req, body: JSON.stringify({ data: { story: seeded.story.documentId, kind: 'paraphrase', text, attribution: `${speaker.name} said` } }) };
        },
        onResponse: (status, body, context) => {
          countStatus('statement create', status);
          // The answer names the statement it stored: its text carries the marker.
          if (status >= 200 && status < 300) {
            if (JSON.parse(body).data?.text?.includes(context.marker)) acknowledged.add(context.marker);
            else oddAnswers.push(body.slice(0, 300));
          }
        },
      },
    ],
  });
  const connectionErrors = new Map();
  const errorTimes = [];
  instance.on('reqError', (error) => {
    errorTimes.push(Date.now());
    connectionErrors.set(error.code ?? error.message, (connectionErrors.get(error.code ?? error.message) ?? 0) + 1);
  });
  instance.on('response', () => events.push(Date.now()));
  return new Promise((resolve, reject) => {
    instance.on('done', (result) => resolve({ result, acknowledged, sent, graphqlErrors, oddAnswers, statuses, connectionErrors, errorTimes }));
    instance.on('error', reject);
  });
}

/** Adds each organisation's alias on its instance at its time; the second instance only while it runs. */
async function addAliases(seeded, instances, started, added) {
  for (const organisation of seeded.organisations) {
    await sleep(Math.max(0, started + organisation.at * DURATION_S * 1000 - Date.now()));
    const instance = instances[organisation.on].stopped ? instances[0] : instances[organisation.on];
    const response = await request(instance.port, 'PUT', `/api/actors/${organisation.documentId}`, seeded.token, { data: { aliases: [{ name: organisation.alias }] } });
    added.push({ ...organisation, instance: instance.name, status: response.status, at: Date.now() - started });
  }
}

const rate = (times, from, to) => (to > from ? (times.filter((time) => time >= from && time < to).length * 1000) / (to - from) : 0);

async function run(strapi) {
  process.stdout.write(`postgres: seeding ${ORGANISATIONS.reduce((sum, organisation) => sum + organisation.statements, 0)} statements... `);
  const seeded = await seed(strapi);
  // This process only seeds and checks: it leaves the relink batches to the two instances.
  await strapi.plugin('newsgraph').service('relink').stop();
  console.log('done');

  const logFile = path.join(os.tmpdir(), `newsgraph-bench-cluster-${process.pid}.log`);
  process.stdout.write(`starting two production instances (log: ${logFile})... `);
  // An error in the bench (or one instance failing to start) must not leave an instance running on a
  // dropped database.
  const children = [];
  process.on('exit', () => children.forEach((child) => child.exitCode === null && child.kill('SIGKILL')));
  const instances = await Promise.all(
    ['instance 1', 'instance 2'].map((name) => startInstance(name, logFile, (child) => children.push(child)))
  );
  const balancer = createBalancer(instances.map(({ name, port }) => ({ name, port })));
  const balancerPort = await balancer.listen();
  console.log('done');
  console.log(`load: ${CONNECTIONS} connections for ${DURATION_S} s through the balancer; ${instances[1].name} gets SIGTERM at ${STOP_AT_MS / 1000} s (SIGKILL after ${GRACE_MS / 1000} s)`);

  const responses = [];
  const started = Date.now();
  const added = [];
  const aliases = addAliases(seeded, instances, started, added);
  const stopping = (async () => {
    await sleep(STOP_AT_MS);
    // Stop it while a batch is in hand, if one is within a few seconds.
    const waitUntil = Date.now() + 5000;
    let active = [];
    while (Date.now() < waitUntil) {
      active = (await relinkBatches(strapi)).filter((batch) => batch.state === 'active');
      if (active.length > 0) break;
      await sleep(100);
    }
    const at = Date.now() - started;
    instances[1].stopped = true;
    const stop = await stopInstance(instances[1]);
    return { at, activeBatches: active.length, ...stop };
  })();
  const loaded = await load(balancerPort, seeded, responses);
  const stop = await stopping;
  await aliases;

  process.stdout.write('waiting for the relink jobs to finish... ');
  const waited = Date.now();
  let unfinished = 0;
  try {
    await strapi.plugin('newsgraph').service('relink').idle(300_000);
  } catch {
    unfinished = await strapi.db.query('plugin::newsgraph.relink-job').count({ where: { state: 'running' } });
  }
  console.log(`${((Date.now() - waited) / 1000).toFixed(1)} s`);

  // Every statement this run wrote, by marker.
  const stored = await strapi.db.query(STATEMENT).findMany({ where: { text: { $contains: MARKER } }, select: ['text'] });
  const storedCount = new Map();
  for (const { text } of stored) {
    const marker = text.match(new RegExp(`${MARKER}x\\d+`))[0];
    storedCount.set(marker, (storedCount.get(marker) ?? 0) + 1);
  }
  const lost = [...loaded.acknowledged].filter((marker) => !storedCount.has(marker));
  const duplicated = [...storedCount.values()].filter((count) => count > 1).length;
  const storedUnacknowledged = [...storedCount.keys()].filter((marker) => !loaded.acknowledged.has(marker)).length;

  // Relink batches: each completed once, in pg-boss's tables; each job finished, in the plugin's.
  const batches = await relinkBatches(strapi);
  const byBatch = new Map();
  for (const batch of batches) byBatch.set(`${batch.job} ${batch.first}`, [...(byBatch.get(`${batch.job} ${batch.first}`) ?? []), batch]);
  const completions = [...byBatch.values()].map((rows) => rows.filter((row) => row.state === 'completed').length);
  const jobs = await strapi.db.query('plugin::newsgraph.relink-job').findMany({ select: ['documentId', 'state', 'total', 'done', 'failed'] });
  const expectedBatches = jobs.reduce((sum, job) => sum + Math.ceil(job.total / RELINK_BATCH), 0);

  // The relinked statements link the organisation by its new alias.
  const relinked = [];
  for (const organisation of seeded.organisations) {
    const naming = { text: { $contains: organisation.alias.replace(/^the /, '') } };
    const all = await strapi.db.query(STATEMENT).count({ where: naming });
    const linked = await strapi.db.query(STATEMENT).count({ where: { ...naming, mentions: { documentId: organisation.documentId } } });
    relinked.push({ alias: organisation.alias, all, linked });
  }

  const survivor = await stopInstance(instances[0]);
  await balancer.close();

  const { result } = loaded;
  // autocannon counts a timeout among its errors too.
  const errors = result.non2xx + result.errors + loaded.graphqlErrors.length;
  const stoppedAt = started + stop.at;
  const exitedAt = stoppedAt + stop.ms;
  const end = started + DURATION_S * 1000;
  console.log(`\nuptime: ${os.loadavg().map((load) => load.toFixed(2)).join(' ')}`);
  console.log(`requests: ${result.requests.total.toLocaleString('en')} in ${DURATION_S} s, ${Math.round(result.requests.average)} req/s on average, p99 ${result.latency.p99} ms`);
  console.log(
    `  req/s: both instances ${rate(responses, started + 2000, stoppedAt).toFixed(1)}, while ${instances[1].name} drained ${rate(responses, stoppedAt, exitedAt).toFixed(1)}, survivor alone ${rate(responses, exitedAt, end).toFixed(1)}`
  );
  console.log(`  by kind and status: ${[...loaded.statuses].map(([key, count]) => `${key}: ${count}`).join(', ')}`);
  console.log(`errors: ${errors} (non-2xx ${result.non2xx}, GraphQL errors ${loaded.graphqlErrors.length}, timeouts ${result.timeouts}, connection errors ${result.errors - result.timeouts}${loaded.connectionErrors.size ? ` ${JSON.stringify(Object.fromEntries(loaded.connectionErrors))}` : ''})`);
  if (result.errors > 0) {
    const count = (from, to) => loaded.errorTimes.filter((time) => time >= from && time < to).length;
    console.log(`  timeouts and connection errors: ${count(started, stoppedAt)} before the stop, ${count(stoppedAt, exitedAt)} while draining, ${count(exitedAt, Infinity)} after`);
  }
  if (loaded.oddAnswers.length) console.log(`  2xx statement creates without the statement: ${loaded.oddAnswers.length}, first: ${loaded.oddAnswers[0]}`);
  if (loaded.graphqlErrors.length) console.log(`  first GraphQL error: ${loaded.graphqlErrors[0]}`);
  console.log(`balancer: retried on the other instance ${balancer.stats.retried}, 502 ${balancer.stats.badGateway}, 503 ${balancer.stats.noInstance}; served ${balancer.upstreams.map((upstream) => `${upstream.name} ${upstream.served}`).join(', ')}`);
  console.log(
    `${instances[1].name} stopped at ${(stop.at / 1000).toFixed(1)} s with ${stop.activeBatches} relink batch(es) in hand: exited after ${(stop.ms / 1000).toFixed(1)} s (${stop.signal ?? `code ${stop.code}`}); ${instances[0].name} at the end: ${(survivor.ms / 1000).toFixed(1)} s (${survivor.signal ?? `code ${survivor.code}`})`
  );
  console.log(`writes: ${loaded.sent.size} sent, ${loaded.acknowledged.size} acknowledged, ${lost.length} acknowledged but not stored, ${duplicated} stored twice, ${storedUnacknowledged} stored without an acknowledgement`);
  console.log(`aliases added: ${added.map((alias) => `${alias.alias} on ${alias.instance} at ${(alias.at / 1000).toFixed(1)} s: ${alias.status}`).join('; ')}`);
  console.log(
    `relink jobs: ${jobs.length}, done ${jobs.filter((job) => job.state === 'done' && job.done === job.total).length}, statements failed ${jobs.reduce((sum, job) => sum + job.failed, 0)}, still running ${unfinished}`
  );
  const completedOnce = completions.filter((count) => count === 1).length;
  console.log(
    `relink batches: ${byBatch.size} (expected ${expectedBatches}), completed exactly once ${completedOnce}, never ${completions.filter((count) => count === 0).length}, more than once ${completions.filter((count) => count > 1).length}; retried after a failure ${batches.filter((batch) => batch.retry_count > 0).length}`
  );
  console.log(`relinked by the new alias: ${relinked.map((row) => `${row.alias} ${row.linked}/${row.all}`).join(', ')}`);

  const failures = [
    errors > 0 && `${errors} errors`,
    lost.length > 0 && `${lost.length} acknowledged writes lost`,
    duplicated > 0 && `${duplicated} writes stored twice`,
    added.some((alias) => alias.status !== 200) && 'an alias was refused',
    jobs.length !== seeded.organisations.length && `${jobs.length} relink jobs for ${seeded.organisations.length} aliases`,
    jobs.some((job) => job.state !== 'done' || job.done !== job.total || job.failed > 0) && 'a relink job did not finish cleanly',
    (byBatch.size !== expectedBatches || completedOnce !== byBatch.size) && 'a relink batch did not complete exactly once',
    relinked.some((row) => row.linked !== row.all) && 'a statement was not relinked',
  ].filter(Boolean);
  console.log(failures.length ? `\nFAILED: ${failures.join('; ')}` : '\nOK: no errors, no lost writes, every relink batch completed once');
  if (failures.length) process.exitCode = 1;
}

withThrowawayApp('postgres', 'bench-cluster', run).then(
  () => process.exit(process.exitCode ?? 0),
  (error) => {
    console.error(error);
    process.exit(1);
  }
);
