import { startTestApp, type TestApp } from '../helpers/test-app';
import { storyInput } from '../fixtures/documents';
import { loggedInAdmin } from '../helpers/admin-users';

/**
 * A verdict belongs to the words it judged: whichever door changes a rated statement's words (REST,
 * GraphQL, the admin form, strapi.documents()), verification goes back to unverified in the same
 * write, the resolved flag opens again with both texts in its history, and no API shows the verdict
 * for the new words. Runs on SQLite and, with DATABASE_CLIENT=postgres, on PostgreSQL.
 */

let app: TestApp;
let checker = '';
let chief = '';
const auth = () => ({ Authorization: `Bearer ${app.apiToken}` });
const as = (token: string) => ({ Authorization: `Bearer ${token}` });
const JUDGED = 'Grain exports fell by 42 percent last year, the steepest drop on record';
const CHANGED = 'Grain exports fell by 43 percent last year, the steepest drop on record';

interface FlagAnswer {
  documentId: string;
  status: string;
  version: number;
  verdict: string | null;
  textAtResolution: string | null;
  statement: { documentId: string; text: string; verification: string };
  events: Array<{ from: string | null; to: string; note: string; verdict: string | null; judgedText: string | null; changedText: string | null }>;
}

/** A published story with a statement whose unverified_claim flag a fact-checker resolved as false. */
async function ratedStatement(): Promise<{ story: string; statement: string; flag: FlagAnswer }> {
  const story = (await app.http().post('/api/stories').set(auth()).send({ data: storyInput({ sourceUrl: 'https://example.org/wire/binding' }) })).body.data.documentId as string;
  const statement = (await app.http().post('/api/statements').set(auth()).send({ data: { story, kind: 'claim', text: JUDGED, attribution: 'Dana Voss said', sourceUrl: 'https://example.org/q' } })).body.data.documentId as string;
  const list = await app.http().get('/newsgraph/flags').query({ kind: 'unverified_claim', story, pageSize: 100 }).set(as(checker));
  const open = (list.body.data as FlagAnswer[]).find((item) => item.statement.documentId === statement)!;
  expect(open).toBeDefined();
  const resolved = await app.http().post(`/newsgraph/flags/${open.documentId}/resolve`).set(as(checker)).send({ version: open.version, verdict: 'false', note: 'Customs data show 12 percent', text: JUDGED });
  expect(resolved.status).toBe(200);
  expect(resolved.body.data).toMatchObject({ status: 'resolved', verdict: 'false', textAtResolution: JUDGED });
  const stored = await app.strapi.db.query('plugin::newsgraph.flag').findOne({ where: { documentId: open.documentId }, select: ['textAtResolutionFolded'] });
  expect(stored.textAtResolutionFolded).toBe(JUDGED.toLowerCase());
  return { story, statement, flag: resolved.body.data };
}

async function flagDetail(documentId: string): Promise<FlagAnswer> {
  return (await app.http().get(`/newsgraph/flags/${documentId}`).set(as(checker))).body.data;
}

/** What every reader sees after the words changed: no verdict anywhere, the flag open, both texts kept. */
async function expectVerdictUnbound(statement: string, flagId: string, newText: string): Promise<void> {
  const rest = await app.http().get(`/api/statements/${statement}`).set(auth());
  expect(rest.body.data).toMatchObject({ text: newText, verification: 'unverified', verifiedText: null });
  const graphql = await app.graphql<{ statement: { verification: string; verifiedText: string | null } }>('query($id: ID!) { statement(documentId: $id) { verification verifiedText } }', { id: statement }, app.apiToken);
  expect(graphql.data!.statement).toEqual({ verification: 'unverified', verifiedText: null });
  expect((await app.http().get(`/api/newsgraph/claim-reviews/${statement}`)).status).toBe(404);

  const flag = await flagDetail(flagId);
  expect(flag.status).toBe('open');
  // The earlier verdict stays on the flag and in its history, with the words it judged.
  expect(flag).toMatchObject({ verdict: 'false', textAtResolution: JUDGED });
  const change = flag.events.at(-1)!;
  expect(change).toMatchObject({ from: 'resolved', to: 'open', note: 'text changed after the verdict', verdict: 'false', judgedText: JUDGED, changedText: newText });
  expect(flag.events.find((event) => event.to === 'resolved')).toMatchObject({ verdict: 'false', judgedText: JUDGED, changedText: null });
}

