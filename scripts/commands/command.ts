// What every CLI command looks like: its help text and a run function that returns the exit code (0 ok,
// 1 a failing finding, 2 bad usage or input). Its name and one-line summary are in scripts/cli.ts, which
// loads a command's module only when that command runs.
import type { Terminal } from "../lib/terminal.ts";

export interface CommandContext {
  term: Terminal;
  cwd: string;
  /** Folder holding one sub-folder per API. */
  specsDir: string;
}

export interface Command {
  /** Printed by the CLI for `specsmith <command> --help`. */
  help: string;
  run(args: string[], ctx: CommandContext): Promise<number>;
}
