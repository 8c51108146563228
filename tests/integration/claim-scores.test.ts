import { startTestApp, type TestApp } from '../helpers/test-app';
import { storyInput } from '../fixtures/documents';
import { scoreClaim, storedCheckWorthiness } from '../../src/plugins/newsgraph/server/src/core/claims/claim-scorer';

/** Every statement gets its checkWorthiness on save, through every door, and callers cannot set it. */

let app: TestApp;
let storyId: string;
const auth = () => ({ Authorization: `Bearer ${app.apiToken}` });
const STATISTIC = 'Grain exports fell by 40 percent in March, the lowest level since 2019.';
const COURTESY = 'Thank you all for coming.';

beforeAll(async () => {
  app = await startTestApp();
  const story = await app.http().post('/api/stories').set(auth()).send({ data: storyInput() });
  storyId = story.body.data.documentId;
});
afterAll(async () => {
  await app?.stop();
});

async function create(text: string, extra: Record<string, unknown> = {}) {
  const response = await app.http().post('/api/statements').set(auth()).send({ data: { text, kind: 'claim', story: storyId, ...extra } });
  expect(response.status).toBe(201);
  return response.body.data as { documentId: string; checkWorthiness: number | string };
}

test('REST create - should store the scorer\'s checkWorthiness, a statistic above a courtesy', async () => {
  const statistic = await create(STATISTIC);
  const courtesy = await create(COURTESY);
  expect(Number(statistic.checkWorthiness)).toBe(storedCheckWorthiness(scoreClaim(STATISTIC).score));
  expect(Number(statistic.checkWorthiness)).toBeGreaterThan(Number(courtesy.checkWorthiness));
});

test('REST create and update - should ignore a checkWorthiness sent by the caller', async () => {
  const created = await create(COURTESY, { checkWorthiness: 0.99 });
  expect(Number(created.checkWorthiness)).toBe(storedCheckWorthiness(scoreClaim(COURTESY).score));
  const updated = await app.http().put(`/api/statements/${created.documentId}`).set(auth()).send({ data: { checkWorthiness: 0.99 } });
  expect(updated.status).toBe(200);
  expect(Number(updated.body.data.checkWorthiness)).toBe(storedCheckWorthiness(scoreClaim(COURTESY).score));
});

test('REST update of the text - should score the new text', async () => {
  const created = await create(COURTESY);
  const updated = await app.http().put(`/api/statements/${created.documentId}`).set(auth()).send({ data: { text: STATISTIC } });
  expect(Number(updated.body.data.checkWorthiness)).toBe(storedCheckWorthiness(scoreClaim(STATISTIC).score));
});

test('a statement stored without a score - should get one at its next save, e.g. a relink', async () => {
  const created = await create(STATISTIC);
  await app.strapi.db.query('api::statement.statement').update({ where: { documentId: created.documentId }, data: { checkWorthiness: null } });
  await app.strapi.plugin('newsgraph').service('relink').relinkStatement(created.documentId);
  const read = await app.http().get(`/api/statements/${created.documentId}`).set(auth());
  expect(Number(read.body.data.checkWorthiness)).toBe(storedCheckWorthiness(scoreClaim(STATISTIC).score));
});

test('GraphQL - should read the stored checkWorthiness', async () => {
  const created = await create(STATISTIC);
  const read = await app.graphql<{ statement: { checkWorthiness: number } }>('query ($id: ID!) { statement(documentId: $id) { checkWorthiness } }', { id: created.documentId }, app.apiToken);
  expect(read.errors).toBeUndefined();
  expect(read.data!.statement.checkWorthiness).toBe(storedCheckWorthiness(scoreClaim(STATISTIC).score));
});
