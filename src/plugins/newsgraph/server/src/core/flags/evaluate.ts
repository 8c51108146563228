import type { FlagsConfig } from './flag-config';
import type { FlagKind, FlagStatus, FlagSubject, RaisedFlag, Severity } from './flag-types';
import { TEXT_CHANGED_AFTER_VERDICT } from './review-workflow';
import { FLAG_RULES } from './rules';

/** Every flag the enabled rules raise for one statement. */
export function evaluateFlags(subject: FlagSubject, config: FlagsConfig): RaisedFlag[] {
  const raised: RaisedFlag[] = [];
  for (const [kind, rule] of Object.entries(FLAG_RULES) as Array<[FlagKind, (typeof FLAG_RULES)[FlagKind]]>) {
    const settings = config.rules[kind];
    if (settings.enabled) raised.push(...rule(subject, settings));
  }
  return raised;
}

/** Identifies a flag among a statement's flags: one per kind and cause. */
export const flagKey = (statementDocumentId: string, flag: { kind: string; cause: string }) => `${statementDocumentId}|${flag.kind}|${flag.cause}`;

/** A stored flag, as much as the planner needs. */
export interface StoredFlag {
  key: string;
  status: FlagStatus;
  severity: Severity;
  reason: string;
  /** For a resolved flag: whether the statement's words (folded) differ from the words it was resolved on. */
  textChangedSinceResolution?: boolean;
}

export type FlagChange =
  | { type: 'create'; flag: RaisedFlag; key: string }
  | { type: 'update'; key: string; severity: Severity; reason: string }
  | { type: 'transition'; key: string; from: FlagStatus; to: FlagStatus; note: string; severity?: Severity; reason?: string; textChangedAfterVerdict?: true };

/**
 * What to change so that a statement's stored flags match what its rules raise now:
 * - a new cause opens a flag; a cause that comes back reopens its obsolete flag;
 * - a cause that went away makes its open or in-review flag obsolete (resolved and dismissed stay);
 * - a resolved flag whose statement's words changed opens again while its cause is present, and
 *   becomes obsolete when it is not: either way its verdict no longer stands for the words;
 * - nothing is created twice: flags are matched by key (statement, kind, cause).
 */
export function planFlagChanges(statementDocumentId: string, stored: StoredFlag[], raised: RaisedFlag[]): FlagChange[] {
  const changes: FlagChange[] = [];
  const byKey = new Map(stored.map((flag) => [flag.key, flag]));
  const raisedKeys = new Set<string>();
  for (const flag of raised) {
    const key = flagKey(statementDocumentId, flag);
    if (raisedKeys.has(key)) continue;
    raisedKeys.add(key);
    const existing = byKey.get(key);
    if (!existing) {
      changes.push({ type: 'create', flag, key });
    } else if (existing.status === 'obsolete') {
      changes.push({ type: 'transition', key, from: 'obsolete', to: 'open', note: 'the cause came back', severity: flag.severity, reason: flag.reason });
    } else if (existing.status === 'resolved' && existing.textChangedSinceResolution) {
      changes.push({ type: 'transition', key, from: 'resolved', to: 'open', note: TEXT_CHANGED_AFTER_VERDICT, severity: flag.severity, reason: flag.reason, textChangedAfterVerdict: true });
    } else if (existing.severity !== flag.severity || existing.reason !== flag.reason) {
      changes.push({ type: 'update', key, severity: flag.severity, reason: flag.reason });
    }
  }
  for (const flag of stored) {
    if (raisedKeys.has(flag.key)) continue;
    if (flag.status === 'open' || flag.status === 'in_review') changes.push({ type: 'transition', key: flag.key, from: flag.status, to: 'obsolete', note: 'the cause went away' });
    if (flag.status === 'resolved' && flag.textChangedSinceResolution) changes.push({ type: 'transition', key: flag.key, from: 'resolved', to: 'obsolete', note: TEXT_CHANGED_AFTER_VERDICT, textChangedAfterVerdict: true });
  }
  return changes;
}
