import type { Core } from '@strapi/strapi';
import countries from 'world-countries';
import { ACTOR_UID } from '../constants';
import { findCountry, missingCountryAliases, removedAutomaticAliases, type ActorAlias, type CountryRecord } from '../core/countries/country-enrichment';
import { isPlainObject } from '../core/model-spec';
import type { DocumentMiddlewareFactory } from '../strapi/types';

type QueryUid = Parameters<Core.Strapi['db']['query']>[0];

const COUNTRIES = countries as unknown as CountryRecord[];

/** Fields whose change may make an actor another country, or a country at all. */
const COUNTRY_FIELDS = ['name', 'kind', 'country', 'aliases'];

interface StoredActor {
  name: string;
  kind: string | null;
  country: string | null;
  aliases: Array<ActorAlias & { id: number }>;
  removedCountryAliases: string[] | null;
}

/**
 * An actor of kind `country` knows its other names without anyone typing them: when it is created,
 * or its name, kind, country or aliases change, and it matches a country of world-countries, its
 * `country` code is filled (if empty) and the country's missing aliases are added, marked automatic
 * (names, spellings, translations, the capital, the demonym). An automatic alias an editor deletes
 * is remembered and never added again. A name several countries answer to adds nothing.
 */
export const enrichCountries: DocumentMiddlewareFactory = (strapi) => async (context, next) => {
  if (context.uid !== ACTOR_UID || (context.action !== 'create' && context.action !== 'update')) return next();
  const data = context.params.data;
  if (!isPlainObject(data)) return next();
  if (context.action === 'update' && !COUNTRY_FIELDS.some((field) => field in data)) return next();

  const stored =
    context.action === 'update' && context.params.documentId
      ? ((await strapi.db.query(ACTOR_UID as QueryUid).findOne({
          where: { documentId: context.params.documentId },
          select: ['name', 'kind', 'country', 'removedCountryAliases'],
          populate: { aliases: true },
        })) as StoredActor | null)
      : null;
  const kind = (data.kind ?? stored?.kind) as string | null;
  const name = (data.name ?? stored?.name) as string | undefined;
  if (kind !== 'country' || !name) return next();

  const givenAliases = Array.isArray(data.aliases) ? (data.aliases as ActorAlias[]).filter(isPlainObject) : null;
  const storedAliases = stored?.aliases ?? [];
  const aliases: ActorAlias[] = givenAliases ?? storedAliases;
  const removed = [...new Set([...(stored?.removedCountryAliases ?? []), ...(givenAliases ? removedAutomaticAliases(storedAliases, givenAliases) : [])])];

  const match = findCountry(COUNTRIES, { name, isoCode: (data.country ?? stored?.country) as string | null });
  if (match && 'country' in match) {
    if (!data.country && !stored?.country) data.country = match.country.cca2;
    const missing = missingCountryAliases(match.country, name, aliases, removed, COUNTRIES);
    if (missing.length > 0) data.aliases = [...aliases, ...missing];
  }
  if (removed.length !== (stored?.removedCountryAliases ?? []).length) data.removedCountryAliases = removed;
  return next();
};
