import { startTestApp, type TestApp } from '../helpers/test-app';
import { loggedInAdmin } from '../helpers/admin-users';
import { graphqlOverHttp, type GraphqlOverHttp } from '../helpers/graphql-client';

/**
 * Newsgraph's GraphQL fields and queries, through a real GraphQL client over HTTP, as the public,
 * with an API token and as admins; the visibility rules; and every bound on abusive queries.
 */

let app: TestApp;
let gql: GraphqlOverHttp;
const people: Record<'factChecker' | 'editor', string> = { factChecker: '', editor: '' };
const ids: Record<string, string> = {};
const auth = () => ({ Authorization: `Bearer ${app.apiToken}` });

async function create(type: string, data: Record<string, unknown>, query = '') {
  const created = await app.http().post(`/api/${type}${query}`).set(auth()).send({ data });
  if (created.status !== 201) throw new Error(`creating ${type} answered ${created.status}: ${JSON.stringify(created.body.error)}`);
  return created.body.data as { documentId: string; slug?: string };
}

beforeAll(async () => {
  app = await startTestApp();
  gql = await graphqlOverHttp(app);
  await app.http().post('/admin/register-admin').send({ email: 'chief@newsgraph.test', password: 'Chief-Passw0rd', firstname: 'Chief', lastname: 'Editor' });
  people.factChecker = await loggedInAdmin(app, 'checker@newsgraph.test', 'newsgraph-fact-checker');
  people.editor = await loggedInAdmin(app, 'editor@newsgraph.test', 'strapi-editor');

  ids.mara = (await create('actors', {
    name: 'Mara Ilic', kind: 'person', wikidataId: 'Q4115189',
    positions: [
      { title: 'Foreign minister of Ostrelia', from: '2019-01-01', to: '2024-05-31' },
      { title: 'President of Ostrelia', descriptors: 'the Ostrelian president', from: '2024-06-01' },
    ],
  })).documentId;
  ids.tomas = (await create('actors', { name: 'Tomas Brand', kind: 'person' })).documentId;
  ids.union = (await create('actors', { name: 'Northern Union', kind: 'organization' })).documentId;
  ids.hidden = (await create('actors', { name: 'Ilse Hidden', kind: 'person' })).documentId;

  const published = await create('stories', { title: 'Truce talks resume in Aubrine', body: 'Envoys met in Aubrine.', storyDate: '2026-04-21T09:00:00.000Z', sourceUrl: 'https://example.org/truce-talks' });
  ids.published = published.documentId;
  ids.publishedSlug = published.slug!;
  const draft = await create('stories', { title: 'Embargoed follow-up on the truce', body: 'Not yet.', storyDate: '2026-04-23T09:00:00.000Z' }, '?status=draft');
  ids.draft = draft.documentId;
  ids.draftSlug = draft.slug!;

  ids.truce = (await create('proposals', {
    title: 'Aubrine truce', kind: 'ceasefire', status: 'proposed', terms: '30 days',
    proposedBy: [ids.mara], supporters: [ids.union], opponents: [ids.tomas, ids.hidden], stories: [ids.published],
  })).documentId;

  ids.said = (await create('statements', { story: ids.published, kind: 'paraphrase', text: 'The Aubrine truce must hold for thirty days, and the Northern Union agrees', attribution: 'Mara Ilic said', saidAt: '2026-04-20T10:00:00.000Z' })).documentId;
  ids.doubt = (await create('statements', { story: ids.published, kind: 'claim', text: 'Mara Ilic broke two earlier truces in 2025', attribution: 'Tomas Brand said', verification: 'false', sourceUrl: 'https://example.org/brand' })).documentId;
  ids.secret = (await create('statements', { story: ids.draft, kind: 'paraphrase', text: 'Tomas Brand will sign nothing about the Aubrine truce', attribution: 'Ilse Hidden said', saidAt: '2026-04-23T08:00:00.000Z' })).documentId;
});

afterAll(async () => {
  await app?.stop();
});

const STORY_PAGE = /* GraphQL */ `
  query Story($slug: String!) {
    storyBySlug(slug: $slug) {
      title
      statements { documentId text verification speaker { name } mentions { name } proposals { title } claimReview }
      graph { nodes { id type label } edges { source target type } }
    }
  }
`;

