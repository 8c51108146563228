import type { Core } from '@strapi/strapi';
import DataLoader from 'dataloader';
import { STATEMENT_UID } from '../constants';
import type { FieldMiddleware } from './field-middleware';

type QueryUid = Parameters<Core.Strapi['db']['query']>[0];

/**
 * The relations a story page asks for once per statement. Strapi's own resolvers load each with
 * one query per parent (N+1: a 200-statement story costs 600 queries); these are loaded for all the
 * statements of a request at once.
 */
export const BATCHED_RELATIONS = [
  { field: 'Statement.speaker', uid: STATEMENT_UID, attribute: 'speaker', toMany: false },
  { field: 'Statement.mentions', uid: STATEMENT_UID, attribute: 'mentions', toMany: true },
  { field: 'Statement.proposals', uid: STATEMENT_UID, attribute: 'proposals', toMany: true },
] as const;

type BatchedRelation = (typeof BATCHED_RELATIONS)[number];

const isEmpty = (value: unknown) => value === undefined || value === null || (Array.isArray(value) ? value.length === 0 : typeof value === 'object' && Object.keys(value as object).length === 0);

/**
 * Arguments that ask for the relation as it is (no filter, sort, page or status): the only case
 * batched. Anything else goes to Strapi's resolver, which knows how to filter and page it.
 */
export function asksForPlainRelation(args: Record<string, unknown>): boolean {
  return Object.values(args).every(isEmpty);
}

/**
 * Resolver middlewares (one per batched field) that answer from a DataLoader kept per request. The
 * loaders live as long as the GraphQL context object, so one request never sees another's rows.
 *
 * Visibility: a Statement that reached the resolver is one the reader may see, and the speaker,
 * mentions and proposals of a visible statement are visible by the rules themselves (an actor who
 * speaks in, or is mentioned by, a statement of a published story; a proposal such a statement
 * names), so the batched read needs no public filter of its own.
 */
export function buildRelationBatching(strapi: Core.Strapi, enabled: () => boolean): Record<string, FieldMiddleware> {
  const perRequest = new WeakMap<object, Map<string, DataLoader<number, unknown>>>();
  const defaultLimit = () => Number(strapi.config.get('plugin::graphql.defaultLimit') ?? 25);

  function loaderFor(context: object, relation: BatchedRelation): DataLoader<number, unknown> {
    let loaders = perRequest.get(context);
    if (!loaders) perRequest.set(context, (loaders = new Map()));
    let loader = loaders.get(relation.field);
    if (!loader) {
      loader = new DataLoader<number, unknown>(async (ids) => {
        const rows = (await strapi.db.query(relation.uid as QueryUid).findMany({
          where: { id: { $in: [...ids] } },
          select: ['id'],
          populate: { [relation.attribute]: true },
        })) as Array<{ id: number } & Record<string, unknown>>;
        const byId = new Map(rows.map((row) => [row.id, row[relation.attribute]]));
        return ids.map((id) => byId.get(id) ?? (relation.toMany ? [] : null));
      });
      loaders.set(relation.field, loader);
    }
    return loader;
  }

  const middlewares: Record<string, FieldMiddleware> = {};
  for (const relation of BATCHED_RELATIONS) {
    middlewares[relation.field] = async (resolve, parent, args, context, info) => {
      const id = (parent as { id?: unknown } | null)?.id;
      if (!enabled() || typeof id !== 'number' || typeof context !== 'object' || context === null || !asksForPlainRelation(args)) return resolve(parent, args, context, info);
      const value = await loaderFor(context, relation).load(id);
      // Strapi's resolver pages a to-many relation with the default page size when none is asked.
      return relation.toMany ? (value as unknown[]).slice(0, defaultLimit()) : value;
    };
  }
  return middlewares;
}
