import { fieldOptions, isPlainObject, type AttributeSpec, type DocumentData, type ModelLookup, type ModelSpec } from '../model-spec';

export interface FieldViolation {
  /** Path of the field from the document root, e.g. ['evidence', '0', 'url'], as Strapi reports it. */
  path: string[];
  message: string;
}

export interface ValidationOptions {
  /** An update may send only some fields: required fields are then checked only when present. */
  partial: boolean;
}

export const WIKIDATA_ID_PATTERN = /^Q[1-9][0-9]*$/;
export const ISO_COUNTRY_PATTERN = /^[A-Z]{2}$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/;
const DATETIME_PATTERN = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const BCP47_PATTERN = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;
const MAX_OVERRIDE_IDS = 500;

/** Renders a path the way editors read it: evidence[0].url. */
export function describePath(path: readonly string[]): string {
  return path.reduce((text, part) => (/^\d+$/.test(part) ? `${text}[${part}]` : text ? `${text}.${part}` : part), '');
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** Characters RFC 3986 never allows unencoded in a URL; in a stored URL they can only be an attack or a typo. */
const CHARACTERS_NEVER_IN_URLS = /[\s<>"`{}|\\^]/;

export function isHttpUrl(value: string): boolean {
  if (CHARACTERS_NEVER_IN_URLS.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false; // new URL throws on anything that is not an absolute URL: that is the answer
  }
}

export function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && (value.length === 10 || !Number.isNaN(Date.parse(value)));
}

function isDateTime(value: unknown): boolean {
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'string') return false;
  return DATETIME_PATTERN.test(value) && isCalendarDate(value.slice(0, 10)) && !Number.isNaN(Date.parse(value.replace(' ', 'T')));
}

function isLanguageTag(value: string): boolean {
  if (!BCP47_PATTERN.test(value)) return false;
  try {
    Intl.getCanonicalLocales(value);
    return true;
  } catch {
    return false; // Intl throws RangeError for a malformed tag: that is the answer
  }
}

function checkLinkOverrides(value: unknown, label: string): string | null {
  if (value === null) return null;
  if (!isPlainObject(value)) return `${label} must be an object with "pin" and "reject" lists of actor documentIds`;
  const unknownKeys = Object.keys(value).filter((key) => key !== 'pin' && key !== 'reject' && key !== 'rejectProposals');
  if (unknownKeys.length > 0) return `${label} has unknown key(s) ${unknownKeys.join(', ')}: only "pin", "reject" and "rejectProposals" are allowed`;
  const lists: Record<string, string[]> = {};
  for (const key of ['pin', 'reject', 'rejectProposals'] as const) {
    const what = key === 'rejectProposals' ? 'proposal' : 'actor';
    const list = value[key] ?? [];
    if (!Array.isArray(list) || list.some((id) => typeof id !== 'string' || id.trim() === '')) {
      return `${label}.${key} must be a list of ${what} documentIds`;
    }
    if (list.length > MAX_OVERRIDE_IDS) return `${label}.${key} may hold at most ${MAX_OVERRIDE_IDS} ${what}s`;
    lists[key] = list as string[];
  }
  const both = lists.pin!.filter((id) => lists.reject!.includes(id));
  return both.length > 0 ? `${label} cannot both pin and reject ${both.join(', ')}` : null;
}

function checkFormat(value: string, attribute: AttributeSpec, label: string): string | null {
  switch (fieldOptions(attribute).format) {
    case 'http-url':
      return isHttpUrl(value) ? null : `${label} must be an http or https URL`;
    case 'wikidata-id':
      return WIKIDATA_ID_PATTERN.test(value) ? null : `${label} must be a Wikidata item id such as Q42`;
    case 'iso-country':
      return ISO_COUNTRY_PATTERN.test(value) ? null : `${label} must be an ISO 3166-1 alpha-2 country code such as UA`;
    case 'bcp47':
      return isLanguageTag(value) ? null : `${label} must be a BCP 47 language tag such as en or uk-UA`;
    case 'name':
      // A name the linker can match has at least one letter or digit; "!!!" names nothing.
      return /[\p{L}\p{N}]/u.test(value) ? null : `${label} must contain a letter or a digit`;
    default:
      return null;
  }
}

function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
}

