import { foldPhrase } from '../linking/text-folding';
import { countryAliases, type CountryRecord } from './country-enrichment';

/**
 * The words copy puts before an office to say whose it is: "the Ukrainian president", "the U.S.
 * leader", "Russia's president", "the French transport minister". Used to read role descriptors from
 * a position's title (core/linking/office-descriptors.ts).
 */
export interface CountryWords {
  /** The ISO code of the country a folded phrase names ("ukraine", "ukrainian", "us"), when it names one only. */
  codeOf(foldedPhrase: string): string | undefined;
  /** A country's English names of three words or fewer, its dotted form and its demonym, as written. */
  wordsOf(code: string): readonly string[];
}

/** Latin script only: a translation or a name in another script is not what English copy writes. */
const LATIN = /^[\p{Script=Latin}\s.'\u2019-]+$/u;

const built = new WeakMap<readonly CountryRecord[], CountryWords>();

/** The CountryWords of a gazetteer, built once per data set. */
export function countryWords(countries: readonly CountryRecord[]): CountryWords {
  let words = built.get(countries);
  if (words) return words;
  const byCode = new Map<string, string[]>();
  const codes = new Map<string, string | null>();
  for (const country of countries) {
    const singularDemonyms = new Set([country.demonyms?.eng?.m, country.demonyms?.eng?.f].filter((name): name is string => Boolean(name)));
    const names = [
      country.name.common,
      ...countryAliases(country, country.name.common, countries)
        .filter((alias) => ['official', 'spelling', 'dotted'].includes(alias.kind) || (alias.kind === 'demonym' && singularDemonyms.has(alias.name)))
        .map((alias) => alias.name),
    ].filter((name) => LATIN.test(name) && name.split(/\s+/).length <= 3 && !/^[A-Z]{3}$/.test(name));
    byCode.set(country.cca2, names);
    for (const name of names) {
      const folded = foldPhrase(name);
      // A word two countries share ("Congo", "Guinean") names neither.
      codes.set(folded, codes.has(folded) && codes.get(folded) !== country.cca2 ? null : country.cca2);
    }
  }
  words = {
    codeOf: (foldedPhrase) => codes.get(foldedPhrase) ?? undefined,
    wordsOf: (code) => byCode.get(code) ?? [],
  };
  built.set(countries, words);
  return words;
}
