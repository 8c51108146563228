import type { Core, Modules } from '@strapi/strapi';
import { ACTOR_UID, FACT_CHECK_UID, FLAG_UID, REJECTED_SUGGESTION_UID, RELINK_JOB_UID, REVIEW_EVENT_UID } from './constants';
import { DOCUMENT_MIDDLEWARES } from './document-middlewares';
import type { GraphqlConfig } from './config';
import { graphqlProtection } from './graphql/limits';
import { buildNewsgraphResolvers, NEWSGRAPH_TYPE_DEFS, REVIEW_QUEUE_ACTION } from './graphql/newsgraph-schema';
import { SUGGEST_STATEMENTS_ACTION } from './controllers/statement-suggestions';
import { buildRelationBatching } from './graphql/relation-loaders';
import { buildPublicRelationGuards } from './graphql/restrict-public-relations';
import { publicAnswerCachePlugin } from './graphql/public-answer-cache';
import { allowReservedEnumValues } from './graphql/reserved-enum-values';
import { adminReviewerStrategy } from './strapi/admin-reviewer-strategy';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  for (const createMiddleware of DOCUMENT_MIDDLEWARES) {
    // Strapi types middlewares over its generated uid union; ours take plain uids (strapi/types.ts).
    strapi.documents.use(createMiddleware(strapi) as unknown as Modules.Documents.Middleware.Middleware);
  }

  // Admins with the review permission read the review queue over the content API (GraphQL).
  (strapi.get('auth') as { register(type: string, strategy: unknown): void }).register('content-api', adminReviewerStrategy(strapi));

  if (strapi.plugin('graphql')) {
    allowReservedEnumValues(strapi);
    // One resolversConfig for all: Strapi merges the configs of several use() calls index by index,
    // so two middleware lists for one field would overwrite each other.
    const resolversConfig: Record<string, { middlewares?: unknown[]; auth?: unknown }> = buildPublicRelationGuards(strapi);
    const batching = buildRelationBatching(strapi, () => (strapi.config.get('plugin::newsgraph.graphql') as GraphqlConfig).batchRelations);
    for (const [field, batch] of Object.entries(batching)) {
      // Batching first: it answers plain reads itself and hands filtered ones to the guard and Strapi.
      resolversConfig[field] = { ...resolversConfig[field], middlewares: [batch, ...(resolversConfig[field]?.middlewares ?? [])] };
    }
    Object.assign(resolversConfig, {
      'Query.storyBySlug': { auth: { scope: ['api::story.story.find'] } },
      'Query.actorBySlug': { auth: { scope: ['api::actor.actor.find'] } },
      'Query.actorTimeline': { auth: { scope: ['api::statement.statement.find'] } },
      'Query.reviewQueue': { auth: { scope: [REVIEW_QUEUE_ACTION] } },
      'Query.suggestStatements': { auth: { scope: [SUGGEST_STATEMENTS_ACTION] } },
    });
    strapi
      .plugin('graphql')
      .service('extension')
      .use(() => ({ typeDefs: NEWSGRAPH_TYPE_DEFS, resolvers: buildNewsgraphResolvers(strapi), resolversConfig }));

    // Read by the GraphQL plugin when it starts its Apollo server, after every plugin's register.
    const apollo = (strapi.config.get('plugin::graphql.apolloServer') ?? {}) as { plugins?: unknown[]; validationRules?: unknown[] };
    const protection = graphqlProtection(strapi);
    strapi.config.set('plugin::graphql.apolloServer', {
      ...apollo,
      parseOptions: protection.parseOptions,
      maxRecursiveSelections: protection.maxRecursiveSelections,
      plugins: [...(apollo.plugins ?? []), ...protection.plugins, publicAnswerCachePlugin(strapi, () => (strapi.config.get('plugin::newsgraph.graphql') as GraphqlConfig).publicCache)],
      validationRules: [...(apollo.validationRules ?? []), ...protection.validationRules],
    });
    // Relink jobs are the plugin's own bookkeeping, read through its admin routes, not an API.
    // Flags and review events reach GraphQL only through the review queue (issue 5), never through
    // generated queries that a full-access token or a misconfigured role could read. Imported
    // fact-checks reach it only as the earlier verdicts a flag shows; they are changed by imports.
    for (const uid of [RELINK_JOB_UID, FLAG_UID, REVIEW_EVENT_UID, FACT_CHECK_UID, REJECTED_SUGGESTION_UID]) strapi.plugin('graphql').service('extension').shadowCRUD(uid).disable();
    // The plugin's own memory of the automatic aliases editors deleted: not an API field.
    strapi.plugin('graphql').service('extension').shadowCRUD(ACTOR_UID).field('removedCountryAliases').disable();
  }
};
