// Composes the supergraph from the subgraphs' SDL. Run at build time; the result is committed and
// CI checks it is current.
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { AUTHORITY_SDL } from '@wales-lac/authority-subgraph';
import { REFERENCE_SDL } from '@wales-lac/reference-subgraph';
import { BENCHMARKS_SDL } from '@wales-lac/benchmarks-subgraph';

/** Placeholder URLs: the gateway routes by its own configuration, never by these. */
export const SUBGRAPHS = [
  { name: 'authority', url: 'http://authority.invalid/graphql', sdl: AUTHORITY_SDL },
  { name: 'reference', url: 'http://reference.invalid/graphql', sdl: REFERENCE_SDL },
  { name: 'benchmarks', url: 'http://benchmarks.invalid/graphql', sdl: BENCHMARKS_SDL },
] as const;

export function composeSupergraph(): string {
  const result = composeServices(SUBGRAPHS.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })));
  if (result.errors) throw new Error(`supergraph does not compose:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  return result.supergraphSdl;
}
