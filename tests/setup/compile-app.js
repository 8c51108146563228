/**
 * Compiles the TypeScript app into dist/ once per run, as `strapi develop` would, so that each
 * integration test file can boot it with createStrapi in a few seconds. The plugin's server is
 * compiled by the `pretest` script.
 */
const path = require('path');

module.exports = async () => {
  const { compileStrapi } = require('@strapi/strapi');
  await compileStrapi({ appDir: path.join(__dirname, '..', '..') });
};
