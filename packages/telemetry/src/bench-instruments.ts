// npx tsx packages/telemetry/src/bench-instruments.ts — the in-process cost of what one cross-authority
// request adds with tracing off: at the gateway a request counted and timed, 22 subgraph calls counted
// and timed, one log line (to /dev/null); at each of 22 authorities a request counted and timed and a
// debug line skipped. Quieter than a latency median on a shared machine (docs/measurements.md).
import pino from 'pino';
import { createTelemetry } from './telemetry.ts';

const ROUNDS = 20_000;
const destination = pino.destination({ dest: '/dev/null', sync: false });
const telemetry = createTelemetry({ logLevel: 'info', logDestination: destination });
const gateway = telemetry.service({ service: 'gateway' });
const calls = gateway.metrics.counter('gateway_subgraph_requests_total', 'calls', ['subgraph', 'authority', 'operation', 'outcome']);
const callTimes = gateway.metrics.histogram('gateway_subgraph_request_duration_seconds', 'times', ['subgraph', 'authority', 'operation', 'outcome']);
const authorities = Array.from({ length: 22 }, (_, i) => telemetry.service({ service: 'authority', authority: `W060000${String(i + 1).padStart(2, '0')}` }));

function oneRequest(): void {
  for (const authority of authorities) {
    const operation = authority.metrics.operations.of('Caseload__authority__0');
    authority.metrics.requests.inc({ operation, outcome: 'ok' });
    authority.metrics.duration.observe({ operation, outcome: 'ok' }, 0.02);
    if (authority.log.isLevelEnabled('debug')) authority.log.debug('never');
    const labels = {
      subgraph: 'authority',
      authority: authority.authority ?? '',
      operation: gateway.metrics.operations.of('Caseload__authority__0'),
      outcome: 'answered',
    };
    calls.inc(labels);
    callTimes.observe(labels, 0.02);
  }
  const operation = gateway.metrics.operations.of('Caseload');
  gateway.metrics.requests.inc({ operation, outcome: 'ok' });
  gateway.metrics.duration.observe({ operation, outcome: 'ok' }, 0.09);
  gateway.log.info({ operation, operation_type: 'query', outcome: 'ok', duration_ms: 90.1 }, 'graphql request');
}

for (let i = 0; i < 2_000; i += 1) oneRequest();
const started = performance.now();
for (let i = 0; i < ROUNDS; i += 1) oneRequest();
const micros = ((performance.now() - started) * 1000) / ROUNDS;
console.log(`instruments of one cross-authority request (tracing off): ${micros.toFixed(1)} µs`);
await telemetry.shutdown();
destination.end();
