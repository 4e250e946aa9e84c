// npm run generate:client             writes packages/client/schema.graphql and src/generated/
// npm run generate:client -- --check  fails when the committed files are not what would be written
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { clientFiles } from './client-files.ts';

const files = await clientFiles();
if (process.argv.includes('--check')) {
  const stale = [...files].filter(([file, content]) => {
    try {
      return readFileSync(file, 'utf8') !== content;
    } catch {
      return true;
    }
  });
  if (stale.length > 0) {
    console.error(`not current: ${stale.map(([file]) => relative(process.cwd(), file)).join(', ')}; run npm run generate:client and commit them`);
    process.exit(1);
  }
  console.log('client is current');
} else {
  for (const [file, content] of files) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
    console.log(`wrote ${relative(process.cwd(), file)}`);
  }
}
