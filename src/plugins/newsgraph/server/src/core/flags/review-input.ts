import { isHttpUrl } from '../fields/field-validation';
import { InputError } from '../input-error';
import { isPlainObject } from '../model-spec';
import { FLAG_KINDS, FLAG_STATUSES, SEVERITIES, VERDICTS, type Verdict } from './flag-types';
import type { ReviewAction } from './review-workflow';

/**
 * Checks the bodies and queries of the review routes (docs/domain.md "The plugin's routes"). Each
 * function returns the clean value or throws InputError naming the field; the controller turns
 * that into a 400 that changes nothing.
 */
export { VERDICTS, type Verdict };

export const MAX_NOTE_LENGTH = 10_000;
export const MAX_EVIDENCE_ITEMS = 20;
export const MAX_PAGE_SIZE = 100;

export function readVersion(body: Record<string, unknown>): number {
  const { version } = body;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw new InputError('version', 'version is required: the flag version you last read (an integer from 1)');
  return version;
}

export function readNote(body: Record<string, unknown>, required: boolean): string {
  const { note } = body;
  if (note === undefined || note === null || note === '') {
    if (required) throw new InputError('note', 'note is required: say why');
    return '';
  }
  if (typeof note !== 'string') throw new InputError('note', 'note must be text');
  if (note.length > MAX_NOTE_LENGTH) throw new InputError('note', `note may hold at most ${MAX_NOTE_LENGTH} characters`);
  return note.trim();
}

export function readVerdict(body: Record<string, unknown>): Verdict {
  const { verdict } = body;
  if (typeof verdict !== 'string' || !(VERDICTS as readonly string[]).includes(verdict)) throw new InputError('verdict', `verdict must be one of ${VERDICTS.join(', ')}`);
  return verdict as Verdict;
}

export function readEvidence(body: Record<string, unknown>): Array<{ url: string; title: string }> {
  const { evidence } = body;
  if (evidence === undefined || evidence === null) return [];
  if (!Array.isArray(evidence)) throw new InputError('evidence', 'evidence must be a list of { url, title }');
  if (evidence.length > MAX_EVIDENCE_ITEMS) throw new InputError('evidence', `evidence may hold at most ${MAX_EVIDENCE_ITEMS} links`);
  return evidence.map((item, index) => {
    if (!isPlainObject(item) || typeof item.url !== 'string' || !isHttpUrl(item.url)) throw new InputError(`evidence.${index}.url`, `evidence ${index + 1} needs an http or https url`);
    if (item.title !== undefined && typeof item.title !== 'string') throw new InputError(`evidence.${index}.title`, `evidence ${index + 1}: title must be text`);
    const title = typeof item.title === 'string' ? item.title.slice(0, 300) : '';
    return { url: item.url, title };
  });
}

export interface FlagListQuery {
  status?: string;
  kind?: string;
  severity?: string;
  story?: string;
  actor?: string;
  assignee?: string;
  minScore?: number;
  sort: 'score' | 'age';
  page: number;
  pageSize: number;
}

function oneOf(query: Record<string, unknown>, key: string, allowed: readonly string[]): string | undefined {
  const value = query[key];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || !allowed.includes(value)) throw new InputError(key, `${key} must be one of ${allowed.join(', ')}`);
  return value;
}

function positiveInteger(query: Record<string, unknown>, key: string, fallback: number, max: number): number {
  const value = query[key];
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > max) throw new InputError(key, `${key} must be an integer from 1 to ${max}`);
  return number;
}

/**
 * The review queue's filters, sort and page, as the admin route, the content-API route and GraphQL's
 * reviewQueue all take them.
 */
