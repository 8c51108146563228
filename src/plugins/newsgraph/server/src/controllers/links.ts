import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ACTOR_UID, FLAG_UID, PROPOSAL_UID, STATEMENT_UID, STORY_UID } from '../constants';
import { foldForQuote } from '../core/flags/rules/quote-mismatch';
import { isPlainObject } from '../core/model-spec';
import { getService } from '../strapi/get-service';
import { workingVersion } from '../core/visibility/story-versions';
import type { UserAbility } from '../services/document-permissions';
import type { RelinkSubject } from '../services/relink';

type QueryUid = Parameters<Core.Strapi['db']['query']>[0];

interface KoaContext {
  params: Record<string, string>;
  request: { body?: unknown };
  state?: { userAbility?: UserAbility };
  body: unknown;
}

function idList(body: Record<string, unknown>, key: 'pin' | 'reject' | 'rejectProposals'): string[] {
  const value = body[key] ?? [];
  const what = key === 'rejectProposals' ? 'proposal' : 'actor';
  if (!Array.isArray(value) || value.some((id) => typeof id !== 'string' || id.trim() === '')) {
    throw new errors.ValidationError(`${key} must be a list of ${what} documentIds`, { errors: [{ path: [key], message: `${key} must be a list of ${what} documentIds`, name: 'ValidationError' }] });
  }
  return [...new Set(value as string[])];
}

/**
 * Editors' corrections to the linker (PUT /newsgraph/statements/:documentId/link-overrides) and
 * relink jobs (POST /newsgraph/relink, GET /newsgraph/relink, GET /newsgraph/relink/:jobId).
 */
interface StatementLinksRow {
  documentId: string;
  text: string;
  kind: string | null;
  linkOverrides: { pin?: string[]; reject?: string[]; rejectProposals?: string[] } | null;
  linkState: { status?: string; ambiguous?: Array<{ field: string; phrase: string; candidates: string[] }> } | null;
  speaker: { documentId: string; name: string } | null;
  mentions: Array<{ documentId: string; name: string }>;
  proposals: Array<{ documentId: string; title: string }>;
  story: { documentId: string } | null;
}

