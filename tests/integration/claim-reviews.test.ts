import { queriesOfRequests } from '../helpers/request-queries';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { loggedInAdmin } from '../helpers/admin-users';
import { storyInput } from '../fixtures/documents';

/**
 * ClaimReview as search engines and aggregators read it: the single item and the DataFeed, public,
 * under the embargo, and never for words the verdict did not judge. Runs on SQLite and PostgreSQL.
 */

let app: TestApp;
let checker = '';
const auth = () => ({ Authorization: `Bearer ${app.apiToken}` });
const asChecker = () => ({ Authorization: `Bearer ${checker}` });

const NEWSROOM = { name: 'Demo Wire Fact Check', url: 'https://news.example', urlPattern: 'https://news.example/{slug}#claim-{documentId}' };
const FEED = '/api/newsgraph/claim-reviews';

type Json = Record<string, unknown>;

/**
 * What search engines' fact-check markup documents for a ClaimReview (claimReviewed, reviewRating
 * with alternateName, url, author, itemReviewed with author and datePublished), checked for presence
 * and type. Returns the problems, so a failure names every one.
 */
function claimReviewProblems(review: unknown): string[] {
  const problems: string[] = [];
  const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
  const isText = (value: unknown) => typeof value === 'string' && value.trim() !== '';
  const isDate = (value: unknown) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value));
  const isHttpUrl = (value: unknown) => typeof value === 'string' && /^https?:\/\/[^\s]+$/.test(value);
  const isAuthor = (value: unknown) => isObject(value) && (value['@type'] === 'Person' || value['@type'] === 'Organization') && isText(value.name);
  if (!isObject(review)) return ['not an object'];
  if (review['@type'] !== 'ClaimReview') problems.push('@type is not ClaimReview');
  if (!isText(review.claimReviewed)) problems.push('claimReviewed is not text');
  if (!isHttpUrl(review.url)) problems.push('url is not an http(s) URL');
  if (!isDate(review.datePublished)) problems.push('datePublished is not a date');
  if (!isAuthor(review.author)) problems.push('author is not a Person or Organization with a name');
  const rating = review.reviewRating;
  if (!isObject(rating) || rating['@type'] !== 'Rating') problems.push('reviewRating is not a Rating');
  else {
    if (!isText(rating.alternateName)) problems.push('reviewRating.alternateName is not text');
    for (const key of ['ratingValue', 'bestRating', 'worstRating']) {
      if (rating[key] !== undefined && typeof rating[key] !== 'number') problems.push(`reviewRating.${key} is not a number`);
    }
  }
  const item = review.itemReviewed;
  if (!isObject(item) || item['@type'] !== 'Claim') problems.push('itemReviewed is not a Claim');
  else {
    if (!isAuthor(item.author)) problems.push('itemReviewed.author is not a Person or Organization with a name');
    if (!isDate(item.datePublished)) problems.push('itemReviewed.datePublished is not a date');
    const appearances = item.appearance;
    if (appearances !== undefined && (!Array.isArray(appearances) || !appearances.every((work) => isObject(work) && isHttpUrl(work.url)))) problems.push('itemReviewed.appearance is not a list of works with URLs');
    if (item.firstAppearance !== undefined && !(isObject(item.firstAppearance) && isHttpUrl(item.firstAppearance.url))) problems.push('itemReviewed.firstAppearance is not a work with a URL');
  }
  return problems;
}

interface Story {
  documentId: string;
  slug: string;
}

/** A published story (REST creates published documents). */
async function publishedStory(): Promise<Story> {
  const created = await app.http().post('/api/stories').set(auth()).send({ data: storyInput({ sourceUrl: 'https://example.org/wire/talks' }) });
  expect(created.status).toBe(201);
  return { documentId: created.body.data.documentId, slug: created.body.data.slug };
}

/** A draft that was never published: an embargoed story (the Document Service creates drafts). */
async function draftStory(): Promise<string> {
  return (await app.strapi.documents('api::story.story').create({ data: storyInput({ sourceUrl: 'https://example.org/wire/embargo' }) as never })).documentId;
}

