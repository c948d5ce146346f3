// specsmith scrape: rebuild openapi.yaml and report.md for every API under specs/ (or one with --api),
// or scrape loose pages into a spec with --out.
import { parseArgs } from "node:util";
import { join, relative, resolve } from "node:path";
import { replaceOutputs, withOutputLocks, type OutputFile } from "../lib/atomic-write.ts";
import { UsageError } from "../lib/errors.ts";
import { refuseOutputsOverInputs } from "../lib/output-paths.ts";
import { paint } from "../lib/terminal.ts";
import { formatSource } from "../scrape/merge/merge-log.ts";
import type { Diagnostic } from "../scrape/fragment.ts";
import { selectApis } from "../lib/api-folders.ts";
import type { Command, CommandContext } from "./command.ts";
import { inputLimits, PAGE_BYTES_OPTION, SPEC_BYTES_OPTION } from "./input-options.ts";

const HELP = `Usage:
  specsmith scrape [--api NAME]
  specsmith scrape PAGE... --out FILE [--report FILE] [--title TITLE] [--version VERSION]

Reads documentation pages and writes a normalized OpenAPI 3.1 spec and a report of where every fact
came from.

Without pages, scrapes every API under specs/ (each folder with an api.yaml), writing
specs/<api>/openapi.yaml and specs/<api>/report.md. With pages, scrapes just those pages.

Options:
  --api NAME        only this API folder under specs/
  --out FILE        (with pages) where to write the spec
  --report FILE     (with pages) where to write the report (default: beside --out, report.md)
  --title TITLE     (with pages) info.title (default: the first page's title)
  --version VERSION (with pages) info.version (default: 0.0.0)
  --max-page-bytes SIZE
                    the largest page to read, e.g. 64MiB (default 16MiB)
  --max-spec-bytes SIZE
                    the largest api.yaml or overlay to read (default 128MiB)
  --specs DIR       the specs folder (default: ./specs)
  -h, --help        this help

Only regular files are read, and only from inside the API folder. A page larger than the limit (or a FIFO,
a device) is skipped with a warning naming it; bytes that are not UTF-8 are warned about with their line.
Outputs are written only when every API succeeds; each spec and its report are replaced together in one
journaled swap, under a lock per file (a second run waits up to 30 s, SPECSMITH_LOCK_WAIT=SECONDS), and
a run killed part-way is finished or undone by the next one. An output may not be one of the pages, and
--report may not be --out. Exit 0 on success, 2 on bad usage or bad input (a missing, empty, binary or
API-less page; no page that could be read; a broken manifest or overlay; an output over an input).

Examples:
  specsmith scrape
  specsmith scrape --api verifa
  specsmith scrape captures/*.html --out api.yaml --report api.report.md`;

function printWarnings(ctx: CommandContext, warnings: Diagnostic[], prefix: string): void {
  for (const w of warnings) {
    ctx.term.err([paint("yellow", "warning"), ` ${prefix}${formatSource(w)}: ${w.message}`]);
  }
}

async function scrapeLoosePages(
  pages: string[],
  values: Record<string, unknown>,
  ctx: CommandContext,
): Promise<number> {
  const out = values.out as string | undefined;
  if (!out) throw new UsageError("scraping pages needs --out FILE (where to write the spec)");
  const outPath = resolve(ctx.cwd, out);
  const reportPath = resolve(
    ctx.cwd,
    (values.report as string | undefined) ?? out.replace(/(\.ya?ml|\.json)?$/, ".report.md"),
  );
  const pagePaths = pages.map((p) => resolve(ctx.cwd, p));
  await refuseOutputsOverInputs(
    [
      { path: outPath, flag: "--out" },
      { path: reportPath, flag: "--report" },
    ],
    pagePaths,
    ctx.cwd,
  );
  return withOutputLocks([outPath, reportPath], async () => {
    // The scraper (cheerio, mdast, the OpenAPI validator) is loaded only when a command needs it, so
    // `specsmith --help` and other commands start fast.
    const { readPages } = await import("../scrape/read-page.ts");
    const { scrapePages } = await import("../scrape/scrape-pages.ts");
    const read = await readPages(
      pages.map((p, i) => ({ path: pagePaths[i] as string, display: p })),
      inputLimits(values).page,
    );
    const result = await scrapePages(read.pages, {
      version: (values.version as string | undefined) ?? "0.0.0",
      servers: [],
      specFile: relative(ctx.cwd, outPath),
      readWarnings: read.warnings,
      ...(values.title ? { title: values.title as string } : {}),
    });
    printWarnings(ctx, result.warnings, "");
    await replaceOutputs([
      { path: outPath, content: result.yaml },
      { path: reportPath, content: result.report },
    ]);
    ctx.term.out([
      paint("green", "wrote"),
      ` ${relative(ctx.cwd, outPath)} (${result.operationCount} operations) and ${relative(ctx.cwd, reportPath)}`,
    ]);
    return 0;
  });
}

async function scrapeFolders(values: Record<string, unknown>, ctx: CommandContext): Promise<number> {
  const limits = inputLimits(values);
  const apis = await selectApis(ctx.specsDir, values.api as string | undefined);
  const { scrapeApi, OUTPUT_NAMES } = await import("../scrape/scrape-api.ts");
  const targets = apis.flatMap((name) => OUTPUT_NAMES.map((file) => join(ctx.specsDir, name, file)));
  return withOutputLocks(targets, async () => {
    const batches: OutputFile[][] = [];
    const summaries: string[] = [];
    for (const [i, name] of apis.entries()) {
      ctx.term.progress(`scraping ${name} (${i + 1}/${apis.length})`);
      const scraped = await scrapeApi(ctx.specsDir, name, ctx.cwd, limits);
      await refuseOutputsOverInputs(
        scraped.outputs.map((o) => ({ path: o.path, flag: "the output" })),
        scraped.inputs,
        ctx.cwd,
      );
      printWarnings(ctx, scraped.result.warnings, `specs/${name}/`);
      batches.push(scraped.outputs);
      summaries.push(
        `${name}: ${scraped.result.operationCount} operations from ${scraped.manifest.pages.length} pages`,
      );
    }
    ctx.term.clearProgress();
    // Every API succeeded: only now replace the previous outputs, each API's spec and report together.
    for (const batch of batches) await replaceOutputs(batch);
    for (const s of summaries) ctx.term.out([paint("green", "scraped"), " ", s]);
    return 0;
  });
}

export const scrapeCommand: Command = {
  help: HELP,
  async run(args, ctx) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        api: { type: "string" },
        out: { type: "string" },
        report: { type: "string" },
        title: { type: "string" },
        version: { type: "string" },
        ...PAGE_BYTES_OPTION,
        ...SPEC_BYTES_OPTION,
      },
    });
    if (positionals.length > 0) {
      if (values.api) throw new UsageError("--api and page files cannot be used together");
      return scrapeLoosePages(positionals, values, ctx);
    }
    for (const flag of ["out", "report", "title", "version"] as const) {
      if (values[flag] !== undefined)
        throw new UsageError(`--${flag} goes with page files (specsmith scrape PAGE... --out FILE)`);
    }
    return scrapeFolders(values, ctx);
  },
};
