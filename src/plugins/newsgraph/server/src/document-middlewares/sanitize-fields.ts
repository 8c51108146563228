import { DATA_WRITE_ACTIONS, NEWSROOM_CONTENT_TYPES } from '../constants';
import { sanitizeDocumentData } from '../core/fields/field-sanitation';
import { isPlainObject } from '../core/model-spec';
import { createModelLookup, currentRequest, type DocumentMiddlewareFactory } from '../strapi/types';

const SANITIZED_TYPES = new Set<string>(NEWSROOM_CONTENT_TYPES);

/**
 * Cleans every write to a newsroom document, whichever door it came through: plain-text fields lose
 * all tags, the Story body keeps only allowlisted HTML, codes are normalized, and values sent for
 * computed fields (checkWorthiness) by a caller are ignored.
 */
export const sanitizeFields: DocumentMiddlewareFactory = (strapi) => {
  const lookup = createModelLookup(strapi);
  return async (context, next) => {
    if (!SANITIZED_TYPES.has(context.uid) || !DATA_WRITE_ACTIONS.has(context.action)) return next();
    const model = lookup(context.uid);
    const { data } = context.params;
    if (model && isPlainObject(data)) {
      context.params.data = sanitizeDocumentData(data, model, lookup, {
        // Inside a request the caller is a person or a client; Newsgraph's own writes run outside one.
        dropComputedFields: currentRequest(strapi) !== undefined,
      });
    }
    return next();
  };
};
