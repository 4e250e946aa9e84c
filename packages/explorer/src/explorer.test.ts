// The explorer's HTTP side: its page and assets come from this server and point nowhere else; tokens are
// minted only when an issuer is given (development), from JSON claims, refusing bad ones with a code.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFromClaims, type CallerClaims } from '@wales-lac/caller';
import { bundleExplorer, createExplorer, withoutExternalUrls, type ExplorerOptions } from './index.ts';

async function serve(options: ExplorerOptions): Promise<{ origin: string; server: Server }> {
  const explorer = createExplorer(options);
  const server = createServer((req, res) => {
    void explorer.handle(req, res, new URL(req.url ?? '/', 'http://localhost')).then((handled) => {
      if (!handled) res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const issued: CallerClaims[] = [];
let development: { origin: string; server: Server };
let production: { origin: string; server: Server };
beforeAll(async () => {
  development = await serve({
    issueToken: async (claims) => {
      callerFromClaims(claims); // refuses bad claims as issueDevToken does
      issued.push(claims);
      return 'signed-token';
    },
  });
  production = await serve({});
});
afterAll(async () => {
  await new Promise((resolve) => development?.server.close(resolve));
  await new Promise((resolve) => production?.server.close(resolve));
});

const askToken = (origin: string, body: string, type = 'application/json') =>
  fetch(`${origin}/explorer/token`, { method: 'POST', headers: { 'content-type': type }, body });

describe('the explorer page', () => {
  it('loads its script and stylesheet from this server only, under a policy that allows no other origin', async () => {
    const response = await fetch(`${development.origin}/explorer`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'; script-src 'self';/);
    const html = await response.text();
    expect(html).toContain('<script type="module" src="/explorer/explorer.js">');
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('tells the page where to get tokens only when it issues them', async () => {
    const settings = async (origin: string) =>
      JSON.parse(
        /<script type="application\/json" id="explorer-settings">(.*)<\/script>/.exec(await (await fetch(`${origin}/explorer`)).text())?.[1] ?? 'null',
      ) as { tokenPath: string | null; roles: string[] };
    expect((await settings(development.origin)).tokenPath).toBe('/explorer/token');
    expect((await settings(production.origin)).tokenPath).toBeNull();
    expect((await settings(production.origin)).roles).toContain('virtual-school-head');
  });
});

describe('development tokens', () => {
  it('are minted for the claims asked, with the subject `npm run token` would give', async () => {
    const response = await askToken(development.origin, JSON.stringify({ role: 'virtual-school-head', authority: 'W06000015', school: '', unknown: 'x' }));
    expect(await response.json()).toEqual({ token: 'signed-token' });
    expect(issued.at(-1)).toEqual({ role: 'virtual-school-head', authority: 'W06000015', sub: 'dev:virtual-school-head:W06000015' });
  });

  it('are refused for claims the gateway would refuse, naming why', async () => {
    const response = await askToken(development.origin, JSON.stringify({ role: 'designated-teacher', authority: 'W06000015' }));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: [{ message: "a designated-teacher must have a 'school' claim", extensions: { code: 'BAD_USER_INPUT' } }] });
  });

  it('are asked for in JSON only (another origin cannot send that without a preflight)', async () => {
    expect((await askToken(development.origin, 'role=learner', 'text/plain')).status).toBe(415);
    expect((await askToken(development.origin, '[1]')).status).toBe(400);
  });

  it('are never issued without an issuer (the production profile)', async () => {
    expect((await askToken(production.origin, JSON.stringify({ role: 'national-analyst' }))).status).toBe(404);
  });
});

describe('the bundle', () => {
  it('keeps XML namespace names and blanks every other web address', () => {
    expect(withoutExternalUrls('a("http://www.w3.org/2000/svg"),b="https://github.com/graphql/graphiql",c=`https://react.dev/errors/${n}`')).toBe(
      'a("http://www.w3.org/2000/svg"),b="#",c=`#${n}`',
    );
  });

  it('has no web address but those namespace names, in its script or its stylesheet', async () => {
    const { script, stylesheet } = await bundleExplorer();
    const text = new TextDecoder().decode(script) + new TextDecoder().decode(stylesheet);
    const addresses = new Set(text.match(/https?:\/\/[A-Za-z0-9.-]+[^"'`\s)]*/g));
    expect([...addresses].every((a) => a.startsWith('http://www.w3.org/'))).toBe(true);
    expect(script.byteLength).toBeGreaterThan(100_000);
  }, 60_000);
});
