import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { STATEMENT_UID, STORY_UID } from '../constants';

/** The documents the plugin's admin routes read and change on a user's behalf. */
export type GuardedUid = typeof STATEMENT_UID | typeof STORY_UID;

/**
 * An admin user's CASL ability, as `ctx.state.userAbility` carries it. Opaque here: only the
 * content manager's permission checker looks inside it.
 */
export type UserAbility = object;

/** Which documents of a type a user may read: all, none, or those a query filter matches. */
export type ReadScope = { kind: 'all' } | { kind: 'none' } | { kind: 'some'; where: Record<string, unknown> };

type Check = (entity?: object, field?: string) => boolean;

/** The part of the content manager's permission checker used here (content-manager/services/permission-checker). */
interface PermissionChecker {
  can: { read: Check; update: Check };
  cannot: { read: Check; update: Check };
  requiresEntity: { read(): boolean; update(): boolean };
  sanitizedQuery: { read(query: object): Promise<{ filters?: Record<string, unknown> | null }>; update(query: object): Promise<{ filters?: Record<string, unknown> | null }> };
}

interface PermissionCheckerService {
  create(params: { userAbility: UserAbility; model: string }): PermissionChecker;
}

interface ModelAttributes {
  attributes: Record<string, { type: string; component?: string }>;
}

type PopulateBuilder = (uid: string) => { populateFromQuery(query: object): { build(): Promise<object> } };

/**
 * Per-document permissions for the plugin's admin routes, asked exactly as the content manager asks
 * them. A route policy (`admin::hasPermissions` with `[action, contentType]`) answers a type-level
 * question, and CASL says yes to that whatever the rule's conditions: Strapi's Author role would pass
 * it for another author's story. These checks load the document with the relations the user's
 * conditions look at (`createdBy` for `admin::is-creator`) and ask about that document and its fields.
 */
export const documentPermissionsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const checker = (userAbility: UserAbility, uid: GuardedUid) =>
    (strapi.plugin('content-manager').service('permission-checker') as unknown as PermissionCheckerService).create({ userAbility, model: uid });

  /**
   * The document's draft (what the edit view shows and the content manager checks an update against),
   * populated with what the user's permission conditions for `action` refer to.
   */
  async function load(permissions: PermissionChecker, uid: GuardedUid, documentId: string, action: 'read' | 'update'): Promise<object> {
    const query = await permissions.sanitizedQuery[action]({});
    const populate = await (strapi.plugin('content-manager').service('populate-builder') as unknown as PopulateBuilder)(uid).populateFromQuery(query).build();
    // Strapi's document types are generated per uid; the plugin passes the two it declares.
    const documents = strapi.documents(uid as 'api::story.story');
    const document = (await documents.findOne({ documentId, populate: populate as never })) as object | null;
    if (!document) throw new errors.NotFoundError(`No ${uid === STORY_UID ? 'story' : 'statement'} ${documentId}`);
    return document;
  }

  /** The leaf paths of a component attribute (`evidence.url`, ...); none for any other attribute. */
  function nestedFields(uid: string, field: string): string[] {
    const attribute = (strapi.getModel(uid as 'api::story.story') as unknown as ModelAttributes | undefined)?.attributes[field];
    if (attribute?.type !== 'component' || !attribute.component) return [];
    const component = strapi.getModel(attribute.component as 'api::story.story') as unknown as ModelAttributes | undefined;
    return Object.keys(component?.attributes ?? {}).flatMap((name) => {
      const deeper = nestedFields(attribute.component!, name);
      return (deeper.length > 0 ? deeper : [name]).map((path) => `${field}.${path}`);
    });
  }

  async function assert(action: 'read' | 'update', userAbility: UserAbility | undefined, uid: GuardedUid, documentId: string, fields: readonly string[]): Promise<void> {
    // No ability: an API token or a script, which the route's own auth has already admitted.
    if (!userAbility) return;
    const permissions = checker(userAbility, uid);
    const noun = uid === STORY_UID ? 'story' : 'statement';
    if (permissions.cannot[action]()) throw new errors.ForbiddenError(`You may not ${action} ${noun === 'story' ? 'stories' : 'statements'}`);
    const document = await load(permissions, uid, documentId, action);
    if (permissions.cannot[action](document)) throw new errors.ForbiddenError(`You may not ${action} this ${noun}`);
    // A component's permission is given per nested field (`evidence.url`), as Settings > Roles
    // shows it; a role given the component whole (`evidence`) passes as well.
    const mayChange = (field: string): boolean => {
      if (!permissions.cannot[action](document, field)) return true;
      const nested = nestedFields(uid, field);
      return nested.length > 0 && nested.every((path) => !permissions.cannot[action](document, path));
    };
    const refused = fields.filter((field) => !mayChange(field));
    if (refused.length > 0) throw new errors.ForbiddenError(`You may not ${action} this ${noun}'s ${refused.join(', ')}`, { fields: refused });
  }

  return {
    /**
     * @throws errors.NotFoundError for an unknown document
     * @throws errors.ForbiddenError when the user may not read this document (or one of `fields`)
     */
    assertCanRead(userAbility: UserAbility | undefined, uid: GuardedUid, documentId: string, fields: readonly string[] = []): Promise<void> {
      return assert('read', userAbility, uid, documentId, fields);
    },

    /**
     * Call before changing anything: a refusal must leave the document as it was.
     * @throws errors.NotFoundError for an unknown document
     * @throws errors.ForbiddenError when the user may not update this document, or one of `fields`
     */
    assertCanUpdate(userAbility: UserAbility | undefined, uid: GuardedUid, documentId: string, fields: readonly string[] = []): Promise<void> {
      return assert('update', userAbility, uid, documentId, fields);
    },

    /**
     * What a list shown to this user may contain. `all` costs nothing more to the list; `some` carries
     * the filter the content manager would add to its own list (a Query Engine `where`, relative to
     * the type). No ability (an API token, a script) reads all.
     */
    async readScope(userAbility: UserAbility | undefined, uid: GuardedUid): Promise<ReadScope> {
      if (!userAbility) return { kind: 'all' };
      const permissions = checker(userAbility, uid);
      if (permissions.cannot.read()) return { kind: 'none' };
      if (!permissions.requiresEntity.read()) return { kind: 'all' };
      const { filters } = await permissions.sanitizedQuery.read({});
      return filters ? { kind: 'some', where: filters } : { kind: 'all' };
    },
  };
};

/**
 * What to add to a Query Engine `where` to keep rows in a scope: on the scoped type itself
 * (`relation` null) or through a relation to it (`'statement'` on flags); nothing for `all`.
 * `none` matches no row: an empty `$in` compiles to a false condition.
 */
export function whereInScope(relation: string | null, scope: ReadScope): Record<string, unknown> {
  if (scope.kind === 'all') return {};
  if (scope.kind === 'none') return { id: { $in: [] } };
  return relation ? { [relation]: scope.where } : { $and: [scope.where] };
}
