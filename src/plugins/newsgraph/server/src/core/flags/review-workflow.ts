import { foldForQuote } from './rules/quote-mismatch';
import type { FlagStatus } from './flag-types';

/**
 * The review workflow in one place: which action leads from which status to which, how a decision is
 * tied to the flag version it was taken on, and how a verdict stays bound to the words it judged.
 * Pure: the review service loads and saves, this module decides.
 */

export const REVIEW_ACTIONS = ['claim', 'resolve', 'dismiss', 'reopen'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/** Which statuses each action starts from, and where it leads. */
export const REVIEW_TRANSITIONS: Record<ReviewAction, { from: readonly FlagStatus[]; to: FlagStatus }> = {
  claim: { from: ['open', 'in_review'], to: 'in_review' },
  resolve: { from: ['open', 'in_review'], to: 'resolved' },
  dismiss: { from: ['open', 'in_review'], to: 'dismissed' },
  reopen: { from: ['resolved', 'dismissed', 'obsolete'], to: 'open' },
};

const PAST_PARTICIPLES: Record<ReviewAction, string> = { claim: 'claimed', resolve: 'resolved', dismiss: 'dismissed', reopen: 'reopened' };

/** Why a decision cannot be applied as asked; the service turns each into its HTTP answer. */
export type ReviewRefusal =
  /** Someone changed the flag since the reviewer read it (409). */
  | { type: 'stale'; currentVersion: number; currentStatus: FlagStatus }
  /** The flag's status does not allow the action (400). */
  | { type: 'status'; message: string }
  /** The statement's words changed since the reviewer read them (409). */
  | { type: 'text-changed'; currentText: string };

/**
 * Checks a reviewer's decision against the flag as stored now.
 * @param judgedText the statement text the reviewer read, when the client sends it
 */
export function checkReviewDecision(
  action: ReviewAction,
  flag: { status: FlagStatus; version: number },
  decision: { version: number; judgedText?: string },
  currentText: string
): ReviewRefusal | null {
  if (flag.version !== decision.version) return { type: 'stale', currentVersion: flag.version, currentStatus: flag.status };
  if (!REVIEW_TRANSITIONS[action].from.includes(flag.status)) {
    return { type: 'status', message: `A flag that is ${flag.status.replace('_', ' ')} cannot be ${PAST_PARTICIPLES[action]}` };
  }
  // A verdict belongs to the words it judged: a resolve decided on other words is refused.
  if (action === 'resolve' && decision.judgedText !== undefined && !sameVerdictText(decision.judgedText, currentText)) return { type: 'text-changed', currentText };
  return null;
}

/**
 * The form of a statement's words that a verdict is bound to: quote marks, dashes, ellipses,
 * whitespace, Markdown emphasis and case do not change what was claimed; any other change of the words
 * or numbers does ("42 percent" is not "43 percent").
 */
export const verdictTextKey = (text: string): string => foldForQuote(text);

export const sameVerdictText = (a: string, b: string): boolean => verdictTextKey(a) === verdictTextKey(b);

/** Whether a verification value is a verdict someone gave (anything but "not yet checked"). */
export const isVerdict = (verification: string | null | undefined): boolean => Boolean(verification) && verification !== 'unverified';

/** The statement as stored, for binding its verdict. */
export interface StoredVerdict {
  text: string;
  verification: string | null;
  /** The words the current verdict was given on; null when none was recorded (legacy rows). */
  verifiedText: string | null;
}

/**
 * What a statement write does to its verdict:
 * - a verdict given in this write (verification set to a new value) is bound to the words being saved;
 * - words changed (after folding) under a standing verdict send verification back to `unverified`: the
 *   earlier verdict stays in the flags' history, never on words nobody checked;
 * - anything else leaves both alone (`null`).
 * The admin form sends every field on each save, so "verification sent" is not "verdict given": only
 * a value different from the stored one is.
 */
export function bindVerdict(stored: StoredVerdict | null, incoming: { text?: string; verification?: string | null }): { verification?: 'unverified'; verifiedText: string | null } | null {
  const text = incoming.text ?? stored?.text ?? '';
  const verdictGiven = incoming.verification !== undefined && incoming.verification !== (stored?.verification ?? null);
  if (verdictGiven) return { verifiedText: isVerdict(incoming.verification) ? text : null };
  if (!stored || !isVerdict(stored.verification)) return null;
  if (incoming.text === undefined) return null;
  // Rows rated before verdicts recorded their words were rated on the text they hold.
  const judged = stored.verifiedText ?? stored.text;
  if (sameVerdictText(judged, text)) return stored.verifiedText === null ? { verifiedText: stored.text } : null;
  return { verification: 'unverified', verifiedText: null };
}

/** The note of the review event written when a verdict's words change. */
export const TEXT_CHANGED_AFTER_VERDICT = 'text changed after the verdict';
