// Each authority's alerts in production (decision 0033): a CronJob computing the day's alerts once a day,
// and a one-replica Deployment dispatching its email outbox. Both run the authority image with their own
// bundle, on that authority's database only, and have their egress closed but for it (and the SMTP relay).
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { ICronJob } from 'kubernetes-models/batch/v1/CronJob';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { IEnvVar as EnvVar } from 'kubernetes-models/v1/EnvVar';
import type { IResourceRequirements as Resources } from 'kubernetes-models/v1/ResourceRequirements';
import { ALERTS_BUNDLE, OUTBOX_BUNDLE, alertsJobName, appSecretName, authorityName, databaseClusterName, outboxDispatcherName } from './names.ts';
import { egressOnly, toDatabase, toDns, toSmtpRelay } from './network.ts';
import { commandPod, fromSecret, labelsOf, selectorOf, value } from './pods.ts';
import type { DeploymentSettings } from './settings.ts';

/** The container names, which the environment test maps to their config modules. */
export const ALERTS_CONTAINER = 'alerts';
export const OUTBOX_CONTAINER = 'outbox-dispatcher';

/** The key of the SMTP relay's Secret that holds its URL. */
export const SMTP_URL_KEY = 'url';

/**
 * Measured on the bundles (packages/platform's build): ~150 MiB resident at rest, most of it the authority
 * subgraph's modules they import; the run adds its one authority's facts (all 22 at once peaked at 313 MiB,
 * docs/measurements.md). The dispatcher is idle between passes.
 */
const ALERTS_RESOURCES: Resources = { requests: { cpu: '100m', memory: '192Mi' }, limits: { cpu: '500m', memory: '384Mi' } };
const OUTBOX_RESOURCES: Resources = { requests: { cpu: '10m', memory: '160Mi' }, limits: { cpu: '200m', memory: '256Mi' } };

/** A run started up to 3 hours late (the controller down, a node short) is still that day's; later waits a day. */
const STARTING_DEADLINE_SECONDS = 3 * 3600;
/** A run takes seconds (docs/measurements.md); one still going after 30 minutes is stuck, and Forbid would hold the next. */
const ACTIVE_DEADLINE_SECONDS = 30 * 60;
/** Retries of a failed run (the database failing over, say); each is idempotent. */
const BACKOFF_LIMIT = 3;
/** The entry points' exit codes for a bad --date (64) and a bad setting (78): retrying cannot cure them. */
const EXIT_USAGE = 64;
const EXIT_CONFIGURATION = 78;

const bundleCommand = (bundle: string) => ['node', '--enable-source-maps', `dist/${bundle}.mjs`];

function database(code: string): { cluster: string; env: EnvVar[] } {
  const cluster = databaseClusterName(authorityName(code));
  return { cluster, env: [value('AUTHORITY_CODE', code), fromSecret('DATABASE_URL', appSecretName(cluster), 'uri')] };
}

export function dailyAlertsJob(settings: DeploymentSettings, code: string): ICronJob {
  const name = alertsJobName(code);
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name, namespace: settings.namespace, labels: labelsOf(name) },
    spec: {
      schedule: settings.alerts.schedule,
      timeZone: settings.alerts.timeZone,
      // Two runs at once would add nothing twice (each alert has its unique key), but would hold two connections for nothing.
      concurrencyPolicy: 'Forbid',
      startingDeadlineSeconds: STARTING_DEADLINE_SECONDS,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 3,
      jobTemplate: {
        metadata: { labels: labelsOf(name) },
        spec: {
          backoffLimit: BACKOFF_LIMIT,
          activeDeadlineSeconds: ACTIVE_DEADLINE_SECONDS,
          podFailurePolicy: {
            rules: [{ action: 'FailJob', onExitCodes: { containerName: ALERTS_CONTAINER, operator: 'In', values: [EXIT_USAGE, EXIT_CONFIGURATION] } }],
          },
          template: commandPod(settings, {
            component: name,
            container: ALERTS_CONTAINER,
            image: 'authority',
            command: bundleCommand(ALERTS_BUNDLE),
            env: database(code).env,
            resources: ALERTS_RESOURCES,
            restartPolicy: 'Never',
          }),
        },
      },
    },
  };
}

/**
 * A Deployment, not a CronJob: the dispatcher is a loop with a pause of OUTBOX_DISPATCH_SECONDS (30 s, under
 * a CronJob's one-minute floor) and a retry backoff counted in minutes; a pod started every minute per
 * authority would cost more than one idle. One replica: a second (during a rollout) is harmless, because each
 * row is taken `for update skip locked`, but adds nothing.
 */
export function outboxDispatcher(settings: DeploymentSettings, code: string): IDeployment {
  const name = outboxDispatcherName(code);
  const env: EnvVar[] = [
    ...database(code).env,
    fromSecret('SMTP_URL', settings.alerts.smtp.secret, SMTP_URL_KEY),
    value('MAIL_FROM', settings.alerts.mailFrom),
    value('PLATFORM_URL', settings.alerts.platformUrl),
    value('OUTBOX_DISPATCH_SECONDS', '30'),
  ];
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: settings.namespace, labels: labelsOf(name) },
    spec: {
      replicas: 1,
      revisionHistoryLimit: 3,
      selector: { matchLabels: selectorOf(name) },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      template: commandPod(settings, {
        component: name,
        container: OUTBOX_CONTAINER,
        image: 'authority',
        command: bundleCommand(OUTBOX_BUNDLE),
        env,
        resources: OUTBOX_RESOURCES,
        restartPolicy: 'Always',
      }),
    },
  };
}

/** The CronJob and the dispatcher of one authority, with the egress each may use. */
export function authorityAlertWorkloads(settings: DeploymentSettings, code: string): (ICronJob | IDeployment | INetworkPolicy)[] {
  const { cluster } = database(code);
  return [
    dailyAlertsJob(settings, code),
    egressOnly(settings, alertsJobName(code), [toDns(settings), toDatabase(cluster)]),
    outboxDispatcher(settings, code),
    egressOnly(settings, outboxDispatcherName(code), [toDns(settings), toDatabase(cluster), toSmtpRelay(settings)]),
  ];
}
