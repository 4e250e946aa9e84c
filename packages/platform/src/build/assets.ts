// Files the services load at run time by a path relative to their own module
// (`new URL('./schema.graphql', import.meta.url)`, the supergraph, drizzle/'s migrations, the report
// worker). Once bundled into dist/<service>.mjs, such a path would be resolved from dist/ and find
// nothing, or (three schema.graphql files) the wrong file. This esbuild plugin rewrites each such URL
// at build time: the target is copied to dist/assets/<its path in the repository> and the URL points
// there, so dist/ carries its assets and needs only node_modules beside it.
import { cpSync, readFileSync, statSync } from 'node:fs';
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

/** Third-party packages stay in node_modules (JavaScript already); the workspace's TypeScript is bundled. */
export function externalDependencies(): Plugin {
  return {
    name: 'external-dependencies',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith('@wales-lac/') || args.path.startsWith('node:')) return undefined;
        return { path: args.path, external: true };
      });
    },
  };
}
