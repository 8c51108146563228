import { claimReviewsService } from './claim-reviews';
import { countriesService } from './countries';
import { editorFormsService } from './editor-forms';
import { factCheckerRoleService } from './fact-checker-role';
import { flagCountsService } from './flag-counts';
import { flagsService } from './flags';
import { graphService } from './graph';
import { linkIndexService } from './link-index';
import { publicPermissionsService } from './public-permissions';
import { relinkService } from './relink';
import { settingsService } from './settings';
import { statementLinkerService } from './statement-linker';
import { storyActorsService } from './story-actors';

export const services = {
  'claim-reviews': claimReviewsService,
  countries: countriesService,
  'editor-forms': editorFormsService,
  'fact-checker-role': factCheckerRoleService,
  'flag-counts': flagCountsService,
  flags: flagsService,
  graph: graphService,
  'link-index': linkIndexService,
  'public-permissions': publicPermissionsService,
  relink: relinkService,
  settings: settingsService,
  'statement-linker': statementLinkerService,
  'story-actors': storyActorsService,
};

export type NewsgraphServices = { [Name in keyof typeof services]: ReturnType<(typeof services)[Name]> };
