// Signing keys: generated on first use and kept as JWK files, or read from configuration.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';

export interface SigningKeyPair {
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  readonly publicJwk: JWK;
}

export async function generateSigningKeyPair(): Promise<SigningKeyPair> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { extractable: true });
  return { privateKey, publicKey, publicJwk: await exportJWK(publicKey) };
}

export async function importPublicJwk(jwk: JWK): Promise<CryptoKey> {
  return (await importJWK(jwk, 'EdDSA')) as CryptoKey;
}

export async function importPrivateJwk(jwk: JWK): Promise<CryptoKey> {
  return (await importJWK(jwk, 'EdDSA')) as CryptoKey;
}

/** Loads the key pair named `name` from `dir`, creating it (owner-readable only) on first use. */
export async function loadOrCreateKeyPair(dir: string, name: string): Promise<SigningKeyPair> {
  const file = join(dir, `${name}.private.jwk.json`);
  try {
    const privateJwk = JSON.parse(await readFile(file, 'utf8')) as JWK;
    const { d: _secret, ...publicJwk } = privateJwk;
    return { privateKey: await importPrivateJwk(privateJwk), publicKey: await importPublicJwk(publicJwk), publicJwk };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const pair = await generateSigningKeyPair();
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeFile(file, JSON.stringify(await exportJWK(pair.privateKey)), { mode: 0o600, flag: 'wx' }).catch(async (error: NodeJS.ErrnoException) => {
    // Another process created it first: use theirs so tokens stay verifiable.
    if (error.code === 'EEXIST') return;
    throw error;
  });
  return loadOrCreateKeyPair(dir, name);
}
