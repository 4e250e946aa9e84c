// Keys in configuration: a JWK given inline (NAME) or in a file (NAME_FILE, how process mode and a
// Kubernetes Secret mounted as a file share it). Exactly one of the two.
import { readFileSync } from 'node:fs';
import type { CryptoKey, JWK } from 'jose';
import { importPrivateJwk, importPublicJwk } from '@wales-lac/caller';
import { ConfigurationError, optional, type Env } from './env.ts';

function jwkFrom(env: Env, name: string): { jwk: JWK; from: string } {
  const inline = optional(env, name);
  const file = optional(env, `${name}_FILE`);
  if (inline && file) throw new ConfigurationError(`set ${name} or ${name}_FILE, not both`);
  if (!inline && !file) throw new ConfigurationError(`${name} (a JWK) or ${name}_FILE (a file holding one) is required`);
  let text = inline ?? '';
  const from = file ? `${name}_FILE` : name;
  if (file) {
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new ConfigurationError(`${name}_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ConfigurationError(`${from} is not a JSON Web Key (not JSON)`);
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as { kty?: unknown }).kty !== 'OKP')
    throw new ConfigurationError(`${from} is not an Ed25519 JSON Web Key`);
  return { jwk: parsed as JWK, from };
}

/** A public key; a private one is refused, since only the gateway may hold the signing half. */
export async function publicKeySetting(env: Env, name: string): Promise<CryptoKey> {
  const { jwk, from } = jwkFrom(env, name);
  if (jwk.d !== undefined) throw new ConfigurationError(`${from} holds a private key: give this service only the public half`);
  try {
    return await importPublicJwk(jwk);
  } catch {
    throw new ConfigurationError(`${from} is not a usable Ed25519 public key`);
  }
}

export async function privateKeySetting(env: Env, name: string): Promise<CryptoKey> {
  const { jwk, from } = jwkFrom(env, name);
  if (jwk.d === undefined) throw new ConfigurationError(`${from} holds no private key`);
  try {
    return await importPrivateJwk(jwk);
  } catch {
    throw new ConfigurationError(`${from} is not a usable Ed25519 private key`);
  }
}
