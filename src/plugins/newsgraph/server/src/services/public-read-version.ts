import type { Core } from '@strapi/strapi';
import { RELINK_JOB_UID } from '../constants';

/** A table of the plugin's own, outside Strapi's schema: Strapi leaves alone tables it did not create. */
export const PUBLIC_READ_VERSION_TABLE = 'newsgraph_public_read_version';
const TRIGGER_PREFIX = 'newsgraph_public_read';
const BUMP_FUNCTION = `${TRIGGER_PREFIX}_bump`;
/** pg_advisory_xact_lock key: one instance at a time lays the triggers on a shared database. */
const TRIGGER_LOCK = 7_410_225;

/**
 * Models whose rows no public answer shows: the admin's (users, tokens, sessions: the API token
 * strategy writes a token's last use on every request), Strapi's internals, and the plugin's
 * relink jobs, which report progress many times a second during a relink.
 */
const UNWATCHED = (uid: string) => uid.startsWith('admin::') || uid.startsWith('strapi::') || uid === RELINK_JOB_UID;

interface TableMeta {
  uid: string;
  tableName: string;
  attributes: Record<string, { joinTable?: { name?: string } }>;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * The version of everything a public answer can show: a counter that moves on with every committed
 * write to the content types, components, their link tables, media and the users-permissions roles
 * (Public's permissions), whichever door the write came through (admin, REST, GraphQL,
 * strapi.documents(), strapi.db.query(), a script, another instance on the same database).
 *
 * Database triggers move it, in the writer's own transaction, so the new version becomes visible to
 * other connections at the same moment as the rows it covers; reading it is one primary-key read.
 * On PostgreSQL the counter is moved once per transaction, by a deferred constraint trigger that
 * runs at commit: the counter's row lock is the last lock a write takes and is held only while it
 * commits, so two saves never wait on each other for long and cannot deadlock over it. On SQLite,
 * which has one writer at a time, plain row triggers move it.
 */
export const publicReadVersionService = ({ strapi }: { strapi: Core.Strapi }) => {
  const isPostgres = () => strapi.db.dialect.client === 'postgres';

  /** The tables behind every watched model: its own, its link tables and its components' link tables. */
  function watchedTables(): string[] {
    const tables = new Set<string>();
    const metadata = strapi.db.metadata as unknown as Map<string, TableMeta>;
    for (const meta of metadata.values()) {
      if (UNWATCHED(meta.uid)) continue;
      tables.add(meta.tableName);
      for (const attribute of Object.values(meta.attributes)) {
        if (attribute.joinTable?.name) tables.add(attribute.joinTable.name);
      }
    }
    return [...tables].sort();
  }

  async function existingTables(names: string[]): Promise<string[]> {
    const knex = strapi.db.connection;
    const present: string[] = [];
    for (const name of names) if (await knex.schema.hasTable(name)) present.push(name);
    return present;
  }

  async function layPostgresTriggers(tables: string[]): Promise<void> {
    await strapi.db.connection.transaction(async (trx) => {
      await trx.raw('SELECT pg_advisory_xact_lock(?)', [TRIGGER_LOCK]);
      // The setting is local to the transaction: the first watched row written bumps, the rest skip.
      await trx.raw(`CREATE OR REPLACE FUNCTION ${BUMP_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF current_setting('newsgraph.public_read_bumped', true) IS DISTINCT FROM txid_current()::text THEN
            PERFORM set_config('newsgraph.public_read_bumped', txid_current()::text, true);
            UPDATE ${PUBLIC_READ_VERSION_TABLE} SET version = version + 1 WHERE id = 1;
          END IF;
          RETURN NULL;
        END $$`);
      const found = await trx.raw(`SELECT c.relname AS "table", t.tgname AS "trigger" FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname LIKE ?`, [`${TRIGGER_PREFIX}%`]);
      const laid = new Set((found as { rows: Array<{ table: string; trigger: string }> }).rows.map((row) => `${row.table} ${row.trigger}`));
      for (const table of tables) {
        // Only missing triggers are created: CREATE TRIGGER locks the table, which a running
        // instance on the same database is reading.
        if (!laid.has(`${table} ${TRIGGER_PREFIX}_row`)) {
          await trx.raw(`CREATE CONSTRAINT TRIGGER ${TRIGGER_PREFIX}_row AFTER INSERT OR UPDATE OR DELETE ON ${quote(table)} DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ${BUMP_FUNCTION}()`);
        }
        if (!laid.has(`${table} ${TRIGGER_PREFIX}_truncate`)) {
          await trx.raw(`CREATE TRIGGER ${TRIGGER_PREFIX}_truncate AFTER TRUNCATE ON ${quote(table)} FOR EACH STATEMENT EXECUTE FUNCTION ${BUMP_FUNCTION}()`);
        }
      }
    });
  }

  async function laySqliteTriggers(tables: string[]): Promise<void> {
    const knex = strapi.db.connection;
    const bump = `UPDATE ${PUBLIC_READ_VERSION_TABLE} SET version = version + 1 WHERE id = 1;`;
    for (const table of tables) {
      for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
        const name = quote(`${TRIGGER_PREFIX}_${table}_${event.toLowerCase()}`);
        await knex.raw(`CREATE TRIGGER IF NOT EXISTS ${name} AFTER ${event} ON ${quote(table)} BEGIN ${bump} END`);
      }
    }
  }

  return {
    /**
     * Creates the counter on first start and the triggers on every start: Strapi's schema sync may
     * rebuild a table (which drops its triggers on SQLite) or add one. The counter moves on once here,
     * so that answers kept by a running instance before the triggers were laid are not served after.
     */
    async ensureWatching(): Promise<void> {
      const knex = strapi.db.connection;
      if (!(await knex.schema.hasTable(PUBLIC_READ_VERSION_TABLE))) {
        await knex.schema.createTable(PUBLIC_READ_VERSION_TABLE, (table) => {
          table.integer('id').primary();
          table.bigInteger('version').notNullable();
        });
      }
      await knex.raw(`INSERT INTO ${PUBLIC_READ_VERSION_TABLE} (id, version) SELECT 1, 0 WHERE NOT EXISTS (SELECT 1 FROM ${PUBLIC_READ_VERSION_TABLE} WHERE id = 1)`);
      const tables = await existingTables(watchedTables());
      if (isPostgres()) await layPostgresTriggers(tables);
      else await laySqliteTriggers(tables);
      await knex.raw(`UPDATE ${PUBLIC_READ_VERSION_TABLE} SET version = version + 1 WHERE id = 1`);
    },

    /** The current version, as a string (PostgreSQL hands bigint over as one). */
    async current(): Promise<string> {
      const rows = (await strapi.db.connection(PUBLIC_READ_VERSION_TABLE).select('version').where({ id: 1 })) as Array<{ version: number | string }>;
      return String(rows[0]?.version ?? '');
    },

    /** The watched tables (for tests and the docs' list). */
    watchedTables,
  };
};