beforeAll(async () => {
  app = await startTestApp();
  chief = (await app.http().post('/admin/register-admin').send({ email: 'chief@newsgraph.test', password: 'Chief-Passw0rd', firstname: 'Chief', lastname: 'Editor' })).body.data.token;
  checker = await loggedInAdmin(app, 'checker@newsgraph.test', 'newsgraph-fact-checker');
});
afterAll(async () => {
  await app?.stop();
});

test('a rated statement whose words change over REST - should lose its verdict and reopen its flag with both texts', async () => {
  const { story, statement, flag } = await ratedStatement();
  await app.strapi.documents('api::story.story').publish({ documentId: story });
  expect((await app.http().get(`/api/newsgraph/claim-reviews/${statement}`)).status).toBe(200);
  expect((await app.http().get(`/api/statements/${statement}`).set(auth())).body.data).toMatchObject({ verification: 'false', verifiedText: JUDGED });

  expect((await app.http().put(`/api/statements/${statement}`).set(auth()).send({ data: { text: CHANGED } })).status).toBe(200);
  await expectVerdictUnbound(statement, flag.documentId, CHANGED);
});

test('a change of quote style, spacing or case only - should keep the verdict and leave the flag resolved', async () => {
  const { statement, flag } = await ratedStatement();
  const restyled = `“${JUDGED.replace('fell by', 'fell  by')}”`;
  expect((await app.http().put(`/api/statements/${statement}`).set(auth()).send({ data: { text: restyled } })).status).toBe(200);
  expect((await app.http().get(`/api/statements/${statement}`).set(auth())).body.data.verification).toBe('false');
  expect((await flagDetail(flag.documentId)).status).toBe('resolved');
});

test('a rated statement whose words change over GraphQL - should lose its verdict', async () => {
  const { statement, flag } = await ratedStatement();
  const answer = await app.graphql('mutation($id: ID!, $text: String!) { updateStatement(documentId: $id, data: { text: $text }) { documentId verification } }', { id: statement, text: CHANGED }, app.apiToken);
  expect(answer.errors).toBeUndefined();
  expect(answer.data).toEqual({ updateStatement: { documentId: statement, verification: 'unverified' } });
  await expectVerdictUnbound(statement, flag.documentId, CHANGED);
});

test('a rated statement whose words change in the admin form - should lose its verdict though the form sends the old verification back', async () => {
  const { statement, flag } = await ratedStatement();
  const path = `/content-manager/collection-types/api::statement.statement/${statement}`;
  const loaded = await app.http().get(path).set(as(chief));
  expect(loaded.body.data.verification).toBe('false');
  const { id: _id, documentId: _documentId, createdAt: _createdAt, updatedAt: _updatedAt, createdBy: _createdBy, updatedBy: _updatedBy, ...form } = loaded.body.data;
  const saved = await app.http().put(path).set(as(chief)).send({ ...form, text: CHANGED, verification: 'false', verifiedText: JUDGED });
  expect(saved.status).toBe(200);
  expect(saved.body.data).toMatchObject({ verification: 'unverified', verifiedText: null });
  await expectVerdictUnbound(statement, flag.documentId, CHANGED);
});

test('a rated statement whose words change through strapi.documents() - should lose its verdict', async () => {
  const { statement, flag } = await ratedStatement();
  await app.strapi.documents('api::statement.statement').update({ documentId: statement, data: { text: CHANGED } as never });
  await expectVerdictUnbound(statement, flag.documentId, CHANGED);
});

