// DESIGN.md's layers, held by a test: no stage imports a stage beside or above it. Every static and
// dynamic import of our own files under scripts/ and templates/ is read with TypeScript's own
// pre-processor (not a regex) and checked against the table below.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "..");

/** What each layer may import besides itself. Tooling (commands, bench, corpus...) may import anything. */
const ALLOWED: Record<string, readonly string[]> = {
  "scripts/lib": [],
  "scripts/spec": ["scripts/lib"],
  "scripts/scrape": ["scripts/lib", "scripts/spec"],
  "scripts/generate": [
    "scripts/lib",
    "scripts/spec",
    "templates",
    "templates/runtime",
    "templates/validators",
  ],
  templates: ["scripts/lib", "scripts/spec", "scripts/generate", "templates/runtime", "templates/validators"],
  "templates/validators": ["scripts/lib", "templates"],
  // runtime/ is copied into every package: it imports nothing of ours.
  "templates/runtime": [],
  "scripts/diff": ["scripts/lib", "scripts/spec", "scripts/generate"],
  // capture finds and downloads pages; it asks the scraper whether a page documents an API.
  "scripts/capture": ["scripts/lib", "scripts/spec", "scripts/scrape"],
};

function layerOf(file: string): string {
  const parts = relative(root, file).split(sep);
  if (parts[0] === "templates") {
    const sub = parts[1] ?? "";
    return sub === "runtime" || sub === "validators" ? `templates/${sub}` : "templates";
  }
  return `${parts[0]}/${(parts[1] ?? "").replace(/\.ts$/, "")}`;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (entry.name.endsWith(".ts")) out.push(path);
  }
  return out;
}

function ownImports(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
  return info.importedFiles
    .map((i) => i.fileName)
    .filter((name) => name.startsWith("."))
    .map((name) => resolve(dirname(file), name));
}

describe("layers (DESIGN.md)", () => {
  const files = [...sourceFiles(join(root, "scripts")), ...sourceFiles(join(root, "templates"))];

  it("reads imports, dynamic ones included", () => {
    // The reader must see `await import("...")` as well as `import ... from`, or the check proves nothing.
    const generateCommand = files.find((f) => f.endsWith(join("commands", "generate.ts")));
    expect(generateCommand).toBeDefined();
    const dynamic = ownImports(generateCommand!).map((f) => relative(root, f));
    expect(dynamic).toContain(join("scripts", "spec", "index.ts"));
  });

  it("no stage imports a stage beside or above it", () => {
    const violations: string[] = [];
    for (const file of files) {
      const from = layerOf(file);
      const allowed = ALLOWED[from];
      if (!allowed) continue;
      for (const target of ownImports(file)) {
        const to = layerOf(target);
        if (to !== from && !allowed.includes(to)) violations.push(`${relative(root, file)} imports ${to}`);
      }
    }
    expect(violations).toEqual([]);
  });
});
