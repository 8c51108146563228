import type { Core } from '@strapi/strapi';
import countries from 'world-countries';
import { ACTOR_UID, PROPOSAL_UID } from '../constants';
import type { CountryRecord } from '../core/countries/country-enrichment';
import { ORGANIZATION_KINDS, countryOfNationalBody } from '../core/countries/organization-aliases';
import { countryWords } from '../core/countries/country-words';
import { placeNames } from '../core/countries/place-names';
import { indexActor, indexProposal, type LinkableActor, type LinkableProposal } from '../core/linking/linkable';
import type { ActorFacts } from '../core/linking/linker';
import { PhraseIndex } from '../core/linking/phrase-index';
import { currentKnex, tableOf } from '../strapi/types';

type QueryUid = Parameters<Core.Strapi['db']['query']>[0];

/** Capitals and seats of power: an alias among them names its actor only when it acts (see the linker). */
const COUNTRIES = countries as unknown as CountryRecord[];
const PLACES = placeNames(COUNTRIES);
const COUNTRY_WORDS = countryWords(COUNTRIES);

/** The signature as selected by signatureColumns(). */
export interface IndexSignature {
  actorsSignature: string;
  proposalsSignature: string;
}

interface Signature {
  actors: string;
  proposals: string;
}

interface ActorRow {
  id: number;
  documentId: string;
  name: string;
  kind: string;
  description: string | null;
  country: string | null;
  updatedAt: string | Date;
  affiliation?: { documentId: string } | null;
  aliases?: Array<{ name: string | null }>;
  positions?: Array<{ title: string | null; descriptors: string | null; from: string | null; to: string | null }>;
}

interface ProposalRow {
  id: number;
  documentId: string;
  title: string;
  kind: string | null;
  updatedAt: string | Date;
  aliases?: Array<{ name: string | null }>;
}

/** The row id of an actor or proposal the index holds, by documentId; undefined for one it does not hold. */
export type RowIdOf = (kind: 'actor' | 'proposal', documentId: string) => number | undefined;

const ACTOR_POPULATE = { affiliation: { select: ['documentId'] }, aliases: true, positions: true };
/** Rows loaded per query while building the index: bounded memory whatever the newsroom's size. */
const BATCH = 2000;

