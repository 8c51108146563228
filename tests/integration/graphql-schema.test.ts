import fs from 'fs';
import path from 'path';
import { startTestApp, type TestApp } from '../helpers/test-app';

// Plain JavaScript shared with `npm run graphql:schema`.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { compareSchemas, printAppSchema } = require('../../scripts/lib/graphql-schema') as {
  compareSchemas(committed: string, current: string): { changed: boolean; breaking: string[]; dangerous: string[] };
  printAppSchema(strapi: unknown): Promise<string>;
};

/**
 * schema.graphql is the API developers build on. It is generated (`npm run graphql:schema`) and
 * committed; this test fails while it is out of date, and names every breaking change since the
 * committed one, so that breaking the API is a decision someone takes, not an accident.
 */

const SCHEMA_FILE = path.join(__dirname, '..', '..', 'schema.graphql');
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

test('the committed schema.graphql - should be the schema the app serves', async () => {
  const current = await printAppSchema(app.strapi);
  const committed = fs.readFileSync(SCHEMA_FILE, 'utf8');
  const { changed, breaking, dangerous } = compareSchemas(committed, current);
  if (changed) {
    const report = [
      'schema.graphql is out of date: run `npm run graphql:schema` and commit it.',
      breaking.length ? `Breaking changes (clients may fail):\n  ${breaking.join('\n  ')}` : 'No breaking change.',
      dangerous.length ? `Dangerous changes:\n  ${dangerous.join('\n  ')}` : '',
    ].filter(Boolean).join('\n');
    throw new Error(report);
  }
  expect(current).toContain('storyBySlug(slug: String!');
});

test('the comparison - should name a removed field, a removed type and a changed argument', () => {
  const before = 'type Query { story(slug: String!): Story, old: Old }\ntype Story { title: String, graph: String }\ntype Old { name: String }';
  const after = 'type Query { story(slug: ID!): Story }\ntype Story { title: String }';
  const { changed, breaking } = compareSchemas(before, after);
  expect(changed).toBe(true);
  expect(breaking.join('\n')).toMatch(/Story\.graph was removed/);
  expect(breaking.join('\n')).toMatch(/Old was removed/);
  expect(breaking.join('\n')).toMatch(/Query\.story arg slug has changed type from String! to ID!/);
  expect(compareSchemas(before, before)).toEqual({ changed: false, breaking: [], dangerous: [] });
});
