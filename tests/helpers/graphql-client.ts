import type { AddressInfo } from 'net';
import { ClientError, GraphQLClient } from 'graphql-request';
import type { TestApp } from './test-app';

export interface GraphqlAnswer<Data> {
  status: number;
  data: Data | null;
  errors: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

export interface GraphqlOverHttp {
  url: string;
  /** Runs one operation as a client would, and returns the answer whatever it is (errors included). */
  ask<Data = Record<string, any>>(query: string, variables?: Record<string, unknown>, bearer?: string): Promise<GraphqlAnswer<Data>>;
}

/**
 * The app's GraphQL endpoint on a real port, spoken to by graphql-request as an outside client
 * would. The app's own shutdown (TestApp.stop) closes the port.
 */
export async function graphqlOverHttp(app: TestApp): Promise<GraphqlOverHttp> {
  const server = app.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return {
    url,
    async ask<Data>(query: string, variables?: Record<string, unknown>, bearer?: string): Promise<GraphqlAnswer<Data>> {
      const client = new GraphQLClient(url, { headers: bearer ? { Authorization: `Bearer ${bearer}` } : {} });
      try {
        const answer = await client.rawRequest<Data>(query, variables);
        return { status: answer.status, data: answer.data ?? null, errors: (answer.errors ?? []) as GraphqlAnswer<Data>['errors'] };
      } catch (error) {
        if (!(error instanceof ClientError)) throw error;
        return { status: error.response.status, data: (error.response.data as Data | undefined) ?? null, errors: (error.response.errors ?? []) as GraphqlAnswer<Data>['errors'] };
      }
    },
  };
}
