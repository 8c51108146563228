import { startTestApp, type TestApp } from '../helpers/test-app';
import { loggedInAdmin } from '../helpers/admin-users';

/**
 * Per-document permissions on the plugin's admin routes, with Strapi's default Author and Editor
 * roles, the Fact-checker role and custom roles made through the admin API. Every document is created
 * by an admin user through the content manager, so that it has a creator, as in the admin panel.
 */

const STORY = 'api::story.story';
const STATEMENT = 'api::statement.statement';
const FLAG = 'plugin::newsgraph.flag';

type Person = 'chief' | 'author' | 'otherAuthor' | 'editor' | 'factChecker' | 'creatorOnly' | 'otherCreatorOnly' | 'copyDesk';
let app: TestApp;
const tokens = {} as Record<Person, string>;
const as = (who: Person) => ({ Authorization: `Bearer ${tokens[who]}` });

interface Authored {
  story: string;
  statement: string;
  flag: string;
}
const authored = {} as Record<'author' | 'otherAuthor' | 'creatorOnly' | 'otherCreatorOnly', Authored>;

/** A role made as an admin would make it in Settings, returning its code. */
async function customRole(name: string, permissions: Array<Record<string, unknown>>): Promise<string> {
  const created = await app.http().post('/admin/roles').set(as('chief')).send({ name, description: `${name} (tests)` });
  expect(created.status).toBe(201);
  const assigned = await app.http().put(`/admin/roles/${created.body.data.id}/permissions`).set(as('chief')).send({ permissions });
  expect(assigned.status).toBe(200);
  return created.body.data.code as string;
}

const explorer = (action: string, subject: string, conditions: string[] = [], properties: Record<string, unknown> = {}) => ({
  action: `plugin::content-manager.explorer.${action}`, subject, properties, conditions,
});

/** A story, a claim in it (which raises an unverified_claim flag) and that flag, created by `who` through the content manager. */
async function authoredBy(who: Person, label: string): Promise<Authored> {
  const story = await app.http().post(`/content-manager/collection-types/${STORY}`).set(as(who)).send({
    title: `${label}: envoys meet in Aubrine`, storyDate: '2026-04-21T09:00:00.000Z', body: 'AUBRINE - Envoys met on Tuesday.', sourceUrl: 'https://example.org/wire',
  });
  expect(story.status).toBe(201);
  const storyId = story.body.data.documentId as string;
  const statement = await app.http().post(`/content-manager/collection-types/${STATEMENT}`).set(as(who)).send({
    story: { connect: [{ documentId: storyId }] }, kind: 'claim', text: `Grain exports fell by 40 percent in March, the lowest level since 2019 (${label})`, attribution: 'Dana Voss said', sourceUrl: 'https://example.org/q',
  });
  expect(statement.status).toBe(201);
  const statementId = statement.body.data.documentId as string;
  expect(statement.body.data.createdBy).toBeDefined();
  const flag = (await app.strapi.db.query(FLAG).findOne({ where: { statement: { documentId: statementId }, kind: 'unverified_claim' }, select: ['documentId'] })) as { documentId: string } | null;
  expect(flag).not.toBeNull();
  return { story: storyId, statement: statementId, flag: flag!.documentId };
}

/** The rows a refusal must leave alone. */
async function snapshot(documents: Authored) {
  const statement = await app.strapi.db.query(STATEMENT).findMany({ where: { documentId: documents.statement }, select: ['linkOverrides', 'verification', 'updatedAt'], populate: { evidence: true }, orderBy: [{ id: 'asc' }] });
  const story = await app.strapi.db.query(STORY).findMany({ where: { documentId: documents.story }, select: ['updatedAt'], orderBy: [{ id: 'asc' }] });
  const flag = await app.strapi.db.query(FLAG).findOne({ where: { documentId: documents.flag }, select: ['status', 'version', 'verdict', 'updatedAt'] });
  return { statement, story, flag };
}

