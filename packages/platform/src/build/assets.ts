// Files the services load at run time by a path relative to their own module
// (`new URL('./schema.graphql', import.meta.url)`, the supergraph, drizzle/'s migrations, the report
// worker). Once bundled into dist/<service>.mjs, such a path would be resolved from dist/ and find
// nothing, or (three schema.graphql files) the wrong file. This esbuild plugin rewrites each such URL
// at build time: the target is copied to dist/assets/<its path in the repository> and the URL points
// there, so dist/ carries its assets and needs only node_modules beside it.
import { cpSync, existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Plugin } from 'esbuild';

export interface AssetOptions {
  readonly repositoryRoot: string;
  readonly outDir: string;
  /** Modules that are themselves bundled as entries: repository path of the source URL's target to bundle file name. */
  readonly bundledModules: ReadonlyMap<string, string>;
}

// The literal may be a template with a dynamic tail (`../../../drizzle/${name}`): the static part names the asset.
const MODULE_URL = /new URL\((['"`])([^'"`$]*)((?:\$\{[^}]*\}[^'"`$]*)*)\1,\s*import\.meta\.url\)/g;

export function relocateAssets(options: AssetOptions): Plugin {
  const copied = new Set<string>();
  const relocate = (file: string, quote: string, target: string, tail: string): string => {
    const absolute = resolve(dirname(file), target);
    const inRepository = relative(options.repositoryRoot, absolute);
    const url = (path: string) => `new URL(${quote}${path}${quote}, import.meta.url)`;
    if (inRepository === '') return url(`../${tail}`); // the repository root: dist/ sits in it
    if (inRepository.startsWith('..')) throw new Error(`${file}: ${target} is outside the repository`);
    const bundled = options.bundledModules.get(inRepository.split(sep).join('/'));
    if (bundled) return url(`./${bundled}`);
    if (!copied.has(absolute)) {
      statSync(absolute); // fails the build if the asset is missing
      cpSync(absolute, join(options.outDir, 'assets', inRepository), { recursive: true });
      copied.add(absolute);
    }
    const trailing = target.endsWith('/') ? '/' : '';
    return url(`./assets/${inRepository.split(sep).join('/')}${trailing}${tail}`);
  };
  return {
    name: 'relocate-assets',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, (args) => {
        if (args.path.includes(`${sep}node_modules${sep}`) && !args.path.startsWith(options.repositoryRoot + sep + 'packages')) return undefined;
        const source = readFileSync(args.path, 'utf8');
        if (!source.includes('import.meta.url')) return undefined;
        const contents = source.replace(MODULE_URL, (_match, quote: string, target: string, tail: string) => relocate(args.path, quote, target, tail));
        return { contents, loader: 'ts' };
      });
    },
  };
}

/** The package a bare import names: `pino`, `@opentelemetry/core` (not its subpath). */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/** The node_modules folder an import from `importer` finds its package in (Node's lookup, nearest first). */
function nodeModulesOf(importer: string, name: string): string | null {
  for (let dir = dirname(importer); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules', name, 'package.json'))) return join(dir, 'node_modules');
    if (dirname(dir) === dir) return null;
  }
}

/**
 * Third-party packages stay in node_modules (JavaScript already); the workspace's TypeScript is bundled.
 * A bundle in dist/ resolves what it leaves out from the repository's node_modules, so a package that an
 * importer finds elsewhere (a workspace's own copy of another version: packages/telemetry's OpenTelemetry
 * 2.x beside the 1.x Apollo Gateway keeps at the top) is bundled from where it was found.
 */
export function externalDependencies(repositoryRoot: string): Plugin {
  const top = join(repositoryRoot, 'node_modules');
  return {
    name: 'external-dependencies',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith('@wales-lac/') || args.path.startsWith('node:')) return undefined;
        const found = args.importer ? nodeModulesOf(args.importer, packageName(args.path)) : null;
        if (found && found !== top) return undefined;
        return { path: args.path, external: true };
      });
    },
  };
}
