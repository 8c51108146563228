import { errors } from '@strapi/utils';
import type { Core } from '@strapi/strapi';
import { DATA_WRITE_ACTIONS, NEWSROOM_CONTENT_TYPES } from '../constants';
import { describePath, validateDocumentData, type FieldViolation } from '../core/fields/field-validation';
import { fieldOptions, isPlainObject, type DocumentData, type ModelSpec } from '../core/model-spec';
import { createModelLookup, type DocumentMiddlewareFactory } from '../strapi/types';

const VALIDATED_TYPES = new Set<string>(NEWSROOM_CONTENT_TYPES);

/** Fields marked uniqueWhenPresent (wikidataId) must not repeat another document's value. */
async function findDuplicateValues(strapi: Core.Strapi, model: ModelSpec, data: DocumentData, documentId: string | undefined): Promise<FieldViolation[]> {
  const violations: FieldViolation[] = [];
  for (const [name, attribute] of Object.entries(model.attributes)) {
    const value = data[name];
    if (!fieldOptions(attribute).uniqueWhenPresent || typeof value !== 'string' || value === '') continue;
    const where: Record<string, unknown> = { [name]: value };
    if (documentId) where.documentId = { $ne: documentId };
    const other = await strapi.db.query(model.uid as Parameters<Core.Strapi['db']['query']>[0]).findOne({ where, select: ['documentId'] });
    if (other) violations.push({ path: [name], message: `${name} ${value} is already used by another document (${String(other.documentId)})` });
  }
  return violations;
}

/**
 * Rejects a write with a 400 that names every offending field before anything is written, so a bad
 * request never leaves a half-saved document behind.
 *
 * @throws errors.ValidationError listing each violation with its field path
 */
export const validateFields: DocumentMiddlewareFactory = (strapi) => {
  const lookup = createModelLookup(strapi);
  return async (context, next) => {
    if (!VALIDATED_TYPES.has(context.uid) || !DATA_WRITE_ACTIONS.has(context.action)) return next();
    const model = lookup(context.uid);
    const { data, documentId } = context.params;
    if (!model || !isPlainObject(data)) return next();

    const violations = [
      ...validateDocumentData(data, model, lookup, { partial: context.action !== 'create' }),
      ...(await findDuplicateValues(strapi, model, data, documentId)),
    ];
    if (violations.length > 0) {
      const message = violations.length === 1 ? violations[0]!.message : `${violations.length} errors occurred: ${violations.map((v) => describePath(v.path)).join(', ')}`;
      throw new errors.ValidationError(message, {
        errors: violations.map((violation) => ({ path: violation.path, message: violation.message, name: 'ValidationError' })),
      });
    }
    return next();
  };
};
