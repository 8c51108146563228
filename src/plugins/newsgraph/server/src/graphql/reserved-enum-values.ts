import type { Core } from '@strapi/strapi';
import { strings } from '@strapi/utils';

/** Names the GraphQL spec forbids for enum values. */
const RESERVED_NAMES = new Set(['true', 'false', 'null']);

/**
 * The GraphQL name of an enumeration value: Strapi's own naming, except that `false` (a verdict of
 * Statement.verification, fixed by the domain model) becomes `FALSE`, since GraphQL reserves
 * `true`, `false` and `null` and the schema would not build otherwise. The stored value stays "false".
 */
export function graphqlEnumValueName(value: string): string {
  const name = strings.toRegressedEnumValue(value);
  return RESERVED_NAMES.has(name) ? name.toUpperCase() : name;
}

interface EnumDefinition {
  enum: string[];
}

interface Builders {
  buildEnumTypeDefinition(definition: EnumDefinition, name: string): unknown;
}

interface BuildersService {
  new: (name: string, registry: unknown) => Builders;
}

interface Nexus {
  enumType(config: { name: string; members: Record<string, string> }): unknown;
}

/**
 * Wraps the GraphQL plugin's enum builder so that enum values named after GraphQL keywords get a
 * legal name (see graphqlEnumValueName). Only enums that need it are rebuilt; every other enum is
 * built by Strapi as usual.
 */
export function allowReservedEnumValues(strapi: Core.Strapi): void {
  const buildersService = strapi.plugin('graphql').service('builders') as BuildersService;
  // The same nexus instance as the GraphQL plugin's, so the built type belongs to its schema.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const nexus = require(require.resolve('nexus', { paths: [require.resolve('@strapi/plugin-graphql/package.json')] })) as Nexus;
  const createBuilders = buildersService.new.bind(buildersService);

  buildersService.new = (name, registry) => {
    const builders = createBuilders(name, registry);
    const buildStrapiEnum = builders.buildEnumTypeDefinition.bind(builders);
    builders.buildEnumTypeDefinition = (definition, enumName) => {
      if (!definition.enum.some((value) => RESERVED_NAMES.has(strings.toRegressedEnumValue(value)))) {
        return buildStrapiEnum(definition, enumName);
      }
      const members = Object.fromEntries(definition.enum.map((value) => [graphqlEnumValueName(value), value]));
      return nexus.enumType({ name: enumName, members });
    };
    return builders;
  };
}
