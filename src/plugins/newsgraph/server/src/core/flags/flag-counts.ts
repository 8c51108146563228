import { FLAG_KINDS, FLAG_STATUSES, SEVERITIES, type FlagKind, type FlagStatus, type Severity } from './flag-types';

/** The facets the review queue counts flags by. */
export interface FlagCountKey {
  status: FlagStatus;
  kind: FlagKind;
  severity: Severity;
}

export interface FlagCountRow extends FlagCountKey {
  count: number;
}

/** Counts per status, per kind and per severity, every known value present (zero when none). */
export interface FlagCountSummary {
  total: number;
  byStatus: Record<FlagStatus, number>;
  /** Per status, the count of each kind. */
  byKind: Record<FlagStatus, Record<FlagKind, number>>;
  /** Per status, the count of each severity. */
  bySeverity: Record<FlagStatus, Record<Severity, number>>;
}

const zeros = <Name extends string>(names: readonly Name[]) => Object.fromEntries(names.map((name) => [name, 0])) as Record<Name, number>;

export function summarizeFlagCounts(rows: readonly FlagCountRow[]): FlagCountSummary {
  const summary: FlagCountSummary = {
    total: 0,
    byStatus: zeros(FLAG_STATUSES),
    byKind: Object.fromEntries(FLAG_STATUSES.map((status) => [status, zeros(FLAG_KINDS)])) as FlagCountSummary['byKind'],
    bySeverity: Object.fromEntries(FLAG_STATUSES.map((status) => [status, zeros(SEVERITIES)])) as FlagCountSummary['bySeverity'],
  };
  for (const row of rows) {
    // A value no longer in the domain (a retired kind, say) still counts in the totals.
    const count = Number(row.count);
    summary.total += count;
    if (!(row.status in summary.byStatus)) continue;
    summary.byStatus[row.status] += count;
    if (row.kind in summary.byKind[row.status]) summary.byKind[row.status][row.kind] += count;
    if (row.severity in summary.bySeverity[row.status]) summary.bySeverity[row.status][row.severity] += count;
  }
  return summary;
}

/**
 * The number of flags matching a list filter, when the counts can answer it (the filter names only
 * status, kind and severity); undefined when the filter needs the flags themselves.
 */
export function countMatching(rows: readonly FlagCountRow[], filter: Readonly<Record<string, string | number | undefined>>): number | undefined {
  const facets = ['status', 'kind', 'severity'] as const;
  if (Object.entries(filter).some(([name, value]) => value !== undefined && !(facets as readonly string[]).includes(name))) return undefined;
  return rows.filter((row) => facets.every((facet) => filter[facet] === undefined || row[facet] === filter[facet])).reduce((sum, row) => sum + Number(row.count), 0);
}
