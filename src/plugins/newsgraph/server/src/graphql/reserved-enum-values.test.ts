import { graphqlEnumValueName } from './reserved-enum-values';

/* The enumerations of the real schemas. */
/* eslint-disable @typescript-eslint/no-require-imports */
const SCHEMAS: Record<string, { attributes: Record<string, { type: string; enum?: string[] }> }> = {
  story: require('../../../../../api/story/content-types/story/schema.json'),
  statement: require('../../../../../api/statement/content-types/statement/schema.json'),
  actor: require('../../../../../api/actor/content-types/actor/schema.json'),
  proposal: require('../../../../../api/proposal/content-types/proposal/schema.json'),
};
/* eslint-enable @typescript-eslint/no-require-imports */
const ENUMS = Object.entries(SCHEMAS).flatMap(([type, schema]) =>
  Object.entries(schema.attributes)
    .filter(([, attribute]) => attribute.type === 'enumeration')
    .map(([field, attribute]) => [`${type}.${field}`, attribute.enum ?? []] as const)
);

/** The GraphQL spec's Name production, minus the three names an enum value may not have. */
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

describe('graphqlEnumValueName', () => {
  it.each([
    ['false', 'FALSE'],
    ['true', 'TRUE'],
    ['null', 'NULL'],
  ])('graphqlEnumValueName - should rename the reserved value %j to %j', (value, name) => {
    expect(graphqlEnumValueName(value)).toBe(name);
  });

  it.each(['direct_quote', 'mostly_accurate', 'not_a_claim', 'unverified', 'person', 'FALSE', 'False', 'false_claim', 'nullish', 'untrue'])(
    'graphqlEnumValueName - should keep the ordinary value %j as it is',
    (value) => {
      expect(graphqlEnumValueName(value)).toBe(value);
    }
  );

  it('graphqlEnumValueName - should follow Strapi\'s own naming for other values', () => {
    expect(graphqlEnumValueName('under-negotiation')).toBe('under_negotiation');
  });

  it('graphqlEnumValueName - should find the enumerations of the schemas, including the verdict "false"', () => {
    expect(ENUMS.map(([name]) => name)).toEqual(expect.arrayContaining(['statement.verification', 'statement.kind', 'actor.kind', 'proposal.kind', 'proposal.status']));
    expect(Object.fromEntries(ENUMS)['statement.verification']).toContain('false');
  });

  it.each(ENUMS)('graphqlEnumValueName - should give every value of %s a legal, unreserved and distinct GraphQL name', (_name, values) => {
    const names = values.map(graphqlEnumValueName);
    expect(names.filter((name) => !GRAPHQL_NAME.test(name) || ['true', 'false', 'null'].includes(name))).toEqual([]);
    expect(new Set(names).size).toBe(values.length);
  });
});
