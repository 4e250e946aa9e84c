// A browser opening /graphql never gets Apollo's landing page (it loads from a CDN): it is sent to the
// service's explorer when there is one, and otherwise gets a short local page. Pages a service adds are
// answered; any other path is a 404.
import { ApolloServer } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphQLHttpServer, type GraphQLHttpServer } from './server.ts';

const servers: GraphQLHttpServer[] = [];
async function start(options: { browserLanding?: string; withPage?: boolean }): Promise<string> {
  const apollo = new ApolloServer({ typeDefs: 'type Query { hello: String }', resolvers: { Query: { hello: () => 'hello' } } });
  await apollo.start();
  const server = createGraphQLHttpServer({
    apollo,
    context: async () => ({}),
    ...(options.browserLanding ? { browserLanding: options.browserLanding } : {}),
    ...(options.withPage ? { pages: async (_req, res, url) => url.pathname === '/page' && (res.writeHead(200).end('page'), true) } : {}),
  });
  servers.push(server);
  return (await server.listen(0)).url;
}

let plain: string;
let withExplorer: string;
beforeAll(async () => {
  plain = await start({});
  withExplorer = await start({ browserLanding: '/explorer', withPage: true });
});
afterAll(async () => Promise.all(servers.map((s) => s.stop())));

const visit = (url: string) => fetch(url, { headers: { accept: 'text/html,application/xhtml+xml' }, redirect: 'manual' });

describe('a browser at /graphql', () => {
  it('is sent to the explorer when there is one', async () => {
    const response = await visit(withExplorer);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/explorer');
  });

  it('otherwise gets a local page that loads nothing', async () => {
    const response = await visit(plain);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'");
    const html = await response.text();
    expect(html).toContain('GraphQL endpoint');
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('gets the same with a query in the address, while a client asking for JSON gets the answer', async () => {
    const address = `${withExplorer}?query=${encodeURIComponent('{ hello }')}`;
    expect((await visit(address)).headers.get('location')).toBe('/explorer');
    const answer = await fetch(address, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(await answer.json()).toEqual({ data: { hello: 'hello' } });
  });
});

describe("a service's own pages", () => {
  it('are answered, and other paths are 404', async () => {
    expect(await (await fetch(new URL('/page', withExplorer))).text()).toBe('page');
    expect((await fetch(new URL('/elsewhere', withExplorer))).status).toBe(404);
  });
});
