// Process mode's settings: the platform's (config.ts: database, seed, identity, limits) plus where the
// services listen and how a dead one is restarted.
import { integer, port, workerCount, type Env } from '@wales-lac/settings';
import { platformConfigFromEnv, type PlatformConfig } from '../config.ts';

export interface ProcessModeConfig extends PlatformConfig {
  /** Reference listens here, benchmarks on the next port, the 22 authorities on the 22 after; 0: the OS chooses each. */
  readonly serviceBasePort: number;
  readonly restartBackoff: { readonly initialMs: number; readonly maxMs: number };
  /** GATEWAY_WORKERS for the gateway's process: here `auto` by default, one worker per core (decision 0024). */
  readonly gatewayWorkers: number;
}

export function processModeConfigFromEnv(env: Env): ProcessModeConfig {
  return {
    ...platformConfigFromEnv(env),
    serviceBasePort: port(env, 'SERVICE_BASE_PORT', 4100),
    gatewayWorkers: workerCount(env, 'GATEWAY_WORKERS', 'auto'),
    restartBackoff: { initialMs: integer(env, 'RESTART_BACKOFF_MS', 250, 10, 60_000), maxMs: integer(env, 'RESTART_BACKOFF_MAX_MS', 10_000, 10, 600_000) },
  };
}