export const linksController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * GET /newsgraph/statements/:documentId/links: what the statement edit view's side panel shows:
   * the resolved speaker, mentions and proposals, the editor's pins and rejections, the candidates
   * of an ambiguous alias, the open flags, and whether a direct quote is in the story's body.
   * @throws errors.NotFoundError for an unknown statement
   * @throws errors.ForbiddenError when the user may not read this statement
   */
  async statementLinks(ctx: KoaContext) {
    await getService(strapi, 'document-permissions').assertCanRead(ctx.state?.userAbility, STATEMENT_UID, ctx.params.documentId ?? '');
    const statement = (await strapi.db.query(STATEMENT_UID as QueryUid).findOne({
      where: { documentId: ctx.params.documentId ?? '' },
      select: ['documentId', 'text', 'kind', 'linkOverrides', 'linkState'],
      populate: { speaker: { select: ['documentId', 'name'] }, mentions: { select: ['documentId', 'name'] }, proposals: { select: ['documentId', 'title'] }, story: { select: ['documentId'] } },
    })) as StatementLinksRow | null;
    if (!statement) throw new errors.NotFoundError(`No statement ${ctx.params.documentId}`);
    const overrides = { pin: statement.linkOverrides?.pin ?? [], reject: statement.linkOverrides?.reject ?? [], rejectProposals: statement.linkOverrides?.rejectProposals ?? [] };
    const ambiguous = statement.linkState?.ambiguous ?? [];
    const named = [...new Set([...overrides.pin, ...overrides.reject, ...ambiguous.flatMap((phrase) => phrase.candidates)])];
    const actors = (await strapi.db.query(ACTOR_UID as QueryUid).findMany({ where: { documentId: { $in: named } }, select: ['documentId', 'name'] })) as Array<{ documentId: string; name: string }>;
    const actor = (documentId: string) => ({ documentId, name: actors.find((candidate) => candidate.documentId === documentId)?.name ?? documentId });
    const openFlags = await strapi.db.query(FLAG_UID as QueryUid).findMany({
      where: { statementDocumentId: statement.documentId, status: { $in: ['open', 'in_review'] } },
      select: ['documentId', 'kind', 'severity', 'status', 'reason'],
      orderBy: [{ id: 'asc' }],
    });
    let quoteInStory: boolean | null = null;
    if (statement.kind === 'direct_quote' && statement.story) {
      const versions = (await strapi.db.query(STORY_UID as QueryUid).findMany({ where: { documentId: statement.story.documentId }, select: ['body', 'publishedAt'] })) as Array<{ body: string | null; publishedAt: string | null }>;
      const body = workingVersion(versions)?.body ?? '';
      quoteInStory = foldForQuote(body).includes(foldForQuote(statement.text));
    }
    ctx.body = {
      data: {
        documentId: statement.documentId,
        status: statement.linkState?.status ?? null,
        speaker: statement.speaker,
        mentions: statement.mentions ?? [],
        proposals: statement.proposals ?? [],
        overrides,
        pinned: overrides.pin.map(actor),
        rejected: overrides.reject.map(actor),
        ambiguous: ambiguous.map((phrase) => ({ field: phrase.field, phrase: phrase.phrase, candidates: phrase.candidates.map(actor) })),
        openFlags,
        quoteInStory,
      },
    };
  },

  /**
   * @throws errors.ValidationError for a malformed body or unknown actors
   * @throws errors.NotFoundError for an unknown statement
   * @throws errors.ForbiddenError without the right to update the statement's linkOverrides
   */
  async updateOverrides(ctx: KoaContext) {
    const { documentId } = ctx.params;
    // The route asks for the right to update statements; a correction also needs the right to update
    // this statement (an Author's condition) and its linkOverrides (a fact-checker may update
    // verification and evidence only). Asked first, so that a refusal changes nothing.
    await getService(strapi, 'document-permissions').assertCanUpdate(ctx.state?.userAbility, STATEMENT_UID, documentId ?? '', ['linkOverrides']);
    const body = ctx.request.body;
    if (!isPlainObject(body)) throw new errors.ValidationError('Send { "pin": [actorDocumentId], "reject": [actorDocumentId], "rejectProposals": [proposalDocumentId] }');
    const pin = idList(body, 'pin');
    const reject = idList(body, 'reject');
    const rejectProposals = idList(body, 'rejectProposals');
    const both = pin.filter((id) => reject.includes(id));
    if (both.length > 0) throw new errors.ValidationError(`Cannot both pin and reject ${both.join(', ')}`, { errors: [{ path: ['reject'], message: `pinned and rejected: ${both.join(', ')}`, name: 'ValidationError' }] });

    const statement = await strapi.db.query(STATEMENT_UID as QueryUid).findOne({ where: { documentId: documentId ?? '' }, select: ['id'] });
    if (!statement) throw new errors.NotFoundError(`No statement ${documentId}`);
    const wanted = [...pin, ...reject];
    const known = (await strapi.db.query(ACTOR_UID as QueryUid).findMany({ where: { documentId: { $in: wanted } }, select: ['documentId'] })) as Array<{ documentId: string }>;
    const unknown = wanted.filter((id) => !known.some((actor) => actor.documentId === id));
    if (unknown.length > 0) throw new errors.ValidationError(`Unknown actor(s) ${unknown.join(', ')}`, { errors: [{ path: ['pin'], message: `unknown actors: ${unknown.join(', ')}`, name: 'ValidationError' }] });
    const knownProposals = (await strapi.db.query(PROPOSAL_UID as QueryUid).findMany({ where: { documentId: { $in: rejectProposals } }, select: ['documentId'] })) as Array<{ documentId: string }>;
    const unknownProposals = rejectProposals.filter((id) => !knownProposals.some((proposal) => proposal.documentId === id));
    if (unknownProposals.length > 0) {
      throw new errors.ValidationError(`Unknown proposal(s) ${unknownProposals.join(', ')}`, { errors: [{ path: ['rejectProposals'], message: `unknown proposals: ${unknownProposals.join(', ')}`, name: 'ValidationError' }] });
    }

    const updated = await strapi.documents(STATEMENT_UID as 'api::statement.statement').update({
      documentId: documentId!,
      data: { linkOverrides: pin.length > 0 || reject.length > 0 || rejectProposals.length > 0 ? { pin, reject, ...(rejectProposals.length > 0 ? { rejectProposals } : {}) } : null } as never,
      populate: { speaker: { fields: ['name'] }, mentions: { fields: ['name'] }, proposals: { fields: ['title'] } } as never,
    });
    ctx.body = { data: updated };
  },

  /** @throws errors.ValidationError when `actor` is not a string */
  async startRelink(ctx: KoaContext) {
    const body = isPlainObject(ctx.request.body) ? ctx.request.body : {};
    const relink = getService(strapi, 'relink');
    let statementIds: string[];
    let reason: string;
    let subject: RelinkSubject;
    if (body.actor !== undefined) {
      if (typeof body.actor !== 'string' || body.actor === '') throw new errors.ValidationError('actor must be an actor documentId');
      const actor = (await strapi.db.query(ACTOR_UID as QueryUid).findOne({ where: { documentId: body.actor }, select: ['id', 'name'] })) as { id: number; name: string } | null;
      if (!actor) throw new errors.NotFoundError(`No actor ${body.actor}`);
      statementIds = await relink.statementsAffectedByActor(body.actor);
      reason = `admin: statements naming actor ${body.actor}`;
      subject = { kind: 'actor', documentId: body.actor, name: actor.name, change: 'requested' };
    } else {
      statementIds = await relink.allStatements();
      reason = 'admin: relink all';
      subject = { kind: 'all' };
    }
    const job = await relink.start(statementIds, reason, subject);
    ctx.body = { data: { jobId: job.id, job } };
  },

  /** @throws errors.NotFoundError for an unknown job */
  async relinkStatus(ctx: KoaContext) {
    const job = await getService(strapi, 'relink').job(ctx.params.jobId ?? '');
    if (!job) throw new errors.NotFoundError(`No relink job ${ctx.params.jobId}`);
    ctx.body = { data: job };
  },

  /** The latest relink jobs, newest first, and which runner carries them. */
  async recentRelinks(ctx: KoaContext) {
    const relink = getService(strapi, 'relink');
    ctx.body = { data: await relink.recentJobs(), meta: { runner: relink.runnerKind() } };
  },
});
