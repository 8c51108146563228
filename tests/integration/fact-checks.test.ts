import { loggedInAdmin } from '../helpers/admin-users';
import { startTestApp, type TestApp } from '../helpers/test-app';

/** Fact-checks published elsewhere: imported from ClaimReview, found again for a statement that repeats them (issue 12). */

const FACT_CHECK = 'plugin::newsgraph.fact-check';
const ROUTE = '/newsgraph/fact-checks/import';

let app: TestApp;
const tokens: Record<'admin' | 'factChecker', string> = { admin: '', factChecker: '' };
const as = (who: keyof typeof tokens) => ({ Authorization: `Bearer ${tokens[who]}` });

interface EarlierVerdict {
  source: string;
  documentId: string;
  text: string;
  verdict: string | null;
  rating: string;
  url: string | null;
  similarity: number;
}
const matcher = () => app.strapi.plugin('newsgraph').service('claim-matcher') as { findEarlierVerdicts(text: string, options?: { excludeStatementDocumentId?: string }): Promise<EarlierVerdict[]> };
const countFactChecks = async () => (await app.strapi.db.query(FACT_CHECK).count({})) as number;

const review = (slug: string, claim: string, rating: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  '@context': 'https://schema.org',
  '@type': 'ClaimReview',
  url: `https://checks.example/${slug}`,
  claimReviewed: claim,
  datePublished: '2024-03-02',
  inLanguage: 'en',
  author: { '@type': 'Organization', name: 'Example Checks' },
  itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: 'Ana Berg' } },
  reviewRating: { '@type': 'Rating', ...rating },
  ...extra,
});

const FEED = {
  '@context': 'https://schema.org',
  '@type': 'DataFeed',
  dataFeedElement: [
    { '@type': 'DataFeedItem', item: review('exports', 'Exports to the European Union fell by 42 percent last year', { alternateName: 'False', ratingValue: 1, bestRating: 5, worstRating: 1 }) },
    review('wheat', 'The wheat harvest in the southern regions doubled since the drought ended', { alternateName: 'Mostly True' }),
    review('bridge', 'The new bridge over the river cost taxpayers 3 billion dollars', { ratingValue: 2 }),
  ],
};

beforeAll(async () => {
  app = await startTestApp();
  tokens.admin = await loggedInAdmin(app, 'admin@newsgraph.test', 'strapi-super-admin');
  tokens.factChecker = await loggedInAdmin(app, 'checker@newsgraph.test', 'newsgraph-fact-checker');
});
afterAll(async () => {
  await app?.stop();
});

test('Import - should create the fact-checks of a DataFeed, with their ratings mapped to verdicts', async () => {
  const response = await app.http().post(ROUTE).set(as('admin')).send(FEED);
  expect(response.status).toBe(200);
  expect(response.body.data).toEqual({ items: 3, created: 3, updated: 0, unchanged: 0 });
  const rows = (await app.strapi.db.query(FACT_CHECK).findMany({ orderBy: { url: 'asc' } })) as Array<Record<string, unknown>>;
  expect(rows.map((row) => [row.url, row.rating, row.verdict])).toEqual([
    ['https://checks.example/bridge', '2/5', 'misleading'],
    ['https://checks.example/exports', 'False', 'false'],
    ['https://checks.example/wheat', 'Mostly True', 'mostly_accurate'],
  ]);
  expect(rows[1]).toMatchObject({ publisher: 'Example Checks', language: 'en', claimAuthor: 'Ana Berg' });
  expect(String(rows[1]!.datePublished).slice(0, 10)).toBe('2024-03-02');
  expect(typeof rows[1]!.documentId).toBe('string');
});

test('Import - the same file again should change nothing, and a changed rating should update its fact-check in place', async () => {
  const again = await app.http().post(ROUTE).set(as('admin')).send(FEED);
  expect(again.body.data).toEqual({ items: 3, created: 0, updated: 0, unchanged: 3 });
  const changed = await app.http().post(ROUTE).set(as('admin')).send([review('wheat', 'The wheat harvest in the southern regions doubled since the drought ended', { alternateName: 'Half True' })]);
  expect(changed.body.data).toEqual({ items: 1, created: 0, updated: 1, unchanged: 0 });
  expect(await countFactChecks()).toBe(3);
  expect(await app.strapi.db.query(FACT_CHECK).findOne({ where: { url: 'https://checks.example/wheat' } })).toMatchObject({ rating: 'Half True', verdict: 'misleading' });
});

test('Import - malformed JSON should answer 400 and write nothing', async () => {
  const response = await app.http().post(ROUTE).set(as('admin')).set('Content-Type', 'application/json').send('{"@type": "ClaimReview", "url": ');
  expect(response.status).toBe(400);
  expect(await countFactChecks()).toBe(3);
});

