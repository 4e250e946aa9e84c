// A national service (reference, benchmarks): one instance, the caller's assertion, a bounded wait.
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { errorJson, message } from '@wales-lac/errors';
import { forwardedHeaders, type GatewayContext } from './gateway-context.ts';
import { budgetOf } from './request-budget.ts';
import type { SubgraphClient } from './subgraph-client.ts';

export class SingleServiceDataSource implements GraphQLDataSource<GatewayContext> {
  constructor(
    private readonly name: string,
    private readonly client: SubgraphClient,
  ) {}

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    if (options.kind !== 'incoming operation') return { errors: [errorJson(message('INTERNAL_SERVER_ERROR', 'notIncoming', { service: this.name }), 'en')] };
    const { request } = options;
    const outcome = await this.client.send(
      { query: request.query ?? '', variables: request.variables ?? {}, operationName: request.operationName ?? null },
      options.context.caller,
      forwardedHeaders(options.context),
      budgetOf(options.context),
    );
    if (outcome.kind === 'answered') return { data: outcome.response.data ?? null, ...(outcome.response.errors ? { errors: outcome.response.errors } : {}) };
    return {
      data: null,
      errors: [
        errorJson(message('SERVICE_UNAVAILABLE', 'serviceDown', { service: this.name, reason: outcome.reason }), options.context.language, {
          extensions: { service: this.name },
        }),
      ],
    };
  }
}
