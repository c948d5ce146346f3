import { describe, expect, it } from "vitest";
import { loadRenderApi } from "../../scripts/roundtrip/load-api.ts";
import { seed001 } from "../../scripts/roundtrip/renderers/seed-001.ts";
import { scrapePages } from "../../scripts/scrape/scrape-pages.ts";
import { validateOpenApi } from "../../scripts/scrape/validate.ts";

/** A 3.1 document whose one operation answers 200 with `schema` (and `example`, when given). */
function documentWith(schema: unknown, example?: unknown): Record<string, unknown> {
  const media = example === undefined ? { schema } : { schema, example };
  return {
    openapi: "3.1.0",
    info: { title: "T", version: "1" },
    paths: {
      "/widgets": {
        get: {
          operationId: "listWidgets",
          responses: { "200": { description: "OK", content: { "application/json": media } } },
        },
      },
    },
    components: { schemas: { Widget: { type: "object" } } },
  };
}

describe("validateOpenApi", () => {
  it("reads $id and $ref keys in examples and property maps as data, not as schema keywords", () => {
    const schema = { type: "object", properties: { $id: { type: "string" }, $ref: { type: "string" } } };
    const document = documentWith(schema, { $id: "abc", $ref: "nowhere" });
    const paths = document.paths as Record<string, { get: { responses: Record<string, unknown> } }>;
    // The same example under a second status: two "$id: abc" values are two values, not two schema ids.
    (paths["/widgets"] as { get: { responses: Record<string, unknown> } }).get.responses["201"] =
      structuredClone(
        (paths["/widgets"] as { get: { responses: Record<string, unknown> } }).get.responses["200"],
      );
    const before = structuredClone(document);
    expect(validateOpenApi(document)).toEqual([]);
    expect(document).toEqual(before);
  });

  it("still reports a schema $ref that points nowhere, and a ref to another file", () => {
    const broken = validateOpenApi(documentWith({ $ref: "#/components/schemas/Missing" }));
    expect(broken.map((p) => p.message).join()).toMatch(
      /\$ref "#\/components\/schemas\/Missing" at .*points nowhere/,
    );
    const external = validateOpenApi(documentWith({ $ref: "other.yaml#/Widget" }));
    expect(external.map((p) => p.message).join()).toMatch(/refers to another document/);
    expect(validateOpenApi(documentWith({ $ref: "#/components/schemas/Widget" }))).toEqual([]);
  });

  it("reports what fails the OpenAPI 3.1 schema", () => {
    const document = documentWith({ type: "object" });
    delete (document.info as Record<string, unknown>).version;
    expect(validateOpenApi(document)).toEqual([
      expect.objectContaining({ pointer: "/info", message: expect.stringContaining("version") as unknown }),
    ]);
  });
});

describe("scraping pages whose responses have a property named $id", () => {
  it("scrapes two seed-001 operations with `$id` examples into a valid spec", async () => {
    const schema = { type: "object", properties: { $id: { type: "string", example: "abc" } } };
    const get = (operationId: string, extra: Record<string, unknown> = {}) => ({
      operationId,
      summary: `Retrieve a ${operationId}`,
      ...extra,
      responses: { "200": { description: "OK", content: { "application/json": { schema } } } },
    });
    const spec = {
      openapi: "3.1.0",
      info: { title: "T", version: "1" },
      servers: [{ url: "https://api.example.com" }],
      paths: {
        "/v1/widgets/{widget}": {
          get: get("getWidget", {
            parameters: [{ name: "widget", in: "path", required: true, schema: { type: "string" } }],
          }),
        },
        "/v1/gadgets": { get: get("listGadgets") },
      },
    };
    const pages = seed001.render(loadRenderApi(spec as never, "example.com"), {});
    expect(pages.length).toBe(2);
    const result = await scrapePages(
      pages.map((p) => ({ file: p.file, text: p.text })),
      { version: "1", servers: [], specFile: "t.yaml" },
    );
    expect(result.operationCount).toBe(2);
    expect(result.yaml).toContain("$id: abc");
  });
});
