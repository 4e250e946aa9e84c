// npm run soak — normal and hostile traffic together against the whole platform for SOAK_SECONDS (default
// 600) or SOAK_MAX_REQUESTS, whichever comes first; a line of requests, heap, RSS and /health latency
// every SOAK_REPORT_SECONDS (30), then a verdict. Starts the platform itself (as `npm start`, at
// SOAK_SCALE, default full Wales, on 127.0.0.1 with a fresh data folder) or attaches to one on this machine
// (SOAK_URL, loopback only). Exit code 0 only when healthy; 2 for a bad setting (docs/operations.md).
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEV_KEY_NAME, issueDevToken, loadOrCreateKeyPair, type SigningKeyPair } from '@wales-lac/caller';
import { ask, CaseloadDocument } from '@wales-lac/client';
import { dropDatabases } from '@wales-lac/db';
import { ConfigurationError, platformConfigFromEnv, type PlatformConfig } from './config.ts';
import { startPlatform } from './platform.ts';
import { SoakObserver, probeHealth, type SoakWindow } from './soak/observer.ts';
import { soakSettingsFromEnv, type SoakSettings, type SoakTarget } from './soak/settings.ts';
import { hostileTraffic, normalTraffic, type SoakRequest, type SoakTokens } from './soak/traffic.ts';
import { hostileDocumentTraffic, normalDocumentTraffic } from './soak/document-traffic.ts';
import { outcomesText, verdict, windowLine } from './soak/verdict.ts';

