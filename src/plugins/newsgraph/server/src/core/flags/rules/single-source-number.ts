import { findQuantities, isAmount } from '../../claims/quantities';
import type { FlagRule } from '../flag-types';

/**
 * A number that rests on one party: the statement states an amount (money, a percentage, a count or
 * a duration, see core/claims/quantities.ts), comes from a speaker (an interested party, not a
 * document), and no evidence backs it. Dates, years, times, ordinals and identifiers are not
 * amounts: "on March 3" or "the 2nd round" filled the desk with noise.
 */
export const singleSourceNumber: FlagRule = ({ statement }, settings) => {
  if (statement.kind === 'document' || statement.evidenceCount > 0) return [];
  if (!statement.speaker && !statement.attribution?.trim()) return [];
  const amount = findQuantities(statement.text).find(isAmount);
  if (!amount) return [];
  return [{ kind: 'single_source_number', severity: settings.severity, cause: '', reason: `a number ("${amount.text}") with one party as its only source and no evidence` }];
};
