import type { FlagRule } from '../flag-types';

/**
 * A statement nobody has rated yet that states a claim already rated, here or by another fact-checker.
 * The cause is the best earlier verdict: a better one found later (a new import) raises a flag of its
 * own, while a flag a fact-checker dismissed as "not the same claim" stays dismissed.
 */
export const repeatsCheckedClaim: FlagRule = ({ statement, earlierVerdicts }, settings) => {
  if (statement.verification !== null && statement.verification !== 'unverified') return [];
  const best = earlierVerdicts?.[0];
  if (!best) return [];
  const by = best.source === 'fact-check' ? (best.publisher ?? 'another fact-checker') : 'this newsroom';
  const more = earlierVerdicts.length > 1 ? ` (and ${earlierVerdicts.length - 1} more)` : '';
  return [
    {
      kind: 'repeats_checked_claim',
      severity: settings.severity,
      cause: `${best.source}:${best.documentId}`,
      reason: `repeats a claim rated "${best.rating}" by ${by}, similarity ${best.similarity.toFixed(2)}${more}`,
    },
  ];
};
