import type { TestApp } from './test-app';

export interface RequestQueries<Result> {
  result: Result;
  /** The SQL the requests to the path ran, in order. */
  sql: string[];
  /** The SQL that ran meanwhile outside them: the post-commit work of earlier saves (entry events, flag announcements), relink batches. */
  others: string[];
}

/**
 * Records the SQL that the requests `work` sends to `pathPrefix` run. A query belongs to a request
 * when it runs in that request's context (Strapi's requestContext, an AsyncLocalStorage), so the
 * background work of earlier requests, which a slow machine may still be doing, is kept apart
 * rather than counted: a query count then says what the request costs, not how fast the machine is.
 */
export async function queriesOfRequests<Result>(app: TestApp, pathPrefix: string, work: () => Promise<Result>): Promise<RequestQueries<Result>> {
  const sql: string[] = [];
  const others: string[] = [];
  const record = (query: { sql?: string }) => {
    const text = String(query.sql ?? '');
    (app.strapi.requestContext.get()?.request.url.startsWith(pathPrefix) === true ? sql : others).push(text);
  };
  app.strapi.db.connection.on('query', record);
  try {
    return { result: await work(), sql, others };
  } finally {
    app.strapi.db.connection.off('query', record);
  }
}
