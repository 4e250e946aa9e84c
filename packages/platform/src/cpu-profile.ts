// A CPU profile of part of a run (the V8 inspector's profiler, as `node --cpu-prof` but started after
// start-up), written as a .cpuprofile that Chrome DevTools and `npm run profile:summary` read.
import { Session } from 'node:inspector/promises';
import { writeFile } from 'node:fs/promises';

export interface CpuProfile {
  stop(file: string): Promise<void>;
}

export async function startCpuProfile(): Promise<CpuProfile> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  return {
    async stop(file) {
      const { profile } = await session.post('Profiler.stop');
      await writeFile(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}
