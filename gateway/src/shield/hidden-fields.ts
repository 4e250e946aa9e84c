// Response keys the shield adds to the fetched operation and never shows the client.
import { Kind, parse, type FieldNode, type OperationDefinitionNode } from 'graphql';

/** Every hidden key starts with this; clients may not use it as an alias. */
export const HIDDEN_PREFIX = '_policy';
/** The owning authority's `viewerAccess` of a Learner or PersonalEducationPlan. */
export const ACCESS_KEY = `${HIDDEN_PREFIX}Access`;
/** `__typename` of a value of an abstract type, so the post-fetch pass can tell its type. */
export const TYPENAME_KEY = `${HIDDEN_PREFIX}Typename`;
/** Keeps a root selection set valid when every field in it was refused. */
export const PLACEHOLDER_KEY = `${HIDDEN_PREFIX}Placeholder`;

function onlyField(source: string): FieldNode {
  const operation = parse(source, { noLocation: true }).definitions[0] as OperationDefinitionNode;
  const field = operation.selectionSet.selections[0];
  if (field?.kind !== Kind.FIELD) throw new Error(`not a field: ${source}`);
  return field;
}

/** `relationships` too, so the gateway can apply its own copy of the grants to the owner's facts; `readWithReason` for what a reason opens. */
export const ACCESS_FIELD = onlyField(`{ ${ACCESS_KEY}: viewerAccess { relationships read readWithReason } }`);
export const TYPENAME_FIELD = onlyField(`{ ${TYPENAME_KEY}: __typename }`);
export const PLACEHOLDER_FIELD = onlyField(`{ ${PLACEHOLDER_KEY}: __typename }`);

export function isHiddenKey(key: string | number): boolean {
  return typeof key === 'string' && key.startsWith(HIDDEN_PREFIX);
}
