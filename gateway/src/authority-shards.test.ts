import { message } from '@wales-lac/errors';
import { parse, type ObjectTypeDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { AUTHORITY_SDL } from '@wales-lac/authority-subgraph';
import type { Caller } from '@wales-lac/caller';
import { GATEWAY_ONLY_ROOT_FIELDS } from '@wales-lac/policy';
import { AuthorityShardsDataSource, ROOT_FIELD_ROUTES } from './authority-shards.ts';
import { collectFields, operationForField, parseOperation } from './operation.ts';
import type { GatewayContext } from './gateway-context.ts';
import type { GraphQLResponseJson, SubgraphClient, SubgraphOutcome, SubgraphRequest } from './subgraph-client.ts';

const caller: Caller = { subject: 's', role: 'virtual-school-head', authorityCode: 'W06000015', schoolId: null, learnerId: null, regionCode: null };

/** An authority that answers entity fetches from a table, recording what it was asked. */
function authority(code: string, answer: (request: SubgraphRequest) => SubgraphOutcome): SubgraphClient & { asked: SubgraphRequest[] } {
  const asked: SubgraphRequest[] = [];
  return {
    audience: `authority:${code}`,
    url: `http://${code}.invalid/graphql`,
    asked,
    send: async (request) => {
      asked.push(request);
      return answer(request);
    },
    healthy: async () => true,
  };
}

const answered = (response: GraphQLResponseJson): SubgraphOutcome => ({ kind: 'answered', response });
const echoIds = (request: SubgraphRequest) => {
  const reps = (request.variables?.['representations'] ?? []) as { id: string }[];
  return answered({ data: { _entities: reps.map((r) => ({ id: r.id })) } });
};

function operation(query: string, variables: Record<string, unknown>): GraphQLDataSourceProcessOptions<GatewayContext> {
  return {
    kind: 'incoming operation',
    request: { query, variables },
    context: { caller, acceptLanguage: undefined, language: 'en' },
    incomingRequestContext: {} as never,
  } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>;
}

const ENTITIES = 'query($representations:[_Any!]!){_entities(representations:$representations){...on Learner{id}}}';

describe('entity fetches across authorities', () => {
  it('go to each owner and come back in the order asked, errors at the right index', async () => {
    const cardiff = authority('W06000015', echoIds);
    const newport = authority('W06000022', (request) => {
      const reps = (request.variables?.['representations'] ?? []) as { id: string }[];
      return answered({
        data: { _entities: [{ id: reps[0]?.id }, null] },
        errors: [{ message: 'no such learner', path: ['_entities', 1], extensions: { code: 'NOT_FOUND' } }],
      });
    });
    const source = new AuthorityShardsDataSource(
      new Map([
        ['W06000015', cardiff],
        ['W06000022', newport],
      ]),
    );
    const reps = ['W06000022:L000001', 'W06000015:L000001', 'W06000022:L000009', 'W06000015:L000002'].map((id) => ({ __typename: 'Learner', id }));
    const result = await source.process(operation(ENTITIES, { representations: reps }));

    expect(result.data?.['_entities']).toEqual([{ id: 'W06000022:L000001' }, { id: 'W06000015:L000001' }, null, { id: 'W06000015:L000002' }]);
    expect(result.errors).toEqual([expect.objectContaining({ path: ['_entities', 2], extensions: { code: 'NOT_FOUND', authority: 'W06000022' } })]);
    expect(cardiff.asked).toHaveLength(1);
    expect(newport.asked[0]?.variables?.['representations']).toEqual([reps[0], reps[2]]);
  });

  it('fill an unavailable owner’s places with null and say which authority', async () => {
    const cardiff = authority('W06000015', echoIds);
    const down = authority('W06000022', () => ({ kind: 'unavailable', reason: message('AUTHORITY_UNAVAILABLE', 'notAnswered', { ms: 50 }) }));
    const source = new AuthorityShardsDataSource(
      new Map([
        ['W06000015', cardiff],
        ['W06000022', down],
      ]),
    );
    const reps = ['W06000022:L000001', 'W06000015:L000001', 'nonsense'].map((id) => ({ __typename: 'Learner', id }));
    const result = await source.process(operation(ENTITIES, { representations: reps }));

    expect(result.data?.['_entities']).toEqual([null, { id: 'W06000015:L000001' }, null]);
    expect(result.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: ['_entities', 0], extensions: { code: 'AUTHORITY_UNAVAILABLE', authority: 'W06000022' } }),
        expect.objectContaining({ path: ['_entities', 2], extensions: { code: 'NOT_FOUND' } }),
      ]),
    );
    const unavailable = result.errors?.find((e) => e.extensions?.['code'] === 'AUTHORITY_UNAVAILABLE');
    expect(unavailable?.message).toContain('Newport');
  });
});

describe('routing rules', () => {
  it('exist for every root field of the authority schema but those only the gateway calls', () => {
    const document = parse(AUTHORITY_SDL.replace(/extend schema[^\n]*\n/, ''));
    const query = document.definitions.find((d): d is ObjectTypeDefinitionNode => d.kind === 'ObjectTypeDefinition' && d.name.value === 'Query');
    const fields = (query?.fields ?? []).map((f) => f.name.value);
    expect(fields.length).toBeGreaterThan(0);
    for (const field of fields.filter((f) => !GATEWAY_ONLY_ROOT_FIELDS.includes(f))) expect(Object.keys(ROOT_FIELD_ROUTES)).toContain(field);
  });
});

describe('the routing table, route by route', () => {
  const AUTHORITIES = ['W06000015', 'W06000022', 'W06000011'];
  /** Which authorities a root field's route asks, for this caller. */
  async function asked(query: string, who: Caller = caller, variables: Record<string, unknown> = {}) {
    const parsed = parseOperation(query);
    const [field] = collectFields(parsed.operation.selectionSet, parsed.fragments, variables);
    const codes: string[] = [];
    const empty = { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };
    const send = async (code: string): Promise<SubgraphOutcome> => (
      codes.push(code),
      answered({ data: { [field!.name.value]: field!.name.value === 'learner' ? null : empty } })
    );
    const route = ROOT_FIELD_ROUTES[field!.name.value]!;
    const answer = await route.route({
      parsed,
      field: field!,
      request: { ...operationForField(parsed, field!, variables), operationName: null },
      caller: who,
      send,
      authorities: AUTHORITIES,
    });
    return { codes: codes.sort(), answer };
  }

  it('sends a child to the authority that owns its id', async () => {
    expect((await asked('{ learner(id: "W06000022:L1") { id } }')).codes).toEqual(['W06000022']);
  });

  it("sends learners to every authority, or to the one named by homeAuthority, or to a child's own", async () => {
    expect((await asked('{ learners(first: 5) { edges { node { id } } } }')).codes).toEqual([...AUTHORITIES].sort());
    expect((await asked('{ learners(first: 5, homeAuthority: "W06000011") { edges { node { id } } } }')).codes).toEqual(['W06000011']);
    const child: Caller = { ...caller, role: 'learner', learnerId: 'W06000022:L7', authorityCode: 'W06000022' };
    expect((await asked('{ learners(first: 5) { edges { node { id } } } }', child)).codes).toEqual(['W06000022']);
  });

  it('sends notifications to every authority, and answers __typename itself', async () => {
    expect((await asked('{ notifications(first: 5) { edges { node { id } } } }')).codes).toEqual([...AUTHORITIES].sort());
    const typename = await asked('{ __typename }');
    expect(typename.codes).toEqual([]);
    expect(typename.answer.data).toEqual({ __typename: 'Query' });
  });
});