describe('Story', () => {
  test('storyBySlug with graph - should answer the published story with typed edges', async () => {
    const answer = await gql.ask(STORY_PAGE, { slug: ids.publishedSlug });
    expect(answer.errors).toEqual([]);
    const story = answer.data!.storyBySlug;
    expect(story.title).toBe('Truce talks resume in Aubrine');
    const edges = story.graph.edges.map((edge: { source: string; target: string; type: string }) => `${edge.source} ${edge.type} ${edge.target}`);
    expect(edges).toEqual(
      expect.arrayContaining([
        `actor:${ids.mara} said statement:${ids.said}`,
        `statement:${ids.said} mentions actor:${ids.union}`,
        `statement:${ids.said} mentions proposal:${ids.truce}`,
        `actor:${ids.tomas} said statement:${ids.doubt}`,
        `statement:${ids.doubt} mentions actor:${ids.mara}`,
        `actor:${ids.mara} proposed proposal:${ids.truce}`,
        `actor:${ids.union} supports proposal:${ids.truce}`,
        `actor:${ids.tomas} opposes proposal:${ids.truce}`,
      ])
    );
    expect(story.graph.nodes.find((node: { id: string }) => node.id === `actor:${ids.mara}`)).toEqual({ id: `actor:${ids.mara}`, type: 'actor', label: 'Mara Ilic' });
  });

  test('the graph as the public - should leave out an actor that only unpublished work names', async () => {
    const publicGraph = (await gql.ask(STORY_PAGE, { slug: ids.publishedSlug })).data!.storyBySlug.graph;
    expect(publicGraph.nodes.map((node: { id: string }) => node.id)).not.toContain(`actor:${ids.hidden}`);
    const tokenGraph = (await gql.ask(STORY_PAGE, { slug: ids.publishedSlug }, app.apiToken)).data!.storyBySlug.graph;
    expect(tokenGraph.nodes.map((node: { id: string }) => node.id)).toContain(`actor:${ids.hidden}`);
  });

  test('storyBySlug of a draft - should be null for the public, whatever status is asked, and the draft for a token', async () => {
    const query = 'query($slug: String!, $status: PublicationStatus) { storyBySlug(slug: $slug, status: $status) { title statements { text } } }';
    expect((await gql.ask(query, { slug: ids.draftSlug })).data!.storyBySlug).toBeNull();
    expect((await gql.ask(query, { slug: ids.draftSlug, status: 'DRAFT' })).data!.storyBySlug).toBeNull();
    const asToken = await gql.ask(query, { slug: ids.draftSlug, status: 'DRAFT' }, app.apiToken);
    expect(asToken.data!.storyBySlug).toMatchObject({ title: 'Embargoed follow-up on the truce', statements: [{ text: 'Tomas Brand will sign nothing about the Aubrine truce' }] });
  });
});

describe('Statement', () => {
  test('claimReview and verification - should give the JSON-LD of a rated statement, and null otherwise', async () => {
    const statements = (await gql.ask(STORY_PAGE, { slug: ids.publishedSlug })).data!.storyBySlug.statements as Array<{ documentId: string; verification: string; claimReview: Record<string, any> | null }>;
    const rated = statements.find((statement) => statement.documentId === ids.doubt)!;
    expect(rated.verification).toBe('FALSE');
    expect(rated.claimReview).toMatchObject({
      '@type': 'ClaimReview',
      claimReviewed: 'Mara Ilic broke two earlier truces in 2025',
      reviewRating: { ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: expect.any(String) },
      itemReviewed: { '@type': 'Claim', author: { name: 'Tomas Brand' } },
    });
    expect(statements.find((statement) => statement.documentId === ids.said)!.claimReview).toBeNull();
  });

  test('speaker, mentions and proposals - should be the linked ones', async () => {
    const statements = (await gql.ask(STORY_PAGE, { slug: ids.publishedSlug })).data!.storyBySlug.statements as Array<{ documentId: string; speaker: { name: string }; mentions: Array<{ name: string }>; proposals: Array<{ title: string }> }>;
    expect(statements.find((statement) => statement.documentId === ids.said)).toMatchObject({ speaker: { name: 'Mara Ilic' }, mentions: [{ name: 'Northern Union' }], proposals: [{ title: 'Aubrine truce' }] });
  });
});

