/**
 * Every length limit, on the database the suite runs on: each string, text and rich-text field with a
 * maxLength is written through REST at its maximum (accepted, read back intact) and one character
 * over (a 400 naming the field). The cases are generated from the schemas Strapi loaded, so a field
 * added later is covered without editing this file; components are written through their parents.
 *
 * Before issue 13 eight fields declared `string` documented maxima above 255: SQLite took such values,
 * PostgreSQL's varchar(255) answered 500.
 */
import { startTestApp, type TestApp } from '../helpers/test-app';
import { actorInput, proposalInput, statementInput, storyInput } from '../fixtures/documents';

interface Attribute {
  type: string;
  maxLength?: number;
  required?: boolean;
  component?: string;
  repeatable?: boolean;
  /** false on the attributes Strapi adds itself (locale, timestamps...). */
  configurable?: boolean;
  pluginOptions?: { newsgraph?: { format?: string; computed?: boolean } };
}
interface Model {
  uid: string;
  attributes: Record<string, Attribute>;
  info?: { pluralName?: string };
}
interface Migration {
  columns: Array<[string, string]>;
  up(knex: unknown, db: unknown): Promise<void>;
}

const MIGRATION_NAME = '2026.11.30T11.25.00.widen-long-text-columns.js';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const widenMigration = require(`../../database/migrations/${MIGRATION_NAME}`) as Migration;

/** Types whose length is checked by the plugin's validate-fields middleware. */
const LENGTH_TYPES = new Set(['string', 'text', 'richtext']);

/** A valid document of each REST type; a new type fails the test until it gets one here. */
const BASE_DOCUMENTS: Record<string, () => Record<string, unknown>> = {
  'api::story.story': storyInput,
  'api::statement.statement': statementInput,
  'api::actor.actor': actorInput,
  'api::proposal.proposal': proposalInput,
};

let app: TestApp;
const auth = () => ({ Authorization: `Bearer ${app.apiToken}` });

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

let serial = 0;

/**
 * A value of exactly `length` characters that passes the field's format, or the reason none exists.
 * Plain text mixes in "é": PostgreSQL's limits count characters, not bytes, and so must ours.
 */
function valueOfLength(attribute: Attribute, length: number): string | { skip: string } {
  serial += 1;
  const format = attribute.pluginOptions?.newsgraph?.format;
  switch (format) {
    case undefined:
    case 'name':
      return `v${serial}é${'xé'.repeat(length)}`.slice(0, length);
    case 'http-url': {
      // Long URLs are real: tracking parameters in a query string.
      const prefix = `https://example.org/story-${serial}?utm_source=`;
      return length > prefix.length ? prefix + 'a'.repeat(length - prefix.length) : { skip: `an http(s) URL needs more than ${length} characters` };
    }
    case 'bcp47': {
      if (length === 2) return 'en';
      if (length === 3) return 'eng';
      if (length === 5) return 'en-GB';
      if (length < 6) return { skip: `no BCP 47 tag used here has exactly ${length} characters` };
      // Private-use subtags ("x-...") may repeat, in chunks of at most 8.
      const chunks: string[] = [];
      let left = length - 'en-x-'.length;
      while (left > 0) {
        const size = left === 9 ? 7 : Math.min(8, left);
        chunks.push('abcdefgh'.slice(0, size));
        left -= size + (left > size ? 1 : 0);
      }
      return `en-x-${chunks.join('-')}`;
    }
    case 'iso-country':
      return length === 2 ? 'UA' : { skip: `an ISO 3166-1 alpha-2 code has 2 characters, not ${length}` };
    case 'wikidata-id':
      // Unique per actor: the serial and the clock make each one new.
      return length >= 2 ? `Q${serial}${Date.now()}${'7'.repeat(length)}`.slice(0, length) : { skip: 'a Wikidata id has at least 2 characters' };
    default:
      throw new Error(`No value generator for format "${format}": add one to field-limits.test.ts`);
  }
}

interface LimitCase {
  /** As editors read it: statements.evidence[0].url */
  label: string;
  uid: string;
  plural: string;
  /** Where the value goes in the payload, and where Strapi's error names it. */
  path: string[];
  attribute: Attribute;
  maxLength: number;
  /** Set when the field is inside a component of the document. */
  component?: { name: string; repeatable: boolean; model: Model };
}

