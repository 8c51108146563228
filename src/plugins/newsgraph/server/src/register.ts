import type { Core, Modules } from '@strapi/strapi';
import { FLAG_UID, RELINK_JOB_UID, REVIEW_EVENT_UID } from './constants';
import { DOCUMENT_MIDDLEWARES } from './document-middlewares';
import { buildPublicRelationGuards } from './graphql/restrict-public-relations';
import { allowReservedEnumValues } from './graphql/reserved-enum-values';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  for (const createMiddleware of DOCUMENT_MIDDLEWARES) {
    // Strapi types middlewares over its generated uid union; ours take plain uids (strapi/types.ts).
    strapi.documents.use(createMiddleware(strapi) as unknown as Modules.Documents.Middleware.Middleware);
  }

  if (strapi.plugin('graphql')) {
    allowReservedEnumValues(strapi);
    strapi
      .plugin('graphql')
      .service('extension')
      .use(() => ({ resolversConfig: buildPublicRelationGuards(strapi) }));
    // Relink jobs are the plugin's own bookkeeping, read through its admin routes, not an API.
    // Flags and review events reach GraphQL only through the review queue (issue 5), never through
    // generated queries that a full-access token or a misconfigured role could read.
    for (const uid of [RELINK_JOB_UID, FLAG_UID, REVIEW_EVENT_UID]) strapi.plugin('graphql').service('extension').shadowCRUD(uid).disable();
  }
};
