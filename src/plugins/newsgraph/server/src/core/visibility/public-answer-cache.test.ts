import { answerKey, isCachedOperation, PublicAnswerCache, type OperationShape } from './public-answer-cache';
import { isAnonymousPublicRequest } from './request-audience';

const field = (name: string, directives: unknown[] = []) => ({ kind: 'Field', name: { value: name }, directives });
const query = (...selections: OperationShape['selectionSet']['selections']): OperationShape => ({ operation: 'query', selectionSet: { selections } });

describe('isCachedOperation', () => {
  it('isCachedOperation - should keep a query of story pages only', () => {
    expect(isCachedOperation(query(field('storyBySlug')))).toBe(true);
    expect(isCachedOperation(query(field('storyBySlug'), field('storyBySlug'), field('__typename')))).toBe(true);
  });

  it('isCachedOperation - should not keep a query that asks for anything else', () => {
    expect(isCachedOperation(query(field('storyBySlug'), field('stories')))).toBe(false);
    expect(isCachedOperation(query(field('__typename')))).toBe(false);
    expect(isCachedOperation(query({ kind: 'FragmentSpread', name: { value: 'page' } }))).toBe(false);
    expect(isCachedOperation(query({ kind: 'InlineFragment' }))).toBe(false);
    expect(isCachedOperation(query(field('storyBySlug', [{ kind: 'Directive' }])))).toBe(false);
    expect(isCachedOperation({ ...query(field('storyBySlug')), operation: 'mutation' })).toBe(false);
  });
});

describe('answerKey', () => {
  it('answerKey - should tell documents, operations and variables apart', () => {
    const keys = [answerKey('a', null, { slug: 'x' }), answerKey('b', null, { slug: 'x' }), answerKey('a', 'Page', { slug: 'x' }), answerKey('a', null, { slug: 'y' }), answerKey('a', null, undefined)];
    expect(new Set(keys).size).toBe(keys.length);
    expect(answerKey('a', undefined, undefined)).toBe(answerKey('a', null, {}));
  });
});

describe('PublicAnswerCache', () => {
  it('PublicAnswerCache - should give an answer only at the version it was stored at', () => {
    const cache = new PublicAnswerCache<string>(10);
    cache.set('k', '1', 'answer');
    expect(cache.get('k', '1')).toBe('answer');
    expect(cache.get('k', '2')).toBeUndefined();
    // The older answer is gone, even for its own version.
    expect(cache.get('k', '1')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('PublicAnswerCache - should drop the least recently used answer past its bound', () => {
    const cache = new PublicAnswerCache<number>(2);
    cache.set('a', 'v', 1);
    cache.set('b', 'v', 2);
    expect(cache.get('a', 'v')).toBe(1);
    cache.set('c', 'v', 3);
    expect(cache.get('b', 'v')).toBeUndefined();
    expect(cache.get('a', 'v')).toBe(1);
    expect(cache.get('c', 'v')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('PublicAnswerCache - should refuse a bound that is not a positive integer', () => {
    expect(() => new PublicAnswerCache(0)).toThrow(RangeError);
    expect(() => new PublicAnswerCache(1.5)).toThrow(RangeError);
  });
});

describe('isAnonymousPublicRequest', () => {
  const request = (strategy: string, credentials: unknown) => ({ state: { route: { info: { type: 'content-api' } }, auth: { strategy: { name: strategy }, credentials } } });

  it('isAnonymousPublicRequest - should be true for the Public role only', () => {
    expect(isAnonymousPublicRequest(request('users-permissions', null))).toBe(true);
    expect(isAnonymousPublicRequest(request('users-permissions', { id: 1 }))).toBe(false);
    expect(isAnonymousPublicRequest(request('content-api-token', null))).toBe(false);
    expect(isAnonymousPublicRequest({ state: { route: { info: { type: 'admin' } }, auth: { strategy: { name: 'users-permissions' }, credentials: null } } })).toBe(false);
    expect(isAnonymousPublicRequest(undefined)).toBe(false);
  });
});
