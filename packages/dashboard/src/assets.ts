// The dashboard's browser code (Observable Plot charts over the typed client) as one script, and one
// stylesheet: GOV.UK Frontend's, with its fonts and images inlined as data: URLs so nothing is fetched
// from anywhere but this server (decision 0018). `npm run build` bundles it into dist/dashboard/ (the
// build's asset plugin then points DASHBOARD_ENTRY there); under tsx it is bundled by esbuild on first use
// and kept in memory, as the explorer's is (decision 0016).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withoutExternalUrls } from '@wales-lac/explorer';

/** The browser entry point; after `npm run build`, the prebuilt script in dist/dashboard/. */
export const DASHBOARD_ENTRY = new URL('./browser/main.ts', import.meta.url);

/** Repository path of the browser entry and the bundle's name in dist/ (for the build's asset plugin). */
export const DASHBOARD_SOURCE = 'packages/dashboard/src/browser/main.ts';
export const DASHBOARD_BUNDLE = 'dashboard/dashboard.js';
const OWN_STYLES = new URL('./browser/dashboard.css', import.meta.url);

export interface DashboardAssets {
  readonly script: Uint8Array;
  readonly stylesheet: Uint8Array;
}

const MEDIA_TYPES: Readonly<Record<string, string>> = { woff2: 'font/woff2', woff: 'font/woff', svg: 'image/svg+xml', png: 'image/png', ico: 'image/x-icon' };

/** GOV.UK Frontend's stylesheet with each `url(/assets/…)` replaced by the file's bytes. */
async function govukStylesheet(): Promise<string> {
  const require = createRequire(import.meta.url);
  const css = require.resolve('govuk-frontend/dist/govuk/govuk-frontend.min.css');
  const assetsDir = join(dirname(css), 'assets');
  const text = await readFile(css, 'utf8');
  const references = [...new Set(text.match(/url\(\/assets\/[^)]+\)/g) ?? [])];
  let inlined = text;
  for (const reference of references) {
    const path = reference.slice('url(/assets/'.length, -1);
    const type = MEDIA_TYPES[path.split('.').pop() ?? ''] ?? 'application/octet-stream';
    const bytes = await readFile(join(assetsDir, path));
    inlined = inlined.split(reference).join(`url(data:${type};base64,${bytes.toString('base64')})`);
  }
  // The stylesheet's source-map comment names a file this server does not serve.
  return inlined.replace(/\/\*# sourceMappingURL=[^*]*\*\//g, '');
}

export async function bundleDashboard(entry: string = fileURLToPath(DASHBOARD_ENTRY)): Promise<DashboardAssets> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
  });
  const script = result.outputFiles[0];
  if (!script) throw new Error('the dashboard bundle has no script');
  const stylesheet = `${await govukStylesheet()}\n${await readFile(OWN_STYLES, 'utf8')}`;
  const encode = (text: string) => new TextEncoder().encode(withoutExternalUrls(text));
  return { script: encode(script.text), stylesheet: encode(stylesheet) };
}

async function prebuilt(): Promise<DashboardAssets> {
  const script = fileURLToPath(DASHBOARD_ENTRY);
  return { script: await readFile(script), stylesheet: await readFile(script.replace(/\.js$/, '.css')) };
}

let assets: Promise<DashboardAssets> | null = null;

/** The dashboard's script and stylesheet, bundled once per process (a failed bundle is tried again next time). */
export function dashboardAssets(): Promise<DashboardAssets> {
  if (!assets) {
    assets = (DASHBOARD_ENTRY.pathname.endsWith('.js') ? prebuilt() : bundleDashboard()).catch((error: unknown) => {
      assets = null;
      throw error;
    });
  }
  return assets;
}
