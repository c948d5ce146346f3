// The file's shape: the declarations and the paths/operations/components layout openapi-typescript users
// index into (paths[p][m]["parameters"]["query"], ["requestBody"], ["responses"][200]["content"][mt]),
// and how a package splits it into src/openapi.ts and src/schema.ts.
import { describe, expect, it } from "vitest";
import { emitOpenApiTypes } from "../../../templates/schema-types/emit.ts";
import { renderOpenApiTypes, renderSchemaTypes } from "../../../templates/schema-types.ts";
import { buildModel } from "../../../scripts/generate/model/build-model.ts";

const DOCUMENT = {
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  paths: {
    "/pets/{id}": {
      parameters: [
        { name: "id", in: "path", required: true, schema: { type: "string" } },
        { name: "X-Trace", in: "header", schema: { type: "string" } },
      ],
      get: {
        operationId: "getPet",
        summary: "Get a pet",
        parameters: [
          { name: "id", in: "path", required: true, schema: { type: "integer" } },
          { name: "fields", in: "query", schema: { type: "string" } },
          { $ref: "#/components/parameters/Limit" },
        ],
        responses: {
          "200": {
            description: "ok",
            headers: { "X-Rate": { required: true, schema: { type: "integer" } } },
            content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } },
          },
          "4XX": { description: "client error" },
          default: { $ref: "#/components/responses/Problem" },
        },
      },
      post: {
        requestBody: {
          required: true,
          content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } },
        },
        parameters: [{ name: "dry", in: "query", required: true, schema: { type: "boolean" } }],
        responses: { "201": { description: "created" } },
      },
      patch: {
        operationId: "pets#patch",
        requestBody: { content: {} },
        responses: {},
      },
    },
  },
  components: {
    schemas: { Pet: { type: "object", properties: { name: { type: "string" } } } },
    parameters: { Limit: { name: "limit", in: "query", schema: { type: "integer" } } },
    responses: { Problem: { description: "problem" } },
  },
};

/** The output on one line, for matching fragments regardless of layout. */
const flat = (text: string) => text.replace(/\/\*\*[^]*?\*\//g, "").replace(/\s+/g, " ");

describe("emitOpenApiTypes", () => {
  const text = emitOpenApiTypes(DOCUMENT);
  const one = flat(text);

  it("declares paths, webhooks, components, $defs and operations, empty ones as Record<string, never>", () => {
    expect(text).toMatch(/^export interface paths \{$/m);
    expect(text).toContain("export type webhooks = Record<string, never>;\n");
    expect(text).toMatch(/^export interface components \{$/m);
    expect(text).toContain("export type $defs = Record<string, never>;\n");
    expect(text).toMatch(/^export interface operations \{$/m);
    expect(text).not.toContain("WithRequired");
  });

  it("writes a path item with its own parameters and every method, absent ones as never", () => {
    expect(one).toContain(
      '"/pets/{id}": { parameters: { query?: never; header?: { "X-Trace"?: string; }; path: { id: string; }; cookie?: never; };',
    );
    expect(one).toContain('get: operations["getPet"]; put?: never; post: {');
    expect(one).toContain('patch: operations["pets/patch"]; trace?: never; };');
  });

  it("merges path-level parameters into an operation, the operation's own winning by in and name", () => {
    expect(one).toContain(
      'getPet: { parameters: { query?: { fields?: string; limit?: components["parameters"]["Limit"]; }; header?: { "X-Trace"?: string; }; path: { id: number; }; cookie?: never; };',
    );
  });

  it("makes a location required when one of its parameters is", () => {
    expect(one).toContain("post: { parameters: { query: { dry: boolean; }; header?: {");
  });

  it("types request bodies: absent, required, and without media types", () => {
    expect(one).toContain("requestBody?: never; responses: { 200:");
    expect(one).toContain(
      'requestBody: { content: { "application/json": components["schemas"]["Pet"]; }; };',
    );
    expect(one).toContain('requestBody?: { content: { "*/*"?: never; }; }; responses: never;');
  });

  it("types responses by status, with headers and content", () => {
    expect(one).toContain(
      '200: { headers: { "X-Rate": number; [name: string]: unknown; }; content: { "application/json": components["schemas"]["Pet"]; }; };',
    );
    expect(one).toContain('"4XX": { headers: { [name: string]: unknown; }; content?: never; };');
    expect(one).toContain('default: components["responses"]["Problem"];');
  });

  it("lists every component section, empty ones as never", () => {
    expect(one).toContain("schemas: { Pet: { name?: string; }; }; responses: { Problem:");
    expect(one).toContain("requestBodies: never; headers: never; pathItems: never; }");
  });

  it("writes no operations declaration body when no operation has an id", () => {
    const bare = emitOpenApiTypes({ openapi: "3.1.0", paths: { "/a": { get: { responses: {} } } } });
    expect(bare).toContain("export type operations = Record<string, never>;\n");
    expect(bare).toContain("export type components = Record<string, never>;\n");
  });

  it("is deterministic and leaves the document as it was", () => {
    const before = structuredClone(DOCUMENT);
    expect(emitOpenApiTypes(DOCUMENT)).toBe(text);
    expect(DOCUMENT).toEqual(before);
  });
});

describe("a package's two type files", () => {
  const model = () => buildModel({ document: DOCUMENT, packageName: "t", specName: "t.yaml", specHash: "h" });
  const openapi = renderOpenApiTypes(model());
  const schema = renderSchemaTypes(model());

  it("declare each component schema in schema.ts, which openapi.ts points at", () => {
    expect(flat(schema)).toBe("export type Pet = { name?: string; }; ");
    expect(openapi.startsWith('import type * as $types from "./schema.js";\n')).toBe(true);
    expect(flat(openapi)).toContain("schemas: { Pet: $types.Pet; };");
    // Refs to schemas go through the declaration too; other components stay where they are.
    expect(flat(openapi)).toContain('content: { "application/json": $types.Pet; };');
    expect(flat(openapi)).toContain('default: components["responses"]["Problem"];');
    expect(openapi).not.toContain('components["schemas"]');
  });

  it("are the same for the same spec, and leave the document as it was", () => {
    const before = structuredClone(DOCUMENT);
    expect(renderOpenApiTypes(model())).toBe(openapi);
    expect(renderSchemaTypes(model())).toBe(schema);
    expect(DOCUMENT).toEqual(before);
  });

  it("write WithRequired out in schema.ts, which declares no helper of its own", () => {
    const document = {
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      paths: {},
      components: {
        schemas: {
          Pet: { type: "object", properties: { name: { type: "string" } } },
          NamedPet: { allOf: [{ $ref: "#/components/schemas/Pet" }], required: ["name"] },
        },
      },
    };
    const m = buildModel({ document, packageName: "t", specName: "t.yaml", specHash: "h" });
    const text = renderSchemaTypes(m);
    expect(flat(text)).toContain('export type NamedPet = (Pet & { [P in "name"]-?: Pet[P] });');
    expect(text).not.toContain("WithRequired");
  });

  it("are modules even when the spec has no component schema", () => {
    const m = buildModel({
      document: { openapi: "3.1.0", info: { title: "t", version: "1" }, paths: {} },
      packageName: "t",
      specName: "t.yaml",
      specHash: "h",
    });
    expect(renderSchemaTypes(m)).toBe("export {};\n");
  });
});
