import bootstrap from './bootstrap';
import config from './config';
import destroy from './destroy';
import register from './register';
import { contentTypes } from './content-types';
import { controllers } from './controllers';
import { routes } from './routes';
import { services } from './services';

export default {
  register,
  bootstrap,
  destroy,
  config,
  services,
  contentTypes,
  controllers,
  routes,
  policies: {},
  middlewares: {},
};
