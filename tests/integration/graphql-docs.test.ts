import fs from 'fs';
import path from 'path';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { docExamples, missingFrom, withoutDocumentIds } from '../helpers/doc-examples';
import { graphqlOverHttp, type GraphqlOverHttp } from '../helpers/graphql-client';

const { TEST_DIST_DIR } = require('../setup/paths') as { TEST_DIST_DIR: string };

/**
 * docs/graphql.md's examples run as written, on the demo newsroom (`npm run develop` loads it),
 * and answer what the page says they answer.
 */

const DOC = path.join(__dirname, '..', '..', 'docs', 'graphql.md');
const examples = docExamples(fs.readFileSync(DOC, 'utf8'));
let app: TestApp;
let gql: GraphqlOverHttp;

beforeAll(async () => {
  app = await startTestApp();
  const { seedDemoNewsroom } = require(path.join(TEST_DIST_DIR, 'src', 'demo', 'seed.js'));
  await seedDemoNewsroom(app.strapi);
  gql = await graphqlOverHttp(app);
}, 120_000);
afterAll(async () => {
  await app?.stop();
});

test('docs/graphql.md - should hold examples, most with their results', () => {
  expect(examples.length).toBeGreaterThanOrEqual(10);
  expect(examples.filter((example) => example.expected).length).toBeGreaterThanOrEqual(8);
});

test.each(examples.map((example) => [example.line, example] as const))('the example at line %i - should run as written and answer as shown', async (_line, example) => {
  const answer = await gql.ask(example.query, undefined, example.asToken ? app.apiToken : undefined);
  const actual = withoutDocumentIds({ ...(answer.data ? { data: answer.data } : {}), ...(answer.errors.length ? { errors: answer.errors.map(({ message, extensions }) => ({ message, extensions })) } : {}) });
  if (process.env.NEWSGRAPH_PRINT_DOC_RESULTS) console.log(`line ${example.line}:\n${JSON.stringify(actual, null, 2)}`);
  if (!example.expected) {
    expect(answer.errors).toEqual([]);
    return;
  }
  if (example.expected.mode === 'result') expect(actual).toEqual(example.expected.value);
  else expect(missingFrom(actual, example.expected.value)).toEqual([]);
});
