import { buildSchema, parse } from 'graphql';
import { paginationLimitError, paginationOverLimit } from './pagination-limit';

const schema = buildSchema(`
  input PaginationArg { page: Int, pageSize: Int, start: Int, limit: Int }
  type Actor { name: String, statementsMade(pagination: PaginationArg = {}): [Statement] }
  type Statement { text: String }
  type Query { actors(pagination: PaginationArg = {}): [Actor], actor(documentId: ID!): Actor }
`);

const over = (query: string, variables?: Record<string, unknown>) => paginationOverLimit(schema, parse(query), variables, 100);

describe('paginationOverLimit', () => {
  it('finds a literal limit or pageSize over the maximum, with its path', () => {
    expect(over('{ actors(pagination: { limit: 100000 }) { name } }')).toEqual([{ field: 'actors', name: 'limit', value: 100000 }]);
    expect(over('{ a: actors { statementsMade(pagination: { pageSize: 500 }) { text } } }')).toEqual([{ field: 'a.statementsMade', name: 'pageSize', value: 500 }]);
  });

  it('reads limits passed as variables, whole or in part', () => {
    expect(over('query($p: PaginationArg) { actors(pagination: $p) { name } }', { p: { limit: 1000 } })).toHaveLength(1);
    expect(over('query($n: Int) { actors(pagination: { limit: $n }) { name } }', { n: 1000 })).toHaveLength(1);
    expect(over('query($n: Int) { actors(pagination: { limit: $n }) { name } }', { n: 10 })).toEqual([]);
  });

  it('looks inside fragments, and counts -1 (everything) as over', () => {
    expect(over('{ actors { ...F } } fragment F on Actor { statementsMade(pagination: { limit: -1 }) { text } }')).toEqual([{ field: '...F.statementsMade', name: 'limit', value: -1 }]);
  });

  it('accepts the maximum itself and queries without pagination', () => {
    expect(over('{ actors(pagination: { limit: 100 }) { name } actor(documentId: "x") { name } }')).toEqual([]);
  });

  it('names the limit in the error', () => {
    const error = paginationLimitError([{ field: 'actors', name: 'limit', value: 5000 }], 100);
    expect(error.message).toContain('at most 100');
    expect(error.message).toContain('actors(pagination: { limit: 5000 })');
    expect(error.extensions.code).toBe('PAGINATION_LIMIT_EXCEEDED');
  });
});
