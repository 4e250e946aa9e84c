import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '@wales-lac/settings';
import { authorityAlertsConfigFromEnv, outboxDispatcherConfigFromEnv } from './config.ts';
import { dateArgument } from './date.ts';

const job = { AUTHORITY_CODE: 'W06000015', DATABASE_URL: 'postgresql://app:secret@authority-w06000015-db-rw:5432/app' };
const dispatcher = { ...job, SMTP_URL: 'smtps://relay:secret@smtp.example.invalid:465', PLATFORM_URL: 'https://wales-lac.example.invalid/' };

describe('the alerts entry points read their environment', () => {
  it('the daily run: its authority and database', () => {
    expect(authorityAlertsConfigFromEnv(job)).toEqual({ authorityCode: 'W06000015', databaseUrl: job.DATABASE_URL });
  });

  it('the dispatcher: the relay, the link and the pause, with defaults', () => {
    expect(outboxDispatcherConfigFromEnv(dispatcher)).toMatchObject({
      authorityCode: 'W06000015',
      smtpUrl: dispatcher.SMTP_URL,
      platformUrl: 'https://wales-lac.example.invalid/',
      dispatchSeconds: 30,
      mailFrom: expect.stringContaining('no-reply'),
    });
  });

  // [what is wrong, the environment, the message]
  const REFUSED: [string, Record<string, string>, RegExp][] = [
    ['no authority', { ...dispatcher, AUTHORITY_CODE: '' }, /AUTHORITY_CODE is required/],
    ['an English authority', { ...dispatcher, AUTHORITY_CODE: 'E09000001' }, /AUTHORITY_CODE must be a Welsh authority GSS code/],
    ['no database', { ...dispatcher, DATABASE_URL: '' }, /DATABASE_URL is required/],
    ['no relay', { ...dispatcher, SMTP_URL: '' }, /SMTP_URL is required/],
    ['a relay that is not SMTP', { ...dispatcher, SMTP_URL: 'https://user:pw@relay.example.invalid' }, /^SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL$/],
    ['no link', { ...dispatcher, PLATFORM_URL: '' }, /PLATFORM_URL is required/],
    ['no pause at all', { ...dispatcher, OUTBOX_DISPATCH_SECONDS: '0' }, /OUTBOX_DISPATCH_SECONDS must be a whole number from 1 to 3600/],
  ];

  it.each(REFUSED)('the dispatcher refuses %s, naming the variable', (_what, env, message) => {
    expect(() => outboxDispatcherConfigFromEnv(env)).toThrow(ConfigurationError);
    expect(() => outboxDispatcherConfigFromEnv(env)).toThrow(message);
  });

  it("never repeats the relay's password", () => {
    expect(() => outboxDispatcherConfigFromEnv({ ...dispatcher, SMTP_URL: 'ftp://relay:hunter2@x' })).toThrow(/^(?!.*hunter2)/);
  });
});

describe('the day of a run', () => {
  it.each([
    [[], '2026-12-03'],
    [['--date', '2026-03-02'], '2026-03-02'],
    [['--date', '2026-02-30'], { problem: '--date 2026-02-30 is not a real calendar date' }],
    [['--date'], { problem: "--date must be YYYY-MM-DD, got ''" }],
  ] as const)('%j gives %j', (argv, expected) => {
    expect(dateArgument(argv, '2026-12-03')).toEqual(expected);
  });
});
