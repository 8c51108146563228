#!/usr/bin/env node
'use strict';

/**
 * npm run graphql:schema: writes schema.graphql, the GraphQL API as clients see it. Commit it with
 * any change to the API: tests/integration/graphql-schema.test.ts fails while it is out of date and
 * names every breaking change (a removed field or type, a changed argument) since the committed one.
 */
const fs = require('fs');
const path = require('path');
const { compileApp, withThrowawayApp } = require('./lib/throwaway-app');
const { printAppSchema } = require('./lib/graphql-schema');

const SCHEMA_FILE = path.join(__dirname, '..', 'schema.graphql');

(async () => {
  await compileApp();
  const schema = await withThrowawayApp('sqlite', 'graphql-schema', printAppSchema, { mount: true });
  fs.writeFileSync(SCHEMA_FILE, schema);
  console.log(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)} (${schema.split('\n').length} lines)`);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
