import { getIntrospectionQuery } from 'graphql';
import { startTestApp, type TestApp } from '../helpers/test-app';

/**
 * Hostile GraphQL documents, sent as the public and with an API token: each is refused with a 4xx
 * and an error body (a GraphQL error, or Strapi's error shape for a body too large to read), never
 * a 500, and in a time bounded against a normal query measured in the same run.
 */

let app: TestApp;
/** Median time of a normal query in this run, in milliseconds. */
let baseline = 0;

interface Hostile {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Variables as JSON text, for values too deep for JSON.stringify. */
  rawVariables?: string;
  /** What the refusal must say (the limit or rule it names). */
  refusal: RegExp;
}

/** A fragment chain F0 → F1 → ... → Fn-1, each spreading the next `fanOut` times. */
function fragmentChain(length: number, fanOut: number, leaf: string): string {
  const definitions = Array.from({ length }, (_, index) =>
    index === length - 1 ? `fragment F${index} on Query { ${leaf} }` : `fragment F${index} on Query { ${`...F${index + 1} `.repeat(fanOut)}}`,
  );
  return `query Q { ...F0 } ${definitions.join(' ')}`;
}

/** A filter nested `depth` times through `and`, as a variable. */
function nestedFilter(depth: number): Record<string, unknown> {
  let filter: Record<string, unknown> = { title: { eq: 'x' } };
  for (let level = 0; level < depth; level += 1) filter = { and: [filter] };
  return filter;
}

