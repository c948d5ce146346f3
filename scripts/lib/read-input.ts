// The one way specsmith reads a file the user gave it (a page, a spec and the files its $refs name, api.yaml,
// an overlay, an ignore file): regular files only, and never more than a size limit. A FIFO would block the
// read forever, /dev/zero would fill memory, so the file is opened without blocking and its type and size
// are checked on the opened descriptor (not on the path, which could be swapped in between); the limit is
// enforced again while reading, for files whose size grows or that report none (/proc).
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from "node:fs";
import { constants as bufferConstants } from "node:buffer";
import { UserError } from "./errors.ts";

const MiB = 1024 * 1024;

/** A size limit and how the user raises it. */
export interface SizeLimit {
  bytes: number;
  /** What is limited, for messages: "a page", "a spec file". */
  subject: string;
  /** The option that raises it. */
  flag: string;
}

export const DEFAULT_PAGE_BYTES = 16 * MiB;
export const DEFAULT_SPEC_BYTES = 128 * MiB;

export function pageLimit(bytes: number = DEFAULT_PAGE_BYTES): SizeLimit {
  return { bytes, subject: "a page", flag: "--max-page-bytes" };
}

/** Specs, the files their $refs read, and the YAML files beside them (api.yaml, overlays, ignore files). */
export function specLimit(bytes: number = DEFAULT_SPEC_BYTES): SizeLimit {
  return { bytes, subject: "a spec file", flag: "--max-spec-bytes" };
}

/**
 * An input refused by a limit (too large, or not a regular file) rather than for being wrong: in a scrape of
 * many pages such a page is skipped with a warning instead of failing the run.
 */
export class InputLimitError extends UserError {
  /** The message without the file name in front. */
  readonly reason: string;
  constructor(reason: string, file?: string) {
    super(reason, file);
    this.name = "InputLimitError";
    this.reason = reason;
  }
}

/** "16 MiB", "17.3 MiB", "900 KiB", "12 bytes"; the exact count where one decimal would hide it. */
export function formatBytes(bytes: number): string {
  const units: [number, string][] = [
    [1024 * MiB, "GiB"],
    [MiB, "MiB"],
    [1024, "KiB"],
  ];
  for (const [size, unit] of units) {
    if (bytes < size) continue;
    const value = bytes / size;
    if (Number.isInteger(value)) return `${value} ${unit}`;
    const rounded = value.toFixed(1);
    if (Number(rounded) !== Math.round(value)) return `${rounded} ${unit}`;
    break;
  }
  return `${bytes.toLocaleString("en")} bytes`;
}

/** The error for an input over its limit; `size` when it is known before reading. */
export function tooLarge(limit: SizeLimit, display: string, size?: number): InputLimitError {
  const what = size === undefined ? "is larger than" : `is ${formatBytes(size)}, more than`;
  return new InputLimitError(
    `${what} the ${formatBytes(limit.bytes)} limit for ${limit.subject} (raise it with ${limit.flag})`,
    display,
  );
}

/**
 * The longest input a limit may allow: the bytes become one JavaScript string, and V8 cannot hold a longer
 * one (about 512 MiB).
 */
export const MAX_LIMIT_BYTES = bufferConstants.MAX_STRING_LENGTH;

/** Reads a byte count given on the command line: "1048576", "64MiB", "512k", "1GiB". */
export function parseByteCount(text: string, flag: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(k|kib|m|mib|g|gib)?$/i.exec(text.trim());
  const unit = { k: 1024, m: MiB, g: 1024 * MiB }[(match?.[2]?.[0] ?? "").toLowerCase()] ?? 1;
  const bytes = match ? Math.floor(Number(match[1]) * unit) : NaN;
  if (!Number.isFinite(bytes) || bytes <= 0)
    throw new UserError(`${flag} must be a size in bytes, e.g. 1048576, 64MiB or 1GiB (got "${text}")`);
  if (bytes > MAX_LIMIT_BYTES)
    throw new UserError(
      `${flag} can be at most ${formatBytes(MAX_LIMIT_BYTES)} (the longest text Node.js can hold)`,
    );
  return bytes;
}

function typeOf(stats: Stats): string | undefined {
  if (stats.isFIFO()) return "a FIFO (named pipe)";
  if (stats.isCharacterDevice()) return "a character device";
  if (stats.isBlockDevice()) return "a block device";
  if (stats.isSocket()) return "a socket";
  if (!stats.isFile()) return "not a regular file";
  return undefined;
}

/**
 * The bytes of the regular file at `path`, at most `limit.bytes` of them. `noun` names the file in
 * messages ("page", "spec file"); errors are UserErrors naming `display`, InputLimitErrors for a file
 * that breaks the limit or is not a regular file.
 */
export function readInputFile(path: string, display: string, noun: string, limit: SizeLimit): Buffer {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, forever.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UserError(`${noun} not found`, display);
    if (code === "EISDIR") throw new UserError(`is a directory, not a ${noun}`, display);
    // A Unix socket cannot be opened at all.
    if (code === "ENXIO")
      throw new InputLimitError(`is not a regular file: only regular files are read`, display);
    throw new UserError(`cannot read ${noun} (${code ?? String(error)})`, display);
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw new UserError(`is a directory, not a ${noun}`, display);
    const kind = typeOf(stats);
    if (kind)
      throw new InputLimitError(`is ${kind}, not a regular file: only regular files are read`, display);
    if (stats.size > limit.bytes) throw tooLarge(limit, display, stats.size);
    // One byte more than the limit tells a file at the limit from one past it.
    const buffer = Buffer.allocUnsafe(Math.min(limit.bytes + 1, Math.max(stats.size + 1, 64 * 1024)));
    let length = 0;
    let chunk = buffer;
    for (;;) {
      if (length === chunk.length) {
        if (length > limit.bytes) throw tooLarge(limit, display);
        const bigger = Buffer.allocUnsafe(Math.min(limit.bytes + 1, chunk.length * 2));
        chunk.copy(bigger, 0, 0, length);
        chunk = bigger;
      }
      const read = readSync(fd, chunk, length, chunk.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > limit.bytes) throw tooLarge(limit, display);
    return chunk.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}
