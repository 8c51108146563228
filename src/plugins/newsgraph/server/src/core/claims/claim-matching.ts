import MiniSearch from 'minisearch';
import { tokenize } from '../linking/text-folding';
import { findQuantities, type Quantity, type QuantityKind } from './quantities';

/**
 * Finds, for a new statement, claims that were already fact-checked (issue 12, "Earlier verdicts
 * found again"). Pure: the known claims and the query come in, ranked ids with a similarity in 0..1
 * go out.
 *
 * Two stages, as the systems that do well on CLEF CheckThat! verified-claim retrieval work:
 * 1. BM25 over the claim and the fact-check's headline picks `candidates` answers. MiniSearch does
 *    this: maintained, no dependencies, its own TypeScript types, CommonJS and ESM builds, and
 *    documents can be discarded and re-added in place, which the service needs to keep the index
 *    in step with the database without rebuilding it (Orama's index is heavier per document for
 *    100,000 claims; wink-bm25-text-search must be consolidated before searching and cannot add
 *    afterwards).
 * 2. A rerank that BM25 cannot do: a claim is the same claim only if its quantities agree ("fell 42
 *    percent" is not "fell 12 percent") and it is about the same people or bodies. A conflicting
 *    number or actor multiplies the score by a penalty; what remains is blended with an IDF-weighted
 *    cosine of the two texts, which, unlike BM25, is bounded and comparable across queries: the
 *    similarity a threshold can be set on.
 *
 * The settings in MATCH_SETTINGS were chosen on the training tweets of the CLEF 2020 CheckThat!
 * task 2 data (README, "Data for fitting and evaluating the models") by
 * `npm run claims:match-eval -- --tune`; its dev tweets are held out.
 */

export interface KnownClaim {
  id: string;
  text: string;
  /** The fact-check's headline, when there is one. */
  title?: string | null;
}

export interface MatchSettings {
  /** MiniSearch's BM25+ parameters. */
  bm25: { k: number; b: number; d: number };
  /** Weight of a headline word against a claim word. */
  titleBoost: number;
  /** How many BM25 answers the rerank looks at. */
  candidates: number;
  /** Share of the IDF cosine in the similarity; the rest is BM25 squashed into 0..1. */
  cosineWeight: number;
  /** BM25 score at which its squashed share reaches one half. */
  bm25HalfScore: number;
  /** Factor for a candidate whose quantities contradict the query's. */
  quantityConflict: number;
  /** Factor for a candidate about none of the query's actors while naming others. */
  actorConflict: number;
  /** Added to the similarity per quantity both state (capped at 1). */
  quantityAgreement: number;
}

export const MATCH_SETTINGS: MatchSettings = {
  bm25: { k: 0.9, b: 0.5, d: 0.5 },
  titleBoost: 0.5,
  candidates: 30,
  cosineWeight: 0.6,
  bm25HalfScore: 32,
  // Fixed, not tuned: a conflicting number makes it another claim, whatever the words share.
  quantityConflict: 0.3,
  actorConflict: 0.85,
  quantityAgreement: 0.02,
};

/**
 * The similarity above which an earlier verdict is shown beside a statement, chosen on the training
 * tweets (the top answer's similarity when the right claim is there against when it was taken out)
 * by `npm run claims:match-eval -- --tune`, weighing precision twice as much as recall (F0.5): a
 * wrong earlier verdict beside a statement costs a fact-checker more than a missed one.
 */
export const EARLIER_VERDICT_THRESHOLD = 0.53;

export interface ClaimMatch {
  id: string;
  /** 0..1: how surely the candidate states the query's claim. */
  similarity: number;
  /** The first stage's BM25 score, for diagnosis. */
  bm25: number;
  quantities: 'agree' | 'conflict' | 'unrelated';
  actors: 'agree' | 'conflict' | 'unrelated';
}

export interface MatchOptions {
  limit?: number;
  minSimilarity?: number;
  /** Leave out candidates for which this is true (the statement itself, say). */
  exclude?: (id: string) => boolean;
}

// English function words: they carry no claim, and leaving them out keeps BM25's posting lists short.
const STOP_WORDS = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between both but by can could did do does doing down during each ' +
    'few for from further had has have having he her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off ' +
    'on once only or other our ours ourselves out over own same she should so some such than that the their theirs them themselves then there these they this those through ' +
    'to too under until up very was we were what when where which while who whom why will with would you your yours yourself yourselves also says said say via amp rt'
  ).split(' ')
);

