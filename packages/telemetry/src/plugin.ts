// One Apollo Server plugin per service: counts and times each GraphQL request by operation, counts its
// answer's error codes, names the request's span after the operation, and logs one line for it. The
// request path pays a clock read, a few map lookups and one log call (below the level: a no-op).
import type { ApolloServerPlugin, BaseContext, GraphQLRequestContext, GraphQLRequestContextWillSendResponse } from '@apollo/server';
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

/**
 * A plugin that may replace the answer as it leaves (the authority's audit: AUDIT_UNAVAILABLE). Apollo runs
 * plugins' willSendResponse hooks at once, not in turn, so the telemetry plugin runs these itself, first,
 * and observes the answer they leave.
 */
export interface AnswerShaper<C extends BaseContext> {
  requestDidStart(context: GraphQLRequestContext<C>): Promise<{ willSendResponse(context: GraphQLRequestContextWillSendResponse<C>): Promise<void> }>;
}

export interface RequestTelemetryOptions<C extends BaseContext = BaseContext> {
  /** The level of the one line logged per request: info at the gateway, debug (off by default) in subgraphs. */
  readonly logLevel?: 'info' | 'debug';
  /** Plugins whose answer is the one observed (see AnswerShaper). */
  readonly shapers?: readonly AnswerShaper<C>[];
}

interface AnswerError {
  readonly extensions?: Readonly<Record<string, unknown>>;
}

export function requestTelemetryPlugin<C extends BaseContext>(telemetry: ServiceTelemetry, options: RequestTelemetryOptions<C> = {}): ApolloServerPlugin<C> {
  const { metrics, log } = telemetry;
  const level = options.logLevel ?? 'debug';
  const shapers = options.shapers ?? [];
  return {
    async requestDidStart(requestContext) {
      const started = performance.now();
      const shaping = await Promise.all(shapers.map((shaper) => shaper.requestDidStart(requestContext)));
      return {
        async didResolveOperation({ operationName, operation }) {
          const span = trace.getActiveSpan();
          if (!span || !operation) return;
          const name = metrics.operations.of(operationName);
          span.updateName(`${operation.operation} ${name}`);
          span.setAttributes({ 'graphql.operation.name': name, 'graphql.operation.type': operation.operation });
        },
        async willSendResponse(responseContext) {
          for (const shaper of shaping) await shaper.willSendResponse(responseContext);
          const { response, operationName, request, operation } = responseContext;
          const seconds = (performance.now() - started) / 1000;
          const errors: readonly AnswerError[] = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          const operationLabel = metrics.operations.of(operationName ?? request.operationName);
          const outcome = errors.length === 0 ? 'ok' : 'error';
          metrics.requests.inc({ operation: operationLabel, outcome });
          metrics.duration.observe({ operation: operationLabel, outcome }, seconds);
          const codes = [...new Set(errors.map((e) => codeLabel(e.extensions?.['code'])))];
          for (const code of codes)
            metrics.errors.inc({ operation: operationLabel, code }, errors.filter((e) => codeLabel(e.extensions?.['code']) === code).length);
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
