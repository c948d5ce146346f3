// The OpenAPI 3.1 schema is compiled ahead of time (scripts/spec/compile-schema.ts): the committed module
// must be what the builder makes today, check what the run-time validator checks, and be what
// schemaProblems uses for 3.1 (no run pays the ~0.35 s compile).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { parse } from "yaml";
import { describe, expect, it, vi } from "vitest";
import { COMPILED_SCHEMA_FILE, compiledSchemaSource } from "../../scripts/spec/compile-schema.ts";
import compiled31 from "../../scripts/spec/openapi-3.1-schema.compiled.js";

const specsDir = join(import.meta.dirname, "..", "..", "specs");

/** The committed scraper outputs, and copies of each broken in one place the schema forbids. */
function documents(): { name: string; doc: Record<string, unknown> }[] {
  const out: { name: string; doc: Record<string, unknown> }[] = [];
  for (const api of readdirSync(specsDir)) {
    let text: string;
    try {
      text = readFileSync(join(specsDir, api, "openapi.yaml"), "utf8");
    } catch {
      continue;
    }
    const doc = parse(text) as Record<string, unknown>;
    out.push({ name: api, doc });
    // Loose on purpose: each break writes where the schema forbids it.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const breaks: [string, (d: Record<string, any>) => void][] = [
      ["version not a string", (d) => (d.info.version = 3)],
      ["unknown top-level key", (d) => (d.x = 1)],
      ["response without description", (d) => (d.paths["/zz"] = { get: { responses: { "200": {} } } })],
      ["bad parameter in", (d) => (d.paths["/zz"] = { get: { parameters: [{ name: "a", in: "body" }] } })],
      ["server url not a string", (d) => (d.servers = [{ url: 1 }])],
      [
        "bad media range key",
        (d) =>
          (d.paths["/zz"] = {
            get: { responses: { "2XX": { description: "x", content: { "a/b": { schema: 1 } } } } },
          }),
      ],
    ];
    for (const [what, breakIt] of breaks) {
      const broken = structuredClone(doc);
      breakIt(broken);
      out.push({ name: `${api}: ${what}`, doc: broken });
    }
  }
  return out;
}

describe("the precompiled OpenAPI 3.1 schema", () => {
  it("is what compile-schema.ts builds from the installed schema and ajv (rebuild it when this fails)", () => {
    expect(readFileSync(COMPILED_SCHEMA_FILE, "utf8") === compiledSchemaSource()).toBe(true);
  });

  it("accepts and refuses what the run-time validator does, with the same errors", () => {
    const runtime = (
      new Validator() as unknown as {
        getAjvValidator(v: string): typeof compiled31;
      }
    ).getAjvValidator("3.1");
    const docs = documents();
    expect(docs.length).toBeGreaterThan(10);
    let refused = 0;
    for (const { name, doc } of docs) {
      const ours = compiled31(doc);
      const theirs = runtime(doc);
      expect({ name, valid: ours, errors: compiled31.errors ?? null }).toEqual({
        name,
        valid: theirs,
        errors: runtime.errors ?? null,
      });
      if (!ours) refused++;
    }
    expect(refused).toBeGreaterThan(5);
  });
});

describe("schemaProblems", () => {
  it("checks a 3.1 document without compiling the schema at run time", async () => {
    vi.resetModules();
    vi.doMock("@seriousme/openapi-schema-validator", () => ({
      Validator: class {
        constructor() {
          throw new Error("the 3.1 schema was compiled at run time");
        }
      },
    }));
    try {
      const { schemaProblems } = await import("../../scripts/spec/validate.ts");
      const doc = { openapi: "3.1.0", info: { title: "T", version: 1 }, paths: {} };
      expect(schemaProblems(doc, "3.1")).toEqual([{ pointer: "/info/version", message: "must be string" }]);
    } finally {
      vi.doUnmock("@seriousme/openapi-schema-validator");
      vi.resetModules();
    }
  });
});
