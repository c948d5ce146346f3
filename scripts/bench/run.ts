// npm run bench: the scraper (each phase in a fresh process, so peak memory is per phase, with the goals and
// the ratio to a parse-only floor measured in the same run), its linear time on worst-case pages (1 MB
// against 2 MB), then the generator on Stripe's and GitHub's specs beside openapi-typescript in the same run.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { benchGenerator } from "./generator.ts";
import { writeStripeSite } from "./stripe-site.ts";
import { benchNames } from "./names.ts";
import { benchPagination } from "./pagination.ts";
import { benchBundle } from "./bundle.ts";
import { benchCapture } from "./capture.ts";

interface PhaseResult {
  phase: string;
  pages: number;
  seconds: number;
  peakMiB: number;
  cpuSeconds?: number;
}

/** Runs of each side of the site phase; the best counts. */
const SITE_ROUNDS = 5;

function runPhase(phase: string, ...args: string[]): PhaseResult {
  const script = join(import.meta.dirname, "scrape-bench.ts");
  const out = execFileSync(process.execPath, ["--import", "tsx", script, phase, ...args], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const last = out.trim().split("\n").pop() ?? "";
  return JSON.parse(last) as PhaseResult;
}

// `npm run bench -- --names` runs only the naming agreement with stripe-node and octokit (issue 13 item 1).
if (process.argv.includes("--names")) process.exit((await benchNames()) ? 0 : 1);

// `npm run bench -- --pagination` prints the list operations each pagination style detects (issue 13 item 5).
if (process.argv.includes("--pagination")) {
  await benchPagination();
  process.exit(0);
}

// `npm run bench -- --generate` runs only the generator part: Stripe's and GitHub's packages from the command
// line beside openapi-typescript, the no-change regenerate and the consumer's tsc (issue 13's speed goals).
if (process.argv.includes("--generate")) {
  await benchGenerator();
  process.exit(0);
}

// `npm run bench -- --validators` runs only the request validators against ajv.
if (process.argv.includes("--validators")) {
  execFileSync(process.execPath, ["--import", "tsx", join(import.meta.dirname, "validators.ts")], {
    stdio: "inherit",
  });
  process.exit(0);
}

// `npm run bench -- --bundle` prints what one call costs a browser bundle, client against standalone (item 7).
if (process.argv.includes("--bundle")) process.exit((await benchBundle()) ? 0 : 1);
// `npm run bench -- --capture` runs only the site capture (issue 14): a 500-page local site in under 30 s.
if (process.argv.includes("--capture")) process.exit((await benchCapture()) ? 0 : 1);

// `npm run bench -- --site` runs only the whole-site phase (issue 12 step 5).
const siteOnly = process.argv.includes("--site");
if (!siteOnly) scrapePhases();

function scrapePhases(): void {
  const seeds = runPhase("seeds");
  const pages = runPhase("pages");
  const floor = runPhase("floor");

  const rate = (r: PhaseResult): string => `${(r.pages / r.seconds).toFixed(0)} pages/s`;
  const rows = [
    [
      "seed APIs (5 pages, x20)",
      `${seeds.seconds.toFixed(2)} s`,
      rate(seeds),
      `${seeds.peakMiB.toFixed(0)} MiB`,
      "",
    ],
    [
      "1,000 mixed pages (100 APIs)",
      `${pages.seconds.toFixed(2)} s`,
      rate(pages),
      `${pages.peakMiB.toFixed(0)} MiB`,
      `goal < 20 s, < 500 MiB: ${pages.seconds < 20 && pages.peakMiB < 500 ? "met" : "MISSED"}`,
    ],
    [
      "parse-only floor, same pages",
      `${floor.seconds.toFixed(2)} s`,
      rate(floor),
      `${floor.peakMiB.toFixed(0)} MiB`,
      `scrape / floor: ${(pages.seconds / floor.seconds).toFixed(1)}x time, ${(pages.peakMiB / floor.peakMiB).toFixed(2)}x memory`,
    ],
  ];
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  console.log("scrape benchmark (each phase in its own process; peak = max RSS)");
  for (const r of rows) console.log(r.map((c, i) => (i < 4 ? c.padEnd(widths[i] ?? 0) : c)).join("  "));
}

// Issue 12 step 5: a whole site (every stripe.com operation as a seed-000 page) scraped in one call,
// against a parse-only floor on the same pages in the same run. A scrape that throws is reported, and the
// rest of the benchmark still runs.
const siteDir = mkdtempSync(join(tmpdir(), "specsmith-site-"));
try {
  const count = await writeStripeSite(siteDir);
  // The two sides alternate, each in a fresh process, and the best of SITE_ROUNDS counts for each: other work
  // on a busy machine slows single runs by whole seconds, and slows both sides alike only when they
  // interleave.
  let siteFloor: PhaseResult | undefined;
  let site: PhaseResult | undefined;
  // Best wall time and best CPU time each (not necessarily of the same run); the worst peak.
  const best = (a: PhaseResult | undefined, b: PhaseResult): PhaseResult => ({
    ...b,
    seconds: Math.min(a?.seconds ?? Infinity, b.seconds),
    cpuSeconds: Math.min(a?.cpuSeconds ?? Infinity, b.cpuSeconds ?? Infinity),
    peakMiB: Math.max(a?.peakMiB ?? 0, b.peakMiB),
  });
  try {
    for (let round = 0; round < SITE_ROUNDS; round++) {
      siteFloor = best(siteFloor, runPhase("site-floor", siteDir));
      site = best(site, runPhase("site", siteDir));
    }
  } catch (err) {
    site = undefined;
    console.log(
      `\nstripe.com site (${count} seed-000 pages): the scrape FAILED: ${(err as Error).message.split("\n")[0]}`,
    );
  }
  if (site && siteFloor) {
    const ratio = site.seconds / siteFloor.seconds;
    console.log(
      `\nstripe.com site, ${count} seed-000 pages in one scrapePages call (best of ${SITE_ROUNDS}, alternating): ` +
        `${site.seconds.toFixed(2)} s, peak ${site.peakMiB.toFixed(0)} MiB | parse-only floor (cheerio-load ` +
        `every page + JSON.parse of its schema block): ${siteFloor.seconds.toFixed(2)} s, ` +
        `${siteFloor.peakMiB.toFixed(0)} MiB | ratio ${ratio.toFixed(2)}x ` +
        `(goal <= 1.5x, peak < 300 MiB: ${ratio <= 1.5 && site.peakMiB < 300 ? "met" : "MISSED"}) | ` +
        `CPU time ${(site.cpuSeconds ?? NaN).toFixed(2)} s vs ${(siteFloor.cpuSeconds ?? NaN).toFixed(2)} s, ` +
        `ratio ${((site.cpuSeconds ?? NaN) / (siteFloor.cpuSeconds ?? NaN)).toFixed(2)}x | ` +
        `load average ${loadavg()
          .map((l) => l.toFixed(1))
          .join(" ")}`,
    );
  }
} finally {
  rmSync(siteDir, { recursive: true, force: true });
}

if (siteOnly) process.exit(0);

// Linear time on worst-case pages, in a process of its own (its pages are large).
execFileSync(process.execPath, ["--import", "tsx", join(import.meta.dirname, "linear-time.ts")], {
  stdio: "inherit",
});

// The generator on the largest real specs, beside openapi-typescript in the same run (generator.ts).
await benchGenerator();

// The request validators: ours vs ajv and a hand-written one, in a process of their own.
execFileSync(process.execPath, ["--import", "tsx", join(import.meta.dirname, "validators.ts")], {
  stdio: "inherit",
});

// The diff on two versions of Stripe's spec, in its own process like the phases above.
execFileSync(process.execPath, ["--import", "tsx", join(import.meta.dirname, "diff.ts")], {
  stdio: "inherit",
});
