import { isHttpUrl } from '../fields/field-validation';
import { isPlainObject } from '../model-spec';
import { VERDICT_RATINGS } from './claim-review';

/**
 * Reads fact-checks published elsewhere from schema.org ClaimReview JSON-LD, as fact-checkers and
 * aggregators publish it: one ClaimReview, an array of them, a DataFeed (whose `dataFeedElement`
 * holds ClaimReviews or DataFeedItems wrapping one in `item`), a JSON-LD `@graph`, or JSON lines
 * holding any of these, one a line. Pure: text or parsed JSON in, clean records and problems out.
 *
 * Nothing here trusts the input. Only the fields below are read, into fresh objects; an item that
 * carries a prototype-polluting key, nests deeper than MAX_DEPTH or holds more than MAX_NODES values
 * is refused whole (it is not a fact-check anyone published by hand); over-long texts are refused,
 * never cut, so that what is stored is what was published.
 */

/** The verdicts an imported rating can map to: the rated values of a statement's verification. */
export const FACT_CHECK_VERDICTS = ['accurate', 'mostly_accurate', 'misleading', 'false', 'unsupported', 'unverifiable'] as const;
export type FactCheckVerdict = (typeof FACT_CHECK_VERDICTS)[number];

export interface ImportedFactCheck {
  claimReviewed: string;
  /** The fact-check's headline (`headline` or `name`), when the publisher gives one. */
  title: string | null;
  /** The publisher's own words for the rating (reviewRating.alternateName), or "value/best" without them. */
  rating: string;
  verdict: FactCheckVerdict;
  ratingValue: number | null;
  bestRating: number | null;
  worstRating: number | null;
  url: string;
  publisher: string | null;
  /** YYYY-MM-DD */
  datePublished: string | null;
  language: string | null;
  claimAuthor: string | null;
}

/** Why one item was refused: its position (0-based in its array or feed) and, for JSON lines, its line (1-based). */
export interface ImportProblem {
  index: number;
  line: number | null;
  path: string;
  message: string;
}

export interface ParsedClaimReviews {
  factChecks: ImportedFactCheck[];
  problems: ImportProblem[];
}

/** The whole input is not JSON (nor JSON lines): nothing in it can be read. */
export class ClaimReviewFormatError extends Error {}

export const MAX_CLAIM_LENGTH = 5000; // a statement's text holds as much
export const MAX_URL_LENGTH = 2048;
export const MAX_NAME_LENGTH = 255;
export const MAX_TITLE_LENGTH = 1000;
export const MAX_DEPTH = 16;
export const MAX_NODES = 2000;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

/**
 * Publishers' rating words, folded (lower case, letters and digits only), mapped to our verdicts.
 * Sources: the ratings of PolitiFact, Snopes, Full Fact, AFP, Reuters, the Washington Post and
 * Google's Fact Check Explorer as they appear in ClaimReview feeds, and our own output
 * (VERDICT_RATINGS' names). Mixed ratings ("half true", "mixture", "partly false", "mostly false")
 * become `misleading`: a claim with a true part that leaves a false impression; "unproven" and its
 * kin become `unsupported`: no evidence for it, as our own verdict means. A word that is not here is
 * not guessed at: the item is refused unless it has a numeric rating.
 */
