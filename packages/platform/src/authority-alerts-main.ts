// node dist/authority-alerts.mjs [--date YYYY-MM-DD]: one authority's alerts for the day (default today),
// as production runs them: a Kubernetes CronJob per authority (decision 0033), on that authority's
// database only. The same computation as `npm run alerts:run` and the platform's daily timer, so a second
// run on the day adds nothing. It queues emails and sends none: the authority's dispatcher does.
// Exit 0 done, 2 could not be done (the Job retries), 64 a bad --date, 78 a bad setting.
import { runDailyAlerts } from '@wales-lac/authority-subgraph';
import { connectAuthorityDatabase } from '@wales-lac/db';
import { settingsOrExit } from '@wales-lac/settings';
import { authorityAlertsConfigFromEnv } from './authority-alerts/config.ts';
import { dateArgument, utcToday } from './authority-alerts/date.ts';
import { authorityLabel, runCommand } from './each-authority.ts';

const NAME = 'authority-alerts';

async function main(): Promise<number> {
  const config = await settingsOrExit(NAME, () => authorityAlertsConfigFromEnv(process.env));
  const date = dateArgument(process.argv.slice(2), utcToday());
  if (typeof date !== 'string') {
    console.error(`${NAME}: ${date.problem}`);
    return 64;
  }
  // One connection: the run is a few batched reads and one transaction.
  const connection = connectAuthorityDatabase(config.databaseUrl, { max: 1 });
  try {
    const report = await runDailyAlerts(connection.db, config.authorityCode, date);
    console.log(
      `${authorityLabel(config.authorityCode)}: ${report.alerts} alerts on ${date}, ${report.added} new notifications, ${report.emails} emails queued`,
    );
    return 0;
  } finally {
    await connection.close();
  }
}

runCommand(NAME, main);
