import { countMatching, summarizeFlagCounts, type FlagCountRow } from './flag-counts';

const rows: FlagCountRow[] = [
  { status: 'open', kind: 'unverified_claim', severity: 'medium', count: 7 },
  { status: 'open', kind: 'unverified_claim', severity: 'high', count: 2 },
  { status: 'open', kind: 'missing_source', severity: 'low', count: 3 },
  { status: 'resolved', kind: 'unverified_claim', severity: 'medium', count: 5 },
];

describe('summarizeFlagCounts', () => {
  it('adds up per status, per kind and per severity, with zeros for the rest', () => {
    const summary = summarizeFlagCounts(rows);
    expect(summary.total).toBe(17);
    expect(summary.byStatus).toEqual({ open: 12, in_review: 0, resolved: 5, dismissed: 0, obsolete: 0 });
    expect(summary.byKind.open.unverified_claim).toBe(9);
    expect(summary.byKind.open.missing_source).toBe(3);
    expect(summary.byKind.obsolete.unverified_claim).toBe(0);
    expect(summary.bySeverity.open).toEqual({ low: 3, medium: 7, high: 2 });
  });

  it('reads counts that the database returns as text (PostgreSQL sums are numeric)', () => {
    expect(summarizeFlagCounts([{ status: 'open', kind: 'missing_source', severity: 'low', count: '12' as unknown as number }]).byStatus.open).toBe(12);
  });
});

describe('countMatching', () => {
  it('answers filters on status, kind and severity from the counts', () => {
    expect(countMatching(rows, { status: 'open' })).toBe(12);
    expect(countMatching(rows, { status: 'open', kind: 'unverified_claim' })).toBe(9);
    expect(countMatching(rows, { kind: 'unverified_claim', severity: 'medium' })).toBe(12);
    expect(countMatching(rows, {})).toBe(17);
    expect(countMatching(rows, { status: 'dismissed' })).toBe(0);
  });

  it('declines filters that need the flags themselves', () => {
    expect(countMatching(rows, { status: 'open', story: 'abc' })).toBeUndefined();
    expect(countMatching(rows, { status: 'open', minScore: 0.5 })).toBeUndefined();
    expect(countMatching(rows, { status: 'open', story: undefined, minScore: undefined })).toBe(12);
  });
});
