import { buildSchema, parse, print, validate, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { fetchDocument } from './rewrite.ts';
import { API_SCHEMA } from './testing.ts';

const ACCESS = '_policyAccess: viewerAccess { relationships read readWithReason }';

function rewrite(query: string, refused: string[] = [], schema = API_SCHEMA) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  if (!operation) throw new Error('no operation');
  const result = fetchDocument(schema, document, operation, new Set(refused));
  expect(validate(schema, result.document)).toEqual([]);
  return { ...result, printed: print(result.document) };
}

/** Printed form of a selection, to compare documents regardless of layout. */
const printed = (query: string) => print(parse(query));

describe('the fetched document asks the owner for the caller’s access', () => {
  it('in every Learner selection, whatever the client aliased', () => {
    const { printed: out, changed } = rewrite('{ kid: learner(id: "W06000015:L1") { name: legalGivenName } }');
    expect(changed).toBe(true);
    expect(out).toBe(printed(`{ kid: learner(id: "W06000015:L1") { name: legalGivenName ${ACCESS} } }`));
  });

  it('in a PEP nested inside a Learner, and in the Learner a PEP points back to', () => {
    const { printed: out } = rewrite('{ learner(id: "x") { id currentPep { status learner { id } } } }');
    expect(out).toBe(printed(`{ learner(id: "x") { id currentPep { status learner { id ${ACCESS} } ${ACCESS} } ${ACCESS} } }`));
  });

  it('in lists reached through connections', () => {
    const { printed: out } = rewrite('{ learners(first: 5) { edges { node { id peps { version } } } } }');
    expect(out).toBe(printed(`{ learners(first: 5) { edges { node { id peps { version ${ACCESS} } ${ACCESS} } } } }`));
  });

  it('inside named fragments and inline fragments', () => {
    const { printed: out } = rewrite(`
      query Q { learner(id: "x") { ...Who ... on Learner { upn } } }
      fragment Who on Learner { legalGivenName currentPep { ...Plan } }
      fragment Plan on PersonalEducationPlan { status }
    `);
    expect(out).toBe(
      printed(`
        query Q { learner(id: "x") { ...Who ... on Learner { upn ${ACCESS} } ${ACCESS} } }
        fragment Who on Learner { legalGivenName currentPep { ...Plan ${ACCESS} } ${ACCESS} }
        fragment Plan on PersonalEducationPlan { status ${ACCESS} }
      `),
    );
  });

  it('in the payload of a mutation', () => {
    const { printed: out } = rewrite(
      'mutation { recordTargetProgress(input: { targetId: "t", progress: MET, pepVersion: 1, idempotencyKey: "k" }) { applied pep { status } } }',
    );
    expect(out).toContain(`pep {\n      status\n      _policyAccess: viewerAccess {`);
  });

  it('leaves a document with no learner data as it was', () => {
    const query = '{ authorities { code } me { role access(learner: "x") { read } } }';
    const document = parse(query);
    const result = fetchDocument(API_SCHEMA, document, document.definitions[0] as OperationDefinitionNode, new Set());
    expect(result).toMatchObject({ changed: false, document });
  });

  it('keeps only the operation asked for and the fragments it uses', () => {
    const { printed: out } = rewrite('query A { me { role } } query B { authorities { code } } fragment Unused on Me { subject }');
    expect(out).toBe(printed('query A { me { role } }'));
  });
});

describe('on abstract types', () => {
  const schema = buildSchema(`
    type Query { search: [Found!]! }
    union Found = Learner | School
    type Learner { id: ID! viewerAccess: Access! }
    type School { id: ID! }
    type Access { relationships: [String!]! read: [String!]! readWithReason: [String!]! }
  `);

  it('asks for __typename under a hidden alias and for the access of each guarded member', () => {
    const { printed: out } = rewrite('{ search { __typename ... on School { id } } }', [], schema);
    expect(out).toBe(printed(`{ search { __typename ... on School { id } _policyTypename: __typename ... on Learner { ${ACCESS} } } }`));
  });
});

describe('refused root fields are not fetched', () => {
  it('wherever they appear at the root, aliased, in fragments or inline fragments', () => {
    const { printed: out } = rewrite(
      `query { kid: learner(id: "x") { ...L } ... on Query { learners { totalCount } me { role } } ...Root }
       fragment Root on Query { accessHistory(learner: "x") { edges { cursor } } authorities { code } }
       fragment L on Learner { id }`,
      ['learner', 'learners', 'accessHistory'],
    );
    expect(out).toBe(printed('query { ... on Query { me { role } } ...Root } fragment Root on Query { authorities { code } }'));
  });

  it('leaving a placeholder where nothing is left, so the document stays valid', () => {
    const { printed: out } = rewrite('{ ... on Query { learners { totalCount } } me { role } }', ['learners']);
    expect(out).toBe(printed('{ ... on Query { _policyPlaceholder: __typename } me { role } }'));
  });
});
