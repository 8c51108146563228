import { startTestApp, type TestApp } from '../helpers/test-app';
import { storyInput } from '../fixtures/documents';
import { loggedInAdmin } from '../helpers/admin-users';

/** The review workflow through its admin routes, with real admin users of each role. */

let app: TestApp;
const tokens: Record<'superAdmin' | 'factChecker' | 'otherChecker' | 'editor', string> = { superAdmin: '', factChecker: '', otherChecker: '', editor: '' };
const as = (who: keyof typeof tokens) => ({ Authorization: `Bearer ${tokens[who]}` });
const auth = () => ({ Authorization: `Bearer ${app.apiToken}` });

const adminUser = (email: string, roleCode: string) => loggedInAdmin(app, email, roleCode);

/** A statement with an unverified_claim flag, and that flag. */
async function flaggedClaim(storyId?: string): Promise<{ statement: string; flag: { documentId: string; version: number } }> {
  const story = storyId ?? (await app.http().post('/api/stories').set(auth()).send({ data: storyInput({ sourceUrl: 'https://example.org/wire' }) })).body.data.documentId;
  const created = await app.http().post('/api/statements').set(auth()).send({
    data: { story, kind: 'claim', text: 'Grain exports fell by 40 percent in March, the lowest level since 2019', attribution: 'Dana Voss said', sourceUrl: 'https://example.org/q' },
  });
  const statement = created.body.data.documentId as string;
  const list = await app.http().get('/newsgraph/flags').query({ kind: 'unverified_claim', status: 'open', pageSize: 100 }).set(as('factChecker'));
  const flag = (list.body.data as Array<{ documentId: string; version: number; statement: { documentId: string } }>).find((item) => item.statement.documentId === statement);
  expect(flag).toBeDefined();
  return { statement, flag: flag! };
}

async function statementVerification(documentId: string): Promise<string> {
  return (await app.http().get(`/api/statements/${documentId}`).set(auth())).body.data.verification;
}

beforeAll(async () => {
  app = await startTestApp();
  const registered = await app.http().post('/admin/register-admin').send({ email: 'chief@newsgraph.test', password: 'Chief-Passw0rd', firstname: 'Chief', lastname: 'Editor' });
  tokens.superAdmin = registered.body.data.token;
  tokens.factChecker = await adminUser('checker@newsgraph.test', 'newsgraph-fact-checker');
  tokens.otherChecker = await adminUser('checker2@newsgraph.test', 'newsgraph-fact-checker');
  tokens.editor = await adminUser('editor@newsgraph.test', 'strapi-editor');
});
afterAll(async () => {
  await app?.stop();
});

test('a fact-checker - should claim a flag, resolve it with evidence, and leave the trail of events', async () => {
  const { statement, flag } = await flaggedClaim();
  const claimed = await app.http().post(`/newsgraph/flags/${flag.documentId}/claim`).set(as('factChecker')).send({ version: flag.version });
  expect(claimed.status).toBe(200);
  expect(claimed.body.data).toMatchObject({ status: 'in_review', version: flag.version + 1, assignee: { firstname: 'checker' } });

  const resolved = await app.http().post(`/newsgraph/flags/${flag.documentId}/resolve`).set(as('factChecker')).send({
    version: flag.version + 1, verdict: 'misleading', note: 'Exports fell 14 percent, not 40', evidence: [{ url: 'https://example.org/customs-data', title: 'Customs data' }],
  });
  expect(resolved.status).toBe(200);
  expect(resolved.body.data).toMatchObject({ status: 'resolved', verdict: 'misleading', evidence: [{ url: 'https://example.org/customs-data', title: 'Customs data' }] });
  expect(await statementVerification(statement)).toBe('misleading');

  const detail = await app.http().get(`/newsgraph/flags/${flag.documentId}`).set(as('factChecker'));
  expect(detail.status).toBe(200);
  expect(detail.body.data.events.map((event: { from: string | null; to: string }) => `${event.from}->${event.to}`)).toEqual(['null->open', 'open->in_review', 'in_review->resolved']);
  expect(detail.body.data.events[2]).toMatchObject({ note: 'Exports fell 14 percent, not 40', actor: { firstname: 'checker' } });
});

