// npm run audit:verify: checks every authority's audit hash chain (packages/db/src/audit-chain.ts) and names
// the first broken row of each. Exit 0 when every chain is intact, 1 when one is broken, 2 when one could not
// be checked. Read-only; uses the platform's configuration (DATABASE_URL, DATABASE_PREFIX, overrides), and
// with no DATABASE_URL the embedded server: the running platform's, or started here for the check.
import { canConnect, embeddedServerUrl, startEmbeddedServer, topologyOnServer, verifyAuditChainAt } from '@wales-lac/db';
import { authorityFact } from '@wales-lac/wales';
import { AUTHORITY_CODES, platformConfigFromEnv, type DatabaseSource } from './config.ts';

/** The server's URL, and how to let go of it (an embedded server started here is stopped again). */
async function server(source: DatabaseSource): Promise<{ url: string; release: () => Promise<void> }> {
  if (source.kind === 'server') return { url: source.url, release: async () => undefined };
  const url = embeddedServerUrl(source.port);
  if (await canConnect(url)) return { url, release: async () => undefined };
  const started = await startEmbeddedServer({ dataDir: source.dataDir, port: source.port });
  return { url: started.serverUrl, release: () => started.stop() };
}

async function main(): Promise<number> {
  const config = platformConfigFromEnv(process.env);
  const { url, release } = await server(config.databases);
  let worst = 0;
  try {
    const prefix = config.databases.kind === 'server' ? config.databases.prefix : 'wales_lac';
    const topology = topologyOnServer(url, prefix, AUTHORITY_CODES);
    for (const [code, base] of topology.authorities) {
      const name = `${code} ${authorityFact(code)?.nameEn ?? ''}`.trim();
      try {
        const report = await verifyAuditChainAt(config.databaseOverrides.get(code) ?? base);
        if (report.broken) {
          worst = Math.max(worst, 1);
          const at = report.broken.id > 0 ? `audit_log row ${report.broken.id} (position ${report.broken.position ?? 'none'})` : 'the chain head';
          console.log(`${name}: BROKEN at ${at}, after ${report.rows} intact rows: ${report.broken.reason}`);
        } else console.log(`${name}: intact, ${report.rows} rows`);
      } catch (error) {
        worst = 2;
        console.log(`${name}: could not be checked: ${(error as Error).message}`);
      }
    }
  } finally {
    await release();
  }
  return worst;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`audit:verify: ${(error as Error).message}`);
    process.exit(2);
  },
);
