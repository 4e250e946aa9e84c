// The committed schema and typed documents are what `npm run generate:client` writes today (CI runs the
// same check); the documents are valid against the public API schema (the generator refuses otherwise).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSchema, print, validate } from 'graphql';
import { clientFiles } from '../scripts/client-files.ts';
import { BenchmarksDocument, CaseloadDocument, LearnerRecordDocument, NotificationsDocument } from './index.ts';

describe('the generated client', () => {
  it('is current', async () => {
    for (const [file, content] of await clientFiles()) expect(readFileSync(file, 'utf8'), file).toBe(content);
  }, 60_000);

  it("has documents the gateway's public schema accepts, without the federation machinery", () => {
    const sdl = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');
    expect(sdl).not.toMatch(/join__|link__/);
    const schema = buildSchema(sdl);
    for (const document of [CaseloadDocument, LearnerRecordDocument, NotificationsDocument, BenchmarksDocument]) {
      expect(validate(schema, document), print(document)).toEqual([]);
    }
  });
});
