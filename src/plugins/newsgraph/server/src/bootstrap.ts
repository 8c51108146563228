import type { Core } from '@strapi/strapi';
import { PERMISSION_ACTIONS } from './permissions';
import { getService } from './strapi/get-service';
import { oneInstanceAtATime } from './strapi/startup-lock';

interface ActionProvider {
  registerMany(actions: typeof PERMISSION_ACTIONS): Promise<void>;
}

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const actionProvider = (strapi.admin!.services.permission as { actionProvider: ActionProvider }).actionProvider;
  await actionProvider.registerMany(PERMISSION_ACTIONS);

  // Rules tuned in Settings > Newsgraph, over config/plugins.ts.
  await getService(strapi, 'settings').applyStored();
  // Tables, indexes, triggers and backfills: one instance at a time on a shared PostgreSQL database.
  await oneInstanceAtATime(strapi, async () => {
    await getService(strapi, 'flags').ensureIndexes();
    // Flags written before they recorded their statement's documentId get it from their key, once each.
    const withStatement = await getService(strapi, 'flags').backfillStatementDocumentIds();
    if (withStatement > 0) strapi.log.info(`[newsgraph] statement recorded on ${withStatement} earlier flags`);
    await getService(strapi, 'claim-matcher').ensureIndexes();
    await getService(strapi, 'relink').ensureLinkTextIndex();
    await getService(strapi, 'flag-counts').ensureCounting();
    // Public story pages are kept until a write moves this version on (graphql/public-answer-cache.ts).
    await getService(strapi, 'public-read-version').ensureWatching();
    // Flags closed before they recorded when (closedAt, the desk's trends) get it from their history, once.
    const backfilled = await getService(strapi, 'flag-trends').backfillClosedAt();
    if (backfilled > 0) strapi.log.info(`[newsgraph] closing time recorded for ${backfilled} earlier resolved or dismissed flags`);
    // Verdicts given before they recorded their words are bound now, or taken back.
    const verdicts = await getService(strapi, 'review').bindLegacyVerdicts();
    if (verdicts.bound + verdicts.takenBack > 0) strapi.log.info(`[newsgraph] verdicts bound to their words: ${verdicts.bound}; taken back (their words changed since): ${verdicts.takenBack}`);
  });
  // Webhooks may subscribe to flags (Settings > Webhooks); payload: { flag, statement, story }.
  const webhookStore = strapi.get('webhookStore') as { addAllowedEvent(key: string, value: string): void };
  webhookStore.addAllowedEvent('NEWSGRAPH_FLAG_OPENED', 'newsgraph.flag.opened');
  webhookStore.addAllowedEvent('NEWSGRAPH_FLAG_RESOLVED', 'newsgraph.flag.resolved');

  // Started here, outside any request or transaction, so that the background context of relink jobs
  // is clean; before the app's bootstrap, whose demo seed creates actors and so relink jobs.
  await getService(strapi, 'relink').startRunner();

  const granted = await getService(strapi, 'public-permissions').grantPublicReads();
  if (granted.length > 0) strapi.log.info(`[newsgraph] granted Public: ${granted.join(', ')}`);

  const changedForms = await getService(strapi, 'editor-forms').applyEditorForms();
  if (changedForms.length > 0) strapi.log.info(`[newsgraph] editor forms applied to ${changedForms.join(', ')}`);
};
