import { ACTOR_UID, POSITION_COMPONENT, PROPOSAL_UID, STATEMENT_UID, STORY_UID } from '../../constants';
import type { ModelSpec } from '../model-spec';
import { normalizePopulate, restrictFilters, restrictPopulate, restrictQueryFilters, toGraphqlDialect, type VisibilityRules } from './public-visibility';
import { PUBLIC_VISIBILITY_RULES } from './visibility-rules';

import { lookup, modelOf as model } from '../test-support.fixture';
const story = model(STORY_UID);
const statement = model(STATEMENT_UID);
const actor = model(ACTOR_UID);
const proposal = model(PROPOSAL_UID);
const position = model(POSITION_COMPONENT);

const RULES = PUBLIC_VISIBILITY_RULES;
/* Written out rather than read from RULES, so that a change to the rules shows up here too. */
const PUBLISHED = { publishedAt: { $notNull: true } };
const STORY_RULE = PUBLISHED;
const STATEMENT_RULE = { story: PUBLISHED };
const ACTOR_RULE = { $or: [{ stories: PUBLISHED }, { statementsMade: { story: PUBLISHED } }, { mentionedIn: { story: PUBLISHED } }] };
const PROPOSAL_RULE = { $or: [{ stories: PUBLISHED }, { statements: { story: PUBLISHED } }] };

/** Every object key anywhere in `value`. */
function allKeys(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(allKeys);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => [key, ...allKeys(inner)]);
}

describe('PUBLIC_VISIBILITY_RULES', () => {
  it('PUBLIC_VISIBILITY_RULES - should show published stories and what belongs to them, and nothing else', () => {
    expect(RULES).toEqual({ [STORY_UID]: STORY_RULE, [STATEMENT_UID]: STATEMENT_RULE, [ACTOR_UID]: ACTOR_RULE, [PROPOSAL_UID]: PROPOSAL_RULE });
  });

  it('PUBLIC_VISIBILITY_RULES - should name relations that exist in the schemas, with the targets the rules assume', () => {
    for (const [name, target] of [['stories', STORY_UID], ['statementsMade', STATEMENT_UID], ['mentionedIn', STATEMENT_UID]] as const) {
      expect(actor.attributes[name]).toMatchObject({ type: 'relation', target });
    }
    expect(proposal.attributes.stories).toMatchObject({ type: 'relation', target: STORY_UID });
    expect(proposal.attributes.statements).toMatchObject({ type: 'relation', target: STATEMENT_UID });
    expect(statement.attributes.story).toMatchObject({ type: 'relation', target: STORY_UID });
    expect(story.attributes.publishedAt).toBeUndefined(); // a system field, not declared in the schema
  });
});

describe('toGraphqlDialect', () => {
  it('toGraphqlDialect - should drop the "$" of every operator at every depth', () => {
    expect(toGraphqlDialect(ACTOR_RULE)).toEqual({
      or: [{ stories: { publishedAt: { notNull: true } } }, { statementsMade: { story: { publishedAt: { notNull: true } } } }, { mentionedIn: { story: { publishedAt: { notNull: true } } } }],
    });
  });

  it('toGraphqlDialect - should leave keys without "$" and scalar values alone', () => {
    expect(toGraphqlDialect({ title: { $in: ['$a', 'b'] }, count: 3 })).toEqual({ title: { in: ['$a', 'b'] }, count: 3 });
    expect(toGraphqlDialect('$eq')).toBe('$eq');
    expect(toGraphqlDialect(null)).toBeNull();
    const date = new Date('2025-01-01T00:00:00Z');
    expect(toGraphqlDialect({ publishedAt: { $lt: date } })).toEqual({ publishedAt: { lt: date } });
  });

  it('toGraphqlDialect - should not change its input', () => {
    const rule = { $and: [{ a: { $eq: 1 } }] };
    toGraphqlDialect(rule);
    expect(rule).toEqual({ $and: [{ a: { $eq: 1 } }] });
  });
});

