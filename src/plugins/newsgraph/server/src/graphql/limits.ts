import type { Core } from '@strapi/strapi';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphqlConfig } from '../config';
import { paginationLimitError, paginationOverLimit } from './pagination-limit';
import { inputDepthError, jsonDepth, maxInputDepthRule } from './input-depth';

/** Error codes of a query refused before it ran: the client's to fix. */
const REFUSAL_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'PAGINATION_LIMIT_EXCEEDED', 'INPUT_DEPTH_EXCEEDED']);

/**
 * graphql-armor refuses a query while Apollo parses it, and Apollo answers such errors with a 500
 * unless they name a status: a refused query is the client's mistake, so its answer is a 400.
 */
const refusalsAreClientErrors: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const { data, errors } = response.body.singleResult;
        if (data !== undefined && data !== null) return;
        if (errors?.length && errors.every((error) => REFUSAL_CODES.has(String(error.extensions?.code)))) response.http.status = 400;
      },
    };
  },
};

/**
 * Every GraphQL operation is bounded before it runs: tokens by graphql-js's parser (so a megabyte
 * of query text is refused while it is parsed, not after); aliases, directives and a static cost by
 * graphql-armor; depth by Strapi's own depthLimit; the nesting of arguments (literal or variable)
 * by the plugin; page size by the plugin, which refuses a
 * `pagination` over maxLimit where Strapi would quietly cut it. Each refusal is a GraphQL error that names the limit. Field
 * suggestions ("Did you mean ...?") are off in production, where they would map the schema for
 * anyone probing it.
 *
 * Order matters. Strapi's depthLimit (graphql-depth-limit) walks the whole document, fragments
 * followed, as soon as graphql-js instantiates it, before any rule has visited a node: a fragment
 * cycle that adds no field (`{ ...F } fragment F on Query { ...G } fragment G on Query { ...F }`)
 * recursed until "Maximum call stack size exceeded", a 500, and a fan-out of fragments spreading each
 * other twice took exponential time. Apollo's maxRecursiveSelections makes the configured
 * validationRules (Strapi's depthLimit and armor's rules included) "later" rules: they run only once
 * graphql-js's specifiedRules (NoFragmentCycles, KnownFragmentNames, ...) and Apollo's own count of the
 * selections with fragments expanded (linear, cycle-safe) have found nothing.
 */
export function graphqlProtection(strapi: Core.Strapi): {
  plugins: ApolloServerPlugin[];
  validationRules: unknown[];
  parseOptions: { maxTokens: number };
  maxRecursiveSelections: number;
} {
  const { limits } = strapi.config.get('plugin::newsgraph.graphql') as GraphqlConfig;
  const production = process.env.NODE_ENV === 'production';
  const armor = new ApolloArmor({
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: limits.maxDirectives },
    // Tokens are counted by graphql-js's own parser (parseOptions below): armor's token plugin
    // throws from a hook where Apollo turns every error into a 500.
    maxTokens: { enabled: false },
    costLimit: { maxCost: limits.maxCost },
    // Depth is Strapi's depthLimit (plugin::graphql.depthLimit), which skips introspection: this
    // bound, far above it, exists for `__schema { types { fields { type { ofType { ofType ...` that
    // graphql-js's MaxIntrospectionDepthRule (which counts fields, not ofType) lets through.
    maxDepth: { n: limits.maxIntrospectionDepth, ignoreIntrospection: false, flattenFragments: true },
    blockFieldSuggestion: { enabled: production },
  }).protect();

  const pageLimit: ApolloServerPlugin = {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          // Before graphql-js coerces the variables and Strapi walks them, both recursively.
          for (const [name, value] of Object.entries(request.variables ?? {})) {
            const depth = jsonDepth(value, limits.maxInputDepth);
            if (depth > limits.maxInputDepth) throw inputDepthError(depth, limits.maxInputDepth, `$${name}`);
          }
          const maxLimit = Number(strapi.config.get('plugin::graphql.maxLimit') ?? 100);
          const over = paginationOverLimit(schema, document, request.variables, maxLimit);
          if (over.length > 0) throw paginationLimitError(over, maxLimit);
        },
      };
    },
  };
  return {
    plugins: [...(armor.plugins as ApolloServerPlugin[]), pageLimit, refusalsAreClientErrors],
    validationRules: [...armor.validationRules, maxInputDepthRule(limits.maxInputDepth)],
    // The parser stops at the limit ("Document contains more that N tokens", sic), before it builds a
    // megabyte of syntax tree, and Apollo answers it as the syntax error it is: a 400.
    parseOptions: { maxTokens: limits.maxTokens },
    maxRecursiveSelections: limits.maxSelections,
  };
}
