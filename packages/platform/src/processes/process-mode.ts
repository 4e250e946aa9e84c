// npm run start:processes: the whole platform as 25 OS processes on one machine, each started from its
// built entry point (dist/) exactly as production starts it, with only the settings it needs. This
// process brings the databases up (as `npm start` does: server, migrations, seed), writes the keys the
// services share by file, starts and supervises the services, and holds the embedded server.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEV_KEY_NAME, loadOrCreateKeyPair, type SigningKeyPair } from '@wales-lac/caller';
import { connectAuthorityDatabase, type DatabaseTopology } from '@wales-lac/db';
import { platformAlerts, type PlatformAlerts } from '../alerts.ts';
import { smtpSender } from '../mail.ts';
import { AUTHORITY_CODES, REPOSITORY_ROOT } from '../config.ts';
import { openPlatformDatabases } from '../databases.ts';
import type { ProcessModeConfig } from './config.ts';
import { superviseProcess, type ProcessSpec, type SupervisedProcess } from './supervised-process.ts';

export interface ProcessMode {
  /** The gateway's GraphQL URL. */
  readonly url: string;
  /** Every service by name: `gateway`, `reference`, `benchmarks`, and each authority's GSS code. */
  readonly processes: ReadonlyMap<string, SupervisedProcess>;
  readonly topology: DatabaseTopology;
  readonly devIdentity: SigningKeyPair;
  /** The gateway's whole environment (file paths, no key material): a benchmark starts more gateways from it. */
  readonly gatewayEnv: Readonly<Record<string, string>>;
  /** The daily alerts and the email outbox's dispatcher (decision 0029), on the same schedule as `npm start`. */
  readonly alerts: PlatformAlerts;
  stop(): Promise<void>;
}

export interface ProcessModeOptions {
  readonly log?: (line: string) => void;
  /** Where the built entry points are (default: dist/ in the repository). */
  readonly distDir?: string;
  readonly asOf?: string;
}

const GATEWAY_KEY_NAME = 'gateway-assertion';
/** Services started at once: more only queue for the same two cores and slow every start. */
const STARTING_AT_ONCE = 4;

/** Writes the public half beside the private key file, for the services that only verify. */
async function publicKeyFile(dir: string, name: string, pair: SigningKeyPair): Promise<string> {
  const file = join(dir, `${name}.public.jwk.json`);
  await writeFile(file, JSON.stringify(pair.publicJwk), { mode: 0o644 });
  return file;
}

async function inBatches<T, R>(items: readonly T[], size: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) results.push(...(await Promise.all(items.slice(i, i + size).map(run))));
  return results;
}

