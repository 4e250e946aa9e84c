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
    const production = {
      PROFILE: 'production',
      AUTH_ISSUER: 'https://idp.test.invalid/',
      AUTH_AUDIENCE: 'urn:test',
      AUTH_JWKS_URL: 'https://idp.test.invalid/jwks',
    };
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

describe('alert settings (decision 0029)', () => {
  it('run daily and dispatch every 30 s by default, with no SMTP server', () => {
    expect(platformConfigFromEnv({}).alerts).toMatchObject({ everyMinutes: 1440, dispatchSeconds: 30, smtpUrl: null, capturePort: 0, platformUrl: null });
  });
  it('take an interval of 0 as off, and an SMTP URL', () => {
    expect(platformConfigFromEnv({ ALERTS_EVERY_MINUTES: '0', SMTP_URL: 'smtps://u:p@mail.example.invalid:465' }).alerts).toMatchObject({
      everyMinutes: 0,
      smtpUrl: 'smtps://u:p@mail.example.invalid:465',
    });
  });
  it('refuse what is not an SMTP URL or a whole number, naming it', () => {
    expect(() => platformConfigFromEnv({ SMTP_URL: 'http://mail.example.invalid' })).toThrow(/SMTP_URL/);
    expect(() => platformConfigFromEnv({ ALERTS_EVERY_MINUTES: 'daily' })).toThrow(/ALERTS_EVERY_MINUTES/);
    expect(() => platformConfigFromEnv({ PLATFORM_URL: 'lac.example.invalid' })).toThrow(/PLATFORM_URL/);
  });
});
