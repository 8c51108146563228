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
