import { startTestApp, type TestApp } from '../helpers/test-app';
import { storyInput } from '../fixtures/documents';
import { loggedInAdmin } from '../helpers/admin-users';

/**
 * Earlier verdicts found again: a statement that repeats a claim already rated (an imported
 * fact-check, or a rated statement of this newsroom) arrives at the desk as a repeats_checked_claim
 * flag with those verdicts ranked; a fact-checker applies one, or dismisses them as "not the same
 * claim", which is remembered. Nothing is resolved without a person. SQLite and PostgreSQL.
 */

let app: TestApp;
let checker = '';
let chief = '';
const auth = () => ({ Authorization: `Bearer ${app.apiToken}` });
const as = (token: string) => ({ Authorization: `Bearer ${token}` });

interface FlagAnswer {
  documentId: string;
  status: string;
  version: number;
  verdict: string | null;
  evidence: Array<{ url: string; title: string }> | null;
  earlierVerdicts: Array<{ source: string; documentId: string; verdict: string | null; rating: string; url: string | null; similarity: number }> | null;
  statement: { documentId: string; verification: string };
}

async function story(): Promise<string> {
  return (await app.http().post('/api/stories').set(auth()).send({ data: storyInput({ sourceUrl: 'https://example.org/wire/earlier' }) })).body.data.documentId as string;
}

async function statement(storyId: string, text: string): Promise<string> {
  const created = await app.http().post('/api/statements').set(auth()).send({ data: { story: storyId, kind: 'paraphrase', text, attribution: 'Dana Voss said', sourceUrl: 'https://example.org/q' } });
  expect(created.status).toBe(201);
  return created.body.data.documentId as string;
}

async function repeatsFlag(statementId: string): Promise<FlagAnswer | undefined> {
  const list = await app.http().get('/newsgraph/flags').query({ kind: 'repeats_checked_claim', pageSize: 100 }).set(as(checker));
  const entry = (list.body.data as FlagAnswer[]).find((flag) => flag.statement.documentId === statementId);
  return entry && (await app.http().get(`/newsgraph/flags/${entry.documentId}`).set(as(checker))).body.data;
}

beforeAll(async () => {
  app = await startTestApp();
  chief = (await app.http().post('/admin/register-admin').send({ email: 'chief@newsgraph.test', password: 'Chief-Passw0rd', firstname: 'Chief', lastname: 'Editor' })).body.data.token;
  checker = await loggedInAdmin(app, 'checker@newsgraph.test', 'newsgraph-fact-checker');
  const imported = await app.http().post('/newsgraph/fact-checks/import').set(as(chief)).send([
    {
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: 'https://factcheck.example/ferry-fares-rose',
      claimReviewed: 'Ferry fares to the islands rose by 40 percent in the last two years',
      datePublished: '2026-03-10',
      author: { '@type': 'Organization', name: 'Coastline Checks' },
      reviewRating: { '@type': 'Rating', ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: 'Mostly false' },
    },
  ]);
  expect(imported.status).toBe(200);
});
afterAll(async () => {
  await app?.stop();
});

test('a statement repeating an imported fact-check - should be flagged with the earlier verdict, and a fact-checker applies it', async () => {
  const repeated = await statement(await story(), 'Over the last two years ferry fares to the islands have risen by 40 percent, the operator said');
  const flag = (await repeatsFlag(repeated))!;
  expect(flag).toMatchObject({ status: 'open' });
  expect(flag.earlierVerdicts![0]).toMatchObject({ source: 'fact-check', rating: 'Mostly false', url: 'https://factcheck.example/ferry-fares-rose' });
  expect(flag.earlierVerdicts![0]!.similarity).toBeGreaterThan(0);
  // Nothing is resolved without a person.
  expect((await app.http().get(`/api/statements/${repeated}`).set(auth())).body.data.verification).toBe('unverified');

  const earlier = flag.earlierVerdicts![0]!;
  const applied = await app.http().post(`/newsgraph/flags/${flag.documentId}/resolve`).set(as(checker)).send({ version: flag.version, apply: { source: earlier.source, documentId: earlier.documentId }, verdict: 'misleading' });
  expect(applied.status).toBe(200);
  expect(applied.body.data).toMatchObject({ status: 'resolved', verdict: 'misleading', evidence: [{ url: 'https://factcheck.example/ferry-fares-rose' }] });
  expect((await app.http().get(`/api/statements/${repeated}`).set(auth())).body.data.verification).toBe('misleading');
});

