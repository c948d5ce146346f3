// Prints the per-family recall of the LAYOUTS.md family pages (facts shown and read / facts shown), and with
// --write records today's misses in layouts-known-misses.json (review the diff: the list should only shrink).
//   node --import tsx test/scrape/layouts-recall.ts [--write] [--misses]
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { checkFamily, families, recall } from "./layout-facts.ts";

const misses: string[] = [];
let passed = 0;
let total = 0;
for (const family of families()) {
  const result = await checkFamily(family);
  const r = recall(result);
  passed += r.passed;
  total += r.total;
  const pct = ((100 * r.passed) / r.total).toFixed(1);
  console.log(
    `${family.padEnd(22)} ${String(r.passed).padStart(3)}/${String(r.total).padEnd(3)} ${pct.padStart(5)}%${result.error ? `  (scrape failed: ${result.error.slice(0, 100)})` : ""}`,
  );
  for (const f of result.facts) {
    if (f.ok) continue;
    misses.push(f.id);
    if (process.argv.includes("--misses"))
      console.log(`    miss: ${f.id}${f.detail ? ` (${f.detail})` : ""}`);
  }
}
console.log(
  `${"all".padEnd(22)} ${String(passed).padStart(3)}/${String(total).padEnd(3)} ${((100 * passed) / total).toFixed(1).padStart(5)}%`,
);
if (process.argv.includes("--write")) {
  writeFileSync(
    join(import.meta.dirname, "layouts-known-misses.json"),
    JSON.stringify(misses, null, 2) + "\n",
  );
}
