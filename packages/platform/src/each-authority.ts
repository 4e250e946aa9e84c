// The shape every per-authority operations command shares (audit:verify, alerts:run): find the platform's
// PostgreSQL server (DATABASE_URL's; with none, the running platform's embedded server, or one started here
// and stopped again), visit each authority's database in turn, report the worst exit code, and never leave a
// failure of one authority unreported or let it stop the others.
import { canConnect, embeddedServerUrl, startEmbeddedServer, topologyOnServer } from '@wales-lac/db';
import { authorityFact } from '@wales-lac/wales';
import { AUTHORITY_CODES, type DatabaseSource, type PlatformConfig } from './config.ts';

/** One authority's database, as a command visits it. */
export interface AuthorityDatabase {
  code: string;
  /** The code and English name, for the command's report line. */
  label: string;
  url: string;
}

/** A command's exit code: 0 done, 1 a finding (a broken chain), 2 could not be done. */
export type CommandExit = 0 | 1 | 2;

/** An authority's code and English name, for a command's report line. */
export function authorityLabel(code: string): string {
  return `${code} ${authorityFact(code)?.nameEn ?? ''}`.trim();
}

/** The server's URL, and how to let go of it (an embedded server started here is stopped again). */
async function server(source: DatabaseSource): Promise<{ url: string; release: () => Promise<void> }> {
  if (source.kind === 'server') return { url: source.url, release: async () => undefined };
  const url = embeddedServerUrl(source.port);
  if (await canConnect(url)) return { url, release: async () => undefined };
  const started = await startEmbeddedServer({ dataDir: source.dataDir, port: source.port });
  return { url: started.serverUrl, release: () => started.stop() };
}

/**
 * Visits every authority's database in code order. A visit that throws is reported as "could not be <verb>"
 * and counts as exit 2; the others still run. Returns the worst exit code.
 */
export async function forEachAuthorityDatabase(
  config: PlatformConfig,
  failedVerb: string,
  visit: (authority: AuthorityDatabase) => Promise<CommandExit>,
): Promise<CommandExit> {
  const { url, release } = await server(config.databases);
  let worst: CommandExit = 0;
  try {
    const prefix = config.databases.kind === 'server' ? config.databases.prefix : 'wales_lac';
    for (const [code, base] of topologyOnServer(url, prefix, AUTHORITY_CODES).authorities) {
      const label = authorityLabel(code);
      let exit: CommandExit;
      try {
        exit = await visit({ code, label, url: config.databaseOverrides.get(code) ?? base });
      } catch (error) {
        exit = 2;
        console.log(`${label}: could not be ${failedVerb}: ${(error as Error).message}`);
      }
      worst = Math.max(worst, exit) as CommandExit;
    }
  } finally {
    await release();
  }
  return worst;
}

/** Runs a command's main and exits with its code; an error that escapes it is one line and exit 2. */
export function runCommand(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      // A failed query's message names the query; its cause says why (the server refused, say).
      const cause = (error as Error).cause;
      console.error(`${name}: ${(error as Error).message}${cause instanceof Error ? ` (${cause.message})` : ''}`);
      process.exit(2);
    },
  );
}
