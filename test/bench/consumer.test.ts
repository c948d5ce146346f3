// The consumer benchmark reads tsc's own --extendedDiagnostics figures, so its comparison does not hang on
// wall time alone: checked against the real tsc on a two-file project written by the test.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseTscFigures, tsc } from "../../scripts/bench/consumer.ts";

let work: string | undefined;
afterEach(() => {
  if (work) rmSync(work, { recursive: true, force: true });
  work = undefined;
});

function project(app: string): string {
  work = mkdtempSync(join(tmpdir(), "specsmith-consumer-bench-"));
  writeFileSync(
    join(work, "lib.d.ts"),
    "export interface Box<T> { value: T }\nexport type Pair = [Box<string>, Box<number>];\n",
  );
  writeFileSync(join(work, "app.ts"), app);
  const config = {
    compilerOptions: { strict: true, noEmit: true, types: [], lib: ["ES2022"] },
    files: ["app.ts"],
  };
  writeFileSync(join(work, "tsconfig.json"), JSON.stringify(config));
  return join(work, "tsconfig.json");
}

describe("consumer tsc figures", () => {
  it("reads the counts and phase times tsc reports, beside its errors", () => {
    const run = tsc([
      "-p",
      project(
        'import type { Pair } from "./lib.js";\nexport const p: Pair = [{ value: "a" }, { value: 1 }];\n',
      ),
    ]);
    expect(run.errors).toBe(0);
    const f = run.figures;
    // app.ts, lib.d.ts and the ES2022 library files.
    expect(f.files).toBeGreaterThan(2);
    expect(f.definitionLines).toBeGreaterThan(0);
    for (const count of [f.identifiers, f.symbols, f.types, f.instantiations, f.memoryKiB]) {
      expect(count).toBeGreaterThan(0);
    }
    for (const seconds of [f.parse, f.bind, f.check]) expect(seconds).toBeGreaterThanOrEqual(0);
    expect(Number.isNaN(run.cpuSeconds) || run.cpuSeconds > 0).toBe(true);
  });

  it("still reads the figures when tsc reports errors", () => {
    const run = tsc([
      "-p",
      project(
        'import type { Pair } from "./lib.js";\nexport const p: Pair = [{ value: 1 }, { value: "a" }];\n',
      ),
    ]);
    expect(run.errors).toBe(2);
    expect(run.figures.types).toBeGreaterThan(0);
  });

  it("gives NaN for a figure the output lacks, never a number it did not print", () => {
    const f = parseTscFigures("Files:   7\nMemory used:   9000K\nParse time:   0.25s\n");
    expect(f).toMatchObject({ files: 7, memoryKiB: 9000, parse: 0.25 });
    expect(f.identifiers).toBeNaN();
  });
});
