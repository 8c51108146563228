'use strict';

/**
 * A Newsgraph app on a database of its own, for the benches and the schema generator: throw-away
 * secrets, no telemetry, the app compiled into the tests' folder (tests/setup/compile-app.js).
 */
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { APP_DIR, TEST_DIST_DIR } = require('../../tests/setup/paths');

function environment(client, database) {
  const secret = () => crypto.randomBytes(24).toString('base64');
  Object.assign(process.env, {
    APP_KEYS: `${secret()},${secret()}`, API_TOKEN_SALT: secret(), ADMIN_JWT_SECRET: secret(), TRANSFER_TOKEN_SALT: secret(), JWT_SECRET: secret(), ENCRYPTION_KEY: secret(),
    STRAPI_TELEMETRY_DISABLED: 'true', STRAPI_LOG_LEVEL: 'error', NODE_ENV: process.env.NODE_ENV || 'test', ENV_PATH: path.join(os.tmpdir(), 'no-such-env'), DATABASE_CLIENT: client,
  });
  if (client === 'sqlite') process.env.DATABASE_FILENAME = database;
  else Object.assign(process.env, { DATABASE_NAME: database, DATABASE_HOST: process.env.DATABASE_HOST || '127.0.0.1', DATABASE_USERNAME: process.env.DATABASE_USERNAME || 'postgres' });
}

async function withPostgresDatabase(name, work) {
  const { Client } = require('pg');
  const admin = () => new Client({ host: process.env.DATABASE_HOST || '127.0.0.1', port: Number(process.env.DATABASE_PORT || 5432), user: process.env.DATABASE_USERNAME || 'postgres', database: 'postgres' });
  const create = admin();
  await create.connect();
  await create.query(`CREATE DATABASE "${name}"`);
  await create.end();
  try {
    return await work();
  } finally {
    const drop = admin();
    await drop.connect();
    await drop.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await drop.end();
  }
}

/**
 * Runs `work(strapi)` on a freshly booted app whose database exists only for the call.
 * @param {'sqlite' | 'postgres'} client
 * @param {string} label names the database or file
 * @param {(strapi: import('@strapi/strapi').Core.Strapi) => Promise<T>} work
 * @param {{ mount?: boolean }} options mount: serve the routes (for HTTP clients)
 * @template T
 */
async function withThrowawayApp(client, label, work, { mount = false } = {}) {
  const name = client === 'sqlite' ? path.join(os.tmpdir(), `newsgraph-${label}-${process.pid}.db`) : `newsgraph_${label.replace(/\W/g, '_')}_${process.pid}`;
  environment(client, name);
  const run = async () => {
    const { createStrapi } = require('@strapi/strapi');
    const strapi = await createStrapi({ appDir: APP_DIR, distDir: TEST_DIST_DIR, autoReload: false, serveAdminPanel: false }).load();
    if (mount) strapi.server.mount();
    try {
      return await work(strapi);
    } finally {
      // Strapi emits entry events after commits without awaiting them: let them finish first.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await strapi.destroy();
    }
  };
  if (client === 'postgres') return withPostgresDatabase(name, run);
  try {
    return await run();
  } finally {
    for (const file of [name, `${name}-wal`, `${name}-shm`]) fs.rmSync(file, { force: true });
  }
}

/** Compiles the app into the tests' folder, as the integration tests do. */
async function compileApp() {
  await require('../../tests/setup/compile-app')();
}

module.exports = { compileApp, withThrowawayApp };
