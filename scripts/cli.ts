// specsmith's one entry point: `specsmith <command> [options]`. Exit codes: 0 success, 1 a failing
// finding (later: breaking changes), 2 bad usage or bad input, with a message naming the file.
import { resolve } from "node:path";
import { inspect } from "node:util";
import type { Command, CommandContext } from "./commands/command.ts";
import { errorCode, EXIT_BAD_INPUT, fileSystemError, UsageError, UserError } from "./lib/errors.ts";
import { createTerminal, paint, type Terminal } from "./lib/terminal.ts";

interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}

/**
 * The commands, each module loaded only when its command runs: loading all four (the scraper's parsers,
 * the crawler, the generator) costs more than a whole `generate` with nothing to do.
 */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: "scrape",
    summary: "documentation pages -> normalized OpenAPI 3.1 spec + provenance report",
    load: async () => (await import("./commands/scrape.ts")).scrapeCommand,
  },
  {
    name: "generate",
    summary: "OpenAPI 3.0/3.1 spec -> typed TypeScript client package",
    load: async () => (await import("./commands/generate.ts")).generateCommand,
  },
  {
    name: "diff",
    summary: "two spec versions -> classified changes (breaking, warning, info) and a semver bump",
    load: async () => (await import("./commands/diff.ts")).diffCommand,
  },
  {
    name: "capture",
    summary: "download the pages listed in specs/<api>/api.yaml into pages/",
    load: async () => (await import("./commands/capture.ts")).captureCommand,
  },
];

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "specsmith: API documentation pages -> OpenAPI 3.1 spec -> typed TypeScript client",
    "",
    "Usage: specsmith <command> [options]",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Global options:",
    "  --specs DIR   the folder of API folders (default: ./specs)",
    "  -h, --help    help for specsmith, or for a command: specsmith <command> --help",
    "",
    "Exit codes: 0 success, 1 a failing finding, 2 bad usage or bad input.",
  ].join("\n");
}

/** Takes the global --specs option out of the arguments. */
function takeSpecsDir(args: string[], cwd: string): { args: string[]; specsDir: string } {
  const rest: string[] = [];
  let specsDir = resolve(cwd, "specs");
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === "--specs") {
      const value = args[++i];
      if (!value) throw new UsageError("--specs needs a folder");
      specsDir = resolve(cwd, value);
    } else if (a.startsWith("--specs=")) specsDir = resolve(cwd, a.slice("--specs=".length));
    else rest.push(a);
  }
  return { args: rest, specsDir };
}

export async function main(
  argv: string[],
  term: Terminal = createTerminal(),
  cwd: string = process.cwd(),
): Promise<number> {
  try {
    const { args, specsDir } = takeSpecsDir(argv, cwd);
    const [name, ...rest] = args;
    if (name === undefined || name === "-h" || name === "--help" || name === "help") {
      printLines(term, mainHelp());
      return name === undefined ? EXIT_BAD_INPUT : 0;
    }
    if (name === "--version" || name === "-v") {
      term.out("specsmith 0.1.0");
      return 0;
    }
    const entry = COMMANDS.find((c) => c.name === name);
    if (!entry)
      throw new UsageError(`unknown command "${name}" (commands: ${COMMANDS.map((c) => c.name).join(", ")})`);
    const command = await entry.load();
    // Every command's help is printed here, from its `help` text, so commands only parse their own options.
    if (rest.includes("-h") || rest.includes("--help")) {
      printLines(term, command.help);
      return 0;
    }
    const ctx: CommandContext = { term, cwd, specsDir };
    try {
      return await command.run(rest, ctx);
    } catch (error) {
      // parseArgs reports unknown or malformed options with these codes.
      if (errorCode(error)?.startsWith("ERR_PARSE_ARGS"))
        throw new UsageError((error as Error).message, `See: specsmith ${name} --help`);
      throw error;
    }
  } catch (error) {
    term.clearProgress();
    const failure = error instanceof UserError ? error : fileSystemError(error);
    if (failure) {
      term.err([paint("red", "error"), " ", failure.message]);
      if (failure instanceof UsageError && failure.hint) term.err(failure.hint);
      return EXIT_BAD_INPUT;
    }
    // A bug: everything known about it, for the report. inspect() prints any thrown value (null, an
    // object without a prototype) and an Error's stack and extra fields.
    const [first, ...rest] = inspect(error).split("\n");
    term.err([paint("red", "internal error"), " ", first ?? ""]);
    for (const line of rest) term.err(line);
    return EXIT_BAD_INPUT;
  }
}

/** Prints specsmith's own multi-line text (help), one line at a time. */
function printLines(term: Terminal, text: string): void {
  for (const line of text.split("\n")) term.out(line);
}
