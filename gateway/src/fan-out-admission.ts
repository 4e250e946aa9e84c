// How many requests that ask every authority the gateway runs at once (issue 10). One such request is 22
// subgraph calls: a burst of them, each within the memory limit, would still take every core and every
// authority's connections, so the other callers' requests time out and /health stops answering. Past the
// limit a fan-out request waits its turn in a short queue (first come, first served, for a bounded time);
// past the queue it is refused at once with GATEWAY_BUSY (503, Retry-After), before any authority is asked.
// A request that asks one authority is never held back.
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

/** A place in the queue: called with true when a slot is free, false when the wait is over. */
type Waiter = (admitted: boolean) => void;

export class FanOutAdmission {
  private running = 0;
  private readonly queue: Waiter[] = [];

  /**
   * `max` run at once; up to `maxWaiting` more wait, each at most `waitMs`, for a slot (4 × `max` and 5 s by
   * default: a burst is served in arrival order as fast as the authorities answer, and the rest refused).
   */
  constructor(
    readonly max: number,
    private readonly maxWaiting = 4 * max,
    private readonly waitMs = 5_000,
  ) {}

  /** Admits the request (call the release when it ends), or throws GATEWAY_BUSY when it asks every authority and no slot comes. */
  async admit(context: Pick<GatewayGraphQLRequestContext, 'operation' | 'document' | 'request'>): Promise<() => void> {
    if (!asksEveryAuthority(context)) return () => undefined;
    if (this.running < this.max) this.running += 1;
    // A slot freed is handed straight to the longest waiting (the count does not change), so none is taken past it.
    else if (!(await this.slotFreed())) throw this.busy();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.queue.shift();
      if (next) next(true);
      else this.running -= 1;
    };
  }

  /** Waits in the queue for a slot; false when the queue is full or the wait ran out. */
  private slotFreed(): Promise<boolean> {
    if (this.queue.length >= this.maxWaiting) return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        const at = this.queue.indexOf(waiter);
        if (at >= 0) this.queue.splice(at, 1);
        resolve(false);
      }, this.waitMs);
      const waiter: Waiter = (admitted) => {
        clearTimeout(timer);
        resolve(admitted);
      };
      this.queue.push(waiter);
    });
  }

  private busy() {
    return limitError(message('GATEWAY_BUSY', 'fanOutInFlight', { max: this.max }), 'fan-out-in-flight', this.max, this.max + 1);
  }
}
