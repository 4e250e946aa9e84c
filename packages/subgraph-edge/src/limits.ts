// Limits on what one GraphQL document may ask, shared by the gateway and every subgraph.
// Depth, aliases and directives are GraphQL Armor's validation rules; tokens are graphql-js's own
// parser limit; the cost is ours, because Armor's cost does not weigh page sizes (`first`) or a root
// field that the gateway asks of all 22 authorities. Every refusal is a coded error naming its limit.
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  valueFromAST,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { message, platformError, type ErrorCode, type Text } from '@wales-lac/errors';

export interface DocumentLimits {
  /** Deepest selection, fragments counted as a level (Armor's reckoning). */
  readonly maxDepth: number;
  /** Aliases in the operation, `__typename` included, each fragment counted at every spread. */
  readonly maxAliases: number;
  /** Directives in the operation, known or not. */
  readonly maxDirectives: number;
  /** Lexical tokens in the document (graphql-js's parser stops at the first one over). */
  readonly maxTokens: number;
  /** Estimated fields resolved: see `operationCost`. */
  readonly maxCost: number;
}

/** How the cost weighs lists. */
export interface CostWeights {
  /** Root fields the gateway asks of several services at once, and how many (`Query.learners`: 22). */
  readonly fanOut: Readonly<Record<string, number>>;
  /** Lists without `first`, by `Type.field`, and how long they can be (`Query.regions`: 4). */
  readonly listSizes: Readonly<Record<string, number>>;
  /** Any other list without `first`. */
  readonly defaultListSize: number;
}

/** Marks a limit's refusal, so that it can be told apart from other validation errors (which it replaces). */
export const LIMIT_EXTENSION = 'limit';

/** A limit's refusal: its registered message, and the limit, its maximum and what was found as extensions. */
export function limitError(text: Text, limit: string, max: number, found: number): GraphQLError {
  return platformError(text, { [LIMIT_EXTENSION]: limit, max, found });
}

const FOUND = /found (\d+)/;

/** Each limit's code. Apollo Server re-codes validation errors GRAPHQL_VALIDATION_FAILED; this puts ours back. */
export const LIMIT_CODES: Readonly<Record<string, ErrorCode>> = {
  depth: 'QUERY_TOO_DEEP',
  aliases: 'TOO_MANY_ALIASES',
  directives: 'TOO_MANY_DIRECTIVES',
  tokens: 'TOO_MANY_TOKENS',
  cost: 'QUERY_TOO_COSTLY',
  'response-bytes': 'RESPONSE_TOO_LARGE',
  time: 'TIME_BUDGET_EXCEEDED',
  introspection: 'INTROSPECTION_DISABLED',
  'fan-out-in-flight': 'GATEWAY_BUSY',
};

/** The registered code of a formatted error that is a limit's refusal, or null. */
export function limitCodeOf(extensions: Readonly<Record<string, unknown>> | undefined): ErrorCode | null {
  const limit = extensions?.[LIMIT_EXTENSION];
  return typeof limit === 'string' ? (LIMIT_CODES[limit] ?? null) : null;
}

/** An Armor rule whose refusal is reported as a coded error instead of thrown (which would be a 500). */
function armorRule(
  limit: string,
  max: number,
  say: (found: number) => Text,
  make: (reject: (ctx: ValidationContext | null, error: GraphQLError) => void) => ValidationRule,
): ValidationRule {
  return make((ctx, error) => {
    const found = Number(FOUND.exec(error.message)?.[1] ?? max + 1);
    ctx?.reportError(limitError(say(found), limit, max, found));
  });
}

