// The settings of the two production entry points for alerts (decision 0033): one authority's daily run
// (dist/authority-alerts.mjs, a CronJob) and its outbox dispatcher (dist/outbox-dispatcher.mjs, a
// Deployment). Each is one authority's, on that authority's database only, like the authority service; read
// once at start, and a bad value stops it with exit 78 naming the variable (settingsOrExit).
import { ConfigurationError, httpUrl, integer, optional, postgresUrl, required, type Env } from '@wales-lac/settings';
import { isAuthorityCode } from '@wales-lac/wales';

export interface AuthorityAlertsConfig {
  readonly authorityCode: string;
  /** The authority's own database (the owner's URL: the run writes notifications and outbox rows). */
  readonly databaseUrl: string;
}

export interface OutboxDispatcherConfig extends AuthorityAlertsConfig {
  /** SMTP_URL: required here; a dispatcher with nowhere to send would only hold a pod. */
  readonly smtpUrl: string;
  readonly mailFrom: string;
  /** PLATFORM_URL: what the emails link to (the public address, not a cluster-internal one). */
  readonly platformUrl: string;
  /** OUTBOX_DISPATCH_SECONDS: the pause between passes over the outbox. */
  readonly dispatchSeconds: number;
}

function authority(env: Env): AuthorityAlertsConfig {
  const authorityCode = required(env, 'AUTHORITY_CODE');
  if (!isAuthorityCode(authorityCode)) throw new ConfigurationError(`AUTHORITY_CODE must be a Welsh authority GSS code (W06…), got '${authorityCode}'`);
  return { authorityCode, databaseUrl: postgresUrl(env, 'DATABASE_URL') };
}

export function authorityAlertsConfigFromEnv(env: Env): AuthorityAlertsConfig {
  return authority(env);
}

/** Never repeats SMTP_URL in a message: it may carry the relay's password. */
function smtpUrl(env: Env): string {
  const raw = required(env, 'SMTP_URL');
  let protocol = '';
  try {
    protocol = new URL(raw).protocol;
  } catch {
    protocol = '';
  }
  if (protocol !== 'smtp:' && protocol !== 'smtps:') throw new ConfigurationError('SMTP_URL must be an smtp:// or smtps:// URL');
  return raw;
}

export function outboxDispatcherConfigFromEnv(env: Env): OutboxDispatcherConfig {
  return {
    ...authority(env),
    smtpUrl: smtpUrl(env),
    mailFrom: optional(env, 'MAIL_FROM') ?? 'Wales LAC education platform <no-reply@localhost>',
    platformUrl: httpUrl(env, 'PLATFORM_URL'),
    dispatchSeconds: integer(env, 'OUTBOX_DISPATCH_SECONDS', 30, 1, 3_600),
  };
}
