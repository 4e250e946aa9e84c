import type { Caller } from '@wales-lac/caller';

/** What the gateway knows about one incoming request. */
export interface GatewayContext {
  readonly caller: Caller;
  /** The client's Accept-Language, passed on so subgraphs answer in the caller's language. */
  readonly acceptLanguage: string | undefined;
}

export function forwardedHeaders(context: GatewayContext): Record<string, string> {
  return context.acceptLanguage ? { 'accept-language': context.acceptLanguage } : {};
}
