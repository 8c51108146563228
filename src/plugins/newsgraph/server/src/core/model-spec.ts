/**
 * The slice of a Strapi content-type or component schema that Newsgraph's pure modules read.
 * Kept structural so the core can be unit-tested with plain objects, without booting Strapi.
 */
export type FieldFormat = 'http-url' | 'wikidata-id' | 'iso-country' | 'bcp47' | 'link-overrides' | 'name';

export interface NewsgraphFieldOptions {
  /** A format checked on every write (see core/fields/field-validation.ts). */
  format?: FieldFormat;
  /** Unique among documents of the type, but several documents may leave it empty. */
  uniqueWhenPresent?: boolean;
  /** Written by Newsgraph itself; values sent by editors or API clients are ignored. */
  computed?: boolean;
}

export interface AttributeSpec {
  type: string;
  required?: boolean;
  maxLength?: number;
  minLength?: number;
  /** For numbers: the bounds; for a repeatable component: the number of items. */
  min?: number | string;
  max?: number | string;
  enum?: readonly string[];
  default?: unknown;
  component?: string;
  repeatable?: boolean;
  target?: string;
  relation?: string;
  pluginOptions?: { newsgraph?: NewsgraphFieldOptions } & Record<string, unknown>;
}

export interface ModelSpec {
  uid: string;
  attributes: Record<string, AttributeSpec>;
}

/** Finds a content type or component by uid (`api::story.story`, `newsgraph.alias`). */
export type ModelLookup = (uid: string) => ModelSpec | undefined;

export type DocumentData = Record<string, unknown>;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

export function fieldOptions(attribute: AttributeSpec): NewsgraphFieldOptions {
  return attribute.pluginOptions?.newsgraph ?? {};
}
