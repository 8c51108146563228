import type { FlagRule } from '../flag-types';

/** A statement that reads as a checkable claim (checkWorthiness at or above the threshold) and nobody has rated. */
export const unverifiedClaim: FlagRule = ({ statement }, settings) => {
  const threshold = settings.threshold ?? 0.5;
  if (statement.checkWorthiness === null || statement.checkWorthiness < threshold) return [];
  if (statement.verification !== null && statement.verification !== 'unverified') return [];
  return [{ kind: 'unverified_claim', severity: settings.severity, cause: '', reason: `reads as a checkable claim (score ${statement.checkWorthiness.toFixed(2)}) and is unverified` }];
};
