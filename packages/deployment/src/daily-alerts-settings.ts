// settings.json's `alerts` (decision 0033): when each authority's daily run starts, and where its outbox
// dispatcher sends mail. Checked field by field like the rest of the settings.

export interface DailyAlertsSettings {
  /** Five-field cron, once a day (`M H * * *`), read in `timeZone`. */
  readonly schedule: string;
  /** An IANA zone (CronJob.spec.timeZone), e.g. Europe/London. */
  readonly timeZone: string;
  /** What the emails link to: the platform's public address. */
  readonly platformUrl: string;
  readonly mailFrom: string;
  readonly smtp: {
    /** The Secret holding `url`, the relay's smtp:// or smtps:// URL with its credentials. */
    readonly secret: string;
    /** The relay's port (465 smtps, 587 submission): the dispatchers' only way out but their database. */
    readonly port: number;
    /** Where the relay is (CIDRs): NetworkPolicy cannot name a host. */
    readonly cidrs: readonly string[];
  };
}

type Json = Record<string, unknown>;
type Fail = (message: string) => Error;

const DAILY = /^(\d{1,2}) (\d{1,2}) \* \* \*$/;
const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** The zone's offset from UTC in hours at an instant. */
function offsetHours(timeZone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric' })
    .formatToParts(at)
    .reduce<Record<string, number>>((all, p) => ({ ...all, [p.type]: Number(p.value) }), {});
  const local = Date.UTC(parts['year'] ?? 0, (parts['month'] ?? 1) - 1, parts['day'] ?? 1, parts['hour'] ?? 0);
  return (local - Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate(), at.getUTCHours())) / 3_600_000;
}

/**
 * The run computes "today" as the platform does, by the UTC date. Its start must fall on the same date in
 * UTC as in its zone in winter and in summer, or it would compute the day before (or after).
 */
function checkedSchedule(schedule: string, timeZone: string, fail: Fail): string {
  const match = DAILY.exec(schedule);
  const minute = Number(match?.[1]);
  const hour = Number(match?.[2]);
  if (!match || minute > 59 || hour > 23) throw fail(`alerts.schedule must be once a day, 'M H * * *', got '${schedule}'`);
  for (const month of [0, 6]) {
    const utcHour = hour - offsetHours(timeZone, new Date(Date.UTC(2026, month, 15, 12)));
    if (utcHour < 0 || utcHour >= 24)
      throw fail(
        `alerts.schedule: ${hour}:00 in ${timeZone} is on another date in UTC, and the run counts the day by UTC; choose an hour on the same date in both`,
      );
  }
  return schedule;
}

function checkedZone(value: unknown, fail: Fail): string {
  if (typeof value !== 'string' || value === '') throw fail('alerts.timeZone must be a non-empty string');
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: value });
  } catch {
    throw fail(`alerts.timeZone must be an IANA time zone, got '${value}'`);
  }
  return value;
}

function checkedCidrs(value: unknown, fail: Fail): string[] {
  if (!Array.isArray(value) || value.length === 0) throw fail('alerts.smtp.cidrs must be a non-empty list');
  return value.map((cidr: unknown) => {
    const match = typeof cidr === 'string' ? CIDR.exec(cidr) : null;
    if (!match || match.slice(1, 5).some((octet) => Number(octet) > 255) || Number(match[5]) > 32)
      throw fail(`alerts.smtp.cidrs: '${String(cidr)}' is not an IPv4 CIDR`);
    return cidr as string;
  });
}

export function readDailyAlertsSettings(
  from: Json,
  read: {
    readonly text: (from: Json, key: string, path: string, pattern?: RegExp) => string;
    readonly count: (from: Json, key: string, path: string, min: number, max: number) => number;
    readonly url: (from: Json, key: string, path: string) => string;
    readonly object: (value: unknown, path: string) => Json;
    readonly fail: Fail;
  },
): DailyAlertsSettings {
  const smtp = read.object(from['smtp'], 'alerts.smtp');
  const timeZone = checkedZone(from['timeZone'], read.fail);
  return {
    schedule: checkedSchedule(read.text(from, 'schedule', 'alerts'), timeZone, read.fail),
    timeZone,
    platformUrl: read.url(from, 'platformUrl', 'alerts'),
    mailFrom: read.text(from, 'mailFrom', 'alerts'),
    smtp: {
      secret: read.text(smtp, 'secret', 'alerts.smtp', /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/),
      port: read.count(smtp, 'port', 'alerts.smtp', 1, 65_535),
      cidrs: checkedCidrs(smtp['cidrs'], read.fail),
    },
  };
}
