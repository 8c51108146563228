import type { Core } from '@strapi/strapi';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { actorInput, proposalInput, statementInput, storyInput } from '../fixtures/documents';

let app: TestApp;
const SECRET = 'EMBARGOED-WORDING';

interface Newsroom {
  published: string;
  draft: string;
  unpublished: string;
  publicStatement: string;
  embargoedStatement: string;
  unpublishedStatement: string;
  speaker: string;
  mentioned: string;
  embargoOnlyActor: string;
  unpublishedOnlyActor: string;
  publicProposal: string;
  embargoOnlyProposal: string;
}
let room: Newsroom;

async function create(strapi: Core.Strapi, uid: string, data: Record<string, unknown>): Promise<string> {
  const created = await strapi.documents(uid as 'api::story.story').create({ data: data as never });
  return created.documentId;
}

/**
 * A published story, a draft (embargoed) story and a story that was published and then unpublished,
 * each with a statement; actors and proposals known only from the hidden stories.
 */
async function buildNewsroom(strapi: Core.Strapi): Promise<Newsroom> {
  const speaker = await create(strapi, 'api::actor.actor', actorInput({ name: 'Anton Merel' }));
  const mentioned = await create(strapi, 'api::actor.actor', actorInput({ name: 'Varnesia', kind: 'country' }));
  const embargoOnlyActor = await create(strapi, 'api::actor.actor', actorInput({ name: 'Secret Envoy' }));
  const unpublishedOnlyActor = await create(strapi, 'api::actor.actor', actorInput({ name: 'Withdrawn Source' }));
  const publicProposal = await create(strapi, 'api::proposal.proposal', proposalInput({ title: 'Public truce' }));
  const embargoOnlyProposal = await create(strapi, 'api::proposal.proposal', proposalInput({ title: 'Secret summit' }));

  const published = await create(strapi, 'api::story.story', storyInput({ title: 'Published story', actors: [speaker, mentioned], proposals: [publicProposal] }));
  const draft = await create(strapi, 'api::story.story', storyInput({ title: 'Embargoed story', actors: [embargoOnlyActor, speaker], proposals: [embargoOnlyProposal] }));
  const unpublished = await create(strapi, 'api::story.story', storyInput({ title: 'Withdrawn story', actors: [unpublishedOnlyActor] }));

  const publicStatement = await create(strapi, 'api::statement.statement', statementInput({ kind: 'paraphrase', text: 'We are ready to talk', story: published, speaker, mentions: [mentioned], proposals: [publicProposal] }));
  const embargoedStatement = await create(strapi, 'api::statement.statement', statementInput({ kind: 'paraphrase', text: `${SECRET}: the summit is set`, story: draft, speaker: embargoOnlyActor, mentions: [speaker], proposals: [embargoOnlyProposal, publicProposal] }));
  const unpublishedStatement = await create(strapi, 'api::statement.statement', statementInput({ kind: 'paraphrase', text: `${SECRET}: withdrawn claim`, story: unpublished, speaker: unpublishedOnlyActor }));

  await strapi.documents('api::story.story').publish({ documentId: published });
  await strapi.documents('api::story.story').publish({ documentId: unpublished });
  await strapi.documents('api::story.story').unpublish({ documentId: unpublished });

  return { published, draft, unpublished, publicStatement, embargoedStatement, unpublishedStatement, speaker, mentioned, embargoOnlyActor, unpublishedOnlyActor, publicProposal, embargoOnlyProposal };
}

const ids = (items: Array<{ documentId: string }> | undefined) => (items ?? []).map((item) => item.documentId).sort();

beforeAll(async () => {
  app = await startTestApp();
  room = await buildNewsroom(app.strapi);
});
afterAll(async () => {
  await app?.stop();
});

