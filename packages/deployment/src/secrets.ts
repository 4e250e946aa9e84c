// The Secrets the manifests refer to and that nothing in the cluster makes: listed with their keys and
// empty values, never with key material. They go in secrets.required.yaml, which kustomization.yaml does
// not apply: an operator creates each (docs/operations.md, "Secrets") and the services refuse to start
// while one is missing or empty.
import type { ISecret } from 'kubernetes-models/v1/Secret';
import { ANONYMISED_READER_ROLE, GATEWAY_ASSERTION_PRIVATE_SECRET, GATEWAY_ASSERTION_PUBLIC_SECRET, KEY_MOUNTS, anonymisedReaderSecretName } from './names.ts';
import { SMTP_URL_KEY } from './alert-workloads.ts';
import { labelsOf } from './pods.ts';
import type { DeploymentSettings } from './settings.ts';

const HOLDS = 'wales-lac.gov.wales/holds';

function required(settings: DeploymentSettings, name: string, holds: string, keys: readonly string[], type = 'Opaque'): ISecret {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    type,
    metadata: { name, namespace: settings.namespace, labels: labelsOf(name), annotations: { [HOLDS]: holds } },
    stringData: Object.fromEntries(keys.map((key) => [key, ''])),
  };
}

export function requiredSecrets(settings: DeploymentSettings, authorityCodes: readonly string[]): ISecret[] {
  return [
    required(settings, GATEWAY_ASSERTION_PRIVATE_SECRET, 'the Ed25519 private JWK the gateway signs assertions with; mounted on the gateway only', [
      KEY_MOUNTS.assertionPrivate.file,
    ]),
    required(settings, GATEWAY_ASSERTION_PUBLIC_SECRET, 'its public half (no "d"), mounted on every subgraph', [KEY_MOUNTS.assertionPublic.file]),
    required(settings, settings.backups.credentialsSecret, 'the object store credentials the database backups are written with', [
      'ACCESS_KEY_ID',
      'ACCESS_SECRET_KEY',
    ]),
    required(
      settings,
      settings.alerts.smtp.secret,
      "the SMTP relay's URL with its credentials (smtps://user:password@host:465 or smtp://…:587), given to every outbox dispatcher as SMTP_URL",
      [SMTP_URL_KEY],
    ),
    ...authorityCodes.map((code) =>
      required(
        settings,
        anonymisedReaderSecretName(code),
        `the ${ANONYMISED_READER_ROLE} role's password on ${code}'s database (CloudNativePG sets it) and the URL benchmarks logs in with`,
        ['username', 'password', 'uri'],
        'kubernetes.io/basic-auth',
      ),
    ),
  ];
}
