// The GraphQL examples of docs/*.md are operations a practitioner copies: each block must be a
// complete, valid document against the API schema (so a required input such as idempotencyKey cannot
// be left out of an example, and a renamed field fails here rather than for the reader). This is the
// fast check; tests/docs-examples.test.ts runs every example through the real gateway.
import { readdirSync, readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';

const schema = buildSchema(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));
const docs = new URL('../../../docs/', import.meta.url);
const blocksOf = (text: string) => [...text.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
const files = readdirSync(docs)
  .filter((f) => f.endsWith('.md'))
  .sort();
const examples = files.flatMap((file) => blocksOf(readFileSync(new URL(file, docs), 'utf8')).map((block, i) => [file, i + 1, block] as const));
const pep = readFileSync(new URL('pep.md', docs), 'utf8');

describe('docs/*.md', () => {
  it('docs/pep.md has GraphQL examples, among them every PEP change', () => {
    for (const change of ['startPep', 'writePepSection', 'addPepTarget', 'signOffPep', 'ratePepQuality', 'recordTargetProgress'])
      expect(blocksOf(pep).join('\n')).toContain(`${change}(`);
  });

  it('has examples in api.md, entitlements.md and pep.md', () => {
    expect(examples.map(([file]) => file)).toEqual(expect.arrayContaining(['api.md', 'entitlements.md', 'pep.md']));
  });

  it.each(examples)('%s example %d is valid against the API schema', (_, __, block) => {
    expect(validate(schema, parse(block)).map((e) => e.message)).toEqual([]);
  });

  it('names the IN_REVIEW state in the cycle table', () => expect(pep).toMatch(/\| `IN_REVIEW`/));
});
