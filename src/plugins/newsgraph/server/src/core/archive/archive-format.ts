import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { toSlug } from '../fields/slug';
import { ACTOR_LINE_SCHEMA, NINJS_ITEM_SCHEMA, PROPOSAL_LINE_SCHEMA, STORY_LINE_SCHEMA } from './ninjs-schema';

/**
 * The Newsgraph archive (docs/import-export.md): JSON lines, one actor, proposal or story a line,
 * each keyed by its slug. A story is an IPTC ninjs 2.0 item with Newsgraph's data beside it. This
 * module parses and validates lines and maps items to story fields and back; it knows no Strapi.
 */

export interface AliasRecord {
  name: string;
  language?: string | null;
  automatic?: boolean;
}

export interface PositionRecord {
  title?: string | null;
  descriptors?: string | null;
  /** The slug of the organization's actor. */
  organization?: string | null;
  from?: string | null;
  to?: string | null;
}

export interface ActorLine {
  type: 'actor';
  slug: string;
  name: string;
  kind?: string | null;
  description?: string | null;
  country?: string | null;
  wikidataId?: string | null;
  affiliation?: string | null;
  aliases?: AliasRecord[];
  positions?: PositionRecord[];
}

export interface ProposalLine {
  type: 'proposal';
  slug: string;
  title: string;
  summary?: string | null;
  kind?: string | null;
  status?: string | null;
  terms?: string | null;
  proposedOn?: string | null;
  aliases?: AliasRecord[];
  proposedBy?: string[];
  supporters?: string[];
  opponents?: string[];
}

export interface EvidenceRecord {
  url?: string | null;
  title?: string | null;
  note?: string | null;
}

/** Slugs of the actors an editor pinned or rejected and of the proposals an editor rejected. */
export interface LinkOverridesRecord {
  pin?: string[];
  reject?: string[];
  rejectProposals?: string[];
}

export interface StatementRecord {
  text: string;
  kind?: string;
  attribution?: string | null;
  speaker?: string | null;
  saidAt?: string | null;
  medium?: string | null;
  sourceUrl?: string | null;
  verification?: string;
  evidence?: EvidenceRecord[];
  linkOverrides?: LinkOverridesRecord;
}

interface TextBlock {
  role?: string;
  contenttype?: string;
  value: string;
}

/** The ninjs 2.0 properties Newsgraph reads and writes (ninjs-schema.ts). */
export interface NinjsItem {
  uri: string;
  type?: string;
  standard?: { name?: string; version?: string; schema?: string };
  firstcreated?: string;
  versioncreated?: string;
  contentcreated?: string;
  pubstatus?: 'usable' | 'withheld' | 'canceled';
  language?: string;
  headlines?: TextBlock[];
  descriptions?: TextBlock[];
  bodies?: Array<TextBlock & { charcount?: number; wordcount?: number }>;
  by?: string;
  located?: string;
  slugline?: string;
  copyrightholder?: string;
  title?: string;
}

export interface StoryExtension {
  slug: string;
  storyDate?: string;
  section?: string | null;
  sourceUrl?: string | null;
  proposals?: string[];
  statements?: StatementRecord[];
}

export interface StoryLine {
  type: 'story';
  item: NinjsItem;
  newsgraph: StoryExtension;
}

export type ArchiveLine = ActorLine | ProposalLine | StoryLine;

export type ParsedLine = { ok: true; line: ArchiveLine } | { ok: false; error: string };

/** A story's own fields, as Newsgraph stores them. */
export interface StoryFields {
  slug: string;
  title: string;
  standfirst: string | null;
  body: string | null;
  storyDate: string;
  dateline: string | null;
  byline: string | null;
  outlet: string | null;
  section: string | null;
  language: string;
  sourceUrl: string | null;
  published: boolean;
}

export const NINJS_STANDARD = { name: 'ninjs', version: '2.0', schema: 'https://www.iptc.org/std/ninjs/ninjs-schema_2.0.json' } as const;

/** The role of the headline, description and body Newsgraph writes, and prefers when reading. */
export const ROLES = { headline: 'main', standfirst: 'summary', body: 'main' } as const;

const ajv = new Ajv({ allErrors: false, strict: true, strictTypes: false });
addFormats(ajv, ['uri', 'date-time', 'date']);
const validators: Record<ArchiveLine['type'], ValidateFunction> = {
  actor: ajv.compile(ACTOR_LINE_SCHEMA),
  proposal: ajv.compile(PROPOSAL_LINE_SCHEMA),
  story: ajv.compile(STORY_LINE_SCHEMA),
};
const validateItem = ajv.compile(NINJS_ITEM_SCHEMA);

