import type { Core } from '@strapi/strapi';
import { FACT_CHECK_UID, STATEMENT_UID } from '../constants';
import type { EarlierVerdict } from '../contracts/review';
import { verdictAppliesToText, VERDICT_RATINGS } from '../core/claims/claim-review';
import { ClaimMatcher, EARLIER_VERDICT_THRESHOLD } from '../core/claims/claim-matching';
import { columnOf, currentKnex, tableOf } from '../strapi/types';

type QueryUid = Parameters<Core.Strapi['db']['query']>[0];

interface StatementRow {
  id: number;
  documentId: string;
  text: string | null;
  verification: string | null;
  verifiedText?: string | null;
  saidAt: string | Date | null;
  createdAt: string | Date | null;
  updatedAt: string | Date;
}

interface FactCheckRow {
  id: number;
  documentId: string;
  claimReviewed: string;
  title: string | null;
  rating: string;
  verdict: string | null;
  url: string | null;
  publisher: string | null;
  datePublished: string | Date | null;
  updatedAt: string | Date;
}

type Entry = Omit<EarlierVerdict, 'similarity'>;

/** The freshness check as selected by signatureColumns(): the latest update of each table, as the database gave it. */
export interface MatcherSignatures {
  statementsUpdatedAt: unknown;
  factChecksUpdatedAt: unknown;
}

/** One table the index follows: what was last seen of it, to patch from. */
interface Followed {
  /** The table's latest update, as the database gave it. */
  signature: string;
  lastUpdate: string;
}

/** The statements the freshness check follows: those with a verdict (the partial index's predicate, word for word, so both databases use it). */
const RATED_STATEMENTS = `?? <> 'unverified'`;

/** Rows loaded per query while building the index: bounded memory whatever the newsroom's size. */
const BATCH = 2000;

const STATEMENT_COLUMNS = ['id', 'documentId', 'text', 'verification', 'saidAt', 'createdAt', 'updatedAt', 'verifiedText'];

const toTimestamp = (value: string | Date | null | undefined): string => (!value ? '' : value instanceof Date ? value.toISOString() : new Date(value).toISOString());
const toDay = (value: string | Date | null | undefined): string | null => (!value ? null : value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10));

/**
 * Keeps a claim matcher over the newsroom's rated statements and the imported fact-checks, and
 * finds earlier verdicts for a statement's text (issue 12). Like the link index, it is built once
 * and then patched: before each use it reads the latest update of the rated statements and of the
 * fact-checks (an index on `updated_at` answers it without reading the table) and reloads what
 * changed since, only for the table that moved; so several Strapi instances on one database agree
 * without talking to each other. A deleted row, or a statement whose verdict was reset, leaves no
 * trace the check follows: the earlier verdicts found are checked against their rows before they
 * are offered, and those that no longer hold leave the index. (Counting the rows on
 * every save, as this once did, scanned the whole statements table: docs/performance.md.)
 */