/** Armor's depth, alias and directive rules, for `validationRules`. */
export function limitValidationRules(limits: DocumentLimits): ValidationRule[] {
  const common = { propagateOnRejection: false, exposeLimits: true } as const;
  return [
    // Introspection is exempt from depth (its type references nest about 10 deep) and costs 1; who may
    // introspect at all is the profile's question.
    armorRule(
      'depth',
      limits.maxDepth,
      (n) => message('QUERY_TOO_DEEP', 'depth', { found: n, max: limits.maxDepth }),
      (reject) => maxDepthRule({ ...common, n: limits.maxDepth, ignoreIntrospection: true, onReject: [reject] }),
    ),
    // `__typename` is not exempt: 101 aliases of it are still 101 fields to answer.
    armorRule(
      'aliases',
      limits.maxAliases,
      (n) => message('TOO_MANY_ALIASES', 'aliases', { found: n, max: limits.maxAliases }),
      (reject) => maxAliasesRule({ ...common, n: limits.maxAliases, allowList: [], onReject: [reject] }),
    ),
    armorRule(
      'directives',
      limits.maxDirectives,
      (n) => message('TOO_MANY_DIRECTIVES', 'directives', { found: n, max: limits.maxDirectives }),
      (reject) => maxDirectivesRule({ ...common, n: limits.maxDirectives, onReject: [reject] }),
    ),
  ];
}

/** graphql-js's parse error when `maxTokens` is passed ("more that": its spelling in 16.x). */
const TOKEN_LIMIT = /Document contains more tha[nt] (\d+) tokens/;

/** The coded token-limit error for a parse failure that is one, else null. */
export function tokenLimitError(parseMessage: string, maxTokens: number): GraphQLError | null {
  if (!TOKEN_LIMIT.test(parseMessage)) return null;
  return limitError(message('TOO_MANY_TOKENS', 'tokens', { max: maxTokens }), 'tokens', maxTokens, maxTokens + 1);
}

type Variables = Readonly<Record<string, unknown>>;

/**
 * What an operation may make the platform resolve, as a count of fields: each field is 1 plus its
 * selection, times the length of its list. A field with `first` is that long (its `edges`/`nodes` then
 * count once); a list without it has its known or default length; a fan-out root field is asked of that
 * many services, each answering its own page. Fragments are weighed once per name and type, so a
 * fragment fan-out costs what it would resolve without taking exponential time to weigh.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Variables,
  weights: CostWeights,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const memo = new Map<string, number>();

  const firstOf = (field: FieldNode, parent: GraphQLNamedType): number | null => {
    if (!isObjectType(parent) && !isInterfaceType(parent)) return null;
    const definition = parent.getFields()[field.name.value]?.args.find((a) => a.name === 'first');
    if (!definition) return null;
    const given = field.arguments?.find((a) => a.name.value === 'first');
    const value = given ? valueFromAST(given.value, definition.type, variables as Record<string, unknown>) : definition.defaultValue;
    return typeof value === 'number' && value > 0 ? value : 1;
  };

  const selectionCost = (set: SelectionSetNode, parent: GraphQLNamedType, sizedByParent: boolean, path: ReadonlySet<string>): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        total += type ? selectionCost(selection.selectionSet, type, sizedByParent, path) : 0;
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        const type = fragment && schema.getType(fragment.typeCondition.name.value);
        if (!fragment || !type || path.has(name)) continue;
        const key = `${name}:${sizedByParent}`;
        let cost = memo.get(key);
        if (cost === undefined) memo.set(key, (cost = selectionCost(fragment.selectionSet, type, sizedByParent, new Set([...path, name]))));
        total += cost;
      } else {
        total += fieldCost(selection, parent, sizedByParent, path);
      }
    }
    return total;
  };

  const fieldCost = (field: FieldNode, parent: GraphQLNamedType, sizedByParent: boolean, path: ReadonlySet<string>): number => {
    const name = field.name.value;
    const definition = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
    if (!definition) return 1; // __typename, or a field validation has refused already
    const key = `${parent.name}.${name}`;
    const first = firstOf(field, parent);
    const list = isListType(getNullableType(definition.type));
    const length = first ?? (list && !sizedByParent ? (weights.listSizes[key] ?? weights.defaultListSize) : 1);
    const inner = field.selectionSet ? selectionCost(field.selectionSet, getNamedType(definition.type), first !== null, path) : 0;
    return (weights.fanOut[key] ?? 1) * length * (1 + inner);
  };

  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  return root ? selectionCost(operation.selectionSet, root, false, new Set()) : 0;
}

export function costLimitError(cost: number, maxCost: number): GraphQLError {
  const shown = Number.isFinite(cost) ? Math.round(cost) : Number.MAX_SAFE_INTEGER;
  return limitError(message('QUERY_TOO_COSTLY', 'cost', { cost: shown, max: maxCost }), 'cost', maxCost, shown);
}
