import type { ItsHelpers, WinkMethods } from 'wink-nlp';
import { findQuantities, type Quantity, type QuantityKind } from './quantities';

/**
 * What the check-worthiness scorer sees in a sentence:
 * - cues a person would name ("states a sum of money", "is hedged or a wish"), each with the
 *   human-readable reason shown to fact-checkers;
 * - word unigrams and bigrams, and character 3- to 5-grams: the vocabulary of claims that no short
 *   list of cues captures. Character n-grams let "unemployment" inform "employment" and survive
 *   transcription spellings ("Obamacare", "Obama care");
 * - part-of-speech 1- to 3-grams and named-entity types (wink-nlp with its English lite model, which
 *   ships inside the npm package: nothing is downloaded at run time). These were ClaimBuster's own
 *   features: "PRON VERB PRON" reads as talk, "NUM NOUN ADP" and a MONEY entity as a claim.
 * Pure, but for one thing: wink-nlp's tagger keeps state between documents (winkjs/wink-nlp#143,
 * open), so a sentence's part-of-speech n-grams can depend on what the process tagged before it
 * ("Obama's preparing" reads PROPN PART VERB in a fresh process, PROPN VERB after 20,000 debate
 * lines). The shipped model's scores moved by up to 0.03 (see the README's "Check-worthiness").
 */

/** A cue: a named, explainable property of a sentence. */
export interface ClaimCue {
  id: string;
  /** Why the cue makes a sentence more (or less) worth checking, in a fact-checker's words. */
  reason: string;
  /** 0 when absent; 1 (or a graded value) when present. */
  value(sentence: AnalysedSentence): number;
}

export interface AnalysedSentence {
  text: string;
  /** Lower-cased words; numbers become "<num>", "%" becomes "percent", "$" becomes "<money>". */
  tokens: string[];
  /** Tokens as written (for capitalisation). */
  written: string[];
  /** The numbers of the sentence, each with its kind (core/claims/quantities.ts). */
  quantities: Quantity[];
}

