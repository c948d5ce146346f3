// specsmith generate: every spec under specs/ into a package under generated/<api>/, or any spec with
// --out; --check fails (exit 1) when the committed output is not what the generator makes now.
import { parseArgs } from "node:util";
import { basename, join, relative, resolve } from "node:path";
import { access } from "node:fs/promises";
import { namingFile } from "../lib/depth.ts";
import { UsageError } from "../lib/errors.ts";
import { paint } from "../lib/terminal.ts";
import type { RenderedFile } from "../generate/render-package.ts";
import { isFresh, recordStamp } from "../generate/freshness.ts";
import { isPackageName, packageNameFromTitle } from "../lib/package-name.ts";
import { ENV_VAR_NAME, readManifest } from "../scrape/manifest.ts";
import type { EnvOverrides } from "../generate/model/security.ts";
import { listApis } from "../lib/api-folders.ts";
import type { Command, CommandContext } from "./command.ts";
import {
  allowedRefDirs,
  inputLimits,
  REF_DIR_OPTION,
  SPEC_BYTES_OPTION,
  type InputLimits,
} from "./input-options.ts";

const HELP = `Usage:
  specsmith generate [--api NAME] [--check] [--force]
  specsmith generate SPEC --out DIR [--name PACKAGE] [--env-prefix PREFIX] [--no-build] [--check] [--force]

Turns an OpenAPI 3.0 or 3.1 spec (JSON or YAML) into a typed client package: types, a fetch client with
retries, timeouts, typed errors and pagination, built from templates/.

Without SPEC, generates every specs/<api>/openapi.yaml into generated/<api>/, named by the package in
specs/<api>/api.yaml. Those are the project's npm workspaces: \`npm run build:generated\` builds them (as
\`npm run generate\` does), and a package npm has not linked yet is named with the command that links it.
With SPEC, the package is built too (dist/: ESM and CommonJS, with the TypeScript compiler specsmith
ships), so it imports as is.

Options:
  --api NAME       only this API folder under specs/
  --out DIR        (with SPEC) the package folder to write
  --name PACKAGE   (with SPEC) the npm package name (default: from the spec's title)
  --no-build       (with SPEC) write the sources only, without building dist/
  --env-prefix PREFIX
                   (with SPEC) the prefix of the environment variables the client reads: OPENAI gives
                   OPENAI_API_KEY and OPENAI_BASE_URL (default: from the first server's host or the
                   title; for an API folder, set env: in api.yaml)
  --check          write nothing; exit 1 if any package differs from what would be generated
  --force          replace an output folder that holds files specsmith did not write (.git and
                   node_modules/ are kept; a folder holding the spec or the working folder never is)
  --allow-ref-dir DIR
                   a folder $refs may read files from besides the spec's own folder tree (repeatable)
  --max-spec-bytes SIZE
                   the largest spec file (and file its $refs read) to read, e.g. 256MiB (default 128MiB)
  --specs DIR      the specs folder (default: ./specs)
  -h, --help       this help

A spec's $refs read only files in its own folder tree (symbolic links that lead out of it count as
outside) and never fetch http(s) URLs. A spec nested deeper than 256 levels, or whose YAML aliases
expand it far beyond its size, is refused.

Each package carries .specsmith-manifest.json, the files generate wrote and their sha256. An existing
folder is replaced only when it is empty or holds nothing but those files (and .git, node_modules/, dist/
built from src/); otherwise the run stops with exit 2 naming what else is there. Each package is written
in one atomic swap under a lock: a second run on the same folder waits up to 30 s (SPECSMITH_LOCK_WAIT=
SECONDS) for the first, and a run killed part-way is finished or undone by the next one.

Exit 0 on success, 1 when --check finds stale output, 2 on bad usage, an unreadable or invalid spec, or
an output folder that may not be replaced.

Examples:
  specsmith generate
  specsmith generate --check
  specsmith generate api.json --out clients/acme --name @acme/client`;

interface Job {
  spec: string;
  outDir: string;
  packageName: string;
  /** From api.yaml `idempotency.header`. */
  idempotencyHeader?: string;
  /** A package of the project's workspaces (generated/<api>/), not one of `--out`. */
  workspace?: boolean;
  /** From api.yaml `env:` or `--env-prefix`. */
  env?: EnvOverrides;
}

/** What a render depends on besides the input files. */
function requestKey(job: Job, allowRefDirs: readonly string[]): string {
  // The allowed folders change which specs load at all: a package rendered with a folder allowed is not
  // fresh for a run that does not allow it.
  const allowed = allowRefDirs.length > 0 ? { allowRefDirs: [...allowRefDirs].sort() } : {};
  // api.yaml's idempotency header changes the client, so a package made without it is not fresh.
  const idempotency = job.idempotencyHeader !== undefined ? { idempotencyHeader: job.idempotencyHeader } : {};
  return JSON.stringify({
    packageName: job.packageName,
    specName: basename(job.spec),
    ...allowed,
    ...idempotency,
    // The environment variable names change the client too.
    ...(job.env !== undefined ? { env: job.env } : {}),
  });
}

