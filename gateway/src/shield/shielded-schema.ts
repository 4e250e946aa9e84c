// A copy of the API schema whose fields read the fetched result by response key (alias), wrapped in
// the policy's shield. Executing the client's document over it re-applies every rule to what came back.
import type { GraphQLResolveInfo, GraphQLSchema } from 'graphql';
import { applyMiddleware, type IMiddlewareFunction } from 'graphql-middleware';
import { permissionsMiddleware, rootRules } from '@wales-lac/policy';
import { gatewayAccessOf, isRecord, type ShieldContext } from './gateway-access.ts';

/** The value the executor fetched under this field's response key (the gateway's own computeResponse keys by alias). */
function readByResponseKey(_resolve: unknown, parent: unknown, _args: unknown, _context: unknown, info: GraphQLResolveInfo): unknown {
  return isRecord(parent) ? parent[info.path.key] : undefined;
}

export function shieldedSchema(apiSchema: GraphQLSchema): GraphQLSchema {
  const shield = permissionsMiddleware<ShieldContext>(apiSchema, { accessOf: gatewayAccessOf, rootRules: rootRules(apiSchema) });
  // The last middleware is innermost: the shield decides, then the field reads the fetched value.
  // graphql-middleware types a middleware as returning a promise; it calls it as a plain function, and a
  // field read from the fetched result is answered at once.
  return applyMiddleware(apiSchema, shield, readByResponseKey as unknown as IMiddlewareFunction);
}
