// An HTTP proxy in front of one real authority service that can answer late or pad its answers, and
// notices when the gateway hangs up on a call before its answer is finished (the budget's abort).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxyBehaviour {
  /** Wait this long before forwarding a GraphQL call. */
  readonly delayMs: number;
  /** Add this many bytes of JSON whitespace after the answer (still valid JSON), streamed in 16 KB pieces. */
  readonly padBytes: number;
}

export interface AuthorityProxy {
  readonly url: string;
  /** Where GraphQL calls are forwarded (set once the real service is listening). */
  target: string | null;
  behaviour: ProxyBehaviour;
  /** GraphQL calls received, and those the caller abandoned before the proxy had answered them whole. */
  readonly calls: { received: number; abandoned: number };
  close(): Promise<void>;
}

const PIECE = 16_384;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function bodyOf(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startAuthorityProxy(): Promise<AuthorityProxy> {
  const proxy: Omit<AuthorityProxy, 'url' | 'close'> = { target: null, behaviour: { delayMs: 0, padBytes: 0 }, calls: { received: 0, abandoned: 0 } };

  async function forward(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Health checks are answered here, so that the platform is healthy while the real service is starting.
    if (request.method === 'GET') {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      return;
    }
    proxy.calls.received += 1;
    let finished = false;
    response.on('close', () => {
      if (!finished) proxy.calls.abandoned += 1;
    });
    const body = await bodyOf(request);
    const { delayMs, padBytes } = proxy.behaviour;
    if (delayMs > 0) await pause(delayMs);
    if (response.destroyed || !proxy.target) return void response.destroy();
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers))
      if (typeof value === 'string' && name !== 'host' && name !== 'content-length') headers[name] = value;
    const answer = await fetch(proxy.target, { method: 'POST', headers, body });
    const text = Buffer.from(await answer.arrayBuffer());
    response.writeHead(answer.status, { 'content-type': 'application/json' });
    response.write(text);
    for (let left = padBytes; left > 0 && !response.destroyed; left -= PIECE) {
      response.write(' '.repeat(Math.min(PIECE, left)));
      await pause(2); // streamed, so that the gateway can stop reading part-way
    }
    if (response.destroyed) return;
    finished = true;
    response.end();
  }

  const server = createServer((request, response) => {
    forward(request, response).catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(proxy, {
    url: `http://127.0.0.1:${port}/graphql`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
