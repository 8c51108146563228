import { GraphQLError, TypeInfo, getNamedType, isInputObjectType, valueFromAST, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';

/** A `pagination` argument asking for more than the configured maximum. */
export interface PaginationOverLimit {
  /** The field path as written, e.g. `stories` or `actors.statementsMade`. */
  field: string;
  name: 'limit' | 'pageSize';
  value: number;
}

/**
 * Finds every `pagination` argument of an operation (in the operation and its fragments, literal or
 * given as a variable) whose `limit` or `pageSize` exceeds `maxLimit`. Strapi would quietly cut such
 * a page to the maximum; a developer asking for 10,000 rows should be told instead. `limit: -1`
 * ("all") counts as over the limit too.
 */
export function paginationOverLimit(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, maxLimit: number): PaginationOverLimit[] {
  const found: PaginationOverLimit[] = [];
  const typeInfo = new TypeInfo(schema);
  const path: string[] = [];
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      // A fragment's fields are named from the fragment: `...Details.statementsMade`.
      FragmentDefinition: {
        enter(node) {
          path.push(`...${node.name.value}`);
        },
        leave() {
          path.pop();
        },
      },
      Field: {
        enter(node) {
          path.push(node.alias?.value ?? node.name.value);
        },
        leave() {
          path.pop();
        },
      },
      Argument(node) {
        if (node.name.value !== 'pagination') return;
        const argument = typeInfo.getArgument();
        if (!argument || !isInputObjectType(getNamedType(argument.type))) return;
        const value = valueFromAST(node.value, argument.type, variables) as Record<string, unknown> | undefined;
        for (const name of ['limit', 'pageSize'] as const) {
          const asked = value?.[name];
          if (typeof asked === 'number' && (asked > maxLimit || asked < 0)) found.push({ field: path.join('.'), name, value: asked });
        }
      },
    })
  );
  return found;
}

/** The error a client gets: it names the limit and where it was passed. */
export function paginationLimitError(over: PaginationOverLimit[], maxLimit: number): GraphQLError {
  const where = over.map((item) => `${item.field}(pagination: { ${item.name}: ${item.value} })`).join(', ');
  return new GraphQLError(`Pagination limit exceeded: at most ${maxLimit} items per page (pagination.limit and pagination.pageSize, 1..${maxLimit}); asked ${where}`, {
    extensions: { code: 'PAGINATION_LIMIT_EXCEEDED', maxLimit, http: { status: 400 } },
  });
}
