import { toPlainText } from './plain-text';
import { sanitizeStoryBody } from './rich-text';
import { fieldOptions, isPlainObject, type DocumentData, type ModelLookup, type ModelSpec } from '../model-spec';

export interface SanitationOptions {
  /** Drop values for fields Newsgraph computes itself (true for writes that come from a request). */
  dropComputedFields: boolean;
}

/** Formats checked against a strict pattern, which no HTML can pass: these skip the HTML stripper. */
const STRICT_FORMATS = new Set(['http-url', 'wikidata-id', 'iso-country', 'bcp47']);

function normalizeFormat(value: string, format: string | undefined): string {
  // Codes are case-insensitive for people but compared exactly by machines: store one spelling.
  if (format === 'iso-country' || format === 'wikidata-id') return value.toUpperCase();
  return value;
}

function sanitizeComponentValue(value: unknown, componentUid: string | undefined, lookup: ModelLookup, options: SanitationOptions): unknown {
  const component = componentUid ? lookup(componentUid) : undefined;
  if (!component) return value;
  if (Array.isArray(value)) {
    return value.map((item) => (isPlainObject(item) ? sanitizeDocumentData(item, component, lookup, options) : item));
  }
  return isPlainObject(value) ? sanitizeDocumentData(value, component, lookup, options) : value;
}

/**
 * Returns a copy of `data` in which every plain-text field (string and text attributes) holds plain
 * text, every rich-text field holds allowlisted HTML/Markdown, and formatted codes are normalized.
 * Components are walked with their own schemas; values of the wrong type are left for validation
 * to report, so that nothing is silently changed into something else.
 */
export function sanitizeDocumentData(data: DocumentData, model: ModelSpec, lookup: ModelLookup, options: SanitationOptions): DocumentData {
  const sanitized: DocumentData = {};
  for (const [key, value] of Object.entries(data)) {
    const attribute = model.attributes[key];
    if (!attribute) {
      sanitized[key] = value;
      continue;
    }
    const { computed, format } = fieldOptions(attribute);
    if (computed && options.dropComputedFields) continue;

    switch (attribute.type) {
      case 'string':
      case 'text':
        // A formatted field (URL, code, tag) is checked against its strict pattern instead: running it
        // through the HTML stripper would decode "&sect=" in a URL's query into "§=".
        if (typeof value === 'string') sanitized[key] = format && STRICT_FORMATS.has(format) ? normalizeFormat(value.trim(), format) : toPlainText(value);
        else sanitized[key] = value;
        break;
      case 'richtext':
        sanitized[key] = typeof value === 'string' ? sanitizeStoryBody(value) : value;
        break;
      case 'component':
        sanitized[key] = sanitizeComponentValue(value, attribute.component, lookup, options);
        break;
      default:
        sanitized[key] = value;
    }
  }
  return sanitized;
}
