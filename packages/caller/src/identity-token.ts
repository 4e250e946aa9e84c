// Verifies the identity tokens clients present to the gateway.
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey, type CryptoKey, type KeyObject } from 'jose';
import { callerFromClaims, InvalidCallerError, type Caller } from './caller.ts';

export type VerificationKey = CryptoKey | KeyObject | JWTVerifyGetKey;

export interface IdentityTokenConfig {
  readonly issuer: string;
  readonly audience: string;
  /** A public key, or a JWKS resolver (production: createRemoteJWKSet of the issuer's JWKS URL). */
  readonly key: VerificationKey;
}

export class AuthenticationError extends Error {
  override readonly name = 'AuthenticationError';
}

const ALGORITHMS = ['EdDSA', 'ES256', 'RS256'];

export function jwksKey(jwksUrl: string): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL(jwksUrl));
}

function explain(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'token has expired';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'token signature is not valid';
  if (error instanceof errors.JWTClaimValidationFailed) return `token claim '${error.claim}' is not valid`;
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return 'token is malformed';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'token algorithm is not allowed';
  if (error instanceof errors.JWKSNoMatchingKey) return 'token was not signed by a known key';
  if (error instanceof InvalidCallerError) return error.message;
  return 'token could not be verified';
}

/** Builds a function that turns a bearer token into a caller, or throws AuthenticationError saying why. */
export function createIdentityTokenVerifier(config: IdentityTokenConfig): (token: string) => Promise<Caller> {
  return async (token) => {
    try {
      const options = { issuer: config.issuer, audience: config.audience, algorithms: ALGORITHMS, requiredClaims: ['sub', 'exp'] };
      const { payload } = typeof config.key === 'function' ? await jwtVerify(token, config.key, options) : await jwtVerify(token, config.key, options);
      return callerFromClaims(payload);
    } catch (error) {
      throw new AuthenticationError(explain(error));
    }
  };
}

/** The token in an Authorization header, or null when there is none. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}
