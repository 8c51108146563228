import type { Core } from '@strapi/strapi';

export default (_context: { strapi: Core.Strapi }) => {
  // Nothing to release yet: the relink job runner will stop here.
};
