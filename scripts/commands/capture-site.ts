// `specsmith capture --api NAME --from URL` and `specsmith capture URL --out DIR`: crawl a documentation
// site (scripts/capture/crawl.ts), keep the pages that document an API and write them, capture.json and
// api.yaml in one journaled batch. Exit 0 when pages were kept (pages that failed are warnings and keep
// their earlier copy); 2 when the site could not be reached or no page documents an API (nothing written).
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { withOutputLocks, writeOutputs, type OutputFile } from "../lib/atomic-write.ts";
import { CAPTURE_RECORD, readCaptureRecord } from "../lib/capture-record.ts";
import { UsageError, UserError } from "../lib/errors.ts";
import { readInputFile, type SizeLimit } from "../lib/read-input.ts";
import { paint } from "../lib/terminal.ts";
import { crawl, type CrawlResult } from "../capture/crawl.ts";
import { newManifestText, updateManifestPages } from "../capture/manifest-pages.ts";
import { planSave, type SavePlan } from "../capture/save-capture.ts";
import { SiteFetcher } from "../capture/site-fetcher.ts";
import { UrlScope } from "../capture/url-scope.ts";
import { fileInApiFolder, readManifest } from "../scrape/manifest.ts";
import type { CommandContext } from "./command.ts";

export interface SiteOptions {
  from: string;
  /** The API folder's name (capture --api NAME --from URL), or... */
  api?: string;
  /** ...the folder for loose pages (capture URL --out DIR). */
  out?: string;
  maxPages: number;
  maxDepth: number;
  include: string[];
  exclude: string[];
  /** Request headers for docs behind a login: sent to the site only, never printed or written. */
  headers: Record<string, string>;
  prune: boolean;
  timeoutMs: number;
  pageLimit: SizeLimit;
  specLimit: SizeLimit;
}

/** Pages fetched at once; the site fetcher holds them to its own per-host limit. */
export const CRAWL_CONCURRENCY = 4;
/** Pages written and skipped that the summary names; capture.json lists them all. */
const WRITTEN_SHOWN = 20;
const SKIPPED_SHOWN = 10;

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * The headers of --header "Name: value" and --cookie "name=value". A malformed one is refused without
 * echoing it: it may hold a secret.
 */
export function loginHeaders(headers: readonly string[], cookies: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [i, header] of headers.entries()) {
    const colon = header.indexOf(":");
    const name = colon > 0 ? header.slice(0, colon).trim() : "";
    const value = header.slice(colon + 1).trim();
    if (!TOKEN.test(name) || /[\r\n\0]/.test(value))
      throw new UsageError(
        `--header number ${i + 1} must be "Name: value" (a header name, then a value on one line)`,
      );
    out[name.toLowerCase()] = value;
  }
  if (cookies.some((c) => /[\r\n\0]/.test(c) || !c.includes("=")))
    throw new UsageError(`--cookie must be "name=value" on one line`);
  if (cookies.length > 0) out.cookie = [out.cookie, ...cookies].filter(Boolean).join("; ");
  return out;
}

export function startUrl(text: string): URL {
  const url = URL.canParse(text) ? new URL(text) : undefined;
  if (url?.protocol !== "http:" && url?.protocol !== "https:")
    throw new UsageError(`the start URL must be an http(s) URL: ${JSON.stringify(text.slice(0, 200))}`);
  if (url.username || url.password)
    throw new UsageError("the start URL may not hold a user name or password: use --header or --cookie");
  url.hash = "";
  return url;
}

interface Place {
  folder: string;
  display: string;
  pagesPrefix: string;
  manifestPath?: string;
  manifestText?: string;
  listed: Set<string>;
}

async function placeOf(options: SiteOptions, ctx: CommandContext): Promise<Place> {
  if (options.out !== undefined) {
    const folder = resolve(ctx.cwd, options.out);
    return { folder, display: relative(ctx.cwd, folder) || ".", pagesPrefix: "", listed: new Set() };
  }
  const name = options.api as string;
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name))
    throw new UsageError(
      `--api must be a folder name (letters, digits, ".", "_", "-"): ${JSON.stringify(name)}`,
    );
  const folder = join(ctx.specsDir, name);
  const manifestPath = join(folder, "api.yaml");
  const display = relative(ctx.cwd, folder) || folder;
  if (!existsSync(manifestPath))
    return { folder, display, pagesPrefix: "pages/", manifestPath, listed: new Set() };
  const shown = relative(ctx.cwd, manifestPath);
  const manifest = await readManifest(manifestPath, shown, name, options.specLimit);
  const manifestText = readInputFile(manifestPath, shown, "manifest", options.specLimit).toString("utf8");
  return {
    folder,
    display,
    pagesPrefix: "pages/",
    manifestPath,
    manifestText,
    listed: new Set(manifest.pages.map((p) => p.file)),
  };
}

