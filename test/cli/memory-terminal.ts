// A Terminal that records what the CLI prints, for tests that call main() in-process.
import type { Terminal } from "../../scripts/lib/terminal.ts";

export interface MemoryTerminal extends Terminal {
  stdout: string[];
  stderr: string[];
}

export function memoryTerminal(): MemoryTerminal {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    color: false,
    interactive: false,
    stdout,
    stderr,
    out: (line) => void stdout.push(line),
    err: (line) => void stderr.push(line),
    progress: () => undefined,
    clearProgress: () => undefined,
  };
}
