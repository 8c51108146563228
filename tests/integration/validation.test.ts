import { errors } from '@strapi/utils';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { actorInput, proposalInput, statementInput, storyInput } from '../fixtures/documents';

let app: TestApp;
const auth = () => ({ Authorization: `Bearer ${app.apiToken}` });

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

type Collection = 'stories' | 'statements' | 'actors' | 'proposals';
const UIDS: Record<Collection, string> = {
  stories: 'api::story.story',
  statements: 'api::statement.statement',
  actors: 'api::actor.actor',
  proposals: 'api::proposal.proposal',
};
const INPUTS: Record<Collection, (overrides?: Record<string, unknown>) => Record<string, unknown>> = {
  stories: storyInput,
  statements: statementInput,
  actors: actorInput,
  proposals: proposalInput,
};

/** Rows in every table of the type and its components: "nothing half-written" means none of these move. */
async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ['stories', 'statements', 'actors', 'proposals', 'components_newsgraph_aliases', 'components_newsgraph_positions', 'components_newsgraph_evidences']) {
    const [{ count }] = await app.strapi.db.connection(table).count({ count: '*' });
    counts[table] = Number(count);
  }
  return counts;
}

interface ErrorBody {
  error: { status: number; name: string; message: string; details: { errors?: Array<{ path: string[]; message: string }> } };
}

function errorPaths(body: ErrorBody): string[] {
  return (body.error.details.errors ?? []).map((error) => error.path.join('.'));
}

const badCreates: Array<[Collection, string, Record<string, unknown>, string]> = [
  ['stories', 'a javascript: source URL', { sourceUrl: 'javascript:alert(1)' }, 'sourceUrl'],
  ['stories', 'a relative source URL', { sourceUrl: '/stories/1' }, 'sourceUrl'],
  ['stories', 'a story date that does not parse', { storyDate: 'last Tuesday' }, 'storyDate'],
  ['stories', 'an impossible story date', { storyDate: '2026-02-30T10:00:00Z' }, 'storyDate'],
  ['stories', 'no title', { title: undefined }, 'title'],
  ['stories', 'a 301-character title', { title: 'x'.repeat(301) }, 'title'],
  ['stories', 'a language that is not a BCP 47 tag', { language: 'english please' }, 'language'],
  ['statements', 'an unknown kind', { kind: 'rumour' }, 'kind'],
  ['statements', 'an unknown verdict', { verification: 'probably' }, 'verification'],
  ['statements', 'an ftp evidence URL', { evidence: [{ url: 'ftp://example.org/file', title: 'x' }] }, 'evidence.0.url'],
  ['statements', 'a saidAt that does not parse', { saidAt: '21/04/2026' }, 'saidAt'],
  ['statements', 'link overrides that are not lists of ids', { linkOverrides: { pin: [42] } }, 'linkOverrides'],
  ['statements', 'a check-worthiness above 1 (from code, which may write it)', { checkWorthiness: 1.5 }, 'checkWorthiness'],
  ['actors', 'a malformed Wikidata id', { wikidataId: 'X42' }, 'wikidataId'],
  ['actors', 'a country name instead of a code', { country: 'Ostrelia' }, 'country'],
  ['actors', 'a position that ends before it starts', { positions: [{ title: 'Minister', from: '2026-02-02', to: '2025-01-01' }] }, 'positions.0.to'],
  ['actors', 'an alias without a name', { aliases: [{ language: 'en' }] }, 'aliases.0.name'],
  ['actors', 'an unknown kind', { kind: 'celebrity' }, 'kind'],
  ['proposals', 'an unknown status', { status: 'dead' }, 'status'],
  ['proposals', 'a proposedOn in day-month-year order', { proposedOn: '20-04-2026' }, 'proposedOn'],
];

