// The 22 authority instances form one logical subgraph. This data source routes each fetch the
// query planner makes to the authorities that own the data: entities by the authority code in
// their ids, `learner(id)` to its owner, `learners` to every authority concerned, merged by id.
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { Kind, type FieldNode } from 'graphql';
import { owningAuthority, schoolAuthorityCode } from '@wales-lac/wales';
import type { Caller } from '@wales-lac/caller';
import { learnersArgumentsProblem, pageArgumentsProblem, reasonProblem, type ListArguments } from '@wales-lac/policy';
import { mergeConnectionPages, withMergeFields, type AuthorityPage } from './connection-merge.ts';
import { routeAttendanceRegister } from './attendance-register.ts';
import { forwardedHeaders, type GatewayContext } from './gateway-context.ts';
import { budgetOf, type RequestBudget } from './request-budget.ts';
import {
  argumentValue,
  collectFields,
  operationForField,
  parseOperation,
  recordIdsIn,
  responseKey,
  type ParsedOperation,
  type Variables,
} from './operation.ts';
import { message, type Language } from '@wales-lac/errors';
import { authorityUnavailable, badUserInput, fromAuthority, gatewayError, wordedFor, type ResponseError } from './response.ts';
import type { SubgraphClient, SubgraphOutcome, SubgraphRequest } from './subgraph-client.ts';

type Response = { data: Record<string, unknown> | null; errors: ResponseError[] };

/** The schema's defaults for `first`: the merge must take as many as each authority gives. */
const DEFAULT_PAGE_SIZE = 20;
const NOTIFICATIONS_PAGE_SIZE = 50;

export class AuthorityShardsDataSource implements GraphQLDataSource<GatewayContext> {
  constructor(private readonly shards: ReadonlyMap<string, SubgraphClient>) {}

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    if (options.kind !== 'incoming operation')
      return { errors: [gatewayError(message('INTERNAL_SERVER_ERROR', 'notIncoming', { service: 'authority shards' }))] };
    // The gateway's own errors are built in English and worded for the request once, here.
    return wordedFor(await this.answer(options), options.context.language);
  }

  private async answer(options: GraphQLDataSourceProcessOptions<GatewayContext> & { readonly context: GatewayContext }): Promise<GatewayGraphQLResponse> {
    const { caller, language } = options.context;
    const headers = forwardedHeaders(options.context);
    const budget = budgetOf(options.context);
    const query = options.request.query ?? '';
    const variables = (options.request.variables ?? {}) as Variables;
    const parsed = parseOperation(query);
    if (parsed.operation.operation === 'mutation')
      return routeMutation(
        parsed,
        { query, variables, operationName: options.request.operationName ?? null },
        (code, r) => this.send(code, r, caller, headers, budget),
        language,
        [...this.shards.keys()],
      );
    if (parsed.operation.operation !== 'query') {
      return { errors: [gatewayError(message('BAD_USER_INPUT', 'noSubscriptions'))] };
    }
    const fields = collectFields(parsed.operation.selectionSet, parsed.fragments, variables);
    const send = (code: string, request: SubgraphRequest) => this.send(code, request, caller, headers, budget);
    const answers = await Promise.all(
      fields.map((field) => {
        const request = { ...operationForField(parsed, field, variables), operationName: options.request.operationName ?? null };
        return this.routeField(parsed, field, request, caller, send);
      }),
    );
    return combine(fields, answers);
  }

  private send(
    code: string,
    request: SubgraphRequest,
    caller: Caller,
    headers: Record<string, string>,
    budget: RequestBudget | undefined,
  ): Promise<SubgraphOutcome> {
    const shard = this.shards.get(code);
    if (!shard) return Promise.resolve({ kind: 'unavailable', reason: message('AUTHORITY_UNAVAILABLE', 'notConnected') });
    return shard.send(request, caller, headers, budget);
  }

  private routeField(
    parsed: ParsedOperation,
    field: FieldNode,
    request: SubgraphRequest & { variables: Variables },
    caller: Caller,
    send: Send,
  ): Promise<Response> {
    const route = ROOT_FIELD_ROUTES[field.name.value];
    if (!route) return Promise.resolve({ data: null, errors: [gatewayError(message('INTERNAL_SERVER_ERROR', 'noRoutingRule', { field: field.name.value }))] });
    return route.route({ parsed, field, request, caller, send, authorities: [...this.shards.keys()] });
  }
}

