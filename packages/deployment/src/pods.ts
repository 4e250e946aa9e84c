// What every service's pod has in common: the image's entry point as a non-root user on a read-only root
// file system, probes, resources, and its key mounted from a Secret.
import type { IEnvVar as EnvVar } from 'kubernetes-models/v1/EnvVar';
import type { IProbe as Probe } from 'kubernetes-models/v1/Probe';
import type { IPodTemplateSpec as PodTemplate } from 'kubernetes-models/v1/PodTemplateSpec';
import type { IPodSecurityContext as PodSecurityContext } from 'kubernetes-models/v1/PodSecurityContext';
import type { IResourceRequirements as Resources } from 'kubernetes-models/v1/ResourceRequirements';
import type { ISecurityContext as SecurityContext } from 'kubernetes-models/v1/SecurityContext';
import type { IVolume as Volume } from 'kubernetes-models/v1/Volume';
import type { IVolumeMount as VolumeMount } from 'kubernetes-models/v1/VolumeMount';
import { COMPONENT_LABEL, PART_OF, SERVICE_PORTS, imageOf, type ServiceKind } from './names.ts';
import type { DeploymentSettings } from './settings.ts';

/** The uid and gid of the image's `node` user (the Containerfile runs as 1000:1000). */
export const RUN_AS = 1000;

/** Requests sized from bench:startup's resident sizes; the limits leave room for a benchmarks release build. */
const RESOURCES: Readonly<Record<ServiceKind, Resources>> = {
  gateway: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } },
  authority: { requests: { cpu: '100m', memory: '192Mi' }, limits: { cpu: '500m', memory: '384Mi' } },
  reference: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
  benchmarks: { requests: { cpu: '500m', memory: '512Mi' }, limits: { cpu: '2', memory: '1536Mi' } },
};

/** How long a service may take to first answer: authorities migrate, benchmarks may build a release first. */
const STARTUP_SECONDS: Readonly<Record<ServiceKind, number>> = { gateway: 60, authority: 300, reference: 300, benchmarks: 600 };
const PERIOD_SECONDS = 5;
const PRE_STOP_SECONDS = 5;

/** Every pod: the image's non-root user, the runtime's default seccomp profile (the restricted standard). */
const POD_SECURITY: PodSecurityContext = {
  runAsNonRoot: true,
  runAsUser: RUN_AS,
  runAsGroup: RUN_AS,
  fsGroup: RUN_AS,
  seccompProfile: { type: 'RuntimeDefault' },
};
/** Every container: no privilege to gain, no capabilities, a root file system it cannot write. */
const CONTAINER_SECURITY: SecurityContext = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  runAsNonRoot: true,
  capabilities: { drop: ['ALL'] },
};
/** The only place a container may write. */
const TMP_VOLUME: Volume = { name: 'tmp', emptyDir: { sizeLimit: '64Mi' } };
const TMP_MOUNT: VolumeMount = { name: 'tmp', mountPath: '/tmp' };

export interface KeyMount {
  readonly secret: string;
  readonly key: string;
  readonly dir: string;
}

export interface PodOptions {
  readonly kind: ServiceKind;
  /** The component label (gateway, reference, benchmarks, authority-w06000015). */
  readonly component: string;
  readonly env: readonly EnvVar[];
  readonly keyMount: KeyMount;
}

export function labelsOf(component: string): Record<string, string> {
  return { 'app.kubernetes.io/name': 'wales-lac', [COMPONENT_LABEL]: component, ...PART_OF };
}

export function selectorOf(component: string): Record<string, string> {
  return { [COMPONENT_LABEL]: component };
}

/**
 * Readiness asks /health, which for a subgraph pings its database. The gateway's /health is 503 while any
 * subgraph is down, so as its readiness one authority's outage would take every gateway pod out of its
 * Service, where the design answers for the other 21 (AUTHORITY_UNAVAILABLE): the gateway and every
 * liveness probe check only that the process accepts connections; restarting cures neither a database nor a
 * subgraph that is down.
 */
