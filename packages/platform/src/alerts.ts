// The platform's side of alerts (decision 0029): every authority's daily computation on a schedule, the
// dispatcher of their email outboxes, both on demand too (`npm run alerts:run`, tests).
import { dispatchOutbox, runDailyAlerts, type AlertRunReport } from '@wales-lac/authority-subgraph';
import type { AuthorityDatabase, Connection } from '@wales-lac/db';
import type { SendMail } from './mail.ts';

export interface PlatformAlerts {
  /** Computes the day's alerts in every authority (default: the platform's today). */
  run(today?: string): Promise<AlertRunReport[]>;
  /** Sends every authority's due outbox rows; none without a mail transport. */
  dispatch(): Promise<{ sent: number; failed: number }>;
  stop(): void;
}

export interface AlertOptions {
  readonly authorities: ReadonlyMap<string, Connection<AuthorityDatabase>>;
  readonly today: () => string;
  /** The dispatcher's clock (a retry waits its backoff on it). */
  readonly now: () => Date;
  /** Null: no email (production without SMTP_URL): rows stay pending until a transport is configured. */
  readonly send: SendMail | null;
  readonly platformUrl: () => string;
  readonly everyMinutes: number;
  readonly dispatchSeconds: number;
  readonly log: (line: string) => void;
}

/** The first scheduled run, this long after start (the services are answering by then). */
const FIRST_RUN_AFTER_MS = 5_000;

/** One run at a time of each: a tick that comes while the last is still working is skipped. */
function serialised<T>(work: () => Promise<T>): () => Promise<T | null> {
  let running = false;
  return async () => {
    if (running) return null;
    running = true;
    try {
      return await work();
    } finally {
      running = false;
    }
  };
}

export function platformAlerts(options: AlertOptions): PlatformAlerts {
  const run = async (today = options.today()) => {
    const reports: AlertRunReport[] = [];
    // One authority after another: each run is a few batched reads and one transaction.
    for (const [code, connection] of options.authorities) reports.push(await runDailyAlerts(connection.db, code, today));
    return reports;
  };
  const dispatch = async () => {
    const total = { sent: 0, failed: 0 };
    const send = options.send;
    if (!send) return total;
    for (const connection of options.authorities.values()) {
      const outcome = await dispatchOutbox(connection.db, { send, platformUrl: options.platformUrl(), now: options.now });
      total.sent += outcome.sent;
      total.failed += outcome.failed;
    }
    return total;
  };
  const timers: NodeJS.Timeout[] = [];
  if (options.everyMinutes > 0) {
    const tick = serialised(async () => {
      const reports = await run();
      options.log(
        `alerts for ${options.today()}: ${reports.reduce((n, r) => n + r.added, 0)} new notifications, ${reports.reduce((n, r) => n + r.emails, 0)} emails queued`,
      );
    });
    const scheduled = () => void tick().catch((e: unknown) => options.log(`alerts run failed: ${(e as Error).message}`));
    // Once soon after start as well: a platform restarted more often than daily would otherwise never reach its
    // first tick. A day already run adds nothing (each alert has its unique key).
    const first = setTimeout(scheduled, FIRST_RUN_AFTER_MS);
    first.unref();
    timers.push(first, setInterval(scheduled, options.everyMinutes * 60_000));
  }
  if (options.dispatchSeconds > 0 && options.send) {
    const tick = serialised(dispatch);
    timers.push(
      setInterval(() => void tick().catch((e: unknown) => options.log(`outbox dispatch failed: ${(e as Error).message}`)), options.dispatchSeconds * 1000),
    );
  }
  for (const t of timers) t.unref();
  return { run, dispatch, stop: () => timers.forEach((t) => clearTimeout(t)) };
}
