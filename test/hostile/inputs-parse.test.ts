// Every parse of user data is bounded: nesting deeper than 256 levels, YAML that the parser cannot nest,
// too many YAML aliases, aliases that expand a small file into a huge document, and alias cycles are each a
// clean exit 2 naming the file and the place, for generate and for diff. Inputs are built here.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { apiFolder, cli, put, scratch, specWithSchema, verifaPage } from "./inputs-helpers.ts";

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await scratch()));
afterEach(() => cleanup());

const DEEP = 5000;
const YAML_HEAD = "openapi: 3.1.0\ninfo: {title: T, version: '1'}\n";

/** A schema nested DEEP levels through properties. */
function deepSchema(): string {
  return '{"type":"object","properties":{"a":'.repeat(DEEP) + '{"type":"string"}' + "}}".repeat(DEEP);
}

/** A shared schema of `props` properties used by `aliases` properties through YAML aliases. */
function aliasBomb(props: number, aliases: number): string {
  const lines = [
    YAML_HEAD + "paths: {}\ncomponents:\n  schemas:\n    Bomb:\n      type: object\n      properties:",
  ];
  lines.push("        p0: &big\n          type: object\n          properties:");
  for (let i = 0; i < props; i++) lines.push(`            q${i}: {type: string, description: d}`);
  for (let i = 1; i < aliases; i++) lines.push(`        p${i}: *big`);
  return lines.join("\n") + "\n";
}

const POINTER_START = "/paths/~1a/get/responses/200/content/application~1json/schema/properties/a/";

describe("nesting", () => {
  it("generate: a schema nested 5,000 deep is exit 2 naming the file and the pointer", async () => {
    await put(join(dir, "deep.json"), specWithSchema(deepSchema()));
    const r = await cli(dir, "generate", "--no-build", "deep.json", "--out", "out");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error deep\.json: nested too deeply at \/paths\/~1a\/get\/responses\/200\//);
    expect(r.err).toContain(POINTER_START);
    expect(r.err).toMatch(/: more than 256 levels \(real specs nest about 30\)$/);
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it("diff: the same spec is exit 2 on either side", async () => {
    await put(join(dir, "deep.json"), specWithSchema(deepSchema()));
    await put(join(dir, "ok.json"), specWithSchema('{"type":"string"}'));
    for (const args of [
      ["ok.json", "deep.json"],
      ["deep.json", "ok.json"],
    ]) {
      const r = await cli(dir, "diff", ...args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^error deep\.json: nested too deeply at \/paths\/~1a\//);
    }
  });

  it("data nested 5,000 deep (an example value) is refused too", async () => {
    const example = '{"a":'.repeat(DEEP) + "1" + "}".repeat(DEEP);
    await put(
      join(dir, "deep.json"),
      specWithSchema('{"type":"object"}', `,"components":{"examples":{"deep":{"value":${example}}}}`),
    );
    const r = await cli(dir, "diff", "deep.json", "deep.json");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^error deep\.json: nested too deeply at \/components\/examples\/deep\/value\/a\/a\//,
    );
  });

  it("YAML flow nesting 5,000 deep, which the YAML parser itself cannot nest, is a clean error", async () => {
    await put(
      join(dir, "deep.yaml"),
      YAML_HEAD + "paths: {}\nx-deep: " + "[".repeat(DEEP) + "]".repeat(DEEP) + "\n",
    );
    const r = await cli(dir, "diff", "deep.yaml", "deep.yaml");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error deep\.yaml: nested too deeply to parse \(more than 256 levels\)/);
  });

  it("YAML block nesting over 256 levels is refused at its place", async () => {
    const lines = [YAML_HEAD + "paths: {}\nx-deep:"];
    for (let i = 1; i <= 300; i++) lines.push(`${" ".repeat(i)}k:`);
    await put(join(dir, "deep.yaml"), lines.join("\n") + " 1\n");
    const r = await cli(dir, "diff", "deep.yaml", "deep.yaml");
    expect(r.code).toBe(2);
    // The place is shown by its first and last segments (all 256 would fill the terminal).
    expect(r.err).toMatch(
      /^error deep\.yaml: nested too deeply at \/x-deep(\/k)+\/…\(\d+ more\)…(\/k)+: more than 256 levels/,
    );
  });

  it("an api.yaml nested too deeply is exit 2 naming it", async () => {
    await apiFolder(dir, ["pages/good.txt"], "x: " + "[".repeat(DEEP) + "]".repeat(DEEP));
    await put(join(dir, "specs/widgets/pages/good.txt"), await verifaPage());
    const r = await cli(dir, "scrape");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error specs\/widgets\/api\.yaml: nested too deeply to parse/);
  });
});

describe("YAML aliases", () => {
  it("generate: aliases that would expand a small file into a huge document are refused at once", async () => {
    // About 30 KB of YAML that expands to ~600,000 values (a 300 KB one of this shape made a 260 MB openapi.ts).
    await put(join(dir, "bomb.yaml"), aliasBomb(200, 1000));
    const r = await cli(dir, "generate", "--no-build", "bomb.yaml", "--out", "out");
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      "error bomb.yaml: YAML aliases expand /components/schemas/Bomb/properties to more than 250,000 values " +
        "(at most one per byte of the file, or 250,000 for a smaller one); use $refs to share parts",
    );
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it("diff: the same, while aliases used as real specs use them (a shared response) still load", async () => {
    await put(join(dir, "bomb.yaml"), aliasBomb(200, 1000));
    const r = await cli(dir, "diff", "bomb.yaml", "bomb.yaml");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^error bomb\.yaml: YAML aliases expand \/components\/schemas\/Bomb\/properties to more/,
    );
    const lines = [YAML_HEAD + "paths:"];
    for (let i = 0; i < 200; i++) {
      lines.push(`  /r${i}:`, "    get:", `      operationId: get${i}`, "      responses:");
      lines.push(i === 0 ? "        '500': &error" : "        '500': *error");
      if (i === 0)
        lines.push(
          "          description: failed",
          "          content: {application/json: {schema: {type: object}}}",
        );
      lines.push("        '200': {description: ok}");
    }
    await put(join(dir, "shared.yaml"), lines.join("\n") + "\n");
    const shared = await cli(dir, "diff", "shared.yaml", "shared.yaml");
    expect(shared.err).toBe("");
    expect(shared.code).toBe(0);
  });

  it("more than 10,000 aliases (which the YAML library resolves in quadratic time) are refused before resolving", async () => {
    const lines = [YAML_HEAD + "paths: {}\nx-anchors:\n  a: &a v\nx-list:"];
    for (let i = 0; i < 12_000; i++) lines.push("  - *a");
    await put(join(dir, "many.yaml"), lines.join("\n") + "\n");
    const r = await cli(dir, "diff", "many.yaml", "many.yaml");
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      "error many.yaml: has more than 10,000 YAML aliases (one too many on line 10007); use $refs to share parts",
    );
  });

  it("an alias cycle, which JSON cannot represent, is exit 2 naming the place", async () => {
    await put(
      join(dir, "cycle.yaml"),
      YAML_HEAD +
        "paths: {}\ncomponents:\n  schemas:\n    A: &a\n      type: object\n      properties:\n        self: *a\n",
    );
    const r = await cli(dir, "diff", "cycle.yaml", "cycle.yaml");
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      "error cycle.yaml: a YAML alias at /components/schemas/A/properties/self refers to a node that contains it: a cycle, which JSON cannot represent",
    );
  });
});
