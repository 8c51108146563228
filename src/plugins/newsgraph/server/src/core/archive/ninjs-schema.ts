/**
 * JSON Schemas of a Newsgraph archive line (docs/import-export.md), written for this project from
 * the IPTC ninjs 2.0 specification (https://www.iptc.org/std/ninjs/ninjs-schema_2.0.json): only the
 * ninjs properties Newsgraph reads and writes are described, each with the type and format the
 * specification gives it. ninjs 2.0 closes its top level (no property outside the specification is
 * valid), so the item is validated closed here too, and Newsgraph's own data rides *beside* the item
 * in the line's `newsgraph` member, never inside it: every exported item stays valid ninjs 2.0.
 */

const text = { type: 'string' } as const;
const dateTime = { type: 'string', format: 'date-time' } as const;
const date = { type: 'string', format: 'date' } as const;
/**
 * A key: the slug of a story, actor or proposal, in the characters Newsgraph's slugs are made of
 * (a line's own slug is also checked to be exactly as Newsgraph would store it: archive-format.ts).
 */
const key = { type: 'string', minLength: 1, maxLength: 255, pattern: '^[a-z0-9-]+$' } as const;
const keys = { type: 'array', items: key } as const;

/** One entry of ninjs `headlines`, `descriptions` or `bodies`: a value, with an optional role and MIME type. */
const textBlock = (extra: Record<string, unknown> = {}) => ({
  type: 'object',
  required: ['value'],
  additionalProperties: false,
  properties: { role: text, contenttype: text, value: text, ...extra },
});

/** A ninjs 2.0 item, as far as Newsgraph reads or writes one. */
export const NINJS_ITEM_SCHEMA = {
  title: 'ninjs 2.0 news item (the properties Newsgraph reads and writes)',
  type: 'object',
  required: ['uri'],
  additionalProperties: false,
  properties: {
    /** The item's globally unique identifier; ninjs's only required property. */
    uri: { type: 'string', format: 'uri' },
    type: { enum: ['text', 'audio', 'video', 'picture', 'graphic', 'composite', 'component'] },
    standard: {
      type: 'object',
      additionalProperties: false,
      properties: { name: text, version: text, schema: { type: 'string', format: 'uri' } },
    },
    firstcreated: dateTime,
    versioncreated: dateTime,
    contentcreated: dateTime,
    embargoed: dateTime,
    pubstatus: { enum: ['usable', 'withheld', 'canceled'] },
    language: text,
    headlines: { type: 'array', items: textBlock() },
    descriptions: { type: 'array', items: textBlock() },
    bodies: { type: 'array', items: textBlock({ charcount: { type: 'number' }, wordcount: { type: 'number' } }) },
    by: text,
    located: text,
    slugline: text,
    copyrightholder: text,
    title: text,
    people: {
      type: 'array',
      items: { type: 'object', additionalProperties: false, properties: { name: text, rel: text, uri: { type: 'string', format: 'uri' }, literal: text } },
    },
    organisations: {
      type: 'array',
      items: { type: 'object', additionalProperties: false, properties: { name: text, rel: text, uri: { type: 'string', format: 'uri' }, literal: text } },
    },
    altids: { type: 'array', items: { type: 'object', additionalProperties: false, properties: { role: text, value: text } } },
  },
} as const;

const alias = { type: 'object', required: ['name'], additionalProperties: false, properties: { name: text, language: { type: ['string', 'null'] }, automatic: { type: 'boolean' } } };
const nullable = (schema: Record<string, unknown>) => ({ anyOf: [schema, { type: 'null' }] });

/** Newsgraph's data about a story, beside its ninjs item. */
const STORY_EXTENSION_SCHEMA = {
  type: 'object',
  required: ['slug'],
  additionalProperties: false,
  properties: {
    slug: key,
    storyDate: dateTime,
    section: nullable(text),
    sourceUrl: nullable(text),
    proposals: keys,
    statements: {
      type: 'array',
      items: {
        type: 'object',
        required: ['text'],
        additionalProperties: false,
        properties: {
          text,
          kind: text,
          attribution: nullable(text),
          /** The speaker an editor chose; a speaker the linker found is found again on import. */
          speaker: nullable(key),
          saidAt: nullable(dateTime),
          medium: nullable(text),
          sourceUrl: nullable(text),
          verification: text,
          evidence: {
            type: 'array',
            items: { type: 'object', additionalProperties: false, properties: { url: nullable(text), title: nullable(text), note: nullable(text) } },
          },
          linkOverrides: {
            type: 'object',
            additionalProperties: false,
            properties: { pin: keys, reject: keys, rejectProposals: keys },
          },
        },
      },
    },
  },
} as const;

/** `{"type":"story","item":{ninjs},"newsgraph":{...}}`. */
export const STORY_LINE_SCHEMA = {
  type: 'object',
  required: ['type', 'item', 'newsgraph'],
  additionalProperties: false,
  properties: { type: { const: 'story' }, item: NINJS_ITEM_SCHEMA, newsgraph: STORY_EXTENSION_SCHEMA },
} as const;

/** `{"type":"actor","slug":...}`: an actor, keyed by its slug. */
export const ACTOR_LINE_SCHEMA = {
  type: 'object',
  required: ['type', 'slug', 'name'],
  additionalProperties: false,
  properties: {
    type: { const: 'actor' },
    slug: key,
    name: text,
    kind: nullable(text),
    description: nullable(text),
    country: nullable(text),
    wikidataId: nullable(text),
    affiliation: nullable(key),
    aliases: { type: 'array', items: alias },
    positions: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        properties: { title: nullable(text), descriptors: nullable(text), organization: nullable(key), from: nullable(date), to: nullable(date) },
      },
    },
  },
} as const;

/** `{"type":"proposal","slug":...}`: a proposal, keyed by its slug. */
export const PROPOSAL_LINE_SCHEMA = {
  type: 'object',
  required: ['type', 'slug', 'title'],
  additionalProperties: false,
  properties: {
    type: { const: 'proposal' },
    slug: key,
    title: text,
    summary: nullable(text),
    kind: nullable(text),
    status: nullable(text),
    terms: nullable(text),
    proposedOn: nullable(date),
    aliases: { type: 'array', items: alias },
    proposedBy: keys,
    supporters: keys,
    opponents: keys,
  },
} as const;
