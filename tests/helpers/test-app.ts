import crypto from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { Client } from 'pg';
import request from 'supertest';
import { createStrapi, type Core } from '@strapi/strapi';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { APP_DIR, TEST_DIST_DIR } = require('../setup/paths') as { APP_DIR: string; TEST_DIST_DIR: string };

export type DatabaseClient = 'sqlite' | 'postgres';

interface TestDatabase {
  client: DatabaseClient;
  name: string;
  drop(): Promise<void>;
}

function postgresAdminConnection() {
  return {
    host: process.env.DATABASE_HOST || '127.0.0.1',
    port: Number(process.env.DATABASE_PORT || 5432),
    user: process.env.DATABASE_USERNAME || 'postgres',
    password: process.env.DATABASE_PASSWORD || undefined,
    database: 'postgres',
  };
}

/**
 * A database of its own for one test file: a new SQLite file, or a new PostgreSQL database created
 * on the local server and dropped afterwards (DATABASE_CLIENT=postgres).
 */
async function createTestDatabase(): Promise<TestDatabase> {
  const suffix = crypto.randomBytes(6).toString('hex');
  const client = (process.env.DATABASE_CLIENT || 'sqlite') as DatabaseClient;

  if (client === 'postgres') {
    // The run id (set by tests/setup/compile-app.js) lets the global teardown drop whatever a crashed
    // test file left behind.
    const name = `newsgraph_test_${process.env.NEWSGRAPH_TEST_RUN ?? 'adhoc'}_${suffix}`;
    const admin = new Client(postgresAdminConnection());
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${name}"`);
    } finally {
      await admin.end();
    }
    delete process.env.DATABASE_URL;
    process.env.DATABASE_NAME = name;
    process.env.DATABASE_HOST = process.env.DATABASE_HOST || '127.0.0.1';
    process.env.DATABASE_USERNAME = process.env.DATABASE_USERNAME || 'postgres';
    return {
      client,
      name,
      async drop() {
        const dropper = new Client(postgresAdminConnection());
        await dropper.connect();
        try {
          await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        } finally {
          await dropper.end();
        }
      },
    };
  }

  const file = path.join(os.tmpdir(), `newsgraph-test-${suffix}.db`);
  process.env.DATABASE_FILENAME = file;
  return {
    client: 'sqlite',
    name: file,
    async drop() {
      for (const leftover of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(leftover, { force: true });
    },
  };
}

export interface GraphqlResponse<Data = Record<string, unknown>> {
  status: number;
  data?: Data;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

export interface TestApp {
  readonly strapi: Core.Strapi;
  databaseClient: DatabaseClient;
  /** A full-access API token, as a newsroom integration would hold. */
  apiToken: string;
  http(): ReturnType<typeof request>;
  graphql<Data = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphqlResponse<Data>>;
  /** Shuts the app down and boots it again on the same database, as a deploy or a crash-restart would. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Boots the real Newsgraph app (compiled by tests/setup/compile-app.js into TEST_DIST_DIR) on a database of its own, with
 * routes mounted for supertest and a full-access API token.
 */
export async function startTestApp(): Promise<TestApp> {
  const database = await createTestDatabase();
  const boot = async () => {
    const app = await createStrapi({ appDir: APP_DIR, distDir: TEST_DIST_DIR, autoReload: false, serveAdminPanel: false }).load();
    app.server.mount();
    return app;
  };
  let strapi: Core.Strapi;
  try {
    strapi = await boot();
  } catch (error) {
    await database.drop();
    throw error;
  }

  const tokens = strapi.service('admin::api-token') as { create(attributes: Record<string, unknown>): Promise<{ accessKey: string }> };
  const { accessKey } = await tokens.create({ name: `tests-${crypto.randomUUID()}`, description: 'integration tests', type: 'full-access', lifespan: null });
  const http = () => request(strapi.server.httpServer);

  /**
   * Strapi emits entry events after a transaction commits, without awaiting them, and each one reads
   * the entry back from the database. Destroying the app under one leaves it waiting for a closed
   * pool, to fail a minute later and take Jest down: let them finish first.
   */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

  return {
    get strapi() {
      return strapi;
    },
    databaseClient: database.client,
    apiToken: accessKey,
    http,
    async graphql(query, variables, token) {
      const call = http().post('/graphql').send({ query, variables });
      const response = await (token ? call.set('Authorization', `Bearer ${token}`) : call);
      return { status: response.status, data: response.body.data, errors: response.body.errors };
    },
    async restart() {
      await settle();
      await strapi.destroy();
      strapi = await boot();
    },
    async stop() {
      await settle();
      await strapi.destroy();
      await database.drop();
    },
  };
}
