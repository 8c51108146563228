import { startTestApp, type TestApp } from '../helpers/test-app';
import { actorInput, proposalInput, statementInput, storyInput } from '../fixtures/documents';
import { NEWSROOM_CONTENT_TYPES } from '../../src/plugins/newsgraph/server/src/constants';

let app: TestApp;
const auth = () => ({ Authorization: `Bearer ${app.apiToken}` });

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

describe('Content API with an API token', () => {
  const collections: Array<[string, () => Record<string, unknown>, string, string]> = [
    ['stories', storyInput, 'title', 'Envoys resume talks'],
    ['actors', actorInput, 'name', 'Dana Voss-Halvik'],
    ['proposals', proposalInput, 'title', 'Prisoner exchange, first stage'],
  ];

  test.each(collections)('%s - should create, read, update and delete through REST', async (collection, input, field, renamed) => {
    const created = await app.http().post(`/api/${collection}`).set(auth()).send({ data: input() });
    expect(created.status).toBe(201);
    const { documentId } = created.body.data;
    expect(typeof documentId).toBe('string');

    const read = await app.http().get(`/api/${collection}/${documentId}`).set(auth());
    expect(read.status).toBe(200);
    expect(read.body.data[field]).toBe(created.body.data[field]);

    const updated = await app.http().put(`/api/${collection}/${documentId}`).set(auth()).send({ data: { [field]: renamed } });
    expect(updated.status).toBe(200);
    expect(updated.body.data[field]).toBe(renamed);

    const removed = await app.http().delete(`/api/${collection}/${documentId}`).set(auth());
    expect(removed.status).toBe(204);
    expect((await app.http().get(`/api/${collection}/${documentId}`).set(auth())).status).toBe(404);
  });

  test('statements - should create with relations, read them back populated, update and delete', async () => {
    const story = await app.http().post('/api/stories').set(auth()).send({ data: storyInput() });
    const speaker = await app.http().post('/api/actors').set(auth()).send({ data: actorInput() });
    const mentioned = await app.http().post('/api/actors').set(auth()).send({ data: actorInput({ name: 'Ostrelia', kind: 'country' }) });
    const proposal = await app.http().post('/api/proposals').set(auth()).send({ data: proposalInput() });

    const created = await app
      .http()
      .post('/api/statements')
      .set(auth())
      .send({
        data: statementInput({
          story: story.body.data.documentId,
          speaker: speaker.body.data.documentId,
          mentions: [mentioned.body.data.documentId],
          proposals: [proposal.body.data.documentId],
          evidence: [{ url: 'https://example.org/transcript', title: 'Transcript' }],
        }),
      });
    expect(created.status).toBe(201);
    expect(created.body.data.verification).toBe('unverified');
    const { documentId } = created.body.data;

    const read = await app.http().get(`/api/statements/${documentId}?populate=*`).set(auth());
    expect(read.status).toBe(200);
    expect(read.body.data.story.documentId).toBe(story.body.data.documentId);
    expect(read.body.data.speaker.documentId).toBe(speaker.body.data.documentId);
    expect(read.body.data.mentions.map((actor: { documentId: string }) => actor.documentId)).toEqual([mentioned.body.data.documentId]);
    expect(read.body.data.proposals.map((item: { documentId: string }) => item.documentId)).toEqual([proposal.body.data.documentId]);
    expect(read.body.data.evidence[0].url).toBe('https://example.org/transcript');

    const updated = await app.http().put(`/api/statements/${documentId}`).set(auth()).send({ data: { verification: 'false' } });
    expect(updated.status).toBe(200);
    expect(updated.body.data.verification).toBe('false');

    expect((await app.http().delete(`/api/statements/${documentId}`).set(auth())).status).toBe(204);
    expect(await app.strapi.documents('api::statement.statement').findOne({ documentId })).toBeNull();
  });

  test('statements - should answer 401/403 to a write without a token', async () => {
    const response = await app.http().post('/api/statements').send({ data: statementInput() });
    expect([401, 403]).toContain(response.status);
    expect(response.body.error).toBeDefined();
  });
});

