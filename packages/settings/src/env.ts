// Reading one service's settings from its environment: every reader names the variable it rejects, so a
// wrong or missing value stops start-up with a message an operator can act on.
import { availableParallelism } from 'node:os';
import { AUTHORITY_FACTS } from '@wales-lac/wales';

export type Env = Readonly<Record<string, string | undefined>>;

export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

export function optional(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

export function required(env: Env, name: string): string {
  const value = optional(env, name);
  if (value === undefined) throw new ConfigurationError(`${name} is required`);
  return value;
}

export function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = optional(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new ConfigurationError(`${name} must be a whole number from ${min} to ${max}, got '${raw}'`);
  return value;
}

/** The most workers a `…_WORKERS` setting may ask for. */
export const MAX_WORKERS = 64;

/**
 * How many copies of a service run side by side: a whole number from 1 to MAX_WORKERS, or `auto`, one per
 * core this process may use (os.availableParallelism(), at most MAX_WORKERS).
 */
export function workerCount(env: Env, name: string, fallback: number | 'auto'): number {
  const raw = optional(env, name) ?? String(fallback);
  if (raw === 'auto') return Math.min(availableParallelism(), MAX_WORKERS);
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || value > MAX_WORKERS)
    throw new ConfigurationError(`${name} must be a whole number from 1 to ${MAX_WORKERS} or auto, got '${raw}'`);
  return value;
}

export function port(env: Env, name: string, fallback: number): number {
  return integer(env, name, fallback, 0, 65_535);
}

export function oneOf<T extends string>(env: Env, name: string, values: readonly T[], fallback: T): T {
  const raw = optional(env, name);
  if (raw === undefined) return fallback;
  if (!(values as readonly string[]).includes(raw)) throw new ConfigurationError(`${name} must be one of ${values.join(', ')}, got '${raw}'`);
  return raw as T;
}

export function boolean(env: Env, name: string, fallback: boolean): boolean {
  return oneOf(env, name, ['true', 'false'], fallback ? 'true' : 'false') === 'true';
}

/** Checks a postgres:// URL; the message never repeats the value, which may hold a password. */
export function checkedPostgresUrl(name: string, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigurationError(`${name} must be a postgres:// URL`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') throw new ConfigurationError(`${name} must be a postgres:// URL`);
  return raw;
}

export function postgresUrl(env: Env, name: string): string {
  return checkedPostgresUrl(name, required(env, name));
}

export function httpUrl(env: Env, name: string): string {
  const raw = required(env, name);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigurationError(`${name} must be an http(s) URL, got '${raw}'`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigurationError(`${name} must be an http(s) URL, got '${raw}'`);
  return url.toString();
}

/**
 * One value per Welsh authority from `<prefix><GSS code>` variables: all 22 are required (a missing one
 * would leave that authority's children out without anyone noticing), and a code that is not Welsh is refused.
 */
export function perAuthority(env: Env, prefix: string, read: (env: Env, name: string) => string): Map<string, string> {
  const codes = new Set(AUTHORITY_FACTS.map((a) => a.code));
  for (const name of Object.keys(env)) {
    if (name.startsWith(prefix) && !codes.has(name.slice(prefix.length)))
      throw new ConfigurationError(`${name}: ${name.slice(prefix.length)} is not a Welsh authority GSS code`);
  }
  const missing = [...codes].filter((code) => optional(env, `${prefix}${code}`) === undefined);
  if (missing.length > 0)
    throw new ConfigurationError(`${missing.map((code) => `${prefix}${code}`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} required (one per authority)`);
  return new Map([...codes].map((code) => [code, read(env, `${prefix}${code}`)]));
}
