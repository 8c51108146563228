import { startTestApp, type TestApp } from '../helpers/test-app';
import worldCountries from 'world-countries';
import type { CountryRecord } from '../../src/plugins/newsgraph/server/src/core/countries/country-enrichment';
import { namesSharedByCountries } from '../../src/plugins/newsgraph/server/src/core/countries/shared-country-names.fixture';
import { storyInput } from '../fixtures/documents';

/** Country actors learn their other names from world-countries, and editors keep the last word. */

let app: TestApp;
const auth = () => ({ Authorization: `Bearer ${app.apiToken}` });

async function actor(documentId: string): Promise<{ name: string; country: string | null; aliases: Array<{ name: string; automatic: boolean }> }> {
  return (await app.http().get(`/api/actors/${documentId}`).query({ populate: 'aliases' }).set(auth())).body.data;
}

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

test('a country created with its name alone - should get its code and aliases, and be found by its capital and demonym', async () => {
  const created = await app.http().post('/api/actors').set(auth()).send({ data: { name: 'Russia', kind: 'country' } });
  expect(created.status).toBe(201);
  const russia = await actor(created.body.data.documentId);
  expect(russia.country).toBe('RU');
  const names = russia.aliases.map((alias) => alias.name);
  expect(names).toEqual(expect.arrayContaining(['Russian Federation', 'Moscow', 'Russian']));
  expect(russia.aliases.every((alias) => alias.automatic === true)).toBe(true);

  const story = (await app.http().post('/api/stories').set(auth()).send({ data: storyInput() })).body.data.documentId;
  const statement = await app.http().post('/api/statements').set(auth()).send({ data: { story, kind: 'paraphrase', text: 'Moscow rejected the offer, Russian officials said' } }).query({ populate: 'mentions' });
  const mentions = (await app.http().get(`/api/statements/${statement.body.data.documentId}`).query({ populate: 'mentions' }).set(auth())).body.data.mentions;
  expect(mentions.map((mention: { name: string }) => mention.name)).toEqual(['Russia']);
});

test('an automatic alias an editor deletes - should stay deleted after a rename', async () => {
  const created = (await app.http().post('/api/actors').set(auth()).send({ data: { name: 'Ukraine', kind: 'country' } })).body.data.documentId;
  const before = await actor(created);
  expect(before.aliases.map((alias) => alias.name)).toContain('Kyiv');
  const kept = before.aliases.filter((alias) => alias.name !== 'Kyiv').map(({ name, automatic }) => ({ name, automatic }));
  expect((await app.http().put(`/api/actors/${created}`).set(auth()).send({ data: { aliases: kept } })).status).toBe(200);
  expect((await actor(created)).aliases.map((alias) => alias.name)).not.toContain('Kyiv');

  expect((await app.http().put(`/api/actors/${created}`).set(auth()).send({ data: { name: 'Ukraïna' } })).status).toBe(200);
  const after = await actor(created);
  expect(after.name).toBe('Ukraïna');
  expect(after.aliases.map((alias) => alias.name)).not.toContain('Kyiv');
  expect(after.aliases.map((alias) => alias.name)).toContain('Ukraine');
});

test('an actor of another kind, or an invented country - should get nothing added', async () => {
  const person = (await app.http().post('/api/actors').set(auth()).send({ data: { name: 'Georgia', kind: 'person' } })).body.data.documentId;
  expect((await actor(person)).aliases).toEqual([]);
  const invented = (await app.http().post('/api/actors').set(auth()).send({ data: { name: 'Varnesia', kind: 'country' } })).body.data.documentId;
  expect(await actor(invented)).toMatchObject({ country: null, aliases: [] });
});


test('every name and spelling that more than one real country answers to, and "Congo" - should add nothing to a country actor, until an editor gives its code', async () => {
  const names = [...namesSharedByCountries(worldCountries as unknown as CountryRecord[]).flatMap((entry) => [...entry.spellings]), 'Congo', 'Virgin Islands'];
  expect(names.length).toBeGreaterThanOrEqual(50);
  const enriched: string[] = [];
  const created: string[] = [];
  for (const name of names) {
    const answer = await app.http().post('/api/actors').query({ populate: 'aliases' }).set(auth()).send({ data: { name, kind: 'country' } });
    expect({ name, status: answer.status }).toEqual({ name, status: 201 });
    created.push(answer.body.data.documentId);
    const stored = answer.body.data as { country: string | null; aliases: unknown[] };
    if (stored.country !== null || stored.aliases.length > 0) enriched.push(`${name} -> ${stored.country} +${stored.aliases.length} aliases`);
  }
  expect(enriched).toEqual([]);

  // The editor says which Congo: the enrichment follows the code.
  const congo = created[names.indexOf('Congo')]!;
  expect((await app.http().put(`/api/actors/${congo}`).set(auth()).send({ data: { country: 'CD' } })).status).toBe(200);
  expect((await actor(congo)).aliases.map((alias) => alias.name)).toEqual(expect.arrayContaining(['DR Congo', 'Kinshasa']));

  // None of these may stand for a country in the statements the next tests link.
  for (const documentId of created) expect((await app.http().delete(`/api/actors/${documentId}`).set(auth())).status).toBe(204);
});

