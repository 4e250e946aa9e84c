// The reference service over HTTP, as the gateway calls it: the language of labels comes from the
// `language` argument, else the request's Accept-Language, else English. The vocabulary reads no
// database; a server is used when DATABASE_URL is set, else a connection that is never opened.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASSERTION_HEADER, createAssertionSigner, generateSigningKeyPair, type Caller } from '@wales-lac/caller';
import { connectNationalDatabase } from '@wales-lac/db';
import { createReferenceSubgraph, type ReferenceSubgraph } from './service.ts';

const caller: Caller = { subject: 'learner-1', role: 'learner', authorityCode: 'W06000015', schoolId: null, learnerId: 'W06000015:L000001', regionCode: null };

let service: ReferenceSubgraph;
let url: string;
let sign: (caller: Caller, audience: string, body: string) => Promise<string>;
const database = connectNationalDatabase(process.env['DATABASE_URL'] ?? 'postgres://unused@127.0.0.1:9/none', { max: 1 });

beforeAll(async () => {
  const keys = await generateSigningKeyPair();
  sign = createAssertionSigner(keys.privateKey);
  service = await createReferenceSubgraph({ database, gatewayPublicKey: keys.publicKey });
  ({ url } = await service.listen(0));
});

afterAll(async () => {
  await service?.stop();
  await database.close();
});

async function ask(
  query: string,
  headers: Record<string, string> = {},
): Promise<{ data?: Record<string, unknown>; errors?: { extensions: Record<string, unknown> }[] }> {
  const body = JSON.stringify({ query });
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [ASSERTION_HEADER]: await sign(caller, 'reference', body), ...headers },
    body,
  });
  return (await response.json()) as never;
}

const firstLabel = (result: { data?: Record<string, unknown> }) => (result.data?.['vocabulary'] as { label: string }[])[0]?.label;

describe('language of the vocabulary', () => {
  const query = (args: string) => `{ vocabulary(enumName: "ExclusionKind"${args}) { enumName value label labelEn labelCy } }`;

  it.each([
    ['no header, no argument', {}, '', 'Fixed-term exclusion'],
    ['Accept-Language: cy', { 'accept-language': 'cy-GB,en;q=0.5' }, '', 'Gwaharddiad cyfnod penodol'],
    ['Accept-Language: cy, argument EN', { 'accept-language': 'cy' }, ', language: EN', 'Fixed-term exclusion'],
    ['Accept-Language: en, argument CY', { 'accept-language': 'en' }, ', language: CY', 'Gwaharddiad cyfnod penodol'],
  ])('%s', async (_name, headers, args, label) => {
    const result = await ask(query(args), headers);
    expect(result.errors).toBeUndefined();
    expect(firstLabel(result)).toBe(label);
  });

  it('refuses an unknown enum name with BAD_USER_INPUT', async () => {
    const result = await ask('{ vocabulary(enumName: "Nope") { value } }');
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'enumName' });
  });

  it('gives PEP section texts in the language of Accept-Language', async () => {
    const result = await ask('{ pepSectionTexts { section title prompt titleEn promptCy } }', { 'accept-language': 'cy' });
    expect(result.errors).toBeUndefined();
    const [first] = result.data?.['pepSectionTexts'] as { section: string; title: string; prompt: string; titleEn: string }[];
    expect(first).toMatchObject({ section: 'ALL_ABOUT_ME', title: 'Popeth amdana i', titleEn: 'All about me' });
    expect(first?.prompt).toMatch(/^Beth wyt ti eisiau/);
  });
});
