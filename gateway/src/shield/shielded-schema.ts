// A copy of the API schema whose fields read the fetched result by response key (alias), wrapped in
// the policy's shield. Executing the client's document over it re-applies every rule to what came back.
import { extendSchema, isObjectType, parse, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { applyMiddleware, type IMiddleware, type IMiddlewareFieldMap, type IMiddlewareTypeMap } from 'graphql-middleware';
import { permissionsMiddleware } from '@wales-lac/policy';
import { gatewayAccessOf, isRecord, type ShieldContext } from './gateway-access.ts';
import { rootRules } from './root-rules.ts';

/** The value the executor fetched under this field's response key (the gateway's own computeResponse keys by alias). */
async function readByResponseKey(_resolve: unknown, parent: unknown, _args: unknown, _context: unknown, info: GraphQLResolveInfo): Promise<unknown> {
  return isRecord(parent) ? parent[info.path.key] : undefined;
}

// The policy adds rules for the subgraph fields `_service` and `_entities`, which an API schema lacks,
// and the shield refuses rules for missing fields. The rules are generated against a copy that has
// them and then trimmed to the API schema, so introspection never shows them.
const FEDERATION_FIELDS = parse('type _Service { sdl: String } extend type Query { _service: _Service _entities: [_Service] }');

function withFederationFields(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  if (!query || query.getFields()['_service'] || schema.getType('_Service')) return schema;
  return extendSchema(schema, FEDERATION_FIELDS, { assumeValidSDL: true });
}

function trimmedTo(schema: GraphQLSchema, middleware: IMiddleware): IMiddlewareTypeMap {
  // A rule tree (not a single rule) always generates a type map of field maps.
  if (typeof middleware === 'function' || 'resolve' in middleware) throw new Error('expected the shield to generate a field map per type');
  const trimmed: IMiddlewareTypeMap = {};
  for (const [typeName, fields] of Object.entries(middleware)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type) || typeof fields === 'function') continue;
    const known = type.getFields();
    trimmed[typeName] = Object.fromEntries(Object.entries(fields as IMiddlewareFieldMap).filter(([name]) => known[name] !== undefined));
  }
  return trimmed;
}

export function shieldedSchema(apiSchema: GraphQLSchema): GraphQLSchema {
  const shield = permissionsMiddleware<ShieldContext>(apiSchema, { accessOf: gatewayAccessOf, rootRules: rootRules(apiSchema) });
  const rules = trimmedTo(apiSchema, shield.generate(withFederationFields(apiSchema)));
  // The last middleware is innermost: the shield decides, then the field reads the fetched value.
  return applyMiddleware(apiSchema, rules, readByResponseKey);
}
