import { createHash } from 'node:crypto';
import { GraphQLError, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import type {
  GatewayExecutionResult,
  GatewayGraphQLRequestContext,
  GatewayInterface,
  GatewaySchemaHash,
  GatewaySchemaLoadOrUpdateCallback,
} from '@apollo/server-gateway-interface';
import type { Caller } from '@wales-lac/caller';
import { ShieldedGateway } from './shielded-gateway.ts';
import { API_SCHEMA, callerAs } from './testing.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** An Apollo Gateway stand-in: announces the schema on load and answers every fetch with `answer`. */
function fakeGateway(answer: (context: GatewayGraphQLRequestContext) => GatewayExecutionResult) {
  const listeners: GatewaySchemaLoadOrUpdateCallback[] = [];
  const fetched: GatewayGraphQLRequestContext[] = [];
  const inner: GatewayInterface = {
    onSchemaLoadOrUpdate: (callback) => {
      listeners.push(callback);
      return () => undefined;
    },
    load: async () => {
      listeners.forEach((l) => l({ apiSchema: API_SCHEMA, coreSupergraphSdl: '' }));
      return {
        executor: async (context) => {
          fetched.push(context);
          return answer(context);
        },
      };
    },
    stop: async () => undefined,
  };
  return { inner, fetched };
}

function requestFor(query: string, caller: Caller, variables: Record<string, unknown> = {}): GatewayGraphQLRequestContext {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  if (!operation) throw new Error('no operation');
  const noop = () => undefined;
  return {
    request: { query, variables },
    logger: { debug: noop, info: noop, warn: noop, error: noop },
    schema: API_SCHEMA,
    schemaHash: '' as GatewaySchemaHash,
    context: { caller, acceptLanguage: undefined, language: 'en' },
    cache: { get: async () => undefined, set: async () => undefined, delete: async () => true },
    queryHash: sha256(query),
    document,
    source: query,
    operationName: operation.name?.value ?? null,
    operation,
    metrics: {},
    overallCachePolicy: {},
  };
}

async function shielded(answer: (context: GatewayGraphQLRequestContext) => GatewayExecutionResult) {
  const fake = fakeGateway(answer);
  const gateway = new ShieldedGateway(fake.inner);
  const { executor } = await gateway.load({ apollo: {} });
  if (!executor) throw new Error('no executor');
  return { executor, fetched: fake.fetched };
}

const HOST_ACCESS = { relationships: ['host'], read: ['identity', 'education', 'pep', 'voice', 'contacts'] };
const newportHead = callerAs('virtual-school-head', { authorityCode: 'W06000022' });
const analyst = callerAs('national-analyst');

describe('the shielded gateway', () => {
  it('calls no subgraph when every root field is refused', async () => {
    const { executor, fetched } = await shielded(() => ({ data: {} }));
    const result = await executor(requestFor('{ kid: learner(id: "W06000015:L1") { id } __typename }', analyst));
    expect(fetched).toHaveLength(0);
    expect(result.data).toEqual({ kid: null, __typename: 'Query' });
    expect(result.errors?.map((e) => [e.path, e.extensions['code']])).toEqual([[['kid'], 'FORBIDDEN']]);
  });

  it('fetches what remains, rewritten, with a query hash of its own', async () => {
    const { executor, fetched } = await shielded(() => ({ data: { me: { role: 'NATIONAL_ANALYST' } } }));
    const result = await executor(requestFor('{ learner(id: "x") { id } me { role } }', analyst));
    const sent = fetched[0];
    expect(sent?.source).not.toContain('learner');
    expect(sent?.request.query).toBe(sent?.source);
    expect(sent?.queryHash).toBe(sha256(sent?.source ?? ''));
    expect(result.data).toEqual({ learner: null, me: { role: 'NATIONAL_ANALYST' } });
  });

  it('passes an operation with nothing to add or remove through unchanged', async () => {
    const { executor, fetched } = await shielded(() => ({ data: { authorities: [{ code: 'W06000015' }] } }));
    const request = requestFor('{ authorities { code } }', analyst);
    await executor(request);
    expect(fetched[0]).toBe(request);
  });

  it('shields the fetched result: refused fields null with FORBIDDEN, hidden fields and errors under them gone', async () => {
    const { executor, fetched } = await shielded(() => ({
      data: { learner: { id: 'W06000015:L1', legalGivenName: 'Ann', currentPlacement: { placedOutOfCounty: true }, _policyAccess: HOST_ACCESS } },
      errors: [
        new GraphQLError('placement of W06000015:L1 in W06000022', { path: ['learner', 'currentPlacement', 'authority'], extensions: { code: 'NOT_FOUND' } }),
      ],
    }));
    const result = await executor(
      requestFor('query Q { learner(id: "W06000015:L1") { id legalGivenName currentPlacement { placedOutOfCounty } } }', newportHead),
    );
    expect(fetched[0]?.source).toContain('_policyAccess: viewerAccess');
    expect(result.data).toEqual({ learner: { id: 'W06000015:L1', legalGivenName: 'Ann', currentPlacement: null } });
    expect(result.errors?.map((e) => [e.path, e.extensions])).toEqual([[['learner', 'currentPlacement'], { code: 'FORBIDDEN' }]]);
    expect(JSON.stringify(result)).not.toContain('_policy');
  });

  it('reports refused root fields when the fetched answer has no data', async () => {
    const upstream = new GraphQLError('first must be 1 to 100', { path: ['learners'], extensions: { code: 'BAD_USER_INPUT', field: 'first' } });
    const { executor } = await shielded(() => ({ data: null, errors: [upstream] }));
    const result = await executor(
      requestFor('{ accessHistory(learner: "x") { pageInfo { hasNextPage } } learners(first: 1000) { totalCount } }', callerAs('social-worker')),
    );
    expect(result.data).toBeNull();
    expect(result.errors?.map((e) => [e.path, e.extensions['code']])).toEqual([
      [['accessHistory'], 'FORBIDDEN'],
      [['learners'], 'BAD_USER_INPUT'],
    ]);
  });

  it('refuses a mutation the role may never make without fetching anything', async () => {
    const { executor, fetched } = await shielded(() => ({ data: {} }));
    const query = 'mutation { recordTargetProgress(input: { targetId: "t", progress: MET, pepVersion: 1, idempotencyKey: "k" }) { applied } }';
    const result = await executor(requestFor(query, callerAs('learner', { learnerId: 'W06000015:L1' })));
    expect(fetched).toHaveLength(0);
    expect(result).toMatchObject({ data: { recordTargetProgress: null }, errors: [{ path: ['recordTargetProgress'], extensions: { code: 'FORBIDDEN' } }] });
  });

  it('refuses an alias in the reserved namespace', async () => {
    const { executor, fetched } = await shielded(() => ({ data: {} }));
    const result = await executor(requestFor('{ learner(id: "x") { _policyAccess: legalGivenName } }', newportHead));
    expect(fetched).toHaveLength(0);
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.extensions['code']).toBe('BAD_USER_INPUT');
  });
});