export async function captureSite(options: SiteOptions, ctx: CommandContext): Promise<number> {
  const start = startUrl(options.from);
  const scope = new UrlScope(start, options.include, options.exclude);
  const place = await placeOf(options, ctx);
  const recordFile = `${place.pagesPrefix}${CAPTURE_RECORD}`;
  const recordDisplay = join(place.display, recordFile);
  const previous = readCaptureRecord(
    fileInApiFolder(place.folder, recordFile, recordDisplay),
    recordDisplay,
    options.specLimit,
  );
  const fetcher = new SiteFetcher({
    root: start,
    timeoutMs: options.timeoutMs,
    limit: options.pageLimit,
    headers: options.headers,
  });
  const result = await crawl({
    scope,
    fetcher,
    maxPages: options.maxPages,
    maxDepth: options.maxDepth,
    concurrency: CRAWL_CONCURRENCY,
    ...(previous ? { previous } : {}),
    readSaved: (page) => {
      const path = fileInApiFolder(place.folder, page.file, join(place.display, page.file));
      return existsSync(path)
        ? readInputFile(path, join(place.display, page.file), "page", options.pageLimit).toString("utf8")
        : undefined;
    },
    onProgress: (c) =>
      ctx.term.progress(`capturing ${start.href}: ${c.found} found, ${c.fetched} fetched, ${c.kept} kept`),
  });
  ctx.term.clearProgress();
  for (const w of result.warnings) ctx.term.err([paint("yellow", "warning"), " ", w]);
  offerOpenApi(result, options, ctx);
  if (!result.reachedSite)
    throw new UserError(
      `could not fetch a page of the site${result.warnings[0] ? ` (${result.warnings[0]})` : ""}: nothing written`,
      start.href,
    );
  const plan = planSave(
    result,
    start.href,
    previous,
    {
      folder: place.folder,
      pagesPrefix: place.pagesPrefix,
      listed: place.listed,
      display: place.display,
      limit: options.pageLimit,
      scopePrefix: scope.prefix,
    },
    { prune: options.prune },
  );
  for (const w of plan.warnings) ctx.term.err([paint("yellow", "warning"), " ", w]);
  if (plan.record.pages.length === 0) {
    printSkipped(plan, ctx);
    throw new UserError(
      "no page of the site documents an API (see the pages skipped above): nothing written",
      start.href,
    );
  }
  const outputs: OutputFile[] = [...plan.outputs];
  if (place.manifestPath) {
    const name = options.api as string;
    const shown = relative(ctx.cwd, place.manifestPath);
    outputs.push({
      path: place.manifestPath,
      content: updateManifestPages(place.manifestText ?? newManifestText(name, start.href), shown, name, {
        pages: plan.pages,
        removed: plan.removed,
      }),
    });
  }
  // One journaled batch: a killed capture leaves the old pages, capture.json and api.yaml, or all the new.
  await writeOutputs(outputs);
  if (plan.prune.length > 0) {
    await withOutputLocks(plan.prune, async () => {
      for (const path of plan.prune) await rm(path, { force: true });
    });
  }
  printSummary(plan, start, place, ctx);
  return 0;
}

function offerOpenApi(result: CrawlResult, options: SiteOptions, ctx: CommandContext): void {
  for (const url of [...result.openapi].sort()) {
    ctx.term.out([paint("green", "this site publishes its OpenAPI document"), ": ", url]);
    const name = options.api ?? "NAME";
    ctx.term.out(
      `  a published spec beats a scraped one; to build the client from it: curl -fsSL ${JSON.stringify(url)} -o ${name}.openapi && npx specsmith generate ${name}.openapi --out generated/${name}`,
    );
  }
}

function printSkipped(plan: SavePlan, ctx: CommandContext): void {
  const skipped = plan.record.skipped;
  if (skipped.length === 0) return;
  ctx.term.out(`skipped ${skipped.length} page(s), not saved:`);
  for (const s of [...skipped].sort((a, b) => (a.url < b.url ? -1 : 1)).slice(0, SKIPPED_SHOWN))
    ctx.term.out(`  ${s.url}: ${s.reason}`);
  if (skipped.length > SKIPPED_SHOWN) ctx.term.out(`  and ${skipped.length - SKIPPED_SHOWN} more`);
}

function printSummary(plan: SavePlan, start: URL, place: Place, ctx: CommandContext): void {
  const { counts } = plan;
  for (const file of plan.written.slice(0, WRITTEN_SHOWN))
    ctx.term.out([paint("green", "captured"), " ", join(place.display, file)]);
  if (plan.written.length > WRITTEN_SHOWN)
    ctx.term.out(`  and ${plan.written.length - WRITTEN_SHOWN} more pages`);
  printSkipped(plan, ctx);
  ctx.term.out(
    `${plan.record.pages.length} page(s) from ${start.href} in ${join(place.display, place.pagesPrefix) || "."}: ` +
      `${counts.new} new, ${counts.changed} changed, ${counts.unchanged} unchanged, ${counts.gone} gone` +
      `${plan.prune.length > 0 ? ` (${plan.prune.length} pruned)` : ""}, ${counts.failed} failed; ` +
      `listed in ${join(place.display, place.pagesPrefix, CAPTURE_RECORD)}`,
  );
  if (place.manifestPath)
    ctx.term.out(
      "to see the spec diff a reviewer will see: npm run generate && npx specsmith diff --base HEAD",
    );
  else
    ctx.term.out(
      "to scrape them: npx specsmith scrape PAGE... --out openapi.yaml (the pages capture.json lists)",
    );
}
