import { buildSchema, parse, validate } from 'graphql';
import { jsonDepth, maxInputDepthRule } from './input-depth';

describe('jsonDepth', () => {
  it('counts objects and lists, not scalars', () => {
    expect(jsonDepth('text', 20)).toBe(0);
    expect(jsonDepth({ and: [{ title: { eq: 'x' } }] }, 20)).toBe(4);
  });

  it('measures a value nested 100,000 deep without overflowing the stack, stopping past the limit', () => {
    let value: unknown = 'x';
    for (let level = 0; level < 100_000; level += 1) value = [value];
    expect(jsonDepth(value, 20)).toBe(21);
  });
});

describe('maxInputDepthRule', () => {
  const schema = buildSchema('input F { and: [F], eq: String } type Query { stories(filters: F): [String] }');
  const errorsOf = (depth: number) => validate(schema, parse(`{ stories(filters: ${'{ and: ['.repeat(depth)}{ eq: "x" }${'] }'.repeat(depth)}) }`), [maxInputDepthRule(20)]);

  it('refuses a literal argument nested past the limit, once', () => {
    expect(errorsOf(5)).toEqual([]);
    expect(errorsOf(300).map((error) => error.message)).toEqual([expect.stringMatching(/Input depth limit of 20 exceeded \(an argument nests 21/)]);
  });
});