function lengthLimited(model: Model): Array<[string, Attribute & { maxLength: number }]> {
  return Object.entries(model.attributes).filter((entry): entry is [string, Attribute & { maxLength: number }] => LENGTH_TYPES.has(entry[1].type) && typeof entry[1].maxLength === 'number');
}

function restTypes(): Model[] {
  return Object.values(app.strapi.contentTypes as unknown as Record<string, Model>).filter((model) => model.uid.startsWith('api::'));
}

function component(uid: string): Model {
  const model = (app.strapi.components as unknown as Record<string, Model>)[uid];
  if (!model) throw new Error(`Component ${uid} is not loaded`);
  return model;
}

function limitCases(): LimitCase[] {
  const cases: LimitCase[] = [];
  for (const model of restTypes()) {
    const plural = model.info?.pluralName ?? '';
    for (const [name, attribute] of lengthLimited(model)) {
      cases.push({ label: `${plural}.${name}`, uid: model.uid, plural, path: [name], attribute, maxLength: attribute.maxLength });
    }
    for (const [name, attribute] of Object.entries(model.attributes)) {
      if (attribute.type !== 'component' || !attribute.component) continue;
      const inner = component(attribute.component);
      if (Object.values(inner.attributes).some((nested) => nested.type === 'component')) {
        throw new Error(`${inner.uid} nests components: teach field-limits.test.ts to reach them`);
      }
      const repeatable = attribute.repeatable === true;
      for (const [field, innerAttribute] of lengthLimited(inner)) {
        const path = repeatable ? [name, '0', field] : [name, field];
        const label = `${plural}.${name}${repeatable ? '[0]' : ''}.${field}`;
        cases.push({ label, uid: model.uid, plural, path, attribute: innerAttribute, maxLength: innerAttribute.maxLength, component: { name, repeatable, model: inner } });
      }
    }
  }
  return cases;
}

/** Why a case cannot be written through REST at all, if it cannot. */
function skipReason(limit: LimitCase): string | undefined {
  if (limit.attribute.pluginOptions?.newsgraph?.computed) return 'computed by Newsgraph: REST drops a client\'s value, so no client can write it at any length';
  return undefined;
}

/** A minimal valid item of a component: its required fields, short. */
function baseItem(model: Model): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(model.attributes)) {
    if (!attribute.required) continue;
    if (!LENGTH_TYPES.has(attribute.type)) throw new Error(`${model.uid}.${name} is required and not text: give field-limits.test.ts a value for it`);
    const value = valueOfLength(attribute, Math.min(attribute.maxLength ?? 60, 60));
    if (typeof value !== 'string') throw new Error(`${model.uid}.${name}: ${value.skip}`);
    item[name] = value;
  }
  return item;
}

function documentWith(limit: LimitCase, value: string): Record<string, unknown> {
  const base = BASE_DOCUMENTS[limit.uid];
  if (!base) throw new Error(`No base document for ${limit.uid}: add one to BASE_DOCUMENTS in field-limits.test.ts`);
  const field = limit.path[limit.path.length - 1]!;
  if (!limit.component) return { ...base(), [field]: value };
  const item = { ...baseItem(limit.component.model), [field]: value };
  return { ...base(), [limit.component.name]: limit.component.repeatable ? [item] : item };
}

async function readBack(limit: LimitCase, documentId: string): Promise<unknown> {
  const populate = limit.component ? [limit.component.name] : undefined;
  let value: unknown = await app.strapi.documents(limit.uid as 'api::story.story').findOne({ documentId, populate: populate as never });
  for (const part of limit.path) value = (value as Record<string, unknown> | null)?.[part];
  return value;
}

interface ErrorBody {
  error?: { status: number; name: string; message: string; details?: { errors?: Array<{ path: string[]; message: string }> } };
}

