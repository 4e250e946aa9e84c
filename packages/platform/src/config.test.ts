import { describe, expect, it } from 'vitest';
import { platformConfigFromEnv } from './config.ts';

describe('platform configuration', () => {
  it('defaults to the embedded server, full scale, port 4000', () => {
    const config = platformConfigFromEnv({});
    expect(config.databases).toMatchObject({ kind: 'embedded', port: 54329 });
    expect(config).toMatchObject({ port: 4000, seed: { seed: 2024, scale: 1 }, identityProvider: null });
  });

  it('uses DATABASE_URL and per-authority overrides', () => {
    const config = platformConfigFromEnv({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
      AUTHORITY_DATABASE_URL_W06000015: 'postgres://cardiff.example/cardiff',
    });
    expect(config.databases).toEqual({ kind: 'server', url: 'postgres://postgres@127.0.0.1:5432/postgres', prefix: 'wales_lac' });
    expect(config.databaseOverrides.get('W06000015')).toBe('postgres://cardiff.example/cardiff');
  });

  it('serves the explorer in development unless EXPLORER=off, and in production only with EXPLORER=on', () => {
    const production = { PROFILE: 'production', AUTH_ISSUER: 'https://idp.test.invalid/', AUTH_AUDIENCE: 'urn:test', AUTH_JWKS_URL: 'https://idp.test.invalid/jwks' };
    expect(platformConfigFromEnv({}).explorer).toBe(true);
    expect(platformConfigFromEnv({ EXPLORER: 'off' }).explorer).toBe(false);
    expect(platformConfigFromEnv(production).explorer).toBe(false);
    expect(platformConfigFromEnv({ ...production, EXPLORER: 'on' }).explorer).toBe(true);
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT must be a whole number/],
    [{ SEED_SCALE: '2' }, /SEED_SCALE/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must be a postgres/],
    [{ AUTHORITY_DATABASE_URL_W06000099: 'postgres://x/y' }, /W06000099 is not a Welsh authority/],
    [{ AUTH_ISSUER: 'https://idp' }, /go together/],
    [{ DATABASE_PREFIX: 'Drop Table' }, /DATABASE_PREFIX/],
    [{ EXPLORER: 'yes' }, /EXPLORER must be one of on, off/],
  ])('refuses %j naming what is wrong', (env, message) => {
    expect(() => platformConfigFromEnv(env)).toThrow(message);
  });
});
