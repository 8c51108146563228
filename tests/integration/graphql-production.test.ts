import { startTestApp, type TestApp } from '../helpers/test-app';

/** In production, GraphQL errors must not map the schema for whoever probes it. */

let app: TestApp;
const environment = process.env.NODE_ENV;

beforeAll(async () => {
  process.env.NODE_ENV = 'production';
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
  process.env.NODE_ENV = environment;
});

test('a misspelt field in production - should be refused without suggesting the right name', async () => {
  const answer = await app.graphql('{ stories { titel } }');
  expect(answer.status).toBe(400);
  expect(answer.errors![0]!.message).toMatch(/Cannot query field "titel"/);
  expect(answer.errors![0]!.message).not.toMatch(/Did you mean/);
  expect((await app.graphql('{ stories { title } }')).errors).toBeUndefined();
});
