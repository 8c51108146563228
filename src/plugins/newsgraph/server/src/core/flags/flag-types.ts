/** The flags of docs/domain.md ("Flags"): why a statement needs a human look. */
export const FLAG_KINDS = ['unverified_claim', 'unknown_speaker', 'ambiguous_actor', 'quote_mismatch', 'anonymous_source', 'single_source_number', 'missing_source', 'repeats_checked_claim'] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

export const SEVERITIES = ['low', 'medium', 'high'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Verdicts a resolution may give: the statement's verification values, minus "not yet checked". */
export const VERDICTS = ['accurate', 'mostly_accurate', 'misleading', 'false', 'unsupported', 'unverifiable', 'not_a_claim'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const FLAG_STATUSES = ['open', 'in_review', 'resolved', 'dismissed', 'obsolete'] as const;
export type FlagStatus = (typeof FLAG_STATUSES)[number];

/** What a rule sees: the statement, its story and its links, as plain data. */
export interface FlagSubject {
  statement: {
    text: string;
    kind: string | null;
    attribution: string | null;
    verification: string | null;
    checkWorthiness: number | null;
    sourceUrl: string | null;
    medium: string | null;
    evidenceCount: number;
    speaker: string | null;
    ambiguous: Array<{ field: string; phrase: string; candidates: string[] }>;
  };
  /**
   * Earlier verdicts on the same claim (rated statements of this newsroom, imported fact-checks), best
   * first, without those a fact-checker already dismissed as "not the same claim" for this statement.
   */
  earlierVerdicts?: ReadonlyArray<{ source: 'statement' | 'fact-check'; documentId: string; verdict: string | null; rating: string; publisher: string | null; similarity: number }>;
  story: { body: string | null; sourceUrl: string | null } | null;
}

/** One rule's settings (plugin config `flags.rules.<kind>`). */
export interface RuleSettings {
  enabled: boolean;
  severity: Severity;
  /** unverified_claim only: the checkWorthiness at or above which a statement is a claim. */
  threshold?: number;
}

/** A flag a rule raises. */
export interface RaisedFlag {
  kind: FlagKind;
  severity: Severity;
  /** Why, in an editor's words. */
  reason: string;
  /** Which cause within the kind (e.g. the ambiguous phrase), so that one statement can hold several flags of a kind. */
  cause: string;
}

/** A rule: a pure function of the statement, its story and its links. */
export type FlagRule = (subject: FlagSubject, settings: RuleSettings) => RaisedFlag[];
