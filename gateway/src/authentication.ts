// Turns an incoming request into a caller, or refuses it with UNAUTHENTICATED (HTTP 401).
import { bearerToken, type Caller } from '@wales-lac/caller';
import { message, platformError } from '@wales-lac/errors';
import { displayLanguageFrom } from '@wales-lac/wales';
import type { RequestInfo } from '@wales-lac/graphql-http';
import type { GatewayContext } from './gateway-context.ts';

const firstHeader = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function authenticatingContext(verify: (token: string) => Promise<Caller>): (request: RequestInfo) => Promise<GatewayContext> {
  return async (request) => {
    const acceptLanguage = firstHeader(request.headers['accept-language']);
    // The context is not built yet when a caller is refused: the language comes from the header itself.
    const language = displayLanguageFrom(acceptLanguage);
    const token = bearerToken(firstHeader(request.headers.authorization));
    if (!token) throw platformError(message('UNAUTHENTICATED', 'noToken'), {}, { language });
    let caller: Caller;
    try {
      caller = await verify(token);
    } catch (error) {
      throw platformError(message('UNAUTHENTICATED', 'tokenRefused', { reason: (error as Error).message }), {}, { language });
    }
    return { caller, acceptLanguage, language };
  };
}