function checkScalar(value: unknown, attribute: AttributeSpec, label: string): string | null {
  switch (attribute.type) {
    case 'string':
    case 'text':
    case 'richtext':
    case 'uid': {
      if (typeof value !== 'string') return `${label} must be text`;
      if (attribute.maxLength !== undefined && value.length > attribute.maxLength) {
        return `${label} must be at most ${attribute.maxLength} characters (got ${value.length})`;
      }
      if (attribute.minLength !== undefined && value.length < attribute.minLength) {
        return `${label} must be at least ${attribute.minLength} characters`;
      }
      return value === '' ? null : checkFormat(value, attribute, label);
    }
    case 'enumeration':
      return typeof value === 'string' && (attribute.enum ?? []).includes(value)
        ? null
        : `${label} must be one of ${(attribute.enum ?? []).join(', ')}`;
    case 'date':
      return typeof value === 'string' && isCalendarDate(value) ? null : `${label} must be a date in the form YYYY-MM-DD`;
    case 'datetime':
      return isDateTime(value) ? null : `${label} must be an ISO 8601 date and time such as 2025-05-19T14:30:00Z`;
    case 'decimal':
    case 'float':
    case 'integer':
    case 'biginteger': {
      const number = toNumber(value);
      if (number === null) return `${label} must be a number`;
      if (attribute.type === 'integer' && !Number.isInteger(number)) return `${label} must be a whole number`;
      if (attribute.min !== undefined && number < Number(attribute.min)) return `${label} must be at least ${attribute.min}`;
      if (attribute.max !== undefined && number > Number(attribute.max)) return `${label} must be at most ${attribute.max}`;
      return null;
    }
    case 'boolean':
      return typeof value === 'boolean' ? null : `${label} must be true or false`;
    case 'json':
      return fieldOptions(attribute).format === 'link-overrides' ? checkLinkOverrides(value, label) : null;
    default:
      return null;
  }
}

/** Rules that involve two fields of the same object. */
function checkCrossFieldRules(data: DocumentData, model: ModelSpec, path: string[]): FieldViolation[] {
  const from = data.from;
  const to = data.to;
  if (model.attributes.from?.type === 'date' && model.attributes.to?.type === 'date' && typeof from === 'string' && typeof to === 'string') {
    if (isCalendarDate(from) && isCalendarDate(to) && to.slice(0, 10) < from.slice(0, 10)) {
      const toPath = [...path, 'to'];
      return [{ path: toPath, message: `${describePath(toPath)} must not be before ${describePath([...path, 'from'])}` }];
    }
  }
  return [];
}

function validateComponent(value: unknown, attribute: AttributeSpec, path: string[], lookup: ModelLookup): FieldViolation[] {
  const component = attribute.component ? lookup(attribute.component) : undefined;
  if (!component) return [];
  const label = describePath(path);
  if (attribute.repeatable) {
    if (!Array.isArray(value)) return [{ path, message: `${label} must be a list` }];
    if (attribute.max !== undefined && value.length > Number(attribute.max)) {
      return [{ path, message: `${label} may hold at most ${attribute.max} items (got ${value.length})` }];
    }
    return value.flatMap((item, index) => {
      const itemPath = [...path, String(index)];
      if (!isPlainObject(item)) return [{ path: itemPath, message: `${describePath(itemPath)} must be an object` }];
      return validateDocumentData(item, component, lookup, { partial: false }, itemPath);
    });
  }
  if (!isPlainObject(value)) return [{ path, message: `${label} must be an object` }];
  return validateDocumentData(value, component, lookup, { partial: false }, path);
}

/**
 * Checks a create or update payload against the content type's rules (types, lengths, enums,
 * dates, URLs, codes) and returns every violation at once, each with the path of its field.
 * Relations are left to Strapi, which checks that the documents they name exist.
 */
export function validateDocumentData(
  data: DocumentData,
  model: ModelSpec,
  lookup: ModelLookup,
  options: ValidationOptions,
  path: string[] = []
): FieldViolation[] {
  const violations: FieldViolation[] = [];
  for (const [key, attribute] of Object.entries(model.attributes)) {
    const fieldPath = [...path, key];
    const label = describePath(fieldPath);
    const present = Object.prototype.hasOwnProperty.call(data, key);
    const value = data[key];

    if (isEmpty(value)) {
      const mustHaveValue = attribute.required && attribute.default === undefined && (present || !options.partial);
      const explicitlyCleared = attribute.required && present;
      if (mustHaveValue || explicitlyCleared) violations.push({ path: fieldPath, message: `${label} is required` });
      continue;
    }
    if (attribute.type === 'relation' || attribute.type === 'media' || attribute.type === 'dynamiczone') continue;
    if (attribute.type === 'component') {
      violations.push(...validateComponent(value, attribute, fieldPath, lookup));
      continue;
    }
    const message = checkScalar(value, attribute, label);
    if (message) violations.push({ path: fieldPath, message });
  }
  violations.push(...checkCrossFieldRules(data, model, path));
  return violations;
}
