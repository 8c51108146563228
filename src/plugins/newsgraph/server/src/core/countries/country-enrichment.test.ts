import countries from 'world-countries';
import { namesSharedByCountries } from './shared-country-names.fixture';
import { AMBIGUOUS_SHORT_NAMES, NEWS_NAMES_MISSING_FROM_DATA, countryAliases, findCountry, missingCountryAliases, removedAutomaticAliases, type CountryRecord } from './country-enrichment';

const all = countries as unknown as CountryRecord[];
const aliasNames = (code: string, actorName: string) => countryAliases(all.find((country) => country.cca2 === code)!, actorName, all);

describe('findCountry', () => {
  it('finds a country by its common or official name, folded, or by its ISO code', () => {
    expect(findCountry(all, { name: 'Russia' })).toMatchObject({ country: { cca2: 'RU' } });
    expect(findCountry(all, { name: 'the russian federation' })).toBeNull();
    expect(findCountry(all, { name: 'Russian Federation' })).toMatchObject({ country: { cca2: 'RU' } });
    expect(findCountry(all, { name: "Côte d'Ivoire" })).toMatchObject({ country: { cca2: 'CI' } });
    expect(findCountry(all, { name: 'Somewhere', isoCode: 'ua' })).toMatchObject({ country: { cca2: 'UA' } });
    expect(findCountry(all, { name: 'Somewhere', isoCode: 'UKR' })).toMatchObject({ country: { cca2: 'UA' } });
    expect(findCountry(all, { name: 'Varnesia' })).toBeNull();
  });

  it("finds a country by the English name copy uses where the data set keeps the country's own ('Turkey' for Türkiye)", () => {
    expect(findCountry(all, { name: 'Turkey' })).toMatchObject({ country: { cca2: 'TR' } });
    expect(findCountry(all, { name: 'Britain' })).toMatchObject({ country: { cca2: 'GB' } });
    expect(findCountry(all, { name: 'the Czech Republic' })).toBeNull();
    expect(findCountry(all, { name: 'Czech Republic' })).toMatchObject({ country: { cca2: 'CZ' } });
    expect(aliasNames('TR', 'Türkiye').map((alias) => alias.name)).toContain('Turkey');
    expect(aliasNames('GB', 'United Kingdom').map((alias) => alias.name)).toEqual(expect.arrayContaining(['Britain', 'Great Britain', 'U.K.']));
  });

  it('gives each name copy uses to one country only, and never one the data gives another country', () => {
    const shared = namesSharedByCountries(all);
    for (const [code, names] of Object.entries(NEWS_NAMES_MISSING_FROM_DATA)) {
      for (const name of names) {
        const owners = all.filter((country) => country.cca2 !== code && [country.name.common, country.name.official, ...country.altSpellings].some((other) => other.toLowerCase() === name.toLowerCase()));
        expect({ name, owners: owners.map((country) => country.cca2) }).toEqual({ name, owners: [] });
        expect(shared.some((entry) => [...entry.spellings].some((spelling) => spelling.toLowerCase() === name.toLowerCase()))).toBe(false);
      }
    }
  });

  it('does not guess for any name, spelling, translation or demonym that more than one real country answers to', () => {
    const shared = namesSharedByCountries(all);
    // About 25 names in the data (Sudan, Kongo, Saint Martin, Guyana...) and 9 demonyms (Congolese, Dominican...).
    expect(shared.length).toBeGreaterThanOrEqual(30);
    const guessed = shared.flatMap(({ spellings, codes }) =>
      [...spellings].flatMap((spelling) => {
        const match = findCountry(all, { name: spelling });
        return match && 'country' in match ? [`${spelling} -> ${match.country.cca2} (also ${[...codes].join(', ')})`] : [];
      })
    );
    expect(guessed).toEqual([]);
    expect(findCountry(all, { name: 'Sudan' })).toMatchObject({ ambiguous: expect.arrayContaining([expect.objectContaining({ cca2: 'SD' }), expect.objectContaining({ cca2: 'SS' })]) });
  });

  it('does not guess for a short name that copy says of two countries though the data gives it to one ("Congo")', () => {
    const codes = (name: string) => {
      const match = findCountry(all, { name });
      return match && 'ambiguous' in match ? match.ambiguous.map((country) => country.cca2).sort() : match;
    };
    expect(codes('Congo')).toEqual(['CD', 'CG']);
    expect(codes('congo')).toEqual(['CD', 'CG']);
    expect(codes('Virgin Islands')).toEqual(['VG', 'VI']);
    for (const [name, countryCodes] of Object.entries(AMBIGUOUS_SHORT_NAMES)) expect(codes(name)).toEqual([...countryCodes].sort());
    // The longer names still find their country, and an editor's ISO code settles the short one.
    expect(findCountry(all, { name: 'Republic of the Congo' })).toMatchObject({ country: { cca2: 'CG' } });
    expect(findCountry(all, { name: 'DR Congo' })).toMatchObject({ country: { cca2: 'CD' } });
    expect(findCountry(all, { name: 'Congo', isoCode: 'CD' })).toMatchObject({ country: { cca2: 'CD' } });
    // Each country it may mean answers to it, so that "Congo said" links neither.
    expect(aliasNames('CD', 'DR Congo').map((alias) => alias.name)).toContain('Congo');
    expect(aliasNames('CG', 'Republic of the Congo').map((alias) => alias.name)).toContain('Congo');
  });
});

