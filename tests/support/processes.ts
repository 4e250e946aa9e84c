// Starts an authority service as its own process, as production runs it.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('../../subgraphs/authority/src/main.ts', import.meta.url));

export interface AuthorityProcess {
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

export function startAuthorityProcess(env: Record<string, string>): Promise<AuthorityProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`authority process did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('listening at')) {
        clearTimeout(timer);
        resolve({
          child,
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGCONT');
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`authority process exited with ${code}:\n${output}`));
    });
  });
}