describe('Column widths', () => {
  test('Schema - should give every string field a maxLength its varchar(255) holds, and on PostgreSQL every column its maxLength', async () => {
    const models = [
      ...Object.values(app.strapi.contentTypes as unknown as Record<string, Model>).filter((model) => model.uid.startsWith('api::') || model.uid.startsWith('plugin::newsgraph.')),
      ...Object.values(app.strapi.components as unknown as Record<string, Model>).filter((model) => model.uid.startsWith('newsgraph.')),
    ];
    const problems: string[] = [];
    let checkedColumns = 0;
    for (const model of models) {
      for (const [name, attribute] of Object.entries(model.attributes)) {
        // Strapi makes every string a varchar(255) on PostgreSQL: a longer limit needs a text field.
        // (Strapi's own attributes, such as locale, are its business.)
        if (attribute.type === 'string' && attribute.configurable !== false && !(typeof attribute.maxLength === 'number' && attribute.maxLength <= 255)) {
          problems.push(`${model.uid}.${name} is a string with maxLength ${attribute.maxLength ?? 'unset'}: make it text, or limit it to 255`);
        }
      }
      if (app.databaseClient !== 'postgres') continue;
      const metadata = app.strapi.db.metadata.get(model.uid) as { tableName: string; attributes: Record<string, { columnName?: string }> };
      for (const [name, attribute] of lengthLimited(model)) {
        const columnName = metadata.attributes[name]?.columnName ?? name;
        const { rows } = await app.strapi.db.connection.raw(
          'select data_type, character_maximum_length from information_schema.columns where table_schema = current_schema() and table_name = ? and column_name = ?',
          [metadata.tableName, columnName]
        );
        checkedColumns += 1;
        const column = rows[0] as { data_type: string; character_maximum_length: number | null } | undefined;
        if (!column) problems.push(`${model.uid}.${name}: no column ${metadata.tableName}.${columnName}`);
        else if (column.character_maximum_length !== null && column.character_maximum_length < attribute.maxLength) {
          problems.push(`${model.uid}.${name}: ${column.data_type}(${column.character_maximum_length}) cannot hold its maxLength ${attribute.maxLength}`);
        }
      }
    }
    expect(problems).toEqual([]);
    if (app.databaseClient === 'postgres') expect(checkedColumns).toBeGreaterThan(20);
  });
});

describe('Field limits through REST', () => {
  test('Generation - should find every length-limited field, components included, and skip only what it explains', () => {
    const cases = limitCases();
    const labels = cases.map((limit) => limit.label);
    // The fields of issue 13 and one of each component: proof the generator reaches them.
    expect(labels).toEqual(
      expect.arrayContaining([
        'stories.title',
        'stories.byline',
        'stories.sourceUrl',
        'statements.attribution',
        'statements.sourceUrl',
        'proposals.title',
        'statements.evidence[0].url',
        'statements.evidence[0].title',
        'actors.aliases[0].name',
        'proposals.aliases[0].name',
        'actors.positions[0].title',
      ])
    );
    const skipped = cases.filter((limit) => skipReason(limit)).map((limit) => limit.label);
    expect(skipped).toEqual(['statements.verifiedText']);
  });

  test('REST create - should accept every field at its maxLength and read the value back intact', async () => {
    const failures: string[] = [];
    let written = 0;
    for (const limit of limitCases()) {
      if (skipReason(limit)) continue;
      const value = valueOfLength(limit.attribute, limit.maxLength);
      if (typeof value !== 'string') {
        failures.push(`${limit.label}: no valid value of ${limit.maxLength} characters (${value.skip})`);
        continue;
      }
      const response = await app.http().post(`/api/${limit.plural}`).set(auth()).send({ data: documentWith(limit, value) });
      if (response.status !== 201) {
        failures.push(`${limit.label} at ${limit.maxLength}: HTTP ${response.status} ${JSON.stringify((response.body as ErrorBody).error)}`);
        continue;
      }
      const stored = await readBack(limit, response.body.data.documentId);
      if (stored !== value) failures.push(`${limit.label} at ${limit.maxLength}: stored ${JSON.stringify(stored).slice(0, 80)}... (${String(stored).length} characters)`);
      written += 1;
    }
    expect(failures).toEqual([]);
    expect(written).toBeGreaterThan(20);
  }, 180_000);

  test('REST create - should answer 400 naming the field one character over its maxLength, and write nothing', async () => {
    const failures: string[] = [];
    for (const limit of limitCases()) {
      if (skipReason(limit)) continue;
      const generated = valueOfLength(limit.attribute, limit.maxLength + 1);
      // Length is checked before format, so a value that no format allows at this length still tests the limit.
      const value = typeof generated === 'string' ? generated : 'A'.repeat(limit.maxLength + 1);
      const table = (app.strapi.db.metadata.get(limit.uid as never) as { tableName: string }).tableName;
      const [{ count: before }] = await app.strapi.db.connection(table).count({ count: '*' });
      const response = await app.http().post(`/api/${limit.plural}`).set(auth()).send({ data: documentWith(limit, value) });
      const body = response.body as ErrorBody;
      const errors = body.error?.details?.errors ?? [];
      const named = errors.find((error) => error.path.join('.') === limit.path.join('.'));
      const [{ count: after }] = await app.strapi.db.connection(table).count({ count: '*' });
      if (response.status !== 400) failures.push(`${limit.label} at ${limit.maxLength + 1}: HTTP ${response.status} ${JSON.stringify(body.error)}`);
      else if (!named) failures.push(`${limit.label}: the 400 names ${JSON.stringify(errors.map((error) => error.path.join('.')))}`);
      else if (!named.message.includes(`at most ${limit.maxLength} characters`)) failures.push(`${limit.label}: "${named.message}" does not state the limit`);
      if (Number(after) !== Number(before)) failures.push(`${limit.label}: a refused write changed ${table} from ${before} to ${after} rows`);
    }
    expect(failures).toEqual([]);
  }, 180_000);
});

