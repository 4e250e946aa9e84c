// Each container's environment, as the manifests give it, read by that service's own config module: it must
// start (every required setting is there and valid) and read every variable it is given (none is a typo or a
// setting the service has lost). Secrets are filled with synthetic values of the right form: fresh keys,
// and postgresql:// URLs naming the database Service CloudNativePG makes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { ICronJob } from 'kubernetes-models/batch/v1/CronJob';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';
import type { IService } from 'kubernetes-models/v1/Service';
import { gatewayConfigFromEnv } from '@wales-lac/gateway';
import { authorityConfigFromEnv } from '@wales-lac/authority-subgraph';
import { referenceConfigFromEnv } from '@wales-lac/reference-subgraph';
import { benchmarksConfigFromEnv } from '@wales-lac/benchmarks-subgraph';
import { REPOSITORY_ROOT, authorityAlertsConfigFromEnv, outboxDispatcherConfigFromEnv } from '@wales-lac/platform';
import { AUTHORITY_FACTS } from '@wales-lac/wales';
import { ALERTS_CONTAINER, OUTBOX_CONTAINER, SMTP_URL_KEY } from './alert-workloads.ts';
import type { KubernetesObject } from './manifests.ts';
import { APP_DIR, appSecretName, readWriteHost } from './names.ts';
import { DEPLOY_DIR, readManifestsIn } from './render.ts';

type Env = Record<string, string | undefined>;

const objects: KubernetesObject[] = readManifestsIn(DEPLOY_DIR).map(({ object }) => object);
const deployments = objects.filter((o): o is IDeployment => o.kind === 'Deployment');
const cronJobs = objects.filter((o): o is ICronJob => o.kind === 'CronJob');

/** A workload's name and the pod it runs: every Deployment's, and every CronJob's job's. */
interface Workload {
  readonly name: string;
  readonly pod: IPodTemplateSpec;
}
const workloads: Workload[] = [
  ...deployments.map((d) => ({ name: d.metadata?.name ?? '', pod: d.spec?.template ?? {} })),
  ...cronJobs.map((c) => ({ name: c.metadata?.name ?? '', pod: c.spec?.jobTemplate.spec?.template ?? {} })),
];
const services = objects.filter((o): o is IService => o.kind === 'Service');
const clusters = new Set(objects.filter((o) => o.kind === 'Cluster').map((o) => o.metadata?.name ?? ''));
const requiredSecrets = new Set(objects.filter((o) => o.kind === 'Secret').map((o) => o.metadata?.name ?? ''));

const keysDir = mkdtempSync(join(tmpdir(), 'deployment-keys-'));
const keyFiles = new Map<string, string>();

beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { extractable: true });
  const write = (name: string, jwk: JWK) => {
    const file = join(keysDir, name);
    writeFileSync(file, JSON.stringify(jwk));
    keyFiles.set(name, file);
  };
  write('private.jwk.json', await exportJWK(privateKey));
  write('public.jwk.json', await exportJWK(publicKey));
});

function containerOf(workload: Workload): IContainer {
  const container = workload.pod.spec?.containers[0];
  if (!container) throw new Error(`${workload.name}: no container`);
  return container;
}

const ofDeployment = (deployment: IDeployment): Workload => ({ name: deployment.metadata?.name ?? '', pod: deployment.spec?.template ?? {} });

/** The file a *_FILE path names, provided a Secret volume of the pod is mounted there with that item. */
function mountedFile(workload: Workload, container: IContainer, path: string): string {
  const mount = container.volumeMounts?.find((m) => path.startsWith(`${m.mountPath}/`));
  const volume = workload.pod.spec?.volumes?.find((v) => v.name === mount?.name);
  const item = path.slice((mount?.mountPath.length ?? 0) + 1);
  if (!mount || !volume?.secret?.items?.some((i) => i.path === item)) throw new Error(`${path} is in no Secret volume mounted in ${workload.name}`);
  const file = keyFiles.get(item);
  if (!file) throw new Error(`no synthetic content for ${item}`);
  return file;
}