describe('restrictFilters', () => {
  it('restrictFilters - should AND a filter on a relation with the related type\'s rule', () => {
    const filters = { statementsMade: { text: { $contains: 'truce' } } };
    expect(restrictFilters(filters, actor, lookup, RULES, 'strapi')).toEqual({
      statementsMade: { $and: [{ text: { $contains: 'truce' } }, STATEMENT_RULE] },
    });
  });

  it('restrictFilters - should leave filters on the document\'s own fields alone', () => {
    const filters = { name: { $containsi: 'zelen' }, kind: 'person', country: { $in: ['UA', 'PL'] } };
    expect(restrictFilters(filters, actor, lookup, RULES, 'strapi')).toEqual(filters);
  });

  it('restrictFilters - should apply the target\'s rule at every depth of nested relations', () => {
    const filters = { statementsMade: { story: { title: { $contains: 'truce' } } } };
    expect(restrictFilters(filters, actor, lookup, RULES, 'strapi')).toEqual({
      statementsMade: { $and: [{ story: { $and: [{ title: { $contains: 'truce' } }, STORY_RULE] } }, STATEMENT_RULE] },
    });
  });

  it('restrictFilters - should replace an empty relation filter by the rule alone', () => {
    expect(restrictFilters({ stories: {} }, proposal, lookup, RULES, 'strapi')).toEqual({ stories: STORY_RULE });
  });

  it.each(['$and', '$or'])('restrictFilters - should recurse into the items of %s', (operator) => {
    const filters = { [operator]: [{ statements: { kind: 'claim' } }, { title: { $eq: 'Truce' } }] };
    expect(restrictFilters(filters, proposal, lookup, RULES, 'strapi')).toEqual({
      [operator]: [{ statements: { $and: [{ kind: 'claim' }, STATEMENT_RULE] } }, { title: { $eq: 'Truce' } }],
    });
  });

  it('restrictFilters - should recurse into $not', () => {
    const filters = { $not: { statementsMade: { verification: 'false' } } };
    expect(restrictFilters(filters, actor, lookup, RULES, 'strapi')).toEqual({ $not: { statementsMade: { $and: [{ verification: 'false' }, STATEMENT_RULE] } } });
  });

  it('restrictFilters - should recurse into nested logical operators', () => {
    const filters = { $or: [{ $and: [{ $not: { mentions: { name: 'x' } } }] }] };
    expect(restrictFilters(filters, statement, lookup, RULES, 'strapi')).toEqual({ $or: [{ $and: [{ $not: { mentions: { $and: [{ name: 'x' }, ACTOR_RULE] } } }] }] });
  });

  it('restrictFilters - should reach a relation inside a component (positions.organization)', () => {
    const filters = { positions: { title: { $eq: 'President' }, organization: { name: { $eq: 'NATO' } } } };
    expect(restrictFilters(filters, actor, lookup, RULES, 'strapi')).toEqual({
      positions: { title: { $eq: 'President' }, organization: { $and: [{ name: { $eq: 'NATO' } }, ACTOR_RULE] } },
    });
  });

  it('restrictFilters - should leave a relation to a type without a rule restricted only inside', () => {
    const rules: VisibilityRules = { [STATEMENT_UID]: STATEMENT_RULE };
    expect(restrictFilters({ speaker: { statementsMade: { kind: 'claim' } } }, statement, lookup, rules, 'strapi')).toEqual({
      speaker: { statementsMade: { $and: [{ kind: 'claim' }, STATEMENT_RULE] } },
    });
  });

  it('restrictFilters - should use GraphQL operator names in the GraphQL dialect', () => {
    const filters = { or: [{ statementsMade: { text: { contains: 'truce' } } }], not: { stories: { title: { eq: 'x' } } } };
    const restricted = restrictFilters(filters, actor, lookup, RULES, 'graphql');
    expect(restricted).toEqual({
      or: [{ statementsMade: { and: [{ text: { contains: 'truce' } }, { story: { publishedAt: { notNull: true } } }] } }],
      not: { stories: { and: [{ title: { eq: 'x' } }, { publishedAt: { notNull: true } }] } },
    });
    expect(allKeys(restricted).filter((key) => key.startsWith('$'))).toEqual([]);
  });

  it('restrictFilters - should not treat "$and" as an operator in the GraphQL dialect nor "and" in Strapi\'s', () => {
    expect(restrictFilters({ $and: [{ stories: {} }] }, actor, lookup, RULES, 'graphql')).toEqual({ $and: [{ stories: {} }] });
    expect(restrictFilters({ and: [{ stories: {} }] }, actor, lookup, RULES, 'strapi')).toEqual({ and: [{ stories: {} }] });
  });

  it.each([undefined, null, 'x', 42])('restrictFilters - should return the non-object filters %p unchanged', (filters) => {
    expect(restrictFilters(filters, actor, lookup, RULES, 'strapi')).toBe(filters);
  });

  it('restrictFilters - should not change its input', () => {
    const filters = { statementsMade: { text: { $contains: 'truce' } } };
    restrictFilters(filters, actor, lookup, RULES, 'strapi');
    expect(filters).toEqual({ statementsMade: { text: { $contains: 'truce' } } });
  });
});

