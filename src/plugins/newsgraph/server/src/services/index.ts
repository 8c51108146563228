import { editorFormsService } from './editor-forms';
import { publicPermissionsService } from './public-permissions';

export const services = {
  'editor-forms': editorFormsService,
  'public-permissions': publicPermissionsService,
};

export type NewsgraphServices = { [Name in keyof typeof services]: ReturnType<(typeof services)[Name]> };
