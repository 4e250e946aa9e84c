// node dist/outbox-dispatcher.mjs: one authority's email outbox dispatcher, as production runs it (a
// one-replica Deployment per authority, decision 0033). A pass sends the due pending rows (dispatchOutbox:
// each row taken `for update skip locked`, so a second dispatcher during a rollout sends nothing twice),
// then it waits OUTBOX_DISPATCH_SECONDS. A pass that fails (database or relay down) is logged and the next
// one tries again; failed rows keep their backoff. SIGTERM: the pass in flight finishes, then it exits 0.
import { setTimeout as sleep } from 'node:timers/promises';
import { dispatchOutbox } from '@wales-lac/authority-subgraph';
import { connectAuthorityDatabase } from '@wales-lac/db';
import { exitOnStartFailure, settingsOrExit, stopOnSignals } from '@wales-lac/settings';
import { outboxDispatcherConfigFromEnv } from './authority-alerts/config.ts';
import { authorityLabel } from './each-authority.ts';
import { smtpSender } from './mail.ts';

const NAME = 'outbox-dispatcher';

async function main(): Promise<void> {
  const config = await settingsOrExit(NAME, () => outboxDispatcherConfigFromEnv(process.env));
  const label = authorityLabel(config.authorityCode);
  const connection = connectAuthorityDatabase(config.databaseUrl, { max: 1 });
  const send = smtpSender(config.smtpUrl, config.mailFrom);
  const stopping = new AbortController();
  const pass = async () => {
    try {
      const outcome = await dispatchOutbox(connection.db, { send, platformUrl: config.platformUrl });
      if (outcome.sent + outcome.failed > 0) console.log(`${label}: ${outcome.sent} sent, ${outcome.failed} failed`);
    } catch (error) {
      console.error(`${label}: outbox dispatch failed: ${(error as Error).message}`);
    }
  };
  // The line a test (or an operator reading the pod's log) waits for.
  console.log(`${NAME} for ${label}: a pass every ${config.dispatchSeconds} s`);
  const loop = (async () => {
    while (!stopping.signal.aborted) {
      await pass();
      await sleep(config.dispatchSeconds * 1000, undefined, { signal: stopping.signal }).catch(() => undefined);
    }
  })();
  stopOnSignals(NAME, async () => {
    stopping.abort();
    await loop;
    await connection.close();
  });
}

main().catch(exitOnStartFailure(NAME));
