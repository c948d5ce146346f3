// The scrape pipeline for one API: pages -> detected extractor -> fragments -> merge -> overlay ->
// validation -> YAML and report. Nothing is written here; the caller writes the outputs atomically once
// every API of the run has succeeded.
import type { Diagnostic, Page, PageFragment } from "./fragment.ts";
import { UserError } from "../lib/errors.ts";
import { chooseExtractor } from "./extractors/index.ts";
import { mergePages } from "./merge/merge.ts";
import { applyOverlay, type Overlay } from "./overlay.ts";
import { renderReport, type CrawledPage } from "./report.ts";
import { toDeterministicYaml } from "./emit.ts";
import { checkSpec, type CheckProblem } from "./spec-checks.ts";
import { validateOpenApi } from "./validate.ts";

export interface ScrapeMeta {
  title?: string;
  version: string;
  description?: string;
  servers: { url: string; description?: string }[];
  /** Capture URLs by page file, for the report. */
  urls?: Map<string, string>;
  specFile: string;
  /** Warnings from reading the pages: pages skipped for a limit, bytes that are not UTF-8. */
  readWarnings?: Diagnostic[];
  /** Pages a crawl found and did not keep, for the report's undocumented operations. */
  crawled?: readonly CrawledPage[];
}

export interface ScrapeResult {
  document: Record<string, unknown>;
  yaml: string;
  report: string;
  warnings: Diagnostic[];
  operationCount: number;
}

export interface Extracted {
  fragment: PageFragment;
  extractor: string;
  score: number;
}

function documentsNothing(fragment: PageFragment): boolean {
  return fragment.operations.length === 0 && fragment.listedOperations.length === 0;
}

/** At most this many page names in one message; a whole site's pages would drown the message. */
const NAMED_PAGES = 5;

/** "a.md, b.md" or "a.md, ... e.md and 12 more". */
export function pageList(files: readonly string[]): string {
  const named = files.slice(0, NAMED_PAGES).join(", ");
  return files.length > NAMED_PAGES ? `${named} and ${files.length - NAMED_PAGES} more` : named;
}

function noApiMessage(extractor: string): string {
  return (
    `documents no API: no operation (method and path, or an operation heading with parameters) was found ` +
    `(read as "${extractor}")`
  );
}

/**
 * Reads every page. Among many pages, one that documents nothing (a site index, a guide) is a warning on
 * that page, not a failure: a captured site has such pages. A run in which no page documents an operation
 * fails, naming the pages.
 */
export function extractAll(pages: Page[]): Extracted[] {
  const extracted = pages.map((page) => {
    const { extractor, score } = chooseExtractor(page);
    return { fragment: extractor.extract(page), extractor: extractor.name, score };
  });
  if (!extracted.some((e) => e.fragment.operations.length > 0)) {
    const empty = extracted.filter((e) => documentsNothing(e.fragment));
    const first = empty[0];
    if (first) {
      const others =
        empty.length > 1 ? `; so do ${pageList(empty.slice(1).map((e) => e.fragment.file))}` : "";
      throw new UserError(`${noApiMessage(first.extractor)}${others}`, first.fragment.file);
    }
    throw new UserError("no page documents an operation: nothing to build a spec from", pages[0]?.file);
  }
  for (const e of extracted) {
    if (documentsNothing(e.fragment)) {
      e.fragment.warnings.push({ file: e.fragment.file, message: `${noApiMessage(e.extractor)}; skipped` });
    }
  }
  return extracted;
}

/**
 * Exits 2 (a UserError) naming the failed checks and the pages behind them. Without `overlayFile` the
 * fault is the scraper's: a bug to report with those pages, never a file to write.
 */
function refuseFailedChecks(failed: CheckProblem[], overlayFile?: string): void {
  const first = failed[0];
  if (!first) return;
  const list = failed
    .slice(0, 10)
    .map((p) => `${p.check}: ${p.detail}${p.pages.length > 0 ? ` (pages: ${pageList(p.pages)})` : ""}`)
    .join("; ");
  const blame = overlayFile
    ? "after the overlay"
    : "(a bug in specsmith's scraper: please report it with these pages)";
  throw new UserError(
    `the scraped spec fails ${failed.length} check(s) ${blame}, so nothing is written: ${list}`,
    overlayFile ?? first.pages[0],
  );
}

export async function scrapePages(
  pages: Page[],
  meta: ScrapeMeta,
  overlay?: { overlay: Overlay; file: string },
): Promise<ScrapeResult> {
  const extracted = extractAll(pages);
  const fragments = extracted.map((e) => e.fragment);
  const title = meta.title ?? fragments.find((f) => f.title)?.title ?? "Scraped API";
  const merge = mergePages({
    title,
    version: meta.version,
    servers: meta.servers,
    pages: fragments,
    ...(meta.description ? { description: meta.description } : {}),
  });
  // Checked before the overlay so that a failure is blamed where it arose: on the scraper, naming the
  // pages, or on the overlay. An overlay may also correct what the scraper got wrong.
  const scraped = checkSpec(merge.document, fragments, merge);
  if (!overlay) refuseFailedChecks(scraped);
  let overlayOutcome: { file: string; applied: number; unmatched: string[] } | undefined;
  const warnings = [
    ...(meta.readWarnings ?? []),
    ...fragments.flatMap((f) => f.warnings),
    ...merge.log.warnings,
  ];
  if (overlay) {
    const outcome = applyOverlay(merge.document, overlay.overlay, overlay.file);
    overlayOutcome = {
      file: overlay.file,
      applied: outcome.applied,
      unmatched: outcome.unmatched.map((a) => a.target),
    };
    for (const a of outcome.unmatched) {
      warnings.push({ file: overlay.file, message: `overlay target matched nothing: ${a.target}` });
    }
  }
  if (overlay) {
    const corrected = checkSpec(merge.document, fragments, merge);
    refuseFailedChecks(corrected, scraped.length > 0 ? undefined : overlay.file);
  }
  const problems = validateOpenApi(merge.document);
  if (problems.length > 0) {
    const list = problems.map((p) => `${p.pointer}: ${p.message}`).join("; ");
    if (overlay)
      throw new UserError(`the spec is not valid OpenAPI 3.1 after the overlay: ${list}`, overlay.file);
    throw new Error(`specsmith built an invalid OpenAPI document for ${meta.specFile} (a bug): ${list}`);
  }
  const report = renderReport({
    title,
    specFile: meta.specFile,
    pages: extracted.map((e) => {
      const url = meta.urls?.get(e.fragment.file);
      return url ? { ...e, url } : e;
    }),
    merge,
    readWarnings: meta.readWarnings ?? [],
    ...(overlayOutcome ? { overlay: overlayOutcome } : {}),
    ...(meta.crawled ? { crawled: meta.crawled } : {}),
  });
  return {
    document: merge.document,
    yaml: toDeterministicYaml(merge.document),
    report,
    warnings,
    operationCount: merge.operations.length,
  };
}
