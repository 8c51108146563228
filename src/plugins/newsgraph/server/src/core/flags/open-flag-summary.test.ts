import { summarizeOpenFlags } from './open-flag-summary';

describe('summarizeOpenFlags', () => {
  it('Counting - should count each document\'s flags and keep the worst severity', () => {
    const summary = summarizeOpenFlags(['a', 'b', 'c'], [
      { documentId: 'a', severity: 'low' },
      { documentId: 'a', severity: 'high' },
      { documentId: 'a', severity: 'medium' },
      { documentId: 'b', severity: 'medium' },
    ]);
    expect(summary).toEqual({
      a: { open: 3, worstSeverity: 'high' },
      b: { open: 1, worstSeverity: 'medium' },
      c: { open: 0, worstSeverity: null },
    });
  });

  it('Scope - should ignore rows of documents that were not asked for', () => {
    expect(summarizeOpenFlags(['a'], [{ documentId: 'z', severity: 'high' }])).toEqual({ a: { open: 0, worstSeverity: null } });
  });

  it('Keys - should not let a document id reach the prototype', () => {
    const summary = summarizeOpenFlags(['__proto__'], [{ documentId: '__proto__', severity: 'low' }]);
    expect(summary['__proto__']).toEqual({ open: 1, worstSeverity: 'low' });
    expect(({} as Record<string, unknown>).open).toBeUndefined();
  });
});
