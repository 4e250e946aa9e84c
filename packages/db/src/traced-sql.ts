// Spans around the SQL a service sends, made by hand: no OpenTelemetry instrumentation exists for the
// postgres.js driver (instrumentation-pg is node-postgres's), and patching a module would not reach the
// vendored driver inside the esbuild bundles. The pool is wrapped, not changed: each query gets a client span
// from when the driver takes it to when it settles, under the span that was active when it was made.
import { context, SpanKind, SpanStatusCode, type Context, type Tracer } from '@opentelemetry/api';
import type { Sql } from 'postgres';

/** The driver's query object: a promise whose `handler` runs it once, settling through `resolve`/`reject`. */
interface DriverQuery {
  handler: (query: DriverQuery) => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

const isDriverQuery = (value: unknown): value is DriverQuery => typeof (value as DriverQuery | null)?.handler === 'function';

/** The statement's SQL text, as the code wrote it: values are parameters ($1…), never part of it. */
const MAX_TEXT = 2_000;

function spanned<Q>(query: Q, text: () => string, tracer: Tracer, database: string, parent: Context): Q {
  if (!isDriverQuery(query)) return query;
  const run = query.handler;
  query.handler = (self) => {
    const statement = text().trim();
    const operation = /^\w+/.exec(statement)?.[0]?.toUpperCase() ?? 'SQL';
    const span = tracer.startSpan(
      `${operation} ${database}`,
      {
        kind: SpanKind.CLIENT,
        attributes: { 'db.system.name': 'postgresql', 'db.namespace': database, 'db.operation.name': operation, 'db.query.text': statement.slice(0, MAX_TEXT) },
      },
      parent,
    );
    const { resolve, reject } = query;
    query.resolve = (value) => {
      span.end();
      resolve(value);
    };
    query.reject = (error) => {
      // The SQLSTATE only: a message or detail may quote a value ("Key (id)=(…) already exists").
      const code = (error as { code?: unknown } | null)?.code;
      span.setStatus({ code: SpanStatusCode.ERROR, message: typeof code === 'string' ? code : 'error' });
      span.end();
      reject(error);
    };
    return run(self);
  };
  return query;
}

const isTemplate = (value: unknown): value is TemplateStringsArray => Array.isArray(value) && 'raw' in value;

type Begin = (...args: unknown[]) => unknown;

/** The same pool, every query through it (and through its transactions) in a span. */
export function traceSql(sql: Sql, tracer: Tracer, database: string): Sql {
  const within = (run: (tx: Sql) => unknown) => (tx: Sql) => run(traceSql(tx, tracer, database));
  return new Proxy(sql, {
    apply(target, thisArg, args: unknown[]) {
      const result: unknown = Reflect.apply(target as unknown as (...a: unknown[]) => unknown, thisArg, args);
      const strings = args[0];
      return isTemplate(strings) ? spanned(result, () => strings.join('?'), tracer, database, context.active()) : result;
    },
    get(target, property, receiver) {
      if (property === 'unsafe') {
        return (query: string, ...rest: unknown[]) =>
          spanned((target.unsafe as (...a: unknown[]) => unknown)(query, ...rest), () => query, tracer, database, context.active());
      }
      if (property === 'begin' || property === 'savepoint') {
        const original = Reflect.get(target, property, target) as Begin;
        return (...args: unknown[]) => {
          const run = args.pop() as (tx: Sql) => unknown;
          return original(...args, within(run));
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}
