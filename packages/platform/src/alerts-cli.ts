// npm run alerts:run -- --date YYYY-MM-DD: computes that day's alerts in every authority now (decision 0029),
// as the platform's schedule does daily; running it again for the same day adds nothing. With SMTP_URL set
// it then sends the due emails of every outbox once. Uses the platform's configuration (DATABASE_URL,
// DATABASE_PREFIX, overrides), and with no DATABASE_URL the embedded server: the running platform's, or one
// started here. Exit 0 when every authority ran, 2 when one could not, 64 for a bad argument.
import { dispatchOutbox, runDailyAlerts } from '@wales-lac/authority-subgraph';
import { connectAuthorityDatabase } from '@wales-lac/db';
import { dateArgument, utcToday } from './authority-alerts/date.ts';
import { platformConfigFromEnv } from './config.ts';
import { forEachAuthorityDatabase, runCommand } from './each-authority.ts';
import { smtpSender } from './mail.ts';

async function main(): Promise<number> {
  const date = dateArgument(process.argv.slice(2), utcToday());
  if (typeof date !== 'string') {
    console.error(`alerts:run: ${date.problem}`);
    return 64;
  }
  const config = platformConfigFromEnv(process.env);
  const send = config.alerts.smtpUrl ? smtpSender(config.alerts.smtpUrl, config.alerts.mailFrom) : null;
  const platformUrl = config.alerts.platformUrl ?? `http://${config.host}:${config.port}/`;
  let added = 0;
  let emails = 0;
  const worst = await forEachAuthorityDatabase(config, 'run', async ({ code, label, url }) => {
    const connection = connectAuthorityDatabase(url, { max: 1 });
    try {
      const report = await runDailyAlerts(connection.db, code, date);
      added += report.added;
      emails += report.emails;
      const sent = send ? await dispatchOutbox(connection.db, { send, platformUrl }) : null;
      const sending = sent ? `, ${sent.sent} sent, ${sent.failed} failed` : '';
      console.log(`${label}: ${report.alerts} alerts on ${date}, ${report.added} new notifications, ${report.emails} emails queued${sending}`);
      return 0;
    } finally {
      await connection.close();
    }
  });
  console.log(`alerts:run ${date}: ${added} new notifications, ${emails} emails queued`);
  return worst;
}

runCommand('alerts:run', main);
