// The code file printer (scripts/generate/print-code-files.ts) prints on its own thread, which loads
// ts-morph there. What it must hold: every batch gets its own texts back in order, whatever the order the
// batches finish in; a structure it cannot print fails that batch with a clear error and the next batch
// still prints; and a process never waits on it, neither after printing nor when it stops before printing
// (a spec that fails to load after `generate` started the printer).
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import type { StatementStructures } from "ts-morph";
import { describe, expect, it } from "vitest";
import { codeFile, StructureKind, VariableDeclarationKind } from "../../templates/code-file.ts";
import { printCodeFiles, stopPrinter } from "../../scripts/generate/print-code-files.ts";

const run = promisify(execFile);
const root = join(import.meta.dirname, "..", "..");

const constant = (name: string, value: number): StatementStructures => ({
  kind: StructureKind.VariableStatement,
  declarationKind: VariableDeclarationKind.Const,
  isExported: true,
  declarations: [{ name, initializer: String(value) }],
});

describe("printCodeFiles", () => {
  it("answers each batch with its own files' texts, in order", async () => {
    const batches = Array.from({ length: 20 }, (_, b) =>
      Array.from({ length: 1 + (b % 4) }, (_, i) =>
        codeFile(`src/b${b}/f${i}.ts`, [constant(`c${b}_${i}`, i)]),
      ),
    );
    const printed = await Promise.all(batches.map((files) => printCodeFiles(files)));
    expect(printed).toEqual(
      batches.map((files, b) =>
        files.map((_, i) => ({ path: `src/b${b}/f${i}.ts`, text: `export const c${b}_${i} = ${i};\n` })),
      ),
    );
    expect(await printCodeFiles([])).toEqual([]);
  });

  it("fails a batch it cannot print, naming why, and prints the next", async () => {
    // A structure kind ts-morph has no printer for.
    const unknownKind = { kind: 999 } as unknown as StatementStructures;
    await expect(printCodeFiles([codeFile("src/bad.ts", [unknownKind])])).rejects.toThrow(
      /^printing code files failed: /,
    );
    // A function cannot cross to the printer's thread.
    const withFunction = { ...constant("f", 1), declarations: [{ name: "f", initializer: () => 1 }] };
    await expect(
      printCodeFiles([codeFile("src/fn.ts", [withFunction as unknown as StatementStructures])]),
    ).rejects.toThrow(/could not be cloned/);
    expect(await printCodeFiles([codeFile("src/ok.ts", [constant("ok", 1)])])).toEqual([
      { path: "src/ok.ts", text: "export const ok = 1;\n" },
    ]);
  });

  it("starts again after it was stopped", async () => {
    await printCodeFiles([codeFile("src/a.ts", [constant("a", 1)])]);
    await stopPrinter();
    await stopPrinter();
    expect(await printCodeFiles([codeFile("src/b.ts", [constant("b", 2)])])).toEqual([
      { path: "src/b.ts", text: "export const b = 2;\n" },
    ]);
  });

  it("does not turn a failed batch nobody awaits into an unhandled rejection", async () => {
    // As when a template throws after earlier groups were sent: the render's own error is reported, and
    // the batch that fails meanwhile must not end the process (vitest fails a run on an unhandled one).
    void printCodeFiles([codeFile("src/bad.ts", [{ kind: 999 } as unknown as StatementStructures])]);
    // The printer answers in order: once this batch is back, the failed one has been answered.
    expect(await printCodeFiles([codeFile("src/ok.ts", [constant("ok", 2)])])).toEqual([
      { path: "src/ok.ts", text: "export const ok = 2;\n" },
    ]);
    await new Promise((resolve) => setImmediate(resolve));
  });

  // A real process, as the point is that it ends. It renders a whole small package, as `generate` does, so
  // it also tells whether the main thread loaded ts-morph (the cost the printer thread exists to hide).
  it("lets the process end, and keeps ts-morph off the main thread", async () => {
    const script = `
      import { createRequire } from "node:module";
      import { renderPackage } from "./scripts/generate/render-package.ts";
      import { startPrinter } from "./scripts/generate/print-code-files.ts";
      import { loadSpec } from "./scripts/spec/index.ts";
      const mode = process.argv.at(-1);
      startPrinter();
      if (mode === "render") {
        const loaded = await loadSpec("test/fixtures/specs/things.json", { displayName: "things.json" });
        const { files } = await renderPackage({
          document: loaded.document, packageName: "things", specName: "things.json", specHash: loaded.hash,
        });
        const loadedModules = Object.keys(createRequire(import.meta.url).cache);
        console.log(JSON.stringify({
          files: files.some((f) => f.path === "src/client.ts" && f.content.includes("class ")),
          tsMorph: loadedModules.filter((m) => /[\\\\/](ts-morph|typescript)[\\\\/]/.test(m)),
        }));
      }
    `;
    const node = (mode: string) =>
      run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script, mode], {
        cwd: root,
        // Far beyond a busy machine's few seconds: a process the printer holds open never ends.
        timeout: 90_000,
      });
    const [rendered, stopped] = await Promise.all([node("render"), node("stop")]);
    expect(JSON.parse(rendered.stdout)).toEqual({ files: true, tsMorph: [] });
    expect(stopped.stdout).toBe("");
  });
});
