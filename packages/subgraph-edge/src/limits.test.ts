// The document limits just under and just over, and the cost's weighing of pages, fan-out and fragments.
import { buildSchema, parse, validate, specifiedRules, Kind, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { limitValidationRules, operationCost, tokenLimitError, type DocumentLimits } from './limits.ts';

const schema = buildSchema(`
  type Query { learners(first: Int = 20): LearnerConnection! regions: [Region!]! me: Me }
  type Me { role: String }
  type LearnerConnection { totalCount: Int! edges: [Edge!]! }
  type Edge { node: Learner! }
  type Learner { id: ID! name: String }
  type Region { code: ID! authorities: [Authority!]! }
  type Authority { code: ID! region: Region! }
`);
const LIMITS: DocumentLimits = { maxDepth: 4, maxAliases: 3, maxDirectives: 2, maxTokens: 100, maxCost: 1_000 };
const WEIGHTS = { fanOut: { 'Query.learners': 22 }, listSizes: { 'Query.regions': 4, 'Region.authorities': 6 }, defaultListSize: 10 };
const times = (n: number, s: string) => Array.from({ length: n }, (_, i) => s.replace('#', String(i))).join(' ');

function refusals(query: string) {
  return validate(schema, parse(query), [...specifiedRules, ...limitValidationRules(LIMITS)]).filter((e) => e.extensions['limit']);
}
function cost(query: string, variables = {}) {
  const document = parse(query);
  return operationCost(schema, document, document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode, variables, WEIGHTS);
}

describe('document limits', () => {
  it.each([
    ['depth', '{ regions { authorities { region { code } } } }', '{ regions { authorities { region { authorities { code } } } } }', 'QUERY_TOO_DEEP'],
    ['aliases', `{ ${times(3, 'a#: __typename')} }`, `{ ${times(4, 'a#: __typename')} }`, 'TOO_MANY_ALIASES'],
    ['directives', `{ me { role ${times(2, '@include(if: true)')} } }`, `{ me { role ${times(3, '@include(if: true)')} } }`, 'TOO_MANY_DIRECTIVES'],
  ])('%s: just under passes, just over is one coded refusal', (limit, under, over, code) => {
    expect(refusals(under)).toEqual([]);
    const refused = refusals(over);
    expect(refused).toHaveLength(1);
    expect(refused[0]?.extensions).toMatchObject({ code, limit });
  });

  it('tokens: graphql-js stops at the first token over, and the error is recoded', () => {
    expect(() => parse(`{ ${times(98, '__typename')} }`, { maxTokens: 100 })).not.toThrow();
    let message = '';
    try {
      parse(`{ ${times(99, '__typename')} }`, { maxTokens: 100 });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(tokenLimitError(message, 100)?.extensions).toMatchObject({ code: 'TOO_MANY_TOKENS', limit: 'tokens' });
  });
});

describe('cost', () => {
  it('weighs a page by first and a fan-out root by its authorities', () => {
    // 22 × 500 × (1 + edges (1 + node (1 + id + name)))
    expect(cost('{ learners(first: 500) { edges { node { id name } } } }')).toBe(22 * 500 * 5);
    expect(cost('query($n: Int) { learners(first: $n) { totalCount } }', { n: 7 })).toBe(22 * 7 * 2);
    expect(cost('{ learners { totalCount } }')).toBe(22 * 20 * 2); // the argument's default
  });

  it('weighs lists without first by their known length', () => {
    expect(cost('{ regions { authorities { code } } }')).toBe(4 * (1 + 6 * 2));
  });

  it('weighs a fragment fan-out by what it would resolve, without expanding it', () => {
    const fanOut = `query { ...F0 } ${[0, 1, 2, 3].map((i) => `fragment F${i} on Query { ${times(5, `...F${i + 1}`)} }`).join(' ')} fragment F4 on Query { me { role } }`;
    const started = performance.now();
    expect(cost(fanOut)).toBe(5 ** 4 * 2);
    expect(performance.now() - started).toBeLessThan(50);
  });
});
