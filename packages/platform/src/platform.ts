// The whole Wales graph in one process: 22 authority services (each its own HTTP server, config and
// pool), the reference service and the national gateway, over real PostgreSQL.
import { createAuthoritySubgraph, type AuthoritySubgraph } from '@wales-lac/authority-subgraph';
import {
  type CallerClaims,
  DEV_AUDIENCE,
  DEV_ISSUER,
  DEV_KEY_NAME,
  generateSigningKeyPair,
  issueDevToken,
  jwksKey,
  loadOrCreateKeyPair,
  type SigningKeyPair,
} from '@wales-lac/caller';
import { createGateway, loadSupergraph, type Gateway } from '@wales-lac/gateway';
import { createReferenceSubgraph, type ReferenceSubgraph } from '@wales-lac/reference-subgraph';
import { createBenchmarksSubgraph, type ReleaseBuilder } from '@wales-lac/benchmarks-subgraph';
import { join } from 'node:path';
import { ConfigurationError, type PlatformConfig } from './config.ts';
import { openPlatformDatabases, type PlatformDatabases } from './databases.ts';
import { telemetryFromSettings, type Telemetry } from '@wales-lac/telemetry';
import { platformAlerts, type PlatformAlerts } from './alerts.ts';
import { devMailPages, smtpSender, startMailCapture, type MailCapture } from './mail.ts';

export interface Platform {
  /** The gateway's GraphQL URL. */
  readonly url: string;
  readonly databases: PlatformDatabases;
  /** URL of each authority instance, by GSS code. */
  readonly authorityUrls: ReadonlyMap<string, string>;
  readonly referenceUrl: string;
  /** URL of each national service (reference, benchmarks), by subgraph name. */
  readonly serviceUrls: ReadonlyMap<string, string>;
  /** The local identity provider's keys (tokens for tests and `npm run token`). */
  readonly devIdentity: SigningKeyPair;
  /** The key subgraphs trust for gateway assertions. */
  readonly gatewayKeys: SigningKeyPair;
  /** The gateway's GET /metrics (null: METRICS_PORT=off); each subgraph serves its own at <its URL's origin>/metrics. */
  readonly metricsUrl: string | null;
  /** The daily alerts and the email outbox's dispatcher (decision 0029), on demand. */
  readonly alerts: PlatformAlerts;
  /** The development capture server (no SMTP_URL, development profile), shown at /dev/mail; null otherwise. */
  readonly mailCapture: MailCapture | null;
  /** Stops one authority's service (the rest keep running). */
  stopAuthority(code: string): Promise<void>;
  stop(): Promise<void>;
}

export interface PlatformOptions {
  readonly log?: (line: string) => void;
  /** The seed's "today" (ISO date); defaults to the real date. */
  readonly asOf?: string;
  /** Authorities served by processes started elsewhere: GSS code to URL; not started here. */
  readonly externalAuthorities?: ReadonlyMap<string, string>;
  /** A fixed gateway assertion key pair, for subgraphs started elsewhere that must trust it. */
  readonly gatewayKeys?: SigningKeyPair;
  /** Called with every statement an authority sends to its database. */
  readonly onAuthorityQuery?: (authorityCode: string, query: string) => void;
  /** How benchmark releases are built and audited (default: in a worker thread); tests inject a failing one. */
  readonly benchmarkReleaseBuilder?: ReleaseBuilder;
  /** Today's date as the authorities see it (ISO); a test moves it on to the next term. Default: the real date. */
  readonly today?: () => string;
  /** Where every service's traces and logs go (tests inject an in-memory exporter); default: from config.telemetry. */
  readonly telemetry?: Telemetry;
  /** The outbox dispatcher's clock (a test moves it past a retry's backoff). Default: the real time. */
  readonly now?: () => Date;
}

/** The explorer's role picker signs with the local provider's key: only when that provider is the one trusted. */
function explorerTokens(config: PlatformConfig, devIdentity: SigningKeyPair) {
  if (config.profile === 'production' || config.identityProvider) return {};
  return { issueToken: (claims: CallerClaims) => issueDevToken(devIdentity.privateKey, claims, { expiresIn: '8h' }) };
}

