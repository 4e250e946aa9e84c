// Every name the manifests share: a Deployment, its Service, its database cluster, the Secrets CloudNativePG
// makes, and the labels NetworkPolicies select on. Kept in one place so a policy and its target cannot drift.

export type ServiceKind = 'gateway' | 'authority' | 'reference' | 'benchmarks';

/** The port each service listens on in its container (its config module's default too). */
export const SERVICE_PORTS: Readonly<Record<ServiceKind, number>> = { gateway: 4000, authority: 4001, reference: 4002, benchmarks: 4003 };

/** The label every NetworkPolicy selects on: one value per workload. */
export const COMPONENT_LABEL = 'app.kubernetes.io/component';
export const PART_OF = { 'app.kubernetes.io/part-of': 'wales-lac' } as const;
/** CloudNativePG labels every instance pod of a cluster with its name. */
export const CNPG_CLUSTER_LABEL = 'cnpg.io/cluster';

/** Kubernetes names are lower case: W06000015 becomes authority-w06000015. */
export function authorityName(code: string): string {
  return `authority-${code.toLowerCase()}`;
}

/** An authority's daily alerts CronJob (decision 0033). */
export function alertsJobName(code: string): string {
  return `${authorityName(code)}-alerts`;
}

/** An authority's email outbox dispatcher Deployment (decision 0033). */
export function outboxDispatcherName(code: string): string {
  return `${authorityName(code)}-outbox`;
}

/** The bundles (packages/platform's ENTRY_POINTS) the authority image runs for them. */
export const ALERTS_BUNDLE = 'authority-alerts';
export const OUTBOX_BUNDLE = 'outbox-dispatcher';

export function databaseClusterName(workload: string): string {
  return `${workload}-db`;
}

export const NATIONAL_DATABASE = 'national-db';

/** The Secret CloudNativePG creates for a cluster's application owner; its `uri` key is a postgresql:// URL. */
export function appSecretName(cluster: string): string {
  return `${cluster}-app`;
}

/** The read-write Service CloudNativePG creates in front of a cluster's primary. */
export function readWriteHost(cluster: string): string {
  return `${cluster}-rw`;
}

/** The role benchmarks log in as on every authority database: it can read only the `anonymised` schema. */
export const ANONYMISED_READER_ROLE = 'benchmarks_reader';

/** Per authority: username/password of the anonymised reader (CloudNativePG sets the role's password from it) and `uri` (benchmarks logs in with it). */
export function anonymisedReaderSecretName(code: string): string {
  return `${authorityName(code)}-db-reader`;
}

export const GATEWAY_ASSERTION_PRIVATE_SECRET = 'gateway-assertion-private';
export const GATEWAY_ASSERTION_PUBLIC_SECRET = 'gateway-assertion-public';

/** Where a key Secret is mounted in a container, and the file inside it. */
export const KEY_MOUNTS = {
  assertionPrivate: { dir: '/etc/wales-lac/gateway-assertion', file: 'private.jwk.json' },
  assertionPublic: { dir: '/etc/wales-lac/gateway-assertion', file: 'public.jwk.json' },
} as const;

/** The Barman Cloud plugin's name, as Cluster.spec.plugins and ScheduledBackup name it. */
export const BARMAN_PLUGIN = 'barman-cloud.cloudnative-pg.io';

export function objectStoreName(cluster: string): string {
  return `${cluster}-backups`;
}

/** Where the image keeps the application (the Containerfile's WORKDIR). */
export const APP_DIR = '/app';

export function imageOf(registry: string, service: ServiceKind, tag: string): string {
  return `${registry}/${service}:${tag}`;
}
