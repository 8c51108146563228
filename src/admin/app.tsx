import type { RBACMiddleware, StrapiApp } from '@strapi/strapi/admin';

/**
 * The admin's customisations: no call home (README, "No call home"). Server-side switches are in
 * config/admin.ts, config/server.ts and package.json; these are the ones only the admin bundle has.
 */

// Grants the Marketplace menu link (a link to market.strapi.io) and Settings > Plugins.
const MARKETPLACE_READ = 'admin::marketplace.read';

/**
 * Takes the Marketplace permission out of every check the admin makes, for every user, the super
 * admin included: the menu then has no Marketplace link. The server still grants the action;
 * nothing it guards reaches Strapi's servers (GET /admin/plugins lists the installed plugins).
 */
const withoutMarketplace: RBACMiddleware = () => (next) => (permissions) => next(permissions.filter((permission) => permission.action !== MARKETPLACE_READ));

// What the admin puts on `window.strapi` (render in @strapi/admin); the typings declare the server's `strapi` global there.
interface AdminWindow {
  strapi: { featureFlags: { isEnabled(name: string): boolean } };
}

/**
 * Marks the "Introducing the new Media Library" banner as dismissed, as its close button does. No
 * switch hides it in 5.54; it links to Strapi's blog or docs and fetches nothing. The key is Strapi's
 * own (MediaLibraryBanner in @strapi/admin): the flag state, then the project uuid that GET
 * /admin/init returns, always `false` here since package.json disables telemetry. The browser
 * suite checks the banner stays hidden, so a renamed key shows up on upgrade.
 */
function dismissMediaLibraryBanner(): void {
  const isLegacyMediaLibrary = (window as unknown as AdminWindow).strapi.featureFlags.isEnabled('useLegacyMediaLibrary');
  window.localStorage.setItem(`STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_${isLegacyMediaLibrary}:false`, 'true');
}

export default {
  config: {
    // Off, the admin no longer asks api.github.com for Strapi's latest release at every load
    // (AuthenticatedLayout in @strapi/admin); Settings > Overview stops offering an upgrade.
    notifications: { releases: false },
  },
  register(app: StrapiApp) {
    app.addRBACMiddleware(withoutMarketplace);
  },
  bootstrap() {
    dismissMediaLibraryBanner();
  },
};
