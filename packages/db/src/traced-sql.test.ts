// The SQL spans an operator reads in a trace, over a real PostgreSQL: one per statement, under the request's
// span, inside transactions too, with the SQL text but never its values, and a failure's SQLSTATE only.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTelemetry, InMemorySpanExporter, type ReadableSpan } from '@wales-lac/telemetry';
import { connectAuthorityDatabase, tracedAuthorityConnection, type AuthorityDatabase, type Connection } from './connection.ts';
import { startEmbeddedServer, type EmbeddedServer } from './embedded.ts';
import { migrateAuthorityDatabase } from './migrate.ts';
import { ensureDatabases, topologyOnServer } from './provision.ts';
import { learners } from './schema/authority.ts';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

const CHILD = {
  id: 'W06000015:L000042',
  upn: 'B801200005042',
  legalGivenName: 'Synthetic',
  legalFamilyName: 'Child',
  dateOfBirth: '2015-05-01',
  gender: 'female',
  languagePreference: 'cy',
} as const;

const spans = new InMemorySpanExporter();
const telemetry = createTelemetry({ traces: { exporter: spans } });
const tracer = telemetry.service({ service: 'authority', authority: 'W06000015' }).tracer;
let dir: string;
let server: EmbeddedServer;
let plain: Connection<AuthorityDatabase>;
let traced: Connection<AuthorityDatabase>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wales-lac-traced-sql-'));
  server = await startEmbeddedServer({ dataDir: join(dir, 'postgres'), port: await freePort() });
  const topology = topologyOnServer(server.serverUrl, 'traced_sql', ['W06000015']);
  await ensureDatabases(server.serverUrl, topology);
  plain = connectAuthorityDatabase(topology.authorities.get('W06000015') ?? '');
  await migrateAuthorityDatabase(plain.db);
  if (!tracer) throw new Error('tracing is on in this test');
  traced = tracedAuthorityConnection(plain, tracer);
}, 60_000);
afterAll(async () => {
  await plain?.close();
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
  await telemetry.shutdown();
});

/** What `run` sends, as spans, when run inside a request's span. */
async function spansOf(run: () => Promise<unknown>): Promise<{ request: ReadableSpan; sql: ReadableSpan[] }> {
  spans.reset();
  await tracer?.startActiveSpan('request', async (span) => {
    try {
      await run();
    } catch {
      // a failing statement's span is what is looked at
    } finally {
      span.end();
    }
  });
  const finished = spans.getFinishedSpans();
  const request = finished.find((s) => s.name === 'request');
  if (!request) throw new Error('no request span');
  return { request, sql: finished.filter((s) => s !== request) };
}

describe('SQL spans', () => {
  it('are one per statement, children of the request, with the SQL and without its values', async () => {
    const { request, sql } = await spansOf(async () => {
      await traced.db.insert(learners).values(CHILD);
      await traced.db.select({ id: learners.id }).from(learners).where(eq(learners.upn, CHILD.upn));
    });
    expect(sql.map((s) => s.name)).toEqual(['INSERT traced_sql_w06000015', 'SELECT traced_sql_w06000015']);
    expect(sql.every((s) => s.parentSpanContext?.spanId === request.spanContext().spanId)).toBe(true);
    expect(sql[1]?.attributes).toMatchObject({ 'db.system.name': 'postgresql', 'db.namespace': 'traced_sql_w06000015', 'db.operation.name': 'SELECT' });
    expect(sql[1]?.attributes['db.query.text']).toMatch(/^select "id" from "learners" where "learners"."upn" = \$1$/);
    for (const value of Object.values(CHILD)) expect(JSON.stringify(sql.map((s) => s.attributes))).not.toContain(value);
  });

  it('cover the statements of a transaction', async () => {
    const { sql } = await spansOf(() => traced.db.transaction(async (tx) => tx.select({ id: learners.id }).from(learners).limit(1)));
    expect(sql.map((s) => s.name)).toEqual(['SELECT traced_sql_w06000015']);
  });

  it('mark a failed statement with its SQLSTATE, not its message (which quotes the row)', async () => {
    const { sql } = await spansOf(() => traced.db.insert(learners).values({ ...CHILD, id: 'W06000015:L000043', upn: 'short' }));
    expect(sql).toHaveLength(1);
    expect(sql[0]?.status).toEqual({ code: 2, message: '23514' });
    expect(sql[0]?.events).toEqual([]);
  });

  it('are not made by the pool the service was given, which keeps its own', async () => {
    const { sql } = await spansOf(() => plain.sql`select 1`);
    expect(sql).toEqual([]);
  });
});