let said = 0;
/** A check-worthy claim of a named speaker in a story, with its unverified_claim flag. */
async function claim(story: string, speaker: { name: string; kind: string } = { name: 'Ilse Marten', kind: 'person' }) {
  said += 1;
  // Names and Wikidata ids are unique among actors: one speaker per claim.
  const actor = await app.http().post('/api/actors').set(auth()).send({ data: { ...speaker, name: `${speaker.name} ${said}`, wikidataId: `Q${4115189 + said}` } });
  expect(actor.status).toBe(201);
  const text = `Grain exports fell by ${40 + said} percent in March, the lowest level since 2019`;
  const created = await app.http().post('/api/statements').set(auth()).send({
    data: { story, kind: 'claim', text, attribution: 'the minister said', saidAt: '2026-04-20T10:00:00.000Z', sourceUrl: `https://example.org/speech/${said}` },
  });
  expect(created.status).toBe(201);
  const statement = created.body.data.documentId as string;
  // Named after creation, as an editor would: the linker leaves a speaker set by hand alone.
  await app.http().put(`/api/statements/${statement}`).set(auth()).send({ data: { speaker: actor.body.data.documentId } });
  return { statement, text, speaker: actor.body.data.name as string };
}

/** Resolves the statement's unverified_claim flag through the fact-checkers' route, as the desk does. */
async function rate(statement: string, verdict: string, note: string): Promise<void> {
  const list = await app.http().get('/newsgraph/flags').query({ kind: 'unverified_claim', status: 'open', pageSize: 100 }).set(asChecker());
  const flag = (list.body.data as Array<{ documentId: string; version: number; statement: { documentId: string } }>).find((item) => item.statement.documentId === statement);
  expect(flag).toBeDefined();
  const resolved = await app.http().post(`/newsgraph/flags/${flag!.documentId}/resolve`).set(asChecker()).send({ version: flag!.version, verdict, note });
  expect(resolved.status).toBe(200);
}

const single = (statement: string) => app.http().get(`${FEED}/${statement}`);
const feedUrls = async (): Promise<string[]> => {
  const answer = await app.http().get(FEED).query({ pageSize: 100 });
  expect(answer.status).toBe(200);
  return (answer.body.dataFeedElement as Array<{ url: string }>).map((review) => review.url);
};
const reviewUrl = (story: Story, statement: string) => `https://news.example/${story.slug}#claim-${statement}`;

beforeAll(async () => {
  app = await startTestApp();
  app.strapi.config.set('plugin::newsgraph.claimReview', NEWSROOM);
  checker = await loggedInAdmin(app, 'checker@claim-reviews.test', 'newsgraph-fact-checker');
});
afterAll(async () => {
  await app?.stop();
});

describe('GET /api/newsgraph/claim-reviews/:statementDocumentId', () => {
  test('a rated statement of a published story - should answer the ClaimReview search engines document, with url, reviewBody and every appearance', async () => {
    const story = await publishedStory();
    const { statement, text, speaker } = await claim(story.documentId);
    expect((await single(statement)).status).toBe(404);
    await rate(statement, 'false', 'Customs data show a fall of 14 percent.');

    const review = await single(statement);
    expect(review.status).toBe(200);
    expect(review.headers['content-type']).toContain('application/ld+json');
    expect(claimReviewProblems(review.body)).toEqual([]);
    expect(review.body).toMatchObject({
      '@context': 'https://schema.org',
      claimReviewed: text,
      url: reviewUrl(story, statement),
      reviewBody: 'Customs data show a fall of 14 percent.',
      reviewRating: { ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: 'False' },
      author: { '@type': 'Organization', name: NEWSROOM.name, url: NEWSROOM.url },
      itemReviewed: {
        author: { '@type': 'Person', name: speaker, sameAs: `https://www.wikidata.org/wiki/Q${4115189 + said}` },
        datePublished: '2026-04-20',
        firstAppearance: { url: `https://example.org/speech/${said}`, datePublished: '2026-04-20' },
      },
    });
    expect(review.body.itemReviewed.appearance.map((work: { url: string }) => work.url)).toEqual([
      `https://example.org/speech/${said}`,
      'https://example.org/wire/talks',
      `https://news.example/${story.slug}`,
    ]);
    expect((await single('no-such-statement')).status).toBe(404);
  });

  test('an organisation speaking - should be the claim\'s author as an Organization', async () => {
    const story = await publishedStory();
    const { statement } = await claim(story.documentId, { name: 'Ministry of Ports', kind: 'organization' });
    await rate(statement, 'unverifiable', 'No data were published.');
    const review = await single(statement);
    expect(claimReviewProblems(review.body)).toEqual([]);
    expect(review.body.itemReviewed.author).toMatchObject({ '@type': 'Organization', name: expect.stringContaining('Ministry of Ports') });
    expect(review.body.reviewRating).toEqual({ '@type': 'Rating', bestRating: 5, worstRating: 1, alternateName: 'Unverifiable' });
  });
});

