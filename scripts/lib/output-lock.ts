// One lock per output (a file or a folder), so two specsmith runs never write the same output at once.
// The lock is a small file beside the output, `.<name>.specsmith-lock`, naming its holder (pid, host,
// command). It is created complete in one step (written to a temporary name, then hard-linked into place,
// which fails when the lock exists), so a reader never sees half a lock. A lock whose holder process is
// dead (or whose pid now belongs to another process) is taken over; a live holder makes us wait, up to 30 s
// or SPECSMITH_LOCK_WAIT seconds, then the run stops with exit 2 naming the holder.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { link, mkdir, readFile, rm, rmdir, stat, unlink, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { UserError } from "./errors.ts";
import { makeFolders } from "./folders.ts";

export const LOCK_WAIT_ENV = "SPECSMITH_LOCK_WAIT";
const DEFAULT_WAIT_SECONDS = 30;
const POLL_MS = 100;
/**
 * Taking over a dead holder's lock is guarded by a folder only one process can create, so two runs that
 * both find the same dead holder cannot both remove a lock. The guard is held for microseconds; one older
 * than this was left by a run killed while taking over, and is removed.
 */
const TAKEOVER_GUARD_STALE_MS = 10_000;
/** A lock file is a few hundred bytes; anything bigger is not ours and is not read whole. */
const MAX_LOCK_BYTES = 64 * 1024;

interface Holder {
  pid: number;
  host: string;
  /** The process's start time (Linux /proc clock ticks), so a reused pid is not mistaken for the holder. */
  started: string | undefined;
  command: string;
  nonce: string;
}

export interface HeldLock {
  target: string;
  path: string;
  nonce: string;
}

export function lockPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.specsmith-lock`);
}

function takeoverGuardFor(lockPath: string): string {
  return `${lockPath}-takeover`;
}

/**
 * Removes what runs killed while locking `target` left: temporary lock files and a takeover guard. Only
 * the lock's holder calls it; a run still taking over then finds a live lock and leaves it alone.
 */
export async function removeLockDebris(target: string, names: readonly string[]): Promise<void> {
  const lock = basename(lockPathFor(target));
  for (const name of names) {
    const rest = name.startsWith(`${lock}-`) ? name.slice(lock.length + 1) : undefined;
    if (rest !== undefined && (/^[0-9a-f]{16}$/.test(rest) || rest === "takeover"))
      await rm(join(dirname(target), name), { recursive: true, force: true });
  }
}

/** Field 22 of /proc/<pid>/stat (its start time), and its state; undefined where there is no /proc. */
function procStat(pid: number | "self"): { state: string; started: string } | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return undefined;
  }
  // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ")".
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  const state = fields[0];
  const started = fields[19];
  return state && started ? { state, started } : undefined;
}

const self: Omit<Holder, "nonce"> = {
  pid: process.pid,
  host: hostname(),
  started: procStat("self")?.started,
  // The script's name, not its full path, then the arguments: enough to tell which run it is.
  command: [basename(process.argv[1] ?? "node"), ...process.argv.slice(2)].join(" ").slice(0, 300),
};

function isAlive(holder: Holder): boolean {
  // Another machine's process (a shared folder) cannot be checked from here: assume it runs.
  if (holder.host !== self.host) return true;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  const now = procStat(holder.pid);
  if (now === undefined) return true;
  // A killed process not yet reaped by its parent still has its pid; so does a new process given a
  // dead holder's pid.
  if (now.state === "Z") return false;
  return holder.started === undefined || holder.started === now.started;
}

async function readHolder(path: string): Promise<Holder | "missing" | "unreadable"> {
  try {
    if ((await stat(path)).size > MAX_LOCK_BYTES) return "unreadable";
    const value = JSON.parse(await readFile(path, "utf8")) as Partial<Holder>;
    if (typeof value.pid !== "number" || typeof value.nonce !== "string") return "unreadable";
    return {
      pid: value.pid,
      host: String(value.host),
      started: typeof value.started === "string" ? value.started : undefined,
      command: String(value.command),
      nonce: value.nonce,
    };
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT" ? "missing" : "unreadable";
  }
}

function waitLimitMs(): number {
  const raw = process.env[LOCK_WAIT_ENV];
  if (raw === undefined || raw === "") return DEFAULT_WAIT_SECONDS * 1000;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds < 0)
    throw new UserError(`${LOCK_WAIT_ENV} must be a number of seconds, 0 or more (it is "${raw}")`);
  return seconds * 1000;
}

/** Removes the lock of a dead holder, unless another run took it over first. */
async function takeOver(path: string, dead: Holder | "unreadable"): Promise<void> {
  const guard = takeoverGuardFor(path);
  try {
    await mkdir(guard);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const age = Date.now() - (await stat(guard).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
    if (age > TAKEOVER_GUARD_STALE_MS) await rmdir(guard).catch(() => undefined);
    // Another run is taking over right now: give it the moment it needs.
    else await sleep(POLL_MS);
    return;
  }
  try {
    // Still the same dead holder's lock (not one a faster run already replaced with its own)?
    const now = await readHolder(path);
    const same =
      dead === "unreadable"
        ? now === "unreadable"
        : now !== "missing" && now !== "unreadable" && now.nonce === dead.nonce;
    if (same) await unlink(path).catch(() => undefined);
  } finally {
    await rmdir(guard).catch(() => undefined);
  }
}

async function acquire(target: string, limitMs: number): Promise<HeldLock> {
  const path = lockPathFor(target);
  await makeFolders(dirname(path));
  const nonce = randomBytes(8).toString("hex");
  const content = JSON.stringify({ ...self, nonce } satisfies Holder);
  const temp = `${path}-${nonce}`;
  const start = Date.now();
  for (;;) {
    await writeFile(temp, content);
    try {
      await link(temp, path);
      return { target, path, nonce };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // ENOENT: a run cleaning up after a killed one removed our temporary file; write it again.
      if (code === "ENOENT") continue;
      if (code !== "EEXIST") throw error;
    } finally {
      await unlink(temp).catch(() => undefined);
    }
    const holder = await readHolder(path);
    if (holder === "missing") continue;
    if (holder === "unreadable" || !isAlive(holder)) {
      await takeOver(path, holder);
      continue;
    }
    if (Date.now() - start >= limitMs) {
      throw new UserError(
        `another specsmith run is writing it (pid ${holder.pid}${holder.host === self.host ? "" : ` on ${JSON.stringify(holder.host)}`}: ${JSON.stringify(holder.command)}); ` +
          `waited ${Math.round(limitMs / 100) / 10} s. Run again when it has finished (${LOCK_WAIT_ENV}=SECONDS waits longer).`,
        target,
      );
    }
    await sleep(POLL_MS + Math.floor(Math.random() * POLL_MS));
  }
}

async function release(lock: HeldLock): Promise<void> {
  const holder = await readHolder(lock.path);
  if (holder !== "missing" && holder !== "unreadable" && holder.nonce === lock.nonce)
    await unlink(lock.path).catch(() => undefined);
}

/**
 * Locks every target (in one global order, so two runs locking overlapping sets cannot wait on each other
 * forever), runs `work`, and releases them, also when `work` throws.
 */
export async function withLocks<T>(
  targets: readonly string[],
  work: (held: readonly HeldLock[]) => Promise<T>,
): Promise<T> {
  const limitMs = waitLimitMs();
  const held: HeldLock[] = [];
  try {
    for (const target of [...new Set(targets)].sort()) held.push(await acquire(target, limitMs));
    return await work(held);
  } finally {
    for (const lock of held.reverse()) await release(lock);
  }
}