const TOKEN = /[\p{L}]+(?:'[\p{L}]+)*|\d(?:[\d,.]*\d)?|[%$?]/gu;
const APOSTROPHES = /[\u2018\u2019\u02bc`]/g;

export function analyse(text: string): AnalysedSentence {
  const normalized = text.replace(APOSTROPHES, "'");
  const written = normalized.match(TOKEN) ?? [];
  const tokens = written.map((token) => {
    if (token === '%') return 'percent';
    if (token === '$') return '<money>';
    if (/^\d/.test(token)) return '<num>';
    return token.toLowerCase();
  });
  return { text: normalized, tokens, written, quantities: findQuantities(normalized) };
}

const words = (list: string) => new Set(list.split(' '));
const has = (sentence: AnalysedSentence, set: ReadonlySet<string>) => sentence.tokens.some((token) => set.has(token));
const hasKind = (sentence: AnalysedSentence, ...kinds: QuantityKind[]) => sentence.quantities.some((quantity) => kinds.includes(quantity.kind));
/** Whole-phrase test on the lower-cased text with single spaces, padded so that \b is not needed. */
const phrases = (list: string[]) => new RegExp(`(?:^|[^\\p{L}'])(?:${list.join('|')})(?=$|[^\\p{L}'])`, 'iu');
const matches = (pattern: RegExp) => (sentence: AnalysedSentence) => (pattern.test(sentence.text) ? 1 : 0);

const MONEY_WORDS = words('budget budgets tax taxes deficit debt spending spend spent cost costs paid pay wages salary income revenue funding funds fund subsidies subsidy tariffs tariff');
const COMPARISON = phrases(['more than', 'less than', 'fewer than', 'greater than', '\\p{L}+er than', 'compared (?:with|to)', 'as (?:many|much|few|little) as', 'twice as', 'times (?:more|as)', 'up from', 'down from', 'higher', 'lower', 'outnumber\\p{L}*']);
const SUPERLATIVE = phrases(['most', 'least', 'highest', 'lowest', 'largest', 'smallest', 'biggest', 'best', 'worst', 'fastest', 'slowest', 'deadliest', 'record', 'record-\\p{L}+', 'ever', 'never before', 'for the first time', 'unprecedented', 'all-time']);
const TREND = phrases(['rose', 'risen', 'rising', 'rises', 'fell', 'fallen', 'falling', 'falls', 'grew', 'grown', 'growing', 'increased?', 'increases', 'increasing', 'decreased?', 'decreasing', 'declined?', 'declining', 'dropped', 'drops?', 'doubled', 'tripled', 'halved', 'surged?', 'soared', 'plunged?', 'plummeted', 'jumped', 'slumped', 'climbed', 'shrank', 'shrunk', 'cut by', 'went up', 'went down', 'gone up', 'gone down', 'since']);
const CAUSE = phrases(['because(?: of)?', 'caused', 'causes?', 'led to', 'leads? to', 'due to', 'as a result', 'result(?:ed|s)? (?:in|of|from)', 'thanks to', 'blamed?', 'responsible for', 'so that', 'therefore', 'which is why', 'that is why', "that's why"]);
const PAST_FACT = phrases(['was', 'were', 'had', 'did', 'has been', 'have been', 'voted', 'passed', 'signed', 'killed', 'lost', 'gained', 'created', 'raised', 'built', 'sent', 'took', 'made', 'said', 'announced', 'reported', 'approved', 'rejected', 'launched', 'seized', 'arrested', 'died', '\\p{L}{3,}ed']);
const FUTURE = phrases(['will', "i'll", "we'll", "they'll", "he'll", "she'll", "it'll", 'going to', 'gonna', 'plans? to', 'planning to', 'intends? to', 'promised?', 'pledged?', 'vows?', 'vowed', 'next year', 'next week', 'next month', 'in the future', 'would']);
const OPINION = phrases(['i think', 'i believe', 'i feel', 'i guess', 'i suppose', 'in my (?:view|opinion)', 'we need', 'we should', 'we must', 'i want', 'we want', 'should', 'ought to', 'it is (?:time|important|clear)', "it's (?:time|important|clear)", 'i am (?:proud|sure|confident|convinced)', "i'm (?:proud|sure|confident|convinced)", 'great', 'wonderful', 'terrible', 'disgrace\\p{L}*', 'shame\\p{L}*', 'believe']);
const HEDGE = phrases(['we hope', 'i hope', 'hopefully', 'maybe', 'perhaps', 'might', 'may be', 'could be', 'possibly', 'probably', 'likely', 'unlikely', 'seems?', 'appears? to', 'it is possible', 'wish']);
const COURTESY = phrases(['thank you', 'thanks', 'good (?:evening|morning|afternoon|night)', 'welcome', 'ladies and gentlemen', 'let me', 'excuse me', 'applause', 'laughter', 'crosstalk', 'okay', 'ok', 'yes', 'no', 'well', 'please']);
const FIRST_PERSON = phrases(['i', "i'm", "i've", 'me', 'my', 'myself']);
const MEASURABLE_TOPICS = words('unemployment jobs job employment economy deficit debt crime rate rates inflation gdp wages poverty taxes tax insurance healthcare immigrants immigration deaths troops emissions casualties refugees prisoners exports imports prices population votes turnout');

/** The cues, in the order their reasons are listed when they weigh the same. */
export const CLAIM_CUES: readonly ClaimCue[] = [
  { id: 'money', reason: 'states a sum of money', value: (s) => (hasKind(s, 'money') ? 1 : 0) },
  { id: 'percentage', reason: 'states a percentage, rate or proportion', value: (s) => (hasKind(s, 'percentage') ? 1 : 0) },
  { id: 'count', reason: 'states a count or a measure', value: (s) => (hasKind(s, 'count') ? 1 : 0) },
  { id: 'duration', reason: 'states a duration', value: (s) => (hasKind(s, 'duration') ? 1 : 0) },
  // Dates and years place a fact in time without being the fact: a weaker cue, kept apart.
  { id: 'date', reason: 'dates an event', value: (s) => (hasKind(s, 'date', 'year', 'time') ? 1 : 0) },
  { id: 'ordinal', reason: 'ranks something (an ordinal)', value: (s) => (hasKind(s, 'ordinal') ? 1 : 0) },
  { id: 'money-topic', reason: 'is about money', value: (s) => (has(s, MONEY_WORDS) ? 1 : 0) },
  { id: 'comparison', reason: 'makes a comparison', value: matches(COMPARISON) },
  { id: 'superlative', reason: 'uses a superlative or a record', value: matches(SUPERLATIVE) },
  { id: 'trend', reason: 'describes a rise or a fall', value: matches(TREND) },
  { id: 'cause', reason: 'states a cause or an effect', value: matches(CAUSE) },
  { id: 'past-fact', reason: 'reports a past event', value: matches(PAST_FACT) },
  { id: 'measurable-topic', reason: 'is about a measurable topic (jobs, crime, taxes...)', value: (s) => (has(s, MEASURABLE_TOPICS) ? 1 : 0) },
  {
    id: 'named-entity',
    reason: 'names a person, place or organisation',
    value: (s) => (s.written.slice(1).some((token) => /^\p{Lu}\p{Ll}/u.test(token) && token !== 'I') ? 1 : 0),
  },
  { id: 'future', reason: 'is a promise or a plan about the future', value: matches(FUTURE) },
  { id: 'opinion', reason: 'reads as an opinion or a belief', value: matches(OPINION) },
  { id: 'hedge', reason: 'is hedged or a wish', value: matches(HEDGE) },
  { id: 'first-person', reason: 'is about the speaker', value: matches(FIRST_PERSON) },
  { id: 'question', reason: 'is a question', value: (s) => (s.tokens.includes('?') ? 1 : 0) },
  { id: 'courtesy', reason: 'is a courtesy or a procedural remark', value: matches(COURTESY) },
  { id: 'short', reason: 'is too short to state a checkable fact', value: (s) => (s.tokens.length < 6 ? 1 : 0) },
  // Graded: longer sentences carry more facts, with diminishing returns.
  { id: 'length', reason: 'is long enough to carry facts', value: (s) => Math.min(1, Math.log1p(s.tokens.length) / Math.log1p(40)) },
];

/** Word unigrams and bigrams of the sentence (bigrams joined by a space), each once. */
export function ngramsOf(sentence: AnalysedSentence): string[] {
  const grams = new Set<string>();
  const { tokens } = sentence;
  for (let index = 0; index < tokens.length; index += 1) {
    grams.add(tokens[index]!);
    if (index + 1 < tokens.length) grams.add(`${tokens[index]} ${tokens[index + 1]}`);
  }
  return [...grams];
}

/** Longer sentences are capped: beyond this many characters, more n-grams add time, not signal. */
const CHARACTER_SPAN = 600;

/**
 * Character 3- to 5-grams of the lower-cased sentence, with digits as "0" and runs of anything but
 * letters and digits as one space, each once.
 */
export function charGramsOf(sentence: AnalysedSentence): string[] {
  const folded = ` ${sentence.text.slice(0, CHARACTER_SPAN).toLowerCase().replace(/\d/g, '0').replace(/[^\p{L}0']+/gu, ' ').trim()} `;
  const grams = new Set<string>();
  if (folded.trim() === '') return [];
  for (let size = 3; size <= 5; size += 1) {
    for (let index = 0; index + size <= folded.length; index += 1) grams.add(folded.slice(index, index + size));
  }
  return [...grams];
}

/** wink-nlp, loaded on first use (its model takes about a second to read). */
let tagger: { nlp: WinkMethods; its: ItsHelpers } | null = null;

function loadTagger(): { nlp: WinkMethods; its: ItsHelpers } {
  if (tagger) return tagger;
  /* eslint-disable @typescript-eslint/no-require-imports */
  const winkNLP = require('wink-nlp') as typeof import('wink-nlp').default;
  const model = require('wink-eng-lite-web-model') as import('wink-nlp').Model;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const nlp = winkNLP(model, ['sbd', 'pos', 'ner']);
  tagger = { nlp, its: nlp.its };
  return tagger;
}

/**
 * Part-of-speech 1- to 3-grams ("p:NUM NOUN ADP") and named-entity types ("e:MONEY") of the sentence,
 * each once; punctuation tags are dropped. Sentences are capped at the same span as character
 * n-grams.
 */
export function posGramsOf(sentence: AnalysedSentence): string[] {
  const text = sentence.text.slice(0, CHARACTER_SPAN);
  if (text.trim() === '') return [];
  const { nlp, its } = loadTagger();
  const doc = nlp.readDoc(text);
  const tags = (doc.tokens().out(its.pos) as string[]).filter((tag) => tag !== 'PUNCT');
  const grams = new Set<string>();
  for (let index = 0; index < tags.length; index += 1) {
    grams.add(`p:${tags[index]}`);
    if (index + 1 < tags.length) grams.add(`p:${tags[index]} ${tags[index + 1]}`);
    if (index + 2 < tags.length) grams.add(`p:${tags[index]} ${tags[index + 1]} ${tags[index + 2]}`);
  }
  for (const type of doc.entities().out(its.type) as string[]) grams.add(`e:${type}`);
  return [...grams];
}
