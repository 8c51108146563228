import { parseRelationInput, plainTargetOf } from './relation-input';

describe('parseRelationInput', () => {
  it('parseRelationInput - should return undefined when the write does not touch the relation', () => {
    expect(parseRelationInput(undefined)).toBeUndefined();
  });

  it('parseRelationInput - should read null as clearing the relation', () => {
    expect(parseRelationInput(null)).toEqual({ set: [], connect: [], disconnect: [] });
  });

  it('parseRelationInput - should read a documentId string as setting the relation', () => {
    expect(parseRelationInput('actor-merel')).toEqual({ set: [{ documentId: 'actor-merel' }], connect: [], disconnect: [] });
  });

  it('parseRelationInput - should read an integer as an entity id', () => {
    expect(parseRelationInput(42)).toEqual({ set: [{ id: 42 }], connect: [], disconnect: [] });
  });

  it('parseRelationInput - should read an array of references of every shape, dropping unusable items', () => {
    expect(parseRelationInput(['a', 7, { documentId: 'b' }, { id: 8 }, { id: 'c' }, '', null, 1.5, { documentId: '' }, { name: 'x' }, [], true])).toEqual({
      set: [{ documentId: 'a' }, { id: 7 }, { documentId: 'b' }, { id: 8 }, { documentId: 'c' }],
      connect: [],
      disconnect: [],
    });
  });

  it('parseRelationInput - should read an empty array as clearing the relation', () => {
    expect(parseRelationInput([])).toEqual({ set: [], connect: [], disconnect: [] });
  });

  it('parseRelationInput - should read a single {documentId} object as setting the relation', () => {
    expect(parseRelationInput({ documentId: 'actor-voss' })).toEqual({ set: [{ documentId: 'actor-voss' }], connect: [], disconnect: [] });
  });

  it('parseRelationInput - should prefer documentId to id in one object', () => {
    expect(parseRelationInput({ documentId: 'actor-voss', id: 3 })).toEqual({ set: [{ documentId: 'actor-voss' }], connect: [], disconnect: [] });
  });

  it('parseRelationInput - should read {connect, disconnect} as a change, without set', () => {
    const change = parseRelationInput({ connect: [{ documentId: 'a', position: { end: true } }, 'b'], disconnect: [{ id: 4 }] });
    expect(change).toEqual({ connect: [{ documentId: 'a' }, { documentId: 'b' }], disconnect: [{ id: 4 }] });
    expect(change).not.toHaveProperty('set');
  });

  it('parseRelationInput - should accept a single reference in connect or disconnect', () => {
    expect(parseRelationInput({ connect: 'a' })).toEqual({ connect: [{ documentId: 'a' }], disconnect: [] });
    expect(parseRelationInput({ disconnect: { documentId: 'b' } })).toEqual({ connect: [], disconnect: [{ documentId: 'b' }] });
  });

  it('parseRelationInput - should read {set} as replacing the relation', () => {
    expect(parseRelationInput({ set: ['a', { documentId: 'b' }] })).toEqual({ set: [{ documentId: 'a' }, { documentId: 'b' }], connect: [], disconnect: [] });
  });

  it('parseRelationInput - should read an empty {set: []} as clearing the relation', () => {
    expect(parseRelationInput({ set: [] })).toEqual({ set: [], connect: [], disconnect: [] });
  });

  it('parseRelationInput - should read {set: null} as clearing the relation', () => {
    expect(parseRelationInput({ set: null })).toEqual({ set: [], connect: [], disconnect: [] });
  });

  it("parseRelationInput - should return undefined for the admin form's empty {connect: [], disconnect: []}", () => {
    expect(parseRelationInput({ connect: [], disconnect: [] })).toBeUndefined();
    expect(parseRelationInput({ connect: [] })).toBeUndefined();
    expect(parseRelationInput({ disconnect: [] })).toBeUndefined();
  });

  it('parseRelationInput - should return undefined when connect and disconnect hold only unusable items', () => {
    expect(parseRelationInput({ connect: [{ documentId: '' }, null], disconnect: [''] })).toBeUndefined();
  });

  it('parseRelationInput - should keep set together with connect and disconnect', () => {
    expect(parseRelationInput({ set: ['a'], connect: ['b'], disconnect: ['c'] })).toEqual({
      set: [{ documentId: 'a' }],
      connect: [{ documentId: 'b' }],
      disconnect: [{ documentId: 'c' }],
    });
  });
});

describe('plainTargetOf', () => {
  it('plainTargetOf - should return the documentId a write names plainly', () => {
    expect(plainTargetOf('story-1')).toBe('story-1');
    expect(plainTargetOf({ documentId: 'story-1' })).toBe('story-1');
    expect(plainTargetOf({ connect: ['story-1'] })).toBe('story-1');
    expect(plainTargetOf({ connect: [{ documentId: 'story-1' }], disconnect: [] })).toBe('story-1');
    expect(plainTargetOf({ set: [{ documentId: 'story-1' }] })).toBe('story-1');
  });

  it('plainTargetOf - should return undefined for a status, locale or position, a row id, or more than one target', () => {
    expect(plainTargetOf({ documentId: 'story-1', status: 'published' })).toBeUndefined();
    expect(plainTargetOf({ documentId: 'story-1', locale: 'fr' })).toBeUndefined();
    expect(plainTargetOf({ connect: [{ documentId: 'story-1', position: { end: true } }] })).toBeUndefined();
    expect(plainTargetOf({ connect: ['story-1'], disconnect: ['story-2'] })).toBeUndefined();
    expect(plainTargetOf({ connect: ['story-1', 'story-2'] })).toBeUndefined();
    expect(plainTargetOf({ set: ['story-1'], connect: ['story-2'] })).toBeUndefined();
    expect(plainTargetOf({ id: 4 })).toBeUndefined();
    expect(plainTargetOf(4)).toBeUndefined();
    expect(plainTargetOf(null)).toBeUndefined();
    expect(plainTargetOf(undefined)).toBeUndefined();
    expect(plainTargetOf('')).toBeUndefined();
  });
});
