import { spawnSync } from 'child_process';
import path from 'path';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { storyInput } from '../fixtures/documents';
import { STORY_DATE, WIRE_ACTORS, WIRE_PROPOSALS, WIRE_STATEMENTS } from '../fixtures/wire-story';

let app: TestApp;
let adminToken: string;
const actorIds = new Map<string, string>();
const keyOf = new Map<string, string>();
const proposalIds = new Map<string, string>();
let storyId: string;

const auth = () => ({ Authorization: `Bearer ${app.apiToken}` });
const asAdmin = () => ({ Authorization: `Bearer ${adminToken}` });
const keys = (items: Array<{ documentId: string }> | undefined) => (items ?? []).map((item) => keyOf.get(item.documentId) ?? item.documentId).sort();

interface LinkedStatement {
  documentId: string;
  speaker: { documentId: string } | null;
  mentions: Array<{ documentId: string }>;
  proposals: Array<{ documentId: string }>;
  linkState: { status: string; ambiguous?: Array<{ candidates: string[] }> } | null;
}

async function readStatement(documentId: string): Promise<LinkedStatement> {
  const response = await app.http().get(`/api/statements/${documentId}?populate[speaker]=true&populate[mentions]=true&populate[proposals]=true`).set(auth());
  return response.body.data;
}

async function createStatement(data: Record<string, unknown>): Promise<LinkedStatement> {
  const created = await app.http().post('/api/statements').set(auth()).send({ data: { story: storyId, ...data } });
  expect(created.status).toBe(201);
  return readStatement(created.body.data.documentId);
}

beforeAll(async () => {
  app = await startTestApp();
  const registered = await app.http().post('/admin/register-admin').send({ email: 'desk@newsgraph.test', password: 'Desk-Passw0rd', firstname: 'Desk', lastname: 'Editor' });
  adminToken = registered.body.data.token;
  for (const actor of WIRE_ACTORS) {
    const { key, ...data } = actor;
    const created = await app.http().post('/api/actors').set(auth()).send({ data });
    expect(created.status).toBe(201);
    actorIds.set(key, created.body.data.documentId);
    keyOf.set(created.body.data.documentId, key);
  }
  for (const proposal of WIRE_PROPOSALS) {
    const { key, ...data } = proposal;
    const created = await app.http().post('/api/proposals').set(auth()).send({ data });
    proposalIds.set(key, created.body.data.documentId);
    keyOf.set(created.body.data.documentId, key);
  }
  const story = await app.http().post('/api/stories').set(auth()).send({ data: storyInput({ storyDate: STORY_DATE }) });
  storyId = story.body.data.documentId;
});
afterAll(async () => {
  await app?.stop();
});