async function withEditorsMayResolve<T>(run: () => Promise<T>): Promise<T> {
  const setting = 'plugin::newsgraph.flags';
  const before = app.strapi.config.get(setting) as Record<string, unknown>;
  app.strapi.config.set(setting, { ...before, editorsMayResolve: true });
  try {
    return await run();
  } finally {
    app.strapi.config.set(setting, before);
  }
}

const flagVersion = async (flag: string) => ((await app.strapi.db.query(FLAG).findOne({ where: { documentId: flag }, select: ['version'] })) as { version: number }).version;

beforeAll(async () => {
  app = await startTestApp();
  tokens.chief = (await app.http().post('/admin/register-admin').send({ email: 'chief@newsgraph.test', password: 'Chief-Passw0rd', firstname: 'Chief', lastname: 'Editor' })).body.data.token;
  const creatorOnly = await customRole('Stringer', [
    ...[STORY, STATEMENT].flatMap((subject) => [explorer('create', subject), explorer('read', subject, ['admin::is-creator']), explorer('update', subject, ['admin::is-creator'])]),
    { action: 'plugin::newsgraph.flags.read', subject: null, properties: {}, conditions: [] },
    { action: 'plugin::newsgraph.flags.review', subject: null, properties: {}, conditions: [] },
  ]);
  // May update every statement and its evidence, but not its verification.
  const copyDesk = await customRole('Copy desk', [explorer('read', STATEMENT), explorer('update', STATEMENT, [], { fields: ['text', 'attribution', 'linkOverrides', 'evidence.url', 'evidence.title', 'evidence.note'] })]);
  const people: Array<[Person, string]> = [
    ['author', 'strapi-author'], ['otherAuthor', 'strapi-author'], ['editor', 'strapi-editor'], ['factChecker', 'newsgraph-fact-checker'],
    ['creatorOnly', creatorOnly], ['otherCreatorOnly', creatorOnly], ['copyDesk', copyDesk],
  ];
  for (const [who, role] of people) tokens[who] = await loggedInAdmin(app, `${who.toLowerCase()}@newsgraph.test`, role);
  for (const who of ['author', 'otherAuthor', 'creatorOnly', 'otherCreatorOnly'] as const) authored[who] = await authoredBy(who, who);
});
afterAll(async () => {
  await app?.stop();
});

describe.each([
  ['author', 'otherAuthor'],
  ['creatorOnly', 'otherCreatorOnly'],
] as const)('A role whose reading and editing has the is-creator condition (%s)', (who, other) => {
  test('GET statement links - should answer 200 on its own statement and 403 on another\'s', async () => {
    expect((await app.http().get(`/newsgraph/statements/${authored[who].statement}/links`).set(as(who))).status).toBe(200);
    const refused = await app.http().get(`/newsgraph/statements/${authored[other].statement}/links`).set(as(who));
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ status: 403, name: 'ForbiddenError' });
  });

  test('PUT link-overrides - should answer 200 on its own statement, and 403 on another\'s, changing nothing', async () => {
    expect((await app.http().put(`/newsgraph/statements/${authored[who].statement}/link-overrides`).set(as(who)).send({ pin: [], reject: [] })).status).toBe(200);
    const before = await snapshot(authored[other]);
    expect((await app.http().put(`/newsgraph/statements/${authored[other].statement}/link-overrides`).set(as(who)).send({ pin: [], reject: [] })).status).toBe(403);
    expect(await snapshot(authored[other])).toEqual(before);
  });

  test('GET story overview - should answer 200 on its own story and 403 on another\'s', async () => {
    const own = await app.http().get(`/newsgraph/stories/${authored[who].story}/overview`).set(as(who));
    expect(own.status).toBe(200);
    expect(own.body.data.statements.map((statement: { documentId: string }) => statement.documentId)).toEqual([authored[who].statement]);
    expect((await app.http().get(`/newsgraph/stories/${authored[other].story}/overview`).set(as(who))).status).toBe(403);
  });

  test('GET story graph - should answer 200 with its statements on its own story and 403 on another\'s', async () => {
    const own = await app.http().get(`/newsgraph/stories/${authored[who].story}/graph`).set(as(who));
    expect(own.status).toBe(200);
    expect(own.body.data.story.documentId).toBe(authored[who].story);
    expect(own.body.data.graph.nodes.filter((node: { type: string }) => node.type === 'statement').map((node: { documentId: string }) => node.documentId)).toEqual([authored[who].statement]);
    const refused = await app.http().get(`/newsgraph/stories/${authored[other].story}/graph`).set(as(who));
    expect(refused.status).toBe(403);
    expect(refused.body.data).toBeFalsy();
  });

  test('POST story check - should answer 200 on its own story, and 403 on another\'s, changing nothing', async () => {
    expect((await app.http().post(`/newsgraph/stories/${authored[who].story}/check`).set(as(who))).status).toBe(200);
    const before = await snapshot(authored[other]);
    expect((await app.http().post(`/newsgraph/stories/${authored[other].story}/check`).set(as(who))).status).toBe(403);
    expect(await snapshot(authored[other])).toEqual(before);
  });
});

