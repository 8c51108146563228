import { foldPhrase } from '../linking/text-folding';
import { CAPITALS_SPEAKING_FOR_ORGANIZATIONS, countryAliases, type CountryRecord } from './country-enrichment';

/**
 * Folded names that are places before they are actors: every capital of the data set, as the
 * gazetteer gives it to its country ("Washington D.C." and "Washington"), every seat of power, and the
 * capitals that speak for an organization ("Brussels", which Belgium does not get as an alias).
 * A capital that is also its country's name ("Singapore") is the country's name, not a place.
 */
const placeSets = new WeakMap<readonly CountryRecord[], ReadonlySet<string>>();
export function placeNames(countries: readonly CountryRecord[]): ReadonlySet<string> {
  let places = placeSets.get(countries);
  if (!places) {
    const names = new Set<string>([...CAPITALS_SPEAKING_FOR_ORGANIZATIONS].map(foldPhrase));
    for (const country of countries) {
      for (const alias of countryAliases(country, country.name.common)) if (alias.kind === 'capital' || alias.kind === 'seat') names.add(foldPhrase(alias.name));
    }
    places = names;
    placeSets.set(countries, places);
  }
  return places;
}
