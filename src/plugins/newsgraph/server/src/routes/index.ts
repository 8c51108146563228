const isAdmin = 'admin::isAuthenticatedAdmin';
/** An action, or [action, subject] for content-manager actions that apply per content type. */
const can = (...actions: Array<string | [string, string]>) => ({ name: 'admin::hasPermissions', config: { actions } });

/** Admin routes, under /newsgraph (admin JWT); each states the permission it needs. */
export const routes = {
  admin: {
    type: 'admin',
    routes: [
      {
        method: 'GET',
        path: '/flags',
        handler: 'flags.list',
        config: { policies: [isAdmin, can('plugin::newsgraph.flags.read')] },
      },
      {
        // Before /flags/:documentId, which would otherwise take "facets" for a flag's id.
        method: 'GET',
        path: '/flags/facets',
        handler: 'flags.facets',
        config: { policies: [isAdmin, can('plugin::newsgraph.flags.read')] },
      },
      {
        // Before /flags/:documentId, which would otherwise take "counts" for a flag's id.
        method: 'GET',
        path: '/flags/counts',
        handler: 'flags.counts',
        config: { policies: [isAdmin, can('plugin::newsgraph.flags.read')] },
      },
      {
        // Before /flags/:documentId. The Fact-check page's trends: flags opened and closed per day.
        method: 'GET',
        path: '/flags/trends',
        handler: 'flags.trends',
        config: { policies: [isAdmin, can('plugin::newsgraph.flags.read')] },
      },
      {
        // Before /flags/:documentId. The list views' "Open flags" column: one call per page.
        method: 'GET',
        path: '/flags/open-by-document',
        handler: 'flags.openByDocument',
        config: { policies: [isAdmin, can('plugin::newsgraph.flags.read')] },
      },
      {
        method: 'GET',
        path: '/flags/:documentId',
        handler: 'flags.findOne',
        config: { policies: [isAdmin, can('plugin::newsgraph.flags.read')] },
      },
      ...(['claim', 'dismiss', 'reopen'] as const).map((action) => ({
        method: 'POST',
        path: `/flags/:documentId/${action}`,
        handler: `flags.${action}`,
        config: { policies: [isAdmin, can('plugin::newsgraph.flags.review')] },
      })),
      {
        method: 'POST',
        path: '/flags/:documentId/resolve',
        handler: 'flags.resolve',
        // Reviewers, or editors when flags.editorsMayResolve is on: checked in the controller.
        config: { policies: [isAdmin] },
      },
      {
        method: 'GET',
        path: '/stories/:documentId/overview',
        handler: 'stories.overview',
        config: { policies: [isAdmin, can(['plugin::content-manager.explorer.read', 'api::story.story'])] },
      },
      {
        method: 'GET',
        path: '/stories/:documentId/graph',
        handler: 'stories.graph',
        config: { policies: [isAdmin, can(['plugin::content-manager.explorer.read', 'api::story.story'])] },
      },
      {
        method: 'POST',
        path: '/stories/:documentId/suggest-statements',
        handler: 'stories.suggestStatements',
        config: { policies: [isAdmin, can(['plugin::content-manager.explorer.update', 'api::story.story'], ['plugin::content-manager.explorer.create', 'api::statement.statement'])] },
      },
      {
        method: 'POST',
        path: '/stories/:documentId/suggestions/reject',
        handler: 'stories.rejectSuggestion',
        config: { policies: [isAdmin, can(['plugin::content-manager.explorer.update', 'api::story.story'])] },
      },
      {
        method: 'POST',
        path: '/stories/:documentId/check',
        handler: 'stories.check',
        config: { policies: [isAdmin, can(['plugin::content-manager.explorer.update', 'api::story.story'])] },
      },
      {
        method: 'GET',
        path: '/statements/:documentId/links',
        handler: 'links.statementLinks',
        config: { policies: [isAdmin, can(['plugin::content-manager.explorer.read', 'api::statement.statement'])] },
      },
      {
        method: 'PUT',
        path: '/statements/:documentId/link-overrides',
        handler: 'links.updateOverrides',
        config: { policies: [isAdmin, can(['plugin::content-manager.explorer.update', 'api::statement.statement'])] },
      },
      {
        method: 'GET',
        path: '/settings',
        handler: 'settings.find',
        config: { policies: [isAdmin, can('plugin::newsgraph.settings')] },
      },
      {
        method: 'PUT',
        path: '/settings',
        handler: 'settings.update',
        config: { policies: [isAdmin, can('plugin::newsgraph.settings')] },
      },
      {
        // A ClaimReview document as the JSON body (a file's worth under the JSON body limit; larger
        // files go through `npm run import:claim-reviews`): all of it is imported, or none.
        method: 'POST',
        path: '/fact-checks/import',
        handler: 'fact-checks.import',
        config: { policies: [isAdmin, can('plugin::newsgraph.settings')] },
      },
      {
        method: 'POST',
        path: '/relink',
        handler: 'links.startRelink',
        config: { policies: [isAdmin, can('plugin::newsgraph.settings')] },
      },
      {
        method: 'GET',
        path: '/relink',
        handler: 'links.recentRelinks',
        config: { policies: [isAdmin, can('plugin::newsgraph.settings')] },
      },
      {
        method: 'GET',
        path: '/relink/:jobId',
        handler: 'links.relinkStatus',
        config: { policies: [isAdmin, can('plugin::newsgraph.settings')] },
      },
    ],
  },
  'content-api': {
    type: 'content-api',
    routes: [
      {
        // The feed of every public ClaimReview; public for the same reason as the single item below.
        method: 'GET',
        path: '/claim-reviews',
        handler: 'claim-reviews.find',
        config: { auth: false },
      },
      {
        method: 'GET',
        path: '/claim-reviews/:statementDocumentId',
        handler: 'claim-reviews.findOne',
        // Public by design: ClaimReview is published for search engines and aggregators.
        config: { auth: false },
      },
      {
        // Its action, plugin::newsgraph.review-queue.find, is granted to API tokens, never to Public.
        method: 'GET',
        path: '/review-queue',
        handler: 'review-queue.find',
      },
      {
        // Its action, plugin::newsgraph.statement-suggestions.find, is granted to API tokens, never to Public.
        method: 'POST',
        path: '/stories/:documentId/suggest-statements',
        handler: 'statement-suggestions.find',
      },
    ],
  },
};
