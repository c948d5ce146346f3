// JSON Schema -> type, printed: given a schema, want the type openapi-typescript 7 writes for it (its
// output for each case was checked by hand; equivalence.test.ts checks the same keywords against it by
// tsc through the schema-zoo fixture).
import { describe, expect, it } from "vitest";
import { createContext, type EmitContext } from "../../../templates/schema-types/emit-context.ts";
import { FileRefs } from "../../../templates/schema-types/file-refs.ts";
import { printType } from "../../../templates/schema-types/print-type.ts";
import { schemaToType } from "../../../templates/schema-types/schema-to-type.ts";

type Obj = Record<string, unknown>;

const SCHEMAS: Obj = {
  Pet: {
    type: "object",
    required: ["petType"],
    properties: { petType: { type: "string" }, name: { type: "string" } },
    discriminator: { propertyName: "petType", mapping: { cat: "#/components/schemas/Cat" } },
  },
  Cat: {
    allOf: [
      { $ref: "#/components/schemas/Pet" },
      { type: "object", properties: { meows: { type: "boolean" } } },
    ],
  },
  Lizard: { allOf: [{ $ref: "#/components/schemas/Pet" }] },
  Shapes: {
    oneOf: [{ $ref: "#/components/schemas/Square" }, { $ref: "#/components/schemas/Circle" }],
    discriminator: { propertyName: "kind", mapping: { round: "#/components/schemas/Circle" } },
  },
  Square: { type: "object", properties: { side: { type: "number" } } },
  Circle: { allOf: [{ type: "object", properties: { radius: { type: "number" } } }] },
  Base: { type: "object", properties: { a: { type: "string" }, b: { type: "string" } } },
};

function context(): EmitContext {
  return createContext({ openapi: "3.1.0", components: { schemas: structuredClone(SCHEMAS) } });
}

/** The printed type on one line. */
function typeOf(schema: unknown, path = "#/components/schemas/T", ctx = context()): string {
  return printType(schemaToType(schema, ctx, path)).replace(/\s+/g, " ");
}