describe('Validation on create', () => {
  test.each(badCreates)('%s - should answer 400 naming the field for %s, and write nothing', async (collection, _case, overrides, path) => {
    const before = await rowCounts();
    const data = { ...INPUTS[collection](), ...overrides };
    for (const key of Object.keys(overrides)) if (overrides[key] === undefined) delete data[key];

    if (collection === 'statements' && 'checkWorthiness' in overrides) {
      // An API client's checkWorthiness is ignored (it is computed); code writing it is validated.
      await expect(app.strapi.documents(UIDS[collection] as 'api::statement.statement').create({ data: data as never })).rejects.toBeInstanceOf(errors.ValidationError);
    } else {
      const response = await app.http().post(`/api/${collection}`).set(auth()).send({ data });
      expect(response.status).toBe(400);
      expect(response.body.error.name).toBe('ValidationError');
      expect(errorPaths(response.body)).toContain(path);
      expect(response.body.error.message).toContain(path.split('.')[0]);
    }
    expect(await rowCounts()).toEqual(before);
  });

  test('stories - should report every invalid field at once', async () => {
    const response = await app
      .http()
      .post('/api/stories')
      .set(auth())
      .send({ data: storyInput({ sourceUrl: 'data:text/html,hi', storyDate: 'soon', language: '??' }) });
    expect(response.status).toBe(400);
    expect(errorPaths(response.body).sort()).toEqual(['language', 'sourceUrl', 'storyDate']);
  });

  test('actors - should refuse a Wikidata id another actor already has', async () => {
    await app.http().post('/api/actors').set(auth()).send({ data: actorInput({ wikidataId: 'Q424242' }) });
    const before = await rowCounts();
    const response = await app.http().post('/api/actors').set(auth()).send({ data: actorInput({ wikidataId: 'q424242' }) });
    expect(response.status).toBe(400);
    expect(errorPaths(response.body)).toEqual(['wikidataId']);
    expect(await rowCounts()).toEqual(before);
  });

  test('actors - should let several actors leave the Wikidata id empty', async () => {
    for (let i = 0; i < 2; i += 1) {
      const response = await app.http().post('/api/actors').set(auth()).send({ data: actorInput({ wikidataId: null }) });
      expect(response.status).toBe(201);
    }
  });
});

describe('Validation on update', () => {
  test('stories - should answer 400 and leave the stored story exactly as it was', async () => {
    const created = await app.http().post('/api/stories').set(auth()).send({ data: storyInput() });
    const { documentId } = created.body.data;
    const before = await app.strapi.documents('api::story.story').findOne({ documentId, status: 'published' });

    const response = await app
      .http()
      .put(`/api/stories/${documentId}`)
      .set(auth())
      .send({ data: { title: 'A new headline that would be valid', sourceUrl: 'javascript:alert(document.cookie)' } });
    expect(response.status).toBe(400);
    expect(errorPaths(response.body)).toEqual(['sourceUrl']);
    expect(await app.strapi.documents('api::story.story').findOne({ documentId, status: 'published' })).toEqual(before);
  });

  test('actors - should refuse to clear a required field and keep components intact', async () => {
    const created = await app.http().post('/api/actors').set(auth()).send({ data: actorInput() });
    const { documentId } = created.body.data;
    const before = await app.strapi.documents('api::actor.actor').findOne({ documentId, populate: ['aliases', 'positions'] });

    const response = await app
      .http()
      .put(`/api/actors/${documentId}`)
      .set(auth())
      .send({ data: { name: '', aliases: [{ name: 'Voss' }] } });
    expect(response.status).toBe(400);
    expect(errorPaths(response.body)).toEqual(['name']);
    expect(await app.strapi.documents('api::actor.actor').findOne({ documentId, populate: ['aliases', 'positions'] })).toEqual(before);
  });
});

describe('Validation through the other doors', () => {
  test('GraphQL createStatement - should answer a validation error naming the field', async () => {
    const before = await rowCounts();
    const result = await app.graphql(
      'mutation Create($data: StatementInput!) { createStatement(data: $data) { documentId } }',
      { data: { text: 'A claim', kind: 'claim', sourceUrl: 'javascript:alert(1)' } },
      app.apiToken
    );
    expect(result.errors?.[0]?.message).toContain('sourceUrl');
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await rowCounts()).toEqual(before);
  });

  test('strapi.documents() - should throw a ValidationError naming the field', async () => {
    const before = await rowCounts();
    const attempt = app.strapi.documents('api::proposal.proposal').create({ data: proposalInput({ kind: 'truce' }) as never });
    await expect(attempt).rejects.toBeInstanceOf(errors.ValidationError);
    await expect(attempt).rejects.toMatchObject({ details: { errors: [expect.objectContaining({ path: ['kind'] })] } });
    expect(await rowCounts()).toEqual(before);
  });
});
