// The no-change regenerate trusts a stamp keyed by the generator's fingerprint: the fingerprint must cover
// every file of ours a render runs, or a change to that file would leave stale packages "unchanged".
import { existsSync, readFileSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { GENERATOR_DIRS } from "../../scripts/generate/freshness.ts";
import { importSites } from "../layer-rules.ts";

const root = resolve(import.meta.dirname, "..", "..");

/** Our files reachable from `entries` by any import (runtime files import "./x.js" for "./x.ts"). */
function importClosure(entries: string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const site of importSites(file, readFileSync(file, "utf8"))) {
      if (!site.specifier?.startsWith(".")) continue;
      const target = resolve(dirname(file), site.specifier);
      visit(existsSync(target) ? target : target.replace(/\.js$/, ".ts"));
    }
  };
  for (const entry of entries) visit(resolve(root, entry));
  return [...seen].map((f) => relative(root, f)).sort();
}

describe("the generator's fingerprint", () => {
  it("covers every file a render runs: loading the spec, the model, the templates, the writer", () => {
    // What `specsmith generate` loads to render and write a package (scripts/commands/generate.ts).
    const files = importClosure([
      "scripts/spec/index.ts",
      "scripts/generate/render-package.ts",
      "scripts/generate/write-package.ts",
    ]);
    expect(files).toContain(["scripts", "spec", "bundle.ts"].join(sep));
    const uncovered = files.filter((f) => !GENERATOR_DIRS.some((dir) => f.startsWith(dir + sep)));
    expect(uncovered).toEqual([]);
  });
});
