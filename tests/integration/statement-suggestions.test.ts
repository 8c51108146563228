import { startTestApp, type TestApp } from '../helpers/test-app';
import { loggedInAdmin } from '../helpers/admin-users';

/**
 * Statements suggested from a story's body: the admin route the side panel uses, the content API
 * and GraphQL for tokens, rejection remembered, accepting through the content manager, and the
 * per-document guard.
 */

const STORY = 'api::story.story';
const STATEMENT = 'api::statement.statement';
let app: TestApp;
let chief: string;
const as = (token: string) => ({ Authorization: `Bearer ${token}` });

const BODY = [
  'VELDHAVEN (Demo Wire) - Talks on the grain corridor stalled on Tuesday after a night of drone strikes on the port.',
  '',
  '"We will not sign anything while the port is burning," Orla Brenning told reporters in Veldhaven.',
  '',
  'She said the corridor could reopen within a week if the strikes stopped.',
  '',
  'According to Tomas Ekdal, the insurers had already withdrawn cover for three ships.',
].join('\n');

async function storyWithBody(token: string, title: string, body = BODY): Promise<string> {
  const created = await app.http().post(`/content-manager/collection-types/${STORY}`).set(as(token)).send({ title, storyDate: '2026-06-02T09:00:00.000Z', body });
  expect(created.status).toBe(201);
  return created.body.data.documentId as string;
}

const suggest = (token: string, story: string) => app.http().post(`/newsgraph/stories/${story}/suggest-statements`).set(as(token)).send({});

beforeAll(async () => {
  app = await startTestApp();
  chief = (await app.http().post('/admin/register-admin').send({ email: 'chief@newsgraph.test', password: 'Chief-Passw0rd', firstname: 'Chief', lastname: 'Editor' })).body.data.token;
  for (const name of ['Orla Brenning', 'Tomas Ekdal']) await app.strapi.documents('api::actor.actor').create({ data: { name, kind: 'person' } as never });
});
afterAll(async () => {
  await app?.stop();
});

test('POST suggest-statements - should suggest each attribution of the body with its spans, kind and resolved speaker', async () => {
  const story = await storyWithBody(chief, 'Grain corridor talks stall');
  const answer = await suggest(chief, story);
  expect(answer.status).toBe(200);
  const suggestions = answer.body.data as Array<{ text: string; kind: string; sentence: string; content: { start: number; end: number }; speaker: { name: string } | null; attribution: string }>;
  const quote = suggestions.find((suggestion) => suggestion.kind === 'direct_quote');
  expect(quote).toMatchObject({ text: 'We will not sign anything while the port is burning', speaker: { name: 'Orla Brenning' } });
  expect(quote!.sentence.slice(quote!.content.start, quote!.content.end)).toBe('"We will not sign anything while the port is burning,"');
  // "She said" takes the speaker of the quote before it.
  expect(suggestions.find((suggestion) => suggestion.text.startsWith('the corridor could reopen'))?.speaker?.name).toBe('Orla Brenning');
  expect(suggestions.find((suggestion) => suggestion.text.includes('insurers'))?.speaker?.name).toBe('Tomas Ekdal');
});

