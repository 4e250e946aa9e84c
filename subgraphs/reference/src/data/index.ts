export { createReferenceLoaders } from './loaders.ts';
export type { ReferenceLoaders } from './loaders.ts';
export { schoolsOfAuthority } from './reference.ts';
export type { AuthorityRow, RegionRow, SchoolRow } from './reference.ts';
