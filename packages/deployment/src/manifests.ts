// The whole deployment as files of Kubernetes objects: one file per authority (its service, database,
// backups, daily alerts, outbox dispatcher and policies), one per national service, the namespace-wide policies and the alerts.
import type { INamespace } from 'kubernetes-models/v1/Namespace';
import { authorityAlertWorkloads } from './alert-workloads.ts';
import { alertRules } from './alerts.ts';
import { databaseObjects } from './databases.ts';
import { NATIONAL_DATABASE, alertsJobName, authorityName, databaseClusterName, outboxDispatcherName } from './names.ts';
import { databaseFrom, defaultDeny, gatewayIngress, subgraphFromGateway } from './network.ts';
import { labelsOf } from './pods.ts';
import { requiredSecrets } from './secrets.ts';
import { authorityDatabaseSize, type DeploymentSettings, type Recovery } from './settings.ts';
import { authorityWorkload, benchmarksWorkload, gatewayWorkload, referenceWorkload } from './workloads.ts';

/** Any object the generator writes: each has these, and the tests check the rest against its kind's schema. */
export interface KubernetesObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata?: { readonly name?: string; readonly namespace?: string };
}

export interface ManifestFile {
  /** File name under deploy/kubernetes/. */
  readonly file: string;
  /** Whether kustomization.yaml applies it (the required Secrets' list is not applied). */
  readonly applied: boolean;
  readonly objects: readonly KubernetesObject[];
}

function namespace(settings: DeploymentSettings): INamespace {
  // The restricted Pod Security Standard: every pod here runs as non-root with no privilege to gain.
  const enforce = { 'pod-security.kubernetes.io/enforce': 'restricted', 'pod-security.kubernetes.io/enforce-version': 'latest' };
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name: settings.namespace, labels: { ...labelsOf('namespace'), ...enforce } } };
}

const recoveryOf = (recovery: Recovery | undefined) => (recovery ? { recovery } : {});

function authorityFile(settings: DeploymentSettings, code: string): ManifestFile {
  const name = authorityName(code);
  const cluster = databaseClusterName(name);
  return {
    file: `${name}.yaml`,
    applied: true,
    objects: [
      ...authorityWorkload(settings, code),
      subgraphFromGateway(settings, name, 'authority'),
      ...databaseObjects(settings, {
        cluster,
        size: authorityDatabaseSize(settings, code),
        anonymisedReaderOf: code,
        ...recoveryOf(settings.authorities.overrides[code]?.recovery),
      }),
      // Benchmarks logs in as the anonymised reader, which can read the anonymised views only.
      databaseFrom(settings, cluster, [name, 'benchmarks', alertsJobName(code), outboxDispatcherName(code)]),
      ...authorityAlertWorkloads(settings, code),
    ],
  };
}

/** Every file, in the order kustomization.yaml lists them. */
export function generateManifests(settings: DeploymentSettings, authorityCodes: readonly string[]): ManifestFile[] {
  return [
    { file: 'namespace.yaml', applied: true, objects: [namespace(settings)] },
    { file: 'network-policies.yaml', applied: true, objects: [defaultDeny(settings), gatewayIngress(settings)] },
    { file: 'gateway.yaml', applied: true, objects: gatewayWorkload(settings, authorityCodes) },
    { file: 'reference.yaml', applied: true, objects: [...referenceWorkload(settings), subgraphFromGateway(settings, 'reference', 'reference')] },
    {
      file: 'benchmarks.yaml',
      applied: true,
      objects: [...benchmarksWorkload(settings, authorityCodes), subgraphFromGateway(settings, 'benchmarks', 'benchmarks')],
    },
    {
      file: 'national-database.yaml',
      applied: true,
      objects: [
        ...databaseObjects(settings, { cluster: NATIONAL_DATABASE, size: settings.national.database, ...recoveryOf(settings.national.recovery) }),
        databaseFrom(settings, NATIONAL_DATABASE, ['reference', 'benchmarks']),
      ],
    },
    ...authorityCodes.map((code) => authorityFile(settings, code)),
    { file: 'alerts.yaml', applied: true, objects: [alertRules(settings)] },
    { file: 'secrets.required.yaml', applied: false, objects: requiredSecrets(settings, authorityCodes) },
  ];
}
