// One benchmark phase, run in its own process so its peak memory is its own:
//   seeds   scrape the seed APIs (extract, merge, validate, YAML, report), repeated
//   pages   scrape 1,000 synthetic pages of mixed formats as 100 APIs of 10 pages
//   floor   only parse the same 1,000 pages (cheerio for HTML, mdast for markdown, lines for text):
//           the least any scraper must do, measured as the peer in the same run
//   site DIR        scrape the seed-000 rendering of every stripe.com operation (stripe-site.ts) in ONE
//                   scrapePages call, as a user scrapes a captured site
//   site-floor DIR  only cheerio-load every page of DIR and JSON.parse its schema block (issue 12 step 5)
// Prints one JSON line: {phase, pages, seconds, peakMiB} (site phases add cpuSeconds: the process's user +
// system CPU time over the timed part, which a busy machine inflates far less than the wall clock).
import { performance } from "node:perf_hooks";
import { join } from "node:path";
import { load } from "cheerio";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import { scrapeApi } from "../scrape/scrape-api.ts";
import { scrapePages } from "../scrape/scrape-pages.ts";
import { syntheticPages } from "./synthetic-pages.ts";
import { readSite } from "./stripe-site.ts";

const specsDir = join(import.meta.dirname, "..", "..", "specs");
const phase = process.argv[2];

function peakMiB(): number {
  // maxRSS is in KiB on Linux.
  return process.resourceUsage().maxRSS / 1024;
}

async function run(): Promise<{ pages: number; seconds: number; cpuSeconds?: number }> {
  if (phase === "site" || phase === "site-floor") return runSite(phase, process.argv[3] ?? "");
  if (phase === "seeds") {
    const apis = ["stripe-identity", "verifa"];
    const rounds = 20;
    let pages = 0;
    const start = performance.now();
    for (let r = 0; r < rounds; r++) {
      for (const api of apis) pages += (await scrapeApi(specsDir, api)).manifest.pages.length;
    }
    return { pages, seconds: (performance.now() - start) / 1000 };
  }
  const pages = await syntheticPages(specsDir, 1000);
  const start = performance.now();
  if (phase === "pages") {
    for (let i = 0; i < pages.length; i += 10) {
      await scrapePages(pages.slice(i, i + 10), {
        version: "1.0.0",
        servers: [],
        specFile: `bench-${i}.yaml`,
      });
    }
  } else if (phase === "floor") {
    let sink = 0;
    for (const page of pages) {
      if (page.text.trimStart().startsWith("<")) sink += load(page.text)("*").length;
      else if (page.file.endsWith(".md"))
        sink += fromMarkdown(page.text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] })
          .children.length;
      else sink += page.text.split("\n").length;
    }
    if (sink < 0) console.error(sink);
  } else {
    throw new Error(`unknown phase ${phase}`);
  }
  return { pages: pages.length, seconds: (performance.now() - start) / 1000 };
}

async function runSite(
  which: string,
  dir: string,
): Promise<{ pages: number; seconds: number; cpuSeconds: number }> {
  const pages = readSite(dir);
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  if (which === "site") {
    await scrapePages(pages, { version: "1.0.0", servers: [], specFile: "stripe-site.yaml" });
  } else {
    let sink = 0;
    for (const page of pages) {
      const $ = load(page.text);
      const schema = $("pre.schema").first();
      if (schema.length > 0) sink += Object.keys(JSON.parse(schema.text()) as object).length;
      sink += $("*").length;
    }
    if (sink < 0) console.error(sink);
  }
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  return { pages: pages.length, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

const result = await run();
console.log(JSON.stringify({ phase, ...result, peakMiB: peakMiB() }));
