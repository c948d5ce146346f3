// npm run bench: the scraper (each phase in a fresh process, so peak memory is per phase, with the goals and
// the ratio to a parse-only floor measured in the same run), then the generator on Stripe's and GitHub's specs
// beside openapi-typescript in the same run.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { tmpdir } from "node:os";
import { realSpecs } from "./real-specs.ts";

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

// The generator on the largest real specs, beside openapi-typescript (types only) in the same run.

interface GenResult {
  tool: string;
  seconds: number;
  peakMiB: number;
}

function runGenerate(tool: "ours" | "peer", spec: string, out: string): GenResult {
  const script = join(import.meta.dirname, "generate-one.ts");
  const text = execFileSync(process.execPath, ["--import", "tsx", script, tool, spec, out], {
    encoding: "utf8",
  });
  return JSON.parse(text.trim().split("\n").pop() ?? "") as GenResult;
}

const TSC = join(import.meta.dirname, "..", "..", "node_modules", "typescript", "bin", "tsc");

/** A consumer's `tsc --noEmit` over a project: wall time and the number of errors it reports. */
function typecheck(project: string): { seconds: number; errors: number } {
  const start = performance.now();
  let output = "";
  try {
    execFileSync(process.execPath, [TSC, "-p", project, "--noEmit"], { encoding: "utf8", stdio: "pipe" });
  } catch (error) {
    output = String((error as { stdout?: string }).stdout ?? "");
  }
  return {
    seconds: (performance.now() - start) / 1000,
    errors: (output.match(/error TS\d+/g) ?? []).length,
  };
}

/** openapi-typescript's output alone, checked with the generated package's compiler options. */
function peerProject(dir: string, types: string, oursTsconfig: string): string {
  mkdirSync(dir, { recursive: true });
  renameSync(types, join(dir, "index.ts"));
  const config = JSON.parse(readFileSync(oursTsconfig, "utf8")) as { compilerOptions: object };
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { ...config.compilerOptions, rootDir: "." }, files: ["index.ts"] }),
  );
  return join(dir, "tsconfig.json");
}

const work = mkdtempSync(join(tmpdir(), "specsmith-bench-"));
try {
  console.log(
    "\ngenerator benchmark: whole package (ours) vs openapi-typescript types alone (peer), same run",
  );
  for (const [name, spec] of Object.entries(realSpecs())) {
    const ours = runGenerate("ours", spec, join(work, name));
    const peer = runGenerate("peer", spec, join(work, `${name}-peer.ts`));
    console.log(
      `${name.padEnd(7)} generate: ours ${ours.seconds.toFixed(2)} s ${ours.peakMiB.toFixed(0)} MiB | ` +
        `openapi-typescript ${peer.seconds.toFixed(2)} s ${peer.peakMiB.toFixed(0)} MiB | ` +
        `ratio ${(ours.seconds / peer.seconds).toFixed(2)}x time (goal <= 1), ${(ours.peakMiB / peer.peakMiB).toFixed(2)}x memory (goal <= 2)`,
    );
    const oursConfig = join(work, name, "tsconfig.json");
    const oursCheck = typecheck(oursConfig);
    const peerCheck = typecheck(
      peerProject(join(work, `${name}-peer`), join(work, `${name}-peer.ts`), oursConfig),
    );
    console.log(
      `${"".padEnd(7)} tsc --noEmit: ours ${oursCheck.seconds.toFixed(2)} s, ${oursCheck.errors} errors | ` +
        `openapi-typescript ${peerCheck.seconds.toFixed(2)} s, ${peerCheck.errors} errors | ` +
        `ratio ${(oursCheck.seconds / peerCheck.seconds).toFixed(2)}x (goal <= 1; ours must have 0 errors)`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
