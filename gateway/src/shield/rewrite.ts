// The document the gateway fetches: the client's operation without the root fields the caller may not
// ask for, plus, in every selection of a Learner or PersonalEducationPlan, the owner's answer to
// "what may this caller read of this child" under a hidden alias.
import {
  Kind,
  TypeInfo,
  isAbstractType,
  isObjectType,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import { LEARNER_DATA } from '@wales-lac/policy';
import { ACCESS_FIELD, PLACEHOLDER_FIELD, TYPENAME_FIELD } from './hidden-fields.ts';

export interface FetchDocument {
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode;
  /** False when the document is the client's own, unchanged. */
  readonly changed: boolean;
}

/** Object types whose fields the shield decides from the owner's viewerAccess. */
export function guardedTypes(schema: GraphQLSchema): Set<string> {
  return new Set(
    Object.keys(LEARNER_DATA).filter((name) => {
      const type = schema.getType(name);
      return isObjectType(type) && type.getFields()['viewerAccess'] !== undefined;
    }),
  );
}

function withoutFields(set: SelectionSetNode, names: ReadonlySet<string>): SelectionSetNode {
  const selections: SelectionNode[] = [];
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD && names.has(selection.name.value)) continue;
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const inner = withoutFields(selection.selectionSet, names);
      selections.push({ ...selection, selectionSet: inner });
    } else selections.push(selection);
  }
  return { ...set, selections: selections.length > 0 ? selections : [PLACEHOLDER_FIELD] };
}

/** Refused root fields go wherever they appear at the root: directly, in inline fragments, in fragments on the root type. */
function stripRootFields(operation: OperationDefinitionNode, fragments: FragmentDefinitionNode[], rootType: string, names: ReadonlySet<string>) {
  return {
    operation: { ...operation, selectionSet: withoutFields(operation.selectionSet, names) },
    fragments: fragments.map((f) => (f.typeCondition.name.value === rootType ? { ...f, selectionSet: withoutFields(f.selectionSet, names) } : f)),
  };
}

function hiddenSelections(schema: GraphQLSchema, guarded: ReadonlySet<string>, typeName: string | undefined): SelectionNode[] {
  const type = typeName ? schema.getType(typeName) : undefined;
  if (isObjectType(type)) return guarded.has(type.name) ? [ACCESS_FIELD] : [];
  if (!isAbstractType(type)) return [];
  // The concrete type is only known after the fetch: ask for it, and for the access of each guarded one.
  const perType = schema
    .getPossibleTypes(type)
    .filter((t) => guarded.has(t.name))
    .map((t): SelectionNode => ({
      kind: Kind.INLINE_FRAGMENT,
      typeCondition: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: t.name } },
      selectionSet: { kind: Kind.SELECTION_SET, selections: [ACCESS_FIELD] },
    }));
  return [TYPENAME_FIELD, ...perType];
}

function withHiddenFields(schema: GraphQLSchema, document: DocumentNode): { document: DocumentNode; added: boolean } {
  const guarded = guardedTypes(schema);
  const typeInfo = new TypeInfo(schema);
  let added = false;
  const rewritten = visit(
    document,
    visitWithTypeInfo(typeInfo, {
      SelectionSet: {
        // On leave, the type info still describes this selection set (it is popped afterwards).
        leave(node) {
          const extra = hiddenSelections(schema, guarded, typeInfo.getParentType()?.name);
          if (extra.length === 0) return undefined;
          added = true;
          return { ...node, selections: [...node.selections, ...extra] };
        },
      },
    }),
  );
  return { document: rewritten, added };
}

function spreadNames(node: OperationDefinitionNode | FragmentDefinitionNode): string[] {
  const names: string[] = [];
  visit(node, { FragmentSpread: (spread) => void names.push(spread.name.value) });
  return names;
}

/** Fragments the operation still reaches, so the fetched document has none unused. */
function reachable(operation: OperationDefinitionNode, fragments: readonly FragmentDefinitionNode[]): FragmentDefinitionNode[] {
  const byName = new Map(fragments.map((f) => [f.name.value, f]));
  const seen = new Set<string>();
  const pending = spreadNames(operation);
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    const fragment = byName.get(name);
    if (!fragment || seen.has(name)) continue;
    seen.add(name);
    pending.push(...spreadNames(fragment));
  }
  return fragments.filter((f) => seen.has(f.name.value));
}

/** The document to fetch for one operation of the client's document. */
export function fetchDocument(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, refused: ReadonlySet<string>): FetchDocument {
  const fragments = document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
  const rootType = schema.getRootType(operation.operation)?.name ?? '';
  const stripped = refused.size > 0 ? stripRootFields(operation, fragments, rootType, refused) : { operation, fragments };
  const kept = reachable(stripped.operation, stripped.fragments);
  const { document: rewritten, added } = withHiddenFields(schema, { kind: Kind.DOCUMENT, definitions: [stripped.operation, ...kept] });
  const newOperation = rewritten.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (!newOperation) throw new Error('the rewritten document lost its operation');
  const changed = added || refused.size > 0 || document.definitions.length !== 1 + kept.length;
  return changed ? { document: rewritten, operation: newOperation, changed } : { document, operation, changed };
}
