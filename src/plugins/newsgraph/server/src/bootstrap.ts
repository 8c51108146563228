import type { Core } from '@strapi/strapi';
import { PERMISSION_ACTIONS } from './permissions';
import { getService } from './strapi/get-service';

interface ActionProvider {
  registerMany(actions: typeof PERMISSION_ACTIONS): Promise<void>;
}

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const actionProvider = (strapi.admin!.services.permission as { actionProvider: ActionProvider }).actionProvider;
  await actionProvider.registerMany(PERMISSION_ACTIONS);

  // Instantiated here, outside any request or transaction, so its background context is clean.
  getService(strapi, 'relink');

  const granted = await getService(strapi, 'public-permissions').grantPublicReads();
  if (granted.length > 0) strapi.log.info(`[newsgraph] granted Public: ${granted.join(', ')}`);

  const changedForms = await getService(strapi, 'editor-forms').applyEditorForms();
  if (changedForms.length > 0) strapi.log.info(`[newsgraph] editor forms applied to ${changedForms.join(', ')}`);
};
