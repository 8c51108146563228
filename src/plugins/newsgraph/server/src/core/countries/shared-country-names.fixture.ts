/**
 * For the tests of country enrichment (unit and integration): every spelling in world-countries
 * (names, official names, alternative spellings, translations, demonyms) that more than one country
 * answers to. Walked from the data itself, never from the code under test, so a test built on it
 * can catch a guess the enrichment should not make. Not a test file itself, and excluded from the
 * plugin build.
 */
import { foldPhrase } from '../linking/text-folding';
import type { CountryRecord } from './country-enrichment';

export interface SharedCountryName {
  /** The spellings, as the data writes them, that fold to the same phrase. */
  spellings: Set<string>;
  /** The ISO 3166-1 alpha-2 codes of the countries answering to it: always two or more. */
  codes: Set<string>;
}

export function namesSharedByCountries(countries: readonly CountryRecord[]): SharedCountryName[] {
  const answering = new Map<string, SharedCountryName>();
  for (const country of countries) {
    const words = [
      country.name.common,
      country.name.official,
      // Two-letter codes are not names: the enrichment never adds them.
      ...country.altSpellings.filter((spelling) => !/^[A-Z]{2}$/.test(spelling)),
      ...Object.values(country.translations ?? {}).flatMap((names) => [names.common, names.official]),
      ...Object.values(country.demonyms ?? {}).flatMap((demonym) => [demonym.m, demonym.f]),
    ];
    for (const word of words.filter(Boolean)) {
      const folded = foldPhrase(word);
      const entry = answering.get(folded) ?? { spellings: new Set<string>(), codes: new Set<string>() };
      entry.spellings.add(word);
      entry.codes.add(country.cca2);
      answering.set(folded, entry);
    }
  }
  return [...answering.values()].filter((entry) => entry.codes.size > 1);
}
