// npm run audit:verify: checks every authority's audit hash chain (packages/db/src/audit-chain.ts) and names
// the first broken row of each. Exit 0 when every chain is intact, 1 when one is broken, 2 when one could not
// be checked. Read-only; uses the platform's configuration (DATABASE_URL, DATABASE_PREFIX, overrides), and
// with no DATABASE_URL the embedded server: the running platform's, or started here for the check.
import { verifyAuditChainAt } from '@wales-lac/db';
import { platformConfigFromEnv } from './config.ts';
import { forEachAuthorityDatabase, runCommand } from './each-authority.ts';

runCommand('audit:verify', () =>
  forEachAuthorityDatabase(platformConfigFromEnv(process.env), 'checked', async ({ label, url }) => {
    const report = await verifyAuditChainAt(url);
    if (!report.broken) {
      console.log(`${label}: intact, ${report.rows} rows`);
      return 0;
    }
    const at = report.broken.id > 0 ? `audit_log row ${report.broken.id} (position ${report.broken.position ?? 'none'})` : 'the chain head';
    console.log(`${label}: BROKEN at ${at}, after ${report.rows} intact rows: ${report.broken.reason}`);
    return 1;
  }),
);
