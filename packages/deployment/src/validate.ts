// Checks an object against its kind's schema, as the API server would on apply. Built-in kinds use
// kubernetes-models (the Kubernetes OpenAPI schemas compiled for ajv); the Prometheus Operator's use
// @kubernetes-models/prometheus-operator; CloudNativePG's use their CRDs' schemas copied into schemas/
// (scripts/vendor-crd-schemas.ts), made strict the way the API server treats a structural schema: a field
// the schema does not name is an error, unless the schema keeps unknown fields. CEL rules
// (x-kubernetes-validations) are not evaluated here.
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { CronJob } from 'kubernetes-models/batch/v1/CronJob';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { PrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule';
import type { KubernetesObject } from './manifests.ts';

interface Validating {
  validate(): void;
}

/** Built-in and Prometheus Operator kinds: a model whose validate() throws naming what is wrong. */
const MODELS: Readonly<Record<string, (data: never) => Validating>> = {
  'v1/Namespace': (data) => new Namespace(data),
  'v1/Service': (data) => new Service(data),
  'v1/Secret': (data) => new Secret(data),
  'apps/v1/Deployment': (data) => new Deployment(data),
  'batch/v1/CronJob': (data) => new CronJob(data),
  'autoscaling/v2/HorizontalPodAutoscaler': (data) => new HorizontalPodAutoscaler(data),
  'policy/v1/PodDisruptionBudget': (data) => new PodDisruptionBudget(data),
  'networking.k8s.io/v1/NetworkPolicy': (data) => new NetworkPolicy(data),
  'monitoring.coreos.com/v1/PrometheusRule': (data) => new PrometheusRule(data),
};

/** Custom resources: apiVersion/kind to the vendored schema file. */
const CRD_SCHEMAS: Readonly<Record<string, string>> = {
  'postgresql.cnpg.io/v1/Cluster': 'postgresql.cnpg.io_Cluster_v1.json',
  'postgresql.cnpg.io/v1/ScheduledBackup': 'postgresql.cnpg.io_ScheduledBackup_v1.json',
  'barmancloud.cnpg.io/v1/ObjectStore': 'barmancloud.cnpg.io_ObjectStore_v1.json',
};

type Schema = { [key: string]: unknown };

/** additionalProperties: false wherever a schema lists properties and does not keep unknown fields. */
function strict(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strict);
  if (typeof node !== 'object' || node === null) return node;
  const schema: Schema = {};
  for (const [key, value] of Object.entries(node)) schema[key] = strict(value);
  const closes = schema['properties'] !== undefined && schema['additionalProperties'] === undefined && schema['x-kubernetes-preserve-unknown-fields'] !== true;
  // metadata is the API server's to check (its schema in a CRD is only `type: object`).
  return closes ? { ...schema, additionalProperties: false } : schema;
}

const ajv = new Ajv({
  strict: false,
  allErrors: true,
  // OpenAPI's formats: the API server checks these; they carry no rule ajv could add here.
  formats: { int32: true, int64: true, byte: true, 'date-time': true, duration: true, quantity: true, uri: true, password: true },
});
const compiled = new Map<string, ValidateFunction>();

function crdValidator(file: string): ValidateFunction {
  let validate = compiled.get(file);
  if (!validate) {
    const schema = JSON.parse(readFileSync(new URL(`../schemas/${file}`, import.meta.url), 'utf8')) as unknown;
    const root = strict(schema) as Schema;
    // The root object also carries apiVersion, kind, metadata and (when read back) status.
    validate = ajv.compile({ ...root, additionalProperties: true });
    compiled.set(file, validate);
  }
  return validate;
}

/** What is wrong with an object, as messages naming the object and the path; empty when it is valid. */
export function validateObject(object: KubernetesObject): string[] {
  const type = `${object.apiVersion}/${object.kind}`;
  const name = `${object.kind} ${object.metadata?.name ?? '(no name)'}`;
  const model = MODELS[type];
  if (model) {
    try {
      model(object as never).validate();
      return [];
    } catch (error) {
      return [`${name}: ${(error as Error).message}`];
    }
  }
  const file = CRD_SCHEMAS[type];
  if (!file) return [`${name}: no schema for ${type}`];
  const validate = crdValidator(file);
  if (validate(object)) return [];
  return (validate.errors ?? []).map(
    (e) =>
      `${name}: ${e.instancePath || '/'} ${e.message ?? 'is not valid'}${e.keyword === 'additionalProperties' ? ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})` : ''}`,
  );
}

/** The kinds validateObject knows. */
export const VALIDATED_KINDS: readonly string[] = [...Object.keys(MODELS), ...Object.keys(CRD_SCHEMAS)];
