import { flagsController } from './flags';
import { linksController } from './links';

export const controllers = {
  flags: flagsController,
  links: linksController,
};
