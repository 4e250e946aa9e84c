// Who can connect to whom under the generated NetworkPolicies, worked out as Kubernetes does: a pod some
// Ingress policy selects accepts only what one of those policies' rules admits, and a pod some Egress policy
// selects opens only what one of those admits; a connection needs both ends to allow it.
import { describe, expect, it } from 'vitest';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { ILabelSelector } from '@kubernetes-models/apimachinery/apis/meta/v1/LabelSelector';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { ICronJob } from 'kubernetes-models/batch/v1/CronJob';
import type { INetworkPolicyPeer } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyPeer';
import type { INetworkPolicyPort } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyPort';
import { AUTHORITY_FACTS } from '@wales-lac/wales';
import { CNPG_CLUSTER_LABEL, NATIONAL_DATABASE, SERVICE_PORTS, alertsJobName, authorityName, databaseClusterName, outboxDispatcherName } from './names.ts';
import { DEPLOY_DIR, loadSettings, readManifestsIn } from './render.ts';

interface Pod {
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
}

/** Somewhere outside the cluster, by address (the SMTP relay, any other host). */
interface Address {
  readonly ip: string;
}

const settings = loadSettings();
const objects = readManifestsIn(DEPLOY_DIR).map(({ object }) => object);
const policies = objects.filter((o): o is INetworkPolicy => o.kind === 'NetworkPolicy');

function matches(selector: ILabelSelector | undefined, labels: Readonly<Record<string, string>>): boolean {
  if (!selector) return true;
  if (selector.matchExpressions) throw new Error('matchExpressions are not modelled here');
  return Object.entries(selector.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
}

function ipv4(ip: string): number {
  return ip.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
}

function inCidr(ip: string, cidr: string): boolean {
  const [base = '', bits = '32'] = cidr.split('/');
  const size = 2 ** (32 - Number(bits));
  return Math.floor(ipv4(ip) / size) === Math.floor(ipv4(base) / size);
}

const portMatches = (ports: readonly INetworkPolicyPort[] | undefined, port: number, protocol: string) =>
  !ports || ports.some((p) => p.port === port && (p.protocol ?? 'TCP') === protocol);

/** Whether a peer of a policy in `namespace` names the pod or address. */
function peerMatches(peer: INetworkPolicyPeer, namespace: string, other: Pod | Address): boolean {
  if ('ip' in other) return peer.ipBlock !== undefined && inCidr(other.ip, peer.ipBlock.cidr) && !(peer.ipBlock.except ?? []).some((c) => inCidr(other.ip, c));
  if (peer.ipBlock) return false;
  const namespaceOk = peer.namespaceSelector
    ? matches(peer.namespaceSelector, { 'kubernetes.io/metadata.name': other.namespace })
    : other.namespace === namespace;
  return namespaceOk && (!peer.podSelector || matches(peer.podSelector, other.labels));
}

/** Whether `from`'s egress policies let it open the connection (none selecting it: all open). */
function egressAllowed(from: Pod, to: Pod | Address, port: number, protocol = 'TCP'): boolean {
  const selecting = policies.filter(
    (p) => p.metadata?.namespace === from.namespace && p.spec?.policyTypes?.includes('Egress') && matches(p.spec.podSelector, from.labels),
  );
  if (selecting.length === 0) return true;
  return selecting.some((policy) =>
    (policy.spec?.egress ?? []).some(
      (rule) => portMatches(rule.ports, port, protocol) && (!rule.to || rule.to.some((peer) => peerMatches(peer, policy.metadata?.namespace ?? '', to))),
    ),
  );
}

/** Both ends: `from` may open it and `to` accepts it. */
function connects(from: Pod, to: Pod, port: number): boolean {
  return egressAllowed(from, to, port) && allowed(from, to, port);
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

/** A Deployment's pod, or a CronJob's job's pod (the Job controller adds its own labels beside these). */
function workload(name: string): Pod {
  const deployment = objects.find((o): o is IDeployment => o.kind === 'Deployment' && o.metadata?.name === name);
  const cronJob = objects.find((o): o is ICronJob => o.kind === 'CronJob' && o.metadata?.name === name);
  const labels = deployment?.spec?.template.metadata?.labels ?? cronJob?.spec?.jobTemplate.spec?.template.metadata?.labels;
  if (!labels) throw new Error(`no deployment or cron job ${name}`);
  return { namespace: settings.namespace, labels: cronJob ? { ...labels, 'batch.kubernetes.io/job-name': `${name}-29000000` } : labels };
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
const dns: Pod = { namespace: settings.dnsNamespace, labels: { 'k8s-app': 'kube-dns' } };
const alertsA = workload(alertsJobName(first));
const alertsB = workload(alertsJobName(second));
const dispatcherA = workload(outboxDispatcherName(first));
const relay: Address = { ip: '198.51.100.25' };
const SMTP_PORT = settings.alerts.smtp.port;
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

  it("let an authority's alerts job reach only its own database, and the DNS", () => {
    expect(connects(alertsA, databaseA, 5432)).toBe(true);
    expect(egressAllowed(alertsA, dns, 53, 'UDP')).toBe(true);
    for (const to of [databaseB, national]) expect(connects(alertsA, to, 5432)).toBe(false);
    for (const [to, port] of [
      [gateway, SERVICE_PORTS.gateway],
      [authorityA, SERVICE_PORTS.authority],
      [reference, SERVICE_PORTS.reference],
      [databaseA, 8000],
    ] as const)
      expect(egressAllowed(alertsA, to, port), `${to.labels['app.kubernetes.io/component'] ?? ''}:${port}`).toBe(false);
    // It queues mail and sends none: the relay is the dispatcher's alone.
    expect(egressAllowed(alertsA, relay, SMTP_PORT)).toBe(false);
    expect(egressAllowed(alertsA, { ip: '203.0.113.9' }, 443)).toBe(false);
    expect(connects(alertsB, databaseA, 5432)).toBe(false);
  });

  it("let an authority's outbox dispatcher reach its own database and the SMTP relay's port, nothing else", () => {
    expect(connects(dispatcherA, databaseA, 5432)).toBe(true);
    expect(egressAllowed(dispatcherA, relay, SMTP_PORT)).toBe(true);
    expect(egressAllowed(dispatcherA, dns, 53, 'UDP')).toBe(true);
    expect(egressAllowed(dispatcherA, relay, 443)).toBe(false);
    expect(egressAllowed(dispatcherA, relay, SMTP_PORT + 1)).toBe(false);
    for (const to of [databaseB, national]) expect(connects(dispatcherA, to, 5432)).toBe(false);
    expect(egressAllowed(dispatcherA, gateway, SERVICE_PORTS.gateway)).toBe(false);
  });

  it('leave nothing able to connect to the alerts job or the dispatcher, and the services egress open', () => {
    for (const from of [gateway, authorityA, debugHere, ingressController])
      for (const to of [alertsA, dispatcherA]) expect(allowed(from, to, SERVICE_PORTS.authority)).toBe(false);
    expect(egressAllowed(authorityA, databaseA, 5432)).toBe(true);
    expect(egressAllowed(gateway, { ip: '203.0.113.9' }, 443)).toBe(true);
  });
});