test('an earlier verdict whose numbers disagree - should not be offered', async () => {
  const other = await statement(await story(), 'Ferry fares to the islands rose by 14 percent in the last two years, the operator said');
  const flag = await repeatsFlag(other);
  expect(flag?.earlierVerdicts?.some((item) => item.source === 'fact-check') ?? false).toBe(false);
});

test('apply - should refuse an earlier verdict the flag does not show, with a 400 that changes nothing', async () => {
  const repeated = await statement(await story(), 'Ferry fares to the islands rose by 40 percent in the past two years, a union leader said');
  const flag = (await repeatsFlag(repeated))!;
  const answer = await app.http().post(`/newsgraph/flags/${flag.documentId}/resolve`).set(as(checker)).send({ version: flag.version, apply: { source: 'fact-check', documentId: 'nosuchfactcheck' } });
  expect(answer.status).toBe(400);
  expect((await repeatsFlag(repeated))!.status).toBe('open');
});

test('"not the same claim" - should dismiss the flag and never raise those verdicts again for the statement', async () => {
  const repeated = await statement(await story(), 'Ferry fares to the islands rose by 40 percent in the last two years, the ministry said');
  const flag = (await repeatsFlag(repeated))!;
  const dismissed = await app.http().post(`/newsgraph/flags/${flag.documentId}/dismiss`).set(as(checker)).send({ version: flag.version, notSameClaim: true });
  expect(dismissed.status).toBe(200);
  expect(dismissed.body.data).toMatchObject({ status: 'dismissed', note: 'not the same claim' });
  await app.http().put(`/api/statements/${repeated}`).set(auth()).send({ data: { medium: 'press briefing' } });
  await app.http().put(`/api/statements/${repeated}`).set(auth()).send({ data: { text: 'Ferry fares to the islands rose by 40 percent over the last two years, the ministry said' } });
  const flags = (await app.strapi.db.query('plugin::newsgraph.flag').findMany({ where: { key: { $startsWith: `${repeated}|repeats_checked_claim` } } })) as Array<{ status: string }>;
  expect(flags.map((row) => row.status)).toEqual(['dismissed']);
});

test("a newsroom's own rated statement - should be found again when another statement repeats it", async () => {
  const storyId = await story();
  const first = await statement(storyId, 'The harbour authority cut its dredging budget by a third in March');
  await app.strapi.documents('api::statement.statement').update({ documentId: first, data: { verification: 'false' } as never });
  const second = await statement(storyId, 'In March the harbour authority cut its dredging budget by a third, the union said');
  const flag = (await repeatsFlag(second))!;
  expect(flag.earlierVerdicts![0]).toMatchObject({ source: 'statement', documentId: first, verdict: 'false' });
  // The first statement's verdict does not count once its own words change.
  await app.http().put(`/api/statements/${first}`).set(auth()).send({ data: { text: 'The harbour authority cut its dredging budget by half in March' } });
  await app.http().put(`/api/statements/${second}`).set(auth()).send({ data: { medium: 'press briefing' } });
  const after = await repeatsFlag(second);
  expect(after?.status).toBe('obsolete');
});

test('a verdict withdrawn while a later verdict stands - should not be offered again', async () => {
  const storyId = await story();
  const first = await statement(storyId, 'The ferry operator laid off 120 deckhands over the winter');
  await app.strapi.documents('api::statement.statement').update({ documentId: first, data: { verification: 'false' } as never });
  const later = await statement(storyId, 'The lighthouse keepers have 75 members in their union');
  await app.strapi.documents('api::statement.statement').update({ documentId: later, data: { verification: 'accurate' } as never });
  const before = await statement(storyId, 'The ferry operator laid off 120 deckhands over the winter, the union said');
  expect((await repeatsFlag(before))?.earlierVerdicts?.map((verdict) => verdict.documentId)).toContain(first);
  // The latest rated statement is still the later one, so the matcher's freshness check does not move:
  // the withdrawn verdict must be caught when it is about to be offered.
  await app.strapi.documents('api::statement.statement').update({ documentId: first, data: { verification: 'unverified' } as never });
  const repeat = await statement(storyId, 'Over the winter the ferry operator laid off 120 of its deckhands, the union said');
  const flag = await repeatsFlag(repeat);
  expect((flag?.earlierVerdicts ?? []).map((verdict) => verdict.documentId)).not.toContain(first);
});