export const claimMatcherService = ({ strapi }: { strapi: Core.Strapi }) => {
  let matcher = new ClaimMatcher();
  const entries = new Map<string, Entry>();
  let statements: Followed | null = null;
  let factChecks: Followed | null = null;
  let refreshing: Promise<void> | null = null;

  const keyOf = (source: Entry['source'], documentId: string) => `${source}:${documentId}`;

  /**
   * Sub-queries of the freshness check (the latest update of statements and fact-checks), to select
   * in any query: the flags service reads them beside the statement it evaluates, in one round trip.
   */
  function signatureColumns(knex: Core.Strapi['db']['connection']): Record<keyof MatcherSignatures, unknown> {
    // A max() of an indexed column: both databases read it from the end of the index. Statements
    // count only while rated (a partial index, ensureIndexes): an unrated statement is never an
    // earlier verdict, and most saves are of unrated ones, which then leave the index as it is.
    const latest = (uid: string) => knex(tableOf(strapi, uid)).max(columnOf(strapi, uid, 'updatedAt'));
    return { statementsUpdatedAt: latest(STATEMENT_UID).whereRaw(RATED_STATEMENTS, [columnOf(strapi, STATEMENT_UID, 'verification')]), factChecksUpdatedAt: latest(FACT_CHECK_UID) };
  }

  const signatureText = (value: unknown) => (value instanceof Date ? value.toISOString() : String(value ?? ''));

  async function readSignatures(): Promise<{ statements: string; factChecks: string }> {
    const knex = await currentKnex(strapi);
    const row = (await knex.select(signatureColumns(knex) as never).first()) as MatcherSignatures;
    return { statements: signatureText(row.statementsUpdatedAt), factChecks: signatureText(row.factChecksUpdatedAt) };
  }

  function put(key: string, entry: Entry | null, title: string | null = null): void {
    if (!entry) {
      entries.delete(key);
      matcher.remove(key);
      return;
    }
    entries.set(key, entry);
    matcher.add({ id: key, text: entry.text, title });
  }

  /**
   * A statement's verdict applies to its text only while the text is the one judged (verifiedText,
   * folded as quotes are compared: quote marks, dashes, case and spacing aside).
   */
  function statementEntry(row: StatementRow): Entry | null {
    if (!row.text || !verdictAppliesToText({ verification: row.verification, text: row.text, verifiedText: row.verifiedText })) return null;
    const publisher = (strapi.config.get('plugin::newsgraph.claimReview') as { name?: string } | undefined)?.name ?? null;
    return {
      source: 'statement',
      documentId: row.documentId,
      text: row.text,
      verdict: row.verification,
      rating: VERDICT_RATINGS[row.verification!]!.name,
      url: null,
      publisher,
      date: toDay(row.saidAt ?? row.createdAt),
    };
  }

  function factCheckEntry(row: FactCheckRow): Entry {
    return {
      source: 'fact-check',
      documentId: row.documentId,
      text: row.claimReviewed,
      verdict: row.verdict,
      rating: row.rating,
      url: row.url,
      publisher: row.publisher,
      date: toDay(row.datePublished),
    };
  }

  /** Loads the rows of `uid` updated since `followed.lastUpdate` (all when empty), in batches. */
  async function loadChanged<Row extends { id: number; updatedAt: string | Date }>(uid: string, select: string[], followed: Followed, apply: (row: Row) => void): Promise<void> {
    // Fixed for the whole walk: paging through a filter that moved under it would skip rows.
    const since = followed.lastUpdate;
    for (let offset = 0; ; offset += BATCH) {
      const rows = (await strapi.db.query(uid as QueryUid).findMany({
        where: since ? { updatedAt: { $gte: since } } : {},
        select,
        orderBy: { id: 'asc' },
        offset,
        limit: BATCH,
      })) as Row[];
      for (const row of rows) {
        apply(row);
        if (toTimestamp(row.updatedAt) > followed.lastUpdate) followed.lastUpdate = toTimestamp(row.updatedAt);
      }
      if (rows.length < BATCH) return;
    }
  }

  async function refresh(known?: MatcherSignatures): Promise<void> {
    const signatures = known ? { statements: signatureText(known.statementsUpdatedAt), factChecks: signatureText(known.factChecksUpdatedAt) } : await readSignatures();
    if (statements?.signature === signatures.statements && factChecks?.signature === signatures.factChecks) return;
    if (!statements || !factChecks) {
      // Invalidated, or never built: start afresh.
      matcher = new ClaimMatcher();
      entries.clear();
      statements = null;
      factChecks = null;
    }
    const nextStatements: Followed = statements ?? { signature: '', lastUpdate: '' };
    const nextFactChecks: Followed = factChecks ?? { signature: '', lastUpdate: '' };
    if (nextStatements.signature !== signatures.statements) {
      await loadChanged<StatementRow>(STATEMENT_UID, STATEMENT_COLUMNS, nextStatements, (row) => put(keyOf('statement', row.documentId), statementEntry(row)));
    }
    if (nextFactChecks.signature !== signatures.factChecks) {
      await loadChanged<FactCheckRow>(FACT_CHECK_UID, ['id', 'documentId', 'claimReviewed', 'title', 'rating', 'verdict', 'url', 'publisher', 'datePublished', 'updatedAt'], nextFactChecks, (row) =>
        put(keyOf('fact-check', row.documentId), factCheckEntry(row), row.title)
      );
    }
    // Rows written while loading may have moved the signature: the next call patches them in.
    nextStatements.signature = signatures.statements;
    nextFactChecks.signature = signatures.factChecks;
    statements = nextStatements;
    factChecks = nextFactChecks;
  }

  /**
   * Checks the entries among `keys` against their rows before they are offered: those whose row was
   * deleted leave the index, and so do statements whose verdict no longer applies (reset after a
   * text change, or withdrawn), which the freshness check, following rated statements only, may not
   * have seen. @returns whether any entry left or changed
   */
  async function dropStale(keys: string[]): Promise<boolean> {
    const present = new Set<string>();
    let changed = false;
    const documentIdsOf = (source: Entry['source']) => keys.filter((key) => entries.get(key)?.source === source).map((key) => entries.get(key)!.documentId);
    const statementIds = documentIdsOf('statement');
    if (statementIds.length > 0) {
      const rows = (await strapi.db.query(STATEMENT_UID as QueryUid).findMany({ where: { documentId: { $in: statementIds } }, select: STATEMENT_COLUMNS })) as StatementRow[];
      for (const row of rows) {
        const key = keyOf('statement', row.documentId);
        const entry = statementEntry(row);
        if (!entry) continue;
        present.add(key);
        if (entries.get(key)?.verdict !== entry.verdict || entries.get(key)?.text !== entry.text) {
          put(key, entry);
          changed = true;
        }
      }
    }
    const factCheckIds = documentIdsOf('fact-check');
    if (factCheckIds.length > 0) {
      const rows = (await strapi.db.query(FACT_CHECK_UID as QueryUid).findMany({ where: { documentId: { $in: factCheckIds } }, select: ['documentId'] })) as Array<{ documentId: string }>;
      for (const row of rows) present.add(keyOf('fact-check', row.documentId));
    }
    for (const key of keys) {
      if (present.has(key)) continue;
      put(key, null);
      changed = true;
    }
    return changed;
  }

  async function current(known?: MatcherSignatures): Promise<ClaimMatcher> {
    // One refresh at a time: concurrent saves wait for the same reload instead of each starting one.
    refreshing ??= refresh(known).finally(() => {
      refreshing = null;
    });
    await refreshing;
    return matcher;
  }

  return {
    signatureColumns,

    /**
     * Earlier verdicts on the claim `text` states, best first (at most five), each above the
     * similarity threshold chosen on the claim-matching data: rated statements of this newsroom whose
     * verdict still applies to their words, and imported fact-checks.
     * @param options.excludeStatementDocumentId the statement being checked, never its own earlier verdict
     * @param options.signatures the freshness check, when the caller selected signatureColumns() in a query of its own
     */
    async findEarlierVerdicts(text: string, options: { excludeStatementDocumentId?: string; signatures?: MatcherSignatures } = {}): Promise<EarlierVerdict[]> {
      if (!text || text.trim() === '') return [];
      const excluded = options.excludeStatementDocumentId ? keyOf('statement', options.excludeStatementDocumentId) : null;
      const find = async () => (await current(options.signatures)).match(text, { limit: 5, minSimilarity: EARLIER_VERDICT_THRESHOLD, exclude: excluded ? (id) => id === excluded : undefined });
      let matches = await find();
      // Rare (most statements repeat nothing), so the check costs a query only when there is something to offer.
      if (matches.length > 0 && (await dropStale(matches.map((match) => match.id)))) matches = await find();
      return matches.flatMap((match) => {
        const entry = entries.get(match.id);
        return entry ? [{ ...entry, similarity: Math.round(match.similarity * 1000) / 1000 }] : [];
      });
    },

    /** How many earlier verdicts the index holds now (after bringing it up to date; a deleted one stays counted until a match drops it). */
    async size(): Promise<number> {
      return (await current()).size;
    },

    /**
     * The indexes behind the matcher's freshness check: the latest update of statements and
     * fact-checks is then read from the end of an index instead of the whole table, on every save.
     */
    async ensureIndexes(): Promise<void> {
      const knex = strapi.db.connection;
      const statements = tableOf(strapi, STATEMENT_UID);
      const factChecks = tableOf(strapi, FACT_CHECK_UID);
      await knex.raw(`CREATE INDEX IF NOT EXISTS ?? ON ?? (??) WHERE ${RATED_STATEMENTS}`, [
        `${statements}_rated_updated_at`,
        statements,
        columnOf(strapi, STATEMENT_UID, 'updatedAt'),
        columnOf(strapi, STATEMENT_UID, 'verification'),
      ]);
      // The earlier index over every statement: no longer read, and each save would keep writing it.
      await knex.raw('DROP INDEX IF EXISTS ??', [`${statements}_updated_at_matcher`]);
      await knex.raw('CREATE INDEX IF NOT EXISTS ?? ON ?? (??)', [`${factChecks}_updated_at_matcher`, factChecks, columnOf(strapi, FACT_CHECK_UID, 'updatedAt')]);
    },

    /** Forget everything: the next use rebuilds from the database. */
    invalidate(): void {
      statements = null;
      factChecks = null;
    },
  };
};
