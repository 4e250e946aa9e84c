// One Apollo Server plugin per service: counts and times each GraphQL request by operation, counts its
// answer's error codes, names the request's span after the operation, and logs one line for it. The
// request path pays a clock read, a few map lookups and one log call (below the level: a no-op).
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { SpanStatusCode, trace } from '@opentelemetry/api';
import { ERROR_CODES } from '@wales-lac/errors';
import type { ServiceTelemetry } from './telemetry.ts';

const GSS_CODE = /^W\d{8}$/;
const KNOWN_CODES = new Set<string>([...Object.keys(ERROR_CODES), ...Object.values(ApolloServerErrorCode)]);

/** An error code as a label: registered codes as they are, anything else OTHER (a label must stay bounded). */
export function codeLabel(code: unknown): string {
  return typeof code === 'string' && KNOWN_CODES.has(code) ? code : 'OTHER';
}

export interface RequestTelemetryOptions {
  /** The level of the one line logged per request: info at the gateway, debug (off by default) in subgraphs. */
  readonly logLevel?: 'info' | 'debug';
}

interface AnswerError {
  readonly extensions?: Readonly<Record<string, unknown>>;
}

export function requestTelemetryPlugin<C extends BaseContext>(telemetry: ServiceTelemetry, options: RequestTelemetryOptions = {}): ApolloServerPlugin<C> {
  const { metrics, log } = telemetry;
  const level = options.logLevel ?? 'debug';
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async didResolveOperation({ operationName, operation }) {
          const span = trace.getActiveSpan();
          if (!span || !operation) return;
          const name = metrics.operations.of(operationName);
          span.updateName(`${operation.operation} ${name}`);
          span.setAttributes({ 'graphql.operation.name': name, 'graphql.operation.type': operation.operation });
        },
        async willSendResponse({ response, operationName, request, operation }) {
          const seconds = (performance.now() - started) / 1000;
          const errors: readonly AnswerError[] = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          const operationLabel = metrics.operations.of(operationName ?? request.operationName);
          const outcome = errors.length === 0 ? 'ok' : 'error';
          metrics.requests.inc({ operation: operationLabel, outcome });
          metrics.duration.observe({ operation: operationLabel, outcome }, seconds);
          const codes = [...new Set(errors.map((e) => codeLabel(e.extensions?.['code'])))];
          for (const code of codes) metrics.errors.inc({ operation: operationLabel, code }, errors.filter((e) => codeLabel(e.extensions?.['code']) === code).length);
          if (codes.length > 0) {
            const span = trace.getActiveSpan();
            span?.setAttribute('graphql.error_codes', codes);
            span?.setStatus({ code: SpanStatusCode.ERROR, message: codes.join(' ') });
          }
          if (!log.isLevelEnabled(level)) return;
          const unavailable = errors.filter((e) => e.extensions?.['code'] === 'AUTHORITY_UNAVAILABLE').map((e) => e.extensions?.['authority']);
          log[level](
            {
              operation: operationLabel,
              operation_type: operation?.operation ?? null,
              outcome,
              duration_ms: Math.round(seconds * 10_000) / 10,
              ...(codes.length ? { error_codes: codes } : {}),
              ...(unavailable.length ? { authorities_unavailable: [...new Set(unavailable.filter((a) => typeof a === 'string' && GSS_CODE.test(a)))] } : {}),
            },
            'graphql request',
          );
        },
      };
    },
  };
}
