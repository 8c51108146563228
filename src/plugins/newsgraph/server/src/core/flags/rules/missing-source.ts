import type { FlagRule } from '../flag-types';

/** Neither the statement (source URL or medium) nor its story (source URL) says where it came from. */
export const missingSource: FlagRule = ({ statement, story }, settings) => {
  if (statement.sourceUrl?.trim() || statement.medium?.trim() || story?.sourceUrl?.trim()) return [];
  return [{ kind: 'missing_source', severity: settings.severity, cause: '', reason: 'neither the statement nor its story says where it came from' }];
};