test('two fact-checkers resolving the same version at once - should let one win and answer the other 409, changing nothing', async () => {
  const { flag } = await flaggedClaim();
  const resolve = (who: 'factChecker' | 'otherChecker', verdict: string) =>
    app.http().post(`/newsgraph/flags/${flag.documentId}/resolve`).set(as(who)).send({ version: flag.version, verdict, note: `by ${who}` });
  const answers = await Promise.all([resolve('factChecker', 'accurate'), resolve('otherChecker', 'false')]);
  expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
  const loser = answers.find((answer) => answer.status === 409)!;
  expect(loser.body.error).toMatchObject({ status: 409, name: 'ConflictError' });
  const detail = await app.http().get(`/newsgraph/flags/${flag.documentId}`).set(as('factChecker'));
  expect(detail.body.data.events.filter((event: { to: string }) => event.to === 'resolved')).toHaveLength(1);
  const winner = answers.find((answer) => answer.status === 200)!;
  expect(detail.body.data.verdict).toBe(winner.body.data.verdict);
});

test('dismiss and reopen - should need a reason to dismiss and record both', async () => {
  const { flag } = await flaggedClaim();
  expect((await app.http().post(`/newsgraph/flags/${flag.documentId}/dismiss`).set(as('factChecker')).send({ version: flag.version })).status).toBe(400);
  const dismissed = await app.http().post(`/newsgraph/flags/${flag.documentId}/dismiss`).set(as('factChecker')).send({ version: flag.version, note: 'an opinion, not a fact' });
  expect(dismissed.body.data).toMatchObject({ status: 'dismissed', note: 'an opinion, not a fact' });
  const reopened = await app.http().post(`/newsgraph/flags/${flag.documentId}/reopen`).set(as('factChecker')).send({ version: flag.version + 1, note: 'new figures' });
  expect(reopened.body.data).toMatchObject({ status: 'open', version: flag.version + 2 });
});

test('the queue - should filter, sort by score and paginate', async () => {
  await flaggedClaim();
  await flaggedClaim();
  const page = await app.http().get('/newsgraph/flags').query({ status: 'open', sort: 'score', page: 1, pageSize: 2 }).set(as('factChecker'));
  expect(page.status).toBe(200);
  expect(page.body.data).toHaveLength(2);
  expect(page.body.meta.pagination).toMatchObject({ page: 1, pageSize: 2 });
  expect(page.body.meta.pagination.total).toBeGreaterThanOrEqual(2);
  const scores = page.body.data.map((flag: { score: number | string | null }) => Number(flag.score ?? 0));
  expect(scores).toEqual([...scores].sort((a, b) => b - a));
  const storyId = (await app.strapi.documents('api::story.story').create({ data: storyInput({ sourceUrl: 'https://example.org/wire' }) as never })).documentId;
  const { flag: inStory } = await flaggedClaim(storyId);
  const ofStory = await app.http().get('/newsgraph/flags').query({ story: storyId }).set(as('factChecker'));
  expect(ofStory.body.data.map((flag: { documentId: string }) => flag.documentId)).toContain(inStory.documentId);
  expect(ofStory.body.data.every((flag: { story: { documentId: string } }) => flag.story.documentId === storyId)).toBe(true);
  const claims = await app.http().get('/newsgraph/flags').query({ kind: 'unverified_claim', minScore: 0.5 }).set(as('factChecker'));
  expect(claims.body.data.every((flag: { kind: string; score: string | number }) => flag.kind === 'unverified_claim' && Number(flag.score) >= 0.5)).toBe(true);
});

