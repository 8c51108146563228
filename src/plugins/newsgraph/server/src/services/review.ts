import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { FLAG_UID, STATEMENT_UID } from '../constants';
import type { EarlierVerdict, FlagDetail } from '../contracts/review';
import type { FlagStatus } from '../core/flags/flag-types';
import type { ReviewDecision, Verdict } from '../core/flags/review-input';
import { checkReviewDecision, REVIEW_TRANSITIONS, sameVerdictText, verdictTextKey, type ReviewAction } from '../core/flags/review-workflow';
import { getService } from '../strapi/get-service';
import { columnOf } from '../strapi/types';
import type { UserAbility } from './document-permissions';

type QueryUid = Parameters<Core.Strapi['db']['query']>[0];

interface StoredFlag {
  id: number;
  documentId: string;
  kind: string;
  status: FlagStatus;
  version: number;
  earlierVerdicts: EarlierVerdict[] | null;
  statement: { documentId: string; text: string | null; evidence?: Array<{ url: string; title: string | null; note: string | null }> } | null;
}

/** Who decides: an admin user and what their role allows. */
export interface Reviewer {
  id: number | null;
  /** A type-level question: may they do this to some document of this type? */
  can(action: string, subject?: string): boolean;
  /** Their ability, for questions about one document (document-permissions); none for scripts. */
  ability?: UserAbility;
}

/** A decision taken, or why it was not: someone else changed the flag or the words first. */
export type ReviewOutcome = { flag: FlagDetail } | { conflict: { message: string; details: Record<string, unknown> } };

const STALE = 'This flag was changed by someone else: reload it and decide again';

/**
 * Performs the review actions (claim, resolve, dismiss, reopen) on a flag, under the rules of
 * core/flags/review-workflow.ts: every decision names the flag version it was taken on, a stale one
 * changes nothing, and every move appends a review event. A resolve sets the statement's verification,
 * which binds it to the statement's current words.
 */
