import { DEFAULT_FLAGS_CONFIG, readFlagsConfig, type FlagsConfig } from '../core/flags/flag-config';
import { checkUrlPattern, type ClaimReviewConfig } from '../core/claims/claim-review';

/**
 * The plugin's configuration (config/plugins.ts, key `newsgraph.config`). Checked by `validator`,
 * which Strapi calls at start-up: a typo or a wrong type stops start-up with a message naming it.
 */
export interface NewsgraphConfig {
  /**
   * Link statements to actors and proposals on every save (default true). Turn off for a bulk import,
   * then run `npm run relink -- --all`.
   */
  linking: boolean;
  /** Flag rules (on or off, severity, threshold) and review guards: see core/flags/flag-config.ts. */
  flags: FlagsConfig;
  /**
   * Who publishes the ClaimReview JSON-LD (its author and publisher), and the public page of each fact
   * check (`urlPattern`): see core/claims/claim-review.ts.
   */
  claimReview: ClaimReviewConfig;
  graphql: GraphqlConfig;
}

export interface GraphqlConfig {
  /**
   * Load Statement.speaker, mentions and proposals for all the statements of a request at once
   * (default true). Off only to measure Strapi's own resolvers against them (`npm run bench:graphql`).
   */
  batchRelations: boolean;
  /**
   * Bounds of every GraphQL operation, enforced by graphql-armor before anything runs. Depth and
   * page size are Strapi's own settings (plugin::graphql depthLimit and maxLimit). `maxSelections`
   * counts fields with every fragment expanded (Apollo's maxRecursiveSelections), checked with
   * graphql-js's own validation, before the depth and cost analyses (graphql/limits.ts).
   * `maxIntrospectionDepth` bounds depth with introspection counted (the standard introspection
   * query, graphql-js's getIntrospectionQuery(), is 14 deep). `maxInputDepth` bounds how deeply an
   * argument nests objects and lists (graphql/input-depth.ts).
   */
  /**
   * Keep the Public role's answers to story pages (queries of `storyBySlug` only) and serve them
   * again until any watched write moves the data version on (graphql/public-answer-cache.ts,
   * services/public-read-version.ts). `maxEntries` bounds how many answers one instance keeps.
   */
  publicCache: { enabled: boolean; maxEntries: number };
  limits: { maxAliases: number; maxDirectives: number; maxTokens: number; maxCost: number; maxSelections: number; maxIntrospectionDepth: number; maxInputDepth: number };
}

const defaults: NewsgraphConfig = {
  linking: true,
  flags: DEFAULT_FLAGS_CONFIG,
  claimReview: { name: 'Newsgraph newsroom', url: null, urlPattern: null },
  graphql: {
    batchRelations: true,
    publicCache: { enabled: true, maxEntries: 500 },
    // Generous for real pages (docs/graphql.md's largest example costs about a tenth of maxCost),
    // far below what an alias bomb or a megabyte of query text needs.
    limits: { maxAliases: 15, maxDirectives: 20, maxTokens: 5000, maxCost: 5000, maxSelections: 10000, maxIntrospectionDepth: 20, maxInputDepth: 20 },
  },
};

const KNOWN_KEYS = new Set<string>(Object.keys(defaults));

export default {
  default: defaults,
  /** @throws Error naming the offending key, which stops start-up with that message */
  validator(config: Record<string, unknown>): void {
    for (const key of Object.keys(config)) {
      if (!KNOWN_KEYS.has(key)) throw new Error(`newsgraph config: unknown key "${key}" (known: ${[...KNOWN_KEYS].join(', ')})`);
    }
    if (typeof config.linking !== 'boolean') throw new Error('newsgraph config: "linking" must be true or false');
    const { problems } = readFlagsConfig(config.flags);
    if (problems.length > 0) throw new Error(`newsgraph config: ${problems.join('; ')}`);
    const claimReview = config.claimReview as Record<string, unknown> | undefined;
    if (!claimReview || typeof claimReview.name !== 'string' || claimReview.name.trim() === '') throw new Error('newsgraph config: claimReview.name must name the newsroom');
    for (const key of Object.keys(claimReview)) {
      if (!(key in defaults.claimReview)) throw new Error(`newsgraph config: claimReview.${key} is not a setting (known: ${Object.keys(defaults.claimReview).join(', ')})`);
    }
    if (claimReview.url !== null && claimReview.url !== undefined && (typeof claimReview.url !== 'string' || !/^https?:\/\//.test(claimReview.url))) {
      throw new Error('newsgraph config: claimReview.url must be an http(s) URL or null');
    }
    if (claimReview.urlPattern !== null && claimReview.urlPattern !== undefined) {
      const problem = checkUrlPattern(claimReview.urlPattern);
      if (problem) throw new Error(`newsgraph config: claimReview.urlPattern ${problem}, e.g. https://news.example/{slug}#claim-{documentId}`);
    }
    const graphql = config.graphql as { batchRelations?: unknown; publicCache?: Record<string, unknown>; limits?: Record<string, unknown> } | undefined;
    if (!graphql || typeof graphql.batchRelations !== 'boolean') throw new Error('newsgraph config: graphql.batchRelations must be true or false');
    if (typeof graphql.publicCache?.enabled !== 'boolean') throw new Error('newsgraph config: graphql.publicCache.enabled must be true or false');
    if (!Number.isInteger(graphql.publicCache.maxEntries) || (graphql.publicCache.maxEntries as number) < 1) throw new Error('newsgraph config: graphql.publicCache.maxEntries must be a whole number of 1 or more');
    for (const key of Object.keys(graphql.publicCache)) {
      if (!(key in defaults.graphql.publicCache)) throw new Error(`newsgraph config: graphql.publicCache.${key} is not a setting (known: ${Object.keys(defaults.graphql.publicCache).join(', ')})`);
    }
    for (const limit of Object.keys(defaults.graphql.limits)) {
      const value = graphql.limits?.[limit];
      if (!Number.isInteger(value) || (value as number) < 1) throw new Error(`newsgraph config: graphql.limits.${limit} must be a whole number of 1 or more`);
    }
    for (const limit of Object.keys(graphql.limits ?? {})) {
      if (!(limit in defaults.graphql.limits)) throw new Error(`newsgraph config: graphql.limits.${limit} is not a limit (known: ${Object.keys(defaults.graphql.limits).join(', ')})`);
    }
  },
};
