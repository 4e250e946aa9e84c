// What differs between one deployment and another (deploy/kubernetes/settings.json): names, sizes,
// addresses. The authorities themselves come from @wales-lac/wales, the list every service checks
// against, so the manifests can never name an authority the gateway would refuse.
import { isAuthorityCode } from '@wales-lac/wales';
import { readDailyAlertsSettings, type DailyAlertsSettings } from './daily-alerts-settings.ts';

export interface DatabaseSize {
  /** PostgreSQL instances in the CloudNativePG cluster (1 primary + replicas). */
  readonly instances: number;
  /** Volume size of each instance, e.g. `5Gi`. */
  readonly storage: string;
}

/**
 * Bootstrap a database from its backups instead of empty (docs/operations.md, "Restoring an authority's
 * database"). The recovered cluster archives under a new server name: the old one's archive is the source.
 */
export interface Recovery {
  /** The server name whose base backups and WAL are read (the cluster's name when it was backed up). */
  readonly fromServerName: string;
  /** The server name the recovered cluster archives under from now on; never one already in the store. */
  readonly archiveAs: string;
  /** Replay WAL up to this instant (RFC 3339); absent: to the end of the archive. */
  readonly targetTime?: string;
}

export interface DeploymentSettings {
  readonly namespace: string;
  /** Images are `<registry>/<service>:<tag>`, built from the Containerfile's targets. */
  readonly images: { readonly registry: string; readonly tag: string };
  readonly identityProvider: { readonly issuer: string; readonly audience: string; readonly jwksUrl: string };
  /** Run only the registered operations (decision 0017; the manifest is in the gateway image). */
  readonly trustedDocuments: boolean;
  readonly gateway: { readonly minReplicas: number; readonly maxReplicas: number; readonly targetCpuPercent: number };
  readonly authorities: {
    readonly replicas: number;
    readonly database: DatabaseSize;
    /** Per GSS code: a database sized apart from the rest. */
    readonly overrides: Readonly<Record<string, { readonly database?: Partial<DatabaseSize>; readonly recovery?: Recovery }>>;
  };
  readonly national: { readonly database: DatabaseSize; readonly recovery?: Recovery };
  readonly backups: {
    /** An S3 (or S3-compatible) base path; each cluster writes under `<path>/<cluster name>/`. */
    readonly destinationPath: string;
    /** S3-compatible endpoint other than AWS's, or null. */
    readonly endpointUrl: string | null;
    /** Secret holding ACCESS_KEY_ID and ACCESS_SECRET_KEY for the object store. */
    readonly credentialsSecret: string;
    /** How long backups and WAL are kept, e.g. `30d`. */
    readonly retention: string;
    /** Six-field cron (seconds first), as ScheduledBackup takes it. */
    readonly schedule: string;
  };
  /** The PostgreSQL image of every database cluster (the platform is tested on PostgreSQL 15). */
  readonly postgresImage: string;
  /** Where the CloudNativePG operator runs: it must reach every database pod. */
  readonly operatorNamespace: string;
  /** Where the ingress controller runs: the only way into the gateway from outside. */
  readonly ingressNamespace: string;
  /** Where the cluster's DNS runs: pods whose egress is closed may still resolve Service names there. */
  readonly dnsNamespace: string;
  /** Each authority's daily alerts and outbox dispatcher (decision 0033). */
  readonly alerts: DailyAlertsSettings;
}

export class SettingsError extends Error {
  override readonly name = 'SettingsError';
}

type Json = Record<string, unknown>;

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const QUANTITY = /^[0-9]+(Mi|Gi|Ti)$/;

function object(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new SettingsError(`${path} must be an object`);
  return value as Json;
}

function text(from: Json, key: string, path: string, pattern?: RegExp): string {
  const value = from[key];
  if (typeof value !== 'string' || value === '') throw new SettingsError(`${path}.${key} must be a non-empty string`);
  if (pattern && !pattern.test(value)) throw new SettingsError(`${path}.${key} must match ${pattern}, got '${value}'`);
  return value;
}

function count(from: Json, key: string, path: string, min: number, max: number): number {
  const value = from[key];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    throw new SettingsError(`${path}.${key} must be a whole number from ${min} to ${max}`);
  return value;
}

