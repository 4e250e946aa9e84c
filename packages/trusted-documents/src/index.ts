// Trusted documents (registered operations): a manifest of hash → document that the gateway can be told
// to accept alone (decision 0017). A document's hash is the SHA-256 of its printed form, so layout and
// comments do not change it; a client sends either the document or `extensions.persistedQuery.sha256Hash`.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Kind, parse, print, visit, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';

/** Hash → document text. */
export type TrustedDocuments = ReadonlyMap<string, string>;

/** The hash of a parsed document as the gateway and the manifest compute it. */
export function documentHash(document: DocumentNode): string {
  return createHash('sha256').update(print(document)).digest('hex');
}

/**
 * The documents of one .graphql file, one per operation with the fragments it uses (as a client sends
 * it); throws naming the file when it does not parse or has an anonymous operation.
 */
export function documentsOfSource(source: string, name: string): { operation: string; document: string; hash: string }[] {
  let parsed: DocumentNode;
  try {
    parsed = parse(source);
  } catch (error) {
    throw new Error(`${name} is not a GraphQL document: ${(error as Error).message}`);
  }
  const fragments = new Map(parsed.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  return parsed.definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => {
      if (!operation.name) throw new Error(`${name} has an anonymous operation: every registered operation needs a name`);
      const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation, ...usedFragments(operation, fragments)] };
      return { operation: operation.name.value, document: print(document), hash: documentHash(document) };
    });
}

function usedFragments(
  root: OperationDefinitionNode | FragmentDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  seen = new Set<string>(),
): FragmentDefinitionNode[] {
  const found: FragmentDefinitionNode[] = [];
  visit(root, {
    FragmentSpread(node) {
      const fragment = fragments.get(node.name.value);
      if (!fragment || seen.has(fragment.name.value)) return;
      seen.add(fragment.name.value);
      found.push(fragment, ...usedFragments(fragment, fragments, seen));
    },
  });
  return found;
}

/** The manifest file's text: `{ "<hash>": "<document>", … }`, sorted by hash. */
export function manifestText(documents: readonly { hash: string; document: string }[]): string {
  const sorted = [...documents].sort((a, b) => a.hash.localeCompare(b.hash));
  return `${JSON.stringify(Object.fromEntries(sorted.map((d) => [d.hash, d.document])), null, 2)}\n`;
}

/** Reads a manifest; throws naming the file when it is not one, or a document does not match its hash. */
export function readManifest(path: string): TrustedDocuments {
  let entries: [string, unknown][];
  try {
    entries = Object.entries(JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>);
  } catch (error) {
    throw new Error(`the trusted documents manifest ${path} cannot be read: ${(error as Error).message}`);
  }
  const manifest = new Map<string, string>();
  for (const [hash, document] of entries) {
    if (typeof document !== 'string' || documentHash(parse(document)) !== hash)
      throw new Error(`the trusted documents manifest ${path} has an entry whose document does not match its hash ${hash}`);
    manifest.set(hash, document);
  }
  return manifest;
}
