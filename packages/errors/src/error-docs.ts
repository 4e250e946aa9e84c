// docs/errors.md, written from the registry: the one place codes are defined is the one place they are
// documented. `npm run generate:errors` writes it; `-- --check` (CI) fails when the file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { ERROR_CODES } from './index.ts';

/** The Markdown of docs/errors.md. */
export function errorDocs(): string {
  const rows = Object.entries(ERROR_CODES).map(([code, { status, meaning }]) => `| \`${code}\` | ${status} | ${meaning.replaceAll('|', '\\|')} |`);
  return [
    '# Error codes',
    '',
    'Generated from `packages/errors/src/index.ts` by `npm run generate:errors`; do not edit by hand.',
    'Every error the platform returns carries one of these in `extensions.code`. The HTTP status applies',
    'where the whole request fails; a field-level error (in `errors` beside partial `data`) keeps 200.',
    '',
    '| code | HTTP status | meaning |',
    '|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

const target = new URL('../../../docs/errors.md', import.meta.url);
if (process.argv[1] && new URL(`file://${process.argv[1]}`).pathname === new URL(import.meta.url).pathname) {
  const wanted = errorDocs();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      // missing: stale
    }
    if (current !== wanted) {
      console.error('docs/errors.md is not current: run npm run generate:errors and commit it');
      process.exit(1);
    }
    console.log('docs/errors.md is current');
  } else {
    writeFileSync(target, wanted);
    console.log(`wrote ${target.pathname}`);
  }
}
