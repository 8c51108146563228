import type { Core } from '@strapi/strapi';
import { getService } from './strapi/get-service';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  // Relink jobs write to the database: let the running batch finish before the connection closes.
  await getService(strapi, 'relink').stop();
};
