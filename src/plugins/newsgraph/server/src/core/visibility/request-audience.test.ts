import { isPublicContentApiRequest, type RequestLike } from './request-audience';

const request = (routeType: string | undefined, strategy: string | undefined): RequestLike => ({
  state: {
    ...(routeType === undefined ? {} : { route: { info: { type: routeType } } }),
    ...(strategy === undefined ? {} : { auth: { strategy: { name: strategy } } }),
  },
});

describe('isPublicContentApiRequest', () => {
  it('isPublicContentApiRequest - should treat a content-API request authenticated by users-permissions as public', () => {
    expect(isPublicContentApiRequest(request('content-api', 'users-permissions'))).toBe(true);
  });

  it('isPublicContentApiRequest - should treat an anonymous content-API request (no auth state) as public', () => {
    expect(isPublicContentApiRequest(request('content-api', undefined))).toBe(true);
    expect(isPublicContentApiRequest({ state: { route: { info: { type: 'content-api' } }, auth: {} } })).toBe(true);
  });

  it.each(['content-api-token', 'api-token', 'newsgraph-admin-reviewer'])('isPublicContentApiRequest - should not treat a content-API request with the %s strategy as public', (strategy) => {
    expect(isPublicContentApiRequest(request('content-api', strategy))).toBe(false);
  });

  it.each([
    ['admin', 'admin'],
    ['admin', 'users-permissions'],
    ['admin', undefined],
  ])('isPublicContentApiRequest - should not treat an %s route (strategy %p) as public', (routeType, strategy) => {
    expect(isPublicContentApiRequest(request(routeType, strategy))).toBe(false);
  });

  it('isPublicContentApiRequest - should not treat a request without a route type as public', () => {
    expect(isPublicContentApiRequest(request(undefined, 'users-permissions'))).toBe(false);
    expect(isPublicContentApiRequest({ state: { route: {} } })).toBe(false);
    expect(isPublicContentApiRequest({})).toBe(false);
  });

  it('isPublicContentApiRequest - should not treat the absence of a request (scripts, seeds, jobs) as public', () => {
    expect(isPublicContentApiRequest(undefined)).toBe(false);
  });
});
