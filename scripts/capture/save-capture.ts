// What a crawl writes, decided before anything is written: the new and changed pages, capture.json and
// (for an API folder) api.yaml, as one batch for writeOutputs, and the files --prune deletes afterwards.
// A file is replaced or deleted only when capture.json says capture wrote it and it still holds what
// capture wrote (a page the user edited since is left alone, with a warning); a new page never takes the
// name of a file capture did not write, nor of a page api.yaml lists.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { OutputFile } from "../lib/atomic-write.ts";
import type { CaptureRecord, CapturedPage } from "../lib/capture-record.ts";
import { CAPTURE_RECORD, serializeCaptureRecord } from "../lib/capture-record.ts";
import { readInputFile, type SizeLimit } from "../lib/read-input.ts";
import { fileInApiFolder } from "../scrape/manifest.ts";
import type { CrawlResult, KeptPage } from "./crawl.ts";
import { extensionFor, PageNames, stemFor } from "./page-files.ts";

export interface SaveTarget {
  /** The API folder (or --out folder): page files are relative to it. */
  folder: string;
  /** Where pages go inside it: "pages/" for an API, "" for --out. */
  pagesPrefix: string;
  /** Files api.yaml lists (by hand or by an earlier capture), relative to `folder`. */
  listed: ReadonlySet<string>;
  /** For messages: the folder as the user sees it. */
  display: string;
  limit: SizeLimit;
  /** The crawl's path prefix: file names are made from the path below it. */
  scopePrefix: string;
}

export interface CaptureCounts {
  new: number;
  changed: number;
  unchanged: number;
  gone: number;
  failed: number;
}

export interface SavePlan {
  outputs: OutputFile[];
  record: CaptureRecord;
  /** Absolute paths --prune deletes once the batch is written. */
  prune: string[];
  /** Page entries for api.yaml: the files capture keeps and the URL each was read from. */
  pages: { file: string; url: string }[];
  /** Files whose api.yaml entries go (pruned). */
  removed: Set<string>;
  /** Paths of the pages written in this run, for the summary. */
  written: string[];
  counts: CaptureCounts;
  warnings: string[];
}

const sha256 = (bytes: Buffer | string): string => createHash("sha256").update(bytes).digest("hex");

export function planSave(
  result: CrawlResult,
  from: string,
  previous: CaptureRecord | undefined,
  target: SaveTarget,
  options: { prune: boolean },
): SavePlan {
  const ours = new Set((previous?.pages ?? []).map((p) => p.file));
  const names = new PageNames((name) => {
    const file = target.pagesPrefix + name;
    return target.listed.has(file) || (!ours.has(file) && existsSync(join(target.folder, file)));
  });
  for (const file of ours)
    if (file.startsWith(target.pagesPrefix)) names.keep(file.slice(target.pagesPrefix.length));
  const plan: SavePlan = {
    outputs: [],
    record: { from, pages: [], skipped: [...result.skipped], openapi: [...result.openapi] },
    prune: [],
    pages: [],
    removed: new Set(),
    written: [],
    counts: { new: 0, changed: 0, unchanged: 0, gone: 0, failed: 0 },
    warnings: [],
  };
  const pathOf = (file: string): string => fileInApiFolder(target.folder, file, join(target.display, file));
  /** Whether the file still holds what capture wrote: a page edited by hand is not capture's to replace. */
  const untouched = (page: CapturedPage): boolean => {
    const path = pathOf(page.file);
    if (!existsSync(path)) return true;
    if (sha256(readInputFile(path, join(target.display, page.file), "page", target.limit)) === page.sha256)
      return true;
    plan.warnings.push(
      `${join(target.display, page.file)} was changed since capture wrote it: left as it is`,
    );
    return false;
  };
  for (const kept of result.kept) {
    const entry = recordEntry(kept, target, names, plan, pathOf, untouched);
    if (!entry) continue;
    if (entry.status === "gone" && options.prune && untouched(entry)) {
      plan.prune.push(pathOf(entry.file));
      plan.removed.add(entry.file);
      continue;
    }
    plan.record.pages.push(entry);
    plan.pages.push({ file: entry.file, url: entry.source ?? entry.url });
  }
  plan.pages.sort((a, b) => (a.file < b.file ? -1 : 1));
  plan.outputs.push({
    path: pathOf(target.pagesPrefix + CAPTURE_RECORD),
    content: serializeCaptureRecord(plan.record),
  });
  return plan;
}

/** The capture.json entry of a kept page, writing its file when it is new or changed. */
function recordEntry(
  kept: KeptPage,
  target: SaveTarget,
  names: PageNames,
  plan: SavePlan,
  pathOf: (file: string) => string,
  untouched: (page: CapturedPage) => boolean,
): CapturedPage | undefined {
  const { previous } = kept;
  plan.counts[kept.change]++;
  if (kept.change === "failed" || kept.change === "gone") {
    if (!previous) return undefined;
    return { ...previous, status: kept.change, ...(kept.error ? { error: kept.error } : {}) };
  }
  if (kept.text === undefined || kept.sha256 === undefined) {
    // 304: the saved copy is current.
    if (!previous) return undefined;
    const { error: _error, ...rest } = previous;
    return { ...rest, status: "captured" };
  }
  const extension = extensionFor(kept.format ?? "text");
  let file = previous?.file;
  // A page whose format changed (the site began serving markdown twins) gets a name with the new extension.
  if (file === undefined || !file.endsWith(extension)) {
    const stem = stemFor(new URL(kept.url), target.scopePrefix);
    file = target.pagesPrefix + names.claim(stem, extension);
  }
  const entry: CapturedPage = {
    url: kept.url,
    ...(kept.source ? { source: kept.source } : {}),
    file,
    ...(kept.title ? { title: kept.title } : {}),
    status: "captured",
    sha256: kept.sha256,
    ...(kept.etag ? { etag: kept.etag } : {}),
    ...(kept.lastModified ? { lastModified: kept.lastModified } : {}),
  };
  const rewrite = kept.change === "new" || kept.change === "changed" || !existsSync(pathOf(file));
  if (rewrite) {
    if (previous && previous.file === file && !untouched(previous)) return previous;
    plan.outputs.push({ path: pathOf(file), content: kept.text });
    plan.written.push(file);
  }
  return entry;
}
