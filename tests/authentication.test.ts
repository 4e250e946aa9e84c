// Nobody reaches a child's record without a valid identity token, and nobody reaches an authority
// service except through the gateway.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASSERTION_HEADER, createAssertionSigner, generateSigningKeyPair, issueDevToken } from '@wales-lac/caller';
import { startTestPlatform, type TestPlatform } from './support/platform.ts';

const CARDIFF = 'W06000015';
const QUERY = '{ learners(first: 1) { edges { node { id legalGivenName } } } }';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => platform?.stop());

describe('identity tokens at the gateway', () => {
  it('gives health without a token', async () => {
    expect((await fetch(new URL('/health', platform.url))).status).toBe(200);
  });

  it.each([
    ['no token', async () => null, /Authorization: Bearer/],
    ['a malformed token', async () => 'not.a.jwt', /malformed/],
    [
      'a token signed by an unknown key',
      async () => issueDevToken((await generateSigningKeyPair()).privateKey, { sub: 'x', role: 'virtual-school-head', authority: CARDIFF }),
      /signature/,
    ],
    ['an expired token', async () => platform.token({ sub: 'x', role: 'virtual-school-head', authority: CARDIFF }, { expiresIn: '-1m' }), /expired/],
    [
      'a token for another audience',
      async () => platform.token({ sub: 'x', role: 'virtual-school-head', authority: CARDIFF }, { audience: 'urn:other' }),
      /'aud'/,
    ],
  ])('refuses %s with 401 UNAUTHENTICATED and no data', async (_, makeToken, reason) => {
    const { status, body } = await platform.graphql(await makeToken(), QUERY);
    expect(status).toBe(401);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(body.errors?.[0]?.message).toMatch(reason);
  });
});

describe('an authority service called directly', () => {
  const cardiffUrl = () => platform.authorityUrls.get(CARDIFF) ?? '';
  const body = JSON.stringify({ query: '{ learners(first: 1) { edges { node { id legalGivenName } } } }' });
  const post = (headers: Record<string, string>, payload = body) =>
    fetch(cardiffUrl(), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: payload });

  it('refuses a request without the gateway assertion, even with a valid identity token', async () => {
    const token = await platform.token({ sub: 'x', role: 'virtual-school-head', authority: CARDIFF });
    const response = await post({ authorization: `Bearer ${token}` });
    expect(response.status).toBe(401);
    const answer = (await response.json()) as { data?: unknown; errors: { extensions: { code: string } }[] };
    expect(answer.data).toBeUndefined();
    expect(answer.errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a forged assertion, one replayed, and one made for another body or authority', async () => {
    const caller = { subject: 'x', role: 'virtual-school-head', authorityCode: CARDIFF, schoolId: null, learnerId: null, regionCode: null } as const;
    const forged = await createAssertionSigner((await generateSigningKeyPair()).privateKey)(caller, `authority:${CARDIFF}`, body);
    expect((await post({ [ASSERTION_HEADER]: forged })).status).toBe(401);

    const sign = createAssertionSigner(platform.gatewayKeys.privateKey);
    const genuine = await sign(caller, `authority:${CARDIFF}`, body);
    expect((await post({ [ASSERTION_HEADER]: genuine })).status).toBe(200);
    expect((await post({ [ASSERTION_HEADER]: genuine })).status).toBe(401);

    const otherBody = await sign(caller, `authority:${CARDIFF}`, body);
    expect((await post({ [ASSERTION_HEADER]: otherBody }, JSON.stringify({ query: '{ learners(first: 100) { edges { node { id upn } } } }' }))).status).toBe(
      401,
    );
    const otherAuthority = await sign(caller, 'authority:W06000001', body);
    expect((await post({ [ASSERTION_HEADER]: otherAuthority })).status).toBe(401);
  });
});
