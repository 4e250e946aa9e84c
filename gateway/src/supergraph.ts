import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SUPERGRAPH_PATH = fileURLToPath(new URL('../supergraph.graphql', import.meta.url));

/** The committed supergraph the gateway serves. */
export function loadSupergraph(): string {
  return readFileSync(SUPERGRAPH_PATH, 'utf8');
}
