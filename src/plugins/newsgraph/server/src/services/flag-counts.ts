import type { Core } from '@strapi/strapi';
import { FLAG_UID } from '../constants';
import { summarizeFlagCounts, type FlagCountRow, type FlagCountSummary } from '../core/flags/flag-counts';
import { columnOf, currentKnex, tableOf } from '../strapi/types';

/** Tables of the plugin's own, outside Strapi's schema: Strapi leaves alone tables it did not create. */
export const FLAG_COUNTS_TABLE = 'newsgraph_flag_counts';
export const FLAG_COUNT_CHANGES_TABLE = 'newsgraph_flag_count_changes';

/** Folded into the counts when a read finds more pending changes than this. */
const COMPACT_AFTER_CHANGES = 1000;
/** pg_advisory_xact_lock key of compaction: one compactor at a time on a shared database. */
const COMPACTION_LOCK = 7_410_224;
const TRIGGER_PREFIX = 'newsgraph_flag_counts';

/**
 * The review queue's counts (per status, kind and severity), kept as the flags change instead of
 * counted from a million rows on every read.
 *
 * Database triggers on the flags table append a +1 and a -1 row to a change log whenever a flag is
 * created, changes status, kind or severity, or is deleted: the counts follow every write, whether it
 * comes from the rules, a reviewer, a script or the bench's raw inserts, in the writer's own
 * transaction. Appending never waits on another writer, whereas incrementing shared counter rows
 * would queue every save behind the one counter of open unverified claims, and could deadlock two
 * saves that change two counters in opposite orders. A read adds the folded counts and the pending
 * changes; once the log is long, a read folds it into the counts, one compactor at a time.
 */
