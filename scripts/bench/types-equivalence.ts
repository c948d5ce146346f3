// By hand, not in the test suite (it takes a while on big specs): our src/openapi.ts and src/schema.ts against
// openapi-typescript on real specs, judged by tsc (see test/generate/schema-types/equivalence.ts), with
// the time of each emitter; then the operations' parts src/types.ts writes out (checkParts).
//   node --import tsx scripts/bench/types-equivalence.ts [spec ...]
// Default specs: the cached Stripe and GitHub specs (~/.cache/specsmith/package/api/).
import { mkdtemp, rm } from "node:fs/promises";
import { homedir, tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { loadSpec } from "../spec/index.ts";
import { buildModel } from "../generate/model/build-model.ts";
import { SpecTypes } from "../../templates/schema-types/spec-types.ts";
import { checkEquivalence, checkParts } from "../../test/generate/schema-types/equivalence.ts";

const CACHE = join(homedir(), ".cache", "specsmith", "package", "api");
const DEFAULT_SPECS = [join(CACHE, "stripe.com.json"), join(CACHE, "github.com", "api.github.com.json")];

/** Median of several runs of our emitter alone (the first run includes JIT warm-up; reported apart). */
function timeOurs(document: Record<string, unknown>): { first: number; median: number } {
  const { schemas } = buildModel({ document, packageName: "t", specName: "t.json", specHash: "h" });
  const runs: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    new SpecTypes(document, schemas).typeFiles();
    runs.push(performance.now() - t);
  }
  const first = runs[0] ?? 0;
  const sorted = runs.slice(1).sort((a, b) => a - b);
  return { first, median: sorted[Math.floor(sorted.length / 2)] ?? first };
}

async function main(): Promise<void> {
  const paths = process.argv.slice(2);
  const specs = paths.length > 0 ? paths : DEFAULT_SPECS;
  const keep = process.env.KEEP === "1";
  const dir = await mkdtemp(join(tmpdir(), "types-equivalence-"));
  let failed = false;
  try {
    for (const path of specs) {
      // specs/<name>/openapi.yaml is named by its folder.
      const file = basename(path).replace(/\.(json|ya?ml)$/, "");
      const name = file === "openapi" ? basename(dirname(path)) : file;
      const { document } = await loadSpec(path);
      const ours = timeOurs(document);
      const result = await checkEquivalence([{ name, document }], dir);
      console.log(`${name}:`);
      console.log(
        `  ours: first run ${ours.first.toFixed(0)} ms, median of 6 more ${ours.median.toFixed(0)} ms`,
      );
      console.log(`  openapi-typescript: ${result.timings.peer.toFixed(0)} ms`);
      console.log(`  tsc: ${result.checks} Equal checks in ${(result.timings.compile / 1000).toFixed(1)} s`);
      console.log(`  differences: ${result.differences.length}`);
      for (const d of result.differences) console.log(`    ${d.what}: ${d.message.split("\n")[0]}`);
      console.log(`  errors in our file: ${result.oursErrors.length}`);
      for (const e of result.oursErrors.slice(0, 20)) console.log(`    ${e}`);
      console.log(`  errors in openapi-typescript's file: ${result.peerErrors.length}`);
      for (const e of result.peerErrors.slice(0, 5)) console.log(`    ${e}`);
      // The operations' parts as src/types.ts writes them out, against indexed accesses into openapi.ts.
      const model = buildModel({ document, packageName: "t", specName: "t.json", specHash: "h" });
      const parts = await checkParts(model, join(dir, `${name}-parts`));
      console.log(`  operation parts written out: ${parts.checks} Equal checks, ${parts.failed.length} failed`);
      for (const f of parts.failed.slice(0, 20)) console.log(`    ${f.split("\n")[0]}`);
      failed ||= result.differences.length > 0 || result.oursErrors.length > 0 || parts.failed.length > 0;
    }
  } finally {
    if (keep) console.log(`files kept in ${dir}`);
    else await rm(dir, { recursive: true, force: true });
  }
  process.exitCode = failed ? 1 : 0;
}

await main();
