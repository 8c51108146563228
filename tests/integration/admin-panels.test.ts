import { startTestApp, type TestApp } from '../helpers/test-app';
import { loggedInAdmin } from '../helpers/admin-users';

/** The routes behind the content manager's side panels, with the admin users who use them. */

let app: TestApp;
const people: Record<'chief' | 'editor' | 'factChecker', string> = { chief: '', editor: '', factChecker: '' };
const as = (who: keyof typeof people) => ({ Authorization: `Bearer ${people[who]}` });
const auth = () => ({ Authorization: `Bearer ${app.apiToken}` });
let story: string;
let quote: string;

beforeAll(async () => {
  app = await startTestApp();
  people.chief = (await app.http().post('/admin/register-admin').send({ email: 'chief@newsgraph.test', password: 'Chief-Passw0rd', firstname: 'Chief', lastname: 'Editor' })).body.data.token;
  people.editor = await loggedInAdmin(app, 'editor@newsgraph.test', 'strapi-editor');
  people.factChecker = await loggedInAdmin(app, 'checker@newsgraph.test', 'newsgraph-fact-checker');
  for (const name of ['Lena Varga', 'Port Sable', 'Harbour Board']) await app.http().post('/api/actors').set(auth()).send({ data: { name, kind: 'organization' } });
  story = (await app.http().post('/api/stories').set(auth()).send({ data: { title: 'Harbour reopens', storyDate: '2026-05-01T09:00:00.000Z', body: '"The harbour reopens on Monday," Lena Varga said.' } })).body.data.documentId;
  quote = (await app.http().post('/api/statements').set(auth()).send({ data: { story, kind: 'direct_quote', text: 'The harbour reopens on Monday, Port Sable and the Harbour Board agreed', attribution: 'Lena Varga said' } })).body.data.documentId;
});
afterAll(async () => {
  await app?.stop();
});

test('a statement\'s links - should show speaker, mentions, open flags and the quote check, and keep an editor\'s rejection', async () => {
  const links = await app.http().get(`/newsgraph/statements/${quote}/links`).set(as('editor'));
  expect(links.status).toBe(200);
  expect(links.body.data).toMatchObject({ speaker: { name: 'Lena Varga' }, quoteInStory: false });
  expect(links.body.data.mentions.map((actor: { name: string }) => actor.name).sort()).toEqual(['Harbour Board', 'Port Sable']);
  expect(links.body.data.openFlags.map((flag: { kind: string }) => flag.kind)).toContain('quote_mismatch');

  const port = links.body.data.mentions.find((actor: { name: string }) => actor.name === 'Port Sable').documentId;
  expect((await app.http().put(`/newsgraph/statements/${quote}/link-overrides`).set(as('editor')).send({ pin: [], reject: [port] })).status).toBe(200);
  const after = (await app.http().get(`/newsgraph/statements/${quote}/links`).set(as('editor'))).body.data;
  expect(after.rejected).toEqual([{ documentId: port, name: 'Port Sable' }]);
  expect(after.mentions.map((actor: { name: string }) => actor.name)).toEqual(['Harbour Board']);
  expect((await app.http().get('/newsgraph/statements/no-such-statement/links').set(as('editor'))).status).toBe(404);
});

test('a fact-checker, who may change only verification and evidence - should read the links but not correct them', async () => {
  expect((await app.http().get(`/newsgraph/statements/${quote}/links`).set(as('factChecker'))).status).toBe(200);
  expect((await app.http().put(`/newsgraph/statements/${quote}/link-overrides`).set(as('factChecker')).send({ pin: [], reject: [] })).status).toBe(403);
});

test('a story\'s overview and "Check story" - should list statements, actors and flags by severity, and relink now', async () => {
  const overview = await app.http().get(`/newsgraph/stories/${story}/overview`).set(as('editor'));
  expect(overview.status).toBe(200);
  expect(overview.body.data.statements).toMatchObject([{ documentId: quote, speaker: { name: 'Lena Varga' } }]);
  expect(overview.body.data.openFlags.bySeverity.high).toBe(1);
  expect(overview.body.data.actors.map((actor: { name: string }) => actor.name).sort()).toEqual(['Harbour Board', 'Lena Varga']);

  // The body now holds the quote: checking the story retires the mismatch at once, without a save of the statement.
  const draft = await app.http().put(`/api/stories/${story}`).set(auth()).send({ data: { body: '"The harbour reopens on Monday, Port Sable and the Harbour Board agreed," Lena Varga said.' } });
  expect(draft.status).toBe(200);
  const checked = await app.http().post(`/newsgraph/stories/${story}/check`).set(as('editor'));
  expect(checked.status).toBe(200);
  expect(checked.body.data.openFlags.bySeverity.high).toBe(0);
  expect((await app.http().post(`/newsgraph/stories/${story}/check`).set(as('factChecker'))).status).toBe(403);
  expect((await app.http().get('/newsgraph/stories/no-such-story/overview').set(as('editor'))).status).toBe(404);
});

describe('Settings > Newsgraph', () => {
  test('the flag rules - should be read, refused with a 400 naming a wrong value, saved, applied at once and kept across a restart', async () => {
    const read = await app.http().get('/newsgraph/settings').set(as('chief'));
    expect(read.status).toBe(200);
    expect(read.body.data.flags.rules.missing_source).toEqual({ enabled: true, severity: 'low' });
    for (const who of ['editor', 'factChecker'] as const) expect((await app.http().get('/newsgraph/settings').set(as(who))).status).toBe(403);

    const flags = read.body.data.flags;
    const wrong = await app.http().put('/newsgraph/settings').set(as('chief')).send({ flags: { ...flags, rules: { ...flags.rules, unverified_claim: { enabled: true, severity: 'urgent', threshold: 4 } } } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toMatch(/unverified_claim\.severity must be one of low, medium, high/);
    expect(wrong.body.error.message).toMatch(/unverified_claim\.threshold must be a number from 0 to 1/);
    expect((await app.http().get('/newsgraph/settings').set(as('chief'))).body.data.flags).toEqual(flags);

    const saved = await app.http().put('/newsgraph/settings').set(as('chief')).send({ flags: { ...flags, rules: { ...flags.rules, missing_source: { enabled: false, severity: 'low' } } } });
    expect(saved.status).toBe(200);
    const unsourced = (await app.http().post('/api/statements').set(auth()).send({ data: { kind: 'paraphrase', text: 'The ferry service resumes in June', attribution: 'Lena Varga said' } })).body.data.documentId;
    const kinds = async () => ((await app.strapi.db.query('plugin::newsgraph.flag').findMany({ where: { key: { $startsWith: `${unsourced}|` } } })) as Array<{ kind: string }>).map((flag) => flag.kind);
    expect(await kinds()).not.toContain('missing_source');

    await app.restart();
    people.chief = (await app.http().post('/admin/login').send({ email: 'chief@newsgraph.test', password: 'Chief-Passw0rd' })).body.data.token;
    expect((await app.http().get('/newsgraph/settings').set(as('chief'))).body.data.flags.rules.missing_source.enabled).toBe(false);
  });
});
