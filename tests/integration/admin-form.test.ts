import { scoreClaim, storedCheckWorthiness } from '../../src/plugins/newsgraph/server/src/core/claims/claim-scorer';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { statementInput, storyInput } from '../fixtures/documents';

let app: TestApp;
let adminToken: string;
const STATEMENTS = '/content-manager/collection-types/api::statement.statement';

beforeAll(async () => {
  app = await startTestApp();
  const registered = await app
    .http()
    .post('/admin/register-admin')
    .send({ email: 'desk@newsgraph.test', password: 'Desk-Passw0rd', firstname: 'Desk', lastname: 'Editor' });
  expect(registered.status).toBe(200);
  adminToken = registered.body.data.token;
});
afterAll(async () => {
  await app?.stop();
});

const asAdmin = () => ({ Authorization: `Bearer ${adminToken}` });

describe('The admin form (content manager API)', () => {
  test('PUT - should save the form as the admin sends it back, sanitized like every other door', async () => {
    const story = await app.strapi.documents('api::story.story').create({ data: storyInput() as never });
    const statement = await app.strapi.documents('api::statement.statement').create({
      data: statementInput({ story: story.documentId, evidence: [{ url: 'https://example.org/a', title: 'Readout' }] }) as never,
    });

    // The form loads the document, the editor changes the text, the form sends everything back.
    const loaded = await app.http().get(`${STATEMENTS}/${statement.documentId}`).set(asAdmin());
    expect(loaded.status).toBe(200);
    const form = { ...loaded.body.data, text: '<b>We are ready</b> to sign <script>x()</script>', checkWorthiness: 0.5 };
    const saved = await app.http().put(`${STATEMENTS}/${statement.documentId}`).set(asAdmin()).send(form);
    expect(saved.status).toBe(200);
    expect(saved.body.data.text).toBe('We are ready to sign x()');
    // Computed from the saved text, whatever the form sent.
    expect(Number(saved.body.data.checkWorthiness)).toBe(storedCheckWorthiness(scoreClaim('We are ready to sign x()').score));
    expect(saved.body.data.evidence).toHaveLength(1);
  });

  test('PUT - should answer 400 naming the field, and keep the stored statement', async () => {
    const story = await app.strapi.documents('api::story.story').create({ data: storyInput() as never });
    const statement = await app.strapi.documents('api::statement.statement').create({ data: statementInput({ story: story.documentId }) as never });
    const loaded = await app.http().get(`${STATEMENTS}/${statement.documentId}`).set(asAdmin());

    const saved = await app.http().put(`${STATEMENTS}/${statement.documentId}`).set(asAdmin()).send({ ...loaded.body.data, sourceUrl: 'javascript:alert(1)' });
    expect(saved.status).toBe(400);
    expect(saved.body.error.details.errors.map((error: { path: string[] }) => error.path.join('.'))).toEqual(['sourceUrl']);
    const stored = await app.strapi.documents('api::statement.statement').findOne({ documentId: statement.documentId });
    expect(stored?.sourceUrl).toBe(statement.sourceUrl);
  });

  test('POST - should create a story draft from the form with a slug made on the server', async () => {
    const created = await app
      .http()
      .post('/content-manager/collection-types/api::story.story')
      .set(asAdmin())
      .send(storyInput({ title: 'Talks at the Élysée' }));
    expect(created.status).toBe(201);
    expect(created.body.data.slug).toBe('talks-at-the-elysee');
    expect(created.body.data.publishedAt).toBeNull();
  });
});

describe('The list views (content manager configuration and list API)', () => {
  const configuration = async (uid: string) => {
    const response = await app.http().get(`/content-manager/content-types/${uid}/configuration`).set(asAdmin());
    expect(response.status).toBe(200);
    return response.body.data.contentType as { settings: Record<string, unknown>; layouts: { list: string[] }; metadatas: Record<string, { list: { sortable: boolean } }> };
  };

  test('Statements - should list text, story, speaker, kind, check-worthiness and verification, sortable by story and check-worthiness', async () => {
    const statements = await configuration('api::statement.statement');
    expect(statements.layouts.list).toEqual(['text', 'story', 'speaker', 'kind', 'checkWorthiness', 'verification']);
    expect(statements.metadatas.story!.list.sortable).toBe(true);
    expect(statements.metadatas.checkWorthiness!.list.sortable).toBe(true);

    // Published: a statement list shows its story at the story's published version (see README, list views).
    const early = await app.strapi.documents('api::story.story').create({ data: storyInput({ title: 'Aardvark exports resume' }) as never, status: 'published' });
    const late = await app.strapi.documents('api::story.story').create({ data: storyInput({ title: 'Zither makers strike' }) as never, status: 'published' });
    await app.strapi.documents('api::statement.statement').create({ data: statementInput({ story: late.documentId, text: 'Output fell by 12 percent in May.' }) as never });
    await app.strapi.documents('api::statement.statement').create({ data: statementInput({ story: early.documentId, text: 'We will not sign.' }) as never });
    const titles = async (sort: string) => {
      const listed = await app.http().get(STATEMENTS).query({ sort, pageSize: 100 }).set(asAdmin());
      expect(listed.status).toBe(200);
      return (listed.body.results as Array<{ story: { title: string } | null; checkWorthiness: string | number | null }>);
    };
    const byStory = (await titles('story.title:ASC')).map((row) => row.story?.title).filter((title) => title === 'Aardvark exports resume' || title === 'Zither makers strike');
    expect(byStory).toEqual(['Aardvark exports resume', 'Zither makers strike']);
    const byScore = (await titles('checkWorthiness:DESC')).map((row) => Number(row.checkWorthiness ?? -1));
    expect(byScore).toEqual([...byScore].sort((a, b) => b - a));
  });

  test('Actors - should list name, kind, country, statements made and mentions, people before countries', async () => {
    const actors = await configuration('api::actor.actor');
    expect(actors.layouts.list).toEqual(['name', 'kind', 'country', 'statementsMade', 'mentionedIn']);
    expect(actors.settings).toMatchObject({ defaultSortBy: 'kind', defaultSortOrder: 'DESC' });
    await app.strapi.documents('api::actor.actor').create({ data: { name: 'Mara Ilves', kind: 'person' } as never });
    await app.strapi.documents('api::actor.actor').create({ data: { name: 'Aldovia', kind: 'country', country: 'AL' } as never });
    const listed = await app.http().get('/content-manager/collection-types/api::actor.actor').query({ sort: 'kind:DESC', pageSize: 100 }).set(asAdmin());
    const kinds = (listed.body.results as Array<{ kind: string }>).map((row) => row.kind);
    expect(kinds.indexOf('person')).toBeLessThan(kinds.indexOf('country'));
    expect(kinds.lastIndexOf('person')).toBeLessThan(kinds.indexOf('country'));
  });

  test('Stories - should list title, date, section and statements', async () => {
    expect((await configuration('api::story.story')).layouts.list).toEqual(['title', 'storyDate', 'section', 'statements']);
  });
});
