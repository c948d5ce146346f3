// The fixed slice of the round trip inside `npm test`: three trimmed real APIs, every registered renderer,
// each variant. Each layout's figures must not fall below the floors measured when they were recorded
// (test/roundtrip/floors.json, written by `node --import tsx scripts/roundtrip/slice.ts --write-floors`);
// the goal is recorded beside each floor, and the lead raises the floors as the scraper improves.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FLOORS_FILE, type Floors, runSlice } from "../../scripts/roundtrip/slice.ts";
import { RENDERERS } from "../../scripts/roundtrip/renderers/index.ts";
import { goalOf } from "../../scripts/roundtrip/report.ts";
import { precision, recall } from "../../scripts/roundtrip/score.ts";

const floors = JSON.parse(readFileSync(FLOORS_FILE, "utf8")) as Floors;

describe("round-trip slice (3 APIs)", () => {
  it(
    "holds every layout to its floors, with the issue's goal recorded beside each",
    { timeout: 120_000 },
    async () => {
      const all = await runSlice();
      const layouts = new Set(all.map((f) => f.layout));
      expect([...layouts].sort()).toEqual(RENDERERS.map((r) => r.name).sort());
      for (const f of all) {
        const floor = floors[f.layout]?.[f.variant];
        expect(
          floor,
          `no floor for ${f.layout} ${f.variant}: run scripts/roundtrip/slice.ts --write-floors`,
        ).toBeDefined();
        if (!floor) continue;
        expect(floor.goal).toEqual(goalOf(f.layout, f.variant));
        const label = `${f.layout} ${f.variant}`;
        expect(recall(f.tallies.operation), `${label} operations recall`).toBeGreaterThanOrEqual(
          floor.operationsRecall,
        );
        expect(recall(f.total), `${label} facts recall`).toBeGreaterThanOrEqual(floor.factsRecall);
        expect(precision(f.total), `${label} precision`).toBeGreaterThanOrEqual(floor.precision);
        // Every API of the slice was rendered and scraped (a thrown scrape counts as a failed API).
        expect(f.apis).toBe(3);
        expect(f.total.shown).toBeGreaterThan(0);
      }
    },
  );
});