// A Map, not an object literal: a rating named "constructor" must find nothing.
const RATING_WORDS = new Map<string, FactCheckVerdict>();
const addRatings = (verdict: FactCheckVerdict, words: string[]) => words.forEach((word) => RATING_WORDS.set(foldRating(word), verdict));
addRatings('accurate', ['true', 'accurate', 'correct', 'verified', 'confirmed', 'fact', 'right', 'correct attribution', 'geppetto checkmark', 'legit', 'real']);
addRatings('mostly_accurate', ['mostly true', 'mostly accurate', 'mostly correct', 'largely accurate', 'largely true', 'one pinocchio']);
addRatings('misleading', [
  'misleading', 'half true', 'half truth', 'mixture', 'mixed', 'partly true', 'partially true', 'partly false', 'partially false', 'mostly false',
  'missing context', 'lacks context', 'needs context', 'out of context', 'cherry picks', 'exaggerated', 'exaggeration', 'distorts the facts',
  'spins the facts', 'miscaptioned', 'two pinocchios', 'three pinocchios', 'flip flop', 'full flop', 'half flip',
]);
addRatings('false', [
  'false', 'incorrect', 'inaccurate', 'wrong', 'not true', 'fake', 'fake news', 'hoax', 'fabricated', 'pants on fire', 'four pinocchios',
  'altered', 'manipulated', 'doctored', 'scam', 'misattributed', 'false headline', 'labeled satire',
]);
addRatings('unsupported', ['unsupported', 'unproven', 'unsubstantiated', 'no evidence', 'baseless', 'unfounded', 'not proven', 'lacks evidence']);
addRatings('unverifiable', ['unverifiable', 'cannot be verified', 'can t be verified', 'not verifiable', 'research in progress']);
for (const [verdict, { name }] of Object.entries(VERDICT_RATINGS)) RATING_WORDS.set(foldRating(name), verdict as FactCheckVerdict);