export const flagCountsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const isPostgres = () => strapi.db.dialect.client === 'postgres';

  /** The flags table and its counted columns, as Strapi names them (identifiers, never user input). */
  function flagColumns() {
    const column = (attribute: string) => columnOf(strapi, FLAG_UID, attribute);
    return { flags: tableOf(strapi, FLAG_UID), status: column('status'), kind: column('kind'), severity: column('severity') };
  }

  async function triggersExist(): Promise<boolean> {
    const knex = strapi.db.connection;
    if (isPostgres()) {
      const found = await knex.raw('SELECT 1 FROM pg_trigger WHERE tgname = ?', [`${TRIGGER_PREFIX}_change`]);
      return (found as { rows: unknown[] }).rows.length > 0;
    }
    const found = await knex.raw(`SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = ?`, [`${TRIGGER_PREFIX}_update`]);
    return (found as unknown[]).length > 0;
  }

  async function createTriggers(): Promise<void> {
    const knex = strapi.db.connection;
    const { flags, status, kind, severity } = flagColumns();
    const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
    const counted = (row: 'NEW' | 'OLD') => `${row}.${q(status)}, ${row}.${q(kind)}, ${row}.${q(severity)}`;
    const complete = (row: 'NEW' | 'OLD') => `${row}.${q(status)} IS NOT NULL AND ${row}.${q(kind)} IS NOT NULL AND ${row}.${q(severity)} IS NOT NULL`;
    const changes = q(FLAG_COUNT_CHANGES_TABLE);
    const append = (row: 'NEW' | 'OLD', delta: number) => `INSERT INTO ${changes} (status, kind, severity, delta) SELECT ${counted(row)}, ${delta} WHERE ${complete(row)};`;
    const moved = `OLD.${q(status)} IS DISTINCT FROM NEW.${q(status)} OR OLD.${q(kind)} IS DISTINCT FROM NEW.${q(kind)} OR OLD.${q(severity)} IS DISTINCT FROM NEW.${q(severity)}`;
    if (isPostgres()) {
      await knex.transaction(async (trx) => {
        await trx.raw(`CREATE OR REPLACE FUNCTION ${TRIGGER_PREFIX}_change() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            IF TG_OP = 'UPDATE' AND NOT (${moved}) THEN RETURN NULL; END IF;
            IF TG_OP IN ('UPDATE', 'DELETE') THEN ${append('OLD', -1)} END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') THEN ${append('NEW', 1)} END IF;
            RETURN NULL;
          END $$`);
        await trx.raw(`DROP TRIGGER IF EXISTS ${TRIGGER_PREFIX}_change ON ${q(flags)}`);
        await trx.raw(`CREATE TRIGGER ${TRIGGER_PREFIX}_change AFTER INSERT OR UPDATE OR DELETE ON ${q(flags)} FOR EACH ROW EXECUTE FUNCTION ${TRIGGER_PREFIX}_change()`);
      });
      return;
    }
    await knex.raw(`CREATE TRIGGER IF NOT EXISTS ${TRIGGER_PREFIX}_insert AFTER INSERT ON ${q(flags)} BEGIN ${append('NEW', 1)} END`);
    await knex.raw(`CREATE TRIGGER IF NOT EXISTS ${TRIGGER_PREFIX}_delete AFTER DELETE ON ${q(flags)} BEGIN ${append('OLD', -1)} END`);
    await knex.raw(`CREATE TRIGGER IF NOT EXISTS ${TRIGGER_PREFIX}_update AFTER UPDATE ON ${q(flags)} WHEN ${moved.replace(/IS DISTINCT FROM/g, 'IS NOT')} BEGIN ${append('OLD', -1)} ${append('NEW', 1)} END`);
  }

  async function readRows(): Promise<{ rows: FlagCountRow[]; pending: number }> {
    const knex = await currentKnex(strapi);
    const result = await knex.raw(
      `SELECT status, kind, severity, SUM(n) AS count, SUM(pending) AS pending FROM (
         SELECT status, kind, severity, count AS n, 0 AS pending FROM ?? UNION ALL
         SELECT status, kind, severity, delta AS n, 1 AS pending FROM ??
       ) AS everything GROUP BY status, kind, severity`,
      [FLAG_COUNTS_TABLE, FLAG_COUNT_CHANGES_TABLE]
    );
    const raw = (isPostgres() ? (result as { rows: unknown[] }).rows : result) as Array<FlagCountRow & { pending: number | string }>;
    const rows = raw.map((row) => ({ status: row.status, kind: row.kind, severity: row.severity, count: Number(row.count) })).filter((row) => row.count !== 0);
    return { rows, pending: raw.reduce((sum, row) => sum + Number(row.pending), 0) };
  }

  return {
    /**
     * Creates the tables on first start, counting the flags already stored, and the triggers on every
     * start: Strapi's schema sync may rebuild the flags table, which drops them on SQLite.
     */
    async ensureCounting(): Promise<void> {
      const knex = strapi.db.connection;
      const key = (table: { string(name: string, length?: number): { notNullable(): unknown } }) => {
        table.string('status', 32).notNullable();
        table.string('kind', 64).notNullable();
        table.string('severity', 16).notNullable();
      };
      if (!(await knex.schema.hasTable(FLAG_COUNT_CHANGES_TABLE))) {
        await knex.schema.createTable(FLAG_COUNT_CHANGES_TABLE, (table) => {
          table.increments('id');
          key(table);
          table.integer('delta').notNullable();
        });
      }
      const triggersWereThere = await triggersExist();
      await createTriggers();
      if (!(await knex.schema.hasTable(FLAG_COUNTS_TABLE))) {
        await knex.schema.createTable(FLAG_COUNTS_TABLE, (table) => {
          key(table);
          table.integer('count').notNullable();
          table.primary(['status', 'kind', 'severity']);
        });
        await this.recount();
      } else if (!triggersWereThere) {
        // Flags may have changed while no trigger watched (a rebuilt table): count them again.
        await this.recount();
      }
    },

    async summary(): Promise<FlagCountSummary> {
      return summarizeFlagCounts(await this.rows());
    },

    /** Every non-zero count; folds the change log first when it has grown long. */
    async rows(): Promise<FlagCountRow[]> {
      const { rows, pending } = await readRows();
      if (pending > COMPACT_AFTER_CHANGES && !strapi.db.inTransaction()) await this.compact();
      return rows;
    },

    /** Folds the pending changes into the counts. */
    async compact(): Promise<void> {
      const knex = strapi.db.connection;
      if (isPostgres()) {
        await knex.transaction(async (trx) => {
          const locked = await trx.raw('SELECT pg_try_advisory_xact_lock(?) AS locked', [COMPACTION_LOCK]);
          if (!(locked as { rows: Array<{ locked: boolean }> }).rows[0]?.locked) return; // another instance is folding them
          // One statement, so one snapshot: every change it deletes is the one it adds.
          await trx.raw(
            `WITH moved AS (DELETE FROM ?? RETURNING status, kind, severity, delta)
             INSERT INTO ?? AS counts (status, kind, severity, count)
             SELECT status, kind, severity, SUM(delta) FROM moved GROUP BY status, kind, severity
             ON CONFLICT (status, kind, severity) DO UPDATE SET count = counts.count + EXCLUDED.count`,
            [FLAG_COUNT_CHANGES_TABLE, FLAG_COUNTS_TABLE]
          );
        });
        return;
      }
      // SQLite has one writer at a time: the two statements cannot be interleaved with a save.
      await knex.transaction(async (trx) => {
        await trx.raw(
          `INSERT INTO ?? (status, kind, severity, count)
           SELECT status, kind, severity, SUM(delta) FROM ?? WHERE true GROUP BY status, kind, severity
           ON CONFLICT (status, kind, severity) DO UPDATE SET count = count + excluded.count`,
          [FLAG_COUNTS_TABLE, FLAG_COUNT_CHANGES_TABLE]
        );
        await trx(FLAG_COUNT_CHANGES_TABLE).delete();
      });
    },

    /**
     * Counts the flags table afresh: on first start, when the triggers had gone, and after the
     * million rows of `npm run bench:flags`, whose change log would otherwise be a million rows
     * long. Run it while nothing else writes flags.
     */
    async recount(): Promise<void> {
      const { flags, status, kind, severity } = flagColumns();
      await strapi.db.connection.transaction(async (trx) => {
        // TRUNCATE on PostgreSQL: a DELETE of a million logged changes would leave a million dead
        // rows for every read to step over until the next vacuum. (On SQLite, knex compiles truncate
        // to a DELETE, which SQLite itself empties without a scan.)
        await trx(FLAG_COUNT_CHANGES_TABLE).truncate();
        await trx(FLAG_COUNTS_TABLE).truncate();
        await trx.raw(
          `INSERT INTO ?? (status, kind, severity, count) SELECT ??, ??, ??, COUNT(*) FROM ?? WHERE ?? IS NOT NULL AND ?? IS NOT NULL AND ?? IS NOT NULL GROUP BY ??, ??, ??`,
          [FLAG_COUNTS_TABLE, status, kind, severity, flags, status, kind, severity, status, kind, severity]
        );
      });
    },
  };
};
