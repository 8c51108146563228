/**
 * Countries where a person's name ends with two family names, the father's then the mother's, and
 * copy calls the person by the father's alone after the first mention ("Gonzalo Rojas Tito" ... "Rojas
 * said"), or by both ("Rojas Tito said"): the Spanish naming custom, by ISO 3166-1 alpha-2 code. Not
 * Portuguese-speaking countries, where the family name used alone is the last one, as in English.
 *
 * Used only for a person whose country an editor gave: a middle name elsewhere ("Mary Ann Smith",
 * "John Fitzgerald Kennedy") is no family name, and "Ann said" must not name Mary Ann Smith.
 * Maintained here, as no maintained package lists naming customs by country.
 */
export const PATERNAL_SURNAME_COUNTRIES: ReadonlySet<string> = new Set([
  'AR', 'BO', 'CL', 'CO', 'CR', 'CU', 'DO', 'EC', 'ES', 'GQ', 'GT', 'HN', 'MX', 'NI', 'PA', 'PE', 'PR', 'PY', 'SV', 'UY', 'VE',
]);

/**
 * The family names a full name gives for a person of `country`: the last word, and where the Spanish
 * custom holds and the name has three words or more, the father's name (the second-to-last word) alone
 * and with the mother's ("Rojas", "Rojas Tito", "Tito" for "Gonzalo Rojas Tito").
 * @param words the name's words, in order
 */
export function familyNames(words: readonly string[], country: string | null | undefined): string[] {
  if (words.length < 2) return [];
  const last = words[words.length - 1]!;
  if (words.length < 3 || !country || !PATERNAL_SURNAME_COUNTRIES.has(country.toUpperCase())) return [last];
  const paternal = words[words.length - 2]!;
  return [last, paternal, `${paternal} ${last}`];
}
