// A client's next request on a kept-alive connection is answered, even when the server's event loop
// stalled (a long computation) past the idle time a shorter keep-alive would allow: Node would close the
// socket with the request unread, and the client would see a reset instead of an answer.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { ApolloServer } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphQLHttpServer, KEEP_ALIVE_MS, type GraphQLHttpServer } from './server.ts';

let server: GraphQLHttpServer;
let url: string;
beforeAll(async () => {
  const apollo = new ApolloServer({ typeDefs: 'type Query { hello: String }', resolvers: { Query: { hello: () => 'hello' } } });
  await apollo.start();
  server = createGraphQLHttpServer({ apollo, context: async () => ({}) });
  url = (await server.listen(0)).url;
});
afterAll(async () => server?.stop());

// A client in a process of its own: one question, then a second on the same connection a second later.
const CLIENT = `
  const ask = () => fetch(process.argv[1], { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ hello }"}' }).then((r) => r.text());
  ask().then(async (first) => {
    console.log('first ' + first);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    console.log('second ' + (await ask().catch((e) => 'failed ' + (e.cause?.code ?? e.message))));
  });`;

describe('a kept-alive connection when the event loop stalls', () => {
  it('answers the request that arrived during the stall instead of resetting the connection', async () => {
    const client = spawn(process.execPath, ['-e', CLIENT, url], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    client.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    while (!output.includes('first')) await new Promise((resolve) => setTimeout(resolve, 10));
    // Busy past Node's default keep-alive (5 s) while the second request arrives, as a CPU-bound step would.
    const until = Date.now() + 6_000;
    while (Date.now() < until);
    await once(client, 'exit');
    expect(output).toContain('second {"data":{"hello":"hello"}}');
    expect(KEEP_ALIVE_MS).toBeGreaterThan(6_000);
  }, 30_000);
});

describe('the orderly stop (SIGTERM)', () => {
  it('answers the request in flight, then refuses new connections', async () => {
    let started: () => void = () => undefined;
    const inFlight = new Promise<void>((resolve) => (started = resolve));
    const slow = new ApolloServer({
      typeDefs: 'type Query { slow: String }',
      resolvers: { Query: { slow: async () => (started(), await new Promise((resolve) => setTimeout(resolve, 500)), 'answered') } },
    });
    await slow.start();
    const stopping = createGraphQLHttpServer({ apollo: slow, context: async () => ({}) });
    const slowUrl = (await stopping.listen(0)).url;
    const answer = fetch(slowUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ slow }"}' }).then((r) => r.json());
    await inFlight;
    const stopped = stopping.stop();
    expect(await answer).toEqual({ data: { slow: 'answered' } });
    await stopped;
    await expect(fetch(slowUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ slow }"}' })).rejects.toThrow();
  });

  it('cuts off what is still running after the grace period', async () => {
    const stuck = new ApolloServer({ typeDefs: 'type Query { stuck: String }', resolvers: { Query: { stuck: () => new Promise<string>(() => undefined) } } });
    await stuck.start();
    const stopping = createGraphQLHttpServer({ apollo: stuck, context: async () => ({}) });
    const stuckUrl = (await stopping.listen(0)).url;
    const answer = fetch(stuckUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ stuck }"}' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await stopping.stop(300);
    await expect(answer).rejects.toThrow();
  });
});

describe('the bound on requests in flight (maxInFlight)', () => {
  /** A server whose `held` field answers only when released, so requests stay in flight. */
  async function holdingServer(maxInFlight: number) {
    const waiting: (() => void)[] = [];
    const holding = new ApolloServer({
      typeDefs: 'type Query { held: String }',
      resolvers: { Query: { held: () => new Promise<string>((resolve) => waiting.push(() => resolve('answered'))) } },
    });
    await holding.start();
    const server = createGraphQLHttpServer({ apollo: holding, context: async () => ({}), maxInFlight, health: async () => ({ ok: true }) });
    const holdingUrl = (await server.listen(0)).url;
    const ask = () => fetch(holdingUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ held }"}' });
    const held = async (count: number) => {
      while (waiting.length < count) await new Promise((resolve) => setTimeout(resolve, 10));
    };
    const release = () => waiting.splice(0).forEach((answer) => answer());
    return { server, holdingUrl, ask, held, release };
  }

  it('answers exactly as many at once as allowed', async () => {
    const { server, ask, held, release } = await holdingServer(3);
    const answers = [ask(), ask(), ask()];
    await held(3);
    release();
    const statuses = await Promise.all(answers.map(async (a) => (await a).status));
    expect(statuses).toEqual([200, 200, 200]);
    await server.stop();
  });

  it('refuses one more with GATEWAY_BUSY (503, Retry-After), keeps /health answering, and takes the next once one ends', async () => {
    const { server, holdingUrl, ask, held, release } = await holdingServer(3);
    const answers = [ask(), ask(), ask()];
    await held(3);
    const refused = await ask();
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(await refused.json()).toMatchObject({ errors: [{ extensions: { code: 'GATEWAY_BUSY', limit: 'in-flight', max: 3 } }] });
    expect((await fetch(new URL('/health', holdingUrl))).status).toBe(200);
    release();
    await Promise.all(answers);
    const next = ask();
    await held(1);
    release();
    expect((await next).status).toBe(200);
    await server.stop();
  });
});
