// PROFILE=production (docs/api.md, "Profiles"): the development identity provider is refused at start-up;
// behind a real issuer (a JWKS served here, of a key pair made here) introspection and field suggestions are
// closed except for DEVELOPER_ROLE, and automatic persisted queries are refused. The development profile keeps
// all of these open: the last describe starts a second platform on the same databases to show it. Captured
// mail (/dev/mail) is served in development only.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey } from 'jose';
import { callerFromClaims, claimsOfCaller, type CallerClaims } from '@wales-lac/caller';
import { ConfigurationError } from '@wales-lac/platform';
import { startTestPlatform, type GraphQLAnswer, type TestPlatform } from './support/platform.ts';

const ISSUER = 'https://identity.test.invalid/';
const AUDIENCE = 'urn:test:wales-lac-gateway';
const DEVELOPER_ROLE = 'national-analyst';
const CARDIFF = 'W06000015';
const TYPO = '{ lerners(first: 1) { totalCount } }';
const INTROSPECTION = '{ __schema { queryType { name } } }';

let issuer: { server: Server; jwksUrl: string; privateKey: CryptoKey };
let platform: TestPlatform;

/** A stand-in for the production identity provider: its JWKS over HTTP, and tokens signed with its key. */
async function startIssuer(): Promise<typeof issuer> {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'test-1', alg: 'ES256', use: 'sig' }] });
  const server = createServer((_, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(jwks));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, privateKey, jwksUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json` };
}

const issued = (claims: CallerClaims) =>
  new SignJWT(claimsOfCaller(callerFromClaims(claims)))
    .setProtectedHeader({ alg: 'ES256', kid: 'test-1' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(issuer.privateKey);

/** POSTs a GraphQL request body as a client would, e.g. an APQ hash with no query. */
async function post(on: TestPlatform, token: string, body: Record<string, unknown>): Promise<GraphQLAnswer> {
  const response = await fetch(on.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as GraphQLAnswer['body'] };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const apq = (query: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } });

beforeAll(async () => {
  issuer = await startIssuer();
  platform = await startTestPlatform({
    // EXPLORER=on: off by default in production (packages/platform's config test), here to show it issues no tokens.
    env: {
      PROFILE: 'production',
      DEVELOPER_ROLE,
      AUTH_ISSUER: ISSUER,
      AUTH_AUDIENCE: AUDIENCE,
      AUTH_JWKS_URL: issuer.jwksUrl,
      BENCHMARK_REFRESH_MINUTES: '0',
      EXPLORER: 'on',
    },
  });
});
afterAll(async () => {
  await platform?.stop();
  await new Promise((resolve) => issuer?.server.close(resolve));
});

describe('start-up in the production profile', () => {
  it.each<Record<string, string>>([{ PROFILE: 'production' }, { NODE_ENV: 'production' }])(
    'is refused with the development identity provider (%o)',
    async (env) => {
      const refused = startTestPlatform({ env });
      await expect(refused).rejects.toBeInstanceOf(ConfigurationError);
      await expect(refused).rejects.toThrow(/development one is refused/);
    },
  );

  it('accepts a token of the configured issuer and not one of the development provider', async () => {
    const ok = await platform.graphql(await issued({ sub: 'vsh', role: 'virtual-school-head', authority: CARDIFF }), '{ me { role } }');
    expect(ok.body.data?.me).toEqual({ role: 'VIRTUAL_SCHOOL_HEAD' });
    const dev = await platform.graphql(await platform.token({ sub: 'vsh', role: 'virtual-school-head', authority: CARDIFF }), '{ me { role } }');
    expect(dev.status).toBe(401);
    expect(dev.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('introspection and field suggestions in the production profile', () => {
  const ordinary: [string, CallerClaims][] = [
    ['virtual-school-head', { sub: 'vsh', role: 'virtual-school-head', authority: CARDIFF }],
    ['learner', { sub: 'child', role: 'learner', learner: `${CARDIFF}:L000001` }],
  ];

  it.each(ordinary)('are closed to a %s', async (_, claims) => {
    const token = await issued(claims);
    for (const query of [
      INTROSPECTION,
      '{ __type(name: "Learner") { fields { name } } }',
      `query { me { role } ...Peek } fragment Peek on Query { __schema { types { name } } }`,
    ]) {
      const { status, body } = await platform.graphql(token, query);
      expect(status).toBe(403);
      expect(body.data ?? null).toBeNull();
      expect(body.errors).toHaveLength(1);
      expect(body.errors?.[0]?.extensions?.code).toBe('INTROSPECTION_DISABLED');
    }
    const typo = await platform.graphql(token, TYPO);
    expect(typo.status).toBe(400);
    expect(typo.body.errors?.[0]?.message).toBe('Cannot query field "lerners" on type "Query".');
    const argument = await platform.graphql(token, '{ learners(frist: 1) { totalCount } }');
    expect(argument.body.errors?.map((e) => e.message).join(' ')).not.toMatch(/Did you mean/);
    // `__typename` is not introspection.
    expect((await platform.graphql(token, '{ __typename }')).body.data).toEqual({ __typename: 'Query' });
  });

  it(`stay open to the developer role (${DEVELOPER_ROLE})`, async () => {
    const token = await issued({ sub: 'developer', role: DEVELOPER_ROLE });
    const schema = await platform.graphql(token, INTROSPECTION);
    expect(schema.status).toBe(200);
    expect(schema.body.data?.__schema).toEqual({ queryType: { name: 'Query' } });
    const typo = await platform.graphql(token, TYPO);
    expect(typo.body.errors?.[0]?.message).toMatch(/Did you mean "learners"/);
  });
});

describe('automatic persisted queries in the production profile', () => {
  it('are refused, whether registering or using a hash', async () => {
    const token = await issued({ sub: 'vsh', role: 'virtual-school-head', authority: CARDIFF });
    const query = '{ me { role } }';
    for (const body of [apq(query), { query, ...apq(query) }]) {
      const answer = await post(platform, token, body);
      expect(answer.status).toBe(400);
      expect(answer.body.data ?? null).toBeNull();
      expect(answer.body.errors?.map((e) => e.extensions?.code)).toEqual(['PERSISTED_QUERY_NOT_SUPPORTED']);
    }
    expect((await post(platform, token, { query })).body.data?.me).toEqual({ role: 'VIRTUAL_SCHOOL_HEAD' });
  });
});

describe('the explorer in the production profile', () => {
  it('is served when configured, asking for a token to paste: it never issues one', async () => {
    const page = await fetch(new URL('/explorer', platform.url));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('"tokenPath":null');
    expect(
      (
        await fetch(new URL('/explorer/token', platform.url), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"role":"national-analyst"}',
        })
      ).status,
    ).toBe(404);
  });

  it("sends a browser at /graphql there, not to Apollo's landing page from a CDN", async () => {
    const response = await fetch(platform.url, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/explorer');
  });
});

describe('captured mail in the production profile', () => {
  it('is never served: /dev/mail and /dev/mail.json are not there, and no capture server was started', async () => {
    expect(platform.mailCapture).toBeNull();
    for (const path of ['/dev/mail', '/dev/mail.json']) {
      const response = await fetch(new URL(path, platform.url));
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).not.toContain('Captured mail');
    }
  });
});

describe('the development profile, on the same databases', () => {
  let development: TestPlatform;
  beforeAll(async () => {
    // The same prefix: the databases are already migrated and seeded. Stopping either platform drops them (if they exist).
    development = await startTestPlatform({
      env: { DATABASE_PREFIX: new URL(platform.databases.topology.national).pathname.slice(1).replace(/_national$/, ''), BENCHMARK_REFRESH_MINUTES: '0' },
    });
  });
  afterAll(async () => development?.stop());

  it('keeps introspection, suggestions and automatic persisted queries open to any role', async () => {
    const token = await development.token({ sub: 'child', role: 'learner', learner: `${CARDIFF}:L000001` });
    expect((await development.graphql(token, INTROSPECTION)).body.data?.__schema).toEqual({ queryType: { name: 'Query' } });
    expect((await development.graphql(token, TYPO)).body.errors?.[0]?.message).toMatch(/Did you mean "learners"/);
    const query = '{ me { role } }';
    const unknown = await post(development, token, apq(query));
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await post(development, token, { query, ...apq(query) })).body.data?.me).toEqual({ role: 'LEARNER' });
    expect((await post(development, token, apq(query))).body.data?.me).toEqual({ role: 'LEARNER' });
  });

  it('serves the captured mail at /dev/mail (no SMTP_URL)', async () => {
    expect(development.mailCapture).not.toBeNull();
    const response = await fetch(new URL('/dev/mail.json', development.url));
    expect(response.status).toBe(200);
    expect(await response.json()).toHaveProperty('mails');
  });
});
