// The alerts docs/operations.md explains, as a PrometheusRule for the Prometheus Operator. Metric names and
// labels are those of the services' telemetry (packages/telemetry and docs/operations.md, "Observability":
// every sample has `service`, an authority's also `authority`); CloudNativePG's exporter names its own.
import type { IPrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule';
import { labelsOf } from './pods.ts';
import type { DeploymentSettings } from './settings.ts';

export interface AlertRule {
  readonly alert: string;
  readonly expr: string;
  /** How long the condition must hold before it fires. */
  readonly for: string;
  readonly severity: 'page' | 'ticket';
  readonly summary: string;
}

/** Each alert's meaning and what to do is in docs/operations.md under its name. */
export const ALERT_RULES: readonly AlertRule[] = [
  {
    alert: 'GatewayErrorRatioHigh',
    expr: 'sum(rate(graphql_requests_total{service="gateway",outcome="error"}[5m])) / sum(rate(graphql_requests_total{service="gateway"}[5m])) > 0.05',
    for: '10m',
    severity: 'page',
    summary: "More than 5% of the gateway's answers carry an error",
  },
  {
    alert: 'AuthorityUnavailable',
    expr: 'sum by (authority) (rate(gateway_authority_unavailable_total[5m])) > 0',
    for: '10m',
    severity: 'page',
    summary: 'The gateway is answering without authority {{ $labels.authority }}',
  },
  {
    alert: 'AuditBatchFailing',
    expr: 'sum by (authority) (increase(authority_audit_batch_failures_total[10m])) > 0',
    for: '0m',
    severity: 'page',
    summary: 'Authority {{ $labels.authority }} could not write its access audit; it is refusing to answer (AUDIT_UNAVAILABLE)',
  },
  {
    alert: 'BenchmarkReleaseStale',
    expr: 'max(benchmarks_release_age_seconds) > 3 * 3600',
    for: '15m',
    severity: 'ticket',
    summary: 'The newest benchmark release is more than 3 hours old (refresh is hourly)',
  },
  {
    alert: 'ServiceDown',
    expr: 'up{job=~"wales-lac/.*"} == 0',
    for: '5m',
    severity: 'page',
    summary: '{{ $labels.job }} on {{ $labels.instance }} cannot be scraped',
  },
  {
    alert: 'DatabaseBackupMissing',
    expr: 'time() - max by (cluster) (cnpg_collector_last_available_backup_timestamp) > 26 * 3600',
    for: '30m',
    severity: 'ticket',
    summary: 'Database cluster {{ $labels.cluster }} has no base backup from the last 26 hours',
  },
];

export function alertRules(settings: DeploymentSettings): IPrometheusRule {
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata: { name: 'wales-lac-alerts', namespace: settings.namespace, labels: labelsOf('alerts') },
    spec: {
      groups: [
        {
          name: 'wales-lac',
          rules: ALERT_RULES.map((rule) => ({
            alert: rule.alert,
            expr: rule.expr,
            for: rule.for,
            labels: { severity: rule.severity },
            annotations: { summary: rule.summary, runbook: `docs/operations.md#${rule.alert.toLowerCase()}` },
          })),
        },
      ],
    },
  };
}
