import { startTestApp, type TestApp } from '../helpers/test-app';
import { storyInput } from '../fixtures/documents';

/**
 * Relink jobs are stored in the database and run on pg-boss (PostgreSQL) or in-process (SQLite):
 * progress from the admin routes, a job that resumes after a restart, and bad requests refused.
 */

const STATEMENT = 'api::statement.statement';
/** More than two batches of 50, so that a shutdown can stop a job half-way. */
const STATEMENT_COUNT = 130;

let app: TestApp;
let adminToken: string;
let actorId: string;
let storyId: string;

const asAdmin = () => ({ Authorization: `Bearer ${adminToken}` });
const relink = () => app.strapi.plugin('newsgraph').service('relink') as {
  stop(): Promise<void>;
  idle(timeoutMs?: number): Promise<void>;
  job(id: string): Promise<{ id: string; status: string; done: number; total: number; failed: number; reason: string } | undefined>;
};

async function newestJob() {
  const response = await app.http().get('/newsgraph/relink').set(asAdmin());
  expect(response.status).toBe(200);
  return response.body.data[0] as { id: string; status: string; done: number; total: number; failed: number; reason: string };
}

async function statementsMentioningActor(): Promise<number> {
  return app.strapi.db.query(STATEMENT).count({ where: { mentions: { documentId: actorId } } });
}

async function addAlias(name: string): Promise<void> {
  const actor = (await app.strapi.documents('api::actor.actor').findOne({ documentId: actorId, populate: ['aliases'] })) as unknown as { aliases: Array<{ name: string }> };
  await app.strapi.documents('api::actor.actor').update({ documentId: actorId, data: { aliases: [...actor.aliases.map((alias) => ({ name: alias.name })), { name }] } as never });
}

beforeAll(async () => {
  app = await startTestApp();
  const registered = await app.http().post('/admin/register-admin').send({ email: 'jobs@newsgraph.test', password: 'Jobs-Passw0rd', firstname: 'Jobs', lastname: 'Editor' });
  adminToken = registered.body.data.token;
  const actor = await app.strapi.documents('api::actor.actor').create({ data: { name: 'Port Authority of Velm', kind: 'organization' } as never });
  actorId = actor.documentId;
  const story = await app.strapi.documents('api::story.story').create({ data: storyInput() as never });
  storyId = story.documentId;
  for (let index = 0; index < STATEMENT_COUNT; index += 1) {
    await app.strapi.documents(STATEMENT).create({
      data: { text: `The Quay Office closed berth ${index} until further notice`, kind: 'claim', attribution: 'officials said', story: storyId } as never,
    });
  }
});
afterAll(async () => {
  await app?.stop();
});

test('GET /newsgraph/relink - should name the runner: pg-boss on PostgreSQL, in-process on SQLite', async () => {
  const response = await app.http().get('/newsgraph/relink').set(asAdmin());
  expect(response.status).toBe(200);
  expect(response.body.meta.runner).toBe(app.databaseClient === 'postgres' ? 'pg-boss' : 'in-process');
  expect(Array.isArray(response.body.data)).toBe(true);
});

test('a job stopped by a shutdown half-way - should resume after the restart and relink every statement', async () => {
  expect(await statementsMentioningActor()).toBe(0);
  await addAlias('the Quay Office');
  // Stops as a deploy would, right after the save: the batch in hand finishes, the rest stays stored.
  await relink().stop();
  const started = await newestJob();
  expect(started).toMatchObject({ status: 'running', total: STATEMENT_COUNT });
  expect(started.reason).toContain(actorId);
  expect(started.done).toBeLessThan(STATEMENT_COUNT);

  await app.restart();
  await relink().idle();
  const finished = await relink().job(started.id);
  expect(finished).toMatchObject({ status: 'done', done: STATEMENT_COUNT, total: STATEMENT_COUNT, failed: 0 });
  expect(await statementsMentioningActor()).toBe(STATEMENT_COUNT);

  const status = await app.http().get(`/newsgraph/relink/${started.id}`).set(asAdmin());
  expect(status.status).toBe(200);
  expect(status.body.data).toMatchObject({ id: started.id, status: 'done', done: STATEMENT_COUNT, total: STATEMENT_COUNT, failed: 0 });
  expect(status.body.data.finishedAt).toEqual(expect.any(String));
});

