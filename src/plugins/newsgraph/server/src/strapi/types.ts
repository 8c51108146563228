import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import type { ModelLookup, ModelSpec } from '../core/model-spec';

/**
 * The parts of a Document Service middleware context that Newsgraph reads. Strapi's own type is a
 * union over every generated content-type uid; this plugin works on plain uids and params, and the
 * single cast at registration (register.ts) is where the two meet.
 */
export interface DocumentMiddlewareContext {
  uid: string;
  action: string;
  params: DocumentParams;
}

export interface DocumentParams {
  documentId?: string;
  data?: unknown;
  filters?: unknown;
  populate?: unknown;
  status?: string;
  [key: string]: unknown;
}

export type DocumentMiddleware = (context: DocumentMiddlewareContext, next: () => Promise<unknown>) => Promise<unknown>;

export type DocumentMiddlewareFactory = (strapi: Core.Strapi) => DocumentMiddleware;

/** A Strapi content type or component, seen through the plugin's structural ModelSpec. */
export function createModelLookup(strapi: Core.Strapi): ModelLookup {
  return (uid: string) => {
    // getModel is typed for generated uids; Newsgraph passes the uids it declares in constants.ts.
    const model = strapi.getModel(uid as Parameters<Core.Strapi['getModel']>[0]) as unknown as ModelSpec | undefined;
    return model ?? undefined;
  };
}

/** The Koa context of the request being served, if any (undefined in scripts, seeds and jobs). */
export interface RequestState {
  state?: {
    route?: { info?: { type?: string } };
    auth?: { strategy?: { name?: string }; credentials?: unknown };
  };
}

export function currentRequest(strapi: Core.Strapi): RequestState | undefined {
  return strapi.requestContext.get() as RequestState | undefined;
}

/**
 * The knex to run a raw query on: the transaction of the Document Service call in progress, if
 * any, else the pool. A raw query outside the caller's transaction would not see its writes, and on
 * SQLite, whose pool has one connection, it would wait for that transaction until it timed out.
 */
export async function currentKnex(strapi: Core.Strapi): Promise<Core.Strapi['db']['connection']> {
  if (!strapi.db.inTransaction()) return strapi.db.connection;
  // Inside a transaction, transaction() without a callback hands back the current one; it starts nothing.
  const current = await strapi.db.transaction();
  return current.get() as unknown as Core.Strapi['db']['connection'];
}

type ModelUid = Parameters<Core.Strapi['db']['metadata']['get']>[0];

/** The table of a content type, for the few raw queries the Query Engine cannot express. */
export function tableOf(strapi: Core.Strapi, uid: string): string {
  return (strapi.db.metadata.get(uid as ModelUid) as unknown as { tableName: string }).tableName;
}

/** The column behind an attribute (Strapi 5 snake-cases them: documentId is document_id). */
export function columnOf(strapi: Core.Strapi, uid: string, attribute: string): string {
  const meta = strapi.db.metadata.get(uid as ModelUid) as unknown as { attributes: Record<string, { columnName?: string }> };
  return meta.attributes[attribute]?.columnName ?? attribute;
}

/** Strapi's metadata of a relation's join table, as the plugin's raw queries on link rows read it. */
export interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  /** Strapi's order columns: a story's actors in order, an actor's stories in order. */
  orderColumnName?: string;
  inverseOrderColumnName?: string;
  /** Extra equality conditions of a polymorphic or component join (`{ field: 'aliases' }`). */
  on?: Record<string, string>;
}

/** The join table behind a relation or component attribute of a content type. */
export function joinTableOf(strapi: Core.Strapi, uid: string, attribute: string): JoinTable {
  return relationOf(strapi, uid, attribute).joinTable;
}

/** A relation attribute of a content type: its join table and the uid of the content type it points at. */
export function relationOf(strapi: Core.Strapi, uid: string, attribute: string): { joinTable: JoinTable; target: string } {
  const meta = strapi.db.metadata.get(uid as ModelUid) as unknown as { attributes: Record<string, { joinTable?: JoinTable; target?: string }> };
  const { joinTable, target = '' } = meta.attributes[attribute] ?? {};
  if (!joinTable) throw new Error(`${uid}.${attribute} has no join table`);
  return { joinTable, target };
}

let savepoints = 0;

/** Set while a transaction opened for one statement's save runs (runInOneSaveTransaction). */
const oneSaveTransaction = new AsyncLocalStorage<true>();

/**
 * Runs `work` in a transaction of its own, opened for one save; inside a transaction already open
 * (a relink batch, an import), in that one.
 */
export function runInOneSaveTransaction<T>(strapi: Core.Strapi, work: () => Promise<T>): Promise<T> {
  if (strapi.db.inTransaction()) return work();
  // Strapi types the callback's promise as wrapped once more than it is.
  return oneSaveTransaction.run(true, () => strapi.db.transaction(() => work()) as unknown as Promise<T>);
}

/**
 * Runs best-effort work (flags, Story.actors, linking) inside the caller's transaction, behind a
 * savepoint: when it fails, only its own writes are undone and the transaction stays usable, so
 * the save it follows still commits (PostgreSQL refuses every later query of a transaction in
 * which one failed). Outside a transaction it just runs the work.
 */
export async function withSavepoint<T>(strapi: Core.Strapi, work: () => Promise<T>): Promise<T> {
  if (!strapi.db.inTransaction()) return work();
  const knex = await currentKnex(strapi);
  savepoints = (savepoints + 1) % 1_000_000;
  const name = `newsgraph_${savepoints}`;
  await knex.raw(`SAVEPOINT ${name}`);
  try {
    const result = await work();
    // The commit releases it with the transaction: in a one-save transaction, a few savepoints at
    // most, the release is a round trip for nothing. A long transaction (a relink batch, an import)
    // releases each, so that its savepoints do not pile up (PostgreSQL keeps 64 per transaction
    // cheaply, and each one more costs every snapshot taken meanwhile).
    if (!oneSaveTransaction.getStore()) await knex.raw(`RELEASE SAVEPOINT ${name}`);
    return result;
  } catch (error) {
    await knex.raw(`ROLLBACK TO SAVEPOINT ${name}`);
    await knex.raw(`RELEASE SAVEPOINT ${name}`);
    throw error;
  }
}

/**
 * Runs best-effort work that only reads, or writes in a single statement (linking's plan, adding to
 * Story.actors), so that its failure never costs the transaction: behind a savepoint on PostgreSQL,
 * which refuses every later query of a transaction in which one failed; bare on SQLite, where a
 * failed statement undoes itself and leaves the transaction usable, so there is nothing else to
 * undo (two statements fewer each time).
 */
export async function withStatementSavepoint<T>(strapi: Core.Strapi, work: () => Promise<T>): Promise<T> {
  if (strapi.db.dialect.client === 'postgres') return withSavepoint(strapi, work);
  return work();
}