function foldRating(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Our verdict for a publisher's rating: its words first; without known words, its position on its
 * own scale (schema.org's default scale is 1 to 5), read as our VERDICT_RATINGS place them:
 * top eighth accurate, to 5/8 mostly accurate, above the bottom eighth misleading, else false.
 * @returns null when neither says anything we can map
 */
export function ratingToVerdict(rating: { alternateName?: string | null; ratingValue?: number | null; bestRating?: number | null; worstRating?: number | null }): FactCheckVerdict | null {
  const byWords = rating.alternateName ? RATING_WORDS.get(foldRating(rating.alternateName)) : undefined;
  if (byWords) return byWords;
  if (rating.ratingValue === null || rating.ratingValue === undefined) return null;
  const best = rating.bestRating ?? 5;
  const worst = rating.worstRating ?? 1;
  if (!(best > worst) || rating.ratingValue < worst || rating.ratingValue > best) return null;
  const position = (rating.ratingValue - worst) / (best - worst);
  if (position >= 0.875) return 'accurate';
  if (position >= 0.625) return 'mostly_accurate';
  if (position >= 0.125) return 'misleading';
  return 'false';
}

/** An item's own refusal, with the path of the field at fault. */
class ItemProblem extends Error {
  constructor(
    readonly path: string,
    message: string
  ) {
    super(message);
  }
}

/**
 * Refuses what no publisher writes by hand: prototype-polluting keys, nesting deeper than MAX_DEPTH,
 * more than MAX_NODES values. Iterative, so that hostile depth cannot overflow the stack.
 */
function assertHarmless(value: unknown): void {
  const stack: Array<{ value: unknown; depth: number; path: string }> = [{ value, depth: 0, path: '' }];
  let nodes = 0;
  while (stack.length > 0) {
    const { value: current, depth, path } = stack.pop()!;
    nodes += 1;
    if (nodes > MAX_NODES) throw new ItemProblem(path, `the item holds more than ${MAX_NODES} values`);
    if (depth > MAX_DEPTH) throw new ItemProblem(path, `the item nests deeper than ${MAX_DEPTH} levels`);
    if (Array.isArray(current)) current.forEach((child, index) => stack.push({ value: child, depth: depth + 1, path: join(path, String(index)) }));
    else if (typeof current === 'object' && current !== null) {
      for (const key of Object.keys(current)) {
        if (FORBIDDEN_KEYS.has(key)) throw new ItemProblem(join(path, key), `the key "${key}" is not allowed`);
        stack.push({ value: (current as Record<string, unknown>)[key], depth: depth + 1, path: join(path, key) });
      }
    }
  }
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/** A schema.org value that may be given once or as a list: its first. */
const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);

function optionalText(value: unknown, path: string, max: number): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new ItemProblem(path, `${path} must be text`);
  const text = value.trim();
  if (text.length > max) throw new ItemProblem(path, `${path} is longer than ${max} characters`);
  return text === '' ? null : text;
}

function optionalNumber(value: unknown, path: string): number | null {
  if (value === undefined || value === null || value === '') return null;
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.length <= 32 ? Number(value) : NaN;
  if (!Number.isFinite(number)) throw new ItemProblem(path, `${path} must be a number`);
  return number;
}

/** A Person or Organization: a name as text, or an object with `name`. */
function nameOf(value: unknown, path: string): string | null {
  const entity = first(value);
  if (typeof entity === 'string') return optionalText(entity, path, MAX_NAME_LENGTH);
  if (isPlainObject(entity)) return optionalText(first(entity.name), `${path}.name`, MAX_NAME_LENGTH);
  return null;
}

function languageOf(value: unknown): string | null {
  const language = first(value);
  const tag = isPlainObject(language) ? (language.alternateName ?? language.name) : language;
  const text = optionalText(tag, 'inLanguage', 35);
  if (text !== null && !LANGUAGE_TAG.test(text)) throw new ItemProblem('inLanguage', 'inLanguage must be a language tag such as en or pt-BR');
  return text;
}

function dateOf(value: unknown): string | null {
  const text = optionalText(value, 'datePublished', 64);
  if (text === null) return null;
  const day = /^\d{4}-\d{2}-\d{2}/.exec(text)?.[0];
  if (!day || Number.isNaN(Date.parse(`${day}T00:00:00Z`)) || new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day) {
    throw new ItemProblem('datePublished', 'datePublished must be a date such as 2024-05-31');
  }
  return day;
}

/** @throws ItemProblem naming the first field at fault */
function readClaimReview(item: unknown): ImportedFactCheck {
  if (!isPlainObject(item)) throw new ItemProblem('', 'an item must be a ClaimReview object');
  assertHarmless(item);
  const type = item['@type'];
  if (type !== undefined && !(Array.isArray(type) ? type : [type]).includes('ClaimReview')) throw new ItemProblem('@type', '@type must be ClaimReview');

  const url = optionalText(item.url, 'url', MAX_URL_LENGTH);
  if (url === null || !isHttpUrl(url)) throw new ItemProblem('url', 'url must be the http or https address of the fact-check');
  const claimReviewed = optionalText(item.claimReviewed, 'claimReviewed', MAX_CLAIM_LENGTH);
  if (claimReviewed === null) throw new ItemProblem('claimReviewed', 'claimReviewed must be the text of the claim');

  const reviewRating = first(item.reviewRating);
  if (!isPlainObject(reviewRating)) throw new ItemProblem('reviewRating', 'reviewRating must give alternateName or ratingValue');
  const alternateName = optionalText(first(reviewRating.alternateName), 'reviewRating.alternateName', MAX_NAME_LENGTH);
  const ratingValue = optionalNumber(reviewRating.ratingValue, 'reviewRating.ratingValue');
  const bestRating = optionalNumber(reviewRating.bestRating, 'reviewRating.bestRating');
  const worstRating = optionalNumber(reviewRating.worstRating, 'reviewRating.worstRating');
  if (alternateName === null && ratingValue === null) throw new ItemProblem('reviewRating', 'reviewRating must give alternateName or ratingValue');
  const verdict = ratingToVerdict({ alternateName, ratingValue, bestRating, worstRating });
  if (verdict === null) {
    const said = alternateName !== null ? `"${alternateName}"` : `${ratingValue} on a scale from ${worstRating ?? 1} to ${bestRating ?? 5}`;
    throw new ItemProblem(alternateName !== null ? 'reviewRating.alternateName' : 'reviewRating.ratingValue', `unknown rating ${said}: it maps to no verdict`);
  }

  const itemReviewed = first(item.itemReviewed);
  return {
    claimReviewed,
    title: optionalText(first(item.headline ?? item.name), item.headline !== undefined ? 'headline' : 'name', MAX_TITLE_LENGTH),
    rating: alternateName ?? `${ratingValue}/${bestRating ?? 5}`,
    verdict,
    ratingValue,
    bestRating,
    worstRating,
    url,
    publisher: nameOf(item.author, 'author') ?? nameOf(item.publisher, 'publisher'),
    datePublished: dateOf(item.datePublished),
    language: languageOf(item.inLanguage),
    claimAuthor: isPlainObject(itemReviewed) ? nameOf(itemReviewed.author, 'itemReviewed.author') : null,
  };
}

/** The ClaimReview items of one JSON document, each with its position; not their contents. */
function itemsOf(document: unknown): unknown[] {
  if (Array.isArray(document)) return document.map(unwrapFeedItem);
  if (isPlainObject(document)) {
    for (const key of Object.keys(document)) if (FORBIDDEN_KEYS.has(key)) throw new ItemProblem(key, `the key "${key}" is not allowed`);
    if (Array.isArray(document.dataFeedElement)) return document.dataFeedElement.map(unwrapFeedItem);
    if (Array.isArray(document['@graph'])) return document['@graph'].map(unwrapFeedItem);
    if (document.dataFeedElement !== undefined || document['@type'] === 'DataFeed') throw new ItemProblem('dataFeedElement', 'a DataFeed must list its items in dataFeedElement');
    return [document];
  }
  throw new ItemProblem('', 'expected a ClaimReview, an array of them or a DataFeed');
}

/** A DataFeedItem wraps its ClaimReview in `item`; a feed may also list ClaimReviews directly. */
function unwrapFeedItem(element: unknown): unknown {
  return isPlainObject(element) && element['@type'] !== 'ClaimReview' && element.item !== undefined ? first(element.item) : element;
}

function collect(document: unknown, line: number | null, into: ParsedClaimReviews): void {
  let items: unknown[];
  try {
    items = itemsOf(document);
  } catch (error) {
    if (!(error instanceof ItemProblem)) throw error;
    into.problems.push({ index: 0, line, path: error.path, message: error.message });
    return;
  }
  items.forEach((item, index) => {
    try {
      into.factChecks.push(readClaimReview(item));
    } catch (error) {
      if (!(error instanceof ItemProblem)) throw error;
      into.problems.push({ index, line, path: error.path, message: error.message });
    }
  });
}

/** One record per url: a feed that lists a url twice means its later entry (the newer). */
function lastPerUrl(factChecks: ImportedFactCheck[]): ImportedFactCheck[] {
  return [...new Map(factChecks.map((factCheck) => [factCheck.url, factCheck])).values()];
}

/** Reads a document already parsed from JSON (an HTTP body). */
export function parseClaimReviewDocument(document: unknown): ParsedClaimReviews {
  const parsed: ParsedClaimReviews = { factChecks: [], problems: [] };
  collect(document, null, parsed);
  return { factChecks: lastPerUrl(parsed.factChecks), problems: parsed.problems };
}

/**
 * Reads a file's text: one JSON document, or JSON lines (a document a line; blank lines skipped).
 * @throws ClaimReviewFormatError when it is neither, saying where it broke
 */
export function parseClaimReviewText(text: string): ParsedClaimReviews {
  const body = text.replace(/^\uFEFF/, '');
  let whole: unknown;
  let wholeError: Error | null = null;
  try {
    whole = JSON.parse(body);
  } catch (error) {
    wholeError = error as Error;
  }
  if (!wholeError) return parseClaimReviewDocument(whole);

  const lines = body.split(/\r?\n/);
  const firstLine = lines.findIndex((line) => line.trim() !== '');
  if (firstLine === -1) throw new ClaimReviewFormatError('the file is empty');
  if (!parsesAsJson(lines[firstLine]!)) throw new ClaimReviewFormatError(`not JSON nor JSON lines: ${wholeError.message}`);

  const parsed: ParsedClaimReviews = { factChecks: [], problems: [] };
  lines.forEach((line, position) => {
    if (line.trim() === '') return;
    let document: unknown;
    try {
      document = JSON.parse(line);
    } catch (error) {
      parsed.problems.push({ index: 0, line: position + 1, path: '', message: `not valid JSON: ${(error as Error).message}` });
      return;
    }
    collect(document, position + 1, parsed);
  });
  return { factChecks: lastPerUrl(parsed.factChecks), problems: parsed.problems };
}

function parsesAsJson(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false; // a syntax error is the answer asked for
  }
}

/** A problem as one line for people: "line 3, item 2, reviewRating.alternateName: unknown rating ...". */
export function describeProblem(problem: ImportProblem): string {
  const where = [problem.line !== null ? `line ${problem.line}` : null, `item ${problem.index + 1}`, problem.path || null].filter(Boolean).join(', ');
  return `${where}: ${problem.message}`;
}
