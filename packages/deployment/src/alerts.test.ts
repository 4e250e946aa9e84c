import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parser } from '@prometheus-io/lezer-promql';
import { describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '@wales-lac/platform';
import { ALERT_RULES } from './alerts.ts';

/** Where Prometheus's own grammar (the one its UI uses) finds an error in an expression, or null. */
function syntaxError(expr: string): string | null {
  let at: number | null = null;
  parser.parse(expr).iterate({
    enter: (node) => {
      if (node.type.isError && at === null) at = node.from;
    },
  });
  return at === null ? null : `error at ${at}: …${expr.slice(at, at + 20)}`;
}

describe('alert rules', () => {
  it.each(ALERT_RULES.map((r) => [r.alert, r.expr] as const))('%s is PromQL', (_alert, expr) => {
    expect(syntaxError(expr)).toBeNull();
  });

  it('the check finds a broken expression', () => {
    expect(syntaxError('sum(rate(graphql_requests_total[5m]) > ')).not.toBeNull();
  });

  it('each has its runbook entry in docs/operations.md, where its annotation points', () => {
    const runbook = readFileSync(join(REPOSITORY_ROOT, 'docs/operations.md'), 'utf8');
    for (const rule of ALERT_RULES) expect(runbook, rule.alert).toContain(`\n#### ${rule.alert}\n`);
  });
});
