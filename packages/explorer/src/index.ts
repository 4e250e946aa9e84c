export { createExplorer } from './explorer.ts';
export type { Explorer, ExplorerOptions } from './explorer.ts';
export { explorerAssets, bundleExplorer, withoutExternalUrls, EXPLORER_SOURCE, EXPLORER_BUNDLE } from './assets.ts';
export type { ExplorerAssets } from './assets.ts';
