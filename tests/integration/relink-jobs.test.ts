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
