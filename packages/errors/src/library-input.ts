// graphql-js words the mistakes a front end makes most often with an enum (a value the API does not have)
// in its own English, in the message only. Here they are said again in the registry's words, so that they
// are Welsh in a Welsh request, list the values that are allowed, and name the input in `extensions.field`
// as every other BAD_USER_INPUT does. The code stays the library's (BAD_USER_INPUT for a variable,
// GRAPHQL_VALIDATION_FAILED for a literal in the document), so clients that branch on codes see no change.
import { isEnumType, visit, type DocumentNode, type GraphQLError, type GraphQLSchema } from 'graphql';
import { withText } from './errors.ts';
import { message, type Text } from './text.ts';

// Variable coercion: `Variable "$input" got invalid value "X" at "input.role"; Value "X" does not exist in "Role" enum.`
const VARIABLE = /^Variable "\$(\w+)" got invalid value .*?(?: at "([^"]+)")?; Value "([^"]*)" does not exist in "(\w+)" enum\./s;
// A literal in the document: `Value "X" does not exist in "Role" enum.` (ValuesOfCorrectTypeRule).
const LITERAL = /^Value "([^"]*)" does not exist in "(\w+)" enum\./;

type Named = { kind: string; name: { value: string } };
const isInput = (node: unknown): node is Named =>
  typeof node === 'object' && node !== null && ['Argument', 'ObjectField'].includes((node as { kind?: string }).kind ?? '');

/**
 * The dotted name of an input, as every BAD_USER_INPUT names it: from the argument down (`reason.purpose`),
 * without a mutation's `input.` (`invitees`, `ownerRole`), and without list positions.
 */
function dotted(parts: readonly string[]): string {
  const named = parts.filter((part) => part !== '' && !/^\d+$/.test(part));
  return (named[0] === 'input' && named.length > 1 ? named.slice(1) : named).join('.');
}

/** The argument or input field holding the node that `matches`, as the names from the argument down. */
function inputHolding(document: DocumentNode | undefined, matches: (value: { kind: string; loc?: { start: number }; name?: { value: string } }) => boolean) {
  if (!document) return undefined;
  let found: string[] | undefined;
  const look = (
    node: Named & { value: { kind: string; loc?: { start: number }; name?: { value: string } } },
    _k: unknown,
    _p: unknown,
    _path: unknown,
    ancestors: readonly unknown[],
  ) => {
    if (found || !matches(node.value)) return;
    found = [...ancestors.filter(isInput).map((a) => a.name.value), node.name.value];
  };
  visit(document, { Argument: look, ObjectField: look });
  return found;
}

/** A variable's input: where the document uses it, then the path graphql-js gives inside its value. */
function variableField(document: DocumentNode | undefined, variable: string, path: string | undefined): string {
  const inside = (path ?? variable).split(/[.[\]]/).slice(1);
  const holder = inputHolding(document, (value) => value.kind === 'Variable' && value.name?.value === variable) ?? [variable];
  return dotted([...holder, ...inside]);
}

/** A literal's input: the argument or input field whose value starts where the error's node does. */
function literalField(document: DocumentNode | undefined, start: number | undefined): string | undefined {
  if (start === undefined) return undefined;
  const holder = inputHolding(document, (value) => value.loc?.start === start);
  return holder ? dotted(holder) : undefined;
}

function enumText(schema: GraphQLSchema | undefined, value: string, enumName: string, field: string | undefined): Text {
  const type = schema?.getType(enumName);
  const allowed = isEnumType(type) ? type.getValues().map((v) => v.name) : [];
  const params = { field: field ?? enumName, value, enum: enumName, allowed: allowed.join(', ') };
  return allowed.length > 0 ? message('BAD_USER_INPUT', 'notAnEnumValue', params) : message('BAD_USER_INPUT', 'notAnEnumValueOf', params);
}

/**
 * Says a library's enum error again in the registry's words, setting `extensions.field`; leaves every other
 * error as it is. Returns whether it did.
 */
export function explainLibraryInputError(error: GraphQLError, schema?: GraphQLSchema, document?: DocumentNode): boolean {
  const code = error.extensions['code'];
  const variable = code === 'BAD_USER_INPUT' ? VARIABLE.exec(error.message) : null;
  const literal = code === 'GRAPHQL_VALIDATION_FAILED' ? LITERAL.exec(error.message) : null;
  if (variable) {
    const [, name = '', path, value = '', enumName = ''] = variable;
    const field = variableField(document, name, path);
    withText(error, enumText(schema, value, enumName, field), { field });
    return true;
  }
  if (literal) {
    const [, value = '', enumName = ''] = literal;
    const field = literalField(document, error.nodes?.[0]?.loc?.start);
    withText(error, enumText(schema, value, enumName, field), field ? { field } : {});
    return true;
  }
  return false;
}
