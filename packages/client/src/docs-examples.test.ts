// The GraphQL examples of docs/pep.md are operations a practitioner copies: each block must be a
// complete, valid document against the API schema (so a required input such as idempotencyKey cannot
// be left out of an example, and a renamed field fails here rather than for the reader).
import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';

const schema = buildSchema(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));
const doc = readFileSync(new URL('../../../docs/pep.md', import.meta.url), 'utf8');
const blocks = [...doc.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');

describe('docs/pep.md', () => {
  it('has GraphQL examples, among them every PEP change', () => {
    for (const change of ['startPep', 'writePepSection', 'addPepTarget', 'signOffPep', 'ratePepQuality', 'recordTargetProgress']) expect(blocks.join('\n')).toContain(`${change}(`);
  });

  it.each(blocks.map((b, i) => [i + 1, b] as const))('example %d is valid against the API schema', (_, block) => {
    expect(validate(schema, parse(block)).map((e) => e.message)).toEqual([]);
  });

  it('names the IN_REVIEW state in the cycle table', () => expect(doc).toMatch(/\| `IN_REVIEW`/));
});
