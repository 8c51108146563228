/**
 * The review routes' contract, shared by the server and the admin (which imports this file instead of
 * re-declaring it): the enums a request may use and the shapes the answers have. Types and constant
 * lists only, so the admin bundle takes nothing else from the server.
 */
export { FLAG_KINDS, FLAG_STATUSES, SEVERITIES, VERDICTS } from '../core/flags/flag-types';
export type { FlagKind, FlagStatus, Severity, Verdict } from '../core/flags/flag-types';
export { REVIEW_ACTIONS, TEXT_CHANGED_AFTER_VERDICT } from '../core/flags/review-workflow';
export type { ReviewAction } from '../core/flags/review-workflow';

import type { FlagStatus } from '../core/flags/flag-types';

/** An earlier verdict a repeats_checked_claim flag shows beside the statement, best first. */
export interface EarlierVerdict {
  source: 'statement' | 'fact-check';
  documentId: string;
  text: string;
  verdict: string | null;
  rating: string;
  url: string | null;
  publisher: string | null;
  date: string | null;
  similarity: number;
}

export interface AdminUserSummary {
  id: number;
  firstname: string | null;
  lastname: string | null;
}

/** One entry of the review queue. */
export interface QueueFlag {
  documentId: string;
  kind: string;
  severity: string;
  status: FlagStatus;
  reason: string | null;
  score: number | string | null;
  version: number;
  verdict: string | null;
  note: string | null;
  evidence: Array<{ url: string; title?: string | null }> | null;
  /** The statement words the flag's verdict was given on (null until resolved). */
  textAtResolution: string | null;
  /** repeats_checked_claim: the earlier verdicts, ranked. */
  earlierVerdicts: EarlierVerdict[] | null;
  createdAt: string;
  statement: {
    documentId: string;
    text: string;
    kind: string | null;
    attribution: string | null;
    verification: string | null;
    checkWorthiness: number | string | null;
    speaker: { documentId: string; name: string } | null;
  } | null;
  story: { documentId: string; title: string } | null;
  assignee: AdminUserSummary | null;
}

/** One change in a flag's history. */
export interface FlagEvent {
  from: FlagStatus | null;
  to: FlagStatus;
  note: string | null;
  /** A resolution's verdict, or the verdict standing when its words changed. */
  verdict: string | null;
  /** The words a verdict judged. */
  judgedText: string | null;
  /** For "text changed after the verdict": the words that replaced them. */
  changedText: string | null;
  createdAt: string;
  actor: AdminUserSummary | null;
}

export interface FlagContext {
  story: { sentence: string; quote: { start: number; end: number } | null } | null;
  mentions: Array<{ documentId: string; name: string }>;
  scoreReasons: string[];
  speakerVerdicts: Array<{ verdict: string; text: string; resolvedAt: string }>;
}

export interface FlagDetail extends QueueFlag {
  events: FlagEvent[];
  context: FlagContext;
}

export interface QueuePagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}

/** GET /newsgraph/flags and GET /api/newsgraph/review-queue. */
export interface QueuePage {
  data: QueueFlag[];
  meta: { pagination: QueuePagination; byStatus: Record<FlagStatus, number> };
}

/** GET /newsgraph/flags/facets. */
export interface QueueFacets {
  stories: Array<{ documentId: string; title: string }>;
  assignees: Array<{ id: number; name: string }>;
  actors: Array<{ documentId: string; name: string }>;
}

/** The queue's query string, as the admin sends it. */
export interface QueueQuery {
  status?: string;
  story?: string;
  actor?: string;
  kind?: string;
  severity?: string;
  assignee?: string;
  sort: 'score' | 'age';
  page: number;
  pageSize: number;
}
