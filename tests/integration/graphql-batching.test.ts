import { queriesOfRequests } from '../helpers/request-queries';
import { startTestApp, type TestApp } from '../helpers/test-app';

/**
 * A story page through GraphQL costs a bounded number of SQL queries however many statements the
 * story has: Statement.speaker, mentions and proposals are loaded for all statements at once.
 */

let app: TestApp;
let storyId: string;
const auth = () => ({ Authorization: `Bearer ${app.apiToken}` });
const PEOPLE = ['Karel Dvorak', 'Lena Sorensen', 'Piet Maas', 'Ana Ruiz', 'Omar Haddad'];

/**
 * The whole story in one list: each list field is one batch per relation, so one list keeps the
 * count independent of how the database interleaves answers. The test raises maxLimit to 200 for
 * it; a client paging by 100 pays one batch per relation per page.
 */
const STORY_QUERY = /* GraphQL */ `
  query($id: ID!) {
    story(documentId: $id) {
      title
      statements(pagination: { limit: 200 }) { text speaker { name } mentions { name } proposals { title } }
    }
  }
`;

async function addStatements(from: number, to: number): Promise<void> {
  for (let index = from; index < to; index += 1) {
    const [speaker, first, second] = [PEOPLE[index % 5], PEOPLE[(index + 1) % 5], PEOPLE[(index + 2) % 5]];
    const created = await app.http().post('/api/statements').set(auth()).send({
      data: { story: storyId, kind: 'paraphrase', text: `${first} and ${second} discussed the Harbour accord, round ${index}`, attribution: `${speaker} said` },
    });
    expect(created.status).toBe(201);
  }
}

/** The SQL queries one GraphQL request makes (its own: see queriesOfRequests), and its answer. */
async function countQueries(): Promise<{ queries: number; sql: string[]; others: string[]; story: { statements: unknown[] } }> {
  const { result: answer, sql, others } = await queriesOfRequests(app, '/graphql', () => app.graphql<{ story: { statements: unknown[] } }>(STORY_QUERY, { id: storyId }, app.apiToken));
  expect(answer.errors).toBeUndefined();
  return { queries: sql.length, sql, others, story: answer.data!.story };
}

const showQueries = ({ sql, others }: { sql: string[]; others: string[] }) => `${sql.join('\n')}\n(meanwhile, outside the request: ${others.length})\n${others.join('\n')}`;

async function withSetting<Value>(setting: string, value: unknown, work: () => Promise<Value>): Promise<Value> {
  const before = app.strapi.config.get(setting);
  app.strapi.config.set(setting, value);
  try {
    return await work();
  } finally {
    app.strapi.config.set(setting, before);
  }
}
const withBatching = <Value>(enabled: boolean, work: () => Promise<Value>) =>
  withSetting('plugin::newsgraph.graphql', { ...(app.strapi.config.get('plugin::newsgraph.graphql') as object), batchRelations: enabled }, work);

beforeAll(async () => {
  app = await startTestApp();
  for (const name of PEOPLE) expect((await app.http().post('/api/actors').set(auth()).send({ data: { name, kind: 'person' } })).status).toBe(201);
  const story = await app.http().post('/api/stories').set(auth()).send({ data: { title: 'Harbour talks, day by day', storyDate: '2026-05-02T09:00:00.000Z', body: 'Talks went on.' } });
  storyId = story.body.data.documentId;
  await app.http().post('/api/proposals').set(auth()).send({ data: { title: 'Harbour accord', kind: 'agreement', status: 'under_negotiation' } });
  app.strapi.config.set('plugin::graphql.maxLimit', 200);
}, 60_000);
afterAll(async () => {
  await app?.stop();
});

test('a story with 20 and then 200 statements, each with speaker, mentions and proposals - should cost the same number of SQL queries', async () => {
  await addStatements(0, 20);
  const twenty = await countQueries();
  expect(twenty.story.statements).toHaveLength(20);
  expect(twenty.story.statements[0]).toMatchObject({ speaker: { name: expect.any(String) }, mentions: [{ name: expect.any(String) }, { name: expect.any(String) }], proposals: [{ title: 'Harbour accord' }] });

  await addStatements(20, 200);
  const twoHundred = await countQueries();
  expect(twoHundred.story.statements).toHaveLength(200);
  expect(twenty.queries).toBeGreaterThan(3);
  if (twoHundred.queries !== twenty.queries) console.log(`SQL at 20:\n${showQueries(twenty)}\nSQL at 200:\n${showQueries(twoHundred)}`);
  expect(twoHundred.queries).toBe(twenty.queries);
  console.log(`SQL queries for the story page: ${twenty.queries} at 20 statements, ${twoHundred.queries} at 200`);

  // Strapi's own resolvers answer the same, one query per statement and relation: the count grows.
  const stock = await withBatching(false, countQueries);
  expect(stock.story).toEqual(twoHundred.story);
  expect(stock.queries).toBeGreaterThan(600);
  console.log(`SQL queries through Strapi's stock resolvers at 200 statements: ${stock.queries}`);
}, 120_000);
