import type { Core } from '@strapi/strapi';

/** pg_advisory_lock key of the plugin's start-up work on a shared database. */
const STARTUP_LOCK = 7_410_230;

interface PooledConnection {
  query(sql: string, bindings?: unknown[]): Promise<unknown>;
}

/**
 * Runs the plugin's start-up schema and backfill work one instance at a time on PostgreSQL.
 *
 * Instances behind a balancer start together, and each lays the plugin's tables, indexes, functions
 * and triggers when they are missing: two `CREATE OR REPLACE FUNCTION` at once fail with "tuple
 * concurrently updated", two `CREATE TABLE` after both found the table missing fail with "already
 * exists", and the instance stops at start-up (bench:cluster found it). A session-level advisory
 * lock, held on a connection of its own while `work` uses the pool, makes the second instance wait
 * and then find everything in place. SQLite has one process per database: `work` simply runs.
 */
export async function oneInstanceAtATime<T>(strapi: Core.Strapi, work: () => Promise<T>): Promise<T> {
  if (strapi.db.dialect.client !== 'postgres') return work();
  const client = strapi.db.connection.client as unknown as { acquireConnection(): Promise<PooledConnection>; releaseConnection(connection: PooledConnection): Promise<void> };
  const connection = await client.acquireConnection();
  try {
    await connection.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK]);
    try {
      return await work();
    } finally {
      await connection.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK]);
    }
  } finally {
    await client.releaseConnection(connection);
  }
}
