import { isPlainObject, type ModelLookup, type ModelSpec } from '../model-spec';

export type Filters = Record<string, unknown>;

/** For each content type a public reader may see, the filter that selects what is public. */
export type VisibilityRules = Readonly<Record<string, Filters>>;

/**
 * Filters come in two dialects: Strapi's (`$and`, `$notNull`) for the Document Service and REST, and
 * GraphQL's (`and`, `notNull`) for the arguments of GraphQL fields.
 */
export type FilterDialect = 'strapi' | 'graphql';

const LOGICAL_OPERATORS = ['and', 'or', 'not'] as const;

function operatorName(name: string, dialect: FilterDialect): string {
  return dialect === 'strapi' ? `$${name}` : name;
}

/** Rewrites a filter written in Strapi's dialect into GraphQL's (drops the `$` of every operator). */
export function toGraphqlDialect(filters: unknown): unknown {
  if (Array.isArray(filters)) return filters.map(toGraphqlDialect);
  if (!isPlainObject(filters)) return filters;
  return Object.fromEntries(Object.entries(filters).map(([key, value]) => [key.startsWith('$') ? key.slice(1) : key, toGraphqlDialect(value)]));
}

function andFilters(first: unknown, second: Filters, dialect: FilterDialect): Filters {
  if (first === undefined || first === null || (isPlainObject(first) && Object.keys(first).length === 0)) return second;
  return { [operatorName('and', dialect)]: [first, second] };
}

/**
 * A condition on a relation may be written on the relation itself (`speaker: 42`,
 * `speaker: { $null: true }`); once the visibility rule is AND-ed in, it must address the related
 * document's id, or the query builder would meet a scalar operator where it expects attributes.
 */
function relationConditionAsObject(value: unknown, dialect: FilterDialect): unknown {
  if (!isPlainObject(value)) return value === undefined ? value : { id: value };
  if (dialect !== 'strapi') return value; // GraphQL relation filters only take attributes and and/or/not
  const logical = new Set(LOGICAL_OPERATORS.map((name) => operatorName(name, dialect)));
  const onId: Filters = {};
  const rest: Filters = {};
  for (const [key, condition] of Object.entries(value)) {
    if (key.startsWith('$') && !logical.has(key)) onId[key] = condition;
    else rest[key] = condition;
  }
  return Object.keys(onId).length === 0 ? value : { ...rest, id: onId };
}

/**
 * Rewrites client filters so that a condition on a related document only looks at related documents
 * the reader may see. Without it, `actors?filters[statementsMade][text][$contains]=...` would tell a
 * public reader whether an embargoed statement contains a word.
 */
export function restrictFilters(filters: unknown, model: ModelSpec, lookup: ModelLookup, rules: VisibilityRules, dialect: FilterDialect): unknown {
  if (Array.isArray(filters)) return filters.map((item) => restrictFilters(item, model, lookup, rules, dialect));
  if (!isPlainObject(filters)) return filters;

  const logical = new Set(LOGICAL_OPERATORS.map((name) => operatorName(name, dialect)));
  const restricted: Filters = {};
  for (const [key, value] of Object.entries(filters)) {
    const attribute = model.attributes[key];
    if (logical.has(key)) {
      restricted[key] = restrictFilters(value, model, lookup, rules, dialect);
    } else if (attribute?.type === 'relation' && attribute.target) {
      const target = lookup(attribute.target);
      const condition = relationConditionAsObject(value, dialect);
      const inner = target ? restrictFilters(condition, target, lookup, rules, dialect) : condition;
      const rule = rules[attribute.target];
      restricted[key] = rule ? andFilters(inner, dialect === 'strapi' ? rule : (toGraphqlDialect(rule) as Filters), dialect) : inner;
    } else if (attribute?.type === 'component' && attribute.component) {
      const component = lookup(attribute.component);
      restricted[key] = component ? restrictFilters(value, component, lookup, rules, dialect) : value;
    } else {
      restricted[key] = value;
    }
  }
  return restricted;
}

