// Two authorities run as their own processes (as in production) behind the gateway; one hangs.
import { exportJWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKeyPair } from '@wales-lac/caller';
import { childPlacedOutOfCounty, type PlacedChild } from './support/fixtures.ts';
import { startAuthorityProcess, type AuthorityProcess } from './support/processes.ts';
import { freePort, startTestPlatform, type TestPlatform } from './support/platform.ts';

const GWYNEDD = 'W06000002';
const CONWY = 'W06000003';
const TIMEOUT_MS = 1500;

let platform: TestPlatform;
const processes = new Map<string, AuthorityProcess>();
let child: PlacedChild;

beforeAll(async () => {
  const gatewayKeys = await generateSigningKeyPair();
  const ports = new Map([
    [GWYNEDD, await freePort()],
    [CONWY, await freePort()],
  ]);
  platform = await startTestPlatform({
    gatewayKeys,
    externalAuthorities: new Map([...ports].map(([code, port]) => [code, `http://127.0.0.1:${port}/graphql`])),
    env: { SUBGRAPH_TIMEOUT_MS: String(TIMEOUT_MS) },
  });
  const publicJwk = JSON.stringify(await exportJWK(gatewayKeys.publicKey));
  for (const [code, port] of ports) {
    const databaseUrl = platform.databases.topology.authorities.get(code) ?? '';
    processes.set(code, await startAuthorityProcess({ AUTHORITY_CODE: code, DATABASE_URL: databaseUrl, PORT: String(port), GATEWAY_PUBLIC_KEY: publicJwk }));
  }
  child = await childPlacedOutOfCounty(platform, GWYNEDD);
});

afterAll(async () => {
  await Promise.all([...processes.values()].map((p) => p.stop()));
  await platform?.stop();
});

describe('authorities as separate processes', () => {
  it('serve their children through the gateway', async () => {
    const token = await platform.token({ sub: 'vsh', role: 'virtual-school-head', authority: GWYNEDD });
    const { body } = await platform.graphql(token, `{ learner(id: "${child.learnerId}") { id homeAuthority { nameCy } currentPlacement { authority { code } } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data?.learner).toEqual({ id: child.learnerId, homeAuthority: { nameCy: 'Gwynedd' }, currentPlacement: { authority: { code: child.hostAuthority } } });
  });

  it('answer without a hung authority within the bounded time, naming it', async () => {
    const token = await platform.token({ sub: 'vsh', role: 'virtual-school-head', authority: CONWY });
    processes.get(GWYNEDD)?.child.kill('SIGSTOP');
    try {
      const started = Date.now();
      const { body } = await platform.graphql(token, '{ learners(first: 100) { totalCount edges { node { id } } } }');
      const waited = Date.now() - started;
      expect(body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'AUTHORITY_UNAVAILABLE', authority: GWYNEDD }) })]);
      expect(body.errors?.[0]?.message).toContain(`did not answer within ${TIMEOUT_MS} ms`);
      const ids: string[] = body.data?.learners.edges.map((e: { node: { id: string } }) => e.node.id);
      expect(ids.some((id) => id.startsWith(CONWY))).toBe(true);
      expect(ids.some((id) => id.startsWith(GWYNEDD))).toBe(false);
      // Bounded: the timeout, not however long the hung process would take.
      expect(waited).toBeLessThan(TIMEOUT_MS + 5_000);
    } finally {
      processes.get(GWYNEDD)?.child.kill('SIGCONT');
    }
  });
});