type Send = (code: string, request: SubgraphRequest) => Promise<SubgraphOutcome>;

/** What a route is given: one root field of the operation, its own request, and where it may go. */
export interface RouteRequest {
  readonly parsed: ParsedOperation;
  readonly field: FieldNode;
  readonly request: SubgraphRequest & { variables: Variables };
  readonly caller: Caller;
  readonly send: Send;
  /** Every authority connected to this gateway. */
  readonly authorities: readonly string[];
}

/** The authorities that can hold learners this caller may see. */
function reachOf(caller: Caller, field: FieldNode, variables: Variables, authorities: readonly string[]): string[] {
  const home = argumentValue(field, 'homeAuthority', variables);
  if (typeof home === 'string') return [home];
  if (caller.role === 'learner') return caller.authorityCode ? [caller.authorityCode] : [];
  return [...authorities];
}

function routeLearners({ parsed, field, request, caller, send, authorities }: RouteRequest): Promise<Response> {
  const problem = learnersArgumentsProblem(caller.role, listArguments(field, request.variables));
  if (problem) return Promise.resolve({ data: null, errors: [badUserInput(problem.text, problem.field, [responseKey(field)])] });
  return fanOut(parsed, field, request, reachOf(caller, field, request.variables, authorities), send);
}

/** A page of notifications from every authority: its size and cursor checked once here. */
function routeNotifications({ parsed, field, request, send, authorities }: RouteRequest): Promise<Response> {
  const problem = pageArgumentsProblem(listArguments(field, request.variables));
  if (problem) return Promise.resolve({ data: null, errors: [badUserInput(problem.text, problem.field, [responseKey(field)])] });
  return fanOut(parsed, field, request, authorities, send, 'NotificationConnection', NOTIFICATIONS_PAGE_SIZE);
}

/** A root field's arguments by name, their values read from the document and its variables. */
function listArguments(field: FieldNode, variables: Variables): ListArguments {
  return Object.fromEntries((field.arguments ?? []).map((a) => [a.name.value, argumentValue(field, a.name.value, variables)]));
}

/** `learner(id:)`: a reason that is not well-formed is refused here, and no authority asked. */
function routeLearner({ field, request, send }: RouteRequest): Promise<Response> {
  const wrong = reasonWrong(field, request.variables);
  if (wrong) return Promise.resolve({ data: { [responseKey(field)]: null }, errors: [wrong] });
  return routeToOwner(field, 'id', request, send);
}

/** A `reason` that is not well-formed (decision 0026): BAD_USER_INPUT naming its part. */
function reasonWrong(field: FieldNode, variables: Variables): ResponseError | null {
  const problem = reasonProblem(argumentValue(field, 'reason', variables));
  return problem ? badUserInput(problem.text, problem.field, [responseKey(field)]) : null;
}

/**
 * Each root field of the authority subgraph: where it goes, said and done. A root field with no entry is
 * answered with an internal error naming it (and the routing test fails for any field of the schema missing here).
 */
