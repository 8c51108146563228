import { foldPhrase } from '../linking/text-folding';
import { DOTTED_FORMS, IRREGULAR_PLURAL_DEMONYMS, SEATS_OF_GOVERNMENT, SEATS_OF_POWER, pluralDemonym } from './seats-of-power';

/**
 * What Newsgraph reads of a country in the `world-countries` data set (its `Country` type, narrowed
 * to the fields used here so that the core stays free of the package).
 */
export interface CountryRecord {
  cca2: string;
  cca3: string;
  unMember?: boolean;
  name: { common: string; official: string };
  altSpellings: string[];
  capital: string[];
  demonyms?: Record<string, { f: string; m: string }>;
  translations?: Record<string, { common: string; official: string }>;
}

export type CountryAliasKind = 'name' | 'official' | 'spelling' | 'dotted' | 'translation' | 'capital' | 'seat' | 'demonym';

/** An alias the enrichment proposes for a country actor, with where it comes from. */
export interface CountryAlias {
  name: string;
  kind: CountryAliasKind;
  /** BCP 47, for names in another language. */
  language?: string;
}

export type CountryMatch = { country: CountryRecord } | { ambiguous: CountryRecord[] } | null;

/** ISO codes are not aliases: "IN" or "IS" in capitals would take headlines' words for countries. */
const isIsoCode = (value: string) => /^[A-Z]{2}$/.test(value);

/** ISO 639-3 (world-countries' keys, "deu") to BCP 47 ("de"), by the platform's own canonicalization. */
function bcp47(code: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(code)[0];
  } catch {
    return undefined;
  }
}

/**
 * English names that copy uses for a country and world-countries does not give it: the data set
 * follows each country's own preference ("Türkiye", "Czechia", "United Kingdom"), while style guides
 * and wire copy still say "Turkey", "the Czech Republic" and "Britain". Each names one country only;
 * an actor so named is found, and a country actor gets the name as an automatic alias (an editor can
 * remove it, as any other).
 */
export const NEWS_NAMES_MISSING_FROM_DATA: Readonly<Record<string, readonly string[]>> = {
  TR: ['Turkey'],
  GB: ['Britain'],
  CZ: ['Czech Republic'],
  CV: ['Cabo Verde'],
};

/** The names a country is known by, in English (the data's and copy's) and in the data set's translations. */
function namesOf(country: CountryRecord): string[] {
  return [
    country.name.common,
    country.name.official,
    ...country.altSpellings.filter((spelling) => !isIsoCode(spelling)),
    ...(NEWS_NAMES_MISSING_FROM_DATA[country.cca2] ?? []),
    ...Object.values(country.translations ?? {}).flatMap((names) => [names.common, names.official]),
  ];
}

/**
 * Short names that copy says of more than one country though the data set gives each to one, so
 * that the data alone would pick a country an editor did not mean. "Congo" is only the Republic of
 * the Congo's alternative spelling in world-countries, yet wire copy says it of the Democratic
 * Republic of the Congo as often ("Congo's M23 rebels"); "Virgin Islands" is only the British
 * territory's official name there, yet American copy means the US territory. Each country listed
 * answers to the name (it is among its aliases, so the linker sees the ambiguity too), and an actor
 * so named gets nothing until an editor gives it its ISO code. Names the data itself shares
 * ("Sudan", "Kongo", "Saint Martin", "Congolese") need no entry here.
 */
export const AMBIGUOUS_SHORT_NAMES: Readonly<Record<string, readonly string[]>> = {
  Congo: ['CG', 'CD'],
  'Virgin Islands': ['VG', 'VI'],
};

/** The short names above that name `country`. */
const ambiguousShortNamesOf = (country: CountryRecord) => Object.keys(AMBIGUOUS_SHORT_NAMES).filter((name) => AMBIGUOUS_SHORT_NAMES[name]!.includes(country.cca2));

/** The words that stand for a country's people, in every language the data set gives. */
const demonymsOf = (country: CountryRecord) => Object.values(country.demonyms ?? {}).flatMap((demonym) => [demonym.m, demonym.f]);

