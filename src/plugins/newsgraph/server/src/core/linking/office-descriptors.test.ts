import countries from 'world-countries';
import { countryAliases, type CountryRecord } from '../countries/country-enrichment';
import { countryWords } from '../countries/country-words';
import { placeNames } from '../countries/place-names';
import { indexActor, type LinkableActor } from './linkable';
import { linkStatement, type LinkInput } from './linker';
import { officeDescriptors } from './office-descriptors';
import { PhraseIndex } from './phrase-index';

/* Titles as a newsroom enters them in a hurry, and the descriptors wire copy uses for their holders. */
const WORDS = countryWords(countries as unknown as CountryRecord[]);
const of = (title: string, country: string | null = null) => officeDescriptors(title, country, WORDS);

describe('officeDescriptors', () => {
  it('officeDescriptors - should read a head of state by the country after "of", with "leader"', () => {
    expect(of('President of Ukraine')).toEqual(['Ukraine president', 'Ukraine leader', 'Ukrayina president', 'Ukrayina leader', 'Ukrainian president', 'Ukrainian leader']);
  });

  it.each([
    ['President of the United States', null, ['U.S. president', 'U.S. leader', 'American president', 'United States president']],
    ['Prime Minister of Italy', null, ['Italian prime minister', 'Italian leader', 'Italy prime minister']],
    ['Chancellor', 'DE', ['German chancellor', 'German leader', 'Germany chancellor']],
    ['Russian President', null, ['Russian president', 'Russian leader', 'Russia president']],
    ['Vice President of the United States', null, ['U.S. vice president', 'American vice president']],
    ['Secretary of State', 'US', ['U.S. secretary of state']],
    ['Secretary of State for Transport', 'GB', ['British transport secretary', 'Britain transport secretary']],
    ['Minister of Transport', 'FR', ['French transport minister', 'France transport minister']],
    ['Minister of Foreign Affairs of Egypt', null, ['Egyptian foreign minister', 'Egypt foreign minister']],
    ['Deputy Minister of Foreign Affairs', 'SA', ['Saudi Arabian deputy foreign minister', 'Saudi Arabia deputy foreign minister']],
    ['Minister of Economy, Trade and Industry', 'JP', ['Japanese economy minister', 'Japanese trade minister', 'Japanese industry minister', 'Japan trade minister']],
    ['Federal Minister for Economic Affairs', 'DE', ['German economy minister', 'Germany economy minister']],
    ['Commerce Secretary', 'IN', ['Indian commerce secretary', 'India commerce secretary']],
  ])('officeDescriptors - should give "%s" (%s) what copy calls its holder', (title, country, expected) => {
    expect(of(title, country)).toEqual(expect.arrayContaining(expected));
  });

  it.each([
    ['President of the Central Bank of Bolivia', 'BO'],
    ['General Secretary of the SNCTA', 'FR'],
    ['Chief Executive of Ryanair', 'IE'],
    ['Special Envoy for Sudan', 'US'],
    ['Head of the army delegation', 'SD'],
    ['President of the European Commission', null],
    ['United States Trade Representative', 'US'],
    ['Commander of the Army', 'BO'],
    ['Minister', 'FR'],
    ['', 'FR'],
  ])('officeDescriptors - should give nothing for an office that is not national: "%s"', (title, country) => {
    expect(of(title, country)).toEqual([]);
  });

  it('officeDescriptors - should give nothing without a country, in the title or the person\'s', () => {
    expect(of('Prime Minister')).toEqual([]);
    expect(of('Minister of Transport')).toEqual([]);
  });
});

describe('linkStatement (national offices entered by title only)', () => {
  const COUNTRIES = countries as unknown as CountryRecord[];
  const PLACES = placeNames(COUNTRIES);
  const country = (code: string): LinkableActor => {
    const record = COUNTRIES.find((entry) => entry.cca2 === code)!;
    return { documentId: code, name: record.name.common, kind: 'country', country: code, aliases: countryAliases(record, record.name.common, COUNTRIES) };
  };
  const cast: LinkableActor[] = [
    country('RU'),
    country('UA'),
    country('US'),
    { documentId: 'volkov', name: 'Pavel Volkov', kind: 'person', positions: [{ title: 'President of Russia', from: '2024-05-07' }] },
    { documentId: 'sorokin', name: 'Igor Sorokin', kind: 'person', positions: [{ title: 'President of Russia', from: '2016-05-07', to: '2024-05-06' }] },
    { documentId: 'hrytsenko', name: 'Olena Hrytsenko', kind: 'person', country: 'UA', positions: [{ title: 'President', from: '2019-05-20' }] },
    { documentId: 'typed', name: 'Dana Whitlock', kind: 'person', country: 'US', positions: [{ title: 'President', descriptors: 'the commander in chief', from: '2025-01-20' }] },
  ];
  const index = new PhraseIndex();
  for (const actor of cast) indexActor(index, actor, PLACES, WORDS);
  const facts = (id: string) => {
    const actor = cast.find((candidate) => candidate.documentId === id);
    return actor && { name: actor.name, country: actor.country ?? null, affiliation: null, kind: actor.kind };
  };
  const link = (input: Partial<LinkInput>) => linkStatement({ text: '', onDate: '2026-02-10', ...input }, index, facts);

  it('linkStatement - should take "the Russian president said" for the holder on the story\'s date, not for Russia', () => {
    expect(link({ attribution: 'the Russian president said' }).speaker).toBe('volkov');
    expect(link({ attribution: 'the Russian president said', onDate: '2020-03-01' }).speaker).toBe('sorokin');
  });

  it('linkStatement - should take "the Ukrainian leader" and "Ukraine\'s president" for the person of a title without a country', () => {
    expect(link({ text: 'Talks with the Ukrainian leader resumed.' }).mentions).toEqual(['hrytsenko']);
    expect(link({ text: "Ukraine's president flew to Warsaw." }).mentions).toEqual(['hrytsenko']);
  });

  it('linkStatement - should take a role word before a name for the person, and leave the country out of it', () => {
    expect([...link({ text: 'Russian President Pavel Volkov spoke for two hours.' }).mentions].sort()).toEqual(['volkov']);
    expect([...link({ text: 'Russian officials and Ukrainian negotiators met.' }).mentions].sort()).toEqual(['RU', 'UA']);
  });

  it('linkStatement - should take two roles that share their noun for their two holders ("the Russian and Ukrainian presidents")', () => {
    expect([...link({ text: 'The Russian and Ukrainian presidents spoke separately.' }).mentions].sort()).toEqual(['hrytsenko', 'volkov']);
    expect([...link({ text: 'Russian and Ukrainian leaders will meet.' }).mentions].sort()).toEqual(['hrytsenko', 'volkov']);
    expect([...link({ text: 'Russian and Ukrainian officials met.' }).mentions].sort()).toEqual(['RU', 'UA']);
    // One role that names nobody leaves both words to their countries.
    expect([...link({ text: 'The Russian and American presidents spoke.' }).mentions].sort()).toEqual(['RU', 'US']);
  });

  it('linkStatement - should keep to the descriptors an editor typed for a position', () => {
    expect(link({ text: 'The commander in chief spoke.' }).mentions).toEqual(['typed']);
    expect(link({ text: 'The U.S. president spoke.' }).mentions).toEqual(['US']);
  });
});
