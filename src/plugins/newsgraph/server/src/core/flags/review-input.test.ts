import { MAX_EVIDENCE_ITEMS, MAX_NOTE_LENGTH, readEvidence, readFlagListQuery, readNote, readVerdict, readVersion } from './review-input';
import { InputError } from '../input-error';

const fails = (read: () => unknown, path: string) => {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).path).toBe(path);
    return;
  }
  throw new Error('expected a InputError');
};

describe('review bodies', () => {
  it('readVersion - should take a positive integer and refuse anything else', () => {
    expect(readVersion({ version: 3 })).toBe(3);
    for (const version of [undefined, 0, -1, 1.5, '3', null]) fails(() => readVersion({ version }), 'version');
  });

  it('readVerdict - should take a verification value other than unverified', () => {
    expect(readVerdict({ verdict: 'false' })).toBe('false');
    for (const verdict of ['unverified', 'probably', undefined, 1]) fails(() => readVerdict({ verdict }), 'verdict');
  });

  it('readNote - should trim, require it when asked, and bound its length', () => {
    expect(readNote({ note: '  checked  ' }, false)).toBe('checked');
    expect(readNote({}, false)).toBe('');
    fails(() => readNote({}, true), 'note');
    fails(() => readNote({ note: 42 }, false), 'note');
    fails(() => readNote({ note: 'x'.repeat(MAX_NOTE_LENGTH + 1) }, false), 'note');
  });

  it('readEvidence - should take http(s) links with titles and refuse other schemes, too many items or bad shapes', () => {
    expect(readEvidence({ evidence: [{ url: 'https://example.org/a', title: 'A' }, { url: 'http://example.org/b' }] })).toEqual([
      { url: 'https://example.org/a', title: 'A' },
      { url: 'http://example.org/b', title: '' },
    ]);
    expect(readEvidence({})).toEqual([]);
    fails(() => readEvidence({ evidence: [{ url: 'javascript:alert(1)' }] }), 'evidence.0.url');
    fails(() => readEvidence({ evidence: [{ url: 'https://example.org', title: 7 }] }), 'evidence.0.title');
    fails(() => readEvidence({ evidence: 'https://example.org' }), 'evidence');
    fails(() => readEvidence({ evidence: Array.from({ length: MAX_EVIDENCE_ITEMS + 1 }, () => ({ url: 'https://example.org' })) }), 'evidence');
  });
});

describe('readFlagListQuery', () => {
  it('readFlagListQuery - should default to the first 25 by score', () => {
    expect(readFlagListQuery({})).toEqual({ sort: 'score', page: 1, pageSize: 25, status: undefined, kind: undefined, severity: undefined, story: undefined, actor: undefined, assignee: undefined, minScore: undefined });
  });

  it('readFlagListQuery - should read every filter', () => {
    expect(readFlagListQuery({ status: 'open', kind: 'quote_mismatch', severity: 'high', story: 's1', actor: 'a1', assignee: 'me', minScore: '0.4', sort: 'age', page: '2', pageSize: '50' })).toEqual({
      status: 'open', kind: 'quote_mismatch', severity: 'high', story: 's1', actor: 'a1', assignee: 'me', minScore: 0.4, sort: 'age', page: 2, pageSize: 50,
    });
  });

  it.each([
    [{ status: 'closed' }, 'status'],
    [{ kind: 'typo' }, 'kind'],
    [{ severity: 'urgent' }, 'severity'],
    [{ sort: 'name' }, 'sort'],
    [{ page: '0' }, 'page'],
    [{ pageSize: '1000' }, 'pageSize'],
    [{ minScore: '2' }, 'minScore'],
    [{ story: ['a', 'b'] }, 'story'],
  ])('readFlagListQuery - should refuse %j', (query, path) => {
    fails(() => readFlagListQuery(query), path);
  });
});