export const ROOT_FIELD_ROUTES: Readonly<Record<string, { readonly rule: string; readonly route: (r: RouteRequest) => Promise<Response> }>> = {
  _entities: {
    rule: 'split representations by owner (Me: by the learner argument of access)',
    route: (r) => routeEntities(r.parsed, r.field, r.request, r.send),
  },
  learner: { rule: 'owner of the id argument (a reason not well-formed refused first)', route: routeLearner },
  learners: { rule: 'every authority in the caller’s reach (one with homeAuthority), merged', route: routeLearners },
  accessHistory: { rule: 'owner of the learner argument', route: (r) => routeToOwner(r.field, 'learner', r.request, r.send) },
  notifications: { rule: 'every authority (each holds the moves and alerts it raised), merged newest first', route: routeNotifications },
  notificationPreferences: {
    rule: 'the caller’s own authority (every authority keeps the same choices: decision 0029)',
    route: (r) => routeToOne(r.field, preferenceAuthority(r.caller, r.authorities), r.request, r.send),
  },
  __typename: { rule: 'answered by the gateway', route: (r) => Promise.resolve({ data: { [responseKey(r.field)]: 'Query' }, errors: [] }) },
};

function combine(fields: readonly FieldNode[], answers: readonly Response[]): GatewayGraphQLResponse {
  const errors = answers.flatMap((a) => a.errors);
  if (answers.length === 1 && answers[0]) return { data: answers[0].data, ...(errors.length ? { errors } : {}) };
  const data: Record<string, unknown> = {};
  fields.forEach((field, i) => {
    const key = responseKey(field);
    data[key] = answers[i]?.data?.[key] ?? null;
  });
  return { data, ...(errors.length ? { errors } : {}) };
}

interface Representation {
  readonly __typename?: unknown;
  readonly id?: unknown;
}

/** Authorities that must see `Me` representations: the owners of the learners named in `access(learner:)`. */
function meDestinations(field: FieldNode, fragments: ParsedOperation['fragments'], variables: Variables): string[] | null {
  const fields = collectFields(field.selectionSet ?? { kind: Kind.SELECTION_SET, selections: [] }, fragments, variables).filter(
    (f) => f.name.value === 'access',
  );
  const owners = fields.map((f) => {
    const learner = argumentValue(f, 'learner', variables);
    return typeof learner === 'string' ? owningAuthority(learner) : null;
  });
  return owners.includes(null) ? null : [...new Set(owners as string[])];
}

function destinationsOf(rep: Representation, me: string[] | null): string[] | null {
  if (rep.__typename === 'Me') return me;
  const owner = typeof rep.id === 'string' ? owningAuthority(rep.id) : null;
  return owner === null ? null : [owner];
}

/** Non-null values win: an authority that does not own a `Me.access` learner answers null for it. */
function mergeEntity(current: unknown, next: unknown): unknown {
  if (current === null || current === undefined) return next ?? null;
  if (next === null || next === undefined || typeof current !== 'object' || typeof next !== 'object') return current;
  const merged: Record<string, unknown> = { ...(current as Record<string, unknown>) };
  for (const [key, value] of Object.entries(next as Record<string, unknown>)) merged[key] = mergeEntity(merged[key], value);
  return merged;
}

async function routeEntities(parsed: ParsedOperation, field: FieldNode, request: SubgraphRequest & { variables: Variables }, send: Send): Promise<Response> {
  const key = responseKey(field);
  const representations = (request.variables['representations'] ?? []) as Representation[];
  const me = representations.some((r) => r.__typename === 'Me') ? meDestinations(field, parsed.fragments, request.variables) : [];
  const results: unknown[] = representations.map(() => null);
  const errors: ResponseError[] = [];
  const byOwner = new Map<string, number[]>();
  representations.forEach((rep, index) => {
    const destinations = destinationsOf(rep, me);
    if (destinations === null) {
      errors.push(gatewayError(message('NOT_FOUND', 'noAuthorityRecord', { id: String(rep.id ?? 'learner') }), { path: [key, index] }));
      return;
    }
    for (const owner of destinations) byOwner.set(owner, [...(byOwner.get(owner) ?? []), index]);
  });
  await Promise.all(
    [...byOwner].map(async ([owner, indices]) => {
      const outcome = await send(owner, { ...request, variables: { ...request.variables, representations: indices.map((i) => representations[i]) } });
      if (outcome.kind === 'unavailable') {
        for (const i of indices) errors.push(authorityUnavailable(owner, outcome.reason, [key, i]));
        return;
      }
      const entities = outcome.response.data?.[key];
      indices.forEach((global, local) => (results[global] = mergeEntity(results[global], Array.isArray(entities) ? (entities[local] ?? null) : null)));
      for (const error of fromAuthority(owner, outcome.response.errors)) {
        const local = error.path?.[1];
        // Entity answers are positional: an error at the authority's index i belongs at the global index.
        const path = error.path && error.path[0] === key && typeof local === 'number' ? [key, indices[local] ?? local, ...error.path.slice(2)] : error.path;
        errors.push({ ...error, ...(path ? { path } : {}) });
      }
    }),
  );
  return { data: { [key]: results }, errors };
}

