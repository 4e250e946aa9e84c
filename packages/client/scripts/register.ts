// npm run register:documents -- <file.graphql> [...]: registers a front-end team's operations, so a gateway
// running with TRUSTED_DOCUMENTS accepts them. Each file is checked against the public API (a document that
// does not fit is refused, naming the file and the problem) and copied into documents/; the trusted
// documents manifest (packages/client/trusted-documents.json) is then regenerated. Commit both.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { clientFiles, TEAM_DOCUMENTS } from './client-files.ts';

const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (files.length === 0) {
  console.error('usage: npm run register:documents -- <file.graphql> [...]');
  process.exit(2);
}
mkdirSync(TEAM_DOCUMENTS, { recursive: true });
// What each target held before, to put back if anything is refused (null: it did not exist).
const copied: { target: string; before: string | null }[] = [];
try {
  for (const file of files) {
    if (!file.endsWith('.graphql')) throw new Error(`${file}: a registered document is a .graphql file`);
    readFileSync(file, 'utf8');
    const target = join(TEAM_DOCUMENTS, basename(file));
    copied.push({ target, before: existsSync(target) ? readFileSync(target, 'utf8') : null });
    copyFileSync(file, target);
  }
  const manifest = [...(await clientFiles())].find(([path]) => path.endsWith('trusted-documents.json'));
  if (!manifest) throw new Error('no manifest was built');
  writeFileSync(manifest[0], manifest[1]);
  console.log(`registered ${copied.map((c) => relative(process.cwd(), c.target)).join(', ')}; wrote ${relative(process.cwd(), manifest[0])}`);
} catch (error) {
  // Nothing changes when a file is refused: documents/ is put back as it was.
  for (const { target, before } of copied) {
    if (before === null) rmSync(target, { force: true });
    else writeFileSync(target, before);
  }
  console.error((error as Error).message);
  process.exit(1);
}
