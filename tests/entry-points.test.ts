// Each production entry point (dist/<service>.mjs) refuses to start on a missing or bad setting: it exits
// with 78 (EX_CONFIG) and a message naming the setting, before it touches a database or a port. The alerts
// entry points (decision 0033) also run on a real, migrated authority database: the day's run, and the
// dispatcher sending a queued mail through an SMTP server and stopping on SIGTERM.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateSigningKeyPair } from '@wales-lac/caller';
import { connectAuthorityDatabase, dropDatabases, ensureDatabases, migrateAuthorityDatabase, topologyOnServer } from '@wales-lac/db';
import { AUTHORITY_CODES, buildBundles, childProcesses, REPOSITORY_ROOT, startMailCapture } from '@wales-lac/platform';
import { exportJWK } from 'jose';
import { freePort } from './support/ports.ts';

type Service = 'gateway' | 'authority' | 'reference' | 'benchmarks' | 'authority-alerts' | 'outbox-dispatcher';

let folder: string;
const valid = {} as Record<Service, Record<string, string>>;

function run(service: Service, env: Record<string, string>, args: readonly string[] = []): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(REPOSITORY_ROOT, 'dist', `${service}.mjs`), ...args], {
      env: { PATH: process.env['PATH'] ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // A process that got past its configuration would try to connect or listen: not what is tested here.
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

beforeAll(async () => {
  await buildBundles();
  folder = await mkdtemp(join(tmpdir(), 'wales-lac-entry-'));
  const pair = await generateSigningKeyPair();
  const publicFile = join(folder, 'public.jwk.json');
  const privateFile = join(folder, 'private.jwk.json');
  await writeFile(publicFile, JSON.stringify(pair.publicJwk));
  await writeFile(privateFile, JSON.stringify(await exportJWK(pair.privateKey)));
  const database = 'postgres://nobody@127.0.0.1:1/none';
  valid.authority = { AUTHORITY_CODE: 'W06000015', DATABASE_URL: database, GATEWAY_PUBLIC_KEY_FILE: publicFile, PORT: '4101' };
  valid.reference = { DATABASE_URL: database, GATEWAY_PUBLIC_KEY_FILE: publicFile };
  valid.benchmarks = {
    DATABASE_URL: database,
    GATEWAY_PUBLIC_KEY_FILE: publicFile,
    ...Object.fromEntries(AUTHORITY_CODES.map((c) => [`ANONYMISED_READER_URL_${c}`, database])),
  };
  valid['authority-alerts'] = { AUTHORITY_CODE: 'W06000015', DATABASE_URL: database };
  valid['outbox-dispatcher'] = {
    ...valid['authority-alerts'],
    SMTP_URL: 'smtp://127.0.0.1:1',
    PLATFORM_URL: 'https://wales-lac.example.invalid/',
  };
  valid.gateway = {
    REFERENCE_URL: 'http://127.0.0.1:4100/graphql',
    BENCHMARKS_URL: 'http://127.0.0.1:4101/graphql',
    GATEWAY_ASSERTION_PRIVATE_KEY_FILE: privateFile,
    DEV_IDENTITY_PUBLIC_KEY_FILE: publicFile,
    ...Object.fromEntries(AUTHORITY_CODES.map((c) => [`AUTHORITY_URL_${c}`, `http://127.0.0.1:4200/${c}`])),
  };
});

afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

const without = (env: Record<string, string>, name: string) => Object.fromEntries(Object.entries(env).filter(([key]) => key !== name));

// [service, what is wrong, the environment (from the valid one), what the message must say]
const CASES: [Service, string, (env: Record<string, string>) => Record<string, string>, RegExp][] = [
  ['authority', 'no AUTHORITY_CODE', (e) => without(e, 'AUTHORITY_CODE'), /AUTHORITY_CODE is required/],
  ['authority', 'a code that is not Welsh', (e) => ({ ...e, AUTHORITY_CODE: 'E09000001' }), /AUTHORITY_CODE must be a Welsh authority GSS code/],
  ['authority', 'a port out of range', (e) => ({ ...e, PORT: '99999' }), /PORT must be a whole number from 0 to 65535, got '99999'/],
  [
    'authority',
    'a private key where the public one goes',
    (e) => ({ ...without(e, 'GATEWAY_PUBLIC_KEY_FILE'), GATEWAY_PUBLIC_KEY_FILE: join(folder, 'private.jwk.json') }),
    /GATEWAY_PUBLIC_KEY_FILE holds a private key/,
  ],
  ['reference', 'a database URL that is not postgres', (e) => ({ ...e, DATABASE_URL: 'mysql://x@y/z' }), /DATABASE_URL must be a postgres:\/\/ URL/],
  [
    'reference',
    'a key file that is not there',
    (e) => ({ ...e, GATEWAY_PUBLIC_KEY_FILE: join(folder, 'missing.json') }),
    /GATEWAY_PUBLIC_KEY_FILE: cannot read .*missing\.json \(ENOENT\)/,
  ],
  [
    'reference',
    'no gateway key at all',
    (e) => without(e, 'GATEWAY_PUBLIC_KEY_FILE'),
    /GATEWAY_PUBLIC_KEY \(a JWK\) or GATEWAY_PUBLIC_KEY_FILE .* is required/,
  ],
  [
    'benchmarks',
    "one authority's anonymised reader missing",
    (e) => without(e, 'ANONYMISED_READER_URL_W06000022'),
    /ANONYMISED_READER_URL_W06000022 is required/,
  ],
  [
    'benchmarks',
    'an unknown rounding',
    (e) => ({ ...e, BENCHMARK_ROUNDING: 'nearest-10' }),
    /BENCHMARK_ROUNDING must be one of none, nearest-5, got 'nearest-10'/,
  ],
  ['gateway', "one authority's URL missing", (e) => without(e, 'AUTHORITY_URL_W06000015'), /AUTHORITY_URL_W06000015 is required/],
  ['gateway', 'no benchmarks URL', (e) => without(e, 'BENCHMARKS_URL'), /BENCHMARKS_URL is required/],
  ['gateway', 'a reference URL that is not a URL', (e) => ({ ...e, REFERENCE_URL: 'reference:4100' }), /REFERENCE_URL must be an http\(s\) URL/],
  [
    'gateway',
    'the production profile with the development identity provider',
    (e) => ({ ...e, PROFILE: 'production' }),
    /PROFILE=production needs an identity provider: set AUTH_ISSUER, AUTH_AUDIENCE and AUTH_JWKS_URL/,
  ],
  ['gateway', 'a limit out of range', (e) => ({ ...e, LIMIT_DEPTH: '50' }), /LIMIT_DEPTH must be a whole number from 2 to 20, got '50'/],
  ['gateway', 'no workers', (e) => ({ ...e, GATEWAY_WORKERS: '0' }), /GATEWAY_WORKERS must be a whole number from 1 to 64 or auto, got '0'/],
  ['gateway', 'more workers than allowed', (e) => ({ ...e, GATEWAY_WORKERS: '65' }), /GATEWAY_WORKERS must be a whole number from 1 to 64 or auto, got '65'/],
  [
    'gateway',
    'a worker count that is not a number',
    (e) => ({ ...e, GATEWAY_WORKERS: 'all' }),
    /GATEWAY_WORKERS must be a whole number from 1 to 64 or auto, got 'all'/,
  ],
  ['authority-alerts', 'no AUTHORITY_CODE', (e) => without(e, 'AUTHORITY_CODE'), /AUTHORITY_CODE is required/],
  ['authority-alerts', 'a database URL that is not postgres', (e) => ({ ...e, DATABASE_URL: 'mysql://x@y/z' }), /DATABASE_URL must be a postgres:\/\/ URL/],
  ['outbox-dispatcher', 'no SMTP_URL', (e) => without(e, 'SMTP_URL'), /SMTP_URL is required/],
  ['outbox-dispatcher', 'no PLATFORM_URL to link to', (e) => without(e, 'PLATFORM_URL'), /PLATFORM_URL is required/],
];

describe('production entry points refuse a missing or bad setting, naming it', () => {
  it.each(CASES)('%s: %s', async (service, _what, change, message) => {
    const { code, output } = await run(service, change(valid[service]));
    expect(output).toMatch(message);
    expect(output).toContain(`${service}: configuration:`);
    expect(code).toBe(78);
  });

  it('the valid settings get past configuration (the database is then unreachable)', async () => {
    const { code, output } = await run('authority', valid.authority);
    expect(output).not.toContain('configuration:');
    expect(output).toContain('authority failed to start');
    expect(code).toBe(1);
  });
});

describe('the production gateway with every subgraph unreachable', () => {
  // GATEWAY_WORKERS=2: a primary and two workers on the one port (decision 0024); SIGTERM stops them all.
  it.each(['1', '2'])(
    'starts with GATEWAY_WORKERS=%s, reports each one unavailable on /health, and stops cleanly on SIGTERM',
    async (workers) => {
      const port = await freePort();
      // Port 1 on loopback: nothing listens there, so every subgraph is refused at once.
      const unreachable = 'http://127.0.0.1:1/graphql';
      const env = {
        ...valid.gateway,
        REFERENCE_URL: unreachable,
        BENCHMARKS_URL: unreachable,
        ...Object.fromEntries(AUTHORITY_CODES.map((c) => [`AUTHORITY_URL_${c}`, unreachable])),
        PORT: String(port),
        METRICS_PORT: '0',
        GATEWAY_WORKERS: workers,
      };
      const child = spawn(process.execPath, [join(REPOSITORY_ROOT, 'dist', 'gateway.mjs')], {
        env: { PATH: process.env['PATH'] ?? '', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      let forked: number[] = [];
      try {
        for (const until = Date.now() + 40_000; !output.includes('gateway listening at') && Date.now() < until;) await new Promise((r) => setTimeout(r, 50));
        expect(output).toContain(`gateway listening at http://127.0.0.1:${port}/graphql`);
        forked = childProcesses(child.pid ?? 0);
        expect(forked).toHaveLength(workers === '1' ? 0 : 2);
        const health = await fetch(`http://127.0.0.1:${port}/health`);
        const body = (await health.json()) as { status: string; detail: { unavailable: string[] } };
        expect(health.status).toBe(503);
        expect(body.status).toBe('unavailable');
        expect(body.detail.unavailable).toEqual(expect.arrayContaining(['authority:W06000015', 'authority:W06000022', 'reference', 'benchmarks']));
        expect(body.detail.unavailable).toHaveLength(AUTHORITY_CODES.length + 2);
      } finally {
        child.kill('SIGTERM');
      }
      expect(await exited).toBe(0);
      // Each worker stopped too (the primary waits for them before it exits).
      expect(forked.filter((pid) => existsSync(`/proc/${pid}`))).toEqual([]);
    },
    90_000,
  );
});

describe('the alerts entry points on a real authority database', () => {
  const server = inject('databaseServerUrl');
  const topology = topologyOnServer(server, `entry_${inject('runId')}`, ['W06000015']);
  const url = topology.authorities.get('W06000015') ?? '';
  let sql: postgres.Sql;

  beforeAll(async () => {
    await ensureDatabases(server, topology);
    const connection = connectAuthorityDatabase(url, { max: 1 });
    await migrateAuthorityDatabase(connection.db);
    await connection.close();
    sql = postgres(url, { max: 1, onnotice: () => undefined });
  });

  afterAll(async () => {
    await sql?.end({ timeout: 5 });
    await dropDatabases(server, topology);
  });

  it('runs the day for its authority, exits 0, and a bad --date or an unreachable database fails it', async () => {
    const env = { AUTHORITY_CODE: 'W06000015', DATABASE_URL: url };
    const done = await run('authority-alerts', env, ['--date', '2026-12-03']);
    expect(done.output).toContain('W06000015 Cardiff: 0 alerts on 2026-12-03, 0 new notifications, 0 emails queued');
    expect(done.code).toBe(0);
    const badDate = await run('authority-alerts', env, ['--date', '2026-02-30']);
    expect(badDate.output).toContain('not a real calendar date');
    expect(badDate.code).toBe(64);
    const unreachable = await run('authority-alerts', { ...env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(unreachable.output).toContain('authority-alerts:');
    expect(unreachable.code).toBe(2);
  }, 60_000);

  it('the dispatcher sends a queued mail through the relay, marks it sent, and stops on SIGTERM with 0', async () => {
    await sql`insert into learners (id, upn, legal_given_name, legal_family_name, date_of_birth, gender, language_preference)
              values ('W06000015:L900001', 'A900000000001', 'Test', 'Child', '2015-01-01', 'not-recorded', 'en')`;
    await sql`insert into notifications (id, recipient_kind, recipient, learner_id, kind, effective_on, period)
              values ('W06000015:N900001', 'learner', 'W06000015:L900001', 'W06000015:L900001', 'exclusion', '2026-12-03', 'W06000015:EX900001')`;
    await sql`insert into notification_outbox (notification_id, subject, email, kind) values ('W06000015:N900001', 'sw-1', 'sw@example.invalid', 'exclusion')`;
    const relay = await startMailCapture();
    const env = {
      AUTHORITY_CODE: 'W06000015',
      DATABASE_URL: url,
      SMTP_URL: relay.smtpUrl,
      PLATFORM_URL: 'https://wales-lac.example.invalid/',
      OUTBOX_DISPATCH_SECONDS: '1',
    };
    const child = spawn(process.execPath, [join(REPOSITORY_ROOT, 'dist', 'outbox-dispatcher.mjs')], {
      env: { PATH: process.env['PATH'] ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      for (const until = Date.now() + 20_000; relay.mails.length === 0 && Date.now() < until;) await new Promise((r) => setTimeout(r, 100));
      expect(output).toContain('outbox-dispatcher for W06000015 Cardiff: a pass every 1 s');
      expect(relay.mails.map((m) => m.to)).toEqual(['sw@example.invalid']);
      expect(relay.mails[0]?.text).toContain('https://wales-lac.example.invalid/dashboard/notifications?notification=W06000015%3AN900001');
      expect(relay.mails[0]?.text).not.toContain('Test Child');
      for (const until = Date.now() + 5_000; !output.includes('1 sent') && Date.now() < until;) await new Promise((r) => setTimeout(r, 50));
      const [row] = await sql<{ state: string }[]>`select state from notification_outbox where notification_id = 'W06000015:N900001'`;
      expect(row?.state).toBe('sent');
    } finally {
      child.kill('SIGTERM');
      await relay.close();
    }
    expect(await exited).toBe(0);
    // Sent once: the next passes found nothing due.
    expect(relay.mails).toHaveLength(1);
  }, 60_000);
});
