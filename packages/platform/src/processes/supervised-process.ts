// One service run as its own OS process and kept running: restarted when it dies, after a back-off
// that doubles while it keeps dying (so a crash loop does not eat the machine) and resets once it has
// stayed up. Its port is pinned after the first start, so the gateway's URL for it stays right.
import { spawn, type ChildProcess } from 'node:child_process';

export interface ProcessSpec {
  /** How logs and errors name it, e.g. `authority W06000015`. */
  readonly name: string;
  /** The built entry point (dist/<service>.mjs). */
  readonly entry: string;
  /** Its whole environment apart from PATH: a service sees only the settings meant for it. */
  readonly env: Readonly<Record<string, string>>;
  /** 0: the OS chooses on first start, kept for restarts. */
  readonly port: number;
  readonly backoff: { readonly initialMs: number; readonly maxMs: number };
  readonly log: (line: string) => void;
}

export interface SupervisedProcess {
  readonly name: string;
  /** Its URL once it has listened (the same across restarts). */
  readonly url: string;
  /** The running process's id, or null while it is down. */
  readonly pid: number | null;
  readonly restarts: number;
  /** How the last run ended (`code 0`, `SIGKILL`), or null if it has not ended. */
  readonly lastExit: string | null;
  /** Resolves at the next "listening" line (at once if it is up). */
  whenListening(): Promise<void>;
  stop(): Promise<void>;
}

const LISTENING = / listening at (\S+)/;
/** Up this long and the next failure starts the back-off afresh. */
const STABLE_MS = 10_000;
/** How long a stopped service may take to finish requests in flight before it is killed. */
const STOP_GRACE_MS = 10_000;

// If the supervisor itself ends without stopping them (a crash), its services go with it rather than
// linger holding their ports.
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGTERM');
});

/** Starts the process; resolves once it listens, rejects if its first start fails (its output says why). */
export function superviseProcess(spec: ProcessSpec): Promise<SupervisedProcess> {
  let port = spec.port;
  let url = '';
  let child: ChildProcess | null = null;
  let up = false;
  let stopping = false;
  let restarts = 0;
  let lastExit: string | null = null;
  let delay = spec.backoff.initialMs;
  let timer: NodeJS.Timeout | null = null;
  let waiters: (() => void)[] = [];

  return new Promise<SupervisedProcess>((resolveFirst, rejectFirst) => {
    let first = true;
    const handle: SupervisedProcess = {
      name: spec.name,
      get url() {
        return url;
      },
      get pid() {
        return up && child?.pid !== undefined ? child.pid : null;
      },
      get restarts() {
        return restarts;
      },
      get lastExit() {
        return lastExit;
      },
      whenListening: () => (up ? Promise.resolve() : new Promise<void>((done) => waiters.push(done))),
      stop: () => stop(),
    };

    const start = () => {
      timer = null;
      const startedAt = Date.now();
      let output = '';
      const current = spawn(process.execPath, ['--enable-source-maps', spec.entry], {
        // A child finds programs as its supervisor does; nothing else of the supervisor's environment leaks in.
        // eslint-disable-next-line no-restricted-properties
        env: { PATH: process.env['PATH'] ?? '', ...spec.env, PORT: String(port) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = current;
      running.add(current);
      const onLine = (line: string) => {
        if (first) output += `${line}\n`;
        spec.log(`[${spec.name}] ${line}`);
        const listening = LISTENING.exec(line);
        if (!listening?.[1] || up) return;
        url = listening[1];
        if (port === 0) port = Number(new URL(url).port);
        up = true;
        const ready = waiters;
        waiters = [];
        for (const done of ready) done();
        if (first) {
          first = false;
          resolveFirst(handle);
        }
      };
      for (const stream of [current.stdout, current.stderr]) {
        let rest = '';
        stream?.on('data', (chunk: Buffer) => {
          const lines = (rest + chunk.toString()).split('\n');
          rest = lines.pop() ?? '';
          for (const line of lines) onLine(line);
        });
      }
      current.once('exit', (code, signal) => {
        running.delete(current);
        up = false;
        lastExit = signal ?? `code ${code}`;
        if (stopping) return;
        if (first) {
          rejectFirst(new Error(`${spec.name} exited (${lastExit}) before it listened:\n${output}`));
          return;
        }
        if (Date.now() - startedAt > STABLE_MS) delay = spec.backoff.initialMs;
        spec.log(`[supervisor] ${spec.name} exited (${lastExit}); restarting in ${delay} ms`);
        restarts += 1;
        timer = setTimeout(start, delay);
        delay = Math.min(delay * 2, spec.backoff.maxMs);
      });
    };

    const stop = async () => {
      stopping = true;
      if (timer) clearTimeout(timer);
      const current = child;
      if (!current || current.exitCode !== null || current.signalCode !== null) return;
      await new Promise<void>((done) => {
        const kill = setTimeout(() => current.kill('SIGKILL'), STOP_GRACE_MS);
        current.once('exit', () => {
          clearTimeout(kill);
          done();
        });
        current.kill('SIGTERM');
      });
    };

    start();
  });
}
