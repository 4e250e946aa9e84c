// Runs the national gateway as its own process (production). Every setting is required:
//   AUTHORITY_URLS="W06000001=https://...,W06000002=https://..."  REFERENCE_URL=https://...
//   GATEWAY_ASSERTION_PRIVATE_KEY='{"kty":"OKP","crv":"Ed25519",...}'  (its public half goes to every subgraph)
//   AUTH_ISSUER, AUTH_AUDIENCE, AUTH_JWKS_URL (the identity provider), PORT (default 4000)
import { importPrivateJwk, jwksKey } from '@wales-lac/caller';
import { isAuthorityCode } from '@wales-lac/wales';
import { createGateway } from './service.ts';
import { loadSupergraph } from './supergraph.ts';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

function authorityUrls(raw: string): Map<string, string> {
  const urls = new Map<string, string>();
  for (const pair of raw.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [code = '', url = ''] = pair.split('=');
    if (!isAuthorityCode(code)) throw new Error(`AUTHORITY_URLS: ${code} is not a Welsh authority GSS code`);
    urls.set(code, new URL(url).toString());
  }
  return urls;
}

async function main(): Promise<void> {
  const gateway = await createGateway({
    supergraphSdl: loadSupergraph(),
    authorities: authorityUrls(required('AUTHORITY_URLS')),
    services: new Map([['reference', new URL(required('REFERENCE_URL')).toString()]]),
    identity: { issuer: required('AUTH_ISSUER'), audience: required('AUTH_AUDIENCE'), key: jwksKey(required('AUTH_JWKS_URL')) },
    assertionPrivateKey: await importPrivateJwk(JSON.parse(required('GATEWAY_ASSERTION_PRIVATE_KEY')) as Parameters<typeof importPrivateJwk>[0]),
    subgraphTimeoutMs: Number(process.env['SUBGRAPH_TIMEOUT_MS'] ?? 5_000),
  });
  const { url } = await gateway.listen(Number(process.env['PORT'] ?? 4000), process.env['HOST'] ?? '0.0.0.0');
  console.log(`national gateway listening at ${url}`);
  process.on('SIGTERM', () => void gateway.stop().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(`gateway failed to start: ${(error as Error).message}`);
  process.exit(1);
});