test('a relink of a rated statement - should keep its verdict, its words being the same', async () => {
  const { statement, flag } = await ratedStatement();
  await app.strapi.plugin('newsgraph').service('relink').relinkStatement(statement);
  // And a whole relink job, as an admin starts one.
  expect((await app.http().post('/newsgraph/relink').set(as(chief)).send({})).status).toBeLessThan(300);
  await app.strapi.plugin('newsgraph').service('relink').idle();
  expect((await app.http().get(`/api/statements/${statement}`).set(auth())).body.data).toMatchObject({ verification: 'false', verifiedText: JUDGED });
  expect((await flagDetail(flag.documentId)).status).toBe('resolved');
});

test('a verdict set directly by an editor - should be bound to the words it was given on', async () => {
  const story = (await app.http().post('/api/stories').set(auth()).send({ data: storyInput() })).body.data.documentId as string;
  const created = await app.http().post('/api/statements').set(auth()).send({ data: { story, kind: 'claim', text: JUDGED, attribution: 'Dana Voss said', verification: 'accurate', verifiedText: 'smuggled words' } });
  expect(created.body.data).toMatchObject({ verification: 'accurate', verifiedText: JUDGED });
  const changed = await app.http().put(`/api/statements/${created.body.data.documentId}`).set(auth()).send({ data: { text: CHANGED } });
  expect(changed.body.data).toMatchObject({ verification: 'unverified', verifiedText: null });
});

test('a resolve decided on words that have since changed - should answer 409 and change nothing', async () => {
  const story = (await app.http().post('/api/stories').set(auth()).send({ data: storyInput({ sourceUrl: 'https://example.org/wire/race' }) })).body.data.documentId as string;
  const statement = (await app.http().post('/api/statements').set(auth()).send({ data: { story, kind: 'claim', text: JUDGED, attribution: 'Dana Voss said', sourceUrl: 'https://example.org/q' } })).body.data.documentId as string;
  const flag = ((await app.http().get('/newsgraph/flags').query({ kind: 'unverified_claim', story }).set(as(checker))).body.data as FlagAnswer[])[0]!;
  await app.http().put(`/api/statements/${statement}`).set(auth()).send({ data: { text: CHANGED } });
  const answer = await app.http().post(`/newsgraph/flags/${flag.documentId}/resolve`).set(as(checker)).send({ version: flag.version, verdict: 'false', text: JUDGED });
  expect(answer.status).toBe(409);
  expect(answer.body.error.details).toMatchObject({ currentText: CHANGED });
  expect((await app.http().get(`/api/statements/${statement}`).set(auth())).body.data.verification).toBe('unverified');
  expect((await flagDetail(flag.documentId)).status).toBe('open');
});

test('verdicts given before verdicts recorded their words - should be bound at start when their words stand, and taken back when they changed', async () => {
  const standing = await ratedStatement();
  const changed = await ratedStatement();
  // As rows stood before verifiedText existed: a verdict, no recorded words; one statement's words changed since.
  await app.strapi.db.query('api::statement.statement').update({ where: { documentId: standing.statement }, data: { verifiedText: null } });
  await app.strapi.db.query('api::statement.statement').update({ where: { documentId: changed.statement }, data: { verifiedText: null, text: CHANGED } });

  const report = await app.strapi.plugin('newsgraph').service('review').bindLegacyVerdicts();
  expect(report).toEqual({ bound: 1, takenBack: 1 });
  expect((await app.http().get(`/api/statements/${standing.statement}`).set(auth())).body.data).toMatchObject({ verification: 'false', verifiedText: JUDGED });
  await expectVerdictUnbound(changed.statement, changed.flag.documentId, CHANGED);
  // Once bound, nothing is left to do.
  expect(await app.strapi.plugin('newsgraph').service('review').bindLegacyVerdicts()).toEqual({ bound: 0, takenBack: 0 });
});
