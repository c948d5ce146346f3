// The fixed slice of the round trip that runs inside `npm test`: three trimmed real APIs
// (test/fixtures/specs/roundtrip/*.json.gz) through the same pipeline with every registered renderer.
// Run directly to print the slice's figures, or with --write-floors to record them as the test's floors
// (test/roundtrip/floors.json) after the scraper got better:
//   node --import tsx scripts/roundtrip/slice.ts [--write-floors] [--layout NAME]...
// (--layout, repeatable, runs only those renderers; it cannot be combined with --write-floors.)
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { writeOutputs } from "../lib/atomic-write.ts";
import { parseArgs } from "node:util";
import { chooseRenderers, roundTripSpec } from "./api-job.ts";
import type { ApiScore } from "./pipeline.ts";
import { RENDERERS } from "./renderers/index.ts";
import type { Renderer } from "./types.ts";
import { type LayoutFigures, figures, formatFigures } from "./report.ts";
import { precision, recall } from "./score.ts";

const ROOT = join(import.meta.dirname, "..", "..");
export const SLICE_DIR = join(ROOT, "test", "fixtures", "specs", "roundtrip");
export const FLOORS_FILE = join(ROOT, "test", "roundtrip", "floors.json");

/** The slice's figures per layout and variant, every registered renderer unless told which. */
export async function runSlice(renderers: readonly Renderer[] = RENDERERS): Promise<LayoutFigures[]> {
  const dir = mkdtempSync(join(tmpdir(), "specsmith-slice-"));
  try {
    const scores: ApiScore[] = [];
    for (const fixture of readdirSync(SLICE_DIR)
      .filter((f) => f.endsWith(".json.gz"))
      .sort()) {
      const name = fixture.replace(/\.json\.gz$/, "");
      const file = join(dir, `${name}.json`);
      writeFileSync(file, gunzipSync(readFileSync(join(SLICE_DIR, fixture))));
      const verdict = await roundTripSpec(file, name, renderers);
      if (verdict.status !== "scored")
        throw new Error(`slice fixture ${fixture} did not load: ${verdict.reason}`);
      scores.push(...verdict.scores);
    }
    return figures(scores);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What the slice test holds each layout and variant to: today's figures, and the goal beside them. */
export interface Floor {
  operationsRecall: number;
  factsRecall: number;
  precision: number;
  goal: { facts: number; operations?: number };
}

export type Floors = Record<string, Record<string, Floor>>;

/** Rounded down, so the figure that was measured is never below its floor. */
const down = (x: number): number => Math.floor(x * 10_000) / 10_000;

export function floorsOf(all: readonly LayoutFigures[]): Floors {
  const floors: Floors = {};
  for (const f of all) {
    (floors[f.layout] ??= {})[f.variant] = {
      operationsRecall: down(recall(f.tallies.operation)),
      factsRecall: down(recall(f.total)),
      precision: down(precision(f.total)),
      goal: f.goal,
    };
  }
  return floors;
}

if (process.argv[1] === import.meta.filename) {
  const { values } = parseArgs({
    options: { "write-floors": { type: "boolean" }, layout: { type: "string", multiple: true } },
  });
  const layouts = values.layout ?? [];
  if (layouts.length > 0 && values["write-floors"]) {
    console.error("slice: --write-floors records every layout; leave out --layout");
    process.exit(2);
  }
  const all = await runSlice(chooseRenderers(layouts));
  console.log(formatFigures(all));
  if (values["write-floors"]) {
    await writeOutputs([{ path: FLOORS_FILE, content: `${JSON.stringify(floorsOf(all), null, 2)}\n` }]);
    console.log(`floors written to ${FLOORS_FILE}`);
  }
}