describe('GET /api/newsgraph/claim-reviews', () => {
  test('the feed - should be a schema.org DataFeed of valid ClaimReviews, newest verdict first', async () => {
    const story = await publishedStory();
    const first = await claim(story.documentId);
    const second = await claim(story.documentId);
    await rate(first.statement, 'accurate', 'Matches the customs office.');
    await rate(second.statement, 'misleading', 'Only for wheat.');

    const answer = await app.http().get(FEED);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toContain('application/ld+json');
    expect(answer.body).toMatchObject({ '@context': 'https://schema.org', '@type': 'DataFeed', publisher: { name: NEWSROOM.name } });
    expect(Number.isNaN(Date.parse(answer.body.dateModified))).toBe(false);
    const elements = answer.body.dataFeedElement as Json[];
    for (const element of elements) expect(claimReviewProblems(element)).toEqual([]);
    const urls = elements.map((element) => element.url);
    expect(urls.indexOf(reviewUrl(story, second.statement))).toBeGreaterThanOrEqual(0);
    expect(urls.indexOf(reviewUrl(story, second.statement))).toBeLessThan(urls.indexOf(reviewUrl(story, first.statement)));
    // The single item and its feed element are one document.
    const element = elements.find((item) => item.url === reviewUrl(story, second.statement));
    expect({ '@context': 'https://schema.org', ...element }).toEqual((await single(second.statement)).body);
  });

  test('pages - should cut the feed in pages with totals and links in headers, and refuse a bad page or size with 400', async () => {
    const story = await publishedStory();
    for (const verdict of ['false', 'accurate']) {
      const { statement } = await claim(story.documentId);
      await rate(statement, verdict, `rated ${verdict}`);
    }
    const everything = await feedUrls();
    expect(everything.length).toBeGreaterThanOrEqual(2);

    const walked: string[] = [];
    for (let page = 1; page <= everything.length; page += 1) {
      const answer = await app.http().get(FEED).query({ page, pageSize: 1 });
      expect(answer.status).toBe(200);
      expect(answer.headers['x-total-count']).toBe(String(everything.length));
      expect(answer.headers['x-page-count']).toBe(String(everything.length));
      expect(answer.headers.link).toContain(`<${FEED}?page=${everything.length}&pageSize=1>; rel="last"`);
      if (page < everything.length) expect(answer.headers.link).toContain(`<${FEED}?page=${page + 1}&pageSize=1>; rel="next"`);
      else expect(answer.headers.link).not.toContain('rel="next"');
      walked.push(...(answer.body.dataFeedElement as Array<{ url: string }>).map((review) => review.url));
    }
    expect(walked).toEqual(everything);
    expect((await app.http().get(FEED).query({ page: everything.length + 1 })).body.dataFeedElement).toEqual([]);

    for (const bad of [{ page: '0' }, { page: 'two' }, { pageSize: '101' }, { pageSize: '-5' }, { page: '1.5' }]) {
      const answer = await app.http().get(FEED).query(bad);
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({ status: 400, name: 'ValidationError', message: expect.stringMatching(/^page(Size)? must be/) });
    }
  });

  test('the number of queries - should not grow with the number of rated statements', async () => {
    const tables = /\b(statements|newsgraph_flags|stories|actors)\b/;
    const countQueries = async (): Promise<number> => {
      const { result: answer, sql } = await queriesOfRequests(app, FEED, () => app.http().get(FEED).query({ pageSize: 100 }));
      expect(answer.status).toBe(200);
      return sql.filter((text) => tables.test(text)).length;
    };
    const story = await publishedStory();
    const { statement } = await claim(story.documentId);
    await rate(statement, 'false', 'one');
    const before = await countQueries();
    expect(before).toBeGreaterThan(0);
    for (let index = 0; index < 3; index += 1) {
      const more = await claim(story.documentId);
      await rate(more.statement, 'accurate', `more ${index}`);
    }
    expect(await countQueries()).toBe(before);
  });
});

