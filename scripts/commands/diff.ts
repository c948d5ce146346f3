// specsmith diff: what changed between two versions of a spec, classified by what it breaks for existing
// callers, for a terminal, a pull-request comment or a tool; exit 1 when --fail-on is hit.
import { existsSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { UsageError } from "../lib/errors.ts";
import { paint } from "../lib/terminal.ts";
import type { Command } from "./command.ts";
import { allowedRefDirs, inputLimits, REF_DIR_OPTION, SPEC_BYTES_OPTION } from "./input-options.ts";

const HELP = `Usage:
  specsmith diff BASE REVISION [--format text|markdown|json] [--fail-on LEVEL] [--ignore FILE]
  specsmith diff --base REV [--api NAME] [--format ...] [--fail-on LEVEL] [--ignore FILE]

Compares two OpenAPI 3.0/3.1 specs and classifies every change: breaking, warning or info, each with a
stable rule id. A change in a shared schema is reported once, with the operations it reaches. Also lists
the generated TypeScript package's exported names and signatures that change, and the semver bump the
changes imply (major, minor, patch, none).

BASE and REVISION are spec files, or files at a git revision: origin/main:specs/verifa/openapi.yaml.
With --base, every specs/<api>/openapi.yaml is compared with its version at REV.

Options:
  --base REV       compare every spec under specs/ with its version at the git revision REV
  --api NAME       (with --base) only this API folder
  --format FORMAT  text (default), markdown (for a pull-request comment) or json
  --fail-on LEVEL  exit 1 when a change of this level or worse is found: breaking (default), warning
                   or never; accepted changes do not count
  --ignore FILE    accepted changes: a YAML list of {id, operation?, pointer?, api?, reason}; with
                   --base, specs/diff-ignore.yaml is read when it exists
  --allow-ref-dir DIR
                   a folder $refs may read files from besides each spec's own folder tree (repeatable)
  --max-spec-bytes SIZE
                   the largest spec file (and file its $refs read, and ignore file) to read, e.g.
                   256MiB (default 128MiB)
  --specs DIR      the specs folder (default: ./specs)
  -h, --help       this help

Exit 0 when nothing fails, 1 when --fail-on is hit, 2 on bad usage or bad input (not a spec, an invalid
spec, a git revision that does not exist, a file over the size limit or nested deeper than 256 levels, a
$ref to a file outside the spec's folder).

Examples:
  specsmith diff old.yaml specs/verifa/openapi.yaml
  specsmith diff origin/main:specs/verifa/openapi.yaml specs/verifa/openapi.yaml --format markdown
  specsmith diff --base origin/main --fail-on warning --ignore specs/diff-ignore.yaml`;

const FORMATS = ["text", "markdown", "json"] as const;
const FAIL_ON = ["breaking", "warning", "never"] as const;

function oneOf<T extends string>(
  option: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`${option} must be one of ${allowed.join(", ")} (got "${value}")`);
  return value as T;
}

export const diffCommand: Command = {
  help: HELP,
  async run(args, ctx) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        base: { type: "string" },
        api: { type: "string" },
        format: { type: "string" },
        "fail-on": { type: "string" },
        ignore: { type: "string" },
        ...REF_DIR_OPTION,
        ...SPEC_BYTES_OPTION,
      },
    });
    const format = oneOf("--format", values.format, FORMATS, "text");
    const failOn = oneOf("--fail-on", values["fail-on"], FAIL_ON, "breaking");
    if (values.base !== undefined && positionals.length > 0)
      throw new UsageError("give either BASE and REVISION or --base REV, not both");
    if (values.base === undefined && positionals.length !== 2)
      throw new UsageError("diff needs BASE and REVISION (two specs), or --base REV");
    if (values.api !== undefined && values.base === undefined) throw new UsageError("--api goes with --base");
    const side = { limit: inputLimits(values).spec, allowRefDirs: allowedRefDirs(values, ctx.cwd) };

    // Loaded only now: the loader and the rules are most of the start-up time.
    const { diffAgainstRevision, diffPair } = await import("../diff/run.ts");
    const { applyIgnores, readIgnoreFile } = await import("../diff/ignore.ts");
    const { summarize } = await import("../diff/compare.ts");

    let ignorePath = values.ignore !== undefined ? resolve(ctx.cwd, values.ignore) : undefined;
    if (ignorePath === undefined && values.base !== undefined) {
      const fallback = join(ctx.specsDir, "diff-ignore.yaml");
      if (existsSync(fallback)) ignorePath = fallback;
    }
    // Read before the specs: a broken ignore file should fail fast.
    const entries = ignorePath
      ? readIgnoreFile(ignorePath, relative(ctx.cwd, ignorePath) || ignorePath, side.limit)
      : [];

    const reports =
      values.base !== undefined
        ? await diffAgainstRevision(values.base, {
            cwd: ctx.cwd,
            specsDir: ctx.specsDir,
            api: values.api,
            ...side,
          })
        : [await diffPair(positionals[0] as string, positionals[1] as string, ctx.cwd, side)];

    for (const stale of applyIgnores(reports, entries)) {
      const where = [stale.operation, stale.pointer, stale.api].filter((x) => x !== undefined).join(" ");
      ctx.term.err([
        paint("yellow", "warning"),
        ` ignore entry ${stale.id}${where ? ` (${where})` : ""} matches no change: remove it`,
      ]);
    }

    // JSON and markdown escape what they quote for their medium: their line breaks are their own.
    const lines =
      format === "json"
        ? (await import("../diff/format/json.ts")).formatJson(reports).split("\n")
        : format === "markdown"
          ? (await import("../diff/format/markdown.ts")).formatMarkdown(reports).split("\n")
          : (await import("../diff/format/text.ts")).formatText(reports);
    for (const line of lines) ctx.term.out(line);

    const summary = summarize(reports);
    const failing = failOn === "never" ? 0 : summary.breaking + (failOn === "warning" ? summary.warning : 0);
    return failing > 0 ? 1 : 0;
  },
};