// Last: on PostgreSQL it narrows the columns to replay an upgrade, which must not hide a narrow column from the tests above.
describe('Migration widen-long-text-columns', () => {
  test('Start-up - should have run the migration once on this database', async () => {
    const rows = await app.strapi.db.connection('strapi_migrations').where({ name: MIGRATION_NAME });
    expect(rows).toHaveLength(1);
  });

  test('up - should widen varchar(255) columns left by an older release to text, keep their values, and do nothing a second time', async () => {
    const statement = await app.http().post('/api/statements').set(auth()).send({ data: statementInput({ evidence: [{ url: 'https://example.org/readout', title: 'Readout' }] }) });
    const story = await app.http().post('/api/stories').set(auth()).send({ data: storyInput() });
    const proposal = await app.http().post('/api/proposals').set(auth()).send({ data: proposalInput() });
    expect([statement.status, story.status, proposal.status]).toEqual([201, 201, 201]);

    const knex = app.strapi.db.connection;
    const snapshot = async () => {
      const values: Record<string, unknown[]> = {};
      for (const [table, column] of widenMigration.columns) values[`${table}.${column}`] = (await knex(table).select(column).orderBy('id')).map((row: Record<string, unknown>) => row[column]);
      return values;
    };
    const columnTypes = async () => {
      const types: Record<string, string> = {};
      for (const [table, column] of widenMigration.columns) {
        const { rows } = await knex.raw('select data_type from information_schema.columns where table_schema = current_schema() and table_name = ? and column_name = ?', [table, column]);
        types[`${table}.${column}`] = rows[0]?.data_type ?? 'missing';
      }
      return types;
    };
    const migrate = () => app.strapi.db.transaction(({ trx }) => widenMigration.up(trx, app.strapi.db));

    if (app.databaseClient === 'postgres') {
      // The columns as an older release created them (the longer values written above could not exist then).
      for (const [table, column] of widenMigration.columns) await knex.raw('alter table ?? alter column ?? type varchar(255) using left(??, 255)', [table, column, column]);
      expect(new Set(Object.values(await columnTypes()))).toEqual(new Set(['character varying']));
    }
    const before = await snapshot();
    expect(Object.values(before).every((values) => values.some((value) => typeof value === 'string' && value !== ''))).toBe(true);
    if (app.databaseClient === 'postgres') {
      await migrate();
      expect(new Set(Object.values(await columnTypes()))).toEqual(new Set(['text']));
    } else {
      // SQLite does not enforce varchar lengths: nothing to widen, and nothing may break.
      await migrate();
    }
    await migrate();
    expect(await snapshot()).toEqual(before);
  });
});
