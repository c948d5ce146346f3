// The scraper in linear time on pages built to be worst cases (issue 11, item 6): each 1 MB page must be
// scraped well within a ceiling about 20x what it takes on a busy machine. Before the fixes each of these
// took minutes or hours (quadratic regexes, parse5 and micromark on deep nesting) or crashed. The 1 MB
// against 2 MB ratios are measured by `npm run bench`.
import { describe, expect, it } from "vitest";
import { scrapeWorstCase, WORST_CASES } from "../../scripts/bench/linear-cases.ts";

const MB = 1_000_000;
/** Markdown pages go through micromark, which is slow (seconds per MB) though linear. */
const ceilingSeconds = (name: string): number => (/markdown|array of/.test(name) ? 150 : 30);

describe("worst-case 1 MB pages scrape in linear time", () => {
  for (const worst of WORST_CASES) {
    const ceiling = ceilingSeconds(worst.name);
    it(`${worst.name}`, { timeout: (ceiling + 30) * 1000 }, async () => {
      const page = worst.build(MB);
      expect(page.text.length).toBeGreaterThan(0.9 * MB);
      const start = performance.now();
      const result = await scrapeWorstCase(page);
      const seconds = (performance.now() - start) / 1000;
      expect(result.operationCount).toBeGreaterThan(0);
      expect(seconds).toBeLessThan(ceiling);
    });
  }
});