describe('GraphQL with an API token', () => {
  test('createActor / actor - should write and read through /graphql', async () => {
    const created = await app.graphql<{ createActor: { documentId: string; name: string; slug: string } }>(
      'mutation Create($data: ActorInput!) { createActor(data: $data) { documentId name slug } }',
      { data: { name: 'Teodor Halvik', kind: 'person', aliases: [{ name: 'Halvyk' }] } },
      app.apiToken
    );
    expect(created.errors).toBeUndefined();
    expect(created.data?.createActor.slug).toBe('teodor-halvik');

    const read = await app.graphql<{ actor: { name: string; aliases: Array<{ name: string }> } }>(
      'query One($id: ID!) { actor(documentId: $id) { name aliases { name } } }',
      { id: created.data?.createActor.documentId },
      app.apiToken
    );
    expect(read.data?.actor).toEqual({ name: 'Teodor Halvik', aliases: [{ name: 'Halvyk' }] });
  });

  test('Statement.verification - should expose the "false" verdict as the enum value FALSE', async () => {
    const story = await app.strapi.documents('api::story.story').create({ data: storyInput() as never });
    const statement = await app.strapi.documents('api::statement.statement').create({
      data: statementInput({ story: story.documentId, verification: 'false' }) as never,
    });
    const read = await app.graphql<{ statement: { verification: string } }>(
      'query One($id: ID!) { statement(documentId: $id) { verification } }',
      { id: statement.documentId },
      app.apiToken
    );
    expect(read.errors).toBeUndefined();
    expect(read.data?.statement.verification).toBe('FALSE');
  });
});

describe('strapi.documents()', () => {
  type NewsroomUid = 'api::story.story' | 'api::statement.statement' | 'api::actor.actor' | 'api::proposal.proposal';
  /** Each type with what the plugin's middlewares derive on create (a slug, a check-worthiness score) and an update. */
  const types: Array<[NewsroomUid, () => Promise<Record<string, unknown>>, Record<string, unknown>, Record<string, unknown>]> = [
    ['api::story.story', async () => storyInput({ title: 'Envoys resume talks in Varna' }), { slug: 'envoys-resume-talks-in-varna' }, { standfirst: 'Talks resumed on Wednesday.' }],
    [
      'api::statement.statement',
      async () => statementInput({ story: (await app.strapi.documents('api::story.story').create({ data: storyInput() as never })).documentId, text: 'Exports fell by 40 percent in March' }),
      { text: 'Exports fell by 40 percent in March', checkWorthiness: expect.any(Number) },
      { verification: 'misleading' },
    ],
    ['api::actor.actor', async () => actorInput({ name: 'Mira Solank' }), { slug: 'mira-solank' }, { description: 'Spokeswoman' }],
    ['api::proposal.proposal', async () => proposalInput({ title: 'Grain corridor reopening' }), { slug: 'grain-corridor-reopening' }, { terms: 'Ships inspected at sea' }],
  ];

  test.each(types)('%s: create / findOne / update / delete - should work for every newsroom type', async (uid, input, derived, change) => {
    const documents = app.strapi.documents(uid);
    const created = await documents.create({ data: (await input()) as never });
    expect(created).toMatchObject(derived);
    expect(await documents.findOne({ documentId: created.documentId })).toMatchObject({ documentId: created.documentId, ...derived });
    const updated = await documents.update({ documentId: created.documentId, data: change as never });
    expect(updated).toMatchObject(change);
    expect(await documents.findOne({ documentId: created.documentId })).toMatchObject(change);
    await documents.delete({ documentId: created.documentId });
    expect(await documents.findOne({ documentId: created.documentId })).toBeNull();
  });

  test('every newsroom type - should be covered above', () => {
    expect(types.map(([uid]) => uid).sort()).toEqual([...NEWSROOM_CONTENT_TYPES].sort());
  });
});
