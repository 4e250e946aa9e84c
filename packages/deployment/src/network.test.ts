// Who can connect to whom under the generated NetworkPolicies, worked out as Kubernetes does for ingress:
// a pod some policy selects accepts only what one of those policies' rules admits.
import { describe, expect, it } from 'vitest';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { ILabelSelector } from '@kubernetes-models/apimachinery/apis/meta/v1/LabelSelector';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import { AUTHORITY_FACTS } from '@wales-lac/wales';
import { CNPG_CLUSTER_LABEL, NATIONAL_DATABASE, SERVICE_PORTS, authorityName, databaseClusterName } from './names.ts';
import { DEPLOY_DIR, loadSettings, readManifestsIn } from './render.ts';

interface Pod {
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
}

const settings = loadSettings();
const objects = readManifestsIn(DEPLOY_DIR).map(({ object }) => object);
const policies = objects.filter((o): o is INetworkPolicy => o.kind === 'NetworkPolicy');

function matches(selector: ILabelSelector | undefined, labels: Readonly<Record<string, string>>): boolean {
  if (!selector) return true;
  if (selector.matchExpressions) throw new Error('matchExpressions are not modelled here');
  return Object.entries(selector.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
}

function allowed(from: Pod, to: Pod, port: number): boolean {
  const selecting = policies.filter(
    (p) => p.metadata?.namespace === to.namespace && p.spec?.policyTypes?.includes('Ingress') && matches(p.spec.podSelector, to.labels),
  );
  if (selecting.length === 0) return true;
  return selecting.some((policy) =>
    (policy.spec?.ingress ?? []).some((rule) => {
      const portOk = !rule.ports || rule.ports.some((p) => p.port === port && (p.protocol ?? 'TCP') === 'TCP');
      const fromOk =
        !rule.from ||
        rule.from.some((peer) => {
          const namespaceOk = peer.namespaceSelector
            ? matches(peer.namespaceSelector, { 'kubernetes.io/metadata.name': from.namespace })
            : from.namespace === policy.metadata?.namespace;
          return namespaceOk && (!peer.podSelector || matches(peer.podSelector, from.labels));
        });
      return portOk && fromOk;
    }),
  );
}

function workload(name: string): Pod {
  const deployment = objects.find((o): o is IDeployment => o.kind === 'Deployment' && o.metadata?.name === name);
  const labels = deployment?.spec?.template.metadata?.labels;
  if (!labels) throw new Error(`no deployment ${name}`);
  return { namespace: settings.namespace, labels };
}

const here = settings.namespace;
const database = (cluster: string): Pod => ({ namespace: here, labels: { [CNPG_CLUSTER_LABEL]: cluster, 'cnpg.io/instanceRole': 'primary' } });
const gateway = workload('gateway');
const reference = workload('reference');
const benchmarks = workload('benchmarks');
const [first, second] = AUTHORITY_FACTS.map((a) => a.code);
if (!first || !second) throw new Error('two authorities are needed');
const authorityA = workload(authorityName(first));
const authorityB = workload(authorityName(second));
const databaseA = database(databaseClusterName(authorityName(first)));
const databaseB = database(databaseClusterName(authorityName(second)));
const national = database(NATIONAL_DATABASE);
const ingressController: Pod = { namespace: settings.ingressNamespace, labels: { 'app.kubernetes.io/name': 'ingress-nginx' } };
const operator: Pod = { namespace: settings.operatorNamespace, labels: { 'app.kubernetes.io/name': 'cloudnative-pg' } };
const debugHere: Pod = { namespace: here, labels: { run: 'debug' } };
const elsewhere: Pod = { namespace: 'other-team', labels: { 'app.kubernetes.io/component': 'gateway' } };

describe('network policies', () => {
  it('let the ingress controller, and nothing else, reach the gateway', () => {
    expect(allowed(ingressController, gateway, SERVICE_PORTS.gateway)).toBe(true);
    expect(allowed(debugHere, gateway, SERVICE_PORTS.gateway)).toBe(false);
    // A pod elsewhere labelled as a gateway is not the gateway.
    expect(allowed(elsewhere, gateway, SERVICE_PORTS.gateway)).toBe(false);
  });

  it('let only the gateway reach a subgraph', () => {
    for (const code of AUTHORITY_FACTS.map((a) => a.code)) expect(allowed(gateway, workload(authorityName(code)), SERVICE_PORTS.authority), code).toBe(true);
    expect(allowed(gateway, reference, SERVICE_PORTS.reference)).toBe(true);
    expect(allowed(gateway, benchmarks, SERVICE_PORTS.benchmarks)).toBe(true);
    for (const from of [authorityB, reference, benchmarks, ingressController, debugHere, elsewhere])
      expect(allowed(from, authorityA, SERVICE_PORTS.authority)).toBe(false);
    expect(allowed(authorityA, reference, SERVICE_PORTS.reference)).toBe(false);
    expect(allowed(gateway, authorityA, 5432)).toBe(false);
  });

  it("let only an authority's service (and benchmarks, as the anonymised reader) reach its database", () => {
    expect(allowed(authorityA, databaseA, 5432)).toBe(true);
    expect(allowed(benchmarks, databaseA, 5432)).toBe(true);
    for (const from of [authorityB, gateway, reference, debugHere, ingressController, elsewhere]) expect(allowed(from, databaseA, 5432)).toBe(false);
    expect(allowed(authorityA, databaseB, 5432)).toBe(false);
    expect(allowed(authorityA, national, 5432)).toBe(false);
  });

  it('let reference and benchmarks reach the national database', () => {
    expect(allowed(reference, national, 5432)).toBe(true);
    expect(allowed(benchmarks, national, 5432)).toBe(true);
    expect(allowed(gateway, national, 5432)).toBe(false);
  });

  it('let CloudNativePG manage and replicate each cluster, and no other cluster in', () => {
    expect(allowed(operator, databaseA, 8000)).toBe(true);
    expect(allowed(database(databaseClusterName(authorityName(first))), databaseA, 5432)).toBe(true);
    expect(allowed(databaseB, databaseA, 5432)).toBe(false);
    expect(allowed(authorityA, databaseA, 8000)).toBe(false);
  });
});
