// DESIGN.md's layers, held by a test: no stage imports a stage beside or above it, templates read only the
// codegen model, diff knows nothing of the command line. The checker (test/layer-rules.ts) runs over the
// repository, and over small trees with one planted violation of each kind, so a checker that stopped
// seeing imports would fail here too.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { importSites, layerViolations } from "./layer-rules.ts";

const root = resolve(import.meta.dirname, "..");

describe("layers (DESIGN.md)", () => {
  it("no stage imports a stage beside or above it", () => {
    expect(layerViolations(root)).toEqual([]);
  });

  it("reads every form of import, dynamic ones included", () => {
    const text = [
      'import a from "./a.ts";',
      'import type { B } from "./b.ts";',
      'export { c } from "./c.ts";',
      'import d = require("./d.ts");',
      'const e = await import("./e.ts");',
      "const f = require(`./f.ts`);",
      'type G = typeof import("./g.ts");',
      "const h = await import(name);",
      "// import nothing from './comment.ts'",
      'const s = "import(\\"./string.ts\\")";',
    ].join("\n");
    expect(importSites("x.ts", text)).toEqual([
      { specifier: "./a.ts", line: 1, dynamic: false },
      { specifier: "./b.ts", line: 2, dynamic: false },
      { specifier: "./c.ts", line: 3, dynamic: false },
      { specifier: "./d.ts", line: 4, dynamic: false },
      { specifier: "./e.ts", line: 5, dynamic: true },
      { specifier: "./f.ts", line: 6, dynamic: true },
      { specifier: "./g.ts", line: 7, dynamic: false },
      { specifier: undefined, line: 8, dynamic: true },
    ]);
  });

  describe("fails on a planted violation", () => {
    let tree: string | undefined;
    afterEach(() => {
      if (tree) rmSync(tree, { recursive: true, force: true });
      tree = undefined;
    });

    /** A repository-shaped tree of the given files; every file the imports name exists. */
    function plant(files: Record<string, string>): string {
      tree = mkdtempSync(join(tmpdir(), "specsmith-layers-"));
      const all: Record<string, string> = {
        "scripts/lib/errors.ts": "export {};",
        "scripts/spec/pointer.ts": "export {};",
        "scripts/generate/model/codegen-model.ts": "export {};",
        "scripts/generate/render-package.ts": "export {};",
        "scripts/commands/generate.ts": "export {};",
        "templates/runtime/client.ts": "export {};",
        "templates/client.ts": "export {};",
        ...files,
      };
      for (const [path, text] of Object.entries(all)) {
        mkdirSync(dirname(join(tree, path)), { recursive: true });
        writeFileSync(join(tree, path), text);
      }
      return tree;
    }

    it("passes a tree that keeps to the layers", () => {
      const ok = plant({
        "templates/operations.ts": [
          'import type { X } from "../scripts/generate/model/codegen-model.ts";',
          'import { y } from "../scripts/lib/errors.ts";',
          'import { z } from "./runtime/client.ts";',
        ].join("\n"),
        "scripts/diff/impact.ts": 'const m = await import("../generate/model/codegen-model.ts");',
        "scripts/commands/diff.ts": 'import "../diff/impact.ts";\nimport "../generate/render-package.ts";',
      });
      expect(layerViolations(ok)).toEqual([]);
    });

    it.each([
      [
        "a template reading the spec layer, by a dynamic import",
        { "templates/schema-types.ts": 'const p = await import("../scripts/spec/pointer.ts");' },
        ["templates/schema-types.ts:1 imports scripts/spec (../scripts/spec/pointer.ts)"],
      ],
      [
        "a template reading the generator's driver",
        { "templates/schema-types.ts": 'import type { R } from "../scripts/generate/render-package.ts";' },
        ["templates/schema-types.ts:1 imports scripts/generate (../scripts/generate/render-package.ts)"],
      ],
      [
        "diff importing the command line",
        { "scripts/diff/run.ts": '\nimport { listApis } from "../commands/generate.ts";' },
        ["scripts/diff/run.ts:2 imports scripts/commands (../commands/generate.ts)"],
      ],
      [
        "the model importing a template",
        { "scripts/generate/model/names.ts": 'export { x } from "../../../templates/client.ts";' },
        ["scripts/generate/model/names.ts:1 imports templates (../../../templates/client.ts)"],
      ],
      [
        "the runtime importing anything of ours",
        { "templates/runtime/errors.ts": 'type E = typeof import("../../scripts/lib/errors.ts");' },
        ["templates/runtime/errors.ts:1 imports scripts/lib (../../scripts/lib/errors.ts)"],
      ],
      [
        "lib importing upwards by require()",
        { "scripts/lib/folders.ts": 'const s = require("../spec/pointer.ts");' },
        ["scripts/lib/folders.ts:1 imports scripts/spec (../spec/pointer.ts)"],
      ],
      [
        "a computed dynamic import, which no check can follow",
        { "scripts/spec/read.ts": "const name = '../commands/generate.ts';\nawait import(name);" },
        ["scripts/spec/read.ts:2 imports a computed path"],
      ],
    ])("%s", (_what, files: Record<string, string>, expected: string[]) => {
      expect(layerViolations(plant(files))).toEqual(expected);
    });
  });
});