describe('Public REST', () => {
  test('GET /api/stories - should list published stories only, even with status=draft', async () => {
    for (const query of ['', '?status=draft']) {
      const response = await app.http().get(`/api/stories${query}`);
      expect(response.status).toBe(200);
      expect(ids(response.body.data)).toEqual([room.published]);
    }
    expect((await app.http().get(`/api/stories/${room.draft}`)).status).toBe(404);
    expect((await app.http().get(`/api/stories/${room.draft}?status=draft`)).status).toBe(404);
    expect((await app.http().get(`/api/stories/${room.unpublished}`)).status).toBe(404);
  });

  test('GET /api/statements - should hide statements of draft and unpublished stories', async () => {
    const list = await app.http().get('/api/statements?pagination[pageSize]=100');
    expect(list.status).toBe(200);
    expect(ids(list.body.data)).toEqual([room.publicStatement]);
    expect(list.body.meta.pagination.total).toBe(1);
    expect(JSON.stringify(list.body)).not.toContain(SECRET);
    expect((await app.http().get(`/api/statements/${room.embargoedStatement}`)).status).toBe(404);
    expect((await app.http().get(`/api/statements/${room.unpublishedStatement}`)).status).toBe(404);
  });

  test('GET /api/actors and /api/proposals - should hide those known only from hidden stories', async () => {
    const actors = await app.http().get('/api/actors?pagination[pageSize]=100');
    expect(ids(actors.body.data)).toEqual([room.speaker, room.mentioned].sort());
    expect((await app.http().get(`/api/actors/${room.embargoOnlyActor}`)).status).toBe(404);
    expect((await app.http().get(`/api/actors/${room.unpublishedOnlyActor}`)).status).toBe(404);

    const proposals = await app.http().get('/api/proposals');
    expect(ids(proposals.body.data)).toEqual([room.publicProposal]);
    expect((await app.http().get(`/api/proposals/${room.embargoOnlyProposal}`)).status).toBe(404);
  });

  test('populate - should never bring an embargoed statement along with a public actor, proposal or story', async () => {
    const actor = await app.http().get(`/api/actors/${room.speaker}?populate=*`);
    expect(actor.status).toBe(200);
    expect(ids(actor.body.data.statementsMade)).toEqual([room.publicStatement]);
    expect(ids(actor.body.data.mentionedIn)).toEqual([]);
    expect(ids(actor.body.data.stories)).toEqual([room.published]);

    const proposal = await app.http().get(`/api/proposals/${room.publicProposal}?populate[statements][populate][speaker]=true&populate[stories]=true`);
    expect(ids(proposal.body.data.statements)).toEqual([room.publicStatement]);
    expect(ids(proposal.body.data.stories)).toEqual([room.published]);

    const nested = await app.http().get('/api/stories?populate[actors][populate][mentionedIn][populate][story]=true&populate[actors][populate][statementsMade]=true');
    expect(nested.status).toBe(200);
    expect(JSON.stringify(nested.body)).not.toContain(SECRET);
    expect(JSON.stringify(nested.body)).not.toContain(room.embargoedStatement);

    const dotted = await app.http().get('/api/statements?populate=speaker.mentionedIn,proposals.statements');
    expect(dotted.status).toBe(200);
    expect(JSON.stringify(dotted.body)).not.toContain(SECRET);
  });

  test('filters - should not reveal embargoed text through a filter on a relation', async () => {
    const byText = await app.http().get(`/api/actors?filters[mentionedIn][text][$contains]=${SECRET}`);
    expect(byText.status).toBe(200);
    expect(byText.body.data).toEqual([]);
    const bySpeech = await app.http().get(`/api/actors?filters[statementsMade][text][$contains]=${SECRET}`);
    expect(bySpeech.body.data).toEqual([]);
    const byStory = await app.http().get(`/api/statements?filters[story][documentId][$eq]=${room.draft}`);
    expect(byStory.body.data).toEqual([]);
    const inPopulate = await app.http().get(`/api/actors/${room.speaker}?populate[mentionedIn][filters][text][$contains]=${SECRET}`);
    expect(inPopulate.body.data.mentionedIn).toEqual([]);
  });
});

