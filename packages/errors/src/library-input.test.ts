// graphql-js's own enum errors, as a front end meets them, said again in the registry's words.
import { buildSchema, GraphQLError, parse, validate } from 'graphql';
import { getVariableValues } from 'graphql/execution/values.js';
import { describe, expect, it } from 'vitest';
import { errorLanguagePlugin } from './language-plugin.ts';

const schema = buildSchema(`
  enum InviteeRole { DESIGNATED_TEACHER SOCIAL_WORKER CARER }
  input InviteInput { meeting: ID! invitees: [InviteeInput!]! }
  input InviteeInput { role: InviteeRole! }
  input ReasonInput { role: InviteeRole! }
  type Query { invite(input: InviteInput!): Boolean, byRole(role: InviteeRole): Boolean, byReason(reason: ReasonInput): Boolean }
`);

/** The errors a request meets, passed through the language plugin as Apollo Server would. */
async function met(language: 'en' | 'cy', errors: readonly GraphQLError[], document?: ReturnType<typeof parse>) {
  const listener = await errorLanguagePlugin((c: { language: 'en' | 'cy' }) => c.language).requestDidStart();
  const coded = errors.map((e) => new GraphQLError(e.message, { nodes: e.nodes, source: e.source, positions: e.positions, extensions: e.extensions }));
  await listener.didEncounterErrors({ contextValue: { language }, errors: coded, schema, ...(document ? { document } : {}) });
  return coded;
}

const INVITE = parse('query ($input: InviteInput!) { invite(input: $input) }');

function variableErrors(variables: Record<string, unknown>, document = INVITE): GraphQLError[] {
  const definitions = document.definitions[0]?.kind === 'OperationDefinition' ? (document.definitions[0].variableDefinitions ?? []) : [];
  const result = getVariableValues(schema, definitions, variables);
  return (result.errors ?? []).map((e) => new GraphQLError(e.message, { extensions: { code: 'BAD_USER_INPUT' } }));
}

describe('an enum value the API does not have', () => {
  it('in a variable: names the input, lists the values, and is Welsh in a Welsh request', async () => {
    const [english] = await met('en', variableErrors({ input: { meeting: 'm', invitees: [{ role: 'SOCIAL_WORKER' }, { role: 'TEACHER' }] } }));
    expect(english?.message).toBe("invitees.role: 'TEACHER' is not a value of InviteeRole; use one of DESIGNATED_TEACHER, SOCIAL_WORKER, CARER");
    expect(english?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'invitees.role' });
    const [welsh] = await met('cy', variableErrors({ input: { meeting: 'm', invitees: [{ role: 'TEACHER' }] } }), INVITE);
    expect(welsh?.message).toBe("invitees.role: nid yw 'TEACHER' yn werth InviteeRole; defnyddiwch un o DESIGNATED_TEACHER, SOCIAL_WORKER, CARER");
  });

  it('in a variable of another argument: named from the argument the document gives it to', async () => {
    const document = parse('query ($why: ReasonInput) { byReason(reason: $why) }');
    const [error] = await met('en', variableErrors({ why: { role: 'TEACHER' } }, document), document);
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason.role' });
    expect(error?.message).toMatch(/^reason\.role: 'TEACHER' is not a value of InviteeRole/);
  });

  it('as a literal in the document: the argument it was given to is named, the code stays a validation failure', async () => {
    const document = parse('{ byRole(role: TEACHER) }');
    const [error] = await met(
      'en',
      validate(schema, document).map((e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })),
      document,
    );
    expect(error?.message).toBe("role: 'TEACHER' is not a value of InviteeRole; use one of DESIGNATED_TEACHER, SOCIAL_WORKER, CARER");
    expect(error?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', field: 'role' });
  });

  it('leaves every other library error as the library worded it', async () => {
    const [missing] = await met('en', variableErrors({ input: { invitees: [] } }));
    expect(missing?.message).toMatch(/^Variable "\$input" got invalid value .* Field "meeting" of required type "ID!" was not provided\.$/);
    expect(missing?.extensions['field']).toBeUndefined();
  });
});
