import { claimReviewsController } from './claim-reviews';
import { flagsController } from './flags';
import { linksController } from './links';
import { reviewQueueController } from './review-queue';

export const controllers = {
  'claim-reviews': claimReviewsController,
  flags: flagsController,
  links: linksController,
  'review-queue': reviewQueueController,
};
