import { claimReviewsController } from './claim-reviews';
import { flagsController } from './flags';
import { linksController } from './links';

export const controllers = {
  'claim-reviews': claimReviewsController,
  flags: flagsController,
  links: linksController,
};
