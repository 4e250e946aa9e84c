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

/** The input a variable's path names: its last named part (`input.marks[2].mark` is `mark`). */
function fieldOfPath(variable: string, path: string | undefined): string {
  const names = (path ?? variable).split(/[.[\]]/).filter((part) => part !== '' && !/^\d+$/.test(part));
  return names.at(-1) ?? variable;
}

/** The argument or input field whose value starts where the error's node does. */
function fieldAt(document: DocumentNode | undefined, start: number | undefined): string | undefined {
  if (!document || start === undefined) return undefined;
  let found: string | undefined;
  const match = (node: { name: { value: string }; value: { loc?: { start: number } } }) => {
    if (node.value.loc?.start === start) found = node.name.value;
  };
  visit(document, { Argument: match, ObjectField: match });
  return found;
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
    const field = fieldOfPath(name, path);
    withText(error, enumText(schema, value, enumName, field), { field });
    return true;
  }
  if (literal) {
    const [, value = '', enumName = ''] = literal;
    const field = fieldAt(document, error.nodes?.[0]?.loc?.start);
    withText(error, enumText(schema, value, enumName, field), field ? { field } : {});
    return true;
  }
  return false;
}
