import { isHttpUrl } from '../field-validation';
import { isPlainObject } from '../model-spec';
import { FLAG_KINDS, FLAG_STATUSES, SEVERITIES } from './flag-types';

/**
 * Checks the bodies and queries of the review routes (DOMAIN.md "The plugin's routes"). Each
 * function returns the clean value or throws ReviewInputError naming the field; the controller turns
 * that into a 400 that changes nothing.
 */
export class ReviewInputError extends Error {
  constructor(
    readonly path: string,
    message: string
  ) {
    super(message);
  }
}

/** Verdicts a resolution may give: the statement's verification values, minus "not yet checked". */
export const VERDICTS = ['accurate', 'mostly_accurate', 'misleading', 'false', 'unsupported', 'unverifiable', 'not_a_claim'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const MAX_NOTE_LENGTH = 10_000;
export const MAX_EVIDENCE_ITEMS = 20;
export const MAX_PAGE_SIZE = 100;

export function readVersion(body: Record<string, unknown>): number {
  const { version } = body;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw new ReviewInputError('version', 'version is required: the flag version you last read (an integer from 1)');
  return version;
}

export function readNote(body: Record<string, unknown>, required: boolean): string {
  const { note } = body;
  if (note === undefined || note === null || note === '') {
    if (required) throw new ReviewInputError('note', 'note is required: say why');
    return '';
  }
  if (typeof note !== 'string') throw new ReviewInputError('note', 'note must be text');
  if (note.length > MAX_NOTE_LENGTH) throw new ReviewInputError('note', `note may hold at most ${MAX_NOTE_LENGTH} characters`);
  return note.trim();
}

export function readVerdict(body: Record<string, unknown>): Verdict {
  const { verdict } = body;
  if (typeof verdict !== 'string' || !(VERDICTS as readonly string[]).includes(verdict)) throw new ReviewInputError('verdict', `verdict must be one of ${VERDICTS.join(', ')}`);
  return verdict as Verdict;
}

export function readEvidence(body: Record<string, unknown>): Array<{ url: string; title: string }> {
  const { evidence } = body;
  if (evidence === undefined || evidence === null) return [];
  if (!Array.isArray(evidence)) throw new ReviewInputError('evidence', 'evidence must be a list of { url, title }');
  if (evidence.length > MAX_EVIDENCE_ITEMS) throw new ReviewInputError('evidence', `evidence may hold at most ${MAX_EVIDENCE_ITEMS} links`);
  return evidence.map((item, index) => {
    if (!isPlainObject(item) || typeof item.url !== 'string' || !isHttpUrl(item.url)) throw new ReviewInputError(`evidence.${index}.url`, `evidence ${index + 1} needs an http or https url`);
    if (item.title !== undefined && typeof item.title !== 'string') throw new ReviewInputError(`evidence.${index}.title`, `evidence ${index + 1}: title must be text`);
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
  if (typeof value !== 'string' || !allowed.includes(value)) throw new ReviewInputError(key, `${key} must be one of ${allowed.join(', ')}`);
  return value;
}

function positiveInteger(query: Record<string, unknown>, key: string, fallback: number, max: number): number {
  const value = query[key];
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > max) throw new ReviewInputError(key, `${key} must be an integer from 1 to ${max}`);
  return number;
}

export function readFlagListQuery(query: Record<string, unknown>): FlagListQuery {
  const text = (key: string) => {
    const value = query[key];
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string' || value.length > 100) throw new ReviewInputError(key, `${key} must be a documentId`);
    return value;
  };
  let minScore: number | undefined;
  if (query.minScore !== undefined && query.minScore !== '') {
    minScore = Number(query.minScore);
    if (!(minScore >= 0 && minScore <= 1)) throw new ReviewInputError('minScore', 'minScore must be a number from 0 to 1');
  }
  return {
    status: oneOf(query, 'status', FLAG_STATUSES),
    kind: oneOf(query, 'kind', FLAG_KINDS),
    severity: oneOf(query, 'severity', SEVERITIES),
    story: text('story'),
    actor: text('actor'),
    assignee: text('assignee'),
    minScore,
    sort: (oneOf(query, 'sort', ['score', 'age']) as 'score' | 'age' | undefined) ?? 'score',
    page: positiveInteger(query, 'page', 1, 1_000_000),
    pageSize: positiveInteger(query, 'pageSize', 25, MAX_PAGE_SIZE),
  };
}
