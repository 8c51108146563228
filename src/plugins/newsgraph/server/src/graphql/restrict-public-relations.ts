import type { Core } from '@strapi/strapi';
import { restrictQueryFilters } from '../core/visibility/public-visibility';
import { isPublicContentApiRequest } from '../core/visibility/request-audience';
import { PUBLIC_VISIBILITY_RULES } from '../core/visibility/visibility-rules';
import { createModelLookup, currentRequest } from '../strapi/types';
import type { ModelSpec } from '../core/model-spec';
import type { FieldMiddleware } from './field-middleware';


interface GraphqlNaming {
  getTypeName(model: unknown): string;
}

/**
 * GraphQL loads relations with its own association resolvers (strapi.db.query().load()), which the
 * Document Service middlewares never see. Each relation field that leads to a newsroom type therefore
 * gets a resolver middleware adding the target's visibility rule to the field's filters for public
 * readers: `Actor.statementsMade`, `Proposal.statements`, `ComponentNewsgraphPosition.organization`...
 */
export function buildPublicRelationGuards(strapi: Core.Strapi): Record<string, { middlewares: FieldMiddleware[] }> {
  const lookup = createModelLookup(strapi);
  const naming = strapi.plugin('graphql').service('utils').naming as GraphqlNaming;
  const models = [...Object.values(strapi.contentTypes), ...Object.values(strapi.components)] as unknown as ModelSpec[];
  const guards: Record<string, { middlewares: FieldMiddleware[] }> = {};

  for (const model of models) {
    for (const [name, attribute] of Object.entries(model.attributes)) {
      const target = attribute.type === 'relation' && attribute.target ? lookup(attribute.target) : undefined;
      if (!target || !PUBLIC_VISIBILITY_RULES[target.uid]) continue;

      const guard: FieldMiddleware = (resolve, parent, args, context, info) => {
        if (!isPublicContentApiRequest(currentRequest(strapi))) return resolve(parent, args, context, info);
        const filters = restrictQueryFilters(args.filters, target, lookup, PUBLIC_VISIBILITY_RULES, 'graphql');
        return resolve(parent, { ...args, filters }, context, info);
      };
      const typeName = naming.getTypeName(model);
      guards[`${typeName}.${name}`] = { middlewares: [guard] };
      if (attribute.relation?.endsWith('Many')) guards[`${typeName}.${name}_connection`] = { middlewares: [guard] };
    }
  }
  return guards;
}