export function readFlagListQuery(query: Record<string, unknown>): FlagListQuery {
  const text = (key: string) => {
    const value = query[key];
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string' || value.length > 100) throw new InputError(key, `${key} must be a documentId`);
    return value;
  };
  const assignee = text('assignee');
  if (assignee !== undefined && assignee !== 'me' && !/^[1-9][0-9]{0,9}$/.test(assignee)) throw new InputError('assignee', 'assignee must be "me" or an admin user id');
  let minScore: number | undefined;
  if (query.minScore !== undefined && query.minScore !== '') {
    minScore = Number(query.minScore);
    if (!(minScore >= 0 && minScore <= 1)) throw new InputError('minScore', 'minScore must be a number from 0 to 1');
  }
  return {
    status: oneOf(query, 'status', FLAG_STATUSES),
    kind: oneOf(query, 'kind', FLAG_KINDS),
    severity: oneOf(query, 'severity', SEVERITIES),
    story: text('story'),
    actor: text('actor'),
    assignee,
    minScore,
    sort: (oneOf(query, 'sort', ['score', 'age']) as 'score' | 'age' | undefined) ?? 'score',
    page: positiveInteger(query, 'page', 1, 1_000_000),
    pageSize: positiveInteger(query, 'pageSize', 25, MAX_PAGE_SIZE),
  };
}

/** A reviewer's decision on a flag, as every review route takes it. */
export interface ReviewDecision {
  version: number;
  note: string;
  verdict: Verdict | null;
  evidence: Array<{ url: string; title: string }>;
  /** The statement text the reviewer judged, when the client sends it: a resolve on other words is refused. */
  judgedText?: string;
  /** repeats_checked_claim: the earlier verdict applied (its source and documentId), for a resolve. */
  apply?: { source: 'statement' | 'fact-check'; documentId: string };
  /** repeats_checked_claim: dismissed because the earlier claims are not the same claim. */
  notSameClaim: boolean;
}

/**
 * Reads a claim, resolve, dismiss or reopen body. A dismissal needs a note saying why (or
 * `notSameClaim`, which says it); a resolve needs a verdict unless it applies an earlier one.
 */
export function readReviewDecision(action: ReviewAction, body: Record<string, unknown>): ReviewDecision {
  const version = readVersion(body);
  const notSameClaim = action === 'dismiss' && body.notSameClaim === true;
  const note = readNote(body, action === 'dismiss' && !notSameClaim);
  let apply: ReviewDecision['apply'];
  if (action === 'resolve' && body.apply !== undefined && body.apply !== null) {
    const { apply: raw } = body;
    if (!isPlainObject(raw) || (raw.source !== 'statement' && raw.source !== 'fact-check') || typeof raw.documentId !== 'string' || raw.documentId.length === 0 || raw.documentId.length > 64) {
      throw new InputError('apply', 'apply must be { source: "statement" | "fact-check", documentId } of an earlier verdict the flag shows');
    }
    apply = { source: raw.source, documentId: raw.documentId };
  }
  const verdict = action === 'resolve' && !(apply && (body.verdict === undefined || body.verdict === null)) ? readVerdict(body) : null;
  const evidence = action === 'resolve' ? readEvidence(body) : [];
  let judgedText: string | undefined;
  if (action === 'resolve' && body.text !== undefined) {
    if (typeof body.text !== 'string' || body.text.length > 5000) throw new InputError('text', 'text must be the statement text you judged');
    judgedText = body.text;
  }
  return { version, note, verdict, evidence, notSameClaim, ...(apply ? { apply } : {}), ...(judgedText !== undefined ? { judgedText } : {}) };
}

/** The most documents one open-flags question may name: a list view's largest page. */
export const MAX_OPEN_FLAG_DOCUMENTS = 100;

export interface OpenFlagsQuery {
  type: 'statement' | 'story';
  documentIds: string[];
}

/** `?type=statement|story&documentIds=a,b,c`: the rows of one list page. */
export function readOpenFlagsQuery(query: Record<string, unknown>): OpenFlagsQuery {
  const { type, documentIds } = query;
  if (type !== 'statement' && type !== 'story') throw new InputError('type', 'type must be statement or story');
  if (typeof documentIds !== 'string') throw new InputError('documentIds', 'documentIds must be a comma-separated list of documentIds');
  const ids = [...new Set(documentIds.split(',').filter((id) => id !== ''))];
  if (ids.length > MAX_OPEN_FLAG_DOCUMENTS) throw new InputError('documentIds', `documentIds may name at most ${MAX_OPEN_FLAG_DOCUMENTS} documents`);
  if (ids.some((id) => id.length > 64)) throw new InputError('documentIds', 'documentIds must be documentIds');
  return { type, documentIds: ids };
}