test('the desk\'s filter choices - should offer the stories with flags, the assignees, and actors by name', async () => {
  await app.http().post('/api/actors').set(auth()).send({ data: { name: 'Oskar Lindqvist', kind: 'person' } });
  const { flag } = await flaggedClaim();
  await app.http().post(`/newsgraph/flags/${flag.documentId}/claim`).set(as('otherChecker')).send({ version: flag.version });
  const facets = await app.http().get('/newsgraph/flags/facets').query({ q: 'lindq' }).set(as('factChecker'));
  expect(facets.status).toBe(200);
  const claimed = (await app.http().get(`/newsgraph/flags/${flag.documentId}`).set(as('factChecker'))).body.data;
  expect(facets.body.data.stories.map((story: { documentId: string }) => story.documentId)).toContain(claimed.story.documentId);
  expect(facets.body.data.assignees).toEqual(expect.arrayContaining([{ id: claimed.assignee.id, name: 'checker2 Tester' }]));
  expect(facets.body.data.actors).toEqual([{ documentId: expect.any(String), name: 'Oskar Lindqvist' }]);
  expect((await app.http().get('/newsgraph/flags/facets').set(as('editor'))).status).toBe(403);
});

test('an editor without the review permission - should get 403 from every flag route', async () => {
  const { flag } = await flaggedClaim();
  expect((await app.http().get('/newsgraph/flags').set(as('editor'))).status).toBe(403);
  expect((await app.http().get(`/newsgraph/flags/${flag.documentId}`).set(as('editor'))).status).toBe(403);
  expect((await app.http().post(`/newsgraph/flags/${flag.documentId}/claim`).set(as('editor')).send({ version: flag.version })).status).toBe(403);
  expect((await app.http().post(`/newsgraph/flags/${flag.documentId}/resolve`).set(as('editor')).send({ version: flag.version, verdict: 'accurate' })).status).toBe(403);
  expect((await app.http().get('/newsgraph/flags')).status).toBe(401);
});

test('the Fact-checker role - should not publish or delete stories', async () => {
  const story = await app.http().post('/api/stories').set(auth()).send({ data: storyInput() });
  const documentId = story.body.data.documentId;
  const publish = await app.http().post(`/content-manager/collection-types/api::story.story/${documentId}/actions/publish`).set(as('factChecker')).send({});
  expect(publish.status).toBe(403);
  const remove = await app.http().delete(`/content-manager/collection-types/api::story.story/${documentId}`).set(as('factChecker'));
  expect(remove.status).toBe(403);
});

test('bad input - should answer 400 (a ValidationError) and change nothing', async () => {
  const { flag, statement } = await flaggedClaim();
  const path = `/newsgraph/flags/${flag.documentId}/resolve`;
  const cases: Array<[Record<string, unknown>, number]> = [
    [{ version: flag.version, verdict: 'probably' }, 400],
    [{ verdict: 'accurate' }, 400],
    [{ version: flag.version, verdict: 'accurate', evidence: [{ url: 'javascript:alert(1)' }] }, 400],
    [{ version: flag.version, verdict: 'accurate', note: 'x'.repeat(1_000_000) }, 400],
  ];
  for (const [body, status] of cases) {
    const answer = await app.http().post(path).set(as('factChecker')).send(body);
    expect({ body: Object.keys(body), status: answer.status, error: answer.body.error?.name }).toEqual({ body: Object.keys(body), status, error: 'ValidationError' });
  }
  expect((await app.http().post('/newsgraph/flags/no-such-flag/resolve').set(as('factChecker')).send({ version: 1, verdict: 'accurate' })).status).toBe(404);
  expect((await app.http().get('/newsgraph/flags').query({ status: 'closed' }).set(as('factChecker'))).status).toBe(400);
  expect((await app.http().get('/newsgraph/flags').query({ pageSize: 1000 }).set(as('factChecker'))).status).toBe(400);
  const detail = await app.http().get(`/newsgraph/flags/${flag.documentId}`).set(as('factChecker'));
  expect(detail.body.data).toMatchObject({ status: 'open', version: flag.version });
  expect(detail.body.data.events).toHaveLength(1);
  expect(await statementVerification(statement)).toBe('unverified');
});

