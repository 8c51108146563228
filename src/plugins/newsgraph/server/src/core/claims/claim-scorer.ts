import { analyse, charGramsOf, CLAIM_CUES, ngramsOf, posGramsOf } from './claim-features';

/**
 * A fitted check-worthiness model: logistic regression over the cues, word n-grams, character
 * n-grams and part-of-speech / entity-type n-grams of claim-features.ts. Fitted by `npm run claims:fit`, shipped as claim-model.json.
 *
 * Each n-gram family is scaled by 1 / sqrt(its number of n-grams in the sentence), so that a long
 * sentence does not win on vocabulary alone; the weights already include the n-gram's inverse
 * document frequency, so the scorer needs no vocabulary beyond the weights it ships.
 */
export interface ClaimModel {
  version: number;
  bias: number;
  cues: Record<string, number>;
  ngrams: Record<string, number>;
  /** Character n-gram weights (absent in models fitted before they existed). */
  chargrams?: Record<string, number>;
  /** Part-of-speech 1- to 3-gram and entity-type weights (absent in models fitted before they existed). */
  posgrams?: Record<string, number>;
  /** The score at or above which a sentence counts as check-worthy (chosen on a validation split for F1). */
  threshold: number;
  /** How it was fitted and how it scored on held-out data, for the README and the admin. */
  fitted?: Record<string, unknown>;
}

export interface ClaimScore {
  /** 0..1: how likely a fact-checker would want to check this sentence. */
  score: number;
  /** What made it more worth checking, strongest first, in a fact-checker's words. */
  reasons: string[];
}

/** A cue is named as a reason only when it moves the score noticeably (in log-odds). */
const REASON_MIN_WEIGHT = 0.1;

const sigmoid = (value: number) => 1 / (1 + Math.exp(-value));

/** The n-gram family's contribution: the sum of its weights present, scaled by 1 / sqrt(its size). */
function familySum(grams: string[], weights: ReadonlyMap<string, number>): number {
  if (grams.length === 0) return 0;
  let sum = 0;
  for (const gram of grams) sum += weights.get(gram) ?? 0;
  return sum / Math.sqrt(grams.length);
}

/** A scorer over one model. */
export function createClaimScorer(model: ClaimModel): (text: string) => ClaimScore {
  // Maps, not the JSON objects: a sentence containing "constructor" must not find Object.prototype's.
  const wordWeights = new Map(Object.entries(model.ngrams));
  const charWeights = new Map(Object.entries(model.chargrams ?? {}));
  const posWeights = new Map(Object.entries(model.posgrams ?? {}));
  return (text: string) => {
    const sentence = analyse(text);
    if (sentence.tokens.length === 0) return { score: 0, reasons: [] };
    let sum = model.bias;
    const contributions: Array<{ reason: string; weight: number }> = [];
    for (const cue of CLAIM_CUES) {
      const value = cue.value(sentence);
      if (value === 0) continue;
      const weight = (model.cues[cue.id] ?? 0) * value;
      sum += weight;
      if (weight >= REASON_MIN_WEIGHT) contributions.push({ reason: cue.reason, weight });
    }
    sum += familySum(ngramsOf(sentence), wordWeights);
    if (charWeights.size > 0) sum += familySum(charGramsOf(sentence), charWeights);
    // Only a model with part-of-speech weights loads the tagger (about a second, once).
    if (posWeights.size > 0) sum += familySum(posGramsOf(sentence), posWeights);
    contributions.sort((a, b) => b.weight - a.weight);
    return { score: sigmoid(sum), reasons: contributions.map((contribution) => contribution.reason) };
  };
}

/**
 * The shipped model's scorer. Loaded on first use, so that code paths that never score (imports,
 * the matcher's benchmarks) do not parse the weights.
 */
let shipped: ((text: string) => ClaimScore) | null = null;
let shippedModel: ClaimModel | null = null;

export function shippedClaimModel(): ClaimModel {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  shippedModel ??= require('./claim-model.json') as ClaimModel;
  return shippedModel;
}

/** score(text) with the shipped model: { score 0..1, reasons }. */
export function scoreClaim(text: string): ClaimScore {
  shipped ??= createClaimScorer(shippedClaimModel());
  return shipped(text);
}

/**
 * A score as Statement.checkWorthiness stores it: two decimals, because Strapi's decimal column on
 * PostgreSQL keeps two (SQLite would keep more), and every database must hold the same value.
 */
export function storedCheckWorthiness(score: number): number {
  return Math.round(score * 100) / 100;
}
