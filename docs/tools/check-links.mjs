#!/usr/bin/env node
// Checks the references in the repository's Markdown (README.md, docs/, the packages' READMEs) and in
// source comments resolve:
//   - a relative Markdown link [text](path#anchor) names a file that exists (and a heading in it);
//   - a repository path in backticks (`packages/policy/src/model.ts`) exists, read from the repository root;
//   - "decision 0016" names a file in docs/decisions/;
//   - a design document kept outside the repository (ENTITLEMENTS.md, FEDERATION-NOTES.md, METRICS.md,
//     ARCHITECTURE.md) is named with where it is: `../shared/design/NAME`, beside the repository.
// Schema descriptions (*.graphql) that name a design document are listed as notes, not failures: changing
// them changes the public schema and its generated copies (npm run generate:supergraph, generate:client).
//   node docs/tools/check-links.mjs      exit 1 when any reference is dangling (not part of npm test)
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SKIP_DIRS = new Set(['node_modules', '.git', '.data', 'dist', 'vendor', 'generated', 'screenshots']);
// Named with or without ".md" (a comment may say "see FEDERATION-NOTES").
const DESIGN_DOCS = ['ENTITLEMENTS', 'FEDERATION-NOTES', 'METRICS', 'ARCHITECTURE'];
const TOP_LEVEL = new Set(readdirSync(ROOT).filter((name) => !name.startsWith('.') || name === '.ci'));

function filesUnder(dir, keep) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return SKIP_DIRS.has(entry.name) ? [] : filesUnder(path, keep);
    return keep(entry.name) ? [path] : [];
  });
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replaceAll(' ', '-');

function anchorsOf(file) {
  return new Set([...readFileSync(file, 'utf8').matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => slug(m[1])));
}

/** Text outside fenced code blocks, with line numbers kept. */
function prose(text) {
  let fenced = false;
  return text.split('\n').map((line) => {
    if (/^\s*```/.test(line)) {
      fenced = !fenced;
      return '';
    }
    return fenced ? '' : line;
  });
}

const looksLikePath = (span) => /^[\w.@-]+(\/[\w.@-]+)*\/?$/.test(span) && span.includes('/') && TOP_LEVEL.has(span.split('/')[0]);

function checkMarkdown(file, problems) {
  const lines = prose(readFileSync(file, 'utf8'));
  lines.forEach((line, i) => {
    const at = `${relative(ROOT, file)}:${i + 1}`;
    for (const [, target] of line.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      if (/^[a-z]+:/i.test(target)) continue;
      const [path, anchor] = target.split('#');
      const full = path ? resolve(dirname(file), decodeURIComponent(path)) : file;
      if (!existsSync(full)) problems.push(`${at}: link to ${target}: no such file`);
      else if (anchor && full.endsWith('.md') && !anchorsOf(full).has(anchor)) problems.push(`${at}: link to ${target}: no such heading`);
    }
    for (const [, span] of line.matchAll(/`([^`]+)`/g)) {
      if (looksLikePath(span) && !existsSync(join(ROOT, span))) problems.push(`${at}: \`${span}\`: no such path in the repository`);
    }
    for (const [, number] of line.matchAll(/\b[Dd]ecisions? (\d{4})\b/g)) {
      if (!readdirSync(join(ROOT, 'docs', 'decisions')).some((name) => name.startsWith(`${number}-`)))
        problems.push(`${at}: decision ${number}: no such decision`);
    }
  });
}

/** Every mention of a design document that does not say it is in ../shared/design/. */
function designMentions(file) {
  const found = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      for (const name of DESIGN_DOCS) {
        for (const m of line.matchAll(new RegExp(`(?<![\\w-])${name}(\\.md)?(?![\\w-])`, 'g'))) {
          if (!line.slice(0, m.index).endsWith('shared/design/'))
            found.push(`${relative(ROOT, file)}:${i + 1}: ${m[0]} without its place (../shared/design/${name}.md)`);
        }
      }
    });
  return found;
}

const problems = [];
const notes = [];
const markdown = filesUnder(ROOT, (name) => name.endsWith('.md'));
for (const file of markdown) checkMarkdown(file, problems);
const SELF = fileURLToPath(import.meta.url);
for (const file of [...markdown, ...filesUnder(ROOT, (name) => /\.(ts|mjs)$/.test(name))].filter((f) => f !== SELF)) problems.push(...designMentions(file));
for (const file of filesUnder(ROOT, (name) => name.endsWith('.graphql'))) notes.push(...designMentions(file));

for (const note of notes) console.log(`note: ${note}`);
for (const problem of problems) console.error(problem);
console.log(`${markdown.length} Markdown files checked: ${problems.length} dangling reference(s)`);
process.exitCode = problems.length ? 1 : 0;
