// What one incoming request may still spend: time and bytes of subgraph answers. The gateway's executor
// runs inside a budget (AsyncLocalStorage carries it through Apollo Gateway's query plan to every
// subgraph call); when either runs out, every call still in flight is aborted and none is started.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { GraphQLError } from 'graphql';

export class RequestBudget {
  private readonly controller = new AbortController();
  private bytes = 0;
  /** Why the budget ran out (the error the client gets), or null while it lasts. */
  exhausted: GraphQLError | null = null;

  constructor(readonly maxResponseBytes: number) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Stops everything still running for this request, with the error the client is to get. */
  exhaust(error: GraphQLError): void {
    if (this.exhausted) return;
    this.exhausted = error;
    this.controller.abort(error);
  }

  /** Counts bytes of subgraph answers; false (and the budget exhausted by `tooLarge`) once past the cap. */
  spend(bytes: number, tooLarge: () => GraphQLError): boolean {
    this.bytes += bytes;
    if (this.bytes <= this.maxResponseBytes) return true;
    this.exhaust(tooLarge());
    return false;
  }

  get spent(): number {
    return this.bytes;
  }
}

const current = new AsyncLocalStorage<RequestBudget>();

export function runWithinBudget<T>(budget: RequestBudget, work: () => Promise<T>): Promise<T> {
  return current.run(budget, work);
}

/** The budget of the request being served, if any (health checks and refusal reports have none). */
export function currentBudget(): RequestBudget | undefined {
  return current.getStore();
}
