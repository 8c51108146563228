import { assignSlugs } from './assign-slugs';
import { restrictPublicReads } from './restrict-public-reads';
import { sanitizeFields } from './sanitize-fields';
import { validateFields } from './validate-fields';
import type { DocumentMiddlewareFactory } from '../strapi/types';

/**
 * Every Document Service middleware of the plugin, one concern each, in the order they run.
 * Sanitation comes before validation so that lengths and formats are checked on what will be stored;
 * slugs come last because they are made from the sanitized title.
 */
export const DOCUMENT_MIDDLEWARES: ReadonlyArray<DocumentMiddlewareFactory> = [
  sanitizeFields,
  validateFields,
  assignSlugs,
  restrictPublicReads,
];
