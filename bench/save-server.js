#!/usr/bin/env node
/**
 * One app of `npm run bench:save` (bench/save.js starts two: Newsgraph, and the same app with the
 * plugin switched off). Boots the compiled app on a throw-away database, serves it on a local port
 * and answers the driver's commands, one JSON line each way on stdin and stdout:
 *
 *   { "cmd": "seed" }                         actors, and the stories the driver measures in
 *   { "cmd": "addStatements", "story", "statements" }
 *   { "cmd": "openFlags", "story" }           open flags on the story (null without the plugin)
 *   { "cmd": "traceSql" }                     records every SQL statement from now on (knex's query event)
 *   { "cmd": "tracedSql" }                    stops recording and answers what was recorded, each statement with its time in ms
 *   { "cmd": "cpu" }                          the CPU time the process has used so far, in microseconds
 *   { "cmd": "profileStart" }                 starts V8's CPU profiler (node:inspector), so that a profile holds the timed saves only
 *   { "cmd": "profileStop", "file" }          stops it and writes the profile to the file (open it in Chrome's DevTools)
 *   { "cmd": "stop" }
 *
 * Seeding goes through strapi.documents(), so the plugin's middlewares link and flag what is seeded
 * as a newsroom's own saves would; the measured saves go through REST.
 */
'use strict';

const fs = require('fs');
const inspector = require('inspector');
const path = require('path');
const readline = require('readline');
const { withThrowawayApp } = require('../scripts/lib/throwaway-app');

const [client, label] = process.argv.slice(2);
const PEOPLE = ['Karel Dvorak', 'Lena Sorensen', 'Piet Maas', 'Ana Ruiz', 'Omar Haddad'];
const FLAG_UID = 'plugin::newsgraph.flag';

const reply = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);

async function createStory(strapi, title) {
  const story = await strapi.documents('api::story.story').create({
    data: { title, storyDate: '2026-05-02T09:00:00.000Z', sourceUrl: 'https://wire.example/harbour', body: 'Talks on the harbour went on through the night.' },
  });
  return story.documentId;
}

async function seed(strapi) {
  for (const name of PEOPLE) await strapi.documents('api::actor.actor').create({ data: { name, kind: 'person' } });
  await strapi.documents('api::proposal.proposal').create({ data: { title: 'Harbour accord', kind: 'agreement', status: 'under_negotiation' } });
  return { empty: await createStory(strapi, 'Harbour talks, an empty story'), large: await createStory(strapi, 'Harbour talks, day by day') };
}

async function addStatements(strapi, story, statements) {
  for (const statement of statements) await strapi.documents('api::statement.statement').create({ data: { ...statement, story } });
}

async function openFlags(strapi, story) {
  if (!strapi.plugin('newsgraph')) return null;
  return strapi.db.query(FLAG_UID).count({ where: { storyDocumentId: story, status: 'open' } });
}

/** V8's CPU profiler in this process, started and stopped on command. */
function cpuProfiler() {
  const session = new inspector.Session();
  session.connect();
  const post = (method, params = {}) => new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  return {
    async start() {
      await post('Profiler.enable');
      await post('Profiler.start');
    },
    async stop(file) {
      const { profile } = await post('Profiler.stop');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify(profile));
      return file;
    },
  };
}

/**
 * Every SQL statement the app sends while recording, transaction control included, as knex reports
 * it (on PostgreSQL each one is a round trip to the server), with its time and the rows it returned.
 */
function sqlRecorder(strapi) {
  let recorded = null;
  const started = new Map();
  strapi.db.connection.on('query', (query) => {
    if (!recorded) return;
    const entry = { sql: query.sql, ms: null, rows: null };
    recorded.push(entry);
    started.set(query.__knexQueryUid, { entry, at: process.hrtime.bigint() });
  });
  // From the query's start to its answer: on SQLite the statement's own run (better-sqlite3 runs it
  // synchronously), on PostgreSQL the round trip.
  const finish = (response, query) => {
    const start = started.get(query.__knexQueryUid);
    if (!start) return;
    started.delete(query.__knexQueryUid);
    start.entry.ms = Number(process.hrtime.bigint() - start.at) / 1e6;
    if (Array.isArray(response)) start.entry.rows = response.length;
  };
  strapi.db.connection.on('query-response', finish);
  strapi.db.connection.on('query-error', (_error, query) => finish(null, query));
  return {
    start() {
      recorded = [];
    },
    async stop() {
      // Strapi emits its entry events after the commit without awaiting them: let their reads land.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const statements = recorded ?? [];
      recorded = null;
      return statements;
    },
  };
}

withThrowawayApp(
  client,
  label,
  async (strapi) => {
    const sql = sqlRecorder(strapi);
    const profiler = cpuProfiler();
    await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
    const { accessKey: token } = await strapi.service('admin::api-token').create({ name: 'bench', type: 'full-access', lifespan: null });
    reply({ ready: true, port: strapi.server.httpServer.address().port, token, plugin: Boolean(strapi.plugin('newsgraph')) });
    const lines = readline.createInterface({ input: process.stdin });
    for await (const line of lines) {
      const command = JSON.parse(line);
      try {
        if (command.cmd === 'stop') break;
        if (command.cmd === 'seed') reply({ ok: true, stories: await seed(strapi) });
        else if (command.cmd === 'addStatements') reply({ ok: true, added: (await addStatements(strapi, command.story, command.statements), command.statements.length) });
        else if (command.cmd === 'openFlags') reply({ ok: true, openFlags: await openFlags(strapi, command.story) });
        else if (command.cmd === 'traceSql') reply({ ok: true, tracing: (sql.start(), true) });
        else if (command.cmd === 'tracedSql') reply({ ok: true, sql: await sql.stop() });
        else if (command.cmd === 'profileStart') reply({ ok: true, profiling: (await profiler.start(), true) });
        else if (command.cmd === 'profileStop') reply({ ok: true, file: await profiler.stop(command.file) });
        else if (command.cmd === 'cpu') reply({ ok: true, cpu: (({ user, system }) => user + system)(process.cpuUsage()) });
        else reply({ ok: false, error: `unknown command ${command.cmd}` });
      } catch (error) {
        reply({ ok: false, error: error.stack || String(error) });
      }
    }
    lines.close();
  },
  { mount: true }
)
  .then(() => process.exit(0))
  .catch((error) => {
    process.stderr.write(`${error.stack || error}\n`);
    process.exit(1);
  });
