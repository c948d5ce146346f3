// The scraper's linear-time claim, measured: each worst-case page of linear-cases.ts scraped at 1 MB and
// at 2 MB in this process; a time ratio near 2 is linear, near 4 quadratic. Run by `npm run bench`.
import { timeWorstCase, WORST_CASES } from "./linear-cases.ts";

const rows: string[][] = [];
for (const worst of WORST_CASES) {
  // Best of three at each size: a busy machine adds noise, never takes it away. The sizes alternate, so no
  // run scrapes the very page the run before it did: the scraper keeps its last page's parse (detection and
  // extraction read one page one after the other), which would make a repeat nearly free.
  let one = Infinity;
  let two = Infinity;
  for (let round = 0; round < 3; round++) {
    one = Math.min(one, await timeWorstCase(worst, 1_000_000));
    two = Math.min(two, await timeWorstCase(worst, 2_000_000));
  }
  rows.push([worst.name, `${one.toFixed(2)} s`, `${two.toFixed(2)} s`, `ratio ${(two / one).toFixed(2)}`]);
}
const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
console.log("\nlinear time: worst-case pages, 1 MB vs 2 MB (ratio ~2 linear, ~4 quadratic)");
for (const r of rows) console.log(r.map((c, i) => (i < 3 ? c.padEnd(widths[i] ?? 0) : c)).join("  "));
