// The local identity provider for development: issues tokens the gateway accepts when no issuer is configured.
import { SignJWT, type CryptoKey } from 'jose';
import { callerFromClaims, claimsOfCaller, type CallerClaims } from './caller.ts';

export const DEV_ISSUER = 'urn:wales-lac:dev-identity-provider';
export const DEV_AUDIENCE = 'urn:wales-lac:gateway';
export const DEV_KEY_NAME = 'dev-identity-provider';

export interface DevTokenOptions {
  readonly issuer?: string;
  readonly audience?: string;
  /** Lifetime, e.g. '8h' or '-1m' (already expired, for tests). */
  readonly expiresIn?: string;
}

/** Issues a signed identity token for the given claims, after checking them as the gateway will. */
export async function issueDevToken(privateKey: CryptoKey, claims: CallerClaims, options: DevTokenOptions = {}): Promise<string> {
  const caller = callerFromClaims(claims);
  return new SignJWT(claimsOfCaller(caller))
    .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })
    .setIssuer(options.issuer ?? DEV_ISSUER)
    .setAudience(options.audience ?? DEV_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '8h')
    .sign(privateKey);
}