/** Spec problems (from loading or rendering), one line each: file#pointer and what is wrong. */
function printWarnings(
  ctx: CommandContext,
  spec: string,
  warnings: readonly { pointer: string; message: string }[],
): void {
  for (const w of warnings) {
    ctx.term.err([paint("yellow", "warning"), ` ${relative(ctx.cwd, spec)}#${w.pointer}: ${w.message}`]);
  }
}

async function folderJobs(
  ctx: CommandContext,
  api: string | undefined,
  generatedDir: string,
  limits: InputLimits,
): Promise<Job[]> {
  const apis = await listApis(ctx.specsDir);
  if (api && !apis.includes(api)) throw new UsageError(`no API named "${api}" (known: ${apis.join(", ")})`);
  const jobs: Job[] = [];
  for (const name of api ? [api] : apis) {
    const spec = join(ctx.specsDir, name, "openapi.yaml");
    try {
      await access(spec);
    } catch {
      continue; // not scraped yet
    }
    const manifest = await readManifest(
      join(ctx.specsDir, name, "api.yaml"),
      relative(ctx.cwd, join(ctx.specsDir, name, "api.yaml")),
      name,
      limits.spec,
    );
    jobs.push({
      spec,
      outDir: join(generatedDir, name),
      packageName: manifest.package,
      workspace: true,
      ...(manifest.idempotency ? { idempotencyHeader: manifest.idempotency.header } : {}),
      ...(manifest.env
        ? { env: { ...manifest.env, source: relative(ctx.cwd, join(ctx.specsDir, name, "api.yaml")) } }
        : {}),
    });
  }
  return jobs;
}

export const generateCommand: Command = {
  help: HELP,
  async run(args, ctx) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        api: { type: "string" },
        out: { type: "string" },
        name: { type: "string" },
        "env-prefix": { type: "string" },
        check: { type: "boolean" },
        force: { type: "boolean" },
        "no-build": { type: "boolean" },
        ...REF_DIR_OPTION,
        ...SPEC_BYTES_OPTION,
      },
    });
    const limits = inputLimits(values);
    const allowRefDirs = allowedRefDirs(values, ctx.cwd);
    let jobs: Job[];
    if (positionals.length > 0) {
      if (positionals.length > 1) throw new UsageError("generate takes one SPEC at a time");
      if (!values.out) throw new UsageError("generating from a spec file needs --out DIR");
      if (values.name !== undefined && !isPackageName(values.name))
        throw new UsageError(`--name is not a valid npm package name: ${JSON.stringify(values.name)}`);
      const prefix = values["env-prefix"];
      if (prefix !== undefined && !ENV_VAR_NAME.test(prefix))
        throw new UsageError(
          `--env-prefix must be an environment variable name (letters, digits, _): ${JSON.stringify(prefix)}`,
        );
      const spec = resolve(ctx.cwd, positionals[0] as string);
      jobs = [
        {
          spec,
          outDir: resolve(ctx.cwd, values.out),
          packageName: values.name ?? "",
          ...(prefix !== undefined ? { env: { prefix } } : {}),
        },
      ];
    } else {
      if (values.out || values.name || values["no-build"])
        throw new UsageError("--out, --name and --no-build go with a SPEC file");
      if (values["env-prefix"] !== undefined)
        throw new UsageError(
          "--env-prefix goes with a SPEC file; for an API folder, set env: { prefix } in its api.yaml",
        );
      jobs = await folderJobs(ctx, values.api, resolve(ctx.cwd, "generated"), limits);
    }
    // Every output is locked for the whole run (render, check and write), and what a killed run left
    // there is finished or undone first, so freshness and --check look at a complete package.
    const { withOutputLocks } = await import("../lib/atomic-write.ts");
    const check = values.check === true;
    return withOutputLocks(
      jobs.map((j) => j.outDir),
      () =>
        generateJobs(jobs, ctx, {
          check,
          force: values.force === true,
          build: values["no-build"] !== true,
          limits,
          allowRefDirs,
        }),
      { readOnly: check },
    );
  },
};

/** Refuses a folder generate may not replace (output-guard.ts); warns about hand edits it will replace. */
async function guard(
  ctx: CommandContext,
  job: Job,
  sources: readonly { path: string }[],
  force: boolean,
): Promise<void> {
  const { guardPackageFolder } = await import("../generate/output-guard.ts");
  const edited = await guardPackageFolder({
    outDir: job.outDir,
    inputs: sources.map((s) => s.path),
    cwd: ctx.cwd,
    force,
  });
  for (const file of edited) {
    ctx.term.err([
      paint("yellow", "warning"),
      ` ${relative(ctx.cwd, join(job.outDir, file))} was edited after it was generated; the edit will be replaced`,
    ]);
  }
}

