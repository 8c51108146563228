import type { CountryWords } from '../countries/country-words';
import { foldPhrase, tokenize } from './text-folding';

/**
 * Role descriptors read from a position's title, for an actor entered in a hurry (a title and dates,
 * no descriptors): "President of Ukraine" gives "Ukrainian president", "Ukraine president" (and so
 * "Ukraine's president", which folds the same), "Ukrainian leader"; "Minister of Economy, Trade and
 * Industry" of a Japanese person gives "Japanese economy minister", "Japan trade minister"... They are
 * matched with the position's dates, like the descriptors an editor types, so "the Russian president"
 * is whoever held the office on the story's date.
 *
 * Only national offices are read, and only with a country: from the title ("of Ukraine", "Ukrainian
 * President"), else the person's own country. "President of the Central Bank of Bolivia" or "General
 * Secretary of the SNCTA" give nothing: the office belongs to an organization, and "the Bolivian
 * president" is someone else.
 */

/** Offices whose holder copy also calls the country's leader ("the Ukrainian leader"). */
const LEADER_OFFICES = new Set(['president', 'prime minister', 'premier', 'chancellor', 'king', 'queen', 'emir', 'supreme leader']);
/** Other national offices copy names by country ("the U.S. vice president", "the U.S. secretary of state"). */
const NATIONAL_OFFICES = new Set([...LEADER_OFFICES, 'vice president', 'deputy prime minister', 'secretary of state', 'attorney general']);
/** Words before a minister that say nothing of the portfolio ("Federal Minister for..."). */
const RANKS = new Set(['federal', 'state', 'cabinet', 'senior']);
/** Portfolios as copy shortens them before "minister": "Foreign Affairs" is "foreign". */
const PORTFOLIO_SHORT_FORMS: ReadonlyMap<string, string> = new Map([
  ['foreign affairs', 'foreign'],
  ['external affairs', 'foreign'],
  ['home affairs', 'interior'],
  ['internal affairs', 'interior'],
  ['economic affairs', 'economy'],
  ['public finance', 'finance'],
  ['public finances', 'finance'],
  ['finances', 'finance'],
  ['national defence', 'defence'],
  ['national defense', 'defense'],
]);
const MINISTER_WORDS = new Set(['minister', 'secretary']);

/** "Economy, Trade and Industry": economy, trade, industry; "the Economy and Finance": economy, finance. */
function portfoliosOf(complement: string): string[] {
  return complement
    .split(/,|\band\b|&/i)
    .map((part) => foldPhrase(part).replace(/^the /, ''))
    .filter((part) => part !== '')
    .map((part) => PORTFOLIO_SHORT_FORMS.get(part) ?? (part.split(' ').length === 1 ? part : ''))
    .filter((part) => part !== '');
}

/** The offices a title names, as copy writes them after a country word ("president", "trade minister"). */
function officesOf(head: string, complement: string | null): string[] {
  const words = head.split(' ').filter((word) => !RANKS.has(word));
  const deputy = words[0] === 'deputy' && words.length > 1 ? 'deputy ' : '';
  const office = (deputy ? words.slice(1) : words).join(' ');
  if (MINISTER_WORDS.has(office) && complement) {
    // "Secretary of State for Transport" is the transport secretary; "Secretary of State" alone an office.
    const portfolio = office === 'secretary' ? complement.replace(/^state\s+for\s+/i, '') : complement;
    if (office === 'secretary' && portfolio === complement) return NATIONAL_OFFICES.has(`secretary of ${foldPhrase(complement)}`) ? [`secretary of ${foldPhrase(complement)}`] : [];
    return portfoliosOf(portfolio).map((short) => `${deputy}${short} ${office}`);
  }
  // What is left after "of" is not a country: the office is an organization's ("President of the Central Bank").
  if (complement) return [];
  // "Commerce Secretary", "Foreign Minister": the portfolio is written before the office.
  if (MINISTER_WORDS.has(words[words.length - 1]!) && words.length >= 2) return [`${deputy}${office}`];
  return NATIONAL_OFFICES.has(`${deputy}${office}`) ? [`${deputy}${office}`] : [];
}

/**
 * The role descriptors a position's title gives (see above), without an article; none for an office
 * that is not national or whose country is unknown.
 * @param personCountry the actor's own country (ISO code), for a title that names none ("Prime Minister")
 */
export function officeDescriptors(title: string | null | undefined, personCountry: string | null | undefined, countries: CountryWords): string[] {
  // What follows a semicolon or a bracket is a note ("President of Ukraine (acting)").
  const text = (title ?? '').split(/[;(]/)[0]!.trim();
  const tokens = tokenize(text);
  if (tokens.length === 0) return [];
  const joiner = tokens.findIndex((token, position) => position > 0 && (token.folded === 'of' || token.folded === 'for'));
  let headWords = (joiner === -1 ? tokens : tokens.slice(0, joiner)).map((token) => token.original);
  // Without the leading "the", and up to a comma only when no list of portfolios follows "of".
  let complement = joiner === -1 || joiner + 1 >= tokens.length ? null : text.slice(tokens[joiner + 1]!.start).replace(/^the\s+/i, '').trim();

  // The country: named after "of" ("President of Ukraine", "Minister of Foreign Affairs of Egypt"),
  // before the office ("Ukrainian President", "U.S. Secretary of State"), or the person's own.
  let code: string | undefined;
  if (complement) {
    const wholeCountry = countries.codeOf(foldPhrase(complement));
    if (wholeCountry) {
      code = wholeCountry;
      complement = null;
    } else {
      const complementTokens = tokenize(complement);
      const lastOf = complementTokens.map((token) => token.folded).lastIndexOf('of');
      const trailingCountry = lastOf > 0 ? countries.codeOf(foldPhrase(complement.slice(complementTokens[lastOf + 1]?.start ?? complement.length)).replace(/^the /, '')) : undefined;
      if (trailingCountry) {
        code = trailingCountry;
        complement = complement.slice(0, complementTokens[lastOf]!.start).trim();
      }
    }
  }
  for (let length = Math.min(3, headWords.length - 1); length >= 1 && !code; length -= 1) {
    const prefix = countries.codeOf(foldPhrase(headWords.slice(0, length).join(' ')));
    if (prefix) {
      code = prefix;
      headWords = headWords.slice(length);
    }
  }
  code ??= personCountry ?? undefined;
  if (!code) return [];

  const offices = officesOf(foldPhrase(headWords.join(' ')), complement);
  const descriptors = new Set<string>();
  for (const word of countries.wordsOf(code)) {
    for (const office of offices) {
      descriptors.add(`${word} ${office}`);
      if (LEADER_OFFICES.has(office)) descriptors.add(`${word} leader`);
    }
  }
  return [...descriptors];
}
