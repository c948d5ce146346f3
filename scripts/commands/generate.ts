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
import { packageNameFromTitle } from "../generate/package-name.ts";
import { readManifest } from "../scrape/manifest.ts";
import { listApis } from "./api-folders.ts";
import type { Command, CommandContext } from "./command.ts";

const HELP = `Usage:
  specsmith generate [--api NAME] [--check]
  specsmith generate SPEC --out DIR [--name PACKAGE] [--check]

Turns an OpenAPI 3.0 or 3.1 spec (JSON or YAML) into a typed client package: types, a fetch client with
retries, timeouts, typed errors and pagination, built from templates/.

Without SPEC, generates every specs/<api>/openapi.yaml into generated/<api>/, named by the package in
specs/<api>/api.yaml.

Options:
  --api NAME       only this API folder under specs/
  --out DIR        (with SPEC) the package folder to write
  --name PACKAGE   (with SPEC) the npm package name (default: from the spec's title)
  --check          write nothing; exit 1 if any package differs from what would be generated
  --specs DIR      the specs folder (default: ./specs)
  -h, --help       this help

Each package is written in one atomic swap. Exit 0 on success, 1 when --check finds stale output, 2 on
bad usage or an unreadable or invalid spec.

Examples:
  specsmith generate
  specsmith generate --check
  specsmith generate api.json --out clients/acme --name @acme/client`;

interface Job {
  spec: string;
  outDir: string;
  packageName: string;
}

/** What a render depends on besides the input files. */
function requestKey(job: Job): string {
  return JSON.stringify({ packageName: job.packageName, specName: basename(job.spec) });
}

/** Spec problems (from loading or rendering), one line each: file#pointer and what is wrong. */
function printWarnings(
  ctx: CommandContext,
  spec: string,
  warnings: readonly { pointer: string; message: string }[],
): void {
  for (const w of warnings) {
    ctx.term.err(
      `${paint(ctx.term, "yellow", "warning")} ${relative(ctx.cwd, spec)}#${w.pointer}: ${w.message}`,
    );
  }
}

async function folderJobs(
  ctx: CommandContext,
  api: string | undefined,
  generatedDir: string,
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
    );
    jobs.push({ spec, outDir: join(generatedDir, name), packageName: manifest.package });
  }
  return jobs;
}

export const generateCommand: Command = {
  name: "generate",
  summary: "OpenAPI 3.0/3.1 spec -> typed TypeScript client package",
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
        check: { type: "boolean" },
      },
    });
    let jobs: Job[];
    if (positionals.length > 0) {
      if (positionals.length > 1) throw new UsageError("generate takes one SPEC at a time");
      if (!values.out) throw new UsageError("generating from a spec file needs --out DIR");
      const spec = resolve(ctx.cwd, positionals[0] as string);
      jobs = [{ spec, outDir: resolve(ctx.cwd, values.out), packageName: values.name ?? "" }];
    } else {
      if (values.out || values.name) throw new UsageError("--out and --name go with a SPEC file");
      jobs = await folderJobs(ctx, values.api, resolve(ctx.cwd, "generated"));
    }
    const rendered: { job: Job; files: RenderedFile[]; sources: { path: string; hash: string }[] }[] = [];
    let unchanged = 0;
    for (const [i, job] of jobs.entries()) {
      ctx.term.progress(`generating ${relative(ctx.cwd, job.outDir)} (${i + 1}/${jobs.length})`);
      // Nothing changed since the last run (generator, inputs, output on disk): skip the render.
      if (await isFresh(job.outDir, job.spec, requestKey(job))) {
        unchanged++;
        continue;
      }
      // Loaded only when something must be rendered: they take most of a run's start-up time.
      const { loadSpec } = await import("../generate/load/index.ts");
      const { renderPackage } = await import("../generate/render-package.ts");
      const loaded = await loadSpec(job.spec, { displayName: relative(ctx.cwd, job.spec) });
      printWarnings(ctx, job.spec, loaded.warnings);
      const packageName =
        job.packageName ||
        packageNameFromTitle((loaded.document.info as { title?: unknown } | undefined)?.title);
      const { files, warnings } = await namingFile(relative(ctx.cwd, job.spec), () =>
        renderPackage({
          document: loaded.document,
          packageName,
          specName: basename(job.spec),
          specHash: loaded.hash,
        }),
      );
      printWarnings(ctx, job.spec, warnings);
      rendered.push({ job, files, sources: loaded.sources });
    }
    ctx.term.clearProgress();
    const { diffPackage, writePackage } = await import("../generate/write-package.ts");
    if (values.check) {
      let stale = 0;
      for (const { job, files } of rendered) {
        const diff = await diffPackage(job.outDir, files);
        stale += diff.length;
        for (const d of diff)
          ctx.term.err(`${paint(ctx.term, "red", "stale")} ${relative(ctx.cwd, join(job.outDir, d))}`);
      }
      if (stale > 0) {
        ctx.term.err("generated output is out of date: run specsmith generate");
        return 1;
      }
      ctx.term.out(`${jobs.length} package(s) up to date`);
      return 0;
    }
    for (const { job, files, sources } of rendered) {
      await writePackage(job.outDir, files);
      await recordStamp(job.outDir, requestKey(job), sources, files);
      ctx.term.out(
        `${paint(ctx.term, "green", "generated")} ${relative(ctx.cwd, job.outDir) || "."} (${files.length} files)`,
      );
    }
    if (unchanged > 0) ctx.term.out(`${unchanged} package(s) unchanged`);
    return 0;
  },
};