test('review events - should have no door that edits or deletes them: no route of the app, the content manager, GraphQL', async () => {
  const { flag } = await flaggedClaim();
  expect((await app.http().post(`/newsgraph/flags/${flag.documentId}/claim`).set(as('factChecker')).send({ version: flag.version })).status).toBe(200);
  const events = () => app.strapi.db.query('plugin::newsgraph.review-event').findMany({ where: { flag: { documentId: flag.documentId } }, orderBy: { id: 'asc' } });
  const before = await events();
  expect(before).toHaveLength(2);
  const event = before[0]!.documentId as string;

  // The routes the app serves, read from its router: none is the review events' own.
  const routes = app.strapi.server.listRoutes().map((layer) => `${layer.methods.join(',')} ${layer.path}`);
  expect(routes).toEqual(expect.arrayContaining(['POST /newsgraph/flags/:documentId/resolve', 'PUT /content-manager/collection-types/:model/:id']));
  expect(routes.filter((route) => /review-event/i.test(route))).toEqual([]);

  // The content manager's routes take any content type: a super admin is refused every write.
  const model = '/content-manager/collection-types/plugin::newsgraph.review-event';
  const writes = [
    app.http().put(`${model}/${event}`).send({ note: 'rewritten' }),
    app.http().delete(`${model}/${event}`),
    app.http().post(`${model}/actions/bulkDelete`).send({ documentIds: [event] }),
    app.http().post(model).send({ flag: before[0]!.id, from: 'open', to: 'resolved', note: 'forged' }),
  ];
  for (const write of writes) expect((await write.set(as('superAdmin'))).status).toBe(403);

  // GraphQL, with a full-access token: no generated query or mutation for them at all.
  for (const mutation of [
    `mutation { updateReviewEvent(documentId: "${event}", data: { note: "rewritten" }) { documentId } }`,
    `mutation { deleteReviewEvent(documentId: "${event}") { documentId } }`,
    'mutation { createReviewEvent(data: { note: "forged" }) { documentId } }',
  ]) {
    const answer = await app.graphql(mutation, {}, app.apiToken);
    expect({ status: answer.status, code: answer.errors?.[0]?.extensions?.code }).toEqual({ status: 400, code: 'GRAPHQL_VALIDATION_FAILED' });
  }

  expect(await events()).toEqual(before);
});

test('an editor, when flags.editorsMayResolve is on - should resolve a flag but still not claim or dismiss one', async () => {
  const { statement, flag } = await flaggedClaim();
  const setting = 'plugin::newsgraph.flags';
  const before = app.strapi.config.get(setting) as Record<string, unknown>;
  app.strapi.config.set(setting, { ...before, editorsMayResolve: true });
  try {
    expect((await app.http().post(`/newsgraph/flags/${flag.documentId}/claim`).set(as('editor')).send({ version: flag.version })).status).toBe(403);
    const resolved = await app.http().post(`/newsgraph/flags/${flag.documentId}/resolve`).set(as('editor')).send({ version: flag.version, verdict: 'accurate', note: 'checked against the ministry release' });
    expect(resolved.status).toBe(200);
    expect(resolved.body.data).toMatchObject({ status: 'resolved', verdict: 'accurate' });
    expect(await statementVerification(statement)).toBe('accurate');
  } finally {
    app.strapi.config.set(setting, before);
  }
  const { flag: other } = await flaggedClaim();
  expect((await app.http().post(`/newsgraph/flags/${other.documentId}/resolve`).set(as('editor')).send({ version: other.version, verdict: 'accurate' })).status).toBe(403);
});

