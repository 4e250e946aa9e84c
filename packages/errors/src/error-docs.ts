// docs/errors.md, written from the registry: the one place codes and their messages are defined is the
// one place they are documented. `npm run generate:errors` writes it; `-- --check` (CI) fails when stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { ERROR_CODES, type ErrorCode } from './codes.ts';
import { MESSAGES, type Template } from './messages.ts';
import { WORDS } from './messages-words.ts';

const cell = (text: string) => text.replaceAll('|', '\\|');

function messageRows(code: ErrorCode): string[] {
  const messages = Object.entries(MESSAGES[code] as Readonly<Record<string, Template>>);
  return [
    `### \`${code}\``,
    '',
    '| message | English | Cymraeg |',
    '|---|---|---|',
    ...messages.map(([name, { en, cy }]) => `| \`${name}\` | ${cell(en)} | ${cell(cy)} |`),
    '',
  ];
}

/** The Markdown of docs/errors.md. */
export function errorDocs(): string {
  const rows = Object.entries(ERROR_CODES).map(([code, { status, meaning }]) => `| \`${code}\` | ${status} | ${cell(meaning)} |`);
  const words = Object.entries(WORDS).map(([name, { en, cy }]) => `| \`${name}\` | ${cell(en)} | ${cell(cy)} |`);
  return [
    '# Error codes',
    '',
    'Generated from `packages/errors/src/` by `npm run generate:errors`; do not edit by hand.',
    'Every error the platform returns carries one of these in `extensions.code`. The HTTP status applies',
    'where the whole request fails; a field-level error (in `errors` beside partial `data`) keeps 200.',
    '',
    '| code | HTTP status | meaning |',
    '|---|---|---|',
    ...rows,
    '',
    '## Messages, in English and Welsh',
    '',
    'An error is worded in the language its request asks for: `Accept-Language: cy` (or one that ranks',
    'Welsh above English) gives the Welsh text, anything else the English. Only `message` changes:',
    '`code`, `field` and every other extension are the same in both languages. `{name}` marks a detail',
    'put in (a value, a word below, or another message). Where graphql-js or Apollo Server words an error',
    '(`{detail}`), the English is the library’s own and the Welsh frames it.',
    '',
    'The Welsh is careful, plain Welsh written with the project’s vocabulary (packages/vocabulary), but it',
    'has not yet been reviewed by a Welsh speaker: it should be before it is relied on.',
    '',
    ...Object.keys(ERROR_CODES).flatMap((code) => messageRows(code as ErrorCode)),
    '### Words put into messages',
    '',
    '| word | English | Cymraeg |',
    '|---|---|---|',
    ...words,
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