/** Where a person's notification preferences are read: their own authority (a teacher's: their school's), or the first. */
function preferenceAuthority(caller: Caller, authorities: readonly string[]): string | null {
  const own = caller.authorityCode ?? (caller.schoolId ? schoolAuthorityCode(caller.schoolId) : null);
  return own && authorities.includes(own) ? own : (authorities[0] ?? null);
}

async function routeToOne(field: FieldNode, code: string | null, request: SubgraphRequest, send: Send): Promise<Response> {
  const key = responseKey(field);
  if (code === null) return { data: { [key]: null }, errors: [gatewayError(message('AUTHORITY_UNAVAILABLE', 'notConnected'), { path: [key] })] };
  const outcome = await send(code, request);
  if (outcome.kind === 'unavailable') return { data: { [key]: null }, errors: [authorityUnavailable(code, outcome.reason, [key])] };
  return { data: outcome.response.data ?? { [key]: null }, errors: fromAuthority(code, outcome.response.errors) };
}

/**
 * A person's delivery choices go to every authority (any of them may raise an alert for them), each applying
 * them once per key; until every one has confirmed, the change is reported unconfirmed and a retry with the
 * same key completes it (decision 0029).
 */
async function routePreferences(field: FieldNode, request: SubgraphRequest, send: Send, authorities: readonly string[]): Promise<GatewayGraphQLResponse> {
  const key = responseKey(field);
  const outcomes = await Promise.all(authorities.map(async (code) => ({ code, outcome: await send(code, request) })));
  const unavailable = outcomes.find((o) => o.outcome.kind === 'unavailable');
  if (unavailable && unavailable.outcome.kind === 'unavailable') {
    return {
      data: null,
      errors: [authorityUnavailable(unavailable.code, message('AUTHORITY_UNAVAILABLE', 'changeNotConfirmed', { reason: unavailable.outcome.reason }), [key])],
    };
  }
  const [head] = outcomes;
  if (!head || head.outcome.kind !== 'answered')
    return { data: null, errors: [gatewayError(message('AUTHORITY_UNAVAILABLE', 'notConnected'), { path: [key] })] };
  // Every authority checks the same input the same way: the first one's answer (and errors) stand for all.
  const errors = fromAuthority(head.code, head.outcome.response.errors);
  return { data: head.outcome.response.data ?? null, ...(errors.length ? { errors } : {}) };
}