describe('Actor', () => {
  test('actorBySlug with positionOn - should give the position held on each date', async () => {
    const query = 'query($slug: String!) { actorBySlug(slug: $slug) { name then: positionOn(date: "2020-05-01") { title } now: positionOn(date: "2026-04-21") { title } before: positionOn(date: "2010-01-01") { title } } }';
    const answer = await gql.ask(query, { slug: 'mara-ilic' });
    expect(answer.errors).toEqual([]);
    expect(answer.data!.actorBySlug).toEqual({ name: 'Mara Ilic', then: { title: 'Foreign minister of Ostrelia' }, now: { title: 'President of Ostrelia' }, before: null });
  });

  test('actorBySlug of an actor only unpublished work names - should be null for the public', async () => {
    expect((await gql.ask('{ actorBySlug(slug: "ilse-hidden") { name } }')).data!.actorBySlug).toBeNull();
    expect((await gql.ask('{ actorBySlug(slug: "ilse-hidden") { name } }', {}, app.apiToken)).data!.actorBySlug).toEqual({ name: 'Ilse Hidden' });
  });

  test('statementsMade and mentionedIn - should filter by story, verification and date, and paginate', async () => {
    const query = /* GraphQL */ `
      query($slug: String!, $story: ID!) {
        actorBySlug(slug: $slug) {
          inStory: mentionedIn(filters: { story: { documentId: { eq: $story } } }) { text }
          rated: mentionedIn(filters: { verification: { eq: "false" } }) { text }
          april: mentionedIn(filters: { createdAt: { gte: "2000-01-01T00:00:00Z" } }, pagination: { limit: 1 }) { text }
          said: statementsMade(filters: { saidAt: { between: ["2026-04-19T00:00:00Z", "2026-04-21T00:00:00Z"] } }) { text }
        }
      }`;
    const answer = await gql.ask(query, { slug: 'tomas-brand', story: ids.published }, app.apiToken);
    expect(answer.errors).toEqual([]);
    const tomas = answer.data!.actorBySlug;
    expect(tomas.inStory).toEqual([]);
    expect(tomas.april).toHaveLength(1);
    const mara = (await gql.ask(query, { slug: 'mara-ilic', story: ids.published }, app.apiToken)).data!.actorBySlug;
    expect(mara.inStory).toEqual([{ text: 'Mara Ilic broke two earlier truces in 2025' }]);
    expect(mara.rated).toEqual([{ text: 'Mara Ilic broke two earlier truces in 2025' }]);
    expect(mara.said).toEqual([{ text: 'The Aubrine truce must hold for thirty days, and the Northern Union agrees' }]);
  });

  test('actorTimeline - should list said and mentioned in date order, within the range, and nothing unpublished for the public', async () => {
    const query = 'query($actor: ID!, $from: DateTime, $to: DateTime) { actorTimeline(actor: $actor, from: $from, to: $to) { date role statement { text } story { title } } }';
    const asPublic = await gql.ask(query, { actor: ids.tomas });
    expect(asPublic.errors).toEqual([]);
    expect(asPublic.data!.actorTimeline).toEqual([
      { date: '2026-04-21T09:00:00.000Z', role: 'said', statement: { text: 'Mara Ilic broke two earlier truces in 2025' }, story: { title: 'Truce talks resume in Aubrine' } },
    ]);
    expect((await gql.ask(query.replace('to: $to)', 'to: $to, status: DRAFT)'), { actor: ids.tomas })).data!.actorTimeline).toEqual(asPublic.data!.actorTimeline);

    const drafts = query.replace('to: $to)', 'to: $to, status: DRAFT)');
    const asToken = await gql.ask(drafts, { actor: ids.tomas }, app.apiToken);
    expect(asToken.data!.actorTimeline.map((entry: { role: string; date: string; story: { title: string } }) => `${entry.date} ${entry.role} ${entry.story.title}`)).toEqual([
      '2026-04-21T09:00:00.000Z said Truce talks resume in Aubrine',
      '2026-04-23T08:00:00.000Z mentioned Embargoed follow-up on the truce',
    ]);
    expect((await gql.ask(query, { actor: ids.tomas }, app.apiToken)).data!.actorTimeline).toEqual(asPublic.data!.actorTimeline);
    const ranged = await gql.ask(drafts, { actor: ids.tomas, from: '2026-04-22T00:00:00Z', to: '2026-04-30T00:00:00Z' }, app.apiToken);
    expect(ranged.data!.actorTimeline.map((entry: { role: string }) => entry.role)).toEqual(['mentioned']);
  });
});