describe('Publishing and webhooks', () => {
  test('publishing a story with an open high-severity flag - should answer 400 listing it, and publish once it is dismissed', async () => {
    const story = await app.http().post('/api/stories').set(auth()).send({ data: storyInput({ sourceUrl: 'https://example.org/wire', body: 'AUBRINE - Talks resumed on Tuesday.' }) });
    const storyId = story.body.data.documentId as string;
    await app.http().post('/api/statements').set(auth()).send({ data: { story: storyId, kind: 'direct_quote', text: 'We will never sign', attribution: 'Dana Voss said', sourceUrl: 'https://example.org/q' } });
    const publishPath = `/content-manager/collection-types/api::story.story/${storyId}/actions/publish`;

    const refused = await app.http().post(publishPath).set(as('superAdmin')).send({});
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('high-severity');
    const [blocking] = refused.body.error.details.flags as Array<{ documentId: string; kind: string }>;
    expect(blocking!.kind).toBe('quote_mismatch');
    await expect(app.strapi.documents('api::story.story').publish({ documentId: storyId })).rejects.toThrow('high-severity');

    const flag = await app.http().get(`/newsgraph/flags/${blocking!.documentId}`).set(as('factChecker'));
    const dismissed = await app.http().post(`/newsgraph/flags/${blocking!.documentId}/dismiss`).set(as('factChecker')).send({ version: flag.body.data.version, note: 'quoted from the video, not the text' });
    expect(dismissed.status).toBe(200);
    // Publishing relinks and re-flags the story's statements inside the publish transaction: on SQLite
    // (one connection) a query outside it would wait a minute for the pool; this must stay quick.
    const started = Date.now();
    expect((await app.http().post(publishPath).set(as('superAdmin')).send({})).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  test('webhooks - should receive newsgraph.flag.opened and newsgraph.flag.resolved with the flag, statement and story', async () => {
    const http = await import('http');
    const received: Array<{ event: string; flag: { kind: string; status: string }; statement: { documentId: string }; story: { documentId: string } | null }> = [];
    const listener = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        received.push(JSON.parse(body));
        response.end('ok');
      });
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    try {
      const port = (listener.address() as { port: number }).port;
      const webhook = await app.http().post('/admin/webhooks').set(as('superAdmin')).send({
        name: 'fact-check desk', url: `http://127.0.0.1:${port}/hook`, headers: {}, events: ['newsgraph.flag.opened', 'newsgraph.flag.resolved'],
      });
      expect({ status: webhook.status, error: webhook.body.error }).toEqual({ status: 201, error: undefined });

      const { statement, flag } = await flaggedClaim();
      await app.http().post(`/newsgraph/flags/${flag.documentId}/resolve`).set(as('factChecker')).send({ version: flag.version, verdict: 'accurate', note: 'matches customs data' });
      const deadline = Date.now() + 10_000;
      while (!received.some((item) => item.event === 'newsgraph.flag.resolved') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));

      const opened = received.find((item) => item.event === 'newsgraph.flag.opened' && item.statement.documentId === statement && item.flag.kind === 'unverified_claim');
      expect(opened).toMatchObject({ flag: { status: 'open' }, story: { documentId: expect.any(String) } });
      expect(received.find((item) => item.event === 'newsgraph.flag.resolved')).toMatchObject({ flag: { kind: 'unverified_claim', status: 'resolved', verdict: 'accurate' }, statement: { documentId: statement } });
    } finally {
      await new Promise((resolve) => listener.close(resolve));
    }
  });
});