function url(from: Json, key: string, path: string): string {
  const value = text(from, key, path);
  if (!/^https?:\/\//.test(value)) throw new SettingsError(`${path}.${key} must be an http(s) URL`);
  return value;
}

function databaseSize(value: unknown, path: string): DatabaseSize {
  const from = object(value, path);
  return { instances: count(from, 'instances', path, 1, 5), storage: text(from, 'storage', path, QUANTITY) };
}

function recovery(value: unknown, path: string): { recovery?: Recovery } {
  if (value === undefined) return {};
  const from = object(value, path);
  const fromServerName = text(from, 'fromServerName', path, DNS_LABEL);
  const archiveAs = text(from, 'archiveAs', path, DNS_LABEL);
  if (archiveAs === fromServerName)
    throw new SettingsError(`${path}.archiveAs must differ from fromServerName: a cluster may not archive into the archive it recovers from`);
  const targetTime =
    from['targetTime'] === undefined ? undefined : text(from, 'targetTime', path, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
  return { recovery: { fromServerName, archiveAs, ...(targetTime ? { targetTime } : {}) } };
}

function overrides(value: unknown, path: string): DeploymentSettings['authorities']['overrides'] {
  const from = object(value ?? {}, path);
  const result: Record<string, { database?: Partial<DatabaseSize>; recovery?: Recovery }> = {};
  for (const [code, entry] of Object.entries(from)) {
    if (!isAuthorityCode(code)) throw new SettingsError(`${path}.${code}: not a Welsh authority GSS code`);
    const override = object(entry, `${path}.${code}`);
    const database = object(override['database'] ?? {}, `${path}.${code}.database`);
    const size: { instances?: number; storage?: string } = {};
    if (database['instances'] !== undefined) size.instances = count(database, 'instances', `${path}.${code}.database`, 1, 5);
    if (database['storage'] !== undefined) size.storage = text(database, 'storage', `${path}.${code}.database`, QUANTITY);
    result[code] = { database: size, ...recovery(override['recovery'], `${path}.${code}.recovery`) };
  }
  return result;
}

/** Checks parsed settings.json, naming the first field that is wrong. */
export function readSettings(parsed: unknown): DeploymentSettings {
  const root = object(parsed, 'settings');
  const images = object(root['images'], 'images');
  const identity = object(root['identityProvider'], 'identityProvider');
  const gateway = object(root['gateway'], 'gateway');
  const authorities = object(root['authorities'], 'authorities');
  const backups = object(root['backups'], 'backups');
  const endpoint = backups['endpointUrl'];
  if (endpoint !== null && endpoint !== undefined) url(backups, 'endpointUrl', 'backups');
  if (typeof root['trustedDocuments'] !== 'boolean') throw new SettingsError('trustedDocuments must be true or false');
  const minReplicas = count(gateway, 'minReplicas', 'gateway', 1, 50);
  return {
    namespace: text(root, 'namespace', 'settings', DNS_LABEL),
    images: { registry: text(images, 'registry', 'images'), tag: text(images, 'tag', 'images', /^[\w][\w.-]{0,127}$/) },
    identityProvider: {
      issuer: text(identity, 'issuer', 'identityProvider'),
      audience: text(identity, 'audience', 'identityProvider'),
      jwksUrl: url(identity, 'jwksUrl', 'identityProvider'),
    },
    trustedDocuments: root['trustedDocuments'],
    gateway: {
      minReplicas,
      maxReplicas: count(gateway, 'maxReplicas', 'gateway', minReplicas, 100),
      targetCpuPercent: count(gateway, 'targetCpuPercent', 'gateway', 10, 100),
    },
    authorities: {
      replicas: count(authorities, 'replicas', 'authorities', 1, 10),
      database: databaseSize(authorities['database'], 'authorities.database'),
      overrides: overrides(authorities['overrides'], 'authorities.overrides'),
    },
    national: {
      database: databaseSize(object(root['national'], 'national')['database'], 'national.database'),
      ...recovery(object(root['national'], 'national')['recovery'], 'national.recovery'),
    },
    backups: {
      destinationPath: text(backups, 'destinationPath', 'backups', /^s3:\/\/\S+[^/]$/),
      endpointUrl: typeof endpoint === 'string' ? endpoint : null,
      credentialsSecret: text(backups, 'credentialsSecret', 'backups', DNS_LABEL),
      retention: text(backups, 'retention', 'backups', /^[1-9][0-9]*[dwm]$/),
      schedule: text(backups, 'schedule', 'backups', /^(\S+\s+){5}\S+$/),
    },
    postgresImage: text(root, 'postgresImage', 'settings', /^\S+:15[\w.-]*(@sha256:[0-9a-f]{64})?$/),
    operatorNamespace: text(root, 'operatorNamespace', 'settings', DNS_LABEL),
    ingressNamespace: text(root, 'ingressNamespace', 'settings', DNS_LABEL),
    dnsNamespace: text(root, 'dnsNamespace', 'settings', DNS_LABEL),
    alerts: readDailyAlertsSettings(object(root['alerts'], 'alerts'), { text, count, url, object, fail: (message) => new SettingsError(message) }),
  };
}

/** One authority's database size: the defaults with its override on top. */
export function authorityDatabaseSize(settings: DeploymentSettings, code: string): DatabaseSize {
  return { ...settings.authorities.database, ...settings.authorities.overrides[code]?.database };
}