/** Titles that precede a name and name no one by themselves. */
const TITLE_WORDS = new Set('president senator sen rep representative gov governor minister prime mr mrs ms dr former vice secretary chancellor mayor king queen pope general gen'.split(' '));

/** A light English suffix stripper (plural, -ing, -ed): enough to meet "cuts" and "cut", "raised" and "raise". */
export function stemWord(word: string): string {
  if (/^\d/.test(word)) return word;
  let stem = word;
  if (stem.length > 4 && stem.endsWith('ies')) stem = `${stem.slice(0, -3)}y`;
  else if (stem.endsWith('sses')) stem = stem.slice(0, -2);
  else if (stem.length > 3 && stem.endsWith('s') && !/(?:ss|us|is)$/.test(stem)) stem = stem.slice(0, -1);
  if (stem.length > 5 && stem.endsWith('ing')) stem = stem.slice(0, -3);
  else if (stem.length > 4 && stem.endsWith('ed')) stem = stem.slice(0, -2);
  return stem;
}

/** The terms a text is indexed and searched by: folded words, function words out, suffixes stripped. */
export function claimTerms(text: string): string[] {
  const terms: string[] = [];
  for (const token of tokenize(text)) {
    if (STOP_WORDS.has(token.folded) || token.folded.length > 40) continue;
    terms.push(stemWord(token.folded));
  }
  return terms;
}

/**
 * What a social post adds around its claim: links, picture links, handles and the embed's signature
 * ("— Name (@handle) January 6, 2020"). Statements have none of it; tweets pasted in do.
 */
