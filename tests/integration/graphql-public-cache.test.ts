import path from 'path';
import readline from 'readline';
import { spawn } from 'child_process';
import { queriesOfRequests } from '../helpers/request-queries';
import { startTestApp, type TestApp } from '../helpers/test-app';

/**
 * The Public role's story pages are kept between requests (graphql/public-answer-cache.ts) until a
 * write moves the data version on (services/public-read-version.ts). Each test fills the cache,
 * proves that the next request was answered from it (no SQL reaches the statements), writes through
 * one door, and checks that the public sees the write, and never an embargoed story or statement.
 */

let app: TestApp;
let actorId: string;
const auth = () => ({ Authorization: `Bearer ${app.apiToken}` });

const PAGE = /* GraphQL */ `
  query($slug: String!) {
    storyBySlug(slug: $slug) { title statements { documentId text kind speaker { name } mentions { name } } }
  }
`;

interface Page {
  title: string;
  statements: Array<{ documentId: string; text: string; kind: string; speaker: { name: string } | null; mentions: Array<{ name: string }> }>;
}

/** The public's page, and whether any SQL of the request read the statements table. */
async function publicPage(slug: string): Promise<{ page: Page | null; readStatements: boolean }> {
  const statementsTable = (app.strapi.db.metadata.get('api::statement.statement' as never) as unknown as { tableName: string }).tableName;
  const { result: answer, sql } = await queriesOfRequests(app, '/graphql', () => app.graphql<{ storyBySlug: Page | null }>(PAGE, { slug }));
  expect(answer.errors).toBeUndefined();
  return { page: answer.data!.storyBySlug, readStatements: sql.some((text) => text.includes(`"${statementsTable}"`) || text.includes(`\`${statementsTable}\``)) };
}

/**
 * Asks twice: the second answer must come from the cache and equal the first. Background work
 * (relink jobs after an actor changed) writes too, and each such write rightly retires the kept
 * answers: it is let finish first.
 */
async function cachedPage(slug: string): Promise<Page | null> {
  await (app.strapi.plugin('newsgraph').service('relink') as { idle(): Promise<void> }).idle();
  await new Promise((resolve) => setTimeout(resolve, 300));
  const first = await publicPage(slug);
  const second = await publicPage(slug);
  expect(second.readStatements).toBe(false);
  expect(second.page).toEqual(first.page);
  return second.page;
}

async function createStory(title: string, status: 'published' | 'draft'): Promise<{ documentId: string; slug: string }> {
  const response = await app.http().post(`/api/stories${status === 'draft' ? '?status=draft' : ''}`).set(auth()).send({ data: { title, storyDate: '2026-05-02T09:00:00.000Z', body: 'Talks went on.' } });
  expect(response.status).toBe(201);
  return { documentId: response.body.data.documentId, slug: response.body.data.slug };
}

async function createStatement(story: string, text: string): Promise<string> {
  const response = await app.http().post('/api/statements').set(auth()).send({ data: { story, kind: 'paraphrase', text, attribution: 'Karel Dvorak said' } });
  expect(response.status).toBe(201);
  return response.body.data.documentId;
}

async function withCache<Value>(enabled: boolean, work: () => Promise<Value>): Promise<Value> {
  const before = app.strapi.config.get('plugin::newsgraph.graphql') as { publicCache: object };
  app.strapi.config.set('plugin::newsgraph.graphql', { ...before, publicCache: { ...before.publicCache, enabled } });
  try {
    return await work();
  } finally {
    app.strapi.config.set('plugin::newsgraph.graphql', before);
  }
}

beforeAll(async () => {
  app = await startTestApp();
  const actor = await app.http().post('/api/actors').set(auth()).send({ data: { name: 'Karel Dvorak', kind: 'person' } });
  expect(actor.status).toBe(201);
  actorId = actor.body.data.documentId;
});

afterAll(async () => {
  await app?.stop();
});

