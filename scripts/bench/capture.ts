// `npm run bench -- --capture` (run.ts): a ~500-page documentation site served on 127.0.0.1 (the capture
// tests' site, test/capture/site.ts, grown to 500 pages: seed-000 HTML, and Fern, Mintlify, pipe-table,
// Redoc and docs.stripe.com-markdown renderings served as JavaScript shells with markdown twins, plus an
// llms.txt, a sitemap index and navigation), captured by `specsmith capture --api NAME --from URL` with
// the default settings, in a fresh process (so its peak memory is the capture's own), then captured
// again (every page answering 304). Goal: under 30 s for the first capture.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { serveSite } from "../../test/capture/site.ts";

/** The pages the site should have: the default --max-pages, with room for the landing pages. */
const SITE_PAGES = 500;

interface RunResult {
  seconds: number;
  cpuSeconds: number;
  peakMiB: number;
  code: number;
  summary: string;
}

/** Runs the capture in a child process; asynchronously, since the site is served by this one. */
async function captureOnce(from: string, specs: string): Promise<RunResult> {
  const script = join(import.meta.dirname, "capture-one.ts");
  const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", script, from, specs], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split("\n").pop() ?? "{}") as RunResult;
}

export async function benchCapture(): Promise<boolean> {
  // Each extra resource adds 3.5 pages on average; the landing pages, guides, the Redoc shell and the
  // image are the rest.
  let extra = Math.floor((SITE_PAGES - 30) / 3.5);
  let site = await serveSite({ extraResources: extra });
  while (site.pages.length + 4 > SITE_PAGES) {
    await site.close();
    extra -= 3;
    site = await serveSite({ extraResources: extra });
  }
  const dir = mkdtempSync(join(tmpdir(), "specsmith-capture-bench-"));
  try {
    const specs = join(dir, "specs");
    const first = await captureOnce(`${site.base}/`, specs);
    const requests = site.requests.length;
    const record = JSON.parse(readFileSync(join(specs, "bench", "pages", "capture.json"), "utf8")) as {
      pages: unknown[];
      skipped: unknown[];
    };
    const second = await captureOnce(`${site.base}/`, specs);
    const apiPages = site.pages.filter((p) => p.api).length;
    console.log(
      `capture benchmark: a local site of ${site.pages.length + 4} pages (${apiPages} documenting ` +
        `${site.operations.length} operations), default settings (--max-pages 500, --max-depth 3, ` +
        `--timeout 30, 4 pages in flight, the site fetcher's own politeness defaults)`,
    );
    console.log(
      `  first capture:  ${first.seconds.toFixed(2)} s (CPU ${first.cpuSeconds.toFixed(2)} s), peak ${first.peakMiB.toFixed(0)} MiB, ` +
        `${requests} requests, ${record.pages.length} pages kept, ${record.skipped.length} skipped ` +
        `(goal < 30 s: ${first.code === 0 && first.seconds < 30 ? "met" : "MISSED"})`,
    );
    console.log(`    ${first.summary}`);
    console.log(
      `  second capture (conditional, nothing changed): ${second.seconds.toFixed(2)} s (CPU ${second.cpuSeconds.toFixed(2)} s), peak ${second.peakMiB.toFixed(0)} MiB`,
    );
    console.log(`    ${second.summary}`);
    console.log(
      `  load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}`,
    );
    return first.code === 0 && first.seconds < 30;
  } finally {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
