import { READ_ACTIONS, STORY_UID } from '../constants';
import { restrictPopulate, restrictQueryFilters } from '../core/visibility/public-visibility';
import { isPublicContentApiRequest } from '../core/visibility/request-audience';
import { PUBLIC_VISIBILITY_RULES } from '../core/visibility/visibility-rules';
import { createModelLookup, currentRequest, type DocumentMiddlewareFactory } from '../strapi/types';

/**
 * Keeps embargoed material away from public readers on every read the content API makes (REST
 * find/findOne, REST populate, GraphQL queries): the document's own visibility rule is added to its
 * filters, every populated relation gets its target's rule, and a public reader cannot ask for
 * drafts with `status=draft`.
 */
export const restrictPublicReads: DocumentMiddlewareFactory = (strapi) => {
  const lookup = createModelLookup(strapi);
  return async (context, next) => {
    if (!READ_ACTIONS.has(context.action) || !PUBLIC_VISIBILITY_RULES[context.uid]) return next();
    if (!isPublicContentApiRequest(currentRequest(strapi))) return next();
    const model = lookup(context.uid);
    if (!model) return next();

    const { params } = context;
    if (context.uid === STORY_UID) params.status = 'published';
    params.filters = restrictQueryFilters(params.filters, model, lookup, PUBLIC_VISIBILITY_RULES, 'strapi');
    if (params.populate !== undefined) params.populate = restrictPopulate(params.populate, model, lookup, PUBLIC_VISIBILITY_RULES);
    return next();
  };
};
