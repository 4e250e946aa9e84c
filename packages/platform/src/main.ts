// npm start: brings up the whole platform and prints the gateway URL.
import { ConfigurationError, platformConfigFromEnv } from './config.ts';
import { startPlatform } from './platform.ts';

async function main(): Promise<void> {
  const config = platformConfigFromEnv(process.env);
  const log = (line: string) => console.log(`[platform] ${line}`);
  const platform = await startPlatform(config, { log });
  console.log(`\nWales children-looked-after education graph: ${platform.url}`);
  if (config.explorer) console.log(`Explorer (in a browser): ${new URL('/explorer', platform.url).toString()}`);
  console.log(`Health: ${new URL('/health', platform.url).toString()}`);
  if (platform.metricsUrl) console.log(`Metrics (Prometheus): ${platform.metricsUrl}`);
  console.log('Get a token: npm run token -- --role virtual-school-head --authority W06000015\n');
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    log('stopping');
    await platform.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigurationError ? `configuration: ${error.message}` : error);
  process.exit(1);
});