test('An author, with editorsMayResolve - should resolve the flag of its own statement, and get 403 on another\'s, changing nothing', async () => {
  await withEditorsMayResolve(async () => {
    const before = await snapshot(authored.otherAuthor);
    const refused = await app.http().post(`/newsgraph/flags/${authored.otherAuthor.flag}/resolve`).set(as('author')).send({ version: await flagVersion(authored.otherAuthor.flag), verdict: 'false', evidence: [{ url: 'https://example.org/x', title: 'X' }] });
    expect(refused.status).toBe(403);
    expect(await snapshot(authored.otherAuthor)).toEqual(before);

    const own = await app.http().post(`/newsgraph/flags/${authored.author.flag}/resolve`).set(as('author')).send({ version: await flagVersion(authored.author.flag), verdict: 'accurate', note: 'checked' });
    expect(own.status).toBe(200);
    expect(own.body.data).toMatchObject({ status: 'resolved', verdict: 'accurate' });
  });
});

test('A role that may update statements but not their verification - should get 403 resolving under editorsMayResolve, changing nothing', async () => {
  await withEditorsMayResolve(async () => {
    const before = await snapshot(authored.otherCreatorOnly);
    const refused = await app.http().post(`/newsgraph/flags/${authored.otherCreatorOnly.flag}/resolve`).set(as('copyDesk')).send({ version: await flagVersion(authored.otherCreatorOnly.flag), verdict: 'false' });
    // Strapi answers every ForbiddenError raised past the route's auth with a bare "Forbidden".
    expect(refused.status).toBe(403);
    expect(await snapshot(authored.otherCreatorOnly)).toEqual(before);
  });
  // The refusal is the verification's: the role may update the evidence (given per nested field).
  const user = await app.strapi.db.query('admin::user').findOne({ where: { email: 'copydesk@newsgraph.test' }, populate: ['roles'] });
  const ability = await (app.strapi.service('admin::permission') as unknown as { engine: { generateUserAbility(user: unknown): Promise<object> } }).engine.generateUserAbility(user);
  const permissions = app.strapi.plugin('newsgraph').service('document-permissions') as { assertCanUpdate(ability: object, uid: string, documentId: string, fields: string[]): Promise<void> };
  await expect(permissions.assertCanUpdate(ability, STATEMENT, authored.otherCreatorOnly.statement, ['evidence', 'text'])).resolves.toBeUndefined();
  await expect(permissions.assertCanUpdate(ability, STATEMENT, authored.otherCreatorOnly.statement, ['verification'])).rejects.toThrow("this statement's verification");
  // Its linkOverrides it may correct, on anyone's statement: the role has no condition.
  expect((await app.http().put(`/newsgraph/statements/${authored.otherCreatorOnly.statement}/link-overrides`).set(as('copyDesk')).send({ pin: [], reject: [] })).status).toBe(200);
});

