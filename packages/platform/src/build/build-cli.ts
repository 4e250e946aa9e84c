// npm run build: the bundles production runs (node dist/<service>.mjs); see bundle.ts and decision 0004.
import { buildBundles } from './bundle.ts';

const started = performance.now();
buildBundles().then(
  (outputs) => {
    for (const { file, bytes } of outputs) console.log(`${file}  ${(bytes / 1024).toFixed(0)} KiB`);
    console.log(`built ${outputs.length} bundles in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