test('POST /newsgraph/relink for one actor - should relink only the statements that can name it, idempotently', async () => {
  const first = await app.http().post('/newsgraph/relink').set(asAdmin()).send({ actor: actorId });
  expect(first.status).toBe(200);
  expect(first.body.data.job.total).toBe(STATEMENT_COUNT);
  await relink().idle();
  const again = await app.http().post('/newsgraph/relink').set(asAdmin()).send({ actor: actorId });
  await relink().idle();
  expect(await relink().job(again.body.data.jobId)).toMatchObject({ status: 'done', done: STATEMENT_COUNT, failed: 0 });
  expect(await statementsMentioningActor()).toBe(STATEMENT_COUNT);
  if (app.databaseClient === 'postgres') {
    // Each batch ran once: pg-boss completed it on the first try.
    const batches = await app.strapi.db.connection.raw(
      `SELECT state, retry_count FROM pgboss.job WHERE name = 'newsgraph-relink' AND data->>'job' = ?`,
      [again.body.data.jobId]
    );
    const rows = batches.rows as Array<{ state: string; retry_count: number }>;
    expect(rows).toHaveLength(Math.ceil(STATEMENT_COUNT / 50));
    expect(rows.every((row) => row.state === 'completed' && row.retry_count === 0)).toBe(true);
  }
});

test('relink routes - should answer 400, 404 and 401 for bad requests and start nothing', async () => {
  const before = (await app.http().get('/newsgraph/relink').set(asAdmin())).body.data.length;
  expect((await app.http().post('/newsgraph/relink').set(asAdmin()).send({ actor: 42 })).status).toBe(400);
  expect((await app.http().post('/newsgraph/relink').set(asAdmin()).send({ actor: 'no-such-actor' })).status).toBe(404);
  expect((await app.http().post('/newsgraph/relink').send({})).status).toBe(401);
  expect((await app.http().get('/newsgraph/relink/no-such-job').set(asAdmin())).status).toBe(404);
  expect((await app.http().get('/newsgraph/relink')).status).toBe(401);
  expect((await app.http().get('/newsgraph/relink').set(asAdmin())).body.data.length).toBe(before);
});

test('relink jobs - should not be exposed through the content APIs', async () => {
  expect((await app.http().get('/api/relink-jobs').set({ Authorization: `Bearer ${app.apiToken}` })).status).toBe(404);
  const introspection = await app.graphql<{ __schema: { queryType: { fields: Array<{ name: string }> } } }>('{ __schema { queryType { fields { name } } } }', {}, app.apiToken);
  expect(introspection.data!.__schema.queryType.fields.map((field) => field.name).filter((name) => /relink/i.test(name))).toEqual([]);
});

/**
 * pg-boss's stop looks for work in progress as soon as its worker is told to stop, and sees none
 * while the worker's fetch is on its way: the batch that fetch returns used to run after the runner
 * reported itself stopped, on connections Strapi was closing (bench:cluster's stopped instance exited
 * with "aborted", and the batch stayed active until pg-boss's expiry). Here the fetch is held on a
 * table lock while the stop begins.
 */