test('Import - hostile items should answer 400 naming them, and write nothing, not even the good ones beside them', async () => {
  let deep: unknown = 'x';
  for (let level = 0; level < 40; level += 1) deep = { nested: deep };
  const hostile = [
    review('fine', 'A claim that is fine on its own', { alternateName: 'False' }),
    review('ctor', 'A claim', { alternateName: 'False' }, { constructor: { prototype: { isAdmin: true } } }),
    review('deep', 'A deeply nested claim', { alternateName: 'False' }, { itemReviewed: deep }),
    review('script', 'A claim', { alternateName: 'False' }, { url: 'javascript:alert(1)' }),
    review('huge', 'x'.repeat(6000), { alternateName: 'False' }),
  ];
  const response = await app.http().post(ROUTE).set(as('admin')).send(hostile);
  expect(response.status).toBe(400);
  expect(response.body.error.name).toBe('ValidationError');
  expect(response.body.error.details.errors.map((error: { path: string[] }) => error.path[0])).toEqual(['1', '2', '3', '4']);
  expect(await countFactChecks()).toBe(3);
  expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
});

test('Import - a __proto__ key should be refused by the body parser with a 400, and pollute nothing', async () => {
  const body = '[{"@type":"ClaimReview","url":"https://checks.example/p","claimReviewed":"x","reviewRating":{"alternateName":"False"},"__proto__":{"isAdmin":true}}]';
  const response = await app.http().post(ROUTE).set(as('admin')).set('Content-Type', 'application/json').send(body);
  expect(response.status).toBe(400);
  expect(await countFactChecks()).toBe(3);
  expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
});

test('Import - an unknown rating should answer 400 naming it, and write nothing', async () => {
  const response = await app.http().post(ROUTE).set(as('admin')).send([review('new-one', 'Inflation reached 9 percent in May', { alternateName: 'False' }), review('spicy', 'A claim', { alternateName: 'Spicy' })]);
  expect(response.status).toBe(400);
  expect(response.body.error.details.errors[0].message).toMatch(/unknown rating "Spicy"/);
  expect(await countFactChecks()).toBe(3);
});

test('Import - a body over the JSON limit (strapi::body, 1 MB) should answer 413 and write nothing', async () => {
  const items = Array.from({ length: 400 }, (_, index) => review(`big-${index}`, `Claim number ${index} ${'padding '.repeat(400)}`.slice(0, 4000), { alternateName: 'False' }));
  const response = await app.http().post(ROUTE).set(as('admin')).send(items);
  expect(response.status).toBe(413);
  expect(await countFactChecks()).toBe(3);
});

test('Import - without the settings permission should answer 403, and without a login 401', async () => {
  expect((await app.http().post(ROUTE).set(as('factChecker')).send(FEED)).status).toBe(403);
  expect((await app.http().post(ROUTE).send(FEED)).status).toBe(401);
});

test('findEarlierVerdicts - should find an imported fact-check for a paraphrase, and not for a claim with another number', async () => {
  const paraphrase = await matcher().findEarlierVerdicts('Last year exports to the EU fell 42 percent, the minister said');
  expect(paraphrase[0]).toMatchObject({ source: 'fact-check', verdict: 'false', rating: 'False', url: 'https://checks.example/exports', publisher: 'Example Checks', date: '2024-03-02' });
  expect(paraphrase[0]!.similarity).toBeGreaterThan(0);
  expect(paraphrase[0]!.similarity).toBeLessThanOrEqual(1);

  const otherNumber = await matcher().findEarlierVerdicts('Last year exports to the EU fell 12 percent, the minister said');
  expect(otherNumber.map((verdict) => verdict.url)).not.toContain('https://checks.example/exports');
  expect(await matcher().findEarlierVerdicts('The orchestra played Mozart in the park on Sunday')).toEqual([]);
});

test("findEarlierVerdicts - should find this newsroom's rated statements, never the statement itself, and follow a new import", async () => {
  const story = await app.strapi.documents('api::story.story').create({ data: { title: 'Harvest figures', storyDate: '2026-03-10T00:00:00Z' } as never });
  const rated = await app.strapi.documents('api::statement.statement').create({
    data: { story: story.documentId, kind: 'claim', text: 'Pension payments were cut by 15 percent for every retiree this spring', verification: 'false' } as never,
  });
  const found = await matcher().findEarlierVerdicts('Every retiree saw pension payments cut by 15 percent this spring');
  expect(found[0]).toMatchObject({ source: 'statement', documentId: rated.documentId, verdict: 'false', rating: 'False' });
  const self = await matcher().findEarlierVerdicts('Pension payments were cut by 15 percent for every retiree this spring', { excludeStatementDocumentId: rated.documentId });
  expect(self.map((verdict) => verdict.documentId)).not.toContain(rated.documentId);

  expect(await matcher().findEarlierVerdicts('Unemployment among young graduates tripled in the capital')).toEqual([]);
  await app.http().post(ROUTE).set(as('admin')).send(review('graduates', 'Unemployment among young graduates tripled in the capital over two years', { alternateName: 'Misleading' }));
  expect((await matcher().findEarlierVerdicts('Unemployment among young graduates tripled in the capital'))[0]).toMatchObject({ source: 'fact-check', verdict: 'misleading' });
});
