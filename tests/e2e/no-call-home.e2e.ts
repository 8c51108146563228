import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, loggedIn, state } from './browser';

/**
 * No call home: the admin asks nothing of any host but the app's own. A super admin (who sees every
 * menu entry) logs in and opens the pages that used to reach Strapi's servers. Every request to another
 * host is recorded and aborted, so the test never depends on the network and nothing leaves the machine.
 */

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Records (as `METHOD url`) and aborts every request of the context to a host other than `origin`. */
async function refuseForeignRequests(context: BrowserContext, origin: string, foreign: string[]): Promise<void> {
  const isForeign = (url: URL) => /^(https?|wss?):$/.test(url.protocol) && url.origin !== origin;
  context.on('request', (request) => {
    if (isForeign(new URL(request.url()))) foreign.push(`${request.method()} ${request.url()}`);
  });
  context.on('page', (page) =>
    page.on('websocket', (socket) => {
      if (isForeign(new URL(socket.url()))) foreign.push(`WEBSOCKET ${socket.url()}`);
    })
  );
  await context.route(isForeign, (route) => route.abort('blockedbyclient'));
}

/** Each page is opened afresh (a full load, so every start-up request is made again), then left to settle. */
const PAGES: Array<[path: string, ready: (page: Page) => Promise<void>]> = [
  ['/admin', (page) => page.getByRole('heading', { name: /^Hello / }).waitFor()],
  ['/admin/content-manager', (page) => page.waitForURL(/\/content-manager\/collection-types\//)],
  ['/admin/plugins/upload', (page) => page.getByRole('heading', { name: 'Media Library' }).first().waitFor()],
  ['/admin/marketplace', (page) => page.getByText('Page not found').first().waitFor()],
  ['/admin/settings', (page) => page.waitForURL(/\/settings\/application-infos/)],
];

test('a super admin opening the home page, content manager, Media Library, Marketplace and Settings - should make no request to any other host, and see no Marketplace link or Media Library banner', async () => {
  const { url } = state();
  const foreign: string[] = [];
  const chief = await loggedIn(browser, 'chief', (context) => refuseForeignRequests(context, new URL(url).origin, foreign));
  try {
    const entryPoints = { marketplaceLinks: -1, mediaLibraryBanners: -1 };
    for (const [path, ready] of PAGES) {
      await chief.page.goto(`${url}${path}`);
      await ready(chief.page);
      await chief.page.waitForLoadState('networkidle');
      if (path === '/admin') {
        // The entry points that lead to Strapi's sites, on the page every admin lands on.
        entryPoints.marketplaceLinks = await chief.page.getByRole('navigation').getByRole('link', { name: 'Marketplace' }).count();
        entryPoints.mediaLibraryBanners = await chief.page.getByText('Introducing the new Media Library').count();
      }
    }
    expect({ foreign, ...entryPoints }).toEqual({ foreign: [], marketplaceLinks: 0, mediaLibraryBanners: 0 });
  } finally {
    await chief.context.close();
  }
});
