#!/usr/bin/env node
// The workspace dependency graph of docs/architecture.md, read from every workspace's package.json.
//   node docs/tools/package-graph.mjs           print the Mermaid block
//   node docs/tools/package-graph.mjs --write   replace the block in docs/architecture.md
//   node docs/tools/package-graph.mjs --check   exit 1 if the block or the package table's import columns
//                                               differ from the package.json files (not part of npm test)
// Plain Node (no dependencies, no build) so it runs on a fresh clone before `npm ci`.
import { readFileSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DOC = join(ROOT, 'docs', 'architecture.md');
const SCOPE = '@wales-lac/';
const START = '<!-- package-graph:start (node docs/tools/package-graph.mjs --write) -->';
const END = '<!-- package-graph:end -->';

/** Workspace folders as the root package.json lists them ("dir/*" or a folder). */
function workspaceDirs() {
  const { workspaces } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  return workspaces.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [pattern];
    const parent = pattern.slice(0, -2);
    return readdirSync(join(ROOT, parent), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(ROOT, parent, entry.name, 'package.json')))
      .map((entry) => `${parent}/${entry.name}`)
      .sort();
  });
}

const short = (name) => name.slice(SCOPE.length);
const workspaceNames = (deps = {}) =>
  Object.keys(deps)
    .filter((n) => n.startsWith(SCOPE))
    .map(short)
    .sort();

/** Every workspace: its folder, short name, and the workspaces it depends on (runtime, then dev only). */
function workspaces() {
  return workspaceDirs().map((dir) => {
    const pkg = JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8'));
    return { dir, name: short(pkg.name), imports: workspaceNames(pkg.dependencies), devImports: workspaceNames(pkg.devDependencies) };
  });
}

const nodeId = (name) => name.replaceAll('-', '_');

/** Whether `to` is reached from `from` by runtime dependencies without using the direct arrow `from` → `to`. */
function impliedByOthers(byName, from, to) {
  const seen = new Set();
  const stack = byName.get(from).imports.filter((n) => n !== to);
  while (stack.length) {
    const next = stack.pop();
    if (next === to) return true;
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(byName.get(next)?.imports ?? []));
  }
  return false;
}

/**
 * The Mermaid flowchart of runtime dependencies, grouped by top folder. An arrow is drawn for each direct
 * dependency that no other path already implies (the transitive reduction); the
 * package table beside it lists every direct dependency.
 */
function mermaid(all) {
  const byName = new Map(all.map((w) => [w.name, w]));
  const lines = ['```mermaid', 'flowchart LR'];
  const groups = [...new Set(all.map((w) => w.dir.split('/')[0]))];
  for (const group of groups) {
    const members = all.filter((w) => w.dir.split('/')[0] === group);
    if (group === 'gateway') {
      for (const w of members) lines.push(`  ${nodeId(w.name)}["${w.dir}"]`);
      continue;
    }
    lines.push(`  subgraph ${group}`);
    for (const w of members) lines.push(`    ${nodeId(w.name)}["${w.name}"]`);
    lines.push('  end');
  }
  for (const w of all) for (const dep of w.imports) if (!impliedByOthers(byName, w.name, dep)) lines.push(`  ${nodeId(w.name)} --> ${nodeId(dep)}`);
  lines.push('```');
  return lines.join('\n');
}

const list = (names) => (names.length ? names.map((n) => `\`${n}\``).join(', ') : '—');

/** Differences between the doc's package table (columns: folder, owns, imports, dev imports) and package.json. */
function tableProblems(doc, all) {
  const rows = new Map();
  for (const line of doc.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const folder = cells[1]?.match(/^\[`([^`]+)`\]/)?.[1] ?? cells[1]?.match(/^`([^`]+)`$/)?.[1];
    if (folder && all.some((w) => w.dir === folder)) rows.set(folder, cells);
  }
  return all.flatMap((w) => {
    const cells = rows.get(w.dir);
    if (!cells) return [`${w.dir}: no row in the package table`];
    const problems = [];
    if (cells[3] !== list(w.imports)) problems.push(`${w.dir}: imports column says ${cells[3]}, package.json says ${list(w.imports)}`);
    if (cells[4] !== list(w.devImports)) problems.push(`${w.dir}: dev column says ${cells[4]}, package.json says ${list(w.devImports)}`);
    return problems;
  });
}

function main() {
  const all = workspaces();
  const block = `${START}\n${mermaid(all)}\n${END}`;
  const mode = process.argv[2];
  if (!mode) return void console.log(block);
  const doc = readFileSync(DOC, 'utf8');
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${DOC} has no package-graph markers`);
  const updated = doc.slice(0, start) + block + doc.slice(end + END.length);
  if (mode === '--write') return void writeFileSync(DOC, updated);
  if (mode !== '--check') throw new Error(`unknown option ${mode} (--write or --check)`);
  const problems = [
    ...(updated === doc ? [] : ['the dependency diagram is not current: run node docs/tools/package-graph.mjs --write']),
    ...tableProblems(doc, all),
  ];
  for (const p of problems) console.error(p);
  process.exitCode = problems.length ? 1 : 0;
}

main();
