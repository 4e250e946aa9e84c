import type { Caller } from '@wales-lac/caller';
import type { Language } from '@wales-lac/errors';

/** What the gateway knows about one incoming request. */
export interface GatewayContext {
  readonly caller: Caller;
  /** The client's Accept-Language, passed on so subgraphs answer in the caller's language. */
  readonly acceptLanguage: string | undefined;
  /** The language the request asked for (from Accept-Language), read once: errors are worded in it. */
  readonly language: Language;
}

export function forwardedHeaders(context: GatewayContext): Record<string, string> {
  return context.acceptLanguage ? { 'accept-language': context.acceptLanguage } : {};
}