test('The desk, for a role that reads only its own statements - should list, count, detail and act on only their flags', async () => {
  const mine = authored.creatorOnly;
  const theirs = authored.otherCreatorOnly;
  const list = await app.http().get('/newsgraph/flags').query({ pageSize: 100 }).set(as('creatorOnly'));
  expect(list.status).toBe(200);
  const statements = new Set((list.body.data as Array<{ statement: { documentId: string } }>).map((flag) => flag.statement.documentId));
  expect([...statements]).toEqual([mine.statement]);
  expect(list.body.meta.pagination.total).toBe(list.body.data.length);
  expect(Object.values(list.body.meta.byStatus as Record<string, number>).reduce((sum, count) => sum + count, 0)).toBe(list.body.data.length);
  // A filter the kept counts would answer (status alone) is counted in scope as well.
  const open = await app.http().get('/newsgraph/flags').query({ status: 'open', pageSize: 100 }).set(as('creatorOnly'));
  expect(open.body.meta.pagination.total).toBe(open.body.data.length);

  const counts = await app.http().get('/newsgraph/flags/counts').set(as('creatorOnly'));
  expect(counts.status).toBe(200);
  expect(counts.body.data.total).toBe(list.body.data.length);
  const everything = await app.http().get('/newsgraph/flags/counts').set(as('factChecker'));
  expect(everything.body.data.total).toBeGreaterThan(counts.body.data.total);

  const facets = await app.http().get('/newsgraph/flags/facets').set(as('creatorOnly'));
  expect(facets.body.data.stories.map((story: { documentId: string }) => story.documentId)).toEqual([mine.story]);

  expect((await app.http().get(`/newsgraph/flags/${mine.flag}`).set(as('creatorOnly'))).status).toBe(200);
  expect((await app.http().get(`/newsgraph/flags/${theirs.flag}`).set(as('creatorOnly'))).status).toBe(403);
  const before = await snapshot(theirs);
  expect((await app.http().post(`/newsgraph/flags/${theirs.flag}/claim`).set(as('creatorOnly')).send({ version: await flagVersion(theirs.flag) })).status).toBe(403);
  expect(await snapshot(theirs)).toEqual(before);
  expect((await app.http().post(`/newsgraph/flags/${mine.flag}/claim`).set(as('creatorOnly')).send({ version: await flagVersion(mine.flag) })).status).toBe(200);
});

test('The Editor role - should answer 200 on every route for anyone\'s documents', async () => {
  for (const documents of [authored.author, authored.otherCreatorOnly]) {
    expect((await app.http().get(`/newsgraph/statements/${documents.statement}/links`).set(as('editor'))).status).toBe(200);
    expect((await app.http().put(`/newsgraph/statements/${documents.statement}/link-overrides`).set(as('editor')).send({ pin: [], reject: [] })).status).toBe(200);
    const overview = await app.http().get(`/newsgraph/stories/${documents.story}/overview`).set(as('editor'));
    expect(overview.status).toBe(200);
    expect(overview.body.data.statements.map((statement: { documentId: string }) => statement.documentId)).toEqual([documents.statement]);
    expect((await app.http().post(`/newsgraph/stories/${documents.story}/check`).set(as('editor'))).status).toBe(200);
  }
  await withEditorsMayResolve(async () => {
    const flag = authored.otherAuthor.flag;
    const resolved = await app.http().post(`/newsgraph/flags/${flag}/resolve`).set(as('editor')).send({ version: await flagVersion(flag), verdict: 'misleading', evidence: [{ url: 'https://example.org/customs', title: 'Customs data' }] });
    expect(resolved.status).toBe(200);
  });
});

