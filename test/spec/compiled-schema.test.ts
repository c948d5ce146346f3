// The OpenAPI 3.0 and 3.1 schemas are compiled ahead of time (scripts/spec/compile-schema.ts): each
// committed module must be what the builder makes today, check what the run-time validator checks, and be
// what schemaProblems uses (no run pays the ~0.35 s compile, nor loads ajv's compiler).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { Validator } from "@seriousme/openapi-schema-validator";
import { parse } from "yaml";
import { describe, expect, it, vi } from "vitest";
import { compiledSchemaFile, compiledSchemaSource, DIALECTS } from "../../scripts/spec/compile-schema.ts";
import compiled30 from "../../scripts/spec/openapi-3.0-schema.compiled.js";
import compiled31 from "../../scripts/spec/openapi-3.1-schema.compiled.js";
import type { Dialect } from "../../scripts/spec/version.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const specsDir = join(ROOT, "specs");
const fixtures = join(ROOT, "test", "fixtures", "specs");
const COMPILED = { "3.0": compiled30, "3.1": compiled31 };

/** 3.1: the committed scraper outputs; 3.0: the 3.0 fixtures (a schema zoo, a trimmed real Stripe spec). */
function sources(dialect: Dialect): { name: string; text: string }[] {
  if (dialect === "3.0") {
    return [
      { name: "schema-zoo-30", text: readFileSync(join(fixtures, "schema-zoo-30.yaml"), "utf8") },
      {
        name: "stripe identity",
        text: gunzipSync(readFileSync(join(fixtures, "stripe-1.3.17-identity.json.gz"))).toString("utf8"),
      },
    ];
  }
  return readdirSync(specsDir).flatMap((api) => {
    try {
      return [{ name: api, text: readFileSync(join(specsDir, api, "openapi.yaml"), "utf8") }];
    } catch {
      return [];
    }
  });
}

/** Documents of `dialect`, and copies of each broken in one place the schema forbids. */
function documents(dialect: Dialect): { name: string; doc: Record<string, unknown> }[] {
  const out: { name: string; doc: Record<string, unknown> }[] = [];
  for (const { name: api, text } of sources(dialect)) {
    const doc = parse(text) as Record<string, unknown>;
    expect(String(doc.openapi).startsWith(dialect)).toBe(true);
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

describe.each(DIALECTS)("the precompiled OpenAPI %s schema", (dialect) => {
  it("is what compile-schema.ts builds from the installed schema and ajv (rebuild it when this fails)", () => {
    expect(readFileSync(compiledSchemaFile(dialect), "utf8") === compiledSchemaSource(dialect)).toBe(true);
  });

  it("accepts and refuses what the run-time validator does, with the same errors", () => {
    const compiled = COMPILED[dialect];
    const runtime = (
      new Validator() as unknown as {
        getAjvValidator(v: string): typeof compiled;
      }
    ).getAjvValidator(dialect);
    const docs = documents(dialect);
    expect(docs.length).toBeGreaterThan(10);
    let accepted = 0;
    let refused = 0;
    for (const { name, doc } of docs) {
      const ours = compiled(doc);
      const theirs = runtime(doc);
      expect({ name, valid: ours, errors: compiled.errors ?? null }).toEqual({
        name,
        valid: theirs,
        errors: runtime.errors ?? null,
      });
      if (ours) accepted++;
      else refused++;
    }
    expect(accepted).toBeGreaterThan(1);
    expect(refused).toBeGreaterThan(5);
  });
});

describe("schemaProblems", () => {
  it.each(DIALECTS)("checks a %s document without compiling the schema at run time", async (dialect) => {
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
      const doc = { openapi: `${dialect}.0`, info: { title: "T", version: 1 }, paths: {} };
      expect(schemaProblems(doc, dialect)).toEqual([{ pointer: "/info/version", message: "must be string" }]);
    } finally {
      vi.doUnmock("@seriousme/openapi-schema-validator");
      vi.resetModules();
    }
  });
});
