// Each authority's daily alerts CronJob and outbox dispatcher (decision 0033), as committed in
// deploy/kubernetes/: one of each per authority, in that authority's file, running the bundle the build
// makes, once a day without overlap, sized and secured like the services, and valid against their schemas.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { ICronJob } from 'kubernetes-models/batch/v1/CronJob';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { IPodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';
import { ENTRY_POINTS } from '@wales-lac/platform';
import { AUTHORITY_FACTS } from '@wales-lac/wales';
import { ALERTS_CONTAINER, OUTBOX_CONTAINER, SMTP_URL_KEY } from './alert-workloads.ts';
import { ALERTS_BUNDLE, OUTBOX_BUNDLE, alertsJobName, authorityName, databaseClusterName, outboxDispatcherName } from './names.ts';
import { DEPLOY_DIR, SETTINGS_FILE, loadSettings, readManifestsIn } from './render.ts';
import { readSettings } from './settings.ts';
import { validateObject } from './validate.ts';

const settings = loadSettings();
const committed = readManifestsIn(DEPLOY_DIR);
const objects = committed.map(({ object }) => object);
const cronJobs = objects.filter((o): o is ICronJob => o.kind === 'CronJob');
const deployments = objects.filter((o): o is IDeployment => o.kind === 'Deployment');
const policies = objects.filter((o): o is INetworkPolicy => o.kind === 'NetworkPolicy');
const named = <T extends { metadata?: { name?: string } }>(list: readonly T[], name: string): T => {
  const found = list.filter((o) => o.metadata?.name === name);
  if (found.length !== 1) throw new Error(`${found.length} objects named ${name}`);
  return found[0] as T;
};
const fileOf = (kind: string, name: string) => committed.find(({ object }) => object.kind === kind && object.metadata?.name === name)?.file;

const authorityPod = (code: string): IPodTemplateSpec => named(deployments, authorityName(code)).spec?.template ?? {};
const podOfJob = (job: ICronJob): IPodTemplateSpec => job.spec?.jobTemplate.spec?.template ?? {};

const CODES = AUTHORITY_FACTS.map((a) => [a.code] as const);

describe('the daily alerts', () => {
  it('are one CronJob per authority, and nothing else is', () => {
    expect(cronJobs.map((j) => j.metadata?.name).sort()).toEqual(AUTHORITY_FACTS.map((a) => alertsJobName(a.code)).sort());
  });

  describe.each(CODES)('of %s', (code) => {
    const job = named(cronJobs, alertsJobName(code));
    const pod = podOfJob(job);
    const container = pod.spec?.containers[0];

    it("is in the authority's own file and valid against the CronJob schema", () => {
      expect(fileOf('CronJob', alertsJobName(code))).toBe(`${authorityName(code)}.yaml`);
      expect(validateObject(job)).toEqual([]);
    });

    it('runs the authority image with the alerts bundle the build makes, for that authority', () => {
      expect(ENTRY_POINTS[ALERTS_BUNDLE]).toBeDefined();
      expect(container?.name).toBe(ALERTS_CONTAINER);
      expect(container?.image).toBe(authorityPod(code).spec?.containers[0]?.image);
      expect(container?.command).toEqual(['node', '--enable-source-maps', `dist/${ALERTS_BUNDLE}.mjs`]);
      expect(container?.env).toContainEqual({ name: 'AUTHORITY_CODE', value: code });
      expect(container?.env?.find((e) => e.name === 'SMTP_URL')).toBeUndefined();
    });

    it('runs once a day in its zone, never two at once, retried a few times within the day', () => {
      expect(job.spec).toMatchObject({ schedule: settings.alerts.schedule, timeZone: settings.alerts.timeZone, concurrencyPolicy: 'Forbid' });
      expect(job.spec?.startingDeadlineSeconds).toBeGreaterThanOrEqual(600);
      expect(job.spec?.startingDeadlineSeconds).toBeLessThan(24 * 3600);
      expect(job.spec?.jobTemplate.spec?.backoffLimit).toBeGreaterThanOrEqual(1);
      expect(job.spec?.jobTemplate.spec?.backoffLimit).toBeLessThanOrEqual(6);
      expect(job.spec?.jobTemplate.spec?.activeDeadlineSeconds).toBeLessThanOrEqual(3600);
      // A bad setting or argument fails the Job at once: retrying cannot cure it.
      expect(job.spec?.jobTemplate.spec?.podFailurePolicy?.rules[0]).toMatchObject({ action: 'FailJob', onExitCodes: { values: [64, 78] } });
      expect(pod.spec?.restartPolicy).toBe('Never');
    });

    it('asks for and is limited in CPU and memory, with the security of the services', () => {
      expect(container?.resources?.requests).toMatchObject({ cpu: expect.any(String), memory: expect.any(String) });
      expect(container?.resources?.limits).toMatchObject({ cpu: expect.any(String), memory: expect.any(String) });
      const service = authorityPod(code).spec;
      expect(pod.spec?.securityContext).toEqual(service?.securityContext);
      expect(container?.securityContext).toEqual(service?.containers[0]?.securityContext);
      expect(pod.spec?.automountServiceAccountToken).toBe(false);
    });
  });
});