describe('The public story page cache', () => {
  test('storyBySlug as the public - should answer from the cache with the same body as without it', async () => {
    const story = await createStory('Harbour talks, day one', 'published');
    for (const round of [1, 2, 3]) await createStatement(story.documentId, `Karel Dvorak discussed the Harbour accord, round ${round}`);
    const cached = await cachedPage(story.slug);
    expect(cached?.statements).toHaveLength(3);
    const uncached = await withCache(false, () => publicPage(story.slug));
    expect(uncached.readStatements).toBe(true);
    expect(uncached.page).toEqual(cached);
  });

  test('a statement changed through REST - should be what the public sees next', async () => {
    const story = await createStory('Harbour talks, day two', 'published');
    const statement = await createStatement(story.documentId, 'The first words');
    await cachedPage(story.slug);
    const changed = await app.http().put(`/api/statements/${statement}`).set(auth()).send({ data: { text: 'The corrected words' } });
    expect(changed.status).toBe(200);
    expect((await cachedPage(story.slug))?.statements.map((item) => item.text)).toEqual(['The corrected words']);
  });

  test('a statement changed through a GraphQL mutation - should be what the public sees next', async () => {
    const story = await createStory('Harbour talks, day three', 'published');
    const statement = await createStatement(story.documentId, 'Said on Monday');
    await cachedPage(story.slug);
    const changed = await app.graphql(`mutation($id: ID!) { updateStatement(documentId: $id, data: { text: "Said on Tuesday" }) { text } }`, { id: statement }, app.apiToken);
    expect(changed.errors).toBeUndefined();
    expect((await cachedPage(story.slug))?.statements.map((item) => item.text)).toEqual(['Said on Tuesday']);
  });

  test('an actor renamed, and a statement changed by strapi.db.query() - should both reach the public page', async () => {
    const story = await createStory('Harbour talks, day four', 'published');
    const statement = await createStatement(story.documentId, 'Karel Dvorak spoke first');
    expect((await cachedPage(story.slug))?.statements[0]?.speaker?.name).toBe('Karel Dvorak');
    await app.http().put(`/api/actors/${actorId}`).set(auth()).send({ data: { name: 'Karel Dvořák' } }).expect(200);
    expect((await cachedPage(story.slug))?.statements[0]?.speaker?.name).toBe('Karel Dvořák');
    // A write below the Document Service, as the plugin's own bookkeeping and scripts make.
    await app.strapi.db.query('api::statement.statement' as never).update({ where: { documentId: statement }, data: { text: 'Written below the Document Service' } });
    expect((await cachedPage(story.slug))?.statements[0]?.text).toBe('Written below the Document Service');
  });

  test('an embargoed (draft) story - should stay hidden from the cache until it is published, and hide again when unpublished', async () => {
    const story = await createStory('Prisoner exchange, embargoed', 'draft');
    await createStatement(story.documentId, 'EMBARGOED: the handover is set for Thursday');
    expect(await cachedPage(story.slug)).toBeNull();
    // A token sees the draft; the public's kept answer is not what it gets, nor the other way round.
    const asToken = await app.graphql<{ storyBySlug: Page | null }>(`query($slug: String!) { storyBySlug(slug: $slug, status: DRAFT) { title statements { text } } }`, { slug: story.slug }, app.apiToken);
    expect(asToken.data?.storyBySlug?.statements.map((item) => item.text)).toEqual(['EMBARGOED: the handover is set for Thursday']);
    expect(await cachedPage(story.slug)).toBeNull();

    // The embargo lifts through GraphQL (a token publishing the draft).
    const published = await app.graphql(`mutation($id: ID!) { updateStory(documentId: $id, data: { standfirst: "Lifted" }, status: PUBLISHED) { title } }`, { id: story.documentId }, app.apiToken);
    expect(published.errors).toBeUndefined();
    expect((await cachedPage(story.slug))?.statements.map((item) => item.text)).toEqual(['EMBARGOED: the handover is set for Thursday']);

    // And comes back through strapi.documents(): the kept page must not outlive it.
    await app.strapi.documents('api::story.story' as never).unpublish({ documentId: story.documentId } as never);
    expect(await cachedPage(story.slug)).toBeNull();
  });

  test('draft changes to a published story - should not reach the public through the cache', async () => {
    const story = await createStory('Harbour talks, day five', 'published');
    await createStatement(story.documentId, 'Published words');
    expect((await cachedPage(story.slug))?.title).toBe('Harbour talks, day five');
    await app.strapi.documents('api::story.story' as never).update({ documentId: story.documentId, data: { title: 'A draft title, not yet out' } } as never);
    expect((await cachedPage(story.slug))?.title).toBe('Harbour talks, day five');
  });

  test('storyBySlug with an API token - should neither read nor fill the public cache', async () => {
    const story = await createStory('Harbour talks, day six', 'published');
    await createStatement(story.documentId, 'Read with a token');
    for (let round = 0; round < 2; round += 1) {
      const { result: answer, sql } = await queriesOfRequests(app, '/graphql', () => app.graphql<{ storyBySlug: Page | null }>(PAGE, { slug: story.slug }, app.apiToken));
      const readStatements = sql.some((text) => /statements/.test(text));
      expect(answer.data?.storyBySlug?.statements).toHaveLength(1);
      expect(readStatements).toBe(true);
    }
  });

  test('a statement changed by another Strapi instance on the same database - should be what this one serves next', async () => {
    const story = await createStory('Harbour talks, day seven', 'published');
    const statement = await createStatement(story.documentId, 'Before the other instance wrote');
    const other = spawn(process.execPath, [path.join(__dirname, '..', 'helpers', 'write-statement.js'), statement, 'Written by the other instance'], {
      env: { ...process.env, STRAPI_LOG_LEVEL: 'error' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    other.stderr.on('data', (chunk) => (stderr += chunk));
    const lines = readline.createInterface({ input: other.stdout });
    const nextLine = (expected: string) =>
      new Promise<void>((resolve, reject) => {
        const onLine = (line: string) => {
          if (line.trim() !== expected) return;
          lines.off('line', onLine);
          resolve();
        };
        lines.on('line', onLine);
        other.once('exit', (code) => reject(new Error(`the other instance exited (${code}) before ${expected}: ${stderr}`)));
      });
    const exited = new Promise<number | null>((resolve) => other.once('exit', resolve));

    await nextLine('READY');
    // Filled after the other instance booted (its start-up moves the version on by itself).
    expect((await cachedPage(story.slug))?.statements[0]?.text).toBe('Before the other instance wrote');
    const done = nextLine('DONE');
    other.stdin.write('GO\n');
    await done;
    expect((await cachedPage(story.slug))?.statements[0]?.text).toBe('Written by the other instance');
    expect({ status: await exited, stderr: (await exited) === 0 ? '' : stderr }).toEqual({ status: 0, stderr: '' });
  }, 180_000);
});