export function cleanQueryText(text: string): string {
  return text
    .replace(/[—–-]+\s*[^—–\n]{0,80}\(@\w+\)\s*[A-Z][a-z]+ \d{1,2}, \d{4}\s*$/u, ' ')
    .replace(/\bhttps?:\/\/\S+/g, ' ')
    .replace(/\bpic\.twitter\.com\/\S+/g, ' ')
    .replace(/(^|\s)@\w+/g, ' ')
    .replace(/#(\w)/g, '$1');
}

const sameValue = (a: number, b: number) => Math.abs(a - b) <= 0.02 * Math.max(Math.abs(a), Math.abs(b));

/**
 * The kinds of amount compared with each other. Counts and durations are one: whether "10 yrs" or
 * "a 3 day coma" reads as a duration depends on how it is written, and a tweet writes it loosely.
 */
const COMPARED_KINDS: ReadonlyArray<ReadonlySet<QuantityKind>> = [new Set(['money']), new Set(['percentage']), new Set(['count', 'duration'])];

/**
 * Counts under ten are mostly incidental ("her two children", "press 1"), and a tweet that spells a
 * number out tends to round it ("four kids" for "as many as nine"): they agree with an equal count
 * but do not make a conflict by themselves. (Chosen on the training tweets, where letting them
 * conflict cost 0.005 MAP@5 once number words were read.)
 */
const isLargeCount = (value: number) => value >= 10;

/** The values of the amounts of the given kinds. */
const valuesOf = (quantities: readonly Quantity[], kinds: ReadonlySet<QuantityKind>): number[] =>
  quantities.flatMap((quantity) => (kinds.has(quantity.kind) && quantity.value !== undefined ? [quantity.value] : []));

/**
 * Whether two texts' quantities (as `findQuantities` reads them) agree: a conflict when, for some
 * kind of amount (see COMPARED_KINDS), both state values and none is shared (42 percent against 12
 * percent); agreement counts the values both state. Small counts alone make no conflict (see
 * isLargeCount). Years, dates, times, ordinals and identifiers are not weighed, so that two tweets of
 * different days can still state one claim; nor are amounts without a value ("hundreds").
 */
export function compareQuantities(query: readonly Quantity[], candidate: readonly Quantity[]): { conflict: boolean; agreements: number } {
  let conflict = false;
  let agreements = 0;
  for (const kinds of COMPARED_KINDS) {
    const mine = valuesOf(query, kinds);
    const theirs = valuesOf(candidate, kinds);
    if (mine.length === 0 || theirs.length === 0) continue;
    const shared = mine.filter((value) => theirs.some((other) => sameValue(value, other))).length;
    agreements += shared;
    if (shared === 0 && (!kinds.has('count') || (mine.some(isLargeCount) && theirs.some(isLargeCount)))) conflict = true;
  }
  return { conflict, agreements };
}

/** Case statistics of a word in the known claims, for telling names from sentence-initial capitals. */
interface CaseCount {
  capitalized: number;
  lower: number;
}

/** What the rerank knows of one BM25 answer. */
export interface CandidateFeatures {
  id: string;
  bm25: number;
  /** IDF-weighted cosine of the query's and the candidate's terms. */
  cosine: number;
  quantityConflict: boolean;
  quantityAgreements: number;
  actors: 'agree' | 'conflict' | 'unrelated';
}

/** The similarity of one candidate under `settings` (0..1). */
export function similarityOf(features: CandidateFeatures, settings: MatchSettings): number {
  const squashed = features.bm25 / (features.bm25 + settings.bm25HalfScore);
  let similarity = settings.cosineWeight * features.cosine + (1 - settings.cosineWeight) * squashed;
  if (features.quantityConflict) similarity *= settings.quantityConflict;
  else similarity += settings.quantityAgreement * features.quantityAgreements;
  if (features.actors === 'conflict') similarity *= settings.actorConflict;
  return Math.min(1, Math.max(0, similarity));
}

/** Candidates ranked by similarity, best first (BM25 breaks ties). */
export function rankCandidates(candidates: CandidateFeatures[], settings: MatchSettings): ClaimMatch[] {
  return candidates
    .map((features) => ({
      id: features.id,
      similarity: similarityOf(features, settings),
      bm25: features.bm25,
      quantities: features.quantityConflict ? ('conflict' as const) : features.quantityAgreements > 0 ? ('agree' as const) : ('unrelated' as const),
      actors: features.actors,
    }))
    .sort((a, b) => b.similarity - a.similarity || b.bm25 - a.bm25);
}

function stableHash(text: string): number {
  let hash = 0;
  for (let index = 0; index < text.length; index += 1) hash = (Math.imul(hash, 31) + text.charCodeAt(index)) | 0;
  return hash;
}

/**
 * An index of known claims. Add, replace and remove claims at any time; `match` ranks them for a
 * query. Not thread-shared state: one instance per process, kept in step by its owner.
 */
/** The collection size below which term weights are computed as if it were this large (see weights()). */
const MIN_COLLECTION_SIZE = 1000;

export class ClaimMatcher {
  private readonly search: MiniSearch<KnownClaim>;
  private readonly claims = new Map<string, { text: string; title: string }>();
  private readonly documentFrequency = new Map<string, number>();
  private readonly caseCounts = new Map<string, CaseCount>();
  private readonly knownActors: Array<{ tokens: string[] }>;

  /**
   * @param knownActors names of people and bodies to treat as actors wherever they appear (the
   *   newsroom's actors), besides the capitalized names found in the texts themselves
   */
  constructor(
    private readonly settings: MatchSettings = MATCH_SETTINGS,
    knownActors: string[] = []
  ) {
    this.search = new MiniSearch<KnownClaim>({
      fields: ['text', 'title'],
      idField: 'id',
      tokenize: (text) => claimTerms(text),
      // claimTerms already folded and stemmed each term.
      processTerm: (term) => term,
      searchOptions: { boost: { text: 1, title: settings.titleBoost }, bm25: settings.bm25, combineWith: 'OR' },
    });
    this.knownActors = knownActors.map((name) => ({ tokens: tokenize(name).map((token) => token.folded).filter((word) => !TITLE_WORDS.has(word)) })).filter((actor) => actor.tokens.length > 0);
  }

  get size(): number {
    return this.claims.size;
  }

  has(id: string): boolean {
    return this.claims.has(id);
  }

  /** Adds a claim, or replaces the claim of that id. */
  add(claim: KnownClaim): void {
    const title = claim.title ?? '';
    const known = this.claims.get(claim.id);
    if (known && known.text === claim.text && known.title === title) return;
    if (known) this.remove(claim.id);
    this.claims.set(claim.id, { text: claim.text, title });
    this.search.add({ id: claim.id, text: claim.text, title });
    for (const term of new Set(claimTerms(`${claim.text} ${title}`))) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
    this.countCase(claim.text, 1);
  }

  addAll(claims: Iterable<KnownClaim>): void {
    for (const claim of claims) this.add(claim);
  }

  remove(id: string): void {
    const known = this.claims.get(id);
    if (!known) return;
    this.claims.delete(id);
    // discard, unlike remove, needs no copy of the document and cleans up lazily.
    this.search.discard(id);
    for (const term of new Set(claimTerms(`${known.text} ${known.title}`))) {
      const count = (this.documentFrequency.get(term) ?? 1) - 1;
      if (count <= 0) this.documentFrequency.delete(term);
      else this.documentFrequency.set(term, count);
    }
    this.countCase(known.text, -1);
  }

  /** A fingerprint of the contents, for tests and for telling two indexes apart cheaply. */
  fingerprint(): string {
    let sum = 0;
    for (const [id, claim] of this.claims) sum = (sum + stableHash(`${id}\u0000${claim.text}\u0000${claim.title}`)) | 0;
    return `${this.claims.size}:${sum}`;
  }

  /** Plain BM25 over claim and headline: the first stage alone, the baseline the rerank must beat. */
  matchBm25(query: string, limit = 5, settings: MatchSettings = this.settings): Array<{ id: string; bm25: number }> {
    const text = cleanQueryText(query);
    if (claimTerms(text).length === 0) return [];
    return this.firstStage(claimTerms(text), settings)
      .slice(0, limit)
      .map((result) => ({ id: String(result.id), bm25: result.score }));
  }

  /**
   * The first stage's answers for a query, with what the rerank weighs: no similarity yet.
   * @param settings BM25 and candidate settings (the matcher's own unless tuning)
   */
  candidates(query: string, exclude?: (id: string) => boolean, settings: MatchSettings = this.settings): CandidateFeatures[] {
    const text = cleanQueryText(query);
    const queryTerms = claimTerms(text);
    if (queryTerms.length === 0 || this.claims.size === 0) return [];
    const queryWeights = this.weights(queryTerms);
    const queryQuantities = findQuantities(text);
    const queryActors = this.actorsOf(text);
    const queryWords = wordsOf(text);

    const features: CandidateFeatures[] = [];
    const results = this.firstStage(queryTerms, settings);
    for (const result of results) {
      if (features.length >= settings.candidates) break;
      const id = String(result.id);
      if (exclude?.(id)) continue;
      const claim = this.claims.get(id);
      if (!claim) continue;
      const combined = `${claim.text} ${claim.title}`;
      const quantities = compareQuantities(queryQuantities, findQuantities(combined));
      features.push({
        id,
        bm25: result.score,
        cosine: this.cosine(queryWeights, this.weights(claimTerms(combined))),
        quantityConflict: quantities.conflict,
        quantityAgreements: quantities.agreements,
        actors: this.compareActors(queryActors, queryWords, claim.text, combined),
      });
    }
    return features;
  }

  /** The known claims that state the query's claim, best first. */
  match(query: string, options: MatchOptions = {}): ClaimMatch[] {
    const { limit = 5, minSimilarity = 0, exclude } = options;
    return rankCandidates(this.candidates(query, exclude), this.settings)
      .filter((match) => match.similarity >= minSimilarity)
      .slice(0, limit);
  }

  /**
   * BM25 over the query's distinct terms, leaving out those in more than COMMON_TERM_SHARE of the
   * claims once there are many: they weigh next to nothing in BM25, yet scoring their posting lists
   * is most of a search's time (every claim with "percent" in it).
   */
  private firstStage(terms: string[], settings: MatchSettings) {
    let distinct = [...new Set(terms)];
    if (this.claims.size >= COMMON_TERM_MIN_CLAIMS) {
      const cap = this.claims.size * COMMON_TERM_SHARE;
      const rare = distinct.filter((term) => (this.documentFrequency.get(term) ?? 0) <= cap);
      distinct = rare.length > 0 ? rare : distinct;
    }
    // The terms are folded and stemmed already: search them as they are.
    return this.search.search(distinct.join(' '), { tokenize: (query) => query.split(' '), processTerm: (term) => term, boost: { text: 1, title: settings.titleBoost }, bm25: settings.bm25 });
  }

  /** IDF weights of a text's distinct terms (BM25's IDF, always positive). */
  private weights(terms: string[]): Map<string, number> {
    // A newsroom may hold a handful of verdicts: with so few documents every term would be "common"
    // and weigh nearly nothing. Terms are weighed as if the collection held at least
    // MIN_COLLECTION_SIZE claims, the others without them; at that size and above nothing changes.
    const total = Math.max(this.claims.size, MIN_COLLECTION_SIZE);
    const weights = new Map<string, number>();
    for (const term of terms) {
      const frequency = this.documentFrequency.get(term) ?? 0;
      weights.set(term, Math.log(1 + (total - frequency + 0.5) / (frequency + 0.5)));
    }
    return weights;
  }

  private cosine(a: Map<string, number>, b: Map<string, number>): number {
    let dot = 0;
    let normA = 0;
    let normB = 0;
    for (const [term, weight] of a) {
      normA += weight * weight;
      const other = b.get(term);
      if (other !== undefined) dot += weight * other;
    }
    for (const weight of b.values()) normB += weight * weight;
    return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
  }

  /** Counts, word by word, how often the known claims write it capitalized inside a sentence. */
  private countCase(text: string, delta: 1 | -1): void {
    for (const { folded, original, start } of tokenize(text)) {
      if (isSentenceStart(text, start) || /^\d/.test(folded)) continue;
      const counts = this.caseCounts.get(folded) ?? { capitalized: 0, lower: 0 };
      if (/^\p{Lu}/u.test(original)) counts.capitalized += delta;
      else counts.lower += delta;
      if (counts.capitalized <= 0 && counts.lower <= 0) this.caseCounts.delete(folded);
      else this.caseCounts.set(folded, counts);
    }
  }

  /**
   * The actors a text names, as stemmed folded words: capitalized words that the known claims write
   * as names (capitalized mid-sentence at least NAME_EVIDENCE times, and NAME_RATIO times as often as
   * not: "Obama", "Texas", not "Picture" or "School"), and the known actors' names found in it.
   * Titles ("President") and function words are never names.
   */
  private actorsOf(text: string): Set<string> {
    const actors = new Set<string>();
    const tokens = tokenize(text);
    for (const { folded, original } of tokens) {
      if (!/^\p{Lu}/u.test(original) || folded.length < 3 || STOP_WORDS.has(folded) || TITLE_WORDS.has(folded)) continue;
      const counts = this.caseCounts.get(folded);
      if (!counts || counts.capitalized < NAME_EVIDENCE || counts.capitalized < NAME_RATIO * counts.lower) continue;
      actors.add(stemWord(folded));
    }
    if (this.knownActors.length > 0) {
      const folded = ` ${tokens.map((token) => token.folded).join(' ')} `;
      for (const actor of this.knownActors) if (folded.includes(` ${actor.tokens.join(' ')} `)) actor.tokens.forEach((word) => actors.add(stemWord(word)));
    }
    return actors;
  }

  /**
   * Agree when the candidate names one of the query's actors anywhere (headline included); conflict
   * when both name actors and neither text names any of the other's.
   */
  private compareActors(queryActors: Set<string>, queryWords: Set<string>, claimText: string, combined: string): ClaimMatch['actors'] {
    if (queryActors.size === 0) return 'unrelated';
    const candidateWords = wordsOf(combined);
    for (const actor of queryActors) if (candidateWords.has(actor)) return 'agree';
    const candidateActors = this.actorsOf(claimText);
    if (candidateActors.size === 0) return 'unrelated';
    for (const actor of candidateActors) if (queryWords.has(actor)) return 'agree';
    return 'conflict';
  }
}

/** Above this many claims, terms in more than COMMON_TERM_SHARE of them are left out of the first stage. */
const COMMON_TERM_MIN_CLAIMS = 1000;
const COMMON_TERM_SHARE = 0.05;

/** A name is a word the known claims capitalize mid-sentence this often at least... */
const NAME_EVIDENCE = 3;
/** ...and this many times as often as they write it in lower case. */
const NAME_RATIO = 4;

/** Every word of a text, folded and stemmed, function words included: where a name is looked for. */
function wordsOf(text: string): Set<string> {
  return new Set(tokenize(text).map((token) => stemWord(token.folded)));
}

function isSentenceStart(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 4), start);
  return start === 0 || /(?:^|[.!?:;"“”(\n])\s*["“'‘(]?$/.test(before) || before.trim() === '';
}