describe('countryAliases', () => {
  it('gives a country its other names, capital and demonym, each once and never its own name', () => {
    const aliases = aliasNames('RU', 'Russia');
    expect(aliases).toEqual(
      expect.arrayContaining([
        { name: 'Russian Federation', kind: 'official' },
        { name: 'Moscow', kind: 'capital' },
        { name: 'Russian', kind: 'demonym' },
        { name: 'Российская Федерация', kind: 'spelling' },
        { name: 'Russland', kind: 'translation', language: 'de' },
      ])
    );
    expect(aliases.some((alias) => alias.name === 'Russia' || alias.name === 'RU')).toBe(false);
    const folded = aliases.map((alias) => alias.name.toLowerCase());
    expect(new Set(folded).size).toBe(folded.length);
  });

  it('says "Washington" for the capital "Washington D.C.", and keeps acronyms longer than an ISO code', () => {
    const aliases = aliasNames('US', 'United States');
    expect(aliases).toEqual(expect.arrayContaining([{ name: 'Washington D.C.', kind: 'capital' }, { name: 'Washington', kind: 'capital' }, { name: 'USA', kind: 'spelling' }, { name: 'American', kind: 'demonym' }]));
    expect(aliases.some((alias) => alias.name === 'US')).toBe(false);
  });

  it('gives the demonyms that let "French, British and Italian leaders" name three countries', () => {
    expect(aliasNames('FR', 'France').find((alias) => alias.kind === 'demonym')?.name).toBe('French');
    expect(aliasNames('GB', 'United Kingdom').find((alias) => alias.kind === 'demonym')?.name).toBe('British');
    expect(aliasNames('IT', 'Italy').find((alias) => alias.kind === 'demonym')?.name).toBe('Italian');
  });
});

describe('removedAutomaticAliases and missingCountryAliases', () => {
  const russia = all.find((country) => country.cca2 === 'RU')!;

  it('notices an automatic alias an editor deleted, and not a typed one', () => {
    const before = [{ name: 'Moscow', automatic: true }, { name: 'the Kremlin', automatic: false }, { name: 'Russian', automatic: true }];
    expect(removedAutomaticAliases(before, [{ name: 'russian' }])).toEqual(['Moscow']);
  });

  it('adds what is missing, never what the actor has or an editor removed', () => {
    const missing = missingCountryAliases(russia, 'Russia', [{ name: 'moscow' }], ['Russian']);
    const names = missing.map((alias) => alias.name);
    expect(names).toContain('Russian Federation');
    expect(names).not.toContain('Moscow');
    expect(names).not.toContain('Russian');
    expect(missing.every((alias) => alias.automatic === true)).toBe(true);
  });
});

describe('shared demonyms', () => {
  const demonymOf = (code: string) => aliasNames(code, all.find((country) => country.cca2 === code)!.name.common).find((alias) => alias.kind === 'demonym')?.name;

  it('go to the one UN member among the entries that share them', () => {
    expect(demonymOf('FR')).toBe('French');
    expect(demonymOf('TF')).toBeUndefined();
    expect(demonymOf('US')).toBe('American');
    expect(demonymOf('MP')).toBeUndefined();
  });

  it('go to each when several are members, to be ambiguous in the linker', () => {
    expect(demonymOf('CD')).toBe('Congolese');
    expect(demonymOf('CG')).toBe('Congolese');
  });
});

describe('Capitals that speak for an organization', () => {
  test('Brussels - should not be an alias of Belgium, whose other names stay, while Paris stays France\'s', () => {
    const names = (code: string, actorName: string) => aliasNames(code, actorName).map((alias) => alias.name);
    const belgium = names('BE', 'Belgium');
    expect(belgium).not.toContain('Brussels');
    expect(belgium).toContain('Belgian');
    expect(names('FR', 'France')).toContain('Paris');
  });
});
