// Checks made before anything is fetched: reserved aliases, and which root fields the caller's role
// may not ask for at all (those are never sent to a subgraph).
import { Kind, visit, type GraphQLError, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { Role } from '@wales-lac/caller';
import { platformError } from '@wales-lac/errors';
import { rootFieldRefusal } from '@wales-lac/policy';
import { argumentValue, collectFields, recordIdsIn, responseKey, type Variables } from '../operation.ts';
import { HIDDEN_PREFIX } from './hidden-fields.ts';

export interface Preflight {
  /** Names of root fields in the operation that the role may not ask for. */
  readonly refused: ReadonlySet<string>;
  /** False when nothing is left that a subgraph must answer (only refused or meta fields). */
  readonly needsFetch: boolean;
}

const META_FIELDS = new Set(['__typename', '__schema', '__type']);

export function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  return new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
}

/** A client alias in the shield's reserved namespace, if any (it could collide with a hidden field). */
export function reservedAlias(document: DocumentNode): string | null {
  let found: string | null = null;
  visit(document, {
    Field(node) {
      if (node.alias?.value.startsWith(HIDDEN_PREFIX)) found = node.alias.value;
    },
  });
  return found;
}

/** Every root field name the operation could ask for, whatever the variables say. */
function rootFieldNames(set: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>, seen = new Set<string>()): Set<string> {
  const names = new Set<string>();
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) names.add(selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) rootFieldNames(selection.selectionSet, fragments, seen).forEach((n) => names.add(n));
    else {
      const fragment = fragments.get(selection.name.value);
      if (!fragment || seen.has(fragment.name.value)) continue;
      seen.add(fragment.name.value);
      rootFieldNames(fragment.selectionSet, fragments, seen).forEach((n) => names.add(n));
    }
  }
  return names;
}

export function preflight(document: DocumentNode, operation: OperationDefinitionNode, variables: Variables, role: Role): Preflight {
  const fragments = fragmentsOf(document);
  const refused = new Set([...rootFieldNames(operation.selectionSet, fragments)].filter((name) => rootFieldRefusal(operation.operation, name, role) !== null));
  const asked = collectFields(operation.selectionSet, fragments, variables);
  const needsFetch = asked.some((field) => !refused.has(field.name.value) && !META_FIELDS.has(field.name.value));
  return { refused, needsFetch };
}

/** FORBIDDEN at each refused root field, for when no result is left to run the shield over. */
export function refusalErrors(document: DocumentNode, operation: OperationDefinitionNode, variables: Variables, role: Role): GraphQLError[] {
  return collectFields(operation.selectionSet, fragmentsOf(document), variables).flatMap((field) => {
    const refusal = rootFieldRefusal(operation.operation, field.name.value, role);
    return refusal === null ? [] : [platformError(refusal, {}, { path: [responseKey(field)], nodes: field })];
  });
}

/** An access the gateway refused before routing, for the owning authority's audit log. */
export interface RefusedAccess {
  /** A record id (learner, PEP or target) that names its owning authority. */
  readonly record: string;
  readonly field: string;
  readonly action: 'read' | 'write';
}

/** The records named by the refused root fields: each refusal is reported to the record's owner. */
export function refusedAccesses(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Variables,
  refused: ReadonlySet<string>,
): RefusedAccess[] {
  const fields = collectFields(operation.selectionSet, fragmentsOf(document), variables).filter((f) => refused.has(f.name.value));
  const action = operation.operation === 'mutation' ? 'write' : 'read';
  return fields.flatMap((f) =>
    [...new Set((f.arguments ?? []).flatMap((a) => recordIdsIn(argumentValue(f, a.name.value, variables))))].map((record) => ({
      record,
      field: `${operation.operation === 'mutation' ? 'Mutation' : 'Query'}.${f.name.value}`,
      action,
    })),
  );
}
