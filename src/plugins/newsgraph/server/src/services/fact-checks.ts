import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { FACT_CHECK_UID } from '../constants';
import { describeProblem, parseClaimReviewDocument, type ImportedFactCheck, type ImportProblem } from '../core/claims/claim-review-import';
import { newDocumentId } from '../strapi/document-ids';

type QueryUid = Parameters<Core.Strapi['db']['query']>[0];

export interface FactCheckImportReport {
  created: number;
  updated: number;
  unchanged: number;
}

interface FactCheckRow extends Record<keyof ImportedFactCheck, unknown> {
  id: number;
}

/** The fields compared and written, in one place so that "unchanged" means every one of them. */
const FIELDS = ['claimReviewed', 'title', 'rating', 'verdict', 'ratingValue', 'bestRating', 'worstRating', 'url', 'publisher', 'datePublished', 'language', 'claimAuthor'] as const;
const DECIMALS = new Set(['ratingValue', 'bestRating', 'worstRating']);
/** Rows per query: SQLite compiles a multi-row insert into one compound SELECT of at most 500 terms. */
const BATCH = 200;
/** The most problems a 400 lists: enough to fix a file by, short enough to read. */
const MAX_REPORTED_PROBLEMS = 100;

/** A value as the database hands it back, made comparable with what the import would write. */
function comparable(field: string, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // PostgreSQL returns decimals as strings, and dates as Date or text depending on the driver's parsers.
  if (DECIMALS.has(field)) return Number(value);
  if (field === 'datePublished') return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
  return value;
}

function changedFields(row: FactCheckRow, factCheck: ImportedFactCheck): boolean {
  return FIELDS.some((field) => comparable(field, row[field]) !== comparable(field, factCheck[field]));
}

/** The problems of an import as a Strapi ValidationError: a 400 in Strapi's error shape, each naming its item. */
export function importValidationError(message: string, problems: ImportProblem[]): errors.ValidationError {
  return new errors.ValidationError(message, {
    errors: problems.slice(0, MAX_REPORTED_PROBLEMS).map((problem) => ({
      path: [...(problem.line !== null ? [`line ${problem.line}`] : []), String(problem.index), ...(problem.path ? problem.path.split('.') : [])],
      message: describeProblem(problem),
      name: 'ValidationError',
    })),
    ...(problems.length > MAX_REPORTED_PROBLEMS ? { omitted: problems.length - MAX_REPORTED_PROBLEMS } : {}),
  });
}

/**
 * Fact-checks published elsewhere (issue 12): imported from ClaimReview by the CLI and the admin
 * route, and matched against new statements by the claim-matcher service. Plugin-internal records,
 * written with the Query Engine in one transaction: an import is all or nothing, and 100,000 of them
 * do not each run the Document Service middleware chain that editors' documents need.
 */
export const factChecksService = ({ strapi }: { strapi: Core.Strapi }) => {
  const factChecks = () => strapi.db.query(FACT_CHECK_UID as QueryUid);

  return {
    /**
     * Creates each fact-check whose url is new, updates those whose fields changed, leaves the rest.
     * Idempotent by url: the same file twice changes nothing the second time.
     * @param onProgress called after each batch with the number done and the total
     */
    async upsert(items: ImportedFactCheck[], onProgress?: (done: number, total: number) => void): Promise<FactCheckImportReport> {
      const report: FactCheckImportReport = { created: 0, updated: 0, unchanged: 0 };
      await strapi.db.transaction(async () => {
        for (let offset = 0; offset < items.length; offset += BATCH) {
          const batch = items.slice(offset, offset + BATCH);
          const existing = (await factChecks().findMany({ where: { url: { $in: batch.map((item) => item.url) } }, select: ['id', ...FIELDS] })) as FactCheckRow[];
          const byUrl = new Map(existing.map((row) => [String(row.url), row]));
          const toCreate: Array<Record<string, unknown>> = [];
          for (const item of batch) {
            const row = byUrl.get(item.url);
            if (!row) {
              toCreate.push({ ...item, documentId: newDocumentId() });
              report.created += 1;
            } else if (changedFields(row, item)) {
              await factChecks().update({ where: { id: row.id }, data: { ...item } });
              report.updated += 1;
            } else report.unchanged += 1;
          }
          if (toCreate.length > 0) await factChecks().createMany({ data: toCreate });
          onProgress?.(Math.min(items.length, offset + BATCH), items.length);
        }
      });
      return report;
    },

    /**
     * Imports a parsed ClaimReview document (the admin route's body): all of it, or nothing when any
     * item is bad.
     * @throws errors.ValidationError listing every bad item by position, when one is bad or there is none
     */
    async importDocument(document: unknown): Promise<FactCheckImportReport & { items: number }> {
      const { factChecks: items, problems } = parseClaimReviewDocument(document);
      if (problems.length > 0) throw importValidationError(`${problems.length} ClaimReview item(s) refused; nothing was imported`, problems);
      if (items.length === 0) throw new errors.ValidationError('no ClaimReview items: send a ClaimReview, an array of them or a DataFeed');
      return { items: items.length, ...(await this.upsert(items)) };
    },

    async count(): Promise<number> {
      return (await factChecks().count({})) as number;
    },
  };
};