describe("schemaToType", () => {
  it.each([
    ["true", true, "unknown"],
    ["false", false, "never"],
    ["{}", {}, "unknown"],
    ["a description only", { description: "x" }, "unknown"],
    ["string", { type: "string" }, "string"],
    ["format binary (still a string)", { type: "string", format: "binary" }, "string"],
    ["integer", { type: "integer" }, "number"],
    ["number", { type: "number" }, "number"],
    ["boolean", { type: "boolean" }, "boolean"],
    ["null", { type: "null" }, "null"],
    ["object without properties", { type: "object" }, "Record<string, unknown>"],
    ["an unknown type", { type: "file" }, "Record<string, unknown>"],
    ["type list", { type: ["string", "integer", "null"] }, "string | number | null"],
    [
      "type list with object",
      { type: ["object", "null"], properties: { a: { type: "string" } } },
      "{ a?: string; } | null",
    ],
    [
      "type list beside oneOf (a type a member has is left to it)",
      { type: ["string", "number"], oneOf: [{ type: "string" }, { type: "object" }] },
      "number & (string | Record<string, unknown>)",
    ],
    ["enum", { type: "string", enum: ["a", "b"] }, '"a" | "b"'],
    ["nullable enum", { type: ["string", "null"], enum: ["a", "b"] }, '"a" | "b" | null'],
    [
      "mixed enum",
      { enum: [1, -2, 2.5, true, false, null, "x"] },
      '1 | -2 | 2.5 | true | false | null | "x"',
    ],
    ["const string", { const: "fixed" }, '"fixed"'],
    ["const number", { const: -3 }, "-3"],
    [
      "const object",
      { const: { a: [1, "x"], b: {}, c: [] } },
      '{ a: [1, "x"]; b: Record<string, never>; c: never[]; }',
    ],
    ["const null falls through to type", { const: null, type: "null" }, "null"],
    ["$ref", { $ref: "#/components/schemas/Pet" }, 'components["schemas"]["Pet"]'],
    [
      "$ref wins over siblings",
      { $ref: "#/components/schemas/Pet", type: "string" },
      'components["schemas"]["Pet"]',
    ],
    [
      "$ref into a schema's properties",
      { $ref: "#/components/schemas/Pet/properties/name" },
      'components["schemas"]["Pet"]["name"]',
    ],
    ["$ref with escapes", { $ref: "#/components/schemas/a~1b~0c%20d" }, 'components["schemas"]["a/b~c d"]'],
    [
      "$ref to another component type",
      { $ref: "#/components/parameters/P" },
      'components["parameters"]["P"]',
    ],
    ["$ref outside the declarations", { $ref: "#/x-things/Y" }, "unknown"],
    [
      "properties and required",
      { type: "object", required: ["a"], properties: { a: { type: "string" }, b: { type: "integer" } } },
      "{ a: string; b?: number; }",
    ],
    [
      "a default makes a property required",
      { type: "object", properties: { n: { type: "integer", default: 1 } } },
      "{ /** @default 1 */ n: number; }",
    ],
    [
      "readOnly is readonly, writeOnly is ignored",
      {
        type: "object",
        properties: { r: { type: "string", readOnly: true }, w: { type: "string", writeOnly: true } },
      },
      "{ readonly r?: string; w?: string; }",
    ],
    [
      "additionalProperties: true",
      { type: "object", additionalProperties: true },
      "{ [key: string]: unknown; }",
    ],
    ["additionalProperties: {}", { type: "object", additionalProperties: {} }, "{ [key: string]: unknown; }"],
    [
      "additionalProperties: false",
      { type: "object", additionalProperties: false },
      "Record<string, unknown>",
    ],
    [
      "properties, additionalProperties and patternProperties",
      {
        type: "object",
        properties: { a: { type: "string" } },
        additionalProperties: { type: "integer" },
        patternProperties: { "^x-": { type: "boolean" } },
      },
      "{ a?: string; } & { [key: string]: number | boolean; }",
    ],
    ["$defs", { type: "object", $defs: { inner: { type: "string" } } }, "{ $defs: { inner: string; }; }"],
    ["array", { type: "array", items: { type: "string" } }, "string[]"],
    [
      "array of arrays",
      { type: "array", items: { type: "array", items: { type: "integer" } } },
      "number[][]",
    ],
    ["array without items", { type: "array" }, "unknown[]"],
    ["array of a union", { type: "array", items: { type: ["string", "null"] } }, "(string | null)[]"],
    [
      "minItems/maxItems are not tuples",
      { type: "array", minItems: 2, maxItems: 2, items: { type: "string" } },
      "string[]",
    ],
    [
      "prefixItems",
      { type: "array", prefixItems: [{ type: "string" }, { type: "integer" }], items: false },
      "[string, number]",
    ],
    ["oneOf of primitives", { oneOf: [{ type: "string" }, { type: "integer" }] }, "string | number"],
    [
      "oneOf beside properties",
      {
        type: "object",
        properties: { kind: { type: "string" } },
        oneOf: [{ $ref: "#/components/schemas/Pet" }, { $ref: "#/components/schemas/Base" }],
      },
      '{ kind?: string; } & (components["schemas"]["Pet"] | components["schemas"]["Base"])',
    ],
    [
      "anyOf is a union with the rest",
      {
        type: "object",
        properties: { a: { type: "string" } },
        anyOf: [{ type: "string" }, { required: ["a"] }],
      },
      "{ a?: string; } | string | unknown",
    ],
    [
      "allOf, with the parent's required reaching a referenced schema's properties",
      {
        required: ["a", "c", "missing"],
        allOf: [{ $ref: "#/components/schemas/Base" }, { properties: { c: { type: "string" } } }],
      },
      'WithRequired<components["schemas"]["Base"], "a"> & { c: string; }',
    ],
    [
      "allOf beside properties",
      {
        type: "object",
        properties: { own: { type: "string" } },
        allOf: [{ $ref: "#/components/schemas/Base" }],
      },
      '{ own?: string; } & components["schemas"]["Base"]',
    ],
  ])("%s", (_name, schema, want) => {
    expect(typeOf(schema)).toBe(want);
  });

  it("notes that the WithRequired helper is needed (the printer of openapi.ts, which declares it)", () => {
    const ctx = context();
    const refs = new FileRefs("openapi");
    printType(schemaToType({ type: "object", properties: { a: { type: "string" } } }, ctx, "#/x"), refs);
    expect(refs.needsWithRequired).toBe(false);
    printType(
      schemaToType({ required: ["a"], allOf: [{ $ref: "#/components/schemas/Base" }] }, ctx, "#/x"),
      refs,
    );
    expect(refs.needsWithRequired).toBe(true);
  });

  it("keeps defaults optional under a path that names parameters or a request body", () => {
    const schema = { type: "object", properties: { n: { type: "integer", default: 1 } } };
    for (const path of [
      "#/components/parameters/Limit",
      "#/components/schemas/search_parameters",
      "#/paths/~1a/post/requestBody/content/application~1json",
      "#/components/requestBodies/New/content/application~1json",
    ]) {
      expect(typeOf(schema, path)).toBe("{ /** @default 1 */ n?: number; }");
    }
  });
});

describe("discriminators", () => {
  const at = (name: string) => `#/components/schemas/${name}`;
  /** A component schema of the context's own document (patches are tied to its objects). */
  const component = (name: string) => {
    const ctx = context();
    const schemas = (ctx.document.components as Obj).schemas as Obj;
    return typeOf(schemas[name], at(name), ctx);
  };

  it("narrows a mapped allOf child: the parent's property omitted, the mapping value added", () => {
    expect(component("Cat")).toBe(
      'Omit<components["schemas"]["Pet"], "petType"> & { meows?: boolean; } & { petType: "cat"; }',
    );
  });

  it("gives an unmapped allOf child its own name as the value", () => {
    expect(component("Lizard")).toBe(
      '{ petType: "Lizard"; } & Omit<components["schemas"]["Pet"], "petType">',
    );
  });

  it("writes the value into oneOf members: into properties, or as one more allOf member", () => {
    expect(component("Square")).toBe('{ side?: number; kind: "Square"; }');
    expect(component("Circle")).toBe('{ radius?: number; } & { kind: "round"; }');
  });

  it("does not change the document", () => {
    const document = { openapi: "3.1.0", components: { schemas: structuredClone(SCHEMAS) } };
    const before = structuredClone(document);
    const ctx = createContext(document);
    for (const name of Object.keys(SCHEMAS)) schemaToType(document.components.schemas[name], ctx, at(name));
    expect(document).toEqual(before);
  });
});