export const reviewService = ({ strapi }: { strapi: Core.Strapi }) => {
  const flags = () => getService(strapi, 'flags');

  async function load(documentId: string): Promise<StoredFlag> {
    const flag = (await strapi.db.query(FLAG_UID as QueryUid).findOne({
      where: { documentId },
      select: ['id', 'documentId', 'kind', 'status', 'version', 'earlierVerdicts'],
      populate: { statement: { select: ['documentId', 'text'], populate: { evidence: true } } },
    })) as StoredFlag | null;
    if (!flag) throw new errors.NotFoundError(`No flag ${documentId}`);
    return flag;
  }

  /** The verdict and evidence of a resolve, with an applied earlier verdict folded in. */
  function verdictOf(flag: StoredFlag, decision: ReviewDecision): { verdict: Verdict; evidence: Array<{ url: string; title: string }>; note: string } {
    if (!decision.apply) return { verdict: decision.verdict!, evidence: decision.evidence, note: decision.note };
    const earlier = (flag.earlierVerdicts ?? []).find((item) => item.source === decision.apply!.source && item.documentId === decision.apply!.documentId);
    if (flag.kind !== 'repeats_checked_claim' || !earlier) throw new errors.ValidationError('apply must name one of the earlier verdicts this flag shows', { errors: [{ path: ['apply'], message: 'not an earlier verdict of this flag', name: 'ValidationError' }] });
    const verdict = decision.verdict ?? (earlier.verdict as Verdict | null);
    if (!verdict) throw new errors.ValidationError(`The earlier rating "${earlier.rating}" has no verdict of ours: give one`, { errors: [{ path: ['verdict'], message: 'verdict is required', name: 'ValidationError' }] });
    const by = earlier.publisher ?? 'this newsroom';
    const evidence = earlier.url ? [{ url: earlier.url, title: `Earlier fact-check: "${earlier.rating}" (${by})`.slice(0, 300) }] : [];
    const note = decision.note || `Applied the earlier verdict "${earlier.rating}" (${by}) on: ${earlier.text}`.slice(0, 10_000);
    return { verdict, evidence: [...evidence, ...decision.evidence], note };
  }

  return {
    /**
     * Binds the verdicts given before verdicts recorded their words (statements rated with no
     * `verifiedText`), once, at start: to the words their resolved flag judged when those are still the
     * statement's words, else the verdict is taken back exactly as a change of words would take it
     * back (verification `unverified`, the flag reopened with both texts). A verdict set by hand, with
     * no flag, is bound to the words it stands on. Nothing to do costs one indexed query.
     * @returns how many verdicts were bound, and how many taken back
     */
    async bindLegacyVerdicts(): Promise<{ bound: number; takenBack: number }> {
      const legacy = (await strapi.db.query(STATEMENT_UID as QueryUid).findMany({
        where: { verification: { $notIn: ['unverified'] }, verifiedText: { $null: true } },
        select: ['id', 'documentId', 'text'],
      })) as Array<{ id: number; documentId: string; text: string | null }>;
      let bound = 0;
      let takenBack = 0;
      for (const statement of legacy) {
        const text = statement.text ?? '';
        const resolution = (await strapi.db.query(FLAG_UID as QueryUid).findOne({
          where: { statementDocumentId: statement.documentId, status: 'resolved', textAtResolution: { $notNull: true } },
          orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
          select: ['textAtResolution'],
        })) as { textAtResolution: string } | null;
        const judged = resolution?.textAtResolution ?? text;
        if (sameVerdictText(judged, text)) {
          await strapi.db.query(STATEMENT_UID as QueryUid).update({ where: { id: statement.id }, data: { verifiedText: judged } });
          bound += 1;
        } else {
          // Through the Document Service: the flags follow as they do after any change of words.
          await strapi.documents(STATEMENT_UID as 'api::statement.statement').update({ documentId: statement.documentId, data: { verification: 'unverified' } as never });
          takenBack += 1;
        }
      }
      return { bound, takenBack };
    },

    /**
     * @throws errors.NotFoundError for an unknown flag
     * @throws errors.ForbiddenError when the reviewer may not resolve, may not read the flag's
     * statement, or (an editor under editorsMayResolve) may not update its verification and evidence
     * @throws errors.ValidationError when the flag's status does not allow the action, or an applied verdict is unknown
     */
    async decide(action: ReviewAction, flagDocumentId: string, decision: ReviewDecision, reviewer: Reviewer): Promise<ReviewOutcome> {
      const mayReview = reviewer.can('plugin::newsgraph.flags.review');
      if (action === 'resolve') {
        // Fact-checkers resolve; editors only when the config allows it and they may update statements.
        const mayEdit = flags().config().editorsMayResolve && reviewer.can('plugin::content-manager.explorer.update', STATEMENT_UID);
        if (!mayReview && !mayEdit) throw new errors.ForbiddenError('Resolving flags needs the Newsgraph review permission');
      }
      const flag = await load(flagDocumentId);
      const permissions = getService(strapi, 'document-permissions');
      if (flag.statement) {
        // Asked before anything moves, so that a refusal changes nothing. A reviewer acts on flags
        // of statements they may read; an editor resolving under editorsMayResolve writes the
        // statement's verification and evidence as the content manager would let them, no further.
        await permissions.assertCanRead(reviewer.ability, STATEMENT_UID, flag.statement.documentId);
        if (action === 'resolve' && !mayReview) await permissions.assertCanUpdate(reviewer.ability, STATEMENT_UID, flag.statement.documentId, ['verification', 'evidence']);
      }
      const currentText = flag.statement?.text ?? '';
      const refusal = checkReviewDecision(action, flag, decision, currentText);
      if (refusal?.type === 'stale') return { conflict: { message: STALE, details: { currentVersion: refusal.currentVersion, currentStatus: refusal.currentStatus } } };
      if (refusal?.type === 'text-changed') return { conflict: { message: "The statement's words changed since you read them: reload it and judge the words as they are now", details: { currentVersion: flag.version, currentText } } };
      if (refusal?.type === 'status') throw new errors.ValidationError(refusal.message);

      const column = (attribute: string) => columnOf(strapi, FLAG_UID, attribute);
      const columns: Record<string, unknown> = {};
      let note = decision.note;
      let resolution: ReturnType<typeof verdictOf> | null = null;
      if (action === 'resolve') {
        resolution = verdictOf(flag, decision);
        note = resolution.note;
        Object.assign(columns, {
          [column('verdict')]: resolution.verdict,
          [column('note')]: note,
          [column('evidence')]: JSON.stringify(resolution.evidence),
          // The words the verdict judged, as written and as compared (core/flags/review-workflow.ts).
          [column('textAtResolution')]: currentText,
          [column('textAtResolutionFolded')]: verdictTextKey(currentText),
        });
      }
      if (action === 'dismiss' && decision.notSameClaim) {
        // Remembered: these earlier verdicts are never raised again for this statement.
        columns[column('rejectedMatches')] = JSON.stringify((flag.earlierVerdicts ?? []).map((item) => `${item.source}:${item.documentId}`));
        note ||= 'not the same claim';
      }
      if (action === 'dismiss' || action === 'reopen') columns[column('note')] = note;
      const to = REVIEW_TRANSITIONS[action].to;
      const details = resolution ? { verdict: resolution.verdict, judgedText: currentText } : {};
      const moved = await flags().transition(flag, flag.status, to, note || action, columns, reviewer.id, decision.version, details);
      if (!moved) {
        const now = await load(flag.documentId);
        return { conflict: { message: STALE, details: { currentVersion: now.version, currentStatus: now.status } } };
      }
      // The relation to the assignee lives in a join table; plain columns change in the guarded update.
      if (action === 'claim') await strapi.db.query(FLAG_UID as QueryUid).update({ where: { id: flag.id }, data: { assignee: reviewer.id } });
      if (resolution && flag.statement) {
        // The verdict becomes the statement's verification, and the evidence joins the statement's own.
        const kept = (flag.statement.evidence ?? []).map(({ url, title, note: evidenceNote }) => ({ url, title, note: evidenceNote }));
        await strapi.documents(STATEMENT_UID as 'api::statement.statement').update({
          documentId: flag.statement.documentId,
          data: { verification: resolution.verdict, evidence: [...kept, ...resolution.evidence.map((item) => ({ url: item.url, title: item.title }))] } as never,
        });
      }
      return { flag: await getService(strapi, 'review-queue').detail(flag.documentId, await permissions.readScope(reviewer.ability, STATEMENT_UID)) };
    },
  };
};
