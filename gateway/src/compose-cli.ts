// npm run generate:supergraph        writes gateway/supergraph.graphql
// npm run generate:supergraph -- --check   fails when the committed file is not current
import { readFileSync, writeFileSync } from 'node:fs';
import { composeSupergraph } from './compose.ts';
import { SUPERGRAPH_PATH } from './supergraph.ts';

const supergraph = composeSupergraph();
if (process.argv.includes('--check')) {
  const committed = readFileSync(SUPERGRAPH_PATH, 'utf8');
  if (committed !== supergraph) {
    console.error('gateway/supergraph.graphql is out of date: run npm run generate:supergraph and commit it');
    process.exit(1);
  }
  console.log('supergraph is current');
} else {
  writeFileSync(SUPERGRAPH_PATH, supergraph);
  console.log(`wrote ${SUPERGRAPH_PATH}`);
}
