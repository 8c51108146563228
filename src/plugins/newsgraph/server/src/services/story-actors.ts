import type { Core } from '@strapi/strapi';
import { columnOf, currentKnex, joinTableOf, tableOf, type JoinTable } from '../strapi/types';
import { ACTOR_UID, STATEMENT_UID, STORY_UID } from '../constants';

/** Story.actors' join table, and the actor table and documentId column it leads to. */
function storyActorsJoin(strapi: Core.Strapi) {
  return { link: joinTableOf(strapi, STORY_UID, 'actors'), actorTable: tableOf(strapi, ACTOR_UID), documentIdColumn: columnOf(strapi, ACTOR_UID, 'documentId') };
}

/**
 * (story version, actor) pairs of Story.actors for the given versions, optionally only for some
 * actors, in one query on the join table: a story's actors grow with it, and a save needs only its own.
 */
async function linkedPairs(strapi: Core.Strapi, versionIds: number[], onlyActors?: string[]): Promise<Array<{ storyId: number; actorDocumentId: string }>> {
  if (versionIds.length === 0 || onlyActors?.length === 0) return [];
  const { link, actorTable, documentIdColumn } = storyActorsJoin(strapi);
  const knex = await currentKnex(strapi);
  const query = knex(`${link.name} as link`)
    .join(`${actorTable} as actor`, 'actor.id', `link.${link.inverseJoinColumn.name}`)
    .whereIn(`link.${link.joinColumn.name}`, versionIds)
    .select({ storyId: `link.${link.joinColumn.name}`, actorDocumentId: `actor.${documentIdColumn}` });
  if (onlyActors) query.whereIn(`actor.${documentIdColumn}`, onlyActors);
  return (await query) as Array<{ storyId: number; actorDocumentId: string }>;
}

/**
 * Story.actors is derived data: the union of its statements' speakers and mentions. It is written
 * on every version of the story (draft and published) straight to its join table, so that keeping
 * it in step neither marks a published story as modified nor waits for its next publication.
 */
export const storyActorsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = {
    /**
     * A sub-query counting, for the story version of the enclosing query on the stories table, how many
     * of `actorDocumentIds` its Story.actors holds; selected beside the story's own columns.
     */
    presentActorsColumn(actorDocumentIds: string[]) {
      const { link, actorTable, documentIdColumn } = storyActorsJoin(strapi);
      const knex = strapi.db.connection;
      return knex(`${link.name} as link`)
        .join(`${actorTable} as actor`, 'actor.id', `link.${link.inverseJoinColumn.name}`)
        .where(`link.${link.joinColumn.name}`, knex.ref(`${tableOf(strapi, STORY_UID)}.id`))
        .whereIn(`actor.${documentIdColumn}`, actorDocumentIds)
        .count({ present: '*' });
    },

    /** The documentIds of the actors linked to any of the given story versions. */
    async actorsOfVersions(versionIds: number[]): Promise<string[]> {
      return [...new Set((await linkedPairs(strapi, versionIds)).map((pair) => pair.actorDocumentId))];
    },

    /**
     * Adds actors to Story.actors without reading the story's statements: the common case of a save
     * that only adds links. One statement whatever the number of versions and actors: the join rows
     * each version lacks, ordered after those it has (actor_ord, as Strapi's connect appends them) and
     * after the actor's other stories (story_ord). Strapi's connect took about ten queries for it
     * (docs/performance.md). A save that removes links calls syncStoryActors instead.
     * @param knownVersions the story's versions, when the caller has read them already
     */
    async addStoryActors(storyDocumentId: string, actorDocumentIds: string[], knownVersions?: Array<{ id: number }>): Promise<void> {
      if (actorDocumentIds.length === 0) return;
      const { link, actorTable, documentIdColumn } = storyActorsJoin(strapi);
      const story = link.joinColumn.name;
      const actor = link.inverseJoinColumn.name;
      const actorOrder = link.orderColumnName;
      const storyOrder = link.inverseOrderColumnName;
      const knex = await currentKnex(strapi);
      const columns: Record<string, unknown> = { [story]: 'v.id', [actor]: 'a.id' };
      const ordinal = (orderColumn: string, by: string, partition: string, rank: string) =>
        knex.raw(`coalesce((select max(l.??) from ?? as l where l.?? = ??), 0) + row_number() over (partition by ?? order by ??)`, [orderColumn, link.name, by, partition, partition, rank]);
      if (actorOrder) columns[actorOrder] = ordinal(actorOrder, story, 'v.id', 'a.id');
      if (storyOrder) columns[storyOrder] = ordinal(storyOrder, actor, 'a.id', 'v.id');
      const lacking = knex(`${tableOf(strapi, STORY_UID)} as v`)
        .crossJoin(knex.raw('?? as a', [actorTable]))
        .whereIn(`a.${documentIdColumn}`, actorDocumentIds)
        .whereNotExists(knex(`${link.name} as present`).where(`present.${story}`, knex.ref('v.id')).andWhere(`present.${actor}`, knex.ref('a.id')).select(knex.raw('1')))
        .select(columns as never);
      if (knownVersions) lacking.whereIn('v.id', knownVersions.map((version) => version.id));
      else lacking.where(`v.${columnOf(strapi, STORY_UID, 'documentId')}`, storyDocumentId);
      // A concurrent save that added the same pair first wins (the join table's unique index), silently.
      const select = lacking.toSQL();
      await knex.raw(`INSERT INTO ?? (??) ${select.sql} ON CONFLICT DO NOTHING`, [link.name, Object.keys(columns), ...select.bindings] as never);
    },

    /**
     * Recomputes Story.actors from the story's statements after a save that removed links or moved a
     * statement, and after a delete: the actors are read in one query on the link tables, the pairs no
     * statement holds any more are deleted in one statement, and the missing ones added by
     * addStoryActors. Reading the statements with their speakers and mentions through the query engine
     * cost a 500-statement story 5 ms of reads (1,500 rows), and Strapi's relation update about ten
     * queries per story version (docs/performance.md).
     */
    async syncStoryActors(storyDocumentId: string): Promise<void> {
      const { link, actorTable, documentIdColumn } = storyActorsJoin(strapi);
      const [storyLink, speakerLink, mentionsLink] = (['story', 'speaker', 'mentions'] as const).map((attribute) => joinTableOf(strapi, STATEMENT_UID, attribute));
      const knex = await currentKnex(strapi);
      const versions = () => knex(tableOf(strapi, STORY_UID)).where(columnOf(strapi, STORY_UID, 'documentId'), storyDocumentId).select('id');
      const statementsOfStory = () => knex(storyLink.name).whereIn(storyLink.inverseJoinColumn.name, versions()).select(storyLink.joinColumn.name);
      const linkedBy = (statementLink: JoinTable) => knex(statementLink.name).whereIn(statementLink.joinColumn.name, statementsOfStory()).select({ actor_id: statementLink.inverseJoinColumn.name });
      const actorDocumentIds = ((await knex(actorTable).whereIn('id', linkedBy(speakerLink).union(linkedBy(mentionsLink))).distinct({ documentId: documentIdColumn })) as Array<{ documentId: string }>).map((row) => row.documentId);
      const stale = knex(link.name).whereIn(link.joinColumn.name, versions());
      if (actorDocumentIds.length > 0) stale.whereNotIn(link.inverseJoinColumn.name, knex(actorTable).whereIn(documentIdColumn, actorDocumentIds).select('id'));
      await stale.delete();
      await service.addStoryActors(storyDocumentId, actorDocumentIds);
    },
  };
  return service;
};
