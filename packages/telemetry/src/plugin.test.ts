// The request plugin over a real Apollo Server: each request counted, timed and its error codes counted
// by registered code, and the answer observed is the one a shaping plugin (the audit) leaves.
import { ApolloServer } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { requestTelemetryPlugin, type AnswerShaper } from './plugin.ts';
import { createTelemetry } from './telemetry.ts';

const typeDefs = 'type Query { ok: Int, refused: Int, odd: Int }';
const resolvers = {
  Query: {
    ok: () => 1,
    refused: () => {
      throw new GraphQLError('no', { extensions: { code: 'FORBIDDEN' } });
    },
    odd: () => {
      throw new GraphQLError('no', { extensions: { code: 'SOMETHING_MADE_UP' } });
    },
  },
};

/** Replaces every answer after a delay, as the audit does when its batch cannot be written. */
const failingAudit: AnswerShaper<Record<string, never>> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        response.body = { kind: 'single', singleResult: { errors: [{ message: 'not audited', extensions: { code: 'AUDIT_UNAVAILABLE' } }] } };
      },
    };
  },
};

async function serve(shapers: AnswerShaper<Record<string, never>>[] = []) {
  const lines: string[] = [];
  const telemetry = createTelemetry({ logLevel: 'debug', logDestination: { write: (line: string) => void lines.push(line) } }).service({
    service: 'authority',
    authority: 'W06000015',
  });
  const apollo = new ApolloServer<Record<string, never>>({ typeDefs, resolvers, plugins: [requestTelemetryPlugin(telemetry, { shapers })] });
  await apollo.start();
  return { apollo, lines, metrics: () => telemetry.metrics.registry.metrics() };
}

describe('the request plugin', () => {
  it('counts requests by operation and outcome, and errors by registered code (others as OTHER)', async () => {
    const { apollo, metrics, lines } = await serve();
    await apollo.executeOperation({ query: 'query Fine { ok }' });
    await apollo.executeOperation({ query: 'query Mixed { ok refused odd }' });
    const text = await metrics();
    expect(text).toContain('graphql_requests_total{operation="Fine",outcome="ok",service="authority",authority="W06000015"} 1');
    expect(text).toContain('graphql_requests_total{operation="Mixed",outcome="error",service="authority",authority="W06000015"} 1');
    expect(text).toContain('graphql_errors_total{operation="Mixed",code="FORBIDDEN",service="authority",authority="W06000015"} 1');
    expect(text).toContain('graphql_errors_total{operation="Mixed",code="OTHER",service="authority",authority="W06000015"} 1');
    expect(text).toContain('graphql_request_duration_seconds_count{service="authority",authority="W06000015",operation="Fine",outcome="ok"} 1');
    const mixed = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l['operation'] === 'Mixed');
    expect(mixed).toMatchObject({ level: 'debug', outcome: 'error', error_codes: ['FORBIDDEN', 'OTHER'], operation_type: 'query' });
    await apollo.stop();
  });

  it("observes the answer a shaping plugin leaves, although Apollo runs plugins' last hooks at once", async () => {
    const { apollo, metrics } = await serve([failingAudit]);
    const answer = await apollo.executeOperation({ query: 'query Fine { ok }' });
    expect(answer.body.kind === 'single' && answer.body.singleResult.errors?.[0]?.extensions?.['code']).toBe('AUDIT_UNAVAILABLE');
    const text = await metrics();
    expect(text).toContain('graphql_requests_total{operation="Fine",outcome="error",service="authority",authority="W06000015"} 1');
    expect(text).toContain('graphql_errors_total{operation="Fine",code="AUDIT_UNAVAILABLE",service="authority",authority="W06000015"} 1');
    await apollo.stop();
  });
});
