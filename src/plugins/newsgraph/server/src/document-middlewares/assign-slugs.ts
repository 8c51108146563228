import { errors } from '@strapi/utils';
import type { Core } from '@strapi/strapi';
import { NEWSROOM_CONTENT_TYPES } from '../constants';
import { isPlainObject, type DocumentData, type ModelSpec } from '../core/model-spec';
import { firstFreeSlug, isDerivedSlug, toSlug } from '../core/fields/slug';
import { createModelLookup, type DocumentMiddlewareFactory } from '../strapi/types';
import { workingVersion } from '../core/visibility/story-versions';

const SLUGGED_TYPES = new Set<string>(NEWSROOM_CONTENT_TYPES);

type QueryUid = Parameters<Core.Strapi['db']['query']>[0];

interface SlugField {
  name: string;
  targetField: string;
}

function findSlugField(model: ModelSpec): SlugField | undefined {
  for (const [name, attribute] of Object.entries(model.attributes)) {
    const targetField = (attribute as { targetField?: string }).targetField;
    if (attribute.type === 'uid' && targetField) return { name, targetField };
  }
  return undefined;
}

async function slugsInUse(strapi: Core.Strapi, uid: string, field: string, base: string, documentId: string | undefined): Promise<Set<string>> {
  const where: Record<string, unknown> = { [field]: { $startsWith: base } };
  if (documentId) where.documentId = { $ne: documentId };
  const rows = await strapi.db.query(uid as QueryUid).findMany({ where, select: [field] });
  return new Set(rows.map((row: Record<string, unknown>) => String(row[field])));
}

/** The singular name makes a readable fallback for a title with nothing slugify can use. */
function fallbackSlug(model: ModelSpec): string {
  return model.uid.split('.').pop() ?? 'item';
}

/**
 * Gives every story, actor and proposal a unique slug, whichever door it came through (REST and the
 * Document Service do not fill uid fields; only the admin form does, in the browser).
 *
 * - A slug the caller chose is normalized with slugify and must be free (400 otherwise): an editor's
 *   explicit choice is never silently changed into another.
 * - Otherwise the slug follows the title (name) and gets -2, -3... when taken.
 * - It follows title changes only while it is still the derived slug of a never-published story; once
 *   published (for types without drafts: once created) it is stable, because links point to it.
 *
 * @throws errors.ValidationError when a chosen slug is already used
 */
export const assignSlugs: DocumentMiddlewareFactory = (strapi) => {
  const lookup = createModelLookup(strapi);

  async function claimChosenSlug(model: ModelSpec, field: SlugField, chosen: string, documentId: string | undefined): Promise<string> {
    const slug = toSlug(chosen) || fallbackSlug(model);
    const taken = await slugsInUse(strapi, model.uid, field.name, slug, documentId);
    if (taken.has(slug)) {
      throw new errors.ValidationError(`${field.name} "${slug}" is already used by another ${fallbackSlug(model)}`, {
        errors: [{ path: [field.name], message: `${field.name} "${slug}" is already used`, name: 'ValidationError' }],
      });
    }
    return slug;
  }

  async function deriveSlug(model: ModelSpec, field: SlugField, source: string, documentId: string | undefined): Promise<string> {
    const base = toSlug(source) || fallbackSlug(model);
    return firstFreeSlug(base, await slugsInUse(strapi, model.uid, field.name, base, documentId));
  }

  return async (context, next) => {
    if (!SLUGGED_TYPES.has(context.uid) || (context.action !== 'create' && context.action !== 'update')) return next();
    const model = lookup(context.uid);
    const field = model ? findSlugField(model) : undefined;
    const data = context.params.data;
    if (!model || !field || !isPlainObject(data)) return next();

    const { documentId } = context.params;
    const chosen = typeof data[field.name] === 'string' ? (data[field.name] as string).trim() : '';
    const source = typeof data[field.targetField] === 'string' ? (data[field.targetField] as string) : '';
    const nextData: DocumentData = { ...data };

    if (context.action === 'create') {
      if (chosen) nextData[field.name] = await claimChosenSlug(model, field, chosen, undefined);
      else if (source) nextData[field.name] = await deriveSlug(model, field, source, undefined);
    } else if (documentId) {
      const versions = await strapi.db.query(model.uid as QueryUid).findMany({
        where: { documentId },
        select: [field.name, field.targetField, 'publishedAt'],
      });
      const current = workingVersion(versions as Array<Record<string, unknown>>);
      const currentSlug = typeof current?.[field.name] === 'string' ? (current[field.name] as string) : '';
      const currentSource = typeof current?.[field.targetField] === 'string' ? (current[field.targetField] as string) : '';
      // Documents without Draft & Publish are stored published, so only a story that was never
      // published has no row with a publication date.
      const neverPublished = versions.every((row: Record<string, unknown>) => row.publishedAt === null || row.publishedAt === undefined);

      if (chosen && chosen !== currentSlug) {
        nextData[field.name] = await claimChosenSlug(model, field, chosen, documentId);
      } else if (!currentSlug && (source || currentSource)) {
        nextData[field.name] = await deriveSlug(model, field, source || currentSource, documentId);
      } else if (source && source !== currentSource && neverPublished && isDerivedSlug(currentSlug, toSlug(currentSource))) {
        nextData[field.name] = await deriveSlug(model, field, source, documentId);
      }
    }
    context.params.data = nextData;
    return next();
  };
};