export async function startProcessMode(config: ProcessModeConfig, options: ProcessModeOptions = {}): Promise<ProcessMode> {
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const distDir = options.distDir ?? join(REPOSITORY_ROOT, 'dist');
  const entry = (service: string) => {
    const file = join(distDir, `${service}.mjs`);
    if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build first`);
    return file;
  };
  const entries = { gateway: entry('gateway'), authority: entry('authority'), reference: entry('reference'), benchmarks: entry('benchmarks') };

  const databases = await openPlatformDatabases({
    source: config.databases,
    overrides: config.databaseOverrides,
    seed: { ...config.seed, asOf: options.asOf ?? new Date().toISOString().slice(0, 10) },
    log,
  });
  // Migrated and seeded: the services open their own pools; this process keeps only the server.
  await databases.closeConnections();
  const keysDir = join(config.dataDir, 'keys');
  const devIdentity = await loadOrCreateKeyPair(keysDir, DEV_KEY_NAME);
  const gatewayKeys = await loadOrCreateKeyPair(keysDir, GATEWAY_KEY_NAME);
  const gatewayPublicKeyFile = await publicKeyFile(keysDir, GATEWAY_KEY_NAME, gatewayKeys);
  const devPublicKeyFile = await publicKeyFile(keysDir, DEV_KEY_NAME, devIdentity);

  const processes = new Map<string, SupervisedProcess>();
  const base = config.serviceBasePort;
  const portAt = (offset: number) => (base === 0 ? 0 : base + offset);
  // Every service traces to the same collector (when tracing is on) and logs at the same level.
  const { traces, logLevel } = config.telemetry;
  const telemetryEnv: Record<string, string> = {
    LOG_LEVEL: logLevel,
    ...(traces ? { OTEL_TRACES: 'otlp', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: traces.url, OTEL_TRACES_SAMPLER_ARG: String(traces.sampleRatio) } : {}),
  };
  const spec = (name: string, file: string, port: number, env: Record<string, string>): ProcessSpec => ({
    name,
    entry: file,
    port,
    env: { HOST: '127.0.0.1', GATEWAY_PUBLIC_KEY_FILE: gatewayPublicKeyFile, MIGRATE: 'false', ...telemetryEnv, ...env },
    backoff: config.restartBackoff,
    log,
  });
  const benchmarksSpec = spec('benchmarks', entries.benchmarks, portAt(1), {
    DATABASE_URL: databases.topology.national,
    DATABASE_POOL_SIZE: '2',
    BENCHMARK_REFRESH_MINUTES: String(config.benchmarkRefreshMinutes),
    BENCHMARK_ROUNDING: config.benchmarkRounding,
    BENCHMARK_AUDIT_SECONDS: String(config.benchmarkAuditSeconds),
    BENCHMARK_HISTORY_YEARS: String(config.benchmarkHistoryYears),
    BENCHMARK_PROTECTION_BATCHES: String(config.benchmarkProtectionBatches),
    ...Object.fromEntries([...databases.anonymisedReaders].map(([code, url]) => [`ANONYMISED_READER_URL_${code}`, url])),
  });
  const specs: [string, ProcessSpec][] = [
    ['reference', spec('reference', entries.reference, portAt(0), { DATABASE_URL: databases.topology.national, DATABASE_POOL_SIZE: '2' })],
    ...AUTHORITY_CODES.map((code, i): [string, ProcessSpec] => [
      code,
      spec(`authority ${code}`, entries.authority, portAt(2 + i), {
        AUTHORITY_CODE: code,
        DATABASE_URL: databases.topology.authorities.get(code) ?? '',
        DATABASE_POOL_SIZE: '3',
      }),
    ]),
  ];
  // The supervisor runs the alerts, as `npm start` does: one connection to each authority's database, used
  // only by the daily run and the outbox dispatcher (never by a request). No mail capture here: with no
  // SMTP_URL the outbox keeps its rows pending.
  const alertConnections = new Map(AUTHORITY_CODES.map((code) => [code, connectAuthorityDatabase(databases.topology.authorities.get(code) ?? '', { max: 1 })]));
  let siteUrl = config.alerts.platformUrl ?? `http://${config.host}:${config.port}/`;
  const alerts = platformAlerts({
    authorities: alertConnections,
    today: () => new Date().toISOString().slice(0, 10),
    now: () => new Date(),
    send: config.alerts.smtpUrl ? smtpSender(config.alerts.smtpUrl, config.alerts.mailFrom) : null,
    platformUrl: () => siteUrl,
    everyMinutes: config.alerts.everyMinutes,
    dispatchSeconds: config.alerts.dispatchSeconds,
    log: (line) => log(`[alerts] ${line}`),
  });
  if (!config.alerts.smtpUrl) log('[alerts] no SMTP_URL, so no email is sent (the outbox keeps the rows pending)');
  const stop = async () => {
    alerts.stop();
    await Promise.all([...alertConnections.values()].map((c) => c.close()));
    const gateway = processes.get('gateway');
    await gateway?.stop();
    await Promise.all([...processes.values()].filter((p) => p !== gateway).map((p) => p.stop()));
    await databases.close();
  };
  let benchmarks: Promise<unknown> = Promise.resolve();
  try {
    // Benchmarks may build a release before it listens (tens of seconds at full scale): the others start meanwhile.
    benchmarks = superviseProcess(benchmarksSpec).then((p) => processes.set('benchmarks', p));
    benchmarks.catch(() => undefined);
    await inBatches(specs, STARTING_AT_ONCE, async ([key, s]) => processes.set(key, await superviseProcess(s)));
    await benchmarks;
    const urlOf = (key: string) => processes.get(key)?.url ?? '';
    const identity: Record<string, string> = config.identityProvider
      ? { AUTH_ISSUER: config.identityProvider.issuer, AUTH_AUDIENCE: config.identityProvider.audience, AUTH_JWKS_URL: config.identityProvider.jwksUrl }
      : { DEV_IDENTITY_PUBLIC_KEY_FILE: devPublicKeyFile };
    const gatewayEnv: Record<string, string> = {
      HOST: config.host,
      GATEWAY_WORKERS: String(config.gatewayWorkers),
      GATEWAY_ASSERTION_PRIVATE_KEY_FILE: join(keysDir, `${GATEWAY_KEY_NAME}.private.jwk.json`),
      REFERENCE_URL: urlOf('reference'),
      BENCHMARKS_URL: urlOf('benchmarks'),
      SUBGRAPH_TIMEOUT_MS: String(config.subgraphTimeoutMs),
      PROFILE: config.profile,
      ...(config.developerRole ? { DEVELOPER_ROLE: config.developerRole } : {}),
      EXPLORER: config.explorer ? 'on' : 'off',
      TRUSTED_DOCUMENTS: config.trustedDocumentsPath ?? 'off',
      LIMIT_DEPTH: String(config.limits.maxDepth),
      LIMIT_ALIASES: String(config.limits.maxAliases),
      LIMIT_DIRECTIVES: String(config.limits.maxDirectives),
      LIMIT_TOKENS: String(config.limits.maxTokens),
      LIMIT_COST: String(config.limits.maxCost),
      LIMIT_RESPONSE_BYTES: String(config.limits.maxResponseBytes),
      REQUEST_TIME_BUDGET_MS: String(config.limits.timeBudgetMs),
      LIMIT_IN_FLIGHT_REQUESTS: String(config.limits.maxInFlight),
      ...identity,
      ...telemetryEnv,
      ...(config.metrics ? { METRICS_PORT: String(config.metrics.port), METRICS_HOST: config.metrics.host } : { METRICS_PORT: 'off' }),
      ...Object.fromEntries(AUTHORITY_CODES.map((code) => [`AUTHORITY_URL_${code}`, urlOf(code)])),
    };
    const gateway = await superviseProcess({
      name: 'gateway',
      entry: entries.gateway,
      port: config.port,
      env: gatewayEnv,
      backoff: config.restartBackoff,
      log,
    });
    processes.set('gateway', gateway);
    log(`[supervisor] ${processes.size} processes up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (!config.alerts.platformUrl) siteUrl = new URL('/', gateway.url).toString();
    return { url: gateway.url, processes, topology: databases.topology, devIdentity, gatewayEnv, alerts, stop };
  } catch (error) {
    // Let a benchmarks start still under way finish, so that it is stopped too.
    await benchmarks.catch(() => undefined);
    await stop().catch(() => undefined);
    throw error;
  }
}