describe('the outbox dispatcher', () => {
  it.each(CODES)('of %s is one replica of the dispatcher bundle, sending through the relay Secret', (code) => {
    const dispatcher = named(deployments, outboxDispatcherName(code));
    const container = dispatcher.spec?.template.spec?.containers[0];
    expect(fileOf('Deployment', outboxDispatcherName(code))).toBe(`${authorityName(code)}.yaml`);
    expect(validateObject(dispatcher)).toEqual([]);
    expect(dispatcher.spec?.replicas).toBe(1);
    expect(ENTRY_POINTS[OUTBOX_BUNDLE]).toBeDefined();
    expect(container?.name).toBe(OUTBOX_CONTAINER);
    expect(container?.command).toEqual(['node', '--enable-source-maps', `dist/${OUTBOX_BUNDLE}.mjs`]);
    expect(container?.env).toContainEqual({ name: 'SMTP_URL', valueFrom: { secretKeyRef: { name: settings.alerts.smtp.secret, key: SMTP_URL_KEY } } });
    expect(container?.env).toContainEqual({ name: 'AUTHORITY_CODE', value: code });
    expect(container?.resources?.limits).toMatchObject({ cpu: expect.any(String), memory: expect.any(String) });
    expect(dispatcher.spec?.template.spec?.securityContext).toEqual(authorityPod(code).spec?.securityContext);
  });

  it('names a relay Secret listed among the required ones, with the key it reads', () => {
    const secret = objects.find((o) => o.kind === 'Secret' && o.metadata?.name === settings.alerts.smtp.secret) as
      { stringData?: Record<string, string> } | undefined;
    expect(secret?.stringData).toEqual({ [SMTP_URL_KEY]: '' });
  });
});

// [component, the egress rules' destinations it may have]
const EGRESS: [string, (code: string) => string, readonly string[]][] = [
  ['alerts job', alertsJobName, ['dns', 'database']],
  ['outbox dispatcher', outboxDispatcherName, ['dns', 'database', 'smtp']],
];

describe.each(EGRESS)("the %s's egress", (_what, nameOf, expected) => {
  it.each(CODES)('of %s is closed but for its own database (and what it needs)', (code) => {
    const policy = named(policies, `${nameOf(code)}-egress`);
    expect(policy.spec?.policyTypes).toEqual(['Egress']);
    expect(policy.spec?.podSelector?.matchLabels).toEqual({ 'app.kubernetes.io/component': nameOf(code) });
    const kinds = (policy.spec?.egress ?? []).map((rule) => {
      const peer = rule.to?.[0];
      if (peer?.ipBlock) return 'smtp';
      if (peer?.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] === settings.dnsNamespace) return 'dns';
      if (peer?.podSelector?.matchLabels?.['cnpg.io/cluster'] === databaseClusterName(authorityName(code))) return 'database';
      return `unexpected ${JSON.stringify(rule)}`;
    });
    expect(kinds).toEqual(expected);
    expect(validateObject(policy)).toEqual([]);
  });
});

describe("settings.json's alerts", () => {
  const committedSettings = () => JSON.parse(readFileSync(SETTINGS_FILE, 'utf8')) as Record<string, Record<string, unknown>>;
  const withAlerts = (change: Record<string, unknown>) => {
    const copy = committedSettings();
    return { ...copy, alerts: { ...copy['alerts'], ...change } };
  };

  // [what is wrong, the change, the message]
  const REFUSED: [string, Record<string, unknown>, RegExp][] = [
    ['a schedule more than daily', { schedule: '*/5 * * * *' }, /alerts.schedule must be once a day/],
    ['a schedule on weekdays only', { schedule: '30 5 * * 1-5' }, /alerts.schedule must be once a day/],
    ['an hour on another UTC date in summer', { schedule: '30 0 * * *' }, /0:00 in Europe\/London is on another date in UTC/],
    ['a zone that is not one', { timeZone: 'Europe/Cardiff' }, /alerts.timeZone must be an IANA time zone/],
    ['a link that is not http', { platformUrl: 'wales-lac.example.invalid' }, /alerts.platformUrl must be an http\(s\) URL/],
    ['a relay address that is not a CIDR', { smtp: { secret: 'smtp-relay', port: 587, cidrs: ['smtp.example.invalid'] } }, /is not an IPv4 CIDR/],
  ];

  it.each(REFUSED)('refuses %s, naming the field', (_what, change, message) => {
    expect(() => readSettings(withAlerts(change))).toThrow(message);
  });

  it('takes a schedule on the same UTC date all year', () => {
    expect(readSettings(withAlerts({ schedule: '0 23 * * *' })).alerts.schedule).toBe('0 23 * * *');
  });
});
