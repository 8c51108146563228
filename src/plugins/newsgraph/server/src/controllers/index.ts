import { linksController } from './links';

export const controllers = {
  links: linksController,
};