describe('restrictQueryFilters', () => {
  it.each([undefined, null, {}])('restrictQueryFilters - should return just the rule when the client sends no filters (%p)', (filters) => {
    expect(restrictQueryFilters(filters, story, lookup, RULES, 'strapi')).toEqual(STORY_RULE);
    expect(restrictQueryFilters(filters, actor, lookup, RULES, 'strapi')).toEqual(ACTOR_RULE);
  });

  it('restrictQueryFilters - should AND the restricted client filters with the type\'s own rule', () => {
    expect(restrictQueryFilters({ title: { $contains: 'truce' }, statements: { kind: 'claim' } }, story, lookup, RULES, 'strapi')).toEqual({
      $and: [{ title: { $contains: 'truce' }, statements: { $and: [{ kind: 'claim' }, STATEMENT_RULE] } }, STORY_RULE],
    });
  });

  it('restrictQueryFilters - should use the GraphQL dialect for GraphQL arguments', () => {
    expect(restrictQueryFilters(undefined, statement, lookup, RULES, 'graphql')).toEqual({ story: { publishedAt: { notNull: true } } });
    expect(restrictQueryFilters({ kind: { eq: 'claim' } }, statement, lookup, RULES, 'graphql')).toEqual({
      and: [{ kind: { eq: 'claim' } }, { story: { publishedAt: { notNull: true } } }],
    });
  });

  it('restrictQueryFilters - should return the client filters (restricted) for a type without a rule', () => {
    expect(restrictQueryFilters(undefined, position, lookup, RULES, 'strapi')).toBeUndefined();
    expect(restrictQueryFilters({ organization: { name: 'NATO' } }, position, lookup, RULES, 'strapi')).toEqual({
      organization: { $and: [{ name: 'NATO' }, ACTOR_RULE] },
    });
  });
});

describe('normalizePopulate', () => {
  const ACTOR_POPULATABLE = ['aliases', 'positions', 'affiliation', 'statementsMade', 'mentionedIn', 'stories'];

  it.each([undefined, null, false])('normalizePopulate - should return undefined for %p', (populate) => {
    expect(normalizePopulate(populate, actor)).toBeUndefined();
  });

  it.each(['*', true, ['*'], 'stories,*'])('normalizePopulate - should expand %p to every relation and component', (populate) => {
    const tree = normalizePopulate(populate, actor);
    expect(Object.keys(tree ?? {}).sort()).toEqual([...ACTOR_POPULATABLE].sort());
    expect(Object.values(tree ?? {}).every((value) => value === true)).toBe(true);
  });

  it('normalizePopulate - should turn "a,b.c" into a nested tree', () => {
    expect(normalizePopulate('stories, positions.organization ,', actor)).toEqual({ stories: true, positions: { populate: { organization: true } } });
  });

  it('normalizePopulate - should merge array entries that share a prefix', () => {
    expect(normalizePopulate(['statementsMade.story', 'statementsMade.mentions', 'statementsMade'], actor)).toEqual({
      statementsMade: { populate: { story: true, mentions: true } },
    });
  });

  it('normalizePopulate - should pass an object through as it is', () => {
    const populate = { stories: { fields: ['title'] } };
    expect(normalizePopulate(populate, actor)).toBe(populate);
  });
});

