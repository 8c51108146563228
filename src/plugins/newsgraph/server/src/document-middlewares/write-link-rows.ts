import { STATEMENT_UID } from '../constants';
import { insertLinkRows, type LinkRows } from '../strapi/link-rows';
import type { DocumentMiddlewareFactory } from '../strapi/types';
import { linkingOf } from './link-statements';

/** The linker's relations of a statement. */
const LINK_ATTRIBUTES = ['speaker', 'mentions', 'proposals'] as const;

function rowIdOf(reference: unknown): number | null {
  if (typeof reference !== 'object' || reference === null || Object.keys(reference).length !== 1) return null;
  const id = (reference as { id?: unknown }).id;
  return typeof id === 'number' && Number.isInteger(id) ? id : null;
}

/**
 * The links as row ids, or null when any of them is something else (a documentId the link index did
 * not hold yet, say): Strapi then stores them all, as it would without this middleware.
 */
function linkRowsOf(data: Record<string, unknown>): LinkRows[] | null {
  const links: LinkRows[] = [];
  for (const attribute of LINK_ATTRIBUTES) {
    if (!(attribute in data) || data[attribute] === null) continue;
    const value = data[attribute];
    const references = Array.isArray(value) ? value : [value];
    const targetIds = references.map(rowIdOf);
    if (targetIds.some((id) => id === null)) return null;
    links.push({ attribute, targetIds: [...new Set(targetIds as number[])] });
  }
  return links;
}

/**
 * Stores a new statement's links (speaker, mentions, proposals) as join rows written in one
 * statement, instead of through Strapi's entity manager, which checks that each target exists,
 * reads each target's last position and inserts each relation apart: 8 round trips for a statement
 * with a speaker, two mentions and a proposal (docs/performance.md). The links are the linker's own
 * (row ids from its index, of actors and proposals, which have no drafts), so Strapi's checks have
 * nothing to find; a target deleted meanwhile is skipped by the insert.
 *
 * The story goes the same way when the write names it plainly (its documentId only): linking's plan
 * read the rows of its versions, which are the rows Strapi connects a statement to (3 more round
 * trips: the count, the order, the insert). The story is the editor's choice, not the linker's, so a
 * story deleted meanwhile is not skipped: the save fails with a 400, as Strapi's check would make it.
 *
 * Only on create, and only when the caller asked for no populated response and no field selection: Strapi reads the new
 * entry back, with what it populates, before this middleware writes the rows. Updates go through
 * Strapi, which also removes the links that went and keeps the order of those that stay.
 *
 * It is the innermost of the plugin's middlewares, so the rows are there before the flags read the
 * saved statement, inside the same transaction.
 */
export const writeLinkRows: DocumentMiddlewareFactory = (strapi) => async (context, next) => {
  if (context.uid !== STATEMENT_UID || context.action !== 'create' || !linkingOf(context)?.plan) return next();
  if (context.params.populate !== undefined || context.params.fields !== undefined) return next();
  const data = context.params.data as Record<string, unknown>;
  const links = linkRowsOf(data);
  if (!links) return next();
  const storyRowIds = linkingOf(context)?.plan?.storyRowIds;
  const attributes: string[] = [...LINK_ATTRIBUTES];
  if (storyRowIds && storyRowIds.length > 0) {
    links.push({ attribute: 'story', targetIds: storyRowIds, required: true });
    attributes.push('story');
  }
  if (links.length === 0) return next();

  const references = Object.fromEntries(attributes.filter((attribute) => attribute in data).map((attribute) => [attribute, data[attribute]]));
  for (const attribute of attributes) delete data[attribute];
  try {
    const result = (await next()) as { id?: unknown } | null;
    // Strapi's create reads the new row back, id included, whenever no fields are picked.
    if (typeof result?.id !== 'number') throw new Error('the created statement came back without its row id; its links were not stored');
    await insertLinkRows(strapi, STATEMENT_UID, result.id, links);
    return result;
  } finally {
    // The caller's data object is left as it came.
    Object.assign(data, references);
  }
};
