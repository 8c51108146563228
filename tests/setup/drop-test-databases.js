/**
 * Global teardown: drops every PostgreSQL database this run created, including those of a test file
 * that crashed before its own afterAll. Each file already drops its own; this is the safety net.
 */
const { Client } = require('pg');

module.exports = async () => {
  if (process.env.DATABASE_CLIENT !== 'postgres' || !process.env.NEWSGRAPH_TEST_RUN) return;
  const client = new Client({
    host: process.env.DATABASE_HOST || '127.0.0.1',
    port: Number(process.env.DATABASE_PORT || 5432),
    user: process.env.DATABASE_USERNAME || 'postgres',
    password: process.env.DATABASE_PASSWORD || undefined,
    database: 'postgres',
  });
  await client.connect();
  try {
    const prefix = `newsgraph_test_${process.env.NEWSGRAPH_TEST_RUN}_`;
    const { rows } = await client.query('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [prefix]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
};
