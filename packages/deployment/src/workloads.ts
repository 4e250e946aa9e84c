// Each service's Deployment and Service, with exactly the settings its config module reads (the tests run
// those modules over these environments).
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IService } from 'kubernetes-models/v1/Service';
import type { IEnvVar as EnvVar } from 'kubernetes-models/v1/EnvVar';
import {
  APP_DIR,
  GATEWAY_ASSERTION_PRIVATE_SECRET,
  GATEWAY_ASSERTION_PUBLIC_SECRET,
  KEY_MOUNTS,
  NATIONAL_DATABASE,
  SERVICE_PORTS,
  anonymisedReaderSecretName,
  appSecretName,
  authorityName,
  databaseClusterName,
  type ServiceKind,
} from './names.ts';
import { fromSecret, labelsOf, podTemplate, selectorOf, value, type KeyMount } from './pods.ts';
import type { DeploymentSettings } from './settings.ts';

/** Where the gateway image keeps the registered operations (the Containerfile copies them there). */
export const TRUSTED_DOCUMENTS_PATH = `${APP_DIR}/packages/client/trusted-documents.json`;

const PUBLIC_KEY: KeyMount = { secret: GATEWAY_ASSERTION_PUBLIC_SECRET, key: KEY_MOUNTS.assertionPublic.file, dir: KEY_MOUNTS.assertionPublic.dir };
const PRIVATE_KEY: KeyMount = { secret: GATEWAY_ASSERTION_PRIVATE_SECRET, key: KEY_MOUNTS.assertionPrivate.file, dir: KEY_MOUNTS.assertionPrivate.dir };

export function serviceUrl(component: string, kind: ServiceKind): string {
  return `http://${component}:${SERVICE_PORTS[kind]}/graphql`;
}

function listening(kind: ServiceKind): EnvVar[] {
  return [value('HOST', '0.0.0.0'), value('PORT', String(SERVICE_PORTS[kind]))];
}

const verifiesAssertions = value('GATEWAY_PUBLIC_KEY_FILE', `${PUBLIC_KEY.dir}/${PUBLIC_KEY.key}`);

/** `replicas` null: an autoscaler owns the count, and applying the manifest again must not reset it. */
function deployment(
  settings: DeploymentSettings,
  kind: ServiceKind,
  component: string,
  replicas: number | null,
  env: EnvVar[],
  keyMount: KeyMount,
): IDeployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: component, namespace: settings.namespace, labels: labelsOf(component) },
    spec: {
      ...(replicas === null ? {} : { replicas }),
      revisionHistoryLimit: 3,
      selector: { matchLabels: selectorOf(component) },
      // One new pod at a time, and none taken away before it is ready: a service that migrates (authority,
      // reference) then has one migrator during a rollout.
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      template: podTemplate(settings, { kind, component, env, keyMount }),
    },
  };
}

function service(settings: DeploymentSettings, kind: ServiceKind, component: string): IService {
  const port = SERVICE_PORTS[kind];
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: component, namespace: settings.namespace, labels: labelsOf(component) },
    spec: { type: 'ClusterIP', selector: selectorOf(component), ports: [{ name: 'http', port, targetPort: 'http', protocol: 'TCP' }] },
  };
}

function disruptionBudget(settings: DeploymentSettings, component: string): IPodDisruptionBudget {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: component, namespace: settings.namespace, labels: labelsOf(component) },
    spec: { maxUnavailable: 1, selector: { matchLabels: selectorOf(component) } },
  };
}

export type Workload = IDeployment | IService | IHorizontalPodAutoscaler | IPodDisruptionBudget;

