// Writes the request's audit batch before the answer leaves the authority. If it cannot be written,
// the answer is replaced by an error: personal data is never returned unaudited. Failures are counted
// (authority_audit_batch_failures_total, docs/operations.md) and logged without the rows. Concurrent
// requests' batches are written together (the writer's group commit).
import { errorJson, message } from '@wales-lac/errors';
import { describeError, type AnswerShaper, type ServiceTelemetry } from '@wales-lac/telemetry';
import type { AuthorityContext } from './context.ts';
import type { AuditWriter } from './audit-writer.ts';

export function auditPlugin(writer: AuditWriter, telemetry: ServiceTelemetry): AnswerShaper<AuthorityContext> {
  const { metrics } = telemetry;
  const written = metrics.counter(
    'authority_audit_batches_total',
    "Requests' audit batches written to the audit log (one per request that read or changed a child's record)",
  );
  const failed = metrics.counter(
    'authority_audit_batch_failures_total',
    'Audit batches that could not be written; each failed its request with AUDIT_UNAVAILABLE',
  );
  return {
    async requestDidStart() {
      return {
        async willSendResponse(requestContext) {
          const audit = requestContext.contextValue?.audit;
          if (!audit) return;
          const rows = audit.drain();
          try {
            await writer.append(rows);
            if (rows.length > 0) written.inc();
          } catch (error) {
            failed.inc();
            telemetry.log.error({ ...describeError(error), rows: rows.length }, 'audit batch could not be written');
            requestContext.response.body = {
              kind: 'single',
              singleResult: { errors: [errorJson(message('AUDIT_UNAVAILABLE', 'notRecorded'), requestContext.contextValue.language)] },
            };
            requestContext.response.http.status = 503;
          }
        },
      };
    },
  };
}
