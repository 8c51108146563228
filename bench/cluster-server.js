#!/usr/bin/env node
/**
 * One instance of `npm run bench:cluster`: the compiled app (tests/setup/compile-app.js) started as
 * `strapi start` starts it, on the port and database in its environment. Strapi's own signal
 * handling stops it: SIGTERM runs its shutdown (and the app's and the plugin's destroy).
 */
'use strict';

const { createStrapi } = require('@strapi/strapi');
const { APP_DIR, TEST_DIST_DIR } = require('../tests/setup/paths');

createStrapi({ appDir: APP_DIR, distDir: TEST_DIST_DIR, autoReload: false, serveAdminPanel: false }).start();
