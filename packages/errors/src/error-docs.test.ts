import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorDocs } from './error-docs.ts';
import { ERROR_CODES } from './index.ts';

describe('docs/errors.md', () => {
  it('lists every registered code with its status, and is what the generator writes', () => {
    const docs = errorDocs();
    for (const [code, { status }] of Object.entries(ERROR_CODES)) expect(docs).toContain(`| \`${code}\` | ${status} |`);
    expect(readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8')).toBe(docs);
  });
});
