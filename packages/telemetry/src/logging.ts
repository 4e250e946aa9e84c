// Structured JSON logs (pino) carrying the active trace's ids. What a line may hold: operation names,
// authority codes, durations, error codes and names. Never a child's identifying data: callers pass no
// variables, record ids or messages from the data layer, and errors go through `describeError`.
import pino, { type DestinationStream, type Logger } from 'pino';
import { activeTraceIds } from './tracing.ts';

export type { Logger } from 'pino';

export function createLogger(level: string, base: Readonly<Record<string, string>>, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { ...base },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => activeTraceIds() ?? {},
      // A second line of defence: fields that would hold a child's data are never written.
      redact: {
        paths: ['variables', '*.variables', 'learnerId', '*.learnerId', 'upn', '*.upn', 'name', '*.name', 'dateOfBirth', '*.dateOfBirth'],
        censor: '[redacted]',
      },
    },
    destination ?? pino.destination({ dest: 1, sync: false }),
  );
}

// Drizzle wraps a failed statement as "Failed query: <SQL>\nparams: <values>": the SQL is the code's, the values may be a child's.
const FAILED_QUERY = /^Failed query: ([\s\S]*?)\nparams:/;
const FRAME = /\(?((?:[^()\s]*\/)?(?:packages|subgraphs|gateway)\/[^():\s]+:\d+):\d+\)?/;

/**
 * What can be logged of an error: its class, its code (a PostgreSQL SQLSTATE, a driver's or the platform's),
 * the failed statement's SQL without its values, and where it was thrown. Never its message, which may
 * quote data (an id in a "no such learner" message, a value in a constraint violation).
 */
export function describeError(error: unknown): Record<string, string> {
  const described: Record<string, string> = {};
  let e: unknown = error;
  for (let depth = 0; e instanceof Error && depth < 5; e = e.cause, depth += 1) {
    described['error_name'] ??= e.name;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && !described['error_code']) described['error_code'] = code.slice(0, 40);
    const sql = FAILED_QUERY.exec(e.message)?.[1];
    if (sql && !described['sql']) described['sql'] = sql.slice(0, 500);
    // The first frame in the platform's own code (a library's, @apollo/gateway's included, says less).
    const where = e.stack
      ?.split('\n')
      .slice(1)
      .filter((line) => !line.includes('/node_modules/'))
      .map((line) => FRAME.exec(line)?.[1])
      .find(Boolean);
    if (where && !described['where']) described['where'] = where.replace(/^.*?((?:packages|subgraphs|gateway)\/)/, '$1');
  }
  if (!(error instanceof Error)) described['error_name'] = typeof error;
  return described;
}
