// Reading the operations the query planner sends to the authority subgraph: which root fields they ask
// for, with which arguments, and how to split them so each can be routed on its own.
import {
  Kind,
  parse,
  print,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { owningAuthority } from '@wales-lac/wales';

export type Variables = Record<string, unknown>;

export interface ParsedOperation {
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode;
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
}

const cache = new Map<string, ParsedOperation>();
const CACHE_LIMIT = 1_000;

/** Parses a subgraph operation once; the planner sends the same strings again and again. */
export function parseOperation(query: string): ParsedOperation {
  const hit = cache.get(query);
  if (hit) return hit;
  const document = parse(query);
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1 || !operations[0]) throw new Error('a subgraph fetch must hold exactly one operation');
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  const parsed = { document, operation: operations[0], fragments };
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(query, parsed);
  return parsed;
}

export function responseKey(field: FieldNode): string {
  return field.alias?.value ?? field.name.value;
}

/** The value of an argument, literal or from variables; undefined when absent. */
export function argumentValue(field: FieldNode, name: string, variables: Variables): unknown {
  const argument = field.arguments?.find((a) => a.name.value === name);
  return argument ? valueOf(argument.value, variables) : undefined;
}

function valueOf(node: ValueNode, variables: Variables): unknown {
  switch (node.kind) {
    case Kind.VARIABLE:
      return variables[node.name.value];
    case Kind.INT:
      return Number.parseInt(node.value, 10);
    case Kind.FLOAT:
      return Number.parseFloat(node.value);
    case Kind.STRING:
    case Kind.ENUM:
      return node.value;
    case Kind.BOOLEAN:
      return node.value;
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return node.values.map((v) => valueOf(v, variables));
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((f) => [f.name.value, valueOf(f.value, variables)]));
  }
}

function included(
  node: { directives?: readonly { name: { value: string }; arguments?: readonly { name: { value: string }; value: ValueNode }[] }[] },
  variables: Variables,
): boolean {
  for (const directive of node.directives ?? []) {
    const condition = directive.arguments?.find((a) => a.name.value === 'if');
    const value = condition ? valueOf(condition.value, variables) : undefined;
    if (directive.name.value === 'skip' && value === true) return false;
    if (directive.name.value === 'include' && value === false) return false;
  }
  return true;
}

/** The fields a selection set asks for, fragments expanded, @skip/@include applied, in order. */
export function collectFields(selectionSet: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>, variables: Variables): FieldNode[] {
  const fields: FieldNode[] = [];
  for (const selection of selectionSet.selections) {
    if (!included(selection, variables)) continue;
    if (selection.kind === Kind.FIELD) fields.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) fields.push(...collectFields(selection.selectionSet, fragments, variables));
    else {
      const fragment = fragments.get(selection.name.value);
      if (fragment) fields.push(...collectFields(fragment.selectionSet, fragments, variables));
    }
  }
  return fields;
}

/** The variable names a document uses anywhere. */
function usedVariables(document: DocumentNode): Set<string> {
  const names = new Set<string>();
  visit(document, {
    VariableDefinition: () => false,
    Variable: (node) => void names.add(node.name.value),
  });
  return names;
}

function fragmentsSpreadIn(root: OperationDefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): Set<string> {
  const found = new Set<string>();
  const pending: (OperationDefinitionNode | FragmentDefinitionNode)[] = [root];
  while (pending.length > 0) {
    const node = pending.pop();
    if (!node) break;
    visit(node, {
      FragmentSpread: (spread) => {
        const fragment = fragments.get(spread.name.value);
        if (fragment && !found.has(fragment.name.value)) {
          found.add(fragment.name.value);
          pending.push(fragment);
        }
      },
    });
  }
  return found;
}

/** A copy of the operation asking for one root field only, with only the fragments and variables it uses. */
export function operationForField(parsed: ParsedOperation, field: FieldNode, variables: Variables): { query: string; variables: Variables } {
  const trimmed: OperationDefinitionNode = { ...parsed.operation, selectionSet: { kind: Kind.SELECTION_SET, selections: [field] } };
  const spread = fragmentsSpreadIn(trimmed, parsed.fragments);
  const fragments = [...parsed.fragments.values()].filter((f) => spread.has(f.name.value));
  const used = usedVariables({ kind: Kind.DOCUMENT, definitions: [trimmed, ...fragments] });
  const operation: OperationDefinitionNode = {
    ...trimmed,
    variableDefinitions: (parsed.operation.variableDefinitions ?? []).filter((v) => used.has(v.variable.name.value)),
  };
  return {
    query: print({ kind: Kind.DOCUMENT, definitions: [operation, ...fragments] }),
    variables: Object.fromEntries(Object.entries(variables).filter(([name]) => used.has(name))),
  };
}

/** Record ids (which name their owning authority) anywhere in a value: arguments, input objects. */
export function recordIdsIn(value: unknown): string[] {
  if (typeof value === 'string') return owningAuthority(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(recordIdsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(recordIdsIn);
  return [];
}
