// npm run bench: each phase in a fresh process (so peak memory is per phase), then a table with the
// goals and the ratio against the parse-only floor measured in the same run.
import { execFileSync } from "node:child_process";
import { join } from "node:path";

interface PhaseResult {
  phase: string;
  pages: number;
  seconds: number;
  peakMiB: number;
}

function runPhase(phase: string): PhaseResult {
  const script = join(import.meta.dirname, "scrape-bench.ts");
  const out = execFileSync(process.execPath, ["--import", "tsx", script, phase], { encoding: "utf8" });
  const last = out.trim().split("\n").pop() ?? "";
  return JSON.parse(last) as PhaseResult;
}

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
