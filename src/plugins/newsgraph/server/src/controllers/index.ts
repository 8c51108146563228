import { claimReviewsController } from './claim-reviews';
import { flagsController } from './flags';
import { linksController } from './links';
import { reviewQueueController } from './review-queue';
import { settingsController } from './settings';
import { storiesController } from './stories';

export const controllers = {
  'claim-reviews': claimReviewsController,
  flags: flagsController,
  links: linksController,
  'review-queue': reviewQueueController,
  settings: settingsController,
  stories: storiesController,
};