const HOSTILE: Hostile[] = [
  { name: 'a fragment cycle through two fragments (no field in between)', query: 'query Q { ...F } fragment F on Query { ...G } fragment G on Query { ...F }', refusal: /Cannot spread fragment "F" within itself via "G"/ },
  { name: 'a fragment spreading itself', query: 'query Q { ...F } fragment F on Query { ...F }', refusal: /Cannot spread fragment "F" within itself/ },
  {
    name: 'an indirect fragment cycle through fields',
    query: 'query Q { ...A } fragment A on Query { stories { title } ...B } fragment B on Query { actors { name } ...C } fragment C on Query { __typename ...A }',
    refusal: /Cannot spread fragment "A" within itself via "B", "C"/,
  },
  { name: 'a spread of an unknown fragment', query: 'query Q { ...Nowhere }', refusal: /Unknown fragment "Nowhere"/ },
  { name: 'a chain of 400 nested fragments', query: fragmentChain(400, 1, 'stories { title }'), refusal: /Query Cost limit of 5000 exceeded/ },
  { name: 'fragments fanning out (2^30 selections from 60 spreads)', query: fragmentChain(31, 2, 'stories { title }'), refusal: /recursively requests too many selections/ },
  { name: 'fields nested 1,200 deep', query: `{ stories { ${'statements { story { '.repeat(600)}title${' } }'.repeat(600)} } }`, refusal: /exceeds maximum operation depth of 10/ },
  { name: '10,000 fields', query: `{ stories { ${'title '.repeat(10_000)}} }`, refusal: /Document contains more th.. 5000 tokens/ },
  { name: '@include repeated 1,000 times on one field', query: `{ stories { title ${'@include(if: true) '.repeat(1000)}} }`, refusal: /Document contains more th.. 5000 tokens/ },
  { name: '@include repeated 500 times on one field (within the token limit)', query: `{ stories { title ${'@include(if: true) '.repeat(500)}} }`, refusal: /The directive "@include" can only be used once at this location/ },
  { name: '@include on 300 fields', query: `{ stories { ${'title @include(if: true) '.repeat(300)}} }`, refusal: /Directives limit of 20/ },
  { name: 'introspection 40 levels deep through fields', query: `{ __schema { types { ${'fields { type { '.repeat(20)}name${' } }'.repeat(20)} } } }`, refusal: /Maximum introspection depth exceeded/ },
  { name: 'introspection 300 levels deep through ofType', query: `{ __schema { types { fields { type { ${'ofType { '.repeat(300)}name${' }'.repeat(300)} } } } } }`, refusal: /Query depth limit of 20 exceeded/ },
  { name: 'a query just under 1 MB', query: `{ stories { ${'title '.repeat(166_000)}} }`, refusal: /Document contains more th.. 5000 tokens/ },
  { name: 'a query over 1 MB', query: `{ stories { ${'title '.repeat(175_000)}} }`, refusal: /request entity too large/ },
  { name: 'a filter variable nested 2,000 deep', query: 'query Q($f: StoryFiltersInput) { stories(filters: $f) { title } }', variables: { f: nestedFilter(2000) }, refusal: /Input depth limit of 20 exceeded \(\$f nests/ },
  {
    name: 'a filter variable nested 50,000 deep (sent as text: JSON.stringify itself would overflow)',
    query: 'query Q($f: StoryFiltersInput) { stories(filters: $f) { title } }',
    rawVariables: `{ "f": ${'{ "and": ['.repeat(50_000)}{ "title": { "eq": "x" } }${'] }'.repeat(50_000)} }`,
    refusal: /Input depth limit of 20 exceeded/,
  },
  { name: 'a literal filter nested 600 deep', query: `{ stories(filters: ${'{ and: ['.repeat(600)}{ title: { eq: "x" } }${'] }'.repeat(600)}) { title } }`, refusal: /Input depth limit of 20 exceeded \(an argument/ },
  { name: 'a 5 MB string variable', query: 'query Q($s: String) { stories(filters: { title: { eq: $s } }) { title } }', variables: { s: 'x'.repeat(5_000_000) }, refusal: /request entity too large/ },
];

async function send(query: string, variables: Record<string, unknown> | string | undefined, token: string | null) {
  const started = performance.now();
  const body = typeof variables === 'string' ? `{ "query": ${JSON.stringify(query)}, "variables": ${variables} }` : { query, variables };
  const call = app.http().post('/graphql').set('Content-Type', 'application/json').send(body);
  const response = await (token ? call.set('Authorization', `Bearer ${token}`) : call);
  return { status: response.status, body: response.body as { errors?: Array<{ message: string }>; error?: { status: number; message: string } }, ms: performance.now() - started };
}

beforeAll(async () => {
  app = await startTestApp();
  const normal = '{ stories { title body } actors { name } }';
  await send(normal, undefined, null);
  const times: number[] = [];
  for (let run = 0; run < 7; run += 1) times.push((await send(normal, undefined, null)).ms);
  baseline = times.sort((a, b) => a - b)[3]!;
});
afterAll(async () => {
  process.stdout.write(`\nnormal query (median of 7): ${baseline.toFixed(1)} ms; bound on each refusal: ${bound().toFixed(0)} ms\n`);
  await app?.stop();
});

/** A refusal may take a little parsing and validating, never a walk through a cycle or a blow-up. */
const bound = () => 2_000 + 10 * baseline;

describe.each([
  ['public', () => null],
  ['API token', () => app.apiToken],
])('Hostile documents as %s', (_who, token) => {
  test.each(HOSTILE.map((hostile) => [hostile.name, hostile] as const))('%s - should be refused with a 4xx in bounded time', async (_name, hostile) => {
    const answer = await send(hostile.query, hostile.rawVariables ?? hostile.variables, token());
    const messages = [...(answer.body.errors ?? []).map((error) => error.message), answer.body.error?.message ?? ''].join(' | ');
    expect({ status: answer.status, messages }).toEqual({ status: expect.any(Number), messages: expect.stringMatching(hostile.refusal) });
    expect([400, 413]).toContain(answer.status);
    if (answer.status === 413) expect(answer.body.error).toMatchObject({ status: 413 });
    else expect(answer.body.errors?.length).toBeGreaterThan(0);
    expect(answer.ms).toBeLessThan(bound());
  });

  test('the standard introspection query - should still answer (tools such as codegen send it)', async () => {
    const answer = await send(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }), undefined, token());
    expect(answer.body.errors).toBeUndefined();
    expect(answer.status).toBe(200);
  });

  test('a normal query afterwards - should still answer', async () => {
    const answer = await send('{ stories { title } }', undefined, token());
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
  });
});
