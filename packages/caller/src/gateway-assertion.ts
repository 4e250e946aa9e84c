// The gateway tells a subgraph who the caller is in a short-lived assertion it signs for that one
// request: bound to the target subgraph (audience) and to the exact request body (hash), used once.
import { createHash, randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify, type CryptoKey, type KeyObject } from 'jose';
import { callerFromClaims, claimsOfCaller, type Caller } from './caller.ts';

export const ASSERTION_HEADER = 'x-gateway-assertion';
const ISSUER = 'urn:wales-lac:gateway';
const LIFETIME_SECONDS = 30;

type Key = CryptoKey | KeyObject;

export function bodyHash(body: string): string {
  return createHash('sha256').update(body).digest('base64url');
}

/** Signs assertions; `audience` names the target subgraph (e.g. 'authority:W06000015'). */
export function createAssertionSigner(privateKey: Key): (caller: Caller, audience: string, body: string) => Promise<string> {
  return (caller, audience, body) =>
    new SignJWT({ ...claimsOfCaller(caller), bh: bodyHash(body) })
      .setProtectedHeader({ alg: 'EdDSA', typ: 'gateway-assertion+jwt' })
      .setIssuer(ISSUER)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime(`${LIFETIME_SECONDS}s`)
      .setJti(randomUUID())
      .sign(privateKey);
}

export class AssertionError extends Error {
  override readonly name = 'AssertionError';
}

/** Remembers assertion ids until they expire, so a captured assertion cannot be replayed. */
class SeenAssertions {
  private readonly expiries = new Map<string, number>();

  claim(jti: string, expiresAt: number, now: number): boolean {
    if (this.expiries.size > 10_000) this.forgetExpired(now);
    if (this.expiries.has(jti)) return false;
    this.expiries.set(jti, expiresAt);
    return true;
  }

  private forgetExpired(now: number): void {
    for (const [jti, expiry] of this.expiries) if (expiry < now) this.expiries.delete(jti);
  }
}

/** Verifies an assertion for this subgraph and request body; throws AssertionError saying why not. */
export function createAssertionVerifier(publicKey: Key, audience: string): (assertion: string | undefined, body: string) => Promise<Caller> {
  const seen = new SeenAssertions();
  return async (assertion, body) => {
    if (!assertion) throw new AssertionError('this service only answers requests from the national gateway');
    let payload;
    try {
      ({ payload } = await jwtVerify(assertion, publicKey, {
        issuer: ISSUER,
        audience,
        algorithms: ['EdDSA'],
        maxTokenAge: `${LIFETIME_SECONDS}s`,
        requiredClaims: ['jti', 'exp', 'iat', 'bh'],
      }));
    } catch {
      throw new AssertionError('gateway assertion is not valid');
    }
    if (payload['bh'] !== bodyHash(body)) throw new AssertionError('gateway assertion was made for another request');
    const now = Math.floor(Date.now() / 1000);
    if (!seen.claim(String(payload.jti), payload.exp ?? now, now)) throw new AssertionError('gateway assertion was already used');
    return callerFromClaims(payload);
  };
}