/** The environment the container would see, with synthetic values where the cluster would put secrets. */
function environmentOf(workload: Workload): Env {
  const container = containerOf(workload);
  const env: Env = {};
  for (const variable of container.env ?? []) {
    const ref = variable.valueFrom?.secretKeyRef;
    if (ref) {
      const fromCluster = [...clusters].some((c) => appSecretName(c) === ref.name);
      if (!fromCluster && !requiredSecrets.has(ref.name ?? ''))
        throw new Error(`${variable.name}: Secret ${ref.name} is neither made by CloudNativePG nor listed as required`);
      if (ref.key === SMTP_URL_KEY && !fromCluster) {
        // What an operator puts in the relay's Secret (docs/operations.md, "Secrets").
        env[variable.name] = 'smtps://synthetic:synthetic@smtp.example.invalid:465';
        continue;
      }
      if (ref.key !== 'uri') throw new Error(`${variable.name}: unexpected key ${ref.key}`);
      // The URL CloudNativePG (or the operator, for a reader) puts there: the cluster's read-write Service.
      const cluster = (ref.name ?? '').replace(/-(app|reader)$/, '');
      env[variable.name] = `postgresql://synthetic:synthetic@${readWriteHost(cluster)}:5432/app`;
    } else if (variable.name.endsWith('_FILE')) {
      env[variable.name] = mountedFile(workload, container, variable.value ?? '');
    } else if (variable.value?.startsWith(`${APP_DIR}/`)) {
      // A path inside the image: /app is the repository's layout (the Containerfile's WORKDIR).
      env[variable.name] = join(REPOSITORY_ROOT, relative(APP_DIR, variable.value));
    } else {
      env[variable.name] = variable.value;
    }
  }
  return env;
}

/** The environment, and the names the config module read from it. */
function watched(env: Env): { env: Env; read: Set<string> } {
  const read = new Set<string>();
  const proxy = new Proxy(env, {
    get(target, name) {
      if (typeof name === 'string') read.add(name);
      return Reflect.get(target, name);
    },
  });
  return { env: proxy, read };
}

const CONFIG_MODULES: Record<string, (env: Env) => Promise<unknown> | unknown> = {
  gateway: gatewayConfigFromEnv,
  authority: authorityConfigFromEnv,
  reference: referenceConfigFromEnv,
  benchmarks: benchmarksConfigFromEnv,
  [ALERTS_CONTAINER]: authorityAlertsConfigFromEnv,
  [OUTBOX_CONTAINER]: outboxDispatcherConfigFromEnv,
};

describe.each(workloads.map((w) => [w.name, w] as const))('%s', (_name, workload) => {
  it('starts on its environment, and its config module reads every variable it is given', async () => {
    const container = containerOf(workload);
    const readConfig = CONFIG_MODULES[container.name];
    if (!readConfig) throw new Error(`no config module for container ${container.name}`);
    const { env, read } = watched(environmentOf(workload));
    await expect(Promise.resolve().then(() => readConfig(env))).resolves.toBeDefined();
    const given = (container.env ?? []).map((v) => v.name);
    expect(given.filter((name) => !read.has(name))).toEqual([]);
  });
});

describe('the addresses services are given', () => {
  it('name a Service of the manifests on the port it serves', async () => {
    const gateway = deployments.find((d) => d.metadata?.name === 'gateway');
    if (!gateway) throw new Error('no gateway');
    const config = await gatewayConfigFromEnv(environmentOf(ofDeployment(gateway)));
    const urls = [...config.authorities.values(), ...config.services.values()];
    expect(urls).toHaveLength(AUTHORITY_FACTS.length + 2);
    for (const address of urls) {
      const url = new URL(address);
      const service = services.find((s) => s.metadata?.name === url.hostname);
      expect(
        service?.spec?.ports?.map((p) => p.port),
        address,
      ).toContain(Number(url.port));
    }
  });

  it('give each authority its own database and code', async () => {
    for (const fact of AUTHORITY_FACTS) {
      const deployment = deployments.find((d) => d.metadata?.name === `authority-${fact.code.toLowerCase()}`);
      if (!deployment) throw new Error(`no deployment for ${fact.code}`);
      const config = await authorityConfigFromEnv(environmentOf(ofDeployment(deployment)));
      expect(config.authorityCode).toBe(fact.code);
      expect(new URL(config.databaseUrl).hostname).toBe(`authority-${fact.code.toLowerCase()}-db-rw`);
    }
  });

  it("give each authority's alerts job and outbox dispatcher that authority's code and database, and no other", () => {
    for (const fact of AUTHORITY_FACTS) {
      const name = `authority-${fact.code.toLowerCase()}`;
      const job = workloads.find((w) => w.name === `${name}-alerts`);
      const dispatcher = workloads.find((w) => w.name === `${name}-outbox`);
      if (!job || !dispatcher) throw new Error(`no alerts workloads for ${fact.code}`);
      const run = authorityAlertsConfigFromEnv(environmentOf(job));
      const send = outboxDispatcherConfigFromEnv(environmentOf(dispatcher));
      for (const config of [run, send]) {
        expect(config.authorityCode).toBe(fact.code);
        expect(new URL(config.databaseUrl).hostname).toBe(`${name}-db-rw`);
      }
    }
  });
});
