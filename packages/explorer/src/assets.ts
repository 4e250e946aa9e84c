// The explorer's browser code (GraphiQL, React and the role picker) as one script and one stylesheet.
// `npm run build` bundles it into dist/explorer/ (the build's asset plugin then points ENTRY there); under
// tsx, with no build, it is bundled here by esbuild on first use and kept in memory. Nothing is fetched
// from outside: the fonts GraphiQL uses are inlined in its stylesheet as data: URLs.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';

/** The browser entry point; after `npm run build`, the prebuilt script in dist/explorer/. */
export const ENTRY = new URL('./browser/main.tsx', import.meta.url);

/** Repository path of the browser entry and the bundle's name in dist/ (for the build's asset plugin). */
export const EXPLORER_SOURCE = 'packages/explorer/src/browser/main.tsx';
export const EXPLORER_BUNDLE = 'explorer/explorer.js';

export interface ExplorerAssets {
  readonly script: Uint8Array;
  readonly stylesheet: Uint8Array;
}

/** How the browser code is bundled, the same at build time and at start. */
const BROWSER_BUILD: BuildOptions = {
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
};

// XML namespace names: identifiers React and CodeMirror compare, never fetched.
const NAMESPACES = ['http://www.w3.org/2000/svg', 'http://www.w3.org/1998/Math/MathML', 'http://www.w3.org/1999/xlink', 'http://www.w3.org/XML/1998/namespace'];
// Only the characters of an address, so a template's `${` or a closing quote after it is never taken.
const URL_IN_TEXT = /https?:\/\/[A-Za-z0-9.-]+(?:[/?#][\w\-.~:/?#@!&+,;=%]*)?/g;

/**
 * The bundle with every web address blanked to '#' but the namespace names: the libraries' help links
 * (GraphiQL's logo, CodeMirror's manual) and the addresses in their error messages, so nothing in the
 * page points off this machine. They sit in string literals, where '#' is as harmless as the address.
 */
export function withoutExternalUrls(text: string): string {
  return text.replace(URL_IN_TEXT, (url) => (NAMESPACES.includes(url) ? url : '#'));
}

/** Bundles the browser code in memory (esbuild), source files to script and stylesheet. */
export async function bundleExplorer(entry: string = fileURLToPath(ENTRY)): Promise<ExplorerAssets> {
  const { build } = await import('esbuild');
  const result = await build({ ...BROWSER_BUILD, entryPoints: [entry], outdir: '/explorer', write: false, entryNames: 'explorer' });
  const file = (ext: string) => {
    const found = result.outputFiles.find((f) => f.path.endsWith(ext));
    if (!found) throw new Error(`the explorer bundle has no ${ext} file`);
    return new TextEncoder().encode(withoutExternalUrls(found.text));
  };
  return { script: file('.js'), stylesheet: file('.css') };
}

async function prebuilt(): Promise<ExplorerAssets> {
  const script = fileURLToPath(ENTRY);
  return { script: await readFile(script), stylesheet: await readFile(script.replace(/\.js$/, '.css')) };
}

let assets: Promise<ExplorerAssets> | null = null;

/** The explorer's script and stylesheet, bundled once per process (a failed bundle is tried again next time). */
export function explorerAssets(): Promise<ExplorerAssets> {
  if (!assets) {
    assets = (ENTRY.pathname.endsWith('.js') ? prebuilt() : bundleExplorer()).catch((error: unknown) => {
      assets = null;
      throw error;
    });
  }
  return assets;
}
