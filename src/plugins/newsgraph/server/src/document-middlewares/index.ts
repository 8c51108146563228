import { assignSlugs } from './assign-slugs';
import { bindVerdicts } from './bind-verdicts';
import { enrichCountries } from './enrich-countries';
import { enrichOrganizations } from './enrich-organizations';
import { guardPublication } from './guard-publication';
import { keepStoryActors } from './keep-story-actors';
import { linkStatements } from './link-statements';
import { scoreClaims } from './score-claims';
import { raiseFlags } from './raise-flags';
import { relinkOnActorChange } from './relink-on-actor-change';
import { restrictPublicReads } from './restrict-public-reads';
import { sanitizeFields } from './sanitize-fields';
import { saveInOneTransaction } from './save-in-one-transaction';
import { validateFields } from './validate-fields';
import { writeLinkRows } from './write-link-rows';
import type { DocumentMiddlewareFactory } from '../strapi/types';

/**
 * Every Document Service middleware of the plugin, one concern each, in the order they run.
 * Sanitation comes before validation so that lengths and formats are checked on what will be stored;
 * country actors get their aliases from a trusted data set, organizations their initialisms and
 * possessive forms, after validation, before the actor's change relinks statements; slugs are made from the sanitized title; linking and claim scoring read the sanitized text
 * and write their own computed fields after validation; a verdict is bound to the words being saved before
 * the flags are evaluated on them; visibility only concerns reads.
 * The transaction in which a statement's write and all that follows it commit once opens after the
 * linker's plan, which only reads (outside a transaction, a failed read costs nothing else), and
 * before everything that writes. The new statement's link rows are written innermost, right after
 * the statement itself, so that the flags read them.
 */
export const DOCUMENT_MIDDLEWARES: ReadonlyArray<DocumentMiddlewareFactory> = [
  sanitizeFields,
  validateFields,
  enrichCountries,
  enrichOrganizations,
  assignSlugs,
  guardPublication,
  linkStatements,
  saveInOneTransaction,
  keepStoryActors,
  scoreClaims,
  bindVerdicts,
  raiseFlags,
  relinkOnActorChange,
  restrictPublicReads,
  writeLinkRows,
];