describe('The queue counts', () => {
  type CountsByStatus = Record<string, number>;
  /** The flags counted afresh, straight from the table, per status. */
  async function countedAfresh(): Promise<CountsByStatus> {
    const flags = (await app.strapi.db.query('plugin::newsgraph.flag').findMany({ select: ['status'] })) as Array<{ status: string }>;
    const counts: CountsByStatus = { open: 0, in_review: 0, resolved: 0, dismissed: 0, obsolete: 0 };
    for (const { status } of flags) counts[status] += 1;
    return counts;
  }

  test('after every kind of change above - should equal the flags counted afresh, before and after folding the change log', async () => {
    // A flag made obsolete by the rules: its statement no longer reads as a claim.
    const { statement, flag } = await flaggedClaim();
    await app.http().put(`/api/statements/${statement}`).set(auth()).send({ data: { text: 'We will see' } });
    expect((await app.http().get(`/newsgraph/flags/${flag.documentId}`).set(as('factChecker'))).body.data.status).toBe('obsolete');
    const kept = await app.http().get('/newsgraph/flags/counts').set(as('factChecker'));
    expect(kept.status).toBe(200);
    const expected = await countedAfresh();
    expect(kept.body.data.byStatus).toEqual(expected);
    expect(kept.body.data.total).toBe(Object.values(expected).reduce((sum, count) => sum + count, 0));
    expect(expected.resolved).toBeGreaterThan(0);
    expect(expected.obsolete).toBeGreaterThan(0);

    const list = await app.http().get('/newsgraph/flags').query({ status: 'open' }).set(as('factChecker'));
    expect(list.body.meta.byStatus).toEqual(expected);
    expect(list.body.meta.pagination.total).toBe(expected.open);
    const openClaims = await app.http().get('/newsgraph/flags').query({ status: 'open', kind: 'unverified_claim', pageSize: 100 }).set(as('factChecker'));
    expect(openClaims.body.meta.pagination.total).toBe(openClaims.body.data.length);

    await app.strapi.plugin('newsgraph').service('flag-counts').compact();
    expect((await app.http().get('/newsgraph/flags/counts').set(as('factChecker'))).body.data.byStatus).toEqual(expected);
    expect((await app.http().get('/newsgraph/flags/counts').set(as('editor'))).status).toBe(403);
  });
});

describe('A flag in context', () => {
  test('one flag - should come with its sentence in the story, the score reasons and the speaker\'s earlier verdicts', async () => {
    await app.http().post('/api/actors').set(auth()).send({ data: { name: 'Mira Kolb', kind: 'person' } });
    const body = 'LINDMARK (Demo Wire) - The port reopened.\n\n"Grain exports rose by 12 percent in May," Mira Kolb told reporters on Friday. Others doubted it.';
    const story = (await app.http().post('/api/stories').set(auth()).send({ data: storyInput({ body }) })).body.data.documentId;
    const statement = async (text: string) =>
      (await app.http().post('/api/statements').set(auth()).send({ data: { story, kind: 'direct_quote', text, attribution: 'Mira Kolb told reporters', sourceUrl: 'https://example.org/kolb' } })).body.data.documentId as string;
    const earlier = await statement('Grain imports fell by 30 percent in April');
    const now = await statement('grain exports rose by 12 percent in May');
    const flagOf = async (documentId: string) => {
      const list = await app.http().get('/newsgraph/flags').query({ kind: 'unverified_claim', pageSize: 100 }).set(as('factChecker'));
      return (list.body.data as Array<{ documentId: string; version: number; statement: { documentId: string } }>).find((flag) => flag.statement.documentId === documentId)!;
    };
    const first = await flagOf(earlier);
    expect((await app.http().post(`/newsgraph/flags/${first.documentId}/resolve`).set(as('factChecker')).send({ version: first.version, verdict: 'false', note: 'imports rose' })).status).toBe(200);

    const detail = (await app.http().get(`/newsgraph/flags/${(await flagOf(now)).documentId}`).set(as('factChecker'))).body.data;
    const { sentence, quote } = detail.context.story;
    expect(sentence).toBe('"Grain exports rose by 12 percent in May," Mira Kolb told reporters on Friday.');
    expect(sentence.slice(quote.start, quote.end)).toBe('Grain exports rose by 12 percent in May');
    expect(detail.context.scoreReasons).toContain('states a percentage, rate or proportion');
    expect(detail.context.speakerVerdicts).toEqual([{ verdict: 'false', text: 'Grain imports fell by 30 percent in April', resolvedAt: expect.any(String) }]);
  });
});
