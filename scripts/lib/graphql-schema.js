'use strict';

const { buildClientSchema, buildSchema, findBreakingChanges, findDangerousChanges, getIntrospectionQuery, lexicographicSortSchema, printSchema } = require('graphql');

/**
 * The GraphQL schema a client of the running app sees (by introspection, descriptions included),
 * printed in a stable order so that the committed schema.graphql changes only when the API does.
 * @param {import('@strapi/strapi').Core.Strapi} strapi a booted app with its routes mounted
 */
async function printAppSchema(strapi) {
  const request = require('supertest');
  const response = await request(strapi.server.httpServer).post('/graphql').send({ query: getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }) });
  if (response.status !== 200 || response.body.errors) throw new Error(`introspection failed (${response.status}): ${JSON.stringify(response.body.errors ?? response.text).slice(0, 500)}`);
  return `${printSchema(lexicographicSortSchema(buildClientSchema(response.body.data)))}\n`;
}

/**
 * What changed between the committed schema and the current one, in graphql-js's words: breaking
 * changes (a removed field or type, a changed or added required argument) by name, and dangerous
 * ones (an added enum value, a changed default).
 * @param {string} committed SDL
 * @param {string} current SDL
 */
function compareSchemas(committed, current) {
  const [before, after] = [buildSchema(committed), buildSchema(current)];
  const describe = (change) => `${change.type}: ${change.description}`;
  return { changed: committed !== current, breaking: findBreakingChanges(before, after).map(describe), dangerous: findDangerousChanges(before, after).map(describe) };
}

module.exports = { compareSchemas, printAppSchema };
