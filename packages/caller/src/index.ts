export { ROLES, callerFromClaims, claimsOfCaller, InvalidCallerError } from './caller.ts';
export type { Caller, CallerClaims, Role } from './caller.ts';
export { createIdentityTokenVerifier, bearerToken, jwksKey, AuthenticationError } from './identity-token.ts';
export type { IdentityTokenConfig, VerificationKey } from './identity-token.ts';
export { ASSERTION_HEADER, createAssertionSigner, createAssertionVerifier, bodyHash, AssertionError } from './gateway-assertion.ts';
export { generateSigningKeyPair, loadOrCreateKeyPair, importPublicJwk, importPrivateJwk } from './keys.ts';
export type { SigningKeyPair } from './keys.ts';
export { issueDevToken, DEV_ISSUER, DEV_AUDIENCE, DEV_KEY_NAME } from './dev-identity-provider.ts';
export type { DevTokenOptions } from './dev-identity-provider.ts';