async function generateJobs(
  jobs: Job[],
  ctx: CommandContext,
  options: {
    check: boolean;
    force: boolean;
    build: boolean;
    limits: InputLimits;
    allowRefDirs: readonly string[];
  },
): Promise<number> {
  const rendered: { job: Job; files: RenderedFile[]; sources: { path: string; hash: string }[] }[] = [];
  let unchanged = 0;
  for (const [i, job] of jobs.entries()) {
    ctx.term.progress(`generating ${relative(ctx.cwd, job.outDir)} (${i + 1}/${jobs.length})`);
    // Nothing changed since the last run (generator, inputs, output on disk): skip the render.
    if (await isFresh(job.outDir, job.spec, requestKey(job, options.allowRefDirs))) {
      unchanged++;
      continue;
    }
    // First of all, the code file printer starts loading ts-morph on its own thread (0.6-0.7 s), while
    // this one loads the rest, the spec and the model.
    (await import("../generate/print-code-files.ts")).startPrinter();
    // Loaded only when something must be rendered: they take most of a run's start-up time.
    const { renderPackage } = await import("../generate/render-package.ts");
    const { loadSpec } = await import("../spec/index.ts");
    const loaded = await loadSpec(job.spec, {
      displayName: relative(ctx.cwd, job.spec),
      limit: options.limits.spec,
      allowRefDirs: options.allowRefDirs,
    });
    printWarnings(ctx, job.spec, loaded.warnings);
    // Whether the folder may be replaced is settled before rendering, and for every folder before the
    // first is written, so a refusal comes fast and leaves all of them as they were.
    if (!options.check) await guard(ctx, job, loaded.sources, options.force);
    const packageName =
      job.packageName ||
      packageNameFromTitle((loaded.document.info as { title?: unknown } | undefined)?.title);
    const { files, warnings } = await namingFile(relative(ctx.cwd, job.spec), () =>
      renderPackage({
        document: loaded.document,
        packageName,
        specName: basename(job.spec),
        specHash: loaded.hash,
        ...(job.idempotencyHeader !== undefined ? { idempotencyHeader: job.idempotencyHeader } : {}),
        ...(job.env !== undefined ? { env: job.env } : {}),
      }),
    );
    printWarnings(ctx, job.spec, warnings);
    rendered.push({ job, files, sources: loaded.sources });
  }
  ctx.term.clearProgress();
  const { diffPackage, replacePackage } = await import("../generate/write-package.ts");
  if (options.check) {
    let stale = 0;
    for (const { job, files } of rendered) {
      const diff = await diffPackage(job.outDir, files);
      stale += diff.length;
      for (const d of diff)
        ctx.term.err([paint("red", "stale"), " ", relative(ctx.cwd, join(job.outDir, d))]);
    }
    if (stale > 0) {
      ctx.term.err("generated output is out of date: run specsmith generate");
      return 1;
    }
    ctx.term.out(`${jobs.length} package(s) up to date`);
    return 0;
  }
  for (const { job, files, sources } of rendered) {
    await replacePackage(job.outDir, files);
    await recordStamp(job.outDir, requestKey(job, options.allowRefDirs), sources, files);
    ctx.term.out([
      paint("green", "generated"),
      ` ${relative(ctx.cwd, job.outDir) || "."} (${files.length} files)`,
    ]);
  }
  if (unchanged > 0) ctx.term.out(`${unchanged} package(s) unchanged`);
  await buildOrLink(jobs, ctx, options.build);
  return 0;
}

/**
 * A package of `--out` is built (unless --no-build), also when its sources were unchanged (its dist/ may
 * be missing); the build skips a dist/ that is current. The workspace packages are built by
 * `npm run build:generated`, which `npm run generate` runs: here they are only checked for a link.
 */
async function buildOrLink(jobs: readonly Job[], ctx: CommandContext, build: boolean): Promise<void> {
  const standalone = jobs.filter((j) => !j.workspace);
  if (build && standalone.length > 0) {
    // The build loads its own ts-morph here: the printer's copy need not stay in memory meanwhile.
    await (await import("../generate/print-code-files.ts")).stopPrinter();
    const { buildPackage } = await import("../generate/build-package.ts");
    for (const job of standalone) {
      ctx.term.progress(`building ${relative(ctx.cwd, job.outDir) || "."}`);
      const built = await buildPackage(job.outDir);
      ctx.term.clearProgress();
      if (built) ctx.term.out([paint("green", "built"), ` ${relative(ctx.cwd, job.outDir) || "."}/dist`]);
    }
  }
  const { unlinkedWorkspaces } = await import("../generate/workspace-link.ts");
  const unlinked = await unlinkedWorkspaces(
    ctx.cwd,
    // A workspace's name is api.yaml's, known before rendering.
    jobs.filter((j) => j.workspace).map((j) => ({ name: j.packageName, dir: j.outDir })),
  );
  if (unlinked.length > 0) {
    ctx.term.err([
      paint("yellow", "note"),
      ` ${unlinked.join(", ")} ${unlinked.length === 1 ? "is" : "are"} not linked in node_modules yet: run \`npm install\` to link ${unlinked.length === 1 ? "it" : "them"}, then import by name`,
    ]);
  }
}
