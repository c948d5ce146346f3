// What every CLI command looks like: a name, a one-line summary, its help text, and a run function that
// returns the exit code (0 ok, 1 a failing finding, 2 bad usage or input).
import type { Terminal } from "../lib/terminal.ts";

export interface CommandContext {
  term: Terminal;
  cwd: string;
  /** Folder holding one sub-folder per API. */
  specsDir: string;
}

export interface Command {
  name: string;
  summary: string;
  /** Printed by the CLI for `specsmith <command> --help`. */
  help: string;
  run(args: string[], ctx: CommandContext): Promise<number>;
}
