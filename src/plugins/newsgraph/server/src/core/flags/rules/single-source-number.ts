import type { FlagRule } from '../flag-types';

const NUMBER = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?|millions?|billions?|trillions?|percent|half|twice|double)\b/i;

/**
 * A number that rests on one party: the statement carries a quantity, comes from a speaker (an
 * interested party, not a document), and no evidence backs it.
 */
export const singleSourceNumber: FlagRule = ({ statement }, settings) => {
  if (statement.kind === 'document' || statement.evidenceCount > 0) return [];
  if (!statement.speaker && !statement.attribution?.trim()) return [];
  if (!NUMBER.test(statement.text)) return [];
  return [{ kind: 'single_source_number', severity: settings.severity, cause: '', reason: 'a number with one party as its only source and no evidence' }];
};
