// The types of operations' parts written out (src/types.ts, the resources: part-types.ts, walking the
// types in spec-types.ts) against the same parts as indexed accesses into openapi.ts, judged by the real
// tsc with the strict Equal: every part of every operation of every spec, refs to parameters, responses,
// request bodies and path items followed. Plus the walk's limits, and what a package root reaches.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildModel } from "../../../scripts/generate/model/build-model.ts";
import type { CodegenModel } from "../../../scripts/generate/model/codegen-model.ts";
import { loadSpec } from "../../../scripts/spec/index.ts";
import { PartTypes } from "../../../templates/part-types.ts";
import { checkParts, TEST_SPECS } from "./equivalence.ts";

const root = join(import.meta.dirname, "..", "..", "..");

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "specsmith-parts-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function model(document: Record<string, unknown>): CodegenModel {
  return buildModel({ document, packageName: "t", specName: "t.json", specHash: "h" });
}

describe("operation parts written out", () => {
  it("are the types the indexed accesses into openapi.ts give, for every part of every spec", async () => {
    let checks = 0;
    for (const [name, path] of TEST_SPECS) {
      const m = model((await loadSpec(join(root, path))).document);
      const result = await checkParts(m, join(dir, name));
      expect(result.failed, name).toEqual([]);
      expect(result.checks, name).toBeGreaterThan(0);
      checks += result.checks;
    }
    expect(checks).toBeGreaterThan(80);
  }, 120_000);

  it("follow refs to parameters and responses instead of naming openapi.ts", () => {
    const m = model({
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      paths: {
        "/pets/{id}": {
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          get: {
            operationId: "getPet",
            parameters: [
              { name: "id", in: "path", required: true, schema: { type: "integer" } },
              { $ref: "#/components/parameters/Limit" },
            ],
            responses: { "200": { $ref: "#/components/responses/PetResponse" } },
          },
        },
      },
      components: {
        schemas: { Pet: { type: "object", properties: { name: { type: "string" } } } },
        parameters: { Limit: { name: "limit", in: "query", schema: { type: "integer" } } },
        responses: {
          PetResponse: {
            description: "ok",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } },
          },
        },
      },
    });
    const [op] = m.operations;
    if (!op) throw new Error("no operation");
    const types = new PartTypes(m);
    // The operation's own `id` overrides the path item's.
    expect(types.pathParameter(op, "id")).toBe("number");
    expect(types.location(op, "query").replace(/\s+/g, " ")).toBe("{ limit?: number; }");
    expect(types.response(op, "200", "application/json")).toBe("$types.Pet");
    expect(types.namespaceImports("./")).toEqual([{ namespace: "$types", from: "./schema.js" }]);
  });

  it("stop at a ref that leads back to itself, and name the part in openapi.ts instead", () => {
    const mediaType = "#/paths/~1loop/post/requestBody/content/application~1json";
    const m = model({
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      paths: {
        "/loop": {
          post: {
            operationId: "loop",
            requestBody: { content: { "application/json": { schema: { $ref: mediaType } } } },
            responses: { "204": { description: "none" } },
          },
        },
      },
    });
    const [op] = m.operations;
    if (!op) throw new Error("no operation");
    const types = new PartTypes(m);
    expect(types.body(op)).toBe(
      'NonNullable<$openapi.paths["/loop"]["post"]["requestBody"]>["content"]["application/json"]',
    );
    expect(types.namespaceImports("../")).toEqual([{ namespace: "$openapi", from: "../openapi.js" }]);
  });

  it("compile where the spec names schemas like the global types they use (Record, Omit)", async () => {
    const m = model({
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      paths: {
        "/pets": {
          post: {
            operationId: "createPet",
            requestBody: {
              content: { "application/json": { schema: { $ref: "#/components/schemas/Cat" } } },
            },
            responses: {
              "200": { description: "ok", content: { "application/json": { schema: { type: "object" } } } },
            },
          },
        },
      },
      components: {
        schemas: {
          Record: { type: "object", properties: { tags: { type: "object" } } },
          Omit: { type: "string" },
          NonNullable: { type: "string" },
          Pet: {
            type: "object",
            required: ["petType"],
            properties: { petType: { type: "string" }, extra: { type: "object" } },
            discriminator: { propertyName: "petType" },
          },
          Cat: {
            allOf: [
              { $ref: "#/components/schemas/Pet" },
              { type: "object", properties: { purrs: { type: "boolean" } } },
            ],
          },
        },
      },
    });
    expect(m.schemas.map((s) => s.typeName)).toEqual(["Cat", "NonNullable2", "Omit2", "Pet", "Record2"]);
    const result = await checkParts(m, join(dir, "globals"));
    expect(result.failed).toEqual([]);
    expect(result.checks).toBeGreaterThan(0);
  });

  it("leave openapi.ts out of what a package root makes a consumer's tsc read", () => {
    for (const name of ["stripe-identity", "verifa"]) {
      // The built declarations, as a consumer reads them (the sources' method bodies import operations).
      const src = join(root, "generated", name, "dist");
      const program = ts.createProgram([join(src, "index.d.ts")], {
        strict: true,
        noEmit: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        skipLibCheck: true,
        types: [],
      });
      const read = program
        .getSourceFiles()
        .map((f) => f.fileName)
        .filter((f) => f.startsWith(src))
        .map((f) => f.slice(src.length + 1));
      expect(read, name).toContain("schema.d.ts");
      expect(read, name).toContain("types.d.ts");
      expect(read, name).not.toContain("openapi.d.ts");
      expect(
        read.filter((f) => f.startsWith("validators") || f.startsWith("operations")),
        name,
      ).toEqual([]);
    }
  });
});