const CARDIFF = 'W06000015';
const log = (line: string) => console.log(line);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Target {
  readonly url: string;
  readonly metricsUrl: string;
  readonly signingKey: SigningKeyPair['privateKey'];
  readonly limits: PlatformConfig['limits'];
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

/** The platform as `npm start` runs it, on loopback, with a fresh data folder (and databases) of its own. */
async function startTarget(scale: number): Promise<Target> {
  const dataDir = await mkdtemp(join(tmpdir(), 'wales-lac-soak-'));
  // The soak is about request traffic: background benchmark builds are off unless asked for.
  const env: Record<string, string | undefined> = {
    BENCHMARK_REFRESH_MINUTES: '0',
    BENCHMARK_HISTORY_YEARS: '0',
    LOG_LEVEL: 'warn',
    ...process.env,
    HOST: '127.0.0.1',
    PORT: '0',
    METRICS_HOST: '127.0.0.1',
    METRICS_PORT: '0',
    DATA_DIR: dataDir,
    SEED_SCALE: String(scale),
    DATABASE_PREFIX: `soak${Date.now().toString(36)}`,
    EMBEDDED_POSTGRES_PORT: String(await freePort()),
  };
  const config = platformConfigFromEnv(env);
  log(
    `[soak] starting the platform at scale ${scale} (${config.databases.kind === 'server' ? 'DATABASE_URL' : 'embedded PostgreSQL'}, fresh data in ${dataDir})`,
  );
  const started = performance.now();
  const platform = await startPlatform(config, { log: (line) => (line.includes('ready') ? log(`[soak] [platform] ${line}`) : undefined) });
  log(`[soak] platform ready in ${((performance.now() - started) / 1000).toFixed(1)} s: ${platform.url}`);
  return {
    url: platform.url,
    metricsUrl: platform.metricsUrl ?? '',
    signingKey: platform.devIdentity.privateKey,
    limits: config.limits,
    async stop() {
      await platform.stop();
      if (config.databases.kind === 'server') await dropDatabases(config.databases.url, platform.databases.topology);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A platform already running here; tokens are signed with the development key in its DATA_DIR, as `npm run token` does. */
async function attachTarget(target: Extract<SoakTarget, { kind: 'attach' }>): Promise<Target> {
  const config = platformConfigFromEnv(process.env);
  const keys = await loadOrCreateKeyPair(join(config.dataDir, 'keys'), DEV_KEY_NAME);
  log(`[soak] attaching to ${target.url} (metrics ${target.metricsUrl})`);
  return { url: target.url, metricsUrl: target.metricsUrl, signingKey: keys.privateKey, limits: config.limits, stop: async () => undefined };
}

/** Role tokens, and Cardiff children for the record and the learner's token (from the caseload's first page). */
async function setUp(target: Target): Promise<{ tokens: SoakTokens; children: string[] }> {
  const token = (claims: Parameters<typeof issueDevToken>[1]) => issueDevToken(target.signingKey, claims, { expiresIn: '2h' });
  const virtualSchoolHead = await token({ sub: 'soak-vsh', role: 'virtual-school-head', authority: CARDIFF });
  const first = await ask(target.url, CaseloadDocument, { first: 100, homeAuthority: CARDIFF }, { token: virtualSchoolHead });
  const children = first.data?.learners.edges.map((e) => e.node.id) ?? [];
  const child = children[0];
  if (!child) throw new Error(`the caseload gave no children: HTTP ${first.status} ${JSON.stringify(first.errors ?? []).slice(0, 300)}`);
  const tokens = {
    virtualSchoolHead,
    nationalAnalyst: await token({ sub: 'soak-analyst', role: 'national-analyst' }),
    learner: await token({ sub: `soak-learner`, role: 'learner', learner: child }),
  };
  return { tokens, children };
}

/** `clients` loops, each through `requests` in turn from its own offset, while `go()` says so. */
async function runClients(requests: readonly SoakRequest[], clients: number, go: () => boolean, observer: SoakObserver): Promise<void> {
  await Promise.all(
    Array.from({ length: requests.length ? clients : 0 }, async (_, client) => {
      for (let i = client; go(); i += 1) {
        const request = requests[i % requests.length];
        if (!request) continue;
        const started = performance.now();
        let outcome = await request.send();
        // A well-behaved client waits out Retry-After (1 s) when the gateway is busy (the hostile burst), up to three times.
        for (let retry = 0; !request.hostile && outcome === 'GATEWAY_BUSY' && retry < 3; retry += 1) {
          await sleep(1_000);
          outcome = await request.send();
        }
        observer.record(request, outcome, performance.now() - started);
      }
    }),
  );
}

/** p50, p99 and the slowest of a kind's times. */
function timesText(ms: readonly number[]): string {
  if (ms.length === 0) return 'no times';
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(0);
  return `p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${(sorted.at(-1) ?? 0).toFixed(0)} ms`;
}

function summary(observer: SoakObserver, requests: readonly SoakRequest[], seconds: number): string[] {
  const lines = [`[soak] summary: ${observer.requests.toLocaleString('en-GB')} requests in ${seconds.toFixed(0)} s`];
  for (const request of requests) {
    const outcomes = observer.byKind.get(request.kind) ?? new Map<string, number>();
    lines.push(
      `[soak]   ${request.hostile ? 'hostile' : 'normal '} ${request.kind} (expects ${request.expected.join(' or ')}): ${outcomesText(outcomes)}; ${timesText(observer.msByKind.get(request.kind) ?? [])}`,
    );
  }
  for (const surprise of observer.surprises) lines.push(`[soak]   unexpected: ${surprise}`);
  return lines;
}

async function soak(settings: SoakSettings, target: Target): Promise<boolean> {
  const { tokens, children } = await setUp(target);
  const normal = [...normalTraffic(target.url, tokens, children), ...normalDocumentTraffic(target.url, tokens, children)];
  const hostile = [...hostileTraffic(target.url, tokens), ...hostileDocumentTraffic(target.url, tokens, children, target.limits)];
  const healthUrl = new URL('/health', target.url).toString();
  const observer = new SoakObserver(healthUrl, target.metricsUrl);
  log(
    `[soak] ${settings.clients} normal and ${settings.hostileClients} hostile clients for ${settings.seconds} s or ${settings.maxRequests.toLocaleString('en-GB')} requests; ` +
      `a line every ${settings.reportSeconds} s; request cap ${target.limits.maxResponseBytes.toLocaleString('en-GB')} bytes, ${target.limits.maxInFlight} in flight (this process's settings)`,
  );
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  let sending = true;
  const go = () => sending && elapsed() < settings.seconds && observer.requests < settings.maxRequests;
  const windows: SoakWindow[] = [];
  const closeWindow = (endSeconds: number) => {
    const window = observer.endWindow(endSeconds);
    windows.push(window);
    log(windowLine(window));
  };
  // A probe a second; a window closes on the clock, however long a slow probe took.
  const sampling = (async () => {
    for (let next = 1; sending; next += 1) {
      await observer.sample();
      const due = (windows.length + 1) * settings.reportSeconds;
      if (elapsed() >= due) closeWindow(due);
      await sleep(Math.max(0, next * 1000 - (performance.now() - started)));
    }
  })();
  await Promise.all([runClients(normal, settings.clients, go, observer), runClients(hostile, settings.hostileClients, go, observer)]);
  sending = false;
  await sampling;
  // The last, partial window, if a probe saw it (its requests are in the summary either way).
  if (observer.probedThisWindow && Math.round(elapsed()) > (windows.at(-1)?.endSeconds ?? 0)) closeWindow(Math.round(elapsed()));
  const finalHealth = await fetch(healthUrl, { signal: AbortSignal.timeout(10_000) })
    .then((r) => r.status)
    .catch(() => null);
  const unexpected = observer.unexpectedTotal;
  const normalOk = normal.reduce((n, r) => n + (observer.byKind.get(r.kind)?.get('ok') ?? 0), 0);
  const result = verdict({ windows, finalHealthStatus: finalHealth, unexpected, normalOk, limits: settings });
  for (const line of [...summary(observer, [...normal, ...hostile], elapsed()), ...result.lines]) log(line);
  return result.healthy;
}

async function main(): Promise<number> {
  const settings = soakSettingsFromEnv(process.env);
  const target = settings.target.kind === 'start' ? await startTarget(settings.target.scale) : await attachTarget(settings.target);
  try {
    if ((await probeHealth(new URL('/health', target.url).toString())) === null) {
      log(`[soak] verdict: UNHEALTHY: ${target.url} does not answer /health with 200`);
      return 1;
    }
    return (await soak(settings, target)) ? 0 : 1;
  } finally {
    await target.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigurationError) console.error(`configuration: ${error.message}`);
    else console.error('[soak] verdict: UNHEALTHY:', error);
    process.exit(error instanceof ConfigurationError ? 2 : 1);
  },
);
