import type { Token } from './text-folding';

/**
 * Proposal phrases are matched on lemmas, with function words not counted: "ending the blockade"
 * names the proposal "end to the blockade", "end a strike" names "end the strike". Both sides (the
 * proposal's title and aliases, the statement's text) go through the same two functions, so any
 * word form the lemmatizer knows meets its other forms.
 *
 * The lemmatizer is wink-lemmatizer (WordNet's exceptions and rules, no model to load). It wants a
 * part of speech, which a name out of context does not have: a word's key is its verb lemma when it
 * has one ("ending" is "end", "meeting" is "meet"), else its noun lemma ("negotiations" is
 * "negotiation"). A noun that is also a verb form gets the same key on both sides, so the choice
 * never separates two spellings of one phrase.
 */

interface Lemmatizer {
  verb(word: string): string;
  noun(word: string): string;
}

let lemmatizer: Lemmatizer | null = null;
function loadLemmatizer(): Lemmatizer {
  // Loaded on first use: most processes (and most unit tests) never match a proposal.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  lemmatizer ??= require('wink-lemmatizer') as Lemmatizer;
  return lemmatizer;
}

/**
 * Words that do not count in a proposal phrase: articles, demonstratives, possessive determiners,
 * and the "to" and "of" that join a noun to its object ("end to the blockade", "end of the
 * blockade"). Prepositions that carry meaning ("on", "with", "without") and negations stay.
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'your', 'my', 'any', 'some', 'to', 'of',
]);

/** Bounded memo of word to key: a newsroom's vocabulary repeats, and each lookup walks WordNet's rules. */
const keys = new Map<string, string>();
const MAX_KEYS = 50_000;

/** The lemma key of one folded word (see the module comment). */
export function lemmaKey(folded: string): string {
  const known = keys.get(folded);
  if (known !== undefined) return known;
  // Digits and one-letter words have no lemma worth looking up.
  let key = folded;
  if (folded.length > 2 && /^\p{Ll}+$/u.test(folded)) {
    const { verb, noun } = loadLemmatizer();
    const asVerb = verb(folded);
    key = asVerb && asVerb !== folded ? asVerb : noun(folded) || folded;
  }
  if (keys.size >= MAX_KEYS) keys.clear();
  keys.set(folded, key);
  return key;
}

/** A word that counts, with the position of its token. */
export interface ContentWord {
  key: string;
  token: number;
}

/** The words of `tokens` that count in a proposal phrase, as lemma keys. */
export function contentWords(tokens: readonly Token[]): ContentWord[] {
  const words: ContentWord[] = [];
  tokens.forEach((token, position) => {
    if (!FUNCTION_WORDS.has(token.folded)) words.push({ key: lemmaKey(token.folded), token: position });
  });
  return words;
}
