// Prism (@stoplight/prism-cli), the real OpenAPI mock server, run from node_modules for end-to-end tests:
// one process per spec on a free 127.0.0.1 port, with --errors so a request that breaks the spec gets a
// 422 (or a 401 without credentials) instead of a mock answer. Prism names the broken rule in its
// `sl-violations` response header.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";

export interface PrismServer {
  /** Base URL to give a client, e.g. "http://127.0.0.1:41234". */
  url: string;
  /** From spawn to "Prism is listening", in ms. */
  startupMs: number;
  /** The end of Prism's own log (stdout and stderr), for failure messages. */
  log(): string;
  /** Stops Prism; resolves once the process has exited. */
  close(): Promise<void>;
}

export interface PrismOptions {
  /** How long Prism may take to start listening (default 60 s: 30 s ran out with the suite beside other work on 2 cores). */
  startupTimeoutMs?: number;
}

const DEFAULT_STARTUP_TIMEOUT_MS = 60_000;
/** How long close() waits after SIGTERM before SIGKILL. */
const STOP_GRACE_MS = 5_000;
/** Prism logs every request: keep only this much of it so a long run cannot grow memory. */
const MAX_LOG_CHARS = 64 * 1024;
/** A free port can be taken between our probe and Prism's listen (tests run in parallel): try again. */
const MAX_PORT_ATTEMPTS = 3;

/** Prism's CLI entry, found from its package.json `bin` so a layout change inside the package is followed. */
function prismBin(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve("@stoplight/prism-cli/package.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { bin: string | Record<string, string> };
  const bin = typeof manifest.bin === "string" ? manifest.bin : manifest.bin.prism;
  if (!bin) throw new Error(`@stoplight/prism-cli has no "prism" bin in ${manifestPath}`);
  return join(dirname(manifestPath), bin);
}

/** A port on 127.0.0.1 that was free a moment ago: bound to port 0, read, released. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no TCP port from listen(0)");
  return address.port;
}

// Prism's logger (signale) colours its output on a terminal; it is piped here, but strip codes anyway.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

class PortTakenError extends Error {}
/**
 * Prism printed nothing within the time. Seen while Prism ran in a session of its own (see signal); kept
 * as a second chance on a new port, once.
 */
class SilentStartError extends Error {}

/**
 * Signals Prism. It runs in this process's session, not a group of its own (`detached`): Linux schedules
 * each session as one group (autogroup), and a new session competes at default priority as its own
 * entity, so while other work ran at a raised priority Prism got 1-2% of a core and printed nothing for
 * 60 s, twice, in two full runs. Without --multiprocess (off by default) Prism starts no children.
 */
function signal(child: ChildProcess, name: NodeJS.Signals): void {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill(name);
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

async function startOnce(specPath: string, port: number, timeoutMs: number): Promise<PrismServer> {
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [prismBin(), "mock", specPath, "--host", "127.0.0.1", "--port", String(port), "--errors"],
    {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" },
    },
  );
  // Should the test process end without close() (a crash, a killed worker), take Prism with it.
  const killOnExit = (): void => signal(child, "SIGKILL");
  process.once("exit", killOnExit);

  let log = "";
  const append = (chunk: Buffer): void => {
    log = (log + chunk.toString("utf8").replace(ANSI, "")).slice(-MAX_LOG_CHARS);
  };
  // Both pipes are read for the whole life of the process: an unread pipe fills and blocks Prism.
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);

  const close = async (): Promise<void> => {
    const gone = exited(child);
    signal(child, "SIGTERM");
    const timer = setTimeout(() => signal(child, "SIGKILL"), STOP_GRACE_MS);
    await gone;
    clearTimeout(timer);
    process.removeListener("exit", killOnExit);
  };

  const ready = `Prism is listening on ${url}`;
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new (log === "" ? SilentStartError : Error)(
              `Prism did not start on ${url} within ${timeoutMs} ms. Its output:\n${log}`,
            ),
          ),
        timeoutMs,
      );
      const done = (error?: Error): void => {
        clearTimeout(timer);
        child.stdout?.off("data", check);
        child.off("close", onExit);
        child.off("error", done);
        if (error) reject(error);
        else resolve();
      };
      const check = (): void => {
        if (log.includes(ready)) done();
      };
      // "close", not "exit": it comes once the pipes are drained, so the log holds Prism's last words.
      const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
        const why = `Prism exited (code ${code}, signal ${signal}) before listening on ${url}. Its output:\n${log}`;
        done(/EADDRINUSE/.test(log) ? new PortTakenError(why) : new Error(why));
      };
      child.stdout?.on("data", check);
      child.once("close", onExit);
      child.once("error", done);
    });
  } catch (error) {
    await close();
    throw error;
  }

  return { url, startupMs: Math.round(performance.now() - started), log: () => log, close };
}

/** Starts `prism mock SPEC --errors` on a free loopback port and resolves once it listens. */
export async function startPrism(specPath: string, options: PrismOptions = {}): Promise<PrismServer> {
  const timeoutMs = options.startupTimeoutMs ?? DEFAULT_STARTUP_TIMEOUT_MS;
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(specPath, await freePort(), timeoutMs);
    } catch (error) {
      const again = error instanceof PortTakenError || (error instanceof SilentStartError && attempt === 1);
      if (!again || attempt >= MAX_PORT_ATTEMPTS) throw error;
    }
  }
}
