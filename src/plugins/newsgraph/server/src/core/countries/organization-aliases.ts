import { foldPhrase, isAcronym, tokenize } from '../linking/text-folding';
import { findCountry, ownsDemonym, type ActorAlias, type CountryRecord } from './country-enrichment';

/**
 * Other names of an organization that copy uses without anyone typing them, added to the actor as
 * automatic aliases (an editor may delete them, and they never come back):
 * - the initialism of a name of several words ("European Union": "EU", "North Atlantic Treaty
 *   Organization": "NATO"), which, being in capitals, matches only in capitals;
 * - the city copy writes for it, for the few organizations in ORGANIZATION_SEATS ("Brussels");
 * - a national body named by its country's demonym, with the country in the possessive ("French
 *   Navy": "France's Navy"), and a ministry by its short form ("Japanese Ministry of Foreign
 *   Affairs": "Japanese Foreign Ministry", "Japan's Foreign Ministry"). Folding drops the possessive,
 *   so "France's navy" and "the France navy" are found alike.
 */

export type OrganizationAliasKind = 'initialism' | 'possessive' | 'ministry' | 'seat';

/**
 * Cities that copy writes for an organization seated there, by the organization's name (folded):
 * "Brussels rejected the offer" is the European Union. Like a capital for its country, the alias counts
 * only when it acts, not after a preposition of place ("talks in Brussels"): the city is among
 * place-names.ts's places. One organization per city, or the linker would find every use ambiguous.
 */
export const ORGANIZATION_SEATS: ReadonlyMap<string, readonly string[]> = new Map([['european union', ['Brussels']]]);

export interface OrganizationAlias {
  name: string;
  kind: OrganizationAliasKind;
}

/** Actor kinds that take organization aliases: bodies, not people or countries (countries have the gazetteer). */
export const ORGANIZATION_KINDS: ReadonlySet<string> = new Set(['organization', 'government', 'institution', 'group', 'media']);

/** Words an initialism skips ("Organization of the Petroleum Exporting Countries": "OPEC"). */
const SKIPPED_WORDS = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'de', 'la', 'le', 'du', 'des', 'del', 'der', 'und']);

/**
 * Initialisms that are words or common abbreviations in capitals ("IT", "US", "PM", "TV", "CEO"):
 * never added, whatever the name, as they would be found where nobody means the organization.
 */
const NOT_AN_INITIALISM = new Set([
  'AM', 'AN', 'AS', 'AT', 'BE', 'BY', 'DO', 'GO', 'HE', 'IF', 'IN', 'IS', 'IT', 'ME', 'MY', 'NO', 'OF', 'OH', 'OK', 'ON', 'OR', 'SO', 'TO', 'UP', 'US', 'WE',
  'AI', 'HQ', 'ID', 'MP', 'PM', 'PR', 'TV', 'CEO', 'CFO', 'DNA', 'FAQ', 'GDP', 'VIP',
  'ALL', 'AND', 'ANY', 'ARE', 'BUT', 'CAN', 'FOR', 'HAS', 'HER', 'HIM', 'HIS', 'HOW', 'ITS', 'NOT', 'NOW', 'OUR', 'OUT', 'SHE', 'THE', 'WAS', 'WHY', 'YES', 'YOU',
]);

/** The initialism of a name of two to six significant words ("EU", "NATO"), or null. */
export function initialismOf(name: string): string | null {
  if (isAcronym(name)) return null;
  const words = tokenize(name).filter((token) => !SKIPPED_WORDS.has(token.folded));
  if (words.length < 2 || words.length > 6 || words.some((word) => !/^\p{L}/u.test(word.original))) return null;
  const initialism = words.map((word) => word.original[0]!.toUpperCase()).join('');
  return NOT_AN_INITIALISM.has(initialism) ? null : initialism;
}

/** Long ministry names and the short form copy uses ("Ministry of Foreign Affairs": "Foreign Ministry"). */
const MINISTRY_SHORT_FORMS: ReadonlyArray<[RegExp, string]> = [
  [/^Ministry of Foreign Affairs$/i, 'Foreign Ministry'],
  [/^Ministry of (?:the )?(?:Interior|Internal Affairs|Home Affairs)$/i, 'Interior Ministry'],
  [/^Ministry of (\p{L}+)$/iu, '$1 Ministry'],
  // "Ministry of Economy and Public Finance": copy names it by its first field, "the economy ministry".
  [/^Ministry of (\p{L}+) and .+$/iu, '$1 Ministry'],
];

