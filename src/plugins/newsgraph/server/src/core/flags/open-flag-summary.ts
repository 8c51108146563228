import { SEVERITIES, type FlagStatus, type Severity } from './flag-types';

/** Statuses that still ask for a human: the flags a list view counts as open. */
export const UNRESOLVED_STATUSES: readonly FlagStatus[] = ['open', 'in_review'];

/** What a list view shows of one document's unresolved flags. */
export interface OpenFlagSummary {
  open: number;
  /** The most severe of them; null when there are none. */
  worstSeverity: Severity | null;
}

/** One unresolved flag, reduced to the document it belongs to and its severity. */
export interface OpenFlagRow {
  documentId: string;
  severity: Severity;
}

const rank = (severity: Severity | null): number => (severity === null ? -1 : SEVERITIES.indexOf(severity));

/**
 * Counts unresolved flags per document, keeping the worst severity. Every asked document gets an
 * entry, so a list can tell "no open flags" (0) from "not asked".
 */
export function summarizeOpenFlags(documentIds: readonly string[], rows: readonly OpenFlagRow[]): Record<string, OpenFlagSummary> {
  const summary: Record<string, OpenFlagSummary> = Object.create(null) as Record<string, OpenFlagSummary>;
  for (const documentId of documentIds) summary[documentId] = { open: 0, worstSeverity: null };
  for (const row of rows) {
    const entry = summary[row.documentId];
    if (!entry) continue;
    entry.open += 1;
    if (rank(row.severity) > rank(entry.worstSeverity)) entry.worstSeverity = row.severity;
  }
  return summary;
}
