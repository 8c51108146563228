import type { FlagKind, FlagRule } from '../flag-types';
import { ambiguousActor } from './ambiguous-actor';
import { anonymousSource } from './anonymous-source';
import { missingSource } from './missing-source';
import { quoteMismatch } from './quote-mismatch';
import { repeatsCheckedClaim } from './repeats-checked-claim';
import { singleSourceNumber } from './single-source-number';
import { unknownSpeaker } from './unknown-speaker';
import { unverifiedClaim } from './unverified-claim';

/** Every rule, one per flag kind. */
export const FLAG_RULES: Record<FlagKind, FlagRule> = {
  unverified_claim: unverifiedClaim,
  unknown_speaker: unknownSpeaker,
  ambiguous_actor: ambiguousActor,
  quote_mismatch: quoteMismatch,
  anonymous_source: anonymousSource,
  single_source_number: singleSourceNumber,
  missing_source: missingSource,
  repeats_checked_claim: repeatsCheckedClaim,
};