test('Accepting and rejecting - should leave out what the story holds and what an editor rejected', async () => {
  const story = await storyWithBody(chief, 'Grain corridor talks stall, again');
  const first = (await suggest(chief, story)).body.data as Array<{ text: string; kind: string; attribution: string }>;
  const [accepted, rejected, ...rest] = first;
  const created = await app.http().post(`/content-manager/collection-types/${STATEMENT}`).set(as(chief)).send({ text: accepted!.text, kind: accepted!.kind, attribution: accepted!.attribution, story: { connect: [{ documentId: story }] } });
  expect(created.status).toBe(201);
  const rejection = await app.http().post(`/newsgraph/stories/${story}/suggestions/reject`).set(as(chief)).send({ text: rejected!.text });
  expect(rejection.status).toBe(200);
  const second = (await suggest(chief, story)).body.data as Array<{ text: string }>;
  expect(second.map((suggestion) => suggestion.text)).toEqual(rest.map((suggestion) => suggestion.text));
  // The accepted statement is linked like any save: its speaker from the attribution.
  const statement = await app.strapi.documents(STATEMENT).findOne({ documentId: created.body.data.documentId, populate: { speaker: true } as never });
  expect((statement as unknown as { speaker: { name: string } | null }).speaker?.name).toBeDefined();
  const rejectedBefore = await app.strapi.db.query('plugin::newsgraph.rejected-suggestion' as never).count();
  for (const text of ['', ' "…" ', 'x'.repeat(5001), 42]) {
    const bad = await app.http().post(`/newsgraph/stories/${story}/suggestions/reject`).set(as(chief)).send({ text });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0].path).toEqual(['text']);
  }
  expect(await app.strapi.db.query('plugin::newsgraph.rejected-suggestion' as never).count()).toBe(rejectedBefore);
});

test('Per document - should answer 403 to an author on another author\'s story, and 404 on an unknown story', async () => {
  const author = await loggedInAdmin(app, 'author@newsgraph.test', 'strapi-author');
  const other = await loggedInAdmin(app, 'other@newsgraph.test', 'strapi-author');
  const own = await storyWithBody(author, 'An author\'s own story');
  expect((await suggest(author, own)).status).toBe(200);
  const refused = await suggest(other, own);
  expect(refused.status).toBe(403);
  expect((await app.http().post(`/newsgraph/stories/${own}/suggestions/reject`).set(as(other)).send({ text: 'We will not sign' })).status).toBe(403);
  expect((await suggest(chief, 'no-such-story')).status).toBe(404);
});

test('Content API and GraphQL - should answer tokens granted the action, and 403 to others', async () => {
  const story = await storyWithBody(chief, 'Grain corridor, for the API');
  const rest = await app.http().post(`/api/newsgraph/stories/${story}/suggest-statements`).set(as(app.apiToken)).send({});
  expect(rest.status).toBe(200);
  expect(rest.body.data.length).toBeGreaterThanOrEqual(3);
  const graphql = await app.graphql<{ suggestStatements: Array<{ text: string; speaker: { name: string } | null; content: { start: number } }> }>(
    'query ($id: ID!) { suggestStatements(storyDocumentId: $id) { text speaker { name } content { start end } } }', { id: story }, app.apiToken
  );
  expect(graphql.errors).toBeUndefined();
  expect(graphql.data!.suggestStatements.map((suggestion) => suggestion.text)).toEqual(rest.body.data.map((suggestion: { text: string }) => suggestion.text));

  const tokens = app.strapi.service('admin::api-token') as { create(attributes: Record<string, unknown>): Promise<{ accessKey: string }> };
  const { accessKey } = await tokens.create({ name: 'stories only', type: 'custom', permissions: ['api::story.story.find'], lifespan: null });
  expect((await app.http().post(`/api/newsgraph/stories/${story}/suggest-statements`).set(as(accessKey)).send({})).status).toBe(403);
  expect((await app.http().post(`/api/newsgraph/stories/${story}/suggest-statements`).send({})).status).toBe(403);
});

test('A 100 KB body - should be answered within a bound of a 5 KB one measured in the same run', async () => {
  const paragraph = `${BODY}\n\n`;
  const small = await storyWithBody(chief, 'Five kilobytes', paragraph.repeat(Math.ceil(5_000 / paragraph.length)));
  const large = await storyWithBody(chief, 'A hundred kilobytes', paragraph.repeat(Math.floor(100_000 / paragraph.length)));
  const timed = async (story: string) => {
    const started = process.hrtime.bigint();
    expect((await suggest(chief, story)).status).toBe(200);
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  await timed(small); // warm up
  const smallMs = Math.min(await timed(small), await timed(small));
  const largeMs = await timed(large);
  // 20 times the text: linear work stays far below 100 times (a quadratic extractor would be ~400x).
  expect(largeMs).toBeLessThan(Math.max(100 * smallMs, 2_000));
});