interface NameIndexes {
  /** Folded name to the countries that have it as a name, spelling or translation. */
  names: Map<string, CountryRecord[]>;
  /** Folded word to every country that answers to it: its names, its demonyms, the short names above. */
  answers: Map<string, CountryRecord[]>;
}

/** Every folded name to the countries it names, built once per data set. */
const nameIndexes = new WeakMap<readonly CountryRecord[], NameIndexes>();
function nameIndexesOf(countries: readonly CountryRecord[]): NameIndexes {
  let indexes = nameIndexes.get(countries);
  if (!indexes) {
    const names = new Map<string, CountryRecord[]>();
    const answers = new Map<string, CountryRecord[]>();
    const put = (index: Map<string, CountryRecord[]>, words: readonly string[], country: CountryRecord) => {
      for (const word of new Set(words.map(foldPhrase))) if (word) index.set(word, [...(index.get(word) ?? []), country]);
    };
    for (const country of countries) {
      put(names, [...namesOf(country), ...ambiguousShortNamesOf(country)], country);
      put(answers, [...namesOf(country), ...demonymsOf(country), ...ambiguousShortNamesOf(country)], country);
    }
    indexes = { names, answers };
    nameIndexes.set(countries, indexes);
  }
  return indexes;
}

/**
 * The country an actor is: its ISO code (alpha-2 or alpha-3) if given, else its name or official
 * name among every country's names. A name that more than one country answers to, by a name,
 * spelling, translation or demonym in the data ("Sudan", "Kongo") or in copy (AMBIGUOUS_SHORT_NAMES:
 * "Congo"), is `ambiguous`, and nothing is guessed.
 */
export function findCountry(countries: readonly CountryRecord[], actor: { name: string; officialName?: string | null; isoCode?: string | null }): CountryMatch {
  const code = actor.isoCode?.trim().toUpperCase();
  if (code) {
    const byCode = countries.find((country) => country.cca2 === code || country.cca3 === code);
    if (byCode) return { country: byCode };
  }
  const { names, answers } = nameIndexesOf(countries);
  const wanted = [actor.name, actor.officialName].filter((name): name is string => Boolean(name?.trim())).map(foldPhrase);
  const found = [...new Set(wanted.filter((name) => names.has(name)).flatMap((name) => answers.get(name) ?? []))];
  if (found.length === 1) return { country: found[0]! };
  if (found.length > 1) return { ambiguous: found };
  return null;
}

/**
 * Whether a country takes its demonym as an alias. Several entries of the data set share some
 * ("French": France and the French Southern and Antarctic Lands; "American": the United States and
 * the Northern Mariana Islands): the demonym then goes to the one UN member among them, which is
 * what the word means in copy. Where none or several are members ("Congolese", "Dominican"), each
 * gets it, and the linker treats the word as the ambiguous name it is.
 */
export function ownsDemonym(country: CountryRecord, everyCountry: readonly CountryRecord[]): boolean {
  const demonym = country.demonyms?.eng?.m;
  if (!demonym) return false;
  const sharing = everyCountry.filter((other) => other.demonyms?.eng?.m === demonym);
  if (sharing.length <= 1) return true;
  const members = sharing.filter((other) => other.unMember);
  return members.length === 1 ? members[0]!.cca2 === country.cca2 : true;
}

/**
 * Capitals whose name, used as a metonym, stands for an organization seated there (see countryAliases
 * and ORGANIZATION_SEATS in organization-aliases.ts). Still places: "in Brussels" names nobody.
 */
export const CAPITALS_SPEAKING_FOR_ORGANIZATIONS: ReadonlySet<string> = new Set(['Brussels']);

/**
 * The aliases a country actor gets: its common and official names, alternative spellings, the
 * dotted initialism news writes ("U.S.", "U.K.": see DOTTED_FORMS), names in other languages, the
 * capital as a metonym ("Moscow" said for Russia; "Washington" for the capital "Washington D.C."),
 * its seats of power ("Kremlin": see SEATS_OF_POWER), and the demonym as a descriptor ("Russian", so
 * that "Russian officials" mentions Russia) with its plural ("Russians"). Each once (folded), never the actor's own name, never a bare ISO code.
 * `everyCountry` settles demonyms that several entries share (see ownsDemonym).
 */