describe('Public GraphQL', () => {
  test('statements / statement - should hide embargoed statements', async () => {
    const list = await app.graphql<{ statements: Array<{ documentId: string }> }>('{ statements(pagination: { limit: 100 }) { documentId text } }');
    expect(list.errors).toBeUndefined();
    expect(ids(list.data?.statements)).toEqual([room.publicStatement]);
    const one = await app.graphql<{ statement: unknown }>('query One($id: ID!) { statement(documentId: $id) { text } }', { id: room.embargoedStatement });
    expect(one.data?.statement).toBeNull();
  });

  test('stories(status: DRAFT) - should still answer published stories only', async () => {
    const result = await app.graphql<{ stories: Array<{ documentId: string }> }>('{ stories(status: DRAFT) { documentId title } }');
    expect(ids(result.data?.stories)).toEqual([room.published]);
  });

  test('relations - should filter Actor.statementsMade, Actor.mentionedIn, Proposal.statements and their connections', async () => {
    const actor = await app.graphql<{ actor: { statementsMade: Array<{ documentId: string }>; mentionedIn: Array<{ documentId: string }>; mentionedIn_connection: { nodes: Array<{ documentId: string }> }; stories: Array<{ documentId: string }> } }>(
      'query One($id: ID!) { actor(documentId: $id) { statementsMade { documentId } mentionedIn { documentId text } mentionedIn_connection { nodes { documentId } } stories { documentId } } }',
      { id: room.speaker }
    );
    expect(actor.errors).toBeUndefined();
    expect(ids(actor.data?.actor.statementsMade)).toEqual([room.publicStatement]);
    expect(ids(actor.data?.actor.mentionedIn)).toEqual([]);
    expect(ids(actor.data?.actor.mentionedIn_connection.nodes)).toEqual([]);
    expect(ids(actor.data?.actor.stories)).toEqual([room.published]);

    const proposals = await app.graphql('{ proposals { documentId statements { documentId text speaker { documentId name } } } }');
    expect(proposals.errors).toBeUndefined();
    expect(JSON.stringify(proposals.data)).not.toContain(SECRET);
    expect(JSON.stringify(proposals.data)).not.toContain(room.embargoOnlyProposal);

    const hiddenActor = await app.graphql<{ actor: unknown }>('query One($id: ID!) { actor(documentId: $id) { name } }', { id: room.embargoOnlyActor });
    expect(hiddenActor.data?.actor).toBeNull();
  });

  test('filters - should not reveal embargoed text through a relation filter', async () => {
    const result = await app.graphql<{ actors: unknown[] }>(`{ actors(filters: { mentionedIn: { text: { contains: "${SECRET}" } } }) { documentId } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.actors).toEqual([]);
  });
});

describe('With an API token', () => {
  test('REST and GraphQL - should see embargoed statements', async () => {
    const rest = await app.http().get('/api/statements?pagination[pageSize]=100').set('Authorization', `Bearer ${app.apiToken}`);
    expect(ids(rest.body.data)).toEqual([room.publicStatement, room.embargoedStatement, room.unpublishedStatement].sort());
    const graphql = await app.graphql<{ statement: { text: string } }>('query One($id: ID!) { statement(documentId: $id) { text } }', { id: room.embargoedStatement }, app.apiToken);
    expect(graphql.data?.statement.text).toContain(SECRET);
  });
});

describe('Publishing lifts the embargo', () => {
  test('publish - should make the story\'s statements, actors and proposals public', async () => {
    await app.strapi.documents('api::story.story').publish({ documentId: room.draft });
    const statement = await app.http().get(`/api/statements/${room.embargoedStatement}`);
    expect(statement.status).toBe(200);
    expect((await app.http().get(`/api/actors/${room.embargoOnlyActor}`)).status).toBe(200);
    expect((await app.http().get(`/api/proposals/${room.embargoOnlyProposal}`)).status).toBe(200);

    await app.strapi.documents('api::story.story').unpublish({ documentId: room.draft });
    expect((await app.http().get(`/api/statements/${room.embargoedStatement}`)).status).toBe(404);
  });
});
