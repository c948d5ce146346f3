// The scraper in linear time on pages built to be worst cases (issue 11, item 6): each page must be
// scraped well within a ceiling about 10x what it takes on an idle machine. Before the fixes each of these
// took minutes or hours (quadratic regexes, parse5 and micromark on deep nesting) or crashed. The 1 MB
// against 2 MB ratios are measured by `npm run bench`.
import { describe, expect, it } from "vitest";
import { scrapeWorstCase, WORST_CASES } from "../../scripts/bench/linear-cases.ts";

const MB = 1_000_000;
/** Markdown pages go through micromark, which is slow (seconds per MB) though linear. */
const ceilingSeconds = (name: string): number => (/markdown|array of/.test(name) ? 150 : 30);
/**
 * Markdown pages are a quarter of a MB: micromark takes 14 s for the 1 MB page of nested lists on an
 * idle machine and 153 s was seen at load 20, past the ceiling; at a quarter of the size the quadratic
 * code the test was written against still takes far longer than the ceiling.
 */
const pageBytes = (name: string): number => (/markdown/.test(name) ? MB / 4 : MB);

describe("worst-case pages of 1 MB (markdown: 0.25 MB) scrape in linear time", () => {
  for (const worst of WORST_CASES) {
    const ceiling = ceilingSeconds(worst.name);
    it(`${worst.name}`, { timeout: (ceiling + 30) * 1000 }, async () => {
      const bytes = pageBytes(worst.name);
      const page = worst.build(bytes);
      expect(page.text.length).toBeGreaterThan(0.9 * bytes);
      const start = performance.now();
      const result = await scrapeWorstCase(page);
      const seconds = (performance.now() - start) / 1000;
      expect(result.operationCount).toBeGreaterThan(0);
      expect(seconds).toBeLessThan(ceiling);
    });
  }
});
