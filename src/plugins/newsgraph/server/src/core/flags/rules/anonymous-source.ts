import type { FlagRule } from '../flag-types';

/**
 * Attributions that name nobody: "officials said", "a source familiar with the talks", "people
 * briefed on", "who spoke on condition of anonymity", "a senior diplomat".
 */
const ANONYMOUS = new RegExp(
  [
    '\\b(?:an?|two|three|several|some)?\\s*(?:senior |western |european |u\\.?s\\.? |government |military |security |intelligence )*(?:officials?|sources?|diplomats?|insiders?|aides?)\\b',
    '\\b(?:people|persons?|sources?|someone|a person) (?:familiar with|briefed on|close to|with knowledge of|aware of)\\b',
    '\\bon (?:the )?condition of anonymity\\b',
    '\\b(?:declined|asked) (?:not )?to be (?:named|identified)\\b',
    '\\bnot authori[sz]ed to (?:speak|comment)\\b',
  ].join('|'),
  'i'
);

/** An attribution that names nobody identifiable. */
export const anonymousSource: FlagRule = ({ statement }, settings) => {
  const attribution = statement.attribution ?? '';
  const found = attribution.match(ANONYMOUS);
  if (!found) return [];
  return [{ kind: 'anonymous_source', severity: settings.severity, cause: '', reason: `anonymous attribution: "${found[0].trim()}"` }];
};
