// A Terminal that records what the CLI prints, for tests that call main() in-process. It is the real
// Terminal (createTerminal) writing to streams that keep the lines, so tests see exactly what a user
// would: plain, as on a pipe, or with `tty: true` as on a terminal (colours, progress drawn in place).
import { createTerminal, type Terminal } from "../../scripts/lib/terminal.ts";

export interface MemoryTerminal extends Terminal {
  /** The lines printed on stdout, without their line breaks. */
  stdout: string[];
  /** The lines printed on stderr; on a TTY also the progress line's redraws, as written. */
  stderr: string[];
}

/** A stream that keeps what is written to it: each complete line, and any other write as it is. */
export function recordingStream(
  isTTY: boolean,
  lines: string[] = [],
): NodeJS.WriteStream & { lines: string[] } {
  const write = (chunk: string): boolean => {
    lines.push(chunk.endsWith("\n") ? chunk.slice(0, -1) : chunk);
    return true;
  };
  const stream = { isTTY, columns: 80, lines, write, on: () => stream };
  return stream as unknown as NodeJS.WriteStream & { lines: string[] };
}

export function memoryTerminal(options: { tty?: boolean; env?: NodeJS.ProcessEnv } = {}): MemoryTerminal {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const tty = options.tty ?? false;
  const term = createTerminal(recordingStream(tty, stdout), recordingStream(tty, stderr), options.env ?? {});
  return { ...term, stdout, stderr };
}
