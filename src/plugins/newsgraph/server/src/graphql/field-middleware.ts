/** A GraphQL resolver and a resolver middleware, as Strapi's GraphQL plugin calls them (resolversConfig). */
export type FieldResolver = (parent: unknown, args: Record<string, unknown>, context: unknown, info: unknown) => unknown;
export type FieldMiddleware = (resolve: FieldResolver, parent: unknown, args: Record<string, unknown>, context: unknown, info: unknown) => unknown;
