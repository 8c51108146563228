import countries from 'world-countries';
import { foldPhrase } from '../linking/text-folding';
import { countryAliases, type CountryRecord } from './country-enrichment';
import { placeNames } from './place-names';
import { DOTTED_FORMS, IRREGULAR_PLURAL_DEMONYMS, SEATS_OF_POWER, pluralDemonym } from './seats-of-power';

const COUNTRIES = countries as unknown as CountryRecord[];
const aliasesOf = (cca2: string, name: string) => countryAliases(COUNTRIES.find((country) => country.cca2 === cca2)!, name, COUNTRIES);

describe('seats of power and dotted forms', () => {
  it('SEATS_OF_POWER - should name only countries of the data set, each seat once', () => {
    const codes = new Set(COUNTRIES.map((country) => country.cca2));
    for (const code of [...Object.keys(SEATS_OF_POWER), ...Object.keys(DOTTED_FORMS)]) expect(codes.has(code)).toBe(true);
    const seats = Object.values(SEATS_OF_POWER).flat().map(foldPhrase);
    expect(new Set(seats).size).toBe(seats.length);
  });

  it('countryAliases - should add seats of power, the dotted initialism and the plural demonym', () => {
    const us = aliasesOf('US', 'United States');
    expect(us).toEqual(expect.arrayContaining([{ name: 'U.S.', kind: 'dotted' }, { name: 'White House', kind: 'seat' }, { name: 'Americans', kind: 'demonym' }]));
    expect(aliasesOf('GB', 'United Kingdom')).toEqual(expect.arrayContaining([{ name: 'U.K.', kind: 'dotted' }, { name: 'Downing Street', kind: 'seat' }]));
    expect(aliasesOf('FR', 'France').filter((alias) => alias.kind === 'seat').map((alias) => alias.name)).toEqual(['Élysée', 'Élysée Palace', 'Matignon', "Quai d'Orsay"]);
  });

  it('countryAliases - should still never add a bare two-letter code', () => {
    expect(aliasesOf('US', 'United States').map((alias) => alias.name)).not.toContain('US');
  });
});

describe('pluralDemonym', () => {
  it.each([
    ['American', 'Americans'],
    ['Israeli', 'Israelis'],
    ['Greek', 'Greeks'],
    ['Filipino', 'Filipinos'],
    ['French', null],
    ['Chinese', null],
    ['Swiss', null],
    ['Malagasy', null],
    ['Solomon Islander', null],
  ])('pluralDemonym - should give the plural of %s', (demonym, expected) => {
    expect(pluralDemonym(demonym)).toBe(expected);
  });
});

describe('IRREGULAR_PLURAL_DEMONYMS', () => {
  it('countryAliases - should add the plural copy uses when it is not the demonym plus "s"', () => {
    expect(aliasesOf('SA', 'Saudi Arabia')).toEqual(expect.arrayContaining([{ name: 'Saudis', kind: 'demonym' }]));
    expect(aliasesOf('TR', 'Turkey')).toEqual(expect.arrayContaining([{ name: 'Turks', kind: 'demonym' }]));
    expect(aliasesOf('PL', 'Poland')).toEqual(expect.arrayContaining([{ name: 'Poles', kind: 'demonym' }]));
  });

  it('IRREGULAR_PLURAL_DEMONYMS - should name only countries of the data set, and no plural pluralDemonym already gives', () => {
    const codes = new Set(COUNTRIES.map((country) => country.cca2));
    for (const [code, plurals] of Object.entries(IRREGULAR_PLURAL_DEMONYMS)) {
      expect(codes.has(code)).toBe(true);
      const demonym = COUNTRIES.find((country) => country.cca2 === code)!.demonyms!.eng!.m;
      expect(plurals).not.toContain(pluralDemonym(demonym));
    }
  });
});

describe('placeNames', () => {
  it('placeNames - should hold capitals (with and without a trailing abbreviation), seats, and Brussels, folded', () => {
    const places = placeNames(COUNTRIES);
    for (const name of ['paris', 'washington', 'washington dc', 'kremlin', 'elysee', 'downing street', 'brussels']) expect(places.has(name)).toBe(true);
    expect(places.has('geneva')).toBe(false);
  });
});
