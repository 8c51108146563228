import type { FlagRule } from '../flag-types';

/** Kinds of statement that someone said or wrote: each needs a speaker. */
const SPOKEN_KINDS = new Set(['direct_quote', 'paraphrase', 'social_post']);

/** A quote, paraphrase or post with no resolved speaker. */
export const unknownSpeaker: FlagRule = ({ statement }, settings) => {
  if (!statement.kind || !SPOKEN_KINDS.has(statement.kind) || statement.speaker) return [];
  return [{ kind: 'unknown_speaker', severity: settings.severity, cause: '', reason: `a ${statement.kind.replace('_', ' ')} with no resolved speaker` }];
};
