// What one incoming request may still spend: time and bytes of subgraph answers. The budget is bound to
// the request's context object, which Apollo Gateway hands to every data source call of its query plan;
// when either runs out, every call still in flight is aborted and none is started. (Not
// AsyncLocalStorage: on Node 20 it turns on promise hooks for the whole process, a tax on every promise
// of every service in it; measured in docs/performance.md.)
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

const budgets = new WeakMap<object, RequestBudget>();

/** Binds a budget to one request's context; it lasts as long as the context does. */
export function bindBudget(context: object, budget: RequestBudget): void {
  budgets.set(context, budget);
}

/** The budget of the request whose context this is, if any (health checks and refusal reports have none). */
export function budgetOf(context: object): RequestBudget | undefined {
  return budgets.get(context);
}
