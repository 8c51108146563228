import type { Core } from '@strapi/strapi';
import { getService } from './strapi/get-service';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const granted = await getService(strapi, 'public-permissions').grantPublicReads();
  if (granted.length > 0) strapi.log.info(`[newsgraph] granted Public: ${granted.join(', ')}`);

  const changedForms = await getService(strapi, 'editor-forms').applyEditorForms();
  if (changedForms.length > 0) strapi.log.info(`[newsgraph] editor forms applied to ${changedForms.join(', ')}`);
};
