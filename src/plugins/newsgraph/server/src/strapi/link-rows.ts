import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { currentKnex, relationOf, tableOf } from './types';

/** The rows one relation attribute of a new entry points at, in the order the entry lists them. */
export interface LinkRows {
  attribute: string;
  targetIds: number[];
  /**
   * Every target must still exist: the insert that finds fewer throws a ValidationError (a 400, and
   * the save's transaction rolls back), as Strapi's own check of the relation would. At most one
   * relation of a call may require it. Otherwise a target deleted meanwhile is skipped.
   */
  required?: boolean;
}

/**
 * Writes the join rows of a just-created entry's relations as Strapi's entity manager would
 * (`attachRelations` in @strapi/database): the entry's own order column numbered 1..n in the given
 * order, and the target's order column (where the relation has an inverse side) one past the
 * target's last. Targets that no longer exist are skipped, as the rows are selected from their
 * table, unless the relation is `required`. On PostgreSQL all the relations go in one statement
 * (data-modifying WITH clauses); SQLite, with no round trip to save, takes one statement per relation.
 */
export async function insertLinkRows(strapi: Core.Strapi, uid: string, ownerId: number, links: LinkRows[]): Promise<void> {
  const knex = await currentKnex(strapi);
  if (links.filter((link) => link.required).length > 1) throw new Error('insertLinkRows checks one required relation per call');
  // The required relation last: PostgreSQL reports the rows of a statement's last insert only.
  const ordered = [...links.filter((link) => !link.required), ...links.filter((link) => link.required)];
  const inserts = ordered
    .filter((link) => link.targetIds.length > 0)
    .map(({ attribute, targetIds, required }) => {
      const { joinTable, target } = relationOf(strapi, uid, attribute);
      if (!target) throw new Error(`${uid}.${attribute} is not a relation`);
      const columns: Record<string, unknown> = {
        [joinTable.joinColumn.name]: knex.raw('cast(? as integer)', [ownerId]),
        [joinTable.inverseJoinColumn.name]: 't.id',
      };
      // The positions are literals: as parameters, PostgreSQL would type the CASE as text.
      if (joinTable.orderColumnName) {
        columns[joinTable.orderColumnName] = knex.raw(`case t.id ${targetIds.map((_, index) => `when ? then ${index + 1}`).join(' ')} end`, targetIds);
      }
      if (joinTable.inverseOrderColumnName) {
        columns[joinTable.inverseOrderColumnName] = knex.raw('coalesce((select max(l.??) from ?? as l where l.?? = t.id), 0) + 1', [
          joinTable.inverseOrderColumnName,
          joinTable.name,
          joinTable.inverseJoinColumn.name,
        ]);
      }
      const select = knex(`${tableOf(strapi, target)} as t`).whereIn('t.id', targetIds).select(columns as never).toSQL();
      const check = required ? { attribute, expected: new Set(targetIds).size } : undefined;
      return { sql: `INSERT INTO ?? (??) ${select.sql}`, bindings: [joinTable.name, Object.keys(columns), ...select.bindings], check };
    });
  if (inserts.length === 0) return;
  const checkRows = (insert: (typeof inserts)[number], result: unknown) => {
    if (!insert.check) return;
    const rows = Number((result as { rowCount?: unknown; changes?: unknown }).rowCount ?? (result as { changes?: unknown }).changes);
    if (rows !== insert.check.expected) throw new errors.ValidationError(`The ${insert.check.attribute} of this ${uid.split('.').pop()} no longer exists`);
  };
  if (strapi.db.dialect.client === 'postgres' && inserts.length > 1) {
    const last = inserts[inserts.length - 1]!;
    const earlier = inserts.slice(0, -1);
    const sql = `WITH ${earlier.map((insert, index) => `link_rows_${index} AS (${insert.sql})`).join(', ')} ${last.sql}`;
    checkRows(last, await knex.raw(sql, [...earlier.flatMap((insert) => insert.bindings), ...last.bindings] as never));
    return;
  }
  for (const insert of inserts) checkRows(insert, await knex.raw(insert.sql, insert.bindings as never));
}
