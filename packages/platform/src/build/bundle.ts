// Bundles each service's entry point (and the benchmarks report worker, which runs as
// its own thread) with esbuild into dist/, so production runs `node dist/<service>.mjs` without tsx
// (decision 0004), and the gateway's explorer and dashboard for the browser into dist/explorer/ and
// dist/dashboard/ (decisions 0016, 0018).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { bundleExplorer, EXPLORER_BUNDLE, EXPLORER_SOURCE } from '@wales-lac/explorer';
import { bundleDashboard, DASHBOARD_BUNDLE, DASHBOARD_SOURCE } from '@wales-lac/dashboard';
import { REPOSITORY_ROOT } from '../config.ts';
import { externalDependencies, relocateAssets } from './assets.ts';

const OUT_DIR = join(REPOSITORY_ROOT, 'dist');
const REPORT_WORKER = 'benchmarks-report-worker.mjs';

/** Bundle name to entry point (repository paths). */
export const ENTRY_POINTS: Readonly<Record<string, string>> = {
  gateway: 'gateway/src/main.ts',
  authority: 'subgraphs/authority/src/main.ts',
  reference: 'subgraphs/reference/src/main.ts',
  benchmarks: 'subgraphs/benchmarks/src/main.ts',
  // The worker thread's module: report-thread.ts starts it by URL (report-worker.mjs under tsx).
  [REPORT_WORKER.replace(/\.mjs$/, '')]: 'subgraphs/benchmarks/src/report-worker.ts',
  processes: 'packages/platform/src/processes-main.ts',
  // Run from the authority image with their own command (decision 0033): one authority's daily alerts (a
  // CronJob) and its email outbox dispatcher (a Deployment).
  'authority-alerts': 'packages/platform/src/authority-alerts-main.ts',
  'outbox-dispatcher': 'packages/platform/src/outbox-dispatcher-main.ts',
};

/** Bundles every entry point into dist/ (replacing what was there); returns each bundle's path and size. */
export async function buildBundles(): Promise<{ readonly file: string; readonly bytes: number }[]> {
  rmSync(OUT_DIR, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: REPOSITORY_ROOT,
    entryPoints: Object.entries(ENTRY_POINTS).map(([out, entry]) => ({ out, in: entry })),
    outdir: OUT_DIR,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    // A CommonJS package bundled in (see externalDependencies) requires the ones left out: give it `require`.
    banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
    logLevel: 'warning',
    metafile: true,
    plugins: [
      externalDependencies(REPOSITORY_ROOT),
      relocateAssets({
        repositoryRoot: REPOSITORY_ROOT,
        outDir: OUT_DIR,
        bundledModules: new Map([
          ['subgraphs/benchmarks/src/report-worker.mjs', REPORT_WORKER],
          [EXPLORER_SOURCE, EXPLORER_BUNDLE],
          [DASHBOARD_SOURCE, DASHBOARD_BUNDLE],
        ]),
      }),
    ],
  });
  const explorer = await bundleExplorer(join(REPOSITORY_ROOT, EXPLORER_SOURCE));
  const script = join(OUT_DIR, EXPLORER_BUNDLE);
  mkdirSync(dirname(script), { recursive: true });
  writeFileSync(script, explorer.script);
  writeFileSync(script.replace(/\.js$/, '.css'), explorer.stylesheet);
  const dashboard = await bundleDashboard(join(REPOSITORY_ROOT, DASHBOARD_SOURCE));
  const dashboardScript = join(OUT_DIR, DASHBOARD_BUNDLE);
  mkdirSync(dirname(dashboardScript), { recursive: true });
  writeFileSync(dashboardScript, dashboard.script);
  writeFileSync(dashboardScript.replace(/\.js$/, '.css'), dashboard.stylesheet);
  return [
    ...Object.entries(result.metafile.outputs)
      .filter(([file]) => file.endsWith('.mjs'))
      .map(([file, { bytes }]) => ({ file, bytes })),
    { file: `dist/${EXPLORER_BUNDLE}`, bytes: explorer.script.byteLength },
    { file: `dist/${DASHBOARD_BUNDLE}`, bytes: dashboard.script.byteLength },
  ];
}
