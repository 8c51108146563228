import { archiveService } from './archive';
import { claimMatcherService } from './claim-matcher';
import { claimReviewsService } from './claim-reviews';
import { countriesService } from './countries';
import { documentPermissionsService } from './document-permissions';
import { editorFormsService } from './editor-forms';
import { factChecksService } from './fact-checks';
import { factCheckerRoleService } from './fact-checker-role';
import { flagCountsService } from './flag-counts';
import { flagTrendsService } from './flag-trends';
import { flagsService } from './flags';
import { graphService } from './graph';
import { linkIndexService } from './link-index';
import { publicPermissionsService } from './public-permissions';
import { publicReadVersionService } from './public-read-version';
import { relinkService } from './relink';
import { reviewService } from './review';
import { reviewQueueService } from './review-queue';
import { settingsService } from './settings';
import { statementLinkerService } from './statement-linker';
import { statementSuggestionsService } from './statement-suggestions';
import { storyActorsService } from './story-actors';

export const services = {
  archive: archiveService,
  'claim-matcher': claimMatcherService,
  'claim-reviews': claimReviewsService,
  countries: countriesService,
  'document-permissions': documentPermissionsService,
  'editor-forms': editorFormsService,
  'fact-checks': factChecksService,
  'fact-checker-role': factCheckerRoleService,
  'flag-counts': flagCountsService,
  'flag-trends': flagTrendsService,
  flags: flagsService,
  graph: graphService,
  'link-index': linkIndexService,
  'public-permissions': publicPermissionsService,
  'public-read-version': publicReadVersionService,
  relink: relinkService,
  review: reviewService,
  'review-queue': reviewQueueService,
  settings: settingsService,
  'statement-linker': statementLinkerService,
  'statement-suggestions': statementSuggestionsService,
  'story-actors': storyActorsService,
};

export type NewsgraphServices = { [Name in keyof typeof services]: ReturnType<(typeof services)[Name]> };