test('the list of deleted automatic aliases - should be the plugin\'s alone: a client cannot write it, nor read it', async () => {
  const created = await app.http().post('/api/actors').set(auth()).send({ data: { name: 'France', kind: 'country', removedCountryAliases: ['Paris'] } });
  // Accepted like any computed field a client sends, and ignored (README, "What every write goes through").
  expect(created.status).toBe(201);
  const documentId = created.body.data.documentId;
  const france = await app.http().get(`/api/actors/${documentId}`).query({ populate: 'aliases' }).set(auth());
  expect(france.body.data.aliases.map((alias: { name: string }) => alias.name)).toEqual(expect.arrayContaining(['Paris', 'French']));
  expect(france.body.data).not.toHaveProperty('removedCountryAliases');
});

test('importing every country, twice - should create the missing ones, keep editors\' deletions, and change nothing the second time', async () => {
  const countries = app.strapi.plugin('newsgraph').service('countries') as { importAll(): Promise<{ created: number; enriched: number; unchanged: number }> };
  const existing = (await app.strapi.db.query('api::actor.actor').count({ where: { kind: 'country', country: { $notNull: true } } })) as number;
  const first = await countries.importAll();
  expect(first.created + first.enriched + first.unchanged).toBe(250);
  expect(first.created).toBe(250 - existing);
  const second = await countries.importAll();
  expect(second).toEqual({ created: 0, enriched: 0, unchanged: 250 });
  const ukraine = (await app.strapi.db.query('api::actor.actor').findOne({ where: { country: 'UA' }, populate: { aliases: true } })) as { name: string; aliases: Array<{ name: string }> };
  expect(ukraine.name).toBe('Ukraïna');
  expect(ukraine.aliases.map((alias) => alias.name)).not.toContain('Kyiv');
  expect(await app.strapi.db.query('api::actor.actor').count({ where: { kind: 'country' } })).toBe(existing + first.created + 1);

  // With every country in, demonyms name their countries.
  const story = (await app.http().post('/api/stories').set(auth()).send({ data: storyInput() })).body.data.documentId;
  const created = await app.http().post('/api/statements').set(auth()).send({ data: { story, kind: 'paraphrase', text: 'French, British and Italian leaders met on Tuesday' } });
  const mentions = (await app.http().get(`/api/statements/${created.body.data.documentId}`).query({ populate: 'mentions' }).set(auth())).body.data.mentions;
  expect(mentions.map((actor: { country: string }) => actor.country).sort()).toEqual(['FR', 'GB', 'IT']);

  // "Congo" alone is either Congo: neither is linked, both are candidates.
  const congo = await app.http().post('/api/statements').set(auth()).send({ data: { story, kind: 'paraphrase', text: 'Congo rejected the plan on Tuesday' } });
  const linked = (await app.http().get(`/api/statements/${congo.body.data.documentId}`).query({ populate: 'mentions' }).set(auth())).body.data;
  expect(linked.mentions).toEqual([]);
  expect(linked.linkState.ambiguous).toEqual([expect.objectContaining({ phrase: expect.stringMatching(/congo/i), candidates: expect.any(Array) })]);
  expect(linked.linkState.ambiguous[0].candidates).toHaveLength(2);
}, 300_000);

describe('Countries and the linker\'s rules', () => {
  test('a demonym that starts a role descriptor - should be part of the descriptor: the person is linked, not also the country', async () => {
    const story = (await app.http().post('/api/stories').set(auth()).send({ data: storyInput({ storyDate: '2026-04-21T09:00:00.000Z' }) })).body.data.documentId;
    await app.http().post('/api/actors').set(auth()).send({
      data: { name: 'Pavel Orlov', kind: 'person', positions: [{ title: 'President of Russia', descriptors: 'the Russian president', from: '2024-01-01' }] },
    });
    const created = await app.http().post('/api/statements').set(auth()).send({ data: { story, kind: 'paraphrase', text: 'Talks would resume in May', attribution: 'the Russian president said' } });
    const statement = (await app.http().get(`/api/statements/${created.body.data.documentId}`).query({ populate: ['speaker', 'mentions'] }).set(auth())).body.data;
    expect(statement.speaker?.name).toBe('Pavel Orlov');
    expect(statement.mentions.map((actor: { name: string }) => actor.name)).not.toContain('Russia');
  });

  test('"Washington", the capital and the state - should link neither, and record both as candidates', async () => {
    if ((await app.strapi.db.query('api::actor.actor').count({ where: { country: 'US' } })) === 0) {
      await app.http().post('/api/actors').set(auth()).send({ data: { name: 'United States', kind: 'country' } });
    }
    // The state is known by the same short name. (An actor *named* "Washington" would win: the
    // linker ranks an actor's own name above another's alias.)
    await app.http().post('/api/actors').set(auth()).send({ data: { name: 'State of Washington', kind: 'government', aliases: [{ name: 'Washington' }] } });
    const story = (await app.http().post('/api/stories').set(auth()).send({ data: storyInput() })).body.data.documentId;
    const created = await app.http().post('/api/statements').set(auth()).send({ data: { story, kind: 'paraphrase', text: 'Washington raised its tariffs again' } });
    const statement = (await app.http().get(`/api/statements/${created.body.data.documentId}`).query({ populate: ['mentions'] }).set(auth())).body.data;
    expect(statement.mentions.map((actor: { name: string }) => actor.name)).toEqual([]);
    expect(statement.linkState.ambiguous).toEqual([expect.objectContaining({ phrase: expect.stringMatching(/washington/i), candidates: expect.arrayContaining([expect.any(String), expect.any(String)]) })]);
  });
});
