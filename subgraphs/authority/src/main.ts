// Runs one authority's service as its own process (how production runs each of the 22).
// AUTHORITY_CODE=W06000015 DATABASE_URL=postgres://... GATEWAY_PUBLIC_KEY='{"kty":"OKP",...}' PORT=4101 tsx subgraphs/authority/src/main.ts
import { importPublicJwk } from '@wales-lac/caller';
import { connectAuthorityDatabase, migrateAuthorityDatabase } from '@wales-lac/db';
import { isAuthorityCode } from '@wales-lac/wales';
import { createAuthoritySubgraph } from './service.ts';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

async function main(): Promise<void> {
  const authorityCode = required('AUTHORITY_CODE');
  if (!isAuthorityCode(authorityCode)) throw new Error(`AUTHORITY_CODE ${authorityCode} is not a Welsh authority GSS code`);
  const port = Number(process.env['PORT'] ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('PORT must be a port number');
  const gatewayPublicKey = await importPublicJwk(JSON.parse(required('GATEWAY_PUBLIC_KEY')) as Parameters<typeof importPublicJwk>[0]);
  const database = connectAuthorityDatabase(required('DATABASE_URL'));
  await migrateAuthorityDatabase(database.db);
  const subgraph = await createAuthoritySubgraph({ authorityCode, database, gatewayPublicKey });
  const { url } = await subgraph.listen(port, process.env['HOST'] ?? '127.0.0.1');
  // The line a supervisor (or a test) waits for.
  console.log(`authority ${authorityCode} listening at ${url}`);
  const stop = async () => {
    await subgraph.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  console.error(`authority service failed to start: ${(error as Error).message}`);
  process.exit(1);
});
