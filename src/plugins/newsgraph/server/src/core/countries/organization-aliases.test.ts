import countries from 'world-countries';
import type { CountryRecord } from './country-enrichment';
import { countryOfNationalBody, initialismOf, missingOrganizationAliases, organizationAliases } from './organization-aliases';

const COUNTRIES = countries as unknown as CountryRecord[];
const names = (name: string) => organizationAliases(name, COUNTRIES).map((alias) => alias.name);

describe('initialismOf', () => {
  it.each([
    ['European Union', 'EU'],
    ['North Atlantic Treaty Organization', 'NATO'],
    ['Organization of the Petroleum Exporting Countries', 'OPEC'],
    ['International Atomic Energy Agency', 'IAEA'],
  ])('initialismOf - should give the initialism of "%s"', (name, expected) => {
    expect(initialismOf(name)).toBe(expected);
  });

  it.each([['Hamas'], ['UNICEF'], ['Islamic State'], ['United States'], ['Prime Minister'], ['7th Fleet Command'], ['A B C D E F G']])(
    'initialismOf - should give none for "%s" (one word, already capitals, a word, a number, too long)',
    (name) => {
      expect(initialismOf(name)).toBeNull();
    }
  );
});

describe('organizationAliases', () => {
  it('organizationAliases - should give a national body its country in the possessive', () => {
    expect(names('French Navy')).toEqual(expect.arrayContaining(["France's Navy"]));
    expect(names('American Red Cross')).toEqual(expect.arrayContaining(["United States' Red Cross"]));
  });

  it('organizationAliases - should give a ministry its short form, with the demonym and with the possessive', () => {
    expect(names('Japanese Ministry of Foreign Affairs')).toEqual(['JMFA', 'Japanese Foreign Ministry', "Japan's Ministry of Foreign Affairs", "Japan's Foreign Ministry"]);
    expect(names('Russian Ministry of Defence')).toEqual(expect.arrayContaining(['Russian Defence Ministry', "Russia's Defence Ministry"]));
    expect(names('Indian Ministry of Home Affairs')).toEqual(expect.arrayContaining(["India's Interior Ministry"]));
  });

  it.each([
    ['Ministry of Economy and Public Finance', 'Economy Ministry'],
    ['Ministry of Defence', 'Defence Ministry'],
    ['Ministry of Foreign Affairs', 'Foreign Ministry'],
    ['Bolivian Ministry of Health and Sports', 'Bolivian Health Ministry'],
  ])('organizationAliases - should give a ministry named by its fields the short form copy uses: %s', (name, short) => {
    expect(names(name)).toContain(short);
  });

  it('organizationAliases - should give no short form where the first field is more than a word ("Foreign Affairs and Trade")', () => {
    expect(names('Ministry of Foreign Affairs and Trade').filter((alias) => /Ministry$/.test(alias))).toEqual([]);
  });

  it('organizationAliases - should give no possessive for a first word that is no demonym, or one several countries own', () => {
    expect(names('Grain Traders Union')).toEqual(['GTU']);
    expect(names('Congolese Red Cross').some((name) => name.includes("'"))).toBe(false);
  });
});

describe('countryOfNationalBody', () => {
  it.each([
    ['Turkish Armed Forces', 'TR'],
    ['Bolivian Army', 'BO'],
    ['Kenya Defence Forces', 'KE'],
    ['Israel Defense Forces', 'IL'],
  ])('countryOfNationalBody - should read the country from the first word of "%s"', (name, expected) => {
    expect(countryOfNationalBody(name, COUNTRIES)).toBe(expected);
  });

  it.each([['European Union'], ['National Police Service'], ['Congolese Red Cross'], ['United Nations']])('countryOfNationalBody - should give none for "%s"', (name) => {
    expect(countryOfNationalBody(name, COUNTRIES)).toBeNull();
  });
});

describe('organizationAliases (seats)', () => {
  it('organizationAliases - should give the European Union the city copy writes for it, and no other organization', () => {
    expect(names('European Union')).toEqual(['EU', 'Brussels']);
    expect(names('European Commission')).not.toContain('Brussels');
    expect(names('Belgian Red Cross')).not.toContain('Brussels');
  });

  it('missingOrganizationAliases - should not add Brussels back once an editor removed it', () => {
    expect(missingOrganizationAliases('European Union', [{ name: 'EU' }], ['Brussels'], COUNTRIES)).toEqual([]);
  });
});

describe('missingOrganizationAliases', () => {
  it('missingOrganizationAliases - should add what the actor lacks, marked automatic, never what an editor removed', () => {
    expect(missingOrganizationAliases('African Union', [], [], COUNTRIES)).toEqual([{ name: 'AU', language: null, automatic: true }]);
    expect(missingOrganizationAliases('African Union', [{ name: 'AU' }], [], COUNTRIES)).toEqual([]);
    expect(missingOrganizationAliases('African Union', [], ['AU'], COUNTRIES)).toEqual([]);
  });
});