test('The Fact-checker role - should read everyone\'s documents and the whole desk, but neither correct links nor check stories', async () => {
  const documents = authored.otherCreatorOnly;
  expect((await app.http().get(`/newsgraph/statements/${documents.statement}/links`).set(as('factChecker'))).status).toBe(200);
  expect((await app.http().get(`/newsgraph/stories/${documents.story}/overview`).set(as('factChecker'))).status).toBe(200);
  const before = await snapshot(documents);
  expect((await app.http().put(`/newsgraph/statements/${documents.statement}/link-overrides`).set(as('factChecker')).send({ pin: [], reject: [] })).status).toBe(403);
  expect((await app.http().post(`/newsgraph/stories/${documents.story}/check`).set(as('factChecker'))).status).toBe(403);
  expect(await snapshot(documents)).toEqual(before);

  const list = await app.http().get('/newsgraph/flags').query({ pageSize: 100 }).set(as('factChecker'));
  const statements = new Set((list.body.data as Array<{ statement: { documentId: string } }>).map((flag) => flag.statement.documentId));
  for (const who of ['author', 'otherAuthor', 'creatorOnly', 'otherCreatorOnly'] as const) expect(statements).toContain(authored[who].statement);
  expect((await app.http().get(`/newsgraph/flags/${documents.flag}`).set(as('factChecker'))).status).toBe(200);
});

describe('GET /newsgraph/flags/open-by-document (the list views\' "Open flags" column)', () => {
  const openFlags = (who: Person, type: string, documentIds: string[]) => app.http().get('/newsgraph/flags/open-by-document').query({ type, documentIds: documentIds.join(',') }).set(as(who));

  test('Open flags - should count each listed statement\'s and story\'s unresolved flags for a user who may read them all', async () => {
    const statements = await openFlags('chief', 'statement', [authored.author.statement, authored.creatorOnly.statement]);
    expect(statements.status).toBe(200);
    const expected = async (where: Record<string, unknown>) => {
      const rows = (await app.strapi.db.query(FLAG).findMany({ where: { ...where, status: { $in: ['open', 'in_review'] } }, select: ['id', 'severity'] })) as Array<{ severity: string }>;
      const worst = ['high', 'medium', 'low'].find((severity) => rows.some((row) => row.severity === severity)) ?? null;
      return { open: rows.length, worstSeverity: worst };
    };
    expect(statements.body.data).toEqual({
      [authored.author.statement]: await expected({ statement: { documentId: authored.author.statement } }),
      [authored.creatorOnly.statement]: await expected({ statement: { documentId: authored.creatorOnly.statement } }),
    });
    expect(statements.body.data[authored.creatorOnly.statement].open).toBeGreaterThan(0);
    const stories = await openFlags('chief', 'story', [authored.creatorOnly.story]);
    expect(stories.status).toBe(200);
    expect(stories.body.data).toEqual({ [authored.creatorOnly.story]: await expected({ storyDocumentId: authored.creatorOnly.story }) });
  });

  test('Open flags - should leave out the documents a role with a condition may not read', async () => {
    const statements = await openFlags('creatorOnly', 'statement', [authored.creatorOnly.statement, authored.otherCreatorOnly.statement]);
    expect(statements.status).toBe(200);
    expect(Object.keys(statements.body.data)).toEqual([authored.creatorOnly.statement]);
    expect(statements.body.data[authored.creatorOnly.statement].open).toBeGreaterThan(0);
    const stories = await openFlags('creatorOnly', 'story', [authored.creatorOnly.story, authored.otherCreatorOnly.story]);
    expect(Object.keys(stories.body.data)).toEqual([authored.creatorOnly.story]);
  });

  test('Open flags - should answer 403 to a role that may not read flags', async () => {
    expect((await openFlags('copyDesk', 'statement', [authored.author.statement])).status).toBe(403);
  });

  test('Open flags - should answer 400 naming the parameter for a bad type or too many documents', async () => {
    const badType = await openFlags('chief', 'actor', [authored.author.statement]);
    expect(badType.status).toBe(400);
    expect(badType.body.error.details.errors[0].path).toEqual(['type']);
    const tooMany = await openFlags('chief', 'statement', Array.from({ length: 101 }, (_, index) => `doc${index}`));
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.details.errors[0].path).toEqual(['documentIds']);
  });
});