function ministryShortForm(name: string): string | null {
  for (const [pattern, short] of MINISTRY_SHORT_FORMS) if (pattern.test(name)) return name.replace(pattern, short);
  return null;
}

/** Every demonym (folded) to the one country it names: a demonym several countries own names none. */
const demonymIndexes = new WeakMap<readonly CountryRecord[], Map<string, CountryRecord>>();
function demonymIndexOf(countries: readonly CountryRecord[]): Map<string, CountryRecord> {
  let index = demonymIndexes.get(countries);
  if (!index) {
    const owners = new Map<string, CountryRecord[]>();
    for (const country of countries) {
      const demonym = country.demonyms?.eng?.m;
      if (!demonym || !ownsDemonym(country, countries)) continue;
      const key = foldPhrase(demonym);
      owners.set(key, [...(owners.get(key) ?? []), country]);
    }
    index = new Map([...owners].filter(([, found]) => found.length === 1).map(([key, found]) => [key, found[0]!]));
    demonymIndexes.set(countries, index);
  }
  return index;
}

/** "France's", "the United States'": a country's name in the possessive. */
function possessive(countryName: string): string {
  return /s$/i.test(countryName) ? `${countryName}'` : `${countryName}'s`;
}

/**
 * The aliases an organization gets (see the module comment), each once (folded), never its own name.
 * @param everyCountry the gazetteer (world-countries), to read demonyms
 */
export function organizationAliases(name: string, everyCountry: readonly CountryRecord[]): OrganizationAlias[] {
  const aliases: OrganizationAlias[] = [];
  const seen = new Set([foldPhrase(name)]);
  const add = (alias: string | null, kind: OrganizationAliasKind) => {
    const folded = alias ? foldPhrase(alias) : '';
    if (!alias || !folded || seen.has(folded)) return;
    seen.add(folded);
    aliases.push({ name: alias, kind });
  };
  const trimmed = name.trim().replace(/\s+/g, ' ');
  add(initialismOf(trimmed), 'initialism');
  for (const seat of ORGANIZATION_SEATS.get(foldPhrase(trimmed)) ?? []) add(seat, 'seat');

  const demonyms = demonymIndexOf(everyCountry);
  const [first, ...others] = trimmed.split(' ');
  const country = first ? demonyms.get(foldPhrase(first)) : undefined;
  const rest = others.join(' ');
  const restShort = ministryShortForm(rest);
  // A ministry named without its country: the short form alone ("Economy Ministry"); which country's
  // it is, where several are in a story, is settled like any name two actors share.
  if (!country) add(ministryShortForm(trimmed), 'ministry');
  if (country && rest) {
    add(restShort && `${first} ${restShort}`, 'ministry');
    add(`${possessive(country.name.common)} ${rest}`, 'possessive');
    add(restShort && `${possessive(country.name.common)} ${restShort}`, 'possessive');
  }
  return aliases;
}

/**
 * The country a national body's name says it belongs to, by its first word: a demonym ("Turkish Armed
 * Forces", "Bolivian Army") or a country's name ("Kenya Defence Forces", "Israel Defense Forces"), as
 * an ISO 3166-1 alpha-2 code; null when the word names no country or several. The linker reads it for
 * an actor entered without a country, to tell which army "the army" is in a story datelined ANKARA.
 */
export function countryOfNationalBody(name: string, everyCountry: readonly CountryRecord[]): string | null {
  const first = name.trim().split(/\s+/)[0];
  if (!first) return null;
  const byDemonym = demonymIndexOf(everyCountry).get(foldPhrase(first));
  if (byDemonym) return byDemonym.cca2;
  const byName = findCountry(everyCountry, { name: first });
  return byName && 'country' in byName ? byName.country.cca2 : null;
}

/**
 * The organization aliases an actor lacks, marked automatic: less those it has and those an editor
 * removed (folded), which are never added again.
 */
export function missingOrganizationAliases(name: string, existing: readonly ActorAlias[], removed: readonly string[], everyCountry: readonly CountryRecord[]): ActorAlias[] {
  const present = new Set([...existing.map((alias) => alias.name), ...removed].map(foldPhrase));
  return organizationAliases(name, everyCountry)
    .filter((alias) => !present.has(foldPhrase(alias.name)))
    .map((alias) => ({ name: alias.name, language: null, automatic: true }));
}
