import { STATEMENT_UID } from '../constants';
import { runInOneSaveTransaction, type DocumentMiddlewareFactory } from '../strapi/types';

const STATEMENT_WRITES = new Set(['create', 'update', 'delete']);

/**
 * A statement's save and everything the plugin does for it (linking, Story.actors, flags and their
 * review events) commit together, once. Strapi wraps only the write itself in a transaction; the
 * work after it would otherwise commit query by query, and each commit waits for the disk (on
 * SQLite and PostgreSQL alike): most of a save's time (docs/performance.md). The plugin's
 * best-effort steps run behind savepoints (withSavepoint), so a failure among them still never
 * costs the save. Writes to a transaction already open (a relink batch, an import) join it.
 *
 * Actors and stories are not wrapped: an actor's change starts a relink job, which runs in a
 * transaction of its own and must not wait for this one.
 */
export const saveInOneTransaction: DocumentMiddlewareFactory = (strapi) => async (context, next) => {
  if (context.uid !== STATEMENT_UID || !STATEMENT_WRITES.has(context.action)) return next();
  return runInOneSaveTransaction(strapi, next);
};
