import type { Core } from '@strapi/strapi';
import countries from 'world-countries';
import { ACTOR_UID } from '../constants';
import type { CountryRecord } from '../core/countries/country-enrichment';

type QueryUid = Parameters<Core.Strapi['db']['query']>[0];

const COUNTRIES = countries as unknown as CountryRecord[];

export interface CountryImportReport {
  created: number;
  enriched: number;
  unchanged: number;
}

/**
 * `npm run import:countries`: an actor of kind country for every country of world-countries. A
 * country is found among the actors by its ISO code, then by its common name; one that exists is
 * saved again, which lets the enrichment add what it lacks (and nothing an editor removed); one
 * that does not is created with its common name and code. Idempotent: a second run changes nothing.
 */
export const countriesService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async importAll(onProgress: (done: number, total: number) => void = () => undefined): Promise<CountryImportReport> {
    const report: CountryImportReport = { created: 0, enriched: 0, unchanged: 0 };
    const actors = () => strapi.documents(ACTOR_UID as 'api::actor.actor');
    const aliasCount = async (documentId: string) =>
      (((await strapi.db.query(ACTOR_UID as QueryUid).findOne({ where: { documentId }, select: ['id'], populate: { aliases: { select: ['id'] } } })) as { aliases?: unknown[] } | null)?.aliases ?? []).length;
    for (const [index, country] of COUNTRIES.entries()) {
      const existing = ((await strapi.db.query(ACTOR_UID as QueryUid).findOne({ where: { kind: 'country', country: country.cca2 }, select: ['documentId', 'country'] })) ??
        (await strapi.db.query(ACTOR_UID as QueryUid).findOne({ where: { kind: 'country', name: country.name.common }, select: ['documentId', 'country'] }))) as { documentId: string; country: string | null } | null;
      if (!existing) {
        await actors().create({ data: { name: country.name.common, kind: 'country', country: country.cca2 } as never });
        report.created += 1;
      } else {
        const before = await aliasCount(existing.documentId);
        // Naming the kind is a change the enrichment listens to; nothing else is written.
        await actors().update({ documentId: existing.documentId, data: { kind: 'country', ...(existing.country ? {} : { country: country.cca2 }) } as never });
        if ((await aliasCount(existing.documentId)) > before || !existing.country) report.enriched += 1;
        else report.unchanged += 1;
      }
      onProgress(index + 1, COUNTRIES.length);
    }
    return report;
  },
});