/** A change goes to exactly one authority: the owner of every record it names (a person's preferences: every authority). */
async function routeMutation(
  parsed: ParsedOperation,
  request: SubgraphRequest & { variables: Variables },
  send: Send,
  language: Language,
  authorities: readonly string[] = [],
): Promise<GatewayGraphQLResponse> {
  const fields = collectFields(parsed.operation.selectionSet, parsed.fragments, request.variables);
  const preferences = fields.find((f) => f.name.value === 'setNotificationPreferences');
  if (preferences) {
    if (fields.length > 1) return { data: null, errors: [badUserInput(message('BAD_USER_INPUT', 'preferencesAlone'), 'input', [responseKey(preferences)])] };
    return routePreferences(preferences, request, send, authorities);
  }
  const register = fields.find((f) => f.name.value === 'recordAttendance');
  if (register) {
    if (fields.length > 1) return { data: null, errors: [badUserInput(message('BAD_USER_INPUT', 'registerAlone'), 'input', [responseKey(register)])] };
    const answer = await routeAttendanceRegister(parsed, register, request.variables, send, language);
    return { data: answer.data, ...(answer.errors.length ? { errors: answer.errors } : {}) };
  }
  const ids = fields.flatMap((f) => (f.arguments ?? []).flatMap((a) => recordIdsIn(argumentValue(f, a.name.value, request.variables))));
  const owners = [...new Set(ids.map((id) => owningAuthority(id)))];
  const [owner] = owners;
  if (owners.length !== 1 || !owner) {
    const text = owners.length === 0 ? message('BAD_USER_INPUT', 'changeNamesNoRecord') : message('BAD_USER_INPUT', 'changeSpansAuthorities');
    return { data: null, errors: fields.map((f) => badUserInput(text, 'input', [responseKey(f)])) };
  }
  const outcome = await send(owner, request);
  if (outcome.kind === 'unavailable') {
    const first = fields[0];
    return {
      data: null,
      errors: [
        authorityUnavailable(
          owner,
          message('AUTHORITY_UNAVAILABLE', 'changeNotConfirmed', { reason: outcome.reason }),
          first ? [responseKey(first)] : undefined,
        ),
      ],
    };
  }
  const errors = fromAuthority(owner, outcome.response.errors);
  return { data: outcome.response.data ?? null, ...(errors.length ? { errors } : {}) };
}

async function routeToOwner(field: FieldNode, argument: string, request: SubgraphRequest, send: Send): Promise<Response> {
  const key = responseKey(field);
  const id = argumentValue(field, argument, (request.variables ?? {}) as Variables);
  const owner = typeof id === 'string' ? owningAuthority(id) : null;
  if (owner === null) {
    return { data: { [key]: null }, errors: [badUserInput(message('BAD_USER_INPUT', 'learnerIdShape', { id: String(id) }), argument, [key])] };
  }
  const outcome = await send(owner, request);
  if (outcome.kind === 'unavailable') return { data: { [key]: null }, errors: [authorityUnavailable(owner, outcome.reason, [key])] };
  return { data: outcome.response.data ?? { [key]: null }, errors: fromAuthority(owner, outcome.response.errors) };
}

async function fanOut(
  parsed: ParsedOperation,
  field: FieldNode,
  request: SubgraphRequest & { variables: Variables },
  reach: readonly string[],
  send: Send,
  typename = 'LearnerConnection',
  defaultSize = DEFAULT_PAGE_SIZE,
): Promise<Response> {
  const key = responseKey(field);
  // The arguments were checked by the route (learnersArgumentsProblem, pageArgumentsProblem).
  const first = Number(argumentValue(field, 'first', request.variables) ?? defaultSize);
  const shardRequest = { ...operationForField(parsed, withMergeFields(field), request.variables), operationName: request.operationName ?? null };
  const pages = await Promise.all(
    reach.map(async (code): Promise<AuthorityPage & { unavailable?: string }> => {
      const outcome = await send(code, shardRequest);
      if (outcome.kind === 'unavailable') return { authorityCode: code, connection: null, errors: [authorityUnavailable(code, outcome.reason, [key])] };
      const connection = (outcome.response.data?.[key] ?? null) as Record<string, unknown> | null;
      return { authorityCode: code, connection, errors: fromAuthority(code, outcome.response.errors) };
    }),
  );
  const merged = mergeConnectionPages(field, parsed.fragments, request.variables, first, pages, typename);
  return { data: { [key]: merged.connection }, errors: merged.errors };
}