/** The filters of a top-level query on `model`: the client's (restricted) and the type's own rule. */
export function restrictQueryFilters(filters: unknown, model: ModelSpec, lookup: ModelLookup, rules: VisibilityRules, dialect: FilterDialect): unknown {
  const restricted = restrictFilters(filters, model, lookup, rules, dialect);
  const rule = rules[model.uid];
  if (!rule) return restricted;
  return andFilters(restricted, dialect === 'strapi' ? rule : (toGraphqlDialect(rule) as Filters), dialect);
}

const POPULATABLE_TYPES = new Set(['relation', 'component', 'media', 'dynamiczone']);

type PopulateTree = Record<string, unknown>;

/** Strapi reads populate values such as "true" or "1" from query strings as booleans. */
function parseBooleanLike(value: string): boolean | string {
  if (['true', 't', '1'].includes(value.toLowerCase())) return true;
  if (['false', 'f', '0'].includes(value.toLowerCase())) return false;
  return value;
}

function setPath(tree: PopulateTree, path: string[]): void {
  const [head, ...rest] = path;
  if (!head) return;
  if (rest.length === 0) {
    if (!(head in tree)) tree[head] = true;
    return;
  }
  const existing = tree[head];
  const node: PopulateTree = isPlainObject(existing) ? existing : {};
  const nested: PopulateTree = isPlainObject(node.populate) ? (node.populate as PopulateTree) : {};
  setPath(nested, rest);
  tree[head] = { ...node, populate: nested };
}

/**
 * Brings every form Strapi accepts for `populate` ("*", true, "a,b.c", ["a", "b.c"], an object)
 * into the object form, so that a filter can be attached to each relation.
 * Returns undefined when nothing is populated.
 */
export function normalizePopulate(populate: unknown, model: ModelSpec): PopulateTree | undefined {
  if (populate === undefined || populate === null || populate === false) return undefined;
  if (populate === true || populate === '*') {
    const tree: PopulateTree = {};
    for (const [name, attribute] of Object.entries(model.attributes)) {
      if (POPULATABLE_TYPES.has(attribute.type)) tree[name] = true;
    }
    return tree;
  }
  if (typeof populate === 'string' || Array.isArray(populate)) {
    const paths = (Array.isArray(populate) ? populate : [populate])
      .flatMap((entry) => (typeof entry === 'string' ? entry.split(',') : []))
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
    if (paths.includes('*')) return normalizePopulate('*', model);
    const tree: PopulateTree = {};
    for (const path of paths) setPath(tree, path.split('.'));
    return tree;
  }
  return isPlainObject(populate) ? populate : undefined;
}

/**
 * Attaches the visibility rule of each related content type to every relation that `populate` loads,
 * at every depth and through components, so that an embargoed statement cannot be reached from a
 * public actor, proposal or story.
 */
export function restrictPopulate(populate: unknown, model: ModelSpec, lookup: ModelLookup, rules: VisibilityRules): unknown {
  const tree = normalizePopulate(populate, model);
  if (tree === undefined) return populate;

  const restricted: PopulateTree = {};
  for (const [name, rawValue] of Object.entries(tree)) {
    const attribute = model.attributes[name];
    const value = typeof rawValue === 'string' ? parseBooleanLike(rawValue) : rawValue;
    if (!attribute || value === false || (typeof value !== 'boolean' && !isPlainObject(value))) {
      restricted[name] = value;
      continue;
    }
    const options: PopulateTree = isPlainObject(value) ? { ...value } : {};
    const targetUid = attribute.type === 'relation' ? attribute.target : attribute.type === 'component' ? attribute.component : undefined;
    const target = targetUid ? lookup(targetUid) : undefined;
    if (!target) {
      restricted[name] = value;
      continue;
    }
    if (options.populate !== undefined) options.populate = restrictPopulate(options.populate, target, lookup, rules);
    if (attribute.type === 'relation') {
      const rule = rules[target.uid];
      const clientFilters = restrictFilters(options.filters, target, lookup, rules, 'strapi');
      if (rule) options.filters = andFilters(clientFilters, rule, 'strapi');
      else if (options.filters !== undefined) options.filters = clientFilters;
    }
    restricted[name] = Object.keys(options).length === 0 ? true : options;
  }
  return restricted;
}