describe('What is never served', () => {
  test('an embargoed story - should keep its rated statements out of the single item and the feed until it is published, and again once unpublished', async () => {
    const storyId = await draftStory();
    const { statement } = await claim(storyId);
    await rate(statement, 'false', 'embargoed verdict');
    expect((await single(statement)).status).toBe(404);
    expect((await feedUrls()).some((url) => url.endsWith(`#claim-${statement}`))).toBe(false);

    await app.strapi.documents('api::story.story').publish({ documentId: storyId });
    expect((await single(statement)).status).toBe(200);
    expect((await feedUrls()).some((url) => url.endsWith(`#claim-${statement}`))).toBe(true);

    await app.strapi.documents('api::story.story').unpublish({ documentId: storyId });
    expect((await single(statement)).status).toBe(404);
    expect((await feedUrls()).some((url) => url.endsWith(`#claim-${statement}`))).toBe(false);
  });

  test('an unrated statement, or one that is not a claim - should never appear', async () => {
    const story = await publishedStory();
    const unrated = await claim(story.documentId);
    const notAClaim = await claim(story.documentId);
    await rate(notAClaim.statement, 'not_a_claim', 'a forecast');
    const urls = await feedUrls();
    for (const statement of [unrated.statement, notAClaim.statement]) {
      expect((await single(statement)).status).toBe(404);
      expect(urls).not.toContain(reviewUrl(story, statement));
    }
  });

  test('words changed after the verdict - should withdraw the ClaimReview through REST, and even when written past every middleware', async () => {
    const story = await publishedStory();
    const viaRest = await claim(story.documentId);
    const viaDatabase = await claim(story.documentId);
    const retyped = await claim(story.documentId);
    for (const { statement } of [viaRest, viaDatabase, retyped]) await rate(statement, 'false', 'customs data');
    for (const { statement } of [viaRest, viaDatabase, retyped]) expect((await single(statement)).status).toBe(200);

    // Through REST, as an editor would.
    const edited = await app.http().put(`/api/statements/${viaRest.statement}`).set(auth()).send({ data: { text: viaRest.text.replace(/\d+ percent/, '99 percent') } });
    expect(edited.status).toBe(200);
    // Straight to the table: no middleware resets the verdict, so the ClaimReview rule alone decides.
    const statements = app.strapi.db.query('api::statement.statement');
    await statements.update({ where: { documentId: viaDatabase.statement }, data: { text: viaDatabase.text.replace(/\d+ percent/, '98 percent') } });
    expect((await statements.findOne({ where: { documentId: viaDatabase.statement }, select: ['verification'] }))?.verification).toBe('false');
    // Quote marks and spacing are not other words.
    await statements.update({ where: { documentId: retyped.statement }, data: { text: `\u201c${retyped.text.replace(' fell ', '  fell ')}\u201d` } });

    const urls = await feedUrls();
    for (const { statement } of [viaRest, viaDatabase]) {
      expect((await single(statement)).status).toBe(404);
      expect(urls).not.toContain(reviewUrl(story, statement));
    }
    expect((await single(retyped.statement)).status).toBe(200);
    expect(urls).toContain(reviewUrl(story, retyped.statement));

    // GraphQL's Statement.claimReview follows the same rule.
    const query = 'query($id: ID!) { statement(documentId: $id) { claimReview } }';
    expect((await app.graphql<{ statement: { claimReview: unknown } }>(query, { id: viaDatabase.statement })).data?.statement.claimReview).toBeNull();
    expect((await app.graphql<{ statement: { claimReview: unknown } }>(query, { id: retyped.statement })).data?.statement.claimReview).toEqual((await single(retyped.statement)).body);
  });

  test('a verdict given before verdicts recorded their words - should still be withdrawn when the words move away from the ones its flag judged', async () => {
    const story = await publishedStory();
    const legacy = await claim(story.documentId);
    await rate(legacy.statement, 'false', 'customs data');
    const statements = app.strapi.db.query('api::statement.statement');
    // As rows rated before the field existed: no words recorded on the statement.
    await statements.update({ where: { documentId: legacy.statement }, data: { verifiedText: null } });
    expect((await single(legacy.statement)).status).toBe(200);
    await statements.update({ where: { documentId: legacy.statement }, data: { text: legacy.text.replace(/\d+ percent/, '97 percent') } });
    expect((await single(legacy.statement)).status).toBe(404);
  });
});
