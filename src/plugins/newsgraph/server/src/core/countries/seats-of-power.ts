/**
 * Seats of power that news copy writes for a country's government: official residences and seats of
 * government ("the Élysée said", "Downing Street denied", "the Kremlin launched"), and ministries
 * known by their building or street ("the Quai d'Orsay", "the Farnesina"), by ISO 3166-1 alpha-2
 * code. A country actor gets them as automatic aliases (country-enrichment.ts), which an editor may
 * delete like the others; the linker counts them, like capitals, only when they act, not after a
 * preposition of place ("talks at the Kremlin").
 *
 * Maintained here, as no maintained package lists them. To add one: a name that names one
 * government only, in the form wire copy uses, without a leading article; the name of a
 * building that several countries use ("State House", "National Palace", "Government House") does
 * not belong here, nor a ministry's generic English name ("Foreign Office" is also Germany's), nor one that has stopped being the seat for more than a few years (copy
 * still says "the Blue House" of South Korea's presidency moved in 2022, so it stays for now).
 * Keep each country's list in alphabetical order of code.
 */
export const SEATS_OF_POWER: Readonly<Record<string, readonly string[]>> = {
  AR: ['Casa Rosada'],
  BR: ['Palácio do Planalto', 'Planalto', 'Itamaraty'],
  CN: ['Zhongnanhai'],
  DE: ['Bundeskanzleramt'],
  ES: ['Moncloa', 'Palacio de la Moncloa'],
  FR: ['Élysée', 'Élysée Palace', 'Matignon', "Quai d'Orsay"],
  GB: ['Downing Street', 'Whitehall', 'Home Office'],
  GR: ['Maximos Mansion'],
  IN: ['South Block', 'Raisina Hill'],
  IT: ['Palazzo Chigi', 'Farnesina', 'Quirinale'],
  JP: ['Kantei', 'Kasumigaseki'],
  KR: ['Blue House'],
  NL: ['Binnenhof'],
  PH: ['Malacañang', 'Malacañang Palace'],
  RU: ['Kremlin'],
  UA: ['Bankova'],
  US: ['White House', 'Oval Office', 'Pentagon', 'State Department', 'Foggy Bottom'],
  ZA: ['Union Buildings'],
};

/**
 * Seats of government that are not the capital the gazetteer (world-countries) gives: copy datelines
 * its stories there and names the government by them ("LA PAZ, Bolivia", "La Paz rejected the
 * plan"), while the constitutional capital is elsewhere (Sucre). A country actor gets them as it gets
 * its capital: an automatic alias that speaks for the country when it acts, a place after a preposition
 * of place ("in La Paz" names nobody). Not here: a seat that copy uses for an organization more than
 * for the country ("The Hague", the international courts), nor a former capital. By ISO 3166-1
 * alpha-2 code, in alphabetical order.
 */
export const SEATS_OF_GOVERNMENT: Readonly<Record<string, readonly string[]>> = {
  BJ: ['Cotonou'],
  BO: ['La Paz'],
  CI: ['Abidjan'],
  MY: ['Putrajaya'],
};

/**
 * Initialisms that news copy writes with dots, for the countries whose undotted form is a two-letter
 * code the gazetteer leaves out ("US", "UK": see isIsoCode in country-enrichment.ts). A dotted form
 * cannot be mistaken for a word. As an alias it is an acronym: it matches "U.S." anywhere and "US"
 * written in capitals, except in a text written in capitals, where "US" may be the pronoun; "us"
 * never.
 */
export const DOTTED_FORMS: Readonly<Record<string, readonly string[]>> = {
  GB: ['U.K.'],
  US: ['U.S.'],
};

/**
 * Plurals for the people, and so for the country acting ("the Saudis drafted", "the Turks refused"),
 * that are not the demonym plus "s" (see pluralDemonym): the gazetteer's demonym is "Saudi Arabian",
 * "Turkish", "Polish". By ISO 3166-1 alpha-2 code, in alphabetical order; a plural that copy uses of
 * one country only.
 */
export const IRREGULAR_PLURAL_DEMONYMS: Readonly<Record<string, readonly string[]>> = {
  DK: ['Danes'],
  ES: ['Spaniards'],
  FI: ['Finns'],
  GB: ['Britons'],
  NZ: ['New Zealanders'],
  PL: ['Poles'],
  SA: ['Saudis'],
  SE: ['Swedes'],
  TR: ['Turks'],
};

/** Demonyms whose plural is the singular ("the French", "the Chinese", "the Swiss") or not a plain "s" away. */
const NO_PLAIN_PLURAL = /(?:ese|ish|ch|sh|ss|s|x|z|ic|y|a|abe|ar|men|otho|vanuatu)$/i;

/**
 * The plural a demonym takes for the people, and so for the country acting ("the Americans
 * responded", "the Israelis said"): the demonym and "s", unless it has none of its own ("the
 * French sent", where the demonym itself already names the country).
 */
export function pluralDemonym(demonym: string): string | null {
  const trimmed = demonym.trim();
  if (!trimmed || /\s/.test(trimmed) || NO_PLAIN_PLURAL.test(trimmed)) return null;
  return `${trimmed}s`;
}
