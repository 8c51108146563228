'use strict';

/**
 * Widens the columns of fields whose documented maximum is above 255 characters from varchar(255) to
 * text, keeping every value. They were declared `string`, which Strapi makes a varchar(255) on
 * PostgreSQL, so a 290-character headline answered 500 there; they are `text` now (issue 13).
 *
 * Strapi's own schema sync would also alter these columns once it sees string → text (its diff
 * compares column types), but it runs after the migrations and only when the schema hash changed:
 * this makes the widening explicit, ordered and recorded in strapi_migrations.
 *
 * Runs once, in a transaction, before Strapi's schema sync. Safe on any database state: it alters a
 * column only when the table and column exist and the column is still `character varying`, so on a
 * new database (no tables yet) and on a second run it does nothing. SQLite does not enforce varchar
 * lengths, so there is nothing to widen there.
 */
const COLUMNS = [
  ['stories', 'title'],
  ['stories', 'byline'],
  ['stories', 'source_url'],
  ['statements', 'attribution'],
  ['statements', 'source_url'],
  ['proposals', 'title'],
  ['components_newsgraph_evidences', 'url'],
  ['components_newsgraph_evidences', 'title'],
];

module.exports = {
  /** Read by tests/integration/field-limits.test.ts, which puts these columns back to varchar(255) and migrates them. */
  columns: COLUMNS,

  /**
   * @param {import('knex').Knex.Transaction} knex the migration's transaction
   * @param {{ getSchemaName(): string | undefined }} db Strapi's database
   */
  async up(knex, db) {
    if (knex.client.dialect !== 'postgresql') return;
    const configured = db && typeof db.getSchemaName === 'function' ? db.getSchemaName() : undefined;
    const schema = configured || (await knex.raw('select current_schema() as name')).rows[0].name;
    for (const [table, column] of COLUMNS) {
      const { rows } = await knex.raw(
        `select data_type from information_schema.columns where table_schema = ? and table_name = ? and column_name = ?`,
        [schema, table, column]
      );
      if (rows.length === 0 || rows[0].data_type !== 'character varying') continue;
      // varchar → text is a binary-compatible cast: no value changes, indexes are kept.
      await knex.raw('alter table ??.?? alter column ?? type text', [schema, table, column]);
    }
  },

  async down() {
    // Narrowing back to varchar(255) would truncate or refuse values that are now valid.
    throw new Error('widen-long-text-columns cannot be undone: varchar(255) cannot hold the values text columns accept');
  },
};