describe('Proposal', () => {
  test('parties - should give each actor its stance and the statements that show it, hiding unpublished actors from the public', async () => {
    const query = 'query($id: ID!) { proposal(documentId: $id) { title parties { stance actor { name } statements { text } } } }';
    const asToken = await gql.ask(query, { id: ids.truce }, app.apiToken);
    expect(asToken.errors).toEqual([]);
    expect(asToken.data!.proposal.parties).toEqual([
      { stance: 'proposed', actor: { name: 'Mara Ilic' }, statements: [{ text: 'The Aubrine truce must hold for thirty days, and the Northern Union agrees' }] },
      { stance: 'supports', actor: { name: 'Northern Union' }, statements: [] },
      { stance: 'opposes', actor: { name: 'Tomas Brand' }, statements: [] },
      { stance: 'opposes', actor: { name: 'Ilse Hidden' }, statements: [{ text: 'Tomas Brand will sign nothing about the Aubrine truce' }] },
    ]);
    const asPublic = await gql.ask(query, { id: ids.truce });
    expect(asPublic.data!.proposal.parties.map((party: { actor: { name: string } }) => party.actor.name)).toEqual(['Mara Ilic', 'Northern Union', 'Tomas Brand']);
  });
});

describe('reviewQueue', () => {
  const query = 'query($filter: ReviewQueueFilter) { reviewQueue(filter: $filter, pagination: { pageSize: 50 }) { nodes { kind status statement { text } story { title } events { to } } pageInfo { total } byStatus } }';

  test('as the public - should be forbidden, with no data', async () => {
    const answer = await gql.ask(query);
    expect(answer.data?.reviewQueue ?? null).toBeNull();
    expect(answer.errors[0]!.message).toMatch(/forbidden/i);
  });

  test('with an API token - should list the open flags, including those of unpublished stories', async () => {
    const answer = await gql.ask(query, { filter: { status: 'open' } }, app.apiToken);
    expect(answer.errors).toEqual([]);
    const page = answer.data!.reviewQueue;
    expect(page.pageInfo.total).toBe(page.byStatus.open);
    expect(page.nodes.some((flag: { statement: { text: string } | null }) => flag.statement?.text === 'Tomas Brand will sign nothing about the Aubrine truce')).toBe(true);
    expect(page.nodes.every((flag: { status: string; events: Array<{ to: string }> }) => flag.status === 'open' && flag.events[0]?.to === 'open')).toBe(true);
  });

  test('as admins - should answer a fact-checker and refuse an editor without the review permission', async () => {
    const checker = await gql.ask(query, { filter: { kind: 'unverified_claim' } }, people.factChecker);
    expect(checker.errors).toEqual([]);
    expect(checker.data!.reviewQueue.nodes.every((flag: { kind: string }) => flag.kind === 'unverified_claim')).toBe(true);
    // Newsroom staff: an admin sees the flags of an unpublished story, with its statement and story.
    const drafts = await gql.ask(query, { filter: { story: ids.draft } }, people.factChecker);
    expect(drafts.data!.reviewQueue.nodes.length).toBeGreaterThan(0);
    expect(drafts.data!.reviewQueue.nodes[0]).toMatchObject({ statement: { text: 'Tomas Brand will sign nothing about the Aubrine truce' }, story: { title: 'Embargoed follow-up on the truce' } });
    expect((await gql.ask(query, { filter: { story: ids.draft } })).data?.reviewQueue ?? null).toBeNull();
    const editor = await gql.ask(query, {}, people.editor);
    expect(editor.data?.reviewQueue ?? null).toBeNull();
    expect(editor.errors[0]!.message).toMatch(/forbidden/i);
    // An admin's token opens the review queue, not the rest of the content API's writes.
    const write = await gql.ask('mutation { createActor(data: { name: "Nobody", kind: person }) { name } }', {}, people.factChecker);
    expect(write.errors[0]!.message).toMatch(/forbidden/i);
  });

  test('a bad filter - should answer a validation error naming it', async () => {
    const answer = await gql.ask('{ reviewQueue(filter: { minScore: 4 }) { pageInfo { total } } }', {}, app.apiToken);
    expect(answer.errors[0]!.message).toMatch(/minScore/);
  });
});

