// Trusted documents mode through the real gateway: with TRUSTED_DOCUMENTS set, the typed client's
// registered operations run (sent whole, or as their hash alone) and any other document is refused with
// DOCUMENT_NOT_REGISTERED before any authority is asked. Registering a document that does not fit the
// API is refused, naming the file, and changes nothing.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, CaseloadDocument } from '@wales-lac/client';
import { documentHash } from '@wales-lac/trusted-documents';
import { authorityDb } from './support/fixtures.ts';
import { startTestPlatform, type TestPlatform } from './support/platform.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MANIFEST = join(ROOT, 'packages', 'client', 'trusted-documents.json');
const CARDIFF = 'W06000015';
let platform: TestPlatform;
let lead: string;

beforeAll(async () => {
  platform = await startTestPlatform({ env: { TRUSTED_DOCUMENTS: MANIFEST } });
  lead = await platform.token({ sub: 'vsh-cardiff', role: 'virtual-school-head', authority: CARDIFF });
});
afterAll(async () => platform?.stop());

async function post(
  body: unknown,
): Promise<{ status: number; body: { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] } }> {
  const response = await fetch(platform.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${lead}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as never };
}

describe('a gateway that runs only registered operations', () => {
  it("answers the typed client's caseload, sent whole", async () => {
    const answer = await ask(platform.url, CaseloadDocument, { first: 3, homeAuthority: CARDIFF }, { token: lead });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.learners.edges.length).toBe(3);
  });

  it('answers it sent as its hash alone', async () => {
    const manifest = JSON.parse(await readFile(MANIFEST, 'utf8')) as Record<string, string>;
    const [hash] = Object.entries(manifest).find(([, doc]) => doc.startsWith('query Caseload')) ?? [];
    expect(hash).toBe(documentHash(CaseloadDocument));
    const answer = await post({ variables: { first: 2, homeAuthority: CARDIFF }, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
    expect(answer.body.errors).toBeUndefined();
    expect((answer.body.data?.['learners'] as { edges: unknown[] }).edges).toHaveLength(2);
  });

  it('refuses any other document with DOCUMENT_NOT_REGISTERED, asking no authority', async () => {
    const audit = authorityDb(platform, CARDIFF);
    const [before] = await audit<{ n: number }[]>`select count(*)::int as n from audit_log`;
    const answer = await post({ query: '{ learners(first: 5, homeAuthority: "W06000015") { edges { node { id legalGivenName } } } }' });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.map((e) => e.extensions?.code)).toEqual(['DOCUMENT_NOT_REGISTERED']);
    expect(answer.body.data ?? null).toBeNull();
    const [after] = await audit<{ n: number }[]>`select count(*)::int as n from audit_log`;
    expect(after?.n).toBe(before?.n);
  });

  it('refuses a registered document changed in any way but its layout', async () => {
    const answer = await post({ query: 'query Caseload($first: Int) { learners(first: $first) { totalCount } }', variables: { first: 1 } });
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('DOCUMENT_NOT_REGISTERED');
  });

  it('refuses an unknown hash with a coded error', async () => {
    const answer = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } });
    expect(answer.body.errors?.[0]?.extensions?.code).toMatch(/^PERSISTED_QUERY_NOT_(FOUND|SUPPORTED)$/);
    expect(answer.body.data ?? null).toBeNull();
  });
});

describe('npm run register:documents', () => {
  it('refuses a document that does not fit the public API, naming the file, and changes nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'register-'));
    const file = join(dir, 'team-report.graphql');
    await writeFile(file, 'query TeamReport { learners(first: 5) { shoeSize } }');
    const before = await readFile(MANIFEST, 'utf8');
    try {
      const run = await promisify(execFile)('npm', ['run', '--silent', 'register:documents', '--', file], { cwd: ROOT }).then(
        () => ({ code: 0, stderr: '' }),
        (error: { code?: number; stderr?: string }) => ({ code: error.code ?? -1, stderr: error.stderr ?? '' }),
      );
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('team-report.graphql');
      expect(run.stderr).toContain('shoeSize');
      expect(await readFile(MANIFEST, 'utf8')).toBe(before);
      await expect(readFile(join(ROOT, 'documents', 'team-report.graphql'), 'utf8')).rejects.toThrow();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

it('hashes a document by its printed form, so layout does not matter', () => {
  expect(documentHash(parse('query A { __typename }'))).toBe(documentHash(parse('query   A {\n  __typename # why\n}')));
});
