import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateManifests, type KubernetesObject } from './manifests.ts';
import { DEPLOY_DIR, differences, loadSettings, readManifestsIn, renderDeployment } from './render.ts';
import { validateObject } from './validate.ts';

const committedObjects = () => readManifestsIn(DEPLOY_DIR);

function cluster(): KubernetesObject & { spec: Record<string, unknown> } {
  const found = committedObjects().find(({ object }) => object.kind === 'Cluster');
  if (!found) throw new Error('no Cluster in the manifests');
  return found.object as KubernetesObject & { spec: Record<string, unknown> };
}

describe('deploy/kubernetes', () => {
  it('is what npm run generate:k8s writes from settings.json', () => {
    expect(differences(renderDeployment(loadSettings()), DEPLOY_DIR)).toEqual([]);
  });

  it("holds only objects valid against their kind's schema", () => {
    const objects = committedObjects();
    expect(new Set(objects.map(({ object }) => object.kind))).toEqual(
      new Set([
        'Namespace',
        'NetworkPolicy',
        'Deployment',
        'CronJob',
        'Service',
        'HorizontalPodAutoscaler',
        'PodDisruptionBudget',
        'Cluster',
        'ObjectStore',
        'ScheduledBackup',
        'PrometheusRule',
        'Secret',
      ]),
    );
    expect(objects.flatMap(({ file, object }) => validateObject(object).map((problem) => `${file}: ${problem}`))).toEqual([]);
  });

  it('has one database cluster per authority and one national, each backed up on a schedule', () => {
    const objects = committedObjects().map(({ object }) => object);
    const names = (kind: string) => objects.filter((o) => o.kind === kind).map((o) => o.metadata?.name);
    expect(names('Cluster')).toHaveLength(23);
    expect(names('Cluster')).toContain('authority-w06000015-db');
    expect(names('ScheduledBackup')).toEqual(names('Cluster').map((n) => `${n}-daily`));
    expect(names('StatefulSet')).toEqual([]);
  });

  it('names no key material: every required Secret is listed with empty values', () => {
    const secrets = committedObjects().filter(({ object }) => object.kind === 'Secret');
    expect(secrets.map(({ file }) => file)).toEqual(secrets.map(() => 'secrets.required.yaml'));
    for (const { object } of secrets)
      expect(new Set(Object.values((object as { stringData?: Record<string, string> }).stringData ?? {}))).toEqual(new Set(['']));
    const kustomization = readFileSync(join(DEPLOY_DIR, 'kustomization.yaml'), 'utf8');
    expect(kustomization).not.toContain('secrets.required.yaml');
  });
});

describe('the validator', () => {
  it('refuses a field the CloudNativePG schema does not name, as the API server would', () => {
    const object = cluster();
    expect(validateObject({ ...object, spec: { ...object.spec, instance: 2 } } as KubernetesObject)).toEqual([expect.stringContaining('(instance)')]);
  });

  it('refuses a value of the wrong type in a CloudNativePG cluster', () => {
    const object = cluster();
    expect(validateObject({ ...object, spec: { ...object.spec, instances: 'two' } } as KubernetesObject)).toEqual([
      expect.stringContaining('/spec/instances must be integer'),
    ]);
  });

  it('refuses a built-in object that breaks its schema', () => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'x' },
      spec: { selector: {}, template: { spec: { containers: [{ name: 'x', ports: [{ containerPort: '4001' }] }] } } },
    };
    expect(validateObject(deployment)).toEqual([expect.stringContaining('containerPort must be integer')]);
  });

  it('refuses a kind it has no schema for rather than passing it', () => {
    expect(validateObject({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db' } })).toEqual([
      'StatefulSet db: no schema for apps/v1/StatefulSet',
    ]);
  });
});

describe('a database restored from its backups', () => {
  const settings = loadSettings();
  const restoring = {
    ...settings,
    authorities: {
      ...settings.authorities,
      overrides: {
        ...settings.authorities.overrides,
        W06000015: { recovery: { fromServerName: 'authority-w06000015-db', archiveAs: 'authority-w06000015-db-r1', targetTime: '2026-12-01T09:00:00Z' } },
      },
    },
  };
  const objects = generateManifests(restoring, ['W06000015', 'W06000001']).flatMap((f) => f.objects);
  const clusterOf = (name: string) =>
    objects.find((o) => o.kind === 'Cluster' && o.metadata?.name === name) as (KubernetesObject & { spec: Record<string, unknown> }) | undefined;

  it('is a valid Cluster that recovers from the old archive to the time given and archives under a new name', () => {
    const restored = clusterOf('authority-w06000015-db');
    if (!restored) throw new Error('no cluster');
    expect(validateObject(restored)).toEqual([]);
    expect(restored.spec['bootstrap']).toEqual({
      recovery: { source: 'backups', database: 'app', owner: 'app', recoveryTarget: { targetTime: '2026-12-01T09:00:00Z' } },
    });
    expect(restored.spec['externalClusters']).toEqual([
      {
        name: 'backups',
        plugin: {
          name: 'barman-cloud.cloudnative-pg.io',
          parameters: { barmanObjectName: 'authority-w06000015-db-backups', serverName: 'authority-w06000015-db' },
        },
      },
    ]);
    expect(restored.spec['plugins']).toEqual([
      expect.objectContaining({
        isWALArchiver: true,
        parameters: { barmanObjectName: 'authority-w06000015-db-backups', serverName: 'authority-w06000015-db-r1' },
      }),
    ]);
  });

  it("leaves every other authority's database as it was", () => {
    expect(clusterOf('authority-w06000001-db')?.spec['bootstrap']).toHaveProperty('initdb');
  });
});