describe('Limits', () => {
  const alive = async () => expect((await gql.ask('{ stories { title } }')).errors).toEqual([]);

  test('a deep query - should answer 400 with an error naming the depth limit', async () => {
    const deep = `{ actors { ${'statementsMade { speaker { '.repeat(8)}name${' } }'.repeat(8)} } }`;
    const answer = await gql.ask(deep);
    expect(answer.status).toBe(400);
    expect(answer.errors[0]!.message).toMatch(/depth of 10/);
    await alive();
  });

  test('an alias bomb - should answer an error naming the alias limit', async () => {
    const bomb = `{ ${Array.from({ length: 200 }, (_, index) => `a${index}: stories { title }`).join(' ')} }`;
    const answer = await gql.ask(bomb);
    expect(answer.status).toBe(400);
    expect(answer.errors.map((error) => error.message).join(' ')).toMatch(/Aliases limit of 15/);
    await alive();
  });

  test('a fragment cycle - should answer 400 with a validation error, not a crash', async () => {
    const cycle = '{ actors { ...A } } fragment A on Actor { statementsMade { speaker { ...B } } } fragment B on Actor { mentionedIn { speaker { ...A } } }';
    const answer = await gql.ask(cycle);
    expect(answer.status).toBe(400);
    expect(answer.errors.map((error) => error.message).join(' ')).toMatch(/Cannot spread fragment "A" within itself/);
    await alive();
  });

  test('a query of 1 MB - should answer an error naming the token limit', async () => {
    const huge = `{ stories { ${'title '.repeat(166_666)} } }`;
    expect(huge.length).toBeGreaterThan(999_000);
    const answer = await gql.ask(huge);
    expect(answer.status).toBe(400);
    expect(answer.errors[0]!.message).toMatch(/Document contains more th.. 5000 tokens/);
    await alive();
  });

  test('a costly query - should answer an error naming the cost limit', async () => {
    // Within the alias, depth and token limits, but wide and deep: 15 branches of 40 fields, six levels down.
    const costly = `{ ${Array.from({ length: 15 }, (_, index) => `a${index}: stories { statements { speaker { statementsMade { mentions { stories { ${'title '.repeat(40)}} } } } } }`).join(' ')} }`;
    const answer = await gql.ask(costly);
    expect(answer.status).toBe(400);
    expect(answer.errors.map((error) => error.message).join(' ')).toMatch(/Query Cost limit of 5000/);
  });

  test('a huge pagination limit - should answer an error naming the page limit, literal or in a variable', async () => {
    const literal = await gql.ask('{ stories(pagination: { limit: 100000 }) { title } }');
    expect(literal.status).toBe(400);
    expect(literal.errors[0]).toMatchObject({ message: expect.stringMatching(/at most 100 items per page/), extensions: { code: 'PAGINATION_LIMIT_EXCEEDED' } });
    const variable = await gql.ask('query($p: PaginationArg) { actors { statementsMade(pagination: $p) { text } } }', { p: { pageSize: 5000 } });
    expect(variable.errors[0]!.message).toMatch(/actors\.statementsMade\(pagination: \{ pageSize: 5000 \}\)/);
    expect((await gql.ask('{ stories(pagination: { limit: 100 }) { title } }')).errors).toEqual([]);
  });

  test('a misspelt field outside production - should still suggest the right one (suggestions are off only in production)', async () => {
    const answer = await gql.ask('{ stories { titel } }');
    expect(answer.errors[0]!.message).toMatch(/Did you mean "title"/);
  });
});
