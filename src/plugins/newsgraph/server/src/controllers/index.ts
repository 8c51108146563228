import { claimReviewsController } from './claim-reviews';
import { factChecksController } from './fact-checks';
import { flagsController } from './flags';
import { linksController } from './links';
import { reviewQueueController } from './review-queue';
import { settingsController } from './settings';
import { statementSuggestionsController } from './statement-suggestions';
import { storiesController } from './stories';

export const controllers = {
  'claim-reviews': claimReviewsController,
  'fact-checks': factChecksController,
  flags: flagsController,
  links: linksController,
  'review-queue': reviewQueueController,
  settings: settingsController,
  'statement-suggestions': statementSuggestionsController,
  stories: storiesController,
};
