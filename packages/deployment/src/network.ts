// Who may open a connection to whom: nothing by default; the ingress controller to the gateway; the gateway
// to each subgraph; an authority's service (and benchmarks, as the anonymised reader) to that authority's
// database; reference and benchmarks to the national one; CloudNativePG to every database it runs.
// Egress is left open for the services: the gateway fetches the identity provider's keys and the databases
// write backups out. An authority's alerts job and outbox dispatcher, which need little, have theirs closed
// but for DNS, their authority's database and (the dispatcher) the SMTP relay.
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { INetworkPolicyEgressRule as EgressRule } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyEgressRule';
import type { INetworkPolicyIngressRule } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyIngressRule';
import type { INetworkPolicyPeer as Peer } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyPeer';
import { CNPG_CLUSTER_LABEL, SERVICE_PORTS, type ServiceKind } from './names.ts';
import { labelsOf, selectorOf } from './pods.ts';
import type { DeploymentSettings } from './settings.ts';

const POSTGRES_PORT = 5432;
/** The CloudNativePG instance manager's status port, which the operator polls. */
const INSTANCE_MANAGER_PORT = 8000;

type IngressRule = INetworkPolicyIngressRule;

/** `target` empty: every pod in the namespace; no rules: nothing may connect. */
function policy(settings: DeploymentSettings, name: string, target: Record<string, string>, ingress: readonly IngressRule[]): INetworkPolicy {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace: settings.namespace, labels: labelsOf(name) },
    spec: {
      podSelector: Object.keys(target).length > 0 ? { matchLabels: target } : {},
      policyTypes: ['Ingress'],
      ...(ingress.length > 0 ? { ingress: [...ingress] } : {}),
    },
  };
}

const tcp = (...ports: number[]) => ports.map((port) => ({ protocol: 'TCP' as const, port }));
const pods = (component: string): Peer => ({ podSelector: { matchLabels: selectorOf(component) } });
const namespace = (name: string): Peer => ({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': name } } });

/** Every pod in the namespace refuses connections no other policy lets in. */
export function defaultDeny(settings: DeploymentSettings): INetworkPolicy {
  return policy(settings, 'default-deny-ingress', {}, []);
}

export function gatewayIngress(settings: DeploymentSettings): INetworkPolicy {
  return policy(settings, 'gateway-from-ingress', selectorOf('gateway'), [{ from: [namespace(settings.ingressNamespace)], ports: tcp(SERVICE_PORTS.gateway) }]);
}

/** Only the gateway reaches a subgraph. */
export function subgraphFromGateway(settings: DeploymentSettings, component: string, kind: ServiceKind): INetworkPolicy {
  return policy(settings, `${component}-from-gateway`, selectorOf(component), [{ from: [pods('gateway')], ports: tcp(SERVICE_PORTS[kind]) }]);
}

/** Only the given services reach a database; its own instances replicate, and the operator manages it. */
export function databaseFrom(settings: DeploymentSettings, cluster: string, clients: readonly string[]): INetworkPolicy {
  const instances: Peer = { podSelector: { matchLabels: { [CNPG_CLUSTER_LABEL]: cluster } } };
  return policy(settings, `${cluster}-from-clients`, { [CNPG_CLUSTER_LABEL]: cluster }, [
    { from: clients.map(pods), ports: tcp(POSTGRES_PORT) },
    { from: [instances], ports: tcp(POSTGRES_PORT, INSTANCE_MANAGER_PORT) },
    { from: [namespace(settings.operatorNamespace)], ports: tcp(POSTGRES_PORT, INSTANCE_MANAGER_PORT) },
  ]);
}

const DNS_PORT = 53;

/** Only what the rules admit leaves the component's pods (their ingress is the namespace's default-deny). */
export function egressOnly(settings: DeploymentSettings, component: string, egress: readonly EgressRule[]): INetworkPolicy {
  const name = `${component}-egress`;
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace: settings.namespace, labels: labelsOf(name) },
    spec: { podSelector: { matchLabels: selectorOf(component) }, policyTypes: ['Egress'], egress: [...egress] },
  };
}

/** The cluster's DNS, to resolve the database's Service name. */
export function toDns(settings: DeploymentSettings): EgressRule {
  return {
    to: [namespace(settings.dnsNamespace)],
    ports: [
      { protocol: 'UDP', port: DNS_PORT },
      { protocol: 'TCP', port: DNS_PORT },
    ],
  };
}

/** A database cluster's instances (its -rw Service's endpoints are the primary among them). */
export function toDatabase(cluster: string): EgressRule {
  return { to: [{ podSelector: { matchLabels: { [CNPG_CLUSTER_LABEL]: cluster } } }], ports: tcp(POSTGRES_PORT) };
}

/** The SMTP relay, by address: a NetworkPolicy cannot name a host. */
export function toSmtpRelay(settings: DeploymentSettings): EgressRule {
  return { to: settings.alerts.smtp.cidrs.map((cidr) => ({ ipBlock: { cidr } })), ports: tcp(settings.alerts.smtp.port) };
}