function describe(errors: ErrorObject[] | null | undefined): string {
  const [first] = errors ?? [];
  if (!first) return 'invalid';
  const where = first.instancePath || '(the line)';
  const extra = first.keyword === 'additionalProperties' ? ` (${(first.params as { additionalProperty: string }).additionalProperty})` : '';
  return `${where} ${first.message ?? 'is invalid'}${extra}`;
}

/** Whether `item` is a valid ninjs item as far as Newsgraph describes one; the reason when not. */
export function checkNinjsItem(item: unknown): string | null {
  return validateItem(item) ? null : describe(validateItem.errors);
}

/** One line of an archive, parsed and validated; a blank line is not a line of the archive. */
export function parseArchiveLine(text: string): ParsedLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `not JSON: ${(error as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, error: 'not a JSON object' };
  const type = (value as { type?: unknown }).type;
  if (type !== 'actor' && type !== 'proposal' && type !== 'story') return { ok: false, error: `"type" must be "actor", "proposal" or "story"` };
  const validate = validators[type];
  if (!validate(value)) return { ok: false, error: describe(validate.errors) };
  // The slug stored is the key the next run looks up: one the write path would rewrite could never be found again.
  const slug = type === 'story' ? (value as StoryLine).newsgraph.slug : (value as ActorLine | ProposalLine).slug;
  if (toSlug(slug) !== slug) return { ok: false, error: `${type === 'story' ? '/newsgraph/slug' : '/slug'} "${slug}" is not a slug as Newsgraph stores it ("${toSlug(slug)}")` };
  if (type === 'story') {
    const line = value as StoryLine;
    if (!headlineOf(line.item)) return { ok: false, error: '/item/headlines needs a headline with a value' };
    if (!storyDateOf(line)) return { ok: false, error: '/newsgraph/storyDate (or /item/contentcreated) is required' };
  }
  return { ok: true, line: value as ArchiveLine };
}

function pick(blocks: TextBlock[] | undefined, role: string): string | null {
  if (!blocks || blocks.length === 0) return null;
  return (blocks.find((block) => block.role === role) ?? blocks[0]!).value;
}

function headlineOf(item: NinjsItem): string | null {
  return pick(item.headlines, ROLES.headline) || item.title || null;
}

function storyDateOf(line: StoryLine): string | null {
  return line.newsgraph.storyDate ?? line.item.contentcreated ?? null;
}

/** A story's fields from its line: the ninjs item read the way docs/import-export.md maps it. */
export function storyFieldsOf(line: StoryLine): StoryFields {
  const { item, newsgraph } = line;
  return {
    slug: newsgraph.slug,
    title: headlineOf(item)!,
    standfirst: pick(item.descriptions, ROLES.standfirst),
    body: pick(item.bodies, ROLES.body),
    storyDate: new Date(storyDateOf(line)!).toISOString(),
    dateline: item.located ?? null,
    byline: item.by ?? null,
    outlet: item.copyrightholder ?? null,
    section: newsgraph.section ?? null,
    language: item.language ?? 'en',
    sourceUrl: newsgraph.sourceUrl ?? null,
    published: (item.pubstatus ?? 'usable') === 'usable',
  };
}

/** The item's identifier: stable, Newsgraph's own, independent of where the story was published. */
export function storyUri(slug: string): string {
  return `urn:newsgraph:story:${encodeURIComponent(slug)}`;
}

/** A story as a ninjs 2.0 item. */
export function ninjsItemOf(story: StoryFields, times: { createdAt: string; updatedAt: string }): NinjsItem {
  const item: NinjsItem = {
    uri: storyUri(story.slug),
    standard: { ...NINJS_STANDARD },
    type: 'text',
    firstcreated: times.createdAt,
    versioncreated: times.updatedAt,
    contentcreated: story.storyDate,
    pubstatus: story.published ? 'usable' : 'withheld',
    language: story.language,
    slugline: story.slug,
    headlines: [{ role: ROLES.headline, value: story.title }],
  };
  if (story.standfirst) item.descriptions = [{ role: ROLES.standfirst, value: story.standfirst }];
  if (story.body) item.bodies = [{ role: ROLES.body, contenttype: 'text/markdown', value: story.body, charcount: story.body.length }];
  if (story.byline) item.by = story.byline;
  if (story.dateline) item.located = story.dateline;
  if (story.outlet) item.copyrightholder = story.outlet;
  return item;
}
