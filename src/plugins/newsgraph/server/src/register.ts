import type { Core, Modules } from '@strapi/strapi';
import { RELINK_JOB_UID } from './constants';
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
    strapi.plugin('graphql').service('extension').shadowCRUD(RELINK_JOB_UID).disable();
  }
};