export function gatewayWorkload(settings: DeploymentSettings, authorityCodes: readonly string[]): Workload[] {
  const { identityProvider: idp } = settings;
  const env: EnvVar[] = [
    ...listening('gateway'),
    value('PROFILE', 'production'),
    value('EXPLORER', 'off'),
    // One worker per pod: the HorizontalPodAutoscaler scales the gateway by pods, each limited to one core
    // (decision 0024); `auto` would count the node's cores, not the pod's limit.
    value('GATEWAY_WORKERS', '1'),
    value('AUTH_ISSUER', idp.issuer),
    value('AUTH_AUDIENCE', idp.audience),
    value('AUTH_JWKS_URL', idp.jwksUrl),
    value('GATEWAY_ASSERTION_PRIVATE_KEY_FILE', `${PRIVATE_KEY.dir}/${PRIVATE_KEY.key}`),
    value('TRUSTED_DOCUMENTS', settings.trustedDocuments ? TRUSTED_DOCUMENTS_PATH : 'off'),
    value('REFERENCE_URL', serviceUrl('reference', 'reference')),
    value('BENCHMARKS_URL', serviceUrl('benchmarks', 'benchmarks')),
    ...authorityCodes.map((code) => value(`AUTHORITY_URL_${code}`, serviceUrl(authorityName(code), 'authority'))),
  ];
  const autoscaler: IHorizontalPodAutoscaler = {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'gateway', namespace: settings.namespace, labels: labelsOf('gateway') },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'gateway' },
      minReplicas: settings.gateway.minReplicas,
      maxReplicas: settings.gateway.maxReplicas,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: settings.gateway.targetCpuPercent } } }],
    },
  };
  return [
    deployment(settings, 'gateway', 'gateway', null, env, PRIVATE_KEY),
    service(settings, 'gateway', 'gateway'),
    autoscaler,
    disruptionBudget(settings, 'gateway'),
  ];
}

export function referenceWorkload(settings: DeploymentSettings): Workload[] {
  const env: EnvVar[] = [
    ...listening('reference'),
    fromSecret('DATABASE_URL', appSecretName(NATIONAL_DATABASE), 'uri'),
    value('DATABASE_POOL_SIZE', '5'),
    value('MIGRATE', 'true'),
    verifiesAssertions,
  ];
  return [
    deployment(settings, 'reference', 'reference', 2, env, PUBLIC_KEY),
    service(settings, 'reference', 'reference'),
    disruptionBudget(settings, 'reference'),
  ];
}

/**
 * One replica: it refreshes and builds releases on a timer, and two would build each release twice. It
 * does not migrate (reference owns the national schema), and it builds no synthetic history: this is real data.
 */
export function benchmarksWorkload(settings: DeploymentSettings, authorityCodes: readonly string[]): Workload[] {
  const env: EnvVar[] = [
    ...listening('benchmarks'),
    fromSecret('DATABASE_URL', appSecretName(NATIONAL_DATABASE), 'uri'),
    value('DATABASE_POOL_SIZE', '4'),
    value('MIGRATE', 'false'),
    verifiesAssertions,
    value('BENCHMARK_HISTORY_YEARS', '0'),
    ...authorityCodes.map((code) => fromSecret(`ANONYMISED_READER_URL_${code}`, anonymisedReaderSecretName(code), 'uri')),
  ];
  return [deployment(settings, 'benchmarks', 'benchmarks', 1, env, PUBLIC_KEY), service(settings, 'benchmarks', 'benchmarks')];
}

export function authorityWorkload(settings: DeploymentSettings, code: string): Workload[] {
  const name = authorityName(code);
  const env: EnvVar[] = [
    ...listening('authority'),
    value('AUTHORITY_CODE', code),
    fromSecret('DATABASE_URL', appSecretName(databaseClusterName(name)), 'uri'),
    value('DATABASE_POOL_SIZE', '5'),
    value('MIGRATE', 'true'),
    verifiesAssertions,
  ];
  const replicas = settings.authorities.replicas;
  return [
    deployment(settings, 'authority', name, replicas, env, PUBLIC_KEY),
    service(settings, 'authority', name),
    ...(replicas > 1 ? [disruptionBudget(settings, name)] : []),
  ];
}