export async function startPlatform(config: PlatformConfig, options: PlatformOptions = {}): Promise<Platform> {
  const log = options.log ?? (() => undefined);
  // Checked again here (platformConfigFromEnv checks first): a config built in code must not slip the dev provider into production.
  if (config.profile === 'production' && !config.identityProvider)
    throw new ConfigurationError('PROFILE=production needs an identity provider: the development one is refused');
  const started = Date.now();
  const asOf = options.asOf ?? new Date().toISOString().slice(0, 10);
  const databases = await openPlatformDatabases({
    source: config.databases,
    overrides: config.databaseOverrides,
    seed: { ...config.seed, asOf },
    log,
    ...(options.onAuthorityQuery ? { onAuthorityQuery: options.onAuthorityQuery } : {}),
  });
  const devIdentity = await loadOrCreateKeyPair(join(config.dataDir, 'keys'), DEV_KEY_NAME);
  const gatewayKeys = options.gatewayKeys ?? (await generateSigningKeyPair());
  const external = options.externalAuthorities ?? new Map<string, string>();
  const telemetry = options.telemetry ?? telemetryFromSettings(config.telemetry);

  const services: { stop(): Promise<void> }[] = [];
  const authorities = new Map<string, AuthoritySubgraph>();
  let gateway: Gateway | null = null;
  let alerts: PlatformAlerts | null = null;
  let mailCapture: MailCapture | null = null;
  const stopAll = async () => {
    alerts?.stop();
    await mailCapture?.close();
    await gateway?.stop();
    await Promise.all(services.map((s) => s.stop().catch(() => undefined)));
    await databases.close();
    // Telemetry given by the caller is the caller's to shut down.
    if (!options.telemetry) await telemetry.shutdown();
  };
  try {
    const reference: ReferenceSubgraph = await createReferenceSubgraph({
      database: databases.national,
      gatewayPublicKey: gatewayKeys.publicKey,
      telemetry: telemetry.service({ service: 'reference' }),
    });
    services.push(reference);
    const referenceUrl = (await reference.listen(0)).url;
    const benchmarks = await createBenchmarksSubgraph({
      database: databases.national,
      anonymisedReaders: databases.anonymisedReaders,
      gatewayPublicKey: gatewayKeys.publicKey,
      refreshEveryMs: config.benchmarkRefreshMinutes * 60_000,
      rounding: config.benchmarkRounding,
      auditBudgetMs: config.benchmarkAuditSeconds * 1000,
      historyYears: config.benchmarkHistoryYears,
      protectionBatches: config.benchmarkProtectionBatches,
      log: (line) => log(`[benchmarks] ${line}`),
      telemetry: telemetry.service({ service: 'benchmarks' }),
      ...(options.benchmarkReleaseBuilder ? { releaseBuilder: options.benchmarkReleaseBuilder } : {}),
    });
    services.push(benchmarks);
    const benchmarksUrl = (await benchmarks.listen(0)).url;
    const authorityUrls = new Map<string, string>(external);
    for (const [code, connection] of databases.authorities) {
      if (external.has(code)) continue;
      const subgraph = await createAuthoritySubgraph({
        authorityCode: code,
        database: connection,
        gatewayPublicKey: gatewayKeys.publicKey,
        telemetry: telemetry.service({ service: 'authority', authority: code }),
        ...(options.today ? { today: options.today } : {}),
      });
      services.push(subgraph);
      authorities.set(code, subgraph);
      authorityUrls.set(code, (await subgraph.listen(0)).url);
    }
    const serviceUrls = new Map([
      ['reference', referenceUrl],
      ['benchmarks', benchmarksUrl],
    ]);
    const identity = config.identityProvider
      ? { issuer: config.identityProvider.issuer, audience: config.identityProvider.audience, key: jwksKey(config.identityProvider.jwksUrl) }
      : { issuer: DEV_ISSUER, audience: DEV_AUDIENCE, key: devIdentity.publicKey };
    // Alert emails: SMTP when configured; in development otherwise the local capture server at /dev/mail.
    const smtp = config.alerts.smtpUrl;
    if (!smtp && config.profile === 'development') mailCapture = await startMailCapture(config.alerts.capturePort);
    const smtpUrl = smtp ?? mailCapture?.smtpUrl ?? null;
    if (!smtpUrl) log('alerts: no SMTP_URL, so no email is sent (the outbox keeps the rows pending)');
    gateway = await createGateway({
      supergraphSdl: loadSupergraph(),
      authorities: authorityUrls,
      services: serviceUrls,
      identity,
      assertionPrivateKey: gatewayKeys.privateKey,
      subgraphTimeoutMs: config.subgraphTimeoutMs,
      limits: config.limits,
      ...(config.profile === 'production' ? { production: { developerRole: config.developerRole } } : {}),
      ...(config.explorer ? { explorer: explorerTokens(config, devIdentity) } : {}),
      ...(config.trustedDocuments ? { trustedDocuments: config.trustedDocuments } : {}),
      // One process: Node's own metrics once, with the gateway's.
      telemetry: telemetry.service({ service: 'gateway' }, { processMetrics: true, edge: true }),
      ...(mailCapture ? { devPages: devMailPages(mailCapture) } : {}),
    });
    const { url } = await gateway.listen(config.port, config.host);
    const siteUrl = config.alerts.platformUrl ?? new URL('/', url).toString();
    alerts = platformAlerts({
      authorities: new Map([...databases.authorities].filter(([code]) => !external.has(code))),
      today: options.today ?? (() => new Date().toISOString().slice(0, 10)),
      now: options.now ?? (() => new Date()),
      send: smtpUrl ? smtpSender(smtpUrl, config.alerts.mailFrom) : null,
      platformUrl: () => siteUrl,
      everyMinutes: config.alerts.everyMinutes,
      dispatchSeconds: config.alerts.dispatchSeconds,
      log: (line) => log(`[alerts] ${line}`),
    });
    const metricsUrl = config.metrics ? (await gateway.listenMetrics(config.metrics.port, config.metrics.host)).url : null;
    log(`platform ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return {
      url,
      databases,
      authorityUrls,
      referenceUrl,
      serviceUrls,
      devIdentity,
      gatewayKeys,
      metricsUrl,
      alerts,
      mailCapture,
      stopAuthority: async (code) => authorities.get(code)?.stop(),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll().catch(() => undefined);
    throw error;
  }
}
