// Sends GraphiQL's requests to the gateway with the chosen role's token. Headers typed in GraphiQL's own
// header editor come last, so a pasted `Authorization` wins over the role picker's.
import type { ComponentProps } from 'react';
import type { GraphiQL } from 'graphiql';

export type Fetcher = ComponentProps<typeof GraphiQL>['fetcher'];

export function createFetcher(path: string, token: string | null): Fetcher {
  return async (params, options) => {
    const response = await fetch(path, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(options?.headers as Record<string, string> | undefined),
      },
      body: JSON.stringify(params),
    });
    return (await response.json()) as Record<string, unknown>;
  };
}