(process.env.DATABASE_CLIENT === 'postgres' ? test : test.skip)(
  'the pg-boss runner stopped while its worker fetches a batch - should hand the batch back, and run nothing after the stop',
  async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { pgBossRunner, pgBossConnection, RELINK_QUEUE } = require('../../src/plugins/newsgraph/server/src/services/relink-runners') as typeof import('../../src/plugins/newsgraph/server/src/services/relink-runners');
    const connection = pgBossConnection(app.strapi.config.get('database.connection.connection'));
    const quiet = { info() {}, warn() {}, error() {}, debug() {} } as never;
    const schema = 'pgboss_stop_test';
    let stopped = false;
    let ranAfterStop = 0;
    let ran = 0;
    const runner = await pgBossRunner(
      connection,
      { unfinished: async () => [], advance: async () => {} },
      async () => {
        if (stopped) ranAfterStop += 1;
        ran += 1;
        await new Promise((resolve) => setTimeout(resolve, 100));
        return 0;
      },
      quiet,
      { handBackAfterMs: 500, schema }
    );
    const locker = await app.strapi.db.connection.client.acquireConnection();
    try {
      await locker.query('BEGIN');
      await locker.query(`LOCK TABLE ${schema}.job IN ACCESS EXCLUSIVE MODE`);
      // Queued behind the lock: the worker polls every second, and its next fetch waits on the lock.
      const enqueued = runner.enqueue('held-job', ['s1', 's2']);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const stopping = runner.stop().then(() => {
        stopped = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await locker.query('COMMIT');
      await enqueued;
      await stopping;
    } finally {
      await app.strapi.db.connection.client.releaseConnection(locker);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(ranAfterStop).toBe(0);
    const states = await app.strapi.db.connection.raw(`SELECT state, count(*)::int AS count FROM ${schema}.job WHERE name = ? GROUP BY state`, [RELINK_QUEUE]);
    const byState = Object.fromEntries((states.rows as Array<{ state: string; count: number }>).map((row) => [row.state, row.count]));
    // The one batch: run and completed before the stop, or handed back for another instance; never left active.
    expect(byState.active ?? 0).toBe(0);
    expect((byState.completed ?? 0) + (byState.retry ?? 0) + (byState.created ?? 0)).toBe(1);
    expect(ran <= 1).toBe(true);
  },
  60_000
);

/**
 * Instances behind a balancer start together, and each lays the plugin's tables, functions and
 * triggers: two at once failed with "tuple concurrently updated" (bench:cluster's second instance
 * stopped at start-up). The start-up work runs one instance at a time, under an advisory lock held
 * by a session of its own; here two sessions of one pool stand for the two instances.
 */
(process.env.DATABASE_CLIENT === 'postgres' ? test : test.skip)(
  'start-up work on a shared database - should run one instance at a time, and lay the triggers twice at once without failing',
  async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { oneInstanceAtATime } = require('../../src/plugins/newsgraph/server/src/strapi/startup-lock') as typeof import('../../src/plugins/newsgraph/server/src/strapi/startup-lock');
    const timeline: string[] = [];
    const instance = (name: string) =>
      oneInstanceAtATime(app.strapi, async () => {
        timeline.push(`${name} in`);
        await new Promise((resolve) => setTimeout(resolve, 200));
        timeline.push(`${name} out`);
      });
    await Promise.all([instance('a'), instance('b')]);
    expect([timeline.slice(0, 2), timeline.slice(2)].map((pair) => pair.map((entry) => entry.split(' ')[1]))).toEqual([
      ['in', 'out'],
      ['in', 'out'],
    ]);

    // The flag counts' function and trigger, dropped and laid again by two "instances" at once.
    const knex = app.strapi.db.connection;
    await knex.raw('DROP TRIGGER IF EXISTS newsgraph_flag_counts_change ON newsgraph_flags');
    const counts = app.strapi.plugin('newsgraph').service('flag-counts') as { ensureCounting(): Promise<void> };
    await Promise.all([oneInstanceAtATime(app.strapi, () => counts.ensureCounting()), oneInstanceAtATime(app.strapi, () => counts.ensureCounting())]);
    const triggers = await knex.raw(`SELECT count(*)::int AS count FROM pg_trigger WHERE tgname = 'newsgraph_flag_counts_change'`);
    expect(triggers.rows[0].count).toBe(1);
  },
  60_000
);

/**
 * An actor's save looks for the statements that contain one of its names (`linkText LIKE '% name %'`,
 * Strapi's $contains): on PostgreSQL a trigram index serves that instead of a scan of every statement
 * (`npm run bench:relink` measures both).
 */
(process.env.DATABASE_CLIENT === 'postgres' ? test : test.skip)('the relink query on PostgreSQL - should be served by the trigram index on linkText', async () => {
  const knex = app.strapi.db.connection;
  const meta = app.strapi.db.metadata.get(STATEMENT);
  const linkText = (meta.attributes as Record<string, { columnName?: string }>).linkText!.columnName ?? 'link_text';
  const index = await knex.raw('SELECT indexdef FROM pg_indexes WHERE tablename = ? AND indexname = ?', [meta.tableName, `${meta.tableName}_link_text_trgm`]);
  expect(index.rows[0]?.indexdef).toMatch(/USING gin .*gin_trgm_ops/);
  // The planner would rather scan a table this small; told not to, it must find the index usable.
  const plan = await knex.transaction(async (trx): Promise<{ rows: Array<{ 'QUERY PLAN': string }> }> => {
    await trx.raw('SET LOCAL enable_seqscan = off');
    return trx.raw(`EXPLAIN SELECT id FROM ?? WHERE ?? LIKE ? ESCAPE '\\'`, [meta.tableName, linkText, '% quay office %']);
  });
  expect(plan!.rows.map((row) => row['QUERY PLAN']).join('\n')).toMatch(/Bitmap Index Scan on \w*link_text_trgm/);
});
