// Test pages of every LAYOUTS.md family scrape to what they show. Facts the scraper does not read yet are
// listed in layouts-known-misses.json; the list is held both ways (like test/validators/known-failures.json):
// a fact that fails and is not listed fails the test, and so does a listed fact that now passes, so the list
// only shrinks.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkFamily, families, type FamilyResult } from "./layout-facts.ts";

const KNOWN_MISSES = join(import.meta.dirname, "layouts-known-misses.json");
const known = new Set(JSON.parse(readFileSync(KNOWN_MISSES, "utf8")) as string[]);

describe("LAYOUTS.md family pages scrape to what they show", () => {
  const results: FamilyResult[] = [];

  for (const family of families()) {
    it(family, async () => {
      const result = await checkFamily(family);
      results.push(result);
      const newMisses = result.facts
        .filter((f) => !f.ok && !known.has(f.id))
        .map((f) => (f.detail ? `${f.id} (${f.detail})` : f.id));
      const nowPassing = result.facts.filter((f) => f.ok && known.has(f.id)).map((f) => f.id);
      expect({ newMisses, nowPassing, ...(result.error ? { error: result.error } : {}) }).toEqual({
        newMisses: [],
        nowPassing: [],
        ...(result.error ? { error: result.error } : {}),
      });
    });
  }

  it("lists no known miss that no page shows", () => {
    const ids = new Set(results.flatMap((r) => r.facts.map((f) => f.id)));
    expect([...known].filter((id) => !ids.has(id))).toEqual([]);
  });
});