describe('restrictPopulate', () => {
  it('restrictPopulate - should attach each target\'s rule to every relation of "*" and leave components as they are', () => {
    expect(restrictPopulate('*', actor, lookup, RULES)).toEqual({
      aliases: true,
      positions: true,
      affiliation: { filters: ACTOR_RULE },
      statementsMade: { filters: STATEMENT_RULE },
      mentionedIn: { filters: STATEMENT_RULE },
      stories: { filters: STORY_RULE },
    });
  });

  it('restrictPopulate - should restrict "a,b.c" strings, including the relation inside the positions component', () => {
    expect(restrictPopulate('stories,positions.organization', actor, lookup, RULES)).toEqual({
      stories: { filters: STORY_RULE },
      positions: { populate: { organization: { filters: ACTOR_RULE } } },
    });
  });

  it('restrictPopulate - should restrict arrays of paths at every depth', () => {
    expect(restrictPopulate(['story', 'mentions.stories'], statement, lookup, RULES)).toEqual({
      story: { filters: STORY_RULE },
      mentions: { populate: { stories: { filters: STORY_RULE } }, filters: ACTOR_RULE },
    });
    expect(restrictPopulate(['statementsMade.story'], actor, lookup, RULES)).toEqual({
      statementsMade: { populate: { story: { filters: STORY_RULE } }, filters: STATEMENT_RULE },
    });
  });

  it.each([
    [{ stories: true }, { stories: { filters: STORY_RULE } }],
    [{ stories: 'true' }, { stories: { filters: STORY_RULE } }],
    [{ stories: 't' }, { stories: { filters: STORY_RULE } }],
    [{ stories: '1' }, { stories: { filters: STORY_RULE } }],
    [{ stories: 'TRUE' }, { stories: { filters: STORY_RULE } }],
    [{ stories: 'false' }, { stories: false }],
    [{ stories: '0' }, { stories: false }],
    [{ stories: false }, { stories: false }],
  ])('restrictPopulate - should read the object form %j with its boolean-like strings', (populate, expected) => {
    expect(restrictPopulate(populate, actor, lookup, RULES)).toEqual(expected);
  });

  it('restrictPopulate - should AND the client\'s filters on a populated relation with the rule', () => {
    expect(restrictPopulate({ stories: { filters: { title: { $contains: 'truce' } }, fields: ['title'], sort: 'storyDate:desc' } }, actor, lookup, RULES)).toEqual({
      stories: { filters: { $and: [{ title: { $contains: 'truce' } }, STORY_RULE] }, fields: ['title'], sort: 'storyDate:desc' },
    });
  });

  it('restrictPopulate - should restrict relations inside the filters of a populated relation', () => {
    expect(restrictPopulate({ statementsMade: { filters: { mentions: { name: 'x' } } } }, actor, lookup, RULES)).toEqual({
      statementsMade: { filters: { $and: [{ mentions: { $and: [{ name: 'x' }, ACTOR_RULE] } }, STATEMENT_RULE] } },
    });
  });

  it('restrictPopulate - should follow nested populate through the positions component to the organization and beyond', () => {
    const populate = { positions: { populate: { organization: { populate: { statementsMade: 'true', aliases: true } } } } };
    expect(restrictPopulate(populate, actor, lookup, RULES)).toEqual({
      positions: {
        populate: {
          organization: {
            populate: { statementsMade: { filters: STATEMENT_RULE }, aliases: true },
            filters: ACTOR_RULE,
          },
        },
      },
    });
  });

  it('restrictPopulate - should restrict a nested "*" and nested strings', () => {
    expect(restrictPopulate({ stories: { populate: '*' } }, proposal, lookup, RULES)).toEqual({
      stories: {
        populate: { statements: { filters: STATEMENT_RULE }, proposals: { filters: PROPOSAL_RULE }, actors: { filters: ACTOR_RULE } },
        filters: STORY_RULE,
      },
    });
    expect(restrictPopulate({ positions: { populate: 'organization' } }, actor, lookup, RULES)).toEqual({
      positions: { populate: { organization: { filters: ACTOR_RULE } } },
    });
  });

  it('restrictPopulate - should leave populated relations to types without a rule unfiltered, unless the client filters them', () => {
    const rules: VisibilityRules = {};
    expect(restrictPopulate('stories', actor, lookup, rules)).toEqual({ stories: true });
    expect(restrictPopulate({ stories: { filters: { title: 'x' } } }, actor, lookup, rules)).toEqual({ stories: { filters: { title: 'x' } } });
  });

  it('restrictPopulate - should keep keys that are not attributes as they are', () => {
    expect(restrictPopulate({ nonsense: true, stories: true }, actor, lookup, RULES)).toEqual({ nonsense: true, stories: { filters: STORY_RULE } });
  });

  it.each([undefined, null, false])('restrictPopulate - should return %p unchanged (nothing populated)', (populate) => {
    expect(restrictPopulate(populate, actor, lookup, RULES)).toBe(populate);
  });

  it('restrictPopulate - should never leave a populated newsroom relation without its rule, at any depth', () => {
    const populate = {
      statementsMade: { populate: { story: { populate: '*' }, mentions: { populate: ['stories', 'positions.organization'] }, proposals: true } },
      positions: { populate: { organization: { populate: { affiliation: '1' } } } },
      stories: 'true',
    };
    const unguarded: string[] = [];
    const walk = (node: unknown, target: ModelSpec, path: string): void => {
      if (typeof node !== 'object' || node === null) return;
      for (const [name, value] of Object.entries(node as Record<string, unknown>)) {
        const attribute = target.attributes[name];
        if (!attribute || value === false) continue;
        const next = lookup((attribute.type === 'relation' ? attribute.target : attribute.component) ?? '');
        if (attribute.type === 'relation' && next && RULES[next.uid]) {
          const filters = (value as { filters?: unknown }).filters;
          const guarded = JSON.stringify(filters) === JSON.stringify(RULES[next.uid]) || JSON.stringify((filters as { $and?: unknown[] })?.$and?.[1]) === JSON.stringify(RULES[next.uid]);
          if (!guarded) unguarded.push(`${path}${name}`);
        }
        if (next) walk((value as { populate?: unknown }).populate, next, `${path}${name}.`);
      }
    };
    const restricted = restrictPopulate(populate, actor, lookup, RULES);
    walk(restricted, actor, '');
    expect(unguarded).toEqual([]);
    // and the walk does see an unguarded tree
    walk({ stories: true, positions: { populate: { organization: true } } }, actor, 'raw:');
    expect(unguarded).toEqual(['raw:stories', 'raw:positions.organization']);
  });
});