function toTimestamp(value: string | Date | null | undefined): string {
  if (!value) return '';
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

/**
 * Keeps the phrase index of the newsroom's actors and proposals in memory, built once and then
 * patched: before each use it reads a cheap signature of both tables (row count and latest update),
 * reloads only what changed since, and rebuilds when a row disappeared. Several Strapi instances on
 * one database therefore agree without talking to each other: an alias added through one instance
 * is in every instance's next link.
 */
export const linkIndexService = ({ strapi }: { strapi: Core.Strapi }) => {
  let index = new PhraseIndex();
  const facts = new Map<string, ActorFacts>();
  /**
   * The row id behind each actor's and proposal's documentId (neither has drafts: one row each), so
   * that a statement's links reach Strapi as row ids, which spares the save Strapi's lookup of the
   * documentIds (one query per target table; docs/performance.md).
   */
  const rowIds = new Map<string, number>();
  let signature: Signature | null = null;
  let lastActorUpdate = '';
  let lastProposalUpdate = '';
  let refreshing: Promise<void> | null = null;
  /** Moves whenever the index changes, so that a link made with an older index can be recognised. */
  let version = 0;

  /** Sub-queries of the signature (row count and latest update of both tables), to select in any query. */
  function signatureColumns() {
    const table = (uid: string) => tableOf(strapi, uid);
    const knex = strapi.db.connection;
    const summary = (name: string) => knex(name).select(knex.raw("count(*) || '|' || coalesce(cast(max(updated_at) as varchar(64)), '') as signature"));
    return { actorsSignature: summary(table(ACTOR_UID)), proposalsSignature: summary(table(PROPOSAL_UID)) };
  }

  async function readSignature(): Promise<IndexSignature> {
    return (await (await currentKnex(strapi)).select(signatureColumns()).first()) as IndexSignature;
  }

  function addActor(row: ActorRow): void {
    const actor: LinkableActor = {
      documentId: row.documentId,
      name: row.name,
      kind: row.kind,
      description: row.description,
      country: row.country,
      affiliation: row.affiliation?.documentId ?? null,
      aliases: row.aliases ?? [],
      positions: row.positions ?? [],
    };
    indexActor(index, actor, PLACES, COUNTRY_WORDS);
    rowIds.set(`actor:${row.documentId}`, row.id);
    // An organization entered without a country is taken for the one its name says ("Turkish Armed Forces").
    const country = row.country ?? (ORGANIZATION_KINDS.has(row.kind) ? countryOfNationalBody(row.name, COUNTRIES) : null);
    facts.set(row.documentId, { name: row.name, country, affiliation: actor.affiliation ?? null, kind: row.kind });
  }

  function addProposal(row: ProposalRow): void {
    const proposal: LinkableProposal = { documentId: row.documentId, title: row.title, kind: row.kind, aliases: row.aliases ?? [] };
    indexProposal(index, proposal);
    rowIds.set(`proposal:${row.documentId}`, row.id);
  }

  /** Loads the rows of `uid` updated since `since` (all when empty), in batches. @returns the latest update seen */
  async function loadChanged<Row extends { updatedAt: string | Date }>(uid: string, populate: object, since: string, add: (row: Row) => void): Promise<string> {
    let latest = since;
    for (let offset = 0; ; offset += BATCH) {
      const rows = (await strapi.db.query(uid as QueryUid).findMany({
        where: since ? { updatedAt: { $gte: since } } : {},
        populate,
        orderBy: { id: 'asc' },
        offset,
        limit: BATCH,
      })) as Row[];
      rows.forEach(add);
      for (const row of rows) if (toTimestamp(row.updatedAt) > latest) latest = toTimestamp(row.updatedAt);
      if (rows.length < BATCH) return latest;
    }
  }

  async function refresh(known?: IndexSignature): Promise<void> {
    const { actorsSignature, proposalsSignature } = known ?? (await readSignature());
    const next: Signature = { actors: String(actorsSignature), proposals: String(proposalsSignature) };
    if (signature && next.actors === signature.actors && next.proposals === signature.proposals) return;

    const countOf = (text: string) => Number(text.split('|')[0]);
    const shrank = !signature || countOf(next.actors) < countOf(signature.actors) || countOf(next.proposals) < countOf(signature.proposals);
    if (shrank) {
      // A deletion leaves no trace to patch from: rebuild.
      index = new PhraseIndex();
      facts.clear();
      rowIds.clear();
      lastActorUpdate = '';
      lastProposalUpdate = '';
    }
    lastActorUpdate = await loadChanged<ActorRow>(ACTOR_UID, ACTOR_POPULATE, lastActorUpdate, addActor);
    lastProposalUpdate = await loadChanged<ProposalRow>(PROPOSAL_UID, { aliases: true }, lastProposalUpdate, addProposal);
    signature = next;
    version += 1;
  }

  return {
    signatureColumns,

    /**
     * The index and actor facts, fresh as of this call.
     * @param known the signature, when the caller selected signatureColumns() in a query of its own
     */
    /** The index as it is now, without checking the database; null before the first load. */
    peek(): { index: PhraseIndex; facts: (id: string) => ActorFacts | undefined; version: number } | null {
      return signature ? { index, facts: (id: string) => facts.get(id), version } : null;
    },

    async current(known?: IndexSignature): Promise<{ index: PhraseIndex; facts: (id: string) => ActorFacts | undefined; version: number; rowIdOf: RowIdOf }> {
      // One refresh at a time: concurrent saves wait for the same reload instead of each starting one.
      refreshing ??= refresh(known).finally(() => {
        refreshing = null;
      });
      await refreshing;
      return { index, facts: (id: string) => facts.get(id), version, rowIdOf: (kind, documentId) => rowIds.get(`${kind}:${documentId}`) };
    },
    /** Forget everything: the next use rebuilds from the database. */
    invalidate(): void {
      signature = null;
    },
  };
};