function probes(kind: ServiceKind): { readinessProbe: Probe; livenessProbe: Probe; startupProbe: Probe } {
  const port = SERVICE_PORTS[kind];
  const listening: Probe = { tcpSocket: { port } };
  const health: Probe = kind === 'gateway' ? listening : { httpGet: { path: '/health', port } };
  return {
    startupProbe: { ...health, periodSeconds: PERIOD_SECONDS, failureThreshold: STARTUP_SECONDS[kind] / PERIOD_SECONDS },
    readinessProbe: { ...health, periodSeconds: PERIOD_SECONDS, timeoutSeconds: 3, failureThreshold: 2 },
    livenessProbe: { ...listening, periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 6 },
  };
}

export function podTemplate(settings: DeploymentSettings, options: PodOptions): PodTemplate {
  const { kind, keyMount } = options;
  return {
    metadata: { labels: labelsOf(options.component) },
    spec: {
      automountServiceAccountToken: false,
      enableServiceLinks: false,
      // On SIGTERM a service answers what is in flight for up to 10 s, then closes (service-main.ts,
      // graphql-http's stop): the grace period covers the pre-stop wait and that.
      terminationGracePeriodSeconds: 30,
      securityContext: POD_SECURITY,
      containers: [
        {
          name: kind,
          image: imageOf(settings.images.registry, kind, settings.images.tag),
          imagePullPolicy: 'IfNotPresent',
          ports: [{ name: 'http', containerPort: SERVICE_PORTS[kind], protocol: 'TCP' }],
          env: [...options.env],
          resources: RESOURCES[kind],
          ...probes(kind),
          // The pod leaves its Service's endpoints while it is told to stop: for these seconds it still takes
          // the connections that race that, before SIGTERM (the kubelet's own sleep; Kubernetes 1.30 or later).
          lifecycle: { preStop: { sleep: { seconds: PRE_STOP_SECONDS } } },
          securityContext: CONTAINER_SECURITY,
          volumeMounts: [{ name: 'keys', mountPath: keyMount.dir, readOnly: true }, TMP_MOUNT],
        },
      ],
      volumes: [{ name: 'keys', secret: { secretName: keyMount.secret, defaultMode: 0o440, items: [{ key: keyMount.key, path: keyMount.key }] } }, TMP_VOLUME],
    },
  };
}

export interface CommandPodOptions {
  readonly component: string;
  /** The container's name: the tests read its environment with the config module of that name. */
  readonly container: string;
  /** The image of this service kind, run with this command instead of its own. */
  readonly image: ServiceKind;
  readonly command: readonly string[];
  readonly env: readonly EnvVar[];
  readonly resources: Resources;
  /** Never for a Job's pod (the Job counts the retries), Always for a Deployment's. */
  readonly restartPolicy: 'Never' | 'Always';
}

/**
 * A pod that runs a command and serves nothing (a job, the outbox dispatcher): the same security as the
 * services', no port, no probes, no key. It is reached by nobody (default-deny-ingress).
 */
export function commandPod(settings: DeploymentSettings, options: CommandPodOptions): PodTemplate {
  return {
    metadata: { labels: labelsOf(options.component) },
    spec: {
      automountServiceAccountToken: false,
      enableServiceLinks: false,
      restartPolicy: options.restartPolicy,
      terminationGracePeriodSeconds: 30,
      securityContext: POD_SECURITY,
      containers: [
        {
          name: options.container,
          image: imageOf(settings.images.registry, options.image, settings.images.tag),
          imagePullPolicy: 'IfNotPresent',
          command: [...options.command],
          env: [...options.env],
          resources: options.resources,
          securityContext: CONTAINER_SECURITY,
          volumeMounts: [TMP_MOUNT],
        },
      ],
      volumes: [TMP_VOLUME],
    },
  };
}

export function value(name: string, text: string): EnvVar {
  return { name, value: text };
}

export function fromSecret(name: string, secret: string, key: string): EnvVar {
  return { name, valueFrom: { secretKeyRef: { name: secret, key } } };
}