describe('Linking a wire story', () => {
  test('REST create - should link every speaker, mention and proposal of the story', async () => {
    const wrong: string[] = [];
    for (const expected of WIRE_STATEMENTS) {
      const linked = await createStatement({ text: expected.text, kind: expected.kind, attribution: expected.attribution });
      const got = { speaker: linked.speaker ? keyOf.get(linked.speaker.documentId) ?? null : null, mentions: keys(linked.mentions), proposals: keys(linked.proposals) };
      const want = { speaker: expected.speaker, mentions: [...expected.mentions].sort(), proposals: [...expected.proposals].sort() };
      if (JSON.stringify(got) !== JSON.stringify(want)) wrong.push(`${JSON.stringify(expected.text)}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
    }
    expect(wrong).toEqual([]);
  });

  test('Story.actors - should equal the union of its statements\' speakers and mentions', async () => {
    const story = await app.http().get(`/api/stories/${storyId}?populate[actors]=true`).set(auth());
    const expected = new Set<string>();
    for (const statement of WIRE_STATEMENTS) {
      if (statement.speaker) expected.add(statement.speaker);
      statement.mentions.forEach((key) => expected.add(key));
    }
    expect(keys(story.body.data.actors)).toEqual([...expected].sort());
  });
});

describe('Links follow edits', () => {
  test('REST update - should change the links when the text changes', async () => {
    const statement = await createStatement({ text: 'Kessa is ready', kind: 'claim', attribution: 'Iva Korr said' });
    expect(keys(statement.mentions)).toEqual(['tolen']);
    await app.http().put(`/api/statements/${statement.documentId}`).set(auth()).send({ data: { text: 'The Grey House is ready for the Kessa talks' } });
    const updated = await readStatement(statement.documentId);
    // Kessa, inside the proposal's phrase, still names Tolen: actors and proposals share words (issue 14).
    expect(keys(updated.mentions)).toEqual(['maravia-gov', 'tolen']);
    expect(keys(updated.proposals)).toEqual(['summit']);
    expect(keyOf.get(updated.speaker!.documentId)).toBe('korr');
  });

  test('a story whose date changes between two saves - should link the second save on the new date', async () => {
    const chief = await app.http().post('/api/actors').set(auth()).send({
      data: { name: 'Orla Venn', kind: 'person', positions: [{ title: 'Harbour Chief', descriptors: 'the harbour chief', from: '2026-01-01' }] },
    });
    expect(chief.status).toBe(201);
    keyOf.set(chief.body.data.documentId, 'venn');
    const story = await app.http().post('/api/stories').set(auth()).send({ data: storyInput({ storyDate: '2026-04-01T09:00:00.000Z' }) });
    const inStory = async (data: Record<string, unknown>) => {
      const created = await app.http().post('/api/statements').set(auth()).send({ data: { story: story.body.data.documentId, kind: 'claim', ...data } });
      expect(created.status).toBe(201);
      return readStatement(created.body.data.documentId);
    };
    const before = await inStory({ text: 'The quay reopens', attribution: 'the harbour chief said' });
    expect(keyOf.get(before.speaker?.documentId ?? '')).toBe('venn');

    // Before the position began: the descriptor names nobody, whatever the previous save remembered.
    const moved = await app.http().put(`/api/stories/${story.body.data.documentId}`).set(auth()).send({ data: { storyDate: '2025-06-01T09:00:00.000Z' } });
    expect(moved.status).toBe(200);
    const after = await inStory({ text: 'The quay stays shut', attribution: 'the harbour chief said' });
    expect(after.speaker).toBeNull();
  });

  test('Story.actors, on the draft and the published story - should lose an actor when no statement names it any more: text changed, statement moved, statement deleted', async () => {
    const publishedStory = async () => {
      const created = await app.http().post('/api/stories').set(auth()).send({ data: storyInput({ storyDate: STORY_DATE }) });
      expect(created.status).toBe(201);
      return created.body.data.documentId as string;
    };
    const [first, second] = [await publishedStory(), await publishedStory()];
    /** Story.actors of each stored version of the story (draft and published), as keys. */
    const actorsOf = async (story: string) => {
      const versions = (await app.strapi.db.query('api::story.story').findMany({ where: { documentId: story }, populate: { actors: true } })) as Array<{ publishedAt: string | null; actors: Array<{ documentId: string }> }>;
      expect(versions).toHaveLength(2);
      return versions.map((version) => keys(version.actors));
    };
    const save = async (method: 'post' | 'put', url: string, data: Record<string, unknown>) => {
      const response = await app.http()[method](url).set(auth()).send({ data });
      expect(response.status).toBe(method === 'post' ? 201 : 200);
      return response.body.data.documentId as string;
    };
    const quote = await save('post', '/api/statements', { story: first, kind: 'claim', text: 'Kessa and Ostrov are ready', attribution: 'Iva Korr said' });
    const other = await save('post', '/api/statements', { story: first, kind: 'claim', text: 'The talks go on', attribution: 'Piotr Halas said' });
    expect(await actorsOf(first)).toEqual([['halas', 'korr', 'maravia', 'tolen'], ['halas', 'korr', 'maravia', 'tolen']]);

    await save('put', `/api/statements/${quote}`, { text: 'Kessa is ready' });
    expect(await actorsOf(first)).toEqual([['halas', 'korr', 'tolen'], ['halas', 'korr', 'tolen']]);

    await save('put', `/api/statements/${other}`, { story: second });
    expect(await actorsOf(first)).toEqual([['korr', 'tolen'], ['korr', 'tolen']]);
    expect(await actorsOf(second)).toEqual([['halas'], ['halas']]);

    expect((await app.http().delete(`/api/statements/${quote}`).set(auth())).status).toBe(204);
    expect(await actorsOf(first)).toEqual([[], []]);
    expect(await actorsOf(second)).toEqual([['halas'], ['halas']]);
  });

  test('GraphQL and strapi.documents() - should link the same way as REST', async () => {
    const viaGraphql = await app.graphql<{ createStatement: { documentId: string } }>(
      'mutation Create($data: StatementInput!) { createStatement(data: $data) { documentId } }',
      { data: { text: 'Ostrov wants the truce', kind: 'claim', attribution: 'Piotr Halas said', story: storyId } },
      app.apiToken
    );
    expect(viaGraphql.errors).toBeUndefined();
    const linked = await readStatement(viaGraphql.data!.createStatement.documentId);
    expect(keyOf.get(linked.speaker!.documentId)).toBe('halas');
    expect(keys(linked.mentions)).toEqual(['maravia']);

    const viaDocuments = await app.strapi.documents('api::statement.statement').create({
      data: { text: 'Ostrov wants the truce', kind: 'claim', attribution: 'Piotr Halas said', story: storyId } as never,
      populate: ['speaker', 'mentions', 'proposals'],
    });
    expect(keyOf.get((viaDocuments.speaker as { documentId: string }).documentId)).toBe('halas');
    expect(keys(viaDocuments.proposals as Array<{ documentId: string }>)).toEqual(['truce']);
  });

  test.each([
    ['a draft story (one version)', 'draft'],
    ['a published story (a draft and a published version)', 'published'],
  ])('a REST create in %s, whose link rows the plugin writes itself - should store them as Strapi\'s own create does: the same positions on both sides', async (_, state) => {
    const story =
      state === 'draft'
        ? (await app.strapi.documents('api::story.story').create({ data: storyInput({ storyDate: STORY_DATE }) as never })).documentId
        : storyId;
    const data = { text: "Maravia was ready to accept the truce if Tolen's air force stood down", kind: 'paraphrase', attribution: 'the Maravian leader said', story };
    // Asking for a populated answer keeps Strapi's own relation writes (and, for the story, its own
    // lookup of the story's versions); the plain REST create does not. A status names one version:
    // the draft's, the only one a draft story has.
    const strapiStory = state === 'draft' ? { documentId: story, status: 'draft' } : story;
    const byStrapi = await app.strapi.documents('api::statement.statement').create({ data: { ...data, story: strapiStory } as never, populate: ['mentions'] });
    const created = await app.http().post('/api/statements').set(auth()).send({ data });
    expect(created.status).toBe(201);
    const byPlugin = created.body.data as { id: number; documentId: string };
    const knex = app.strapi.db.connection;
    const rowsOf = async (table: string, target: string, statementId: number) =>
      (await knex(table).where('statement_id', statementId).select(`${target} as target`, '*')) as Array<Record<string, number>>;
    for (const [table, target, ownOrder] of [
      ['statements_speaker_lnk', 'actor_id', null],
      ['statements_mentions_lnk', 'actor_id', 'actor_ord'],
      ['statements_proposals_lnk', 'proposal_id', 'proposal_ord'],
      ['statements_story_lnk', 'story_id', null],
    ] as const) {
      const strapiRows = await rowsOf(table, target, byStrapi.id as number);
      const pluginRows = await rowsOf(table, target, byPlugin.id);
      expect(strapiRows.length).toBe(table === 'statements_story_lnk' && state === 'published' ? 2 : strapiRows.length);
      expect(strapiRows.length).toBeGreaterThan(0);
      const shape = (rows: Array<Record<string, number>>, shift: number) =>
        rows.map((row) => ({ target: row.target, own: ownOrder ? row[ownOrder] : null, inverse: Number(row.statement_ord) + shift })).sort((a, b) => a.target - b.target);
      // The second statement comes last in each target's list: one place after the first.
      expect(shape(pluginRows, 0)).toEqual(shape(strapiRows, 1));
    }
    const read = await readStatement(byPlugin.documentId);
    expect(keyOf.get(read.speaker!.documentId)).toBe('varga');
    expect(keys(read.mentions)).toEqual(['air-force', 'maravia']);
    expect(keys(read.proposals)).toEqual(['truce']);
  });

  test('a story deleted after linking read it, before the statement is stored - should fail the create with a 400 and store nothing', async () => {
    const story = (await app.strapi.documents('api::story.story').create({ data: storyInput({ storyDate: STORY_DATE }) as never })).documentId;
    const text = 'Varga said the story vanished while this statement was being saved';
    // Innermost of all middlewares: after the plan read the story, inside the save's transaction.
    app.strapi.documents.use(async (context, next) => {
      const data = context.params as { data?: { text?: unknown } };
      if (context.uid === 'api::statement.statement' && context.action === 'create' && data.data?.text === text) {
        await app.strapi.db.query('api::story.story').deleteMany({ where: { documentId: story } });
      }
      return next();
    });
    const created = await app.http().post('/api/statements').set(auth()).send({ data: { text, kind: 'paraphrase', attribution: 'Varga said', story } });
    expect(created.status).toBe(400);
    expect(created.body.error.message).toMatch(/story of this statement no longer exists/);
    // The transaction rolled back: no statement, and the story (deleted inside it) is still there.
    expect(await app.strapi.db.query('api::statement.statement').count({ where: { text } })).toBe(0);
    expect(await app.strapi.db.query('api::story.story').count({ where: { documentId: story } })).toBe(1);
  });

  test('an explicit speaker - should win over the attribution', async () => {
    const statement = await createStatement({ text: 'No comment', kind: 'direct_quote', attribution: 'Varga said', speaker: actorIds.get('korr') });
    expect(keyOf.get(statement.speaker!.documentId)).toBe('korr');
  });

  test('a new alias - should relink the statements that use it', async () => {
    const statement = await createStatement({ text: 'The Lantern Palace denied the report', kind: 'claim', attribution: 'officials said' });
    expect(keys(statement.mentions)).toEqual([]);
    const actorId = actorIds.get('tolen')!;
    const actor = await app.http().get(`/api/actors/${actorId}?populate=aliases`).set(auth());
    const aliases = actor.body.data.aliases.map((alias: { name: string }) => ({ name: alias.name }));
    await app.http().put(`/api/actors/${actorId}`).set(auth()).send({ data: { aliases: [...aliases, { name: 'the Lantern Palace' }] } });
    await app.strapi.plugin('newsgraph').service('relink').idle();
    expect(keys((await readStatement(statement.documentId)).mentions)).toEqual(['tolen']);
  });
});

describe('Several instances on one database', () => {
  test('an alias added through another Strapi process - should be used by this one\'s next link, without a restart', async () => {
    const before = await createStatement({ text: 'The Amber Gate stayed silent', kind: 'claim', attribution: 'officials said' });
    expect(keys(before.mentions)).toEqual([]);

    const other = spawnSync(process.execPath, [path.join(__dirname, '..', 'helpers', 'add-alias.js'), actorIds.get('maravia-gov')!, 'the Amber Gate'], {
      env: { ...process.env, STRAPI_LOG_LEVEL: 'error' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    // stderr may carry pg's deprecation warning about Strapi's own queries; the exit code is the verdict.
    expect({ status: other.status, error: other.status === 0 ? '' : other.stderr }).toEqual({ status: 0, error: '' });

    const after = await createStatement({ text: 'The Amber Gate will answer on Friday', kind: 'claim', attribution: 'officials said' });
    expect(keys(after.mentions)).toEqual(['maravia-gov']);
  });
});

describe('Editors win', () => {
  test('PUT /newsgraph/statements/:id/link-overrides - pins and rejections should survive a relink', async () => {
    const statement = await createStatement({ text: 'Kessa and Ostrov must talk', kind: 'claim', attribution: 'the Council of Nations said' });
    expect(keys(statement.mentions)).toEqual(['maravia', 'tolen']);

    const response = await app
      .http()
      .put(`/newsgraph/statements/${statement.documentId}/link-overrides`)
      .set(asAdmin())
      .send({ pin: [actorIds.get('sarn')], reject: [actorIds.get('tolen')] });
    expect(response.status).toBe(200);
    expect(keys((await readStatement(statement.documentId)).mentions)).toEqual(['maravia', 'sarn']);

    const job = await app.http().post('/newsgraph/relink').set(asAdmin()).send({});
    expect(job.status).toBe(200);
    await app.strapi.plugin('newsgraph').service('relink').idle();
    const progress = await app.http().get(`/newsgraph/relink/${job.body.data.jobId}`).set(asAdmin());
    expect(progress.body.data).toMatchObject({ status: 'done' });
    expect(progress.body.data.done).toBe(progress.body.data.total);
    expect(keys((await readStatement(statement.documentId)).mentions)).toEqual(['maravia', 'sarn']);
  });

  test('proposals an editor unlinks - should stay unlinked on every relink, through REST and through link-overrides', async () => {
    const truce = proposalIds.get('truce')!;
    const throughRest = await createStatement({ text: 'Ostrov wants the truce', kind: 'claim', attribution: 'Piotr Halas said' });
    expect(keys(throughRest.proposals)).toEqual(['truce']);
    const unlinked = await app.http().put(`/api/statements/${throughRest.documentId}`).set(auth()).send({ data: { proposals: { disconnect: [truce] } } });
    expect(unlinked.status).toBe(200);
    expect(keys((await readStatement(throughRest.documentId)).proposals)).toEqual([]);

    const throughRoute = await createStatement({ text: 'Kessa rejects the truce', kind: 'claim', attribution: 'Piotr Halas said' });
    expect(keys(throughRoute.proposals)).toEqual(['truce']);
    const response = await app.http().put(`/newsgraph/statements/${throughRoute.documentId}/link-overrides`).set(asAdmin()).send({ rejectProposals: [truce] });
    expect(response.status).toBe(200);
    expect(keys(response.body.data.proposals)).toEqual([]);

    const relink = app.strapi.plugin('newsgraph').service('relink');
    for (const documentId of [throughRest.documentId, throughRoute.documentId]) await relink.relinkStatement(documentId);
    expect(keys((await readStatement(throughRest.documentId)).proposals)).toEqual([]);
    expect(keys((await readStatement(throughRoute.documentId)).proposals)).toEqual([]);

    // Linking it again by hand lifts the rejection.
    await app.http().put(`/api/statements/${throughRest.documentId}`).set(auth()).send({ data: { proposals: { connect: [truce] } } });
    await relink.relinkStatement(throughRest.documentId);
    expect(keys((await readStatement(throughRest.documentId)).proposals)).toEqual(['truce']);
  });

  test('link-overrides - should answer 400 for unknown actors or a bad body, 404 for an unknown statement, 401 without a login', async () => {
    const statement = await createStatement({ text: 'Kessa', kind: 'claim', attribution: '' });
    const path = `/newsgraph/statements/${statement.documentId}/link-overrides`;
    expect((await app.http().put(path).set(asAdmin()).send({ pin: ['no-such-actor'] })).status).toBe(400);
    expect((await app.http().put(path).set(asAdmin()).send({ pin: 'x' })).status).toBe(400);
    expect((await app.http().put(path).set(asAdmin()).send({ rejectProposals: ['no-such-proposal'] })).status).toBe(400);
    expect((await app.http().put(path).set(asAdmin()).send({ pin: [actorIds.get('tolen')], reject: [actorIds.get('tolen')] })).status).toBe(400);
    expect((await app.http().put('/newsgraph/statements/nope/link-overrides').set(asAdmin()).send({ pin: [] })).status).toBe(404);
    expect((await app.http().put(path).send({ pin: [] })).status).toBe(401);
  });

  test('ambiguity - an alias two actors share should link nobody and record both candidates', async () => {
    const story = await app.http().post('/api/stories').set(auth()).send({ data: storyInput({ storyDate: STORY_DATE }) });
    const created = await app.http().post('/api/statements').set(auth()).send({ data: { story: story.body.data.documentId, text: 'Halas will decide', kind: 'claim', attribution: 'officials said' } });
    const linked = await readStatement(created.body.data.documentId);
    expect(linked.mentions).toEqual([]);
    const candidates = linked.linkState?.ambiguous?.[0]?.candidates.map((id) => keyOf.get(id)).sort();
    expect(candidates).toEqual(['halas', 'tomas-halas']);
  });
});

describe('Failures and bad input', () => {
  test('a failure inside linking - should keep the editor\'s save and mark the statement for relinking', async () => {
    const linkIndex = app.strapi.plugin('newsgraph').service('link-index');
    const original = linkIndex.current;
    linkIndex.current = async () => {
      throw new Error('index unavailable');
    };
    try {
      const created = await app.http().post('/api/statements').set(auth()).send({ data: { story: storyId, text: 'Kessa fired again', kind: 'claim', attribution: 'Varga said' } });
      expect(created.status).toBe(201);
      const stored = await readStatement(created.body.data.documentId);
      expect(stored.linkState).toMatchObject({ status: 'failed' });
    } finally {
      linkIndex.current = original;
    }
  });

  test('bad aliases - should answer 400: too many, empty, punctuation only', async () => {
    const tooMany = Array.from({ length: 10_000 }, (_, index) => ({ name: `Alias ${index}` }));
    for (const aliases of [tooMany, [{ name: '' }], [{ name: '!!! ...' }]]) {
      const response = await app.http().post('/api/actors').set(auth()).send({ data: { name: 'Noisy actor', kind: 'person', aliases } });
      expect(response.status).toBe(400);
      expect(response.body.error.details.errors[0].path[0]).toBe('aliases');
    }
  });

  test('a 5,000-character statement of one repeated name - should be linked in bounded time', async () => {
    const text = 'Varga '.repeat(833).trim().slice(0, 5000);
    const started = Date.now();
    const statement = await createStatement({ text, kind: 'claim', attribution: 'Halas said' });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(keys(statement.mentions)).toEqual(['varga']);
  });
});
