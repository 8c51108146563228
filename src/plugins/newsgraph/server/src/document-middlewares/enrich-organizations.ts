import type { Core } from '@strapi/strapi';
import countries from 'world-countries';
import { ACTOR_UID } from '../constants';
import { removedAutomaticAliases, type ActorAlias, type CountryRecord } from '../core/countries/country-enrichment';
import { ORGANIZATION_KINDS, missingOrganizationAliases } from '../core/countries/organization-aliases';
import { isPlainObject } from '../core/model-spec';
import type { DocumentMiddlewareFactory } from '../strapi/types';

type QueryUid = Parameters<Core.Strapi['db']['query']>[0];

const COUNTRIES = countries as unknown as CountryRecord[];

/** Fields whose change may give an organization other names. */
const NAME_FIELDS = ['name', 'kind', 'aliases'];

interface StoredActor {
  name: string;
  kind: string | null;
  aliases: Array<ActorAlias & { id: number }>;
  removedCountryAliases: string[] | null;
}

/**
 * An organization (or government, institution, group, media) knows the other names copy gives it:
 * when it is created, or its name, kind or aliases change, it gets its initialism ("EU") and, for a
 * national body, its name with the country in the possessive ("France's Navy" for "French Navy",
 * "Japan's Foreign Ministry"), marked automatic (core/countries/organization-aliases.ts). An
 * automatic alias an editor deletes is remembered, in the same private field as a country's, and
 * never added again.
 */
export const enrichOrganizations: DocumentMiddlewareFactory = (strapi) => async (context, next) => {
  if (context.uid !== ACTOR_UID || (context.action !== 'create' && context.action !== 'update')) return next();
  const data = context.params.data;
  if (!isPlainObject(data)) return next();
  if (context.action === 'update' && !NAME_FIELDS.some((field) => field in data)) return next();
  if (typeof data.kind === 'string' && !ORGANIZATION_KINDS.has(data.kind)) return next();

  const stored =
    context.action === 'update' && context.params.documentId
      ? ((await strapi.db.query(ACTOR_UID as QueryUid).findOne({
          where: { documentId: context.params.documentId },
          select: ['name', 'kind', 'removedCountryAliases'],
          populate: { aliases: true },
        })) as StoredActor | null)
      : null;
  // A new actor without a kind is a person (the schema's default).
  const kind = (data.kind ?? stored?.kind ?? 'person') as string;
  const name = (data.name ?? stored?.name) as string | undefined;
  if (!ORGANIZATION_KINDS.has(kind) || typeof name !== 'string' || !name.trim()) return next();

  const givenAliases = Array.isArray(data.aliases) ? (data.aliases as ActorAlias[]).filter(isPlainObject) : null;
  const storedAliases = stored?.aliases ?? [];
  const aliases: ActorAlias[] = givenAliases ?? storedAliases;
  const removed = [...new Set([...(stored?.removedCountryAliases ?? []), ...(givenAliases ? removedAutomaticAliases(storedAliases, givenAliases) : [])])];

  const missing = missingOrganizationAliases(name, aliases, removed, COUNTRIES);
  if (missing.length > 0) data.aliases = [...aliases, ...missing];
  if (removed.length !== (stored?.removedCountryAliases ?? []).length) data.removedCountryAliases = removed;
  return next();
};
