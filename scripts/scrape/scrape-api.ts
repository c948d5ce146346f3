// Scrapes one API folder under specs/: reads api.yaml, its pages and optional overlay, and returns the
// outputs (openapi.yaml and report.md) for the caller to write. The pages and the overlay are read only
// from inside the API folder (a symbolic link that leads out of it is refused).
import { access } from "node:fs/promises";
import { join, relative } from "node:path";
import type { OutputFile } from "../lib/atomic-write.ts";
import { pageLimit, specLimit, type SizeLimit } from "../lib/read-input.ts";
import { fileInApiFolder, readManifest, type Manifest } from "./manifest.ts";
import { readOverlay } from "./overlay.ts";
import { readPages } from "./read-page.ts";
import { scrapePages, type ScrapeResult } from "./scrape-pages.ts";
import type { CrawledPage } from "./report.ts";
import { CAPTURE_RECORD, readCaptureRecord } from "../lib/capture-record.ts";

/** What scraping an API folder writes into it. */
export const OUTPUT_NAMES = ["openapi.yaml", "report.md"] as const;

export interface ApiScrape {
  manifest: Manifest;
  result: ScrapeResult;
  outputs: OutputFile[];
  /** Every file read: api.yaml, the pages and the overlay (no output may be one of them). */
  inputs: string[];
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** The pages a crawl (`specsmith capture --from`) found and did not keep, from pages/capture.json. */
function crawledPages(
  apiDir: string,
  show: (p: string) => string,
  limit: SizeLimit,
): CrawledPage[] | undefined {
  const file = `pages/${CAPTURE_RECORD}`;
  const record = readCaptureRecord(fileInApiFolder(apiDir, file, file), show(join(apiDir, file)), limit);
  if (!record) return undefined;
  return [
    ...record.skipped,
    ...record.pages
      .filter((p) => p.status !== "captured")
      .map((p) => ({
        url: p.url,
        reason: `${p.status}${p.error ? ` (${p.error})` : ""}`,
        ...(p.title ? { title: p.title } : {}),
      })),
  ];
}

export async function scrapeApi(
  specsDir: string,
  name: string,
  cwd: string = process.cwd(),
  limits: { page: SizeLimit; spec: SizeLimit } = { page: pageLimit(), spec: specLimit() },
): Promise<ApiScrape> {
  const apiDir = join(specsDir, name);
  const show = (p: string): string => relative(cwd, p) || p;
  const manifestPath = join(apiDir, "api.yaml");
  const manifest = await readManifest(manifestPath, show(manifestPath), name, limits.spec);
  // Sources name pages relative to the API folder so reports read the same on every machine.
  const read = await readPages(
    manifest.pages.map((p) => ({ path: fileInApiFolder(apiDir, p.file, p.file), display: p.file })),
    limits.page,
  );
  const overlayFile =
    manifest.overlay ?? ((await exists(join(apiDir, "overlay.yaml"))) ? "overlay.yaml" : undefined);
  const overlayDisplay = overlayFile && show(join(apiDir, overlayFile));
  const overlay = overlayFile
    ? {
        overlay: await readOverlay(
          fileInApiFolder(apiDir, overlayFile, overlayDisplay || overlayFile),
          overlayDisplay || overlayFile,
          limits.spec,
        ),
        file: overlayFile,
      }
    : undefined;
  const crawled = crawledPages(apiDir, show, limits.spec);
  const result = await scrapePages(
    read.pages,
    {
      title: manifest.title,
      version: manifest.version,
      servers: manifest.servers,
      urls: new Map(manifest.pages.flatMap((p) => (p.url ? [[p.file, p.url] as [string, string]] : []))),
      specFile: "openapi.yaml",
      readWarnings: read.warnings,
      ...(manifest.description ? { description: manifest.description } : {}),
      ...(crawled ? { crawled } : {}),
    },
    overlay,
  );
  return {
    manifest,
    result,
    outputs: [
      { path: join(apiDir, OUTPUT_NAMES[0]), content: result.yaml },
      { path: join(apiDir, OUTPUT_NAMES[1]), content: result.report },
    ],
    inputs: [
      join(apiDir, "api.yaml"),
      ...manifest.pages.map((p) => join(apiDir, p.file)),
      ...(overlay ? [join(apiDir, overlay.file)] : []),
    ],
  };
}
