// A log line says what happened and in which trace, and never quotes a child's data, even when the
// error it reports does.
import { describe, expect, it } from 'vitest';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-node';
import { createLogger, describeError } from './logging.ts';
import { createTracerSource } from './tracing.ts';

const CHILD = { id: 'W06000015:L000123', name: 'Seren', upn: 'A801200005001' };

function failedInsert(): Error {
  const violation = Object.assign(new Error(`new row for relation "audit_log" violates check constraint; Failing row contains (${CHILD.id}, ${CHILD.name})`), {
    code: '23514',
  });
  return new Error(`Failed query: insert into "audit_log" ("learner_id", "fields") values ($1, $2)\nparams: ${CHILD.id},${CHILD.name}`, { cause: violation });
}

describe('describing an error for a log line', () => {
  it('keeps the class, the SQLSTATE, the SQL and where it was thrown; drops the values and the messages', () => {
    const described = describeError(failedInsert());
    expect(described).toMatchObject({ error_name: 'Error', error_code: '23514', sql: 'insert into "audit_log" ("learner_id", "fields") values ($1, $2)' });
    expect(described['where']).toMatch(/^packages\/telemetry\/src\/logging\.test\.ts:\d+$/);
    for (const value of Object.values(CHILD)) expect(JSON.stringify(described)).not.toContain(value);
  });

  it('says what a thrown non-error was, nothing more', () => {
    expect(describeError(CHILD.id)).toEqual({ error_name: 'string' });
  });
});

function collected() {
  const lines: Record<string, unknown>[] = [];
  return { lines, destination: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) } };
}

describe('log lines', () => {
  it('carry the trace and span ids of the span they were written in, and none outside one', () => {
    const { lines, destination } = collected();
    const log = createLogger('info', { service: 'authority', authority: 'W06000015' }, destination);
    const tracer = createTracerSource({ exporter: new InMemorySpanExporter() }).tracerFor({ 'service.name': 'test' });
    const ids = tracer.startActiveSpan('request', (span) => {
      log.info({ operation: 'Child' }, 'graphql request');
      span.end();
      return span.spanContext();
    });
    log.info('outside');
    expect(lines[0]).toMatchObject({
      level: 'info',
      service: 'authority',
      authority: 'W06000015',
      operation: 'Child',
      trace_id: ids.traceId,
      span_id: ids.spanId,
      msg: 'graphql request',
    });
    expect(lines[0]?.['time']).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(lines[1]).not.toHaveProperty('trace_id');
  });

  it('never write fields that would hold a child’s data, should a caller pass them', () => {
    const { lines, destination } = collected();
    createLogger('info', { service: 'gateway' }, destination).warn({ variables: { id: CHILD.id }, learnerId: CHILD.id, upn: CHILD.upn }, 'careless');
    expect(JSON.stringify(lines)).not.toMatch(new RegExp(`${CHILD.id}|${CHILD.upn}`));
  });
});
