// How many requests that ask every authority the gateway runs at once (issue 10). One such request is 22
// subgraph calls: a burst of them, each within the memory limit, would still take every core and every
// authority's connections, so the other callers' requests time out and /health stops answering. Past the
// limit a fan-out request is refused at once with GATEWAY_BUSY (503, Retry-After), before any authority is
// asked, and a request that asks one authority is never held back by it.
import { availableParallelism } from 'node:os';
import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import type { FragmentDefinitionNode } from 'graphql';
import { Kind } from 'graphql';
import { message } from '@wales-lac/errors';
import { limitError } from '@wales-lac/subgraph-edge';
import { argumentValue, collectFields } from './operation.ts';

/** Two fan-out requests per core at once: each keeps a core busy with its 22 answers. */
export function fanOutInFlightOfCores(cores: number = availableParallelism()): number {
  return Math.max(2, 2 * cores);
}

/** Root fields asked of every authority (COST_WEIGHTS.fanOut), and the argument that narrows one to a single authority. */
const FAN_OUT_FIELDS: Readonly<Record<string, string | null>> = { learners: 'homeAuthority', notifications: null };

/** Whether the operation asks every authority: a fan-out root field, not narrowed to one authority. */
export function asksEveryAuthority(context: Pick<GatewayGraphQLRequestContext, 'operation' | 'document' | 'request'>): boolean {
  const operation = context.operation;
  if (operation.operation !== 'query') return false;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of context.document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const variables = context.request.variables ?? {};
  return collectFields(operation.selectionSet, fragments, variables).some((field) => {
    const narrowing = FAN_OUT_FIELDS[field.name.value];
    if (narrowing === undefined) return false;
    return narrowing === null || argumentValue(field, narrowing, variables) == null;
  });
}

export class FanOutAdmission {
  private running = 0;

  constructor(readonly max: number) {}

  /** Admits the request (call the release when it ends), or throws GATEWAY_BUSY when it asks every authority and the limit is reached. */
  admit(context: Pick<GatewayGraphQLRequestContext, 'operation' | 'document' | 'request'>): () => void {
    if (!asksEveryAuthority(context)) return () => undefined;
    if (this.running >= this.max) throw limitError(message('GATEWAY_BUSY', 'fanOutInFlight', { max: this.max }), 'fan-out-in-flight', this.max, this.max + 1);
    this.running += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running -= 1;
    };
  }
}
