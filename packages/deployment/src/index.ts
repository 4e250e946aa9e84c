export { readSettings, authorityDatabaseSize, SettingsError } from './settings.ts';
export type { DeploymentSettings, DatabaseSize, Recovery } from './settings.ts';
export { generateManifests } from './manifests.ts';
export type { KubernetesObject, ManifestFile } from './manifests.ts';
export { renderDeployment, renderFile, loadSettings, differences, writeDeployment, readManifestsIn, DEPLOY_DIR, SETTINGS_FILE } from './render.ts';
export { ALERT_RULES, alertRules } from './alerts.ts';
export type { AlertRule } from './alerts.ts';
export { anonymisedReaderSql, DATABASE_OWNER } from './databases.ts';
export {
  SERVICE_PORTS,
  authorityName,
  databaseClusterName,
  appSecretName,
  anonymisedReaderSecretName,
  ANONYMISED_READER_ROLE,
  NATIONAL_DATABASE,
  KEY_MOUNTS,
  APP_DIR,
} from './names.ts';
export type { ServiceKind } from './names.ts';
export { TRUSTED_DOCUMENTS_PATH } from './workloads.ts';
export { validateObject, VALIDATED_KINDS } from './validate.ts';
