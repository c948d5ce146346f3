// A hook for the kill tests (test/hostile/kill.test.ts): with SPECSMITH_PAUSE_AT=<step> a writer stops at
// that named step, prints a marker on stderr and waits there until it is killed, so a test can SIGKILL it
// at an exact moment (between two renames of a swap) instead of guessing with timers. Unset, it does nothing.
export const PAUSE_ENV = "SPECSMITH_PAUSE_AT";

export async function pausePoint(step: string): Promise<void> {
  if (process.env[PAUSE_ENV] !== step) return;
  process.stderr.write(`specsmith: paused at ${step} (pid ${process.pid})\n`);
  // A pending promise alone does not keep Node running; the interval does, until the kill.
  await new Promise<never>(() => setInterval(() => undefined, 60_000));
}
