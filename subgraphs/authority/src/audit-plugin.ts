// Writes the request's audit batch before the answer leaves the authority. If it cannot be written,
// the answer is replaced by an error: personal data is never returned unaudited.
import type { ApolloServerPlugin } from '@apollo/server';
import { errorJson, message } from '@wales-lac/errors';
import type { AuthorityContext } from './context.ts';
import type { AuditWriter } from './audit-writer.ts';

export function auditPlugin(writer: AuditWriter, log: (line: string) => void = console.error): ApolloServerPlugin<AuthorityContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse(requestContext) {
          const audit = requestContext.contextValue?.audit;
          if (!audit) return;
          try {
            await writer.append(audit.drain());
          } catch (error) {
            log(`audit batch could not be written: ${String(error)}`);
            requestContext.response.body = {
              kind: 'single',
              singleResult: {
                errors: [errorJson(message('AUDIT_UNAVAILABLE', 'notRecorded'), requestContext.contextValue.language)],
              },
            };
            requestContext.response.http.status = 503;
          }
        },
      };
    },
  };
}
