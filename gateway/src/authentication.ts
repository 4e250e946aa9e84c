// Turns an incoming request into a caller, or refuses it with UNAUTHENTICATED (HTTP 401).
import { bearerToken, type Caller } from '@wales-lac/caller';
import { platformError } from '@wales-lac/errors';
import type { RequestInfo } from '@wales-lac/graphql-http';
import type { GatewayContext } from './gateway-context.ts';

const firstHeader = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function authenticatingContext(verify: (token: string) => Promise<Caller>): (request: RequestInfo) => Promise<GatewayContext> {
  return async (request) => {
    const token = bearerToken(firstHeader(request.headers.authorization));
    if (!token) throw platformError('UNAUTHENTICATED', 'send an identity token as "Authorization: Bearer <token>"');
    let caller: Caller;
    try {
      caller = await verify(token);
    } catch (error) {
      throw platformError('UNAUTHENTICATED', `identity token refused: ${(error as Error).message}`);
    }
    return { caller, acceptLanguage: firstHeader(request.headers['accept-language']) };
  };
}
