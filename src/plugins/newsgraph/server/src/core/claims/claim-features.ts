/**
 * What the check-worthiness scorer sees in a sentence: cues a person would name ("contains a
 * quantity", "attributes a past event"), each with a human-readable reason, plus word unigrams and
 * bigrams. The cues carry the reasons shown to fact-checkers; the n-grams carry the vocabulary of
 * claims that no short list of cues captures. Pure and fast: 100,000 sentences take seconds.
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
  return { text: normalized, tokens, written };
}

const has = (sentence: AnalysedSentence, words: ReadonlySet<string>) => sentence.tokens.some((token) => words.has(token));
const words = (list: string) => new Set(list.split(' '));

const NUMBER_WORDS = words('<num> million millions billion billions trillion thousand thousands hundred hundreds dozen half twice double doubled tripled percent quarter third');
const MONEY_WORDS = words('<money> dollar dollars budget budgets tax taxes deficit debt spending spend spent cost costs paid pay wages salary income revenue trillion');
const TREND_WORDS = words('more less fewer than highest lowest largest smallest biggest record most least increase increased increases decrease decreased rose risen fell fallen grew grown growth cut cuts drop dropped doubled tripled since ever');
const PAST_WORDS = words('was were did had voted passed signed created lost gained said supported opposed raised lowered introduced killed built sent took made');
const OPINION_STARTS = [['i', 'think'], ['i', 'believe'], ['i', 'feel'], ['we', 'need'], ['we', 'should'], ['we', 'must'], ['i', 'will'], ['we', 'will'], ['i', 'want'], ['we', 'want'], ['let', 'me'], ['thank', 'you']];
const MEASURABLE_TOPICS = words('unemployment jobs job employment economy deficit debt crime rate rates inflation gdp wages poverty taxes tax insurance healthcare immigrants immigration deaths troops emissions');

function containsPair(tokens: string[], pairs: string[][]): boolean {
  for (let index = 0; index + 1 < tokens.length; index += 1) {
    for (const [first, second] of pairs) if (tokens[index] === first && tokens[index + 1] === second) return true;
  }
  return false;
}

/** The cues, in the order their reasons are listed when they weigh the same. */
export const CLAIM_CUES: readonly ClaimCue[] = [
  { id: 'quantity', reason: 'contains a quantity', value: (s) => (has(s, NUMBER_WORDS) ? 1 : 0) },
  { id: 'percentage', reason: 'states a percentage or a rate', value: (s) => (s.tokens.includes('percent') || s.tokens.includes('rate') ? 1 : 0) },
  { id: 'money', reason: 'is about money', value: (s) => (has(s, MONEY_WORDS) ? 1 : 0) },
  { id: 'trend', reason: 'makes a comparison or describes a trend', value: (s) => (has(s, TREND_WORDS) ? 1 : 0) },
  { id: 'past-event', reason: 'attributes a past event', value: (s) => (has(s, PAST_WORDS) || s.tokens.some((token) => token.length > 4 && token.endsWith('ed')) ? 1 : 0) },
  { id: 'measurable-topic', reason: 'is about a measurable topic (jobs, crime, taxes...)', value: (s) => (has(s, MEASURABLE_TOPICS) ? 1 : 0) },
  {
    id: 'named-entity',
    reason: 'names a person, place or organisation',
    value: (s) => (s.written.slice(1).some((token) => /^\p{Lu}\p{Ll}/u.test(token) && token !== 'I') ? 1 : 0),
  },
  { id: 'question', reason: 'is a question', value: (s) => (s.tokens.includes('?') ? 1 : 0) },
  { id: 'opinion', reason: 'reads as an opinion, a wish or a promise', value: (s) => (containsPair(s.tokens, OPINION_STARTS) ? 1 : 0) },
  { id: 'short', reason: 'is too short to state a checkable fact', value: (s) => (s.tokens.length < 6 ? 1 : 0) },
  // Graded: longer sentences carry more facts, with diminishing returns.
  { id: 'length', reason: 'is long enough to carry facts', value: (s) => Math.min(1, Math.log1p(s.tokens.length) / Math.log1p(40)) },
];

/** Unigrams and bigrams of the sentence (bigrams joined by a space), each once. */
export function ngramsOf(sentence: AnalysedSentence): string[] {
  const grams = new Set<string>();
  const { tokens } = sentence;
  for (let index = 0; index < tokens.length; index += 1) {
    grams.add(tokens[index]!);
    if (index + 1 < tokens.length) grams.add(`${tokens[index]} ${tokens[index + 1]}`);
  }
  return [...grams];
}