export function countryAliases(country: CountryRecord, actorName: string, everyCountry: readonly CountryRecord[] = []): CountryAlias[] {
  const aliases: CountryAlias[] = [];
  const seen = new Set([foldPhrase(actorName)]);
  const add = (name: string | undefined, kind: CountryAliasKind, language?: string) => {
    const trimmed = name?.trim();
    if (!trimmed || isIsoCode(trimmed)) return;
    const folded = foldPhrase(trimmed);
    if (!folded || seen.has(folded)) return;
    seen.add(folded);
    aliases.push(language ? { name: trimmed, kind, language } : { name: trimmed, kind });
  };
  add(country.name.common, 'name');
  add(country.name.official, 'official');
  for (const spelling of country.altSpellings) add(spelling, 'spelling');
  for (const name of NEWS_NAMES_MISSING_FROM_DATA[country.cca2] ?? []) add(name, 'spelling');
  // Given to each country it may mean, so that the linker treats it as ambiguous in copy too.
  for (const name of ambiguousShortNamesOf(country)) add(name, 'spelling');
  for (const dotted of DOTTED_FORMS[country.cca2] ?? []) add(dotted, 'dotted');
  // The seat of government where the gazetteer's capital is not it (La Paz for Bolivia) counts as one.
  for (const capital of [...country.capital, ...(SEATS_OF_GOVERNMENT[country.cca2] ?? [])]) {
    // A capital that speaks for an organization seated there far more often than for its country:
    // "Brussels rejected the plan" is the European Union in copy, hardly ever Belgium. An editor who
    // means Belgium adds it as an alias by hand.
    if (CAPITALS_SPEAKING_FOR_ORGANIZATIONS.has(capital)) continue;
    add(capital, 'capital');
    // "Washington D.C." is "Washington" in copy: a trailing abbreviation is dropped too.
    add(capital.replace(/\s+(?:[A-Z]\.){2,}$/, ''), 'capital');
  }
  for (const seat of SEATS_OF_POWER[country.cca2] ?? []) add(seat, 'seat');
  const english = country.demonyms?.eng;
  if (english && ownsDemonym(country, everyCountry)) {
    add(english.m, 'demonym');
    add(english.f, 'demonym');
    add(pluralDemonym(english.m) ?? undefined, 'demonym');
    for (const plural of IRREGULAR_PLURAL_DEMONYMS[country.cca2] ?? []) add(plural, 'demonym');
  }
  for (const [code, names] of Object.entries(country.translations ?? {})) {
    const language = bcp47(code);
    add(names.common, 'translation', language);
    add(names.official, 'translation', language);
  }
  return aliases;
}

/** An alias as an actor stores it (the alias component). */
export interface ActorAlias {
  name: string;
  language?: string | null;
  automatic?: boolean | null;
}

/** Automatic aliases an editor took out in a save: in `before`, gone from `after` (folded). */
export function removedAutomaticAliases(before: readonly ActorAlias[], after: readonly ActorAlias[]): string[] {
  const kept = new Set(after.map((alias) => foldPhrase(alias.name)));
  return before.filter((alias) => alias.automatic && !kept.has(foldPhrase(alias.name))).map((alias) => alias.name);
}

/**
 * The country's aliases an actor lacks, marked automatic: less those it already has (typed by an
 * editor or added before) and those an editor removed, which are never added again.
 */
export function missingCountryAliases(country: CountryRecord, actorName: string, existing: readonly ActorAlias[], removed: readonly string[], everyCountry: readonly CountryRecord[] = []): ActorAlias[] {
  const present = new Set([...existing.map((alias) => alias.name), ...removed].map(foldPhrase));
  return countryAliases(country, actorName, everyCountry)
    .filter((alias) => !present.has(foldPhrase(alias.name)))
    .map((alias) => ({ name: alias.name, language: alias.language ?? null, automatic: true }));
}
