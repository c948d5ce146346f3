// Issue 12 step 3, "the spec is right, not only valid": facts copied from JSON Schema blocks as OpenAPI
// 3.1 states them, path parameter names that make a path, bodies that stay bodies. Every case goes
// through the real scrapePages, from pages in the seed renderer's layout.
import { describe, expect, it } from "vitest";
import { mergePages } from "../../scripts/scrape/merge/merge.ts";
import { scrapePages } from "../../scripts/scrape/scrape-pages.ts";
import { field, op, page } from "./fragments.ts";
import { rendererPage } from "./renderer-page.ts";

const meta = { version: "1.0.0", servers: [], specFile: "test.yaml" };

type Schema = Record<string, unknown> & { properties?: Record<string, Schema> };
type Operation = {
  operationId?: string;
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
};
type Doc = { paths: Record<string, Record<string, Operation>> };

async function scrape(...pages: Parameters<typeof rendererPage>[]) {
  const result = await scrapePages(
    pages.map((p) => rendererPage(...p)),
    meta,
  );
  return { ...result, doc: result.document as unknown as Doc };
}

function bodySchema(doc: Doc, path: string, method: string): Schema {
  const content = doc.paths[path]?.[method]?.requestBody?.content ?? {};
  const media = Object.values(content)[0];
  if (!media) throw new Error(`no request body for ${method} ${path}`);
  return media.schema;
}

describe("JSON Schema blocks are read as OpenAPI 3.1", () => {
  const schema = {
    type: "object",
    additionalProperties: false,
    properties: {
      note: { type: "string", nullable: true },
      owner: { allOf: [{ type: "string", minLength: 1 }], nullable: true },
      limit: { type: "integer", minimum: 1, exclusiveMinimum: true, example: 3 },
      level: { type: "integer", enum: [1, 2] },
      options: { type: "object", additionalProperties: false, properties: { a: { type: "string" } } },
    },
  };

  it("converts nullable, example and boolean exclusive bounds as the generator's loader does", async () => {
    const { doc } = await scrape([
      "a.html",
      { summary: "Create a widget", method: "post", path: "/v1/widgets", schema },
    ]);
    const props = bodySchema(doc, "/v1/widgets", "post").properties ?? {};
    expect(props.note).toEqual({ type: ["string", "null"] });
    expect(props.owner).toEqual({
      anyOf: [{ allOf: [{ type: "string", minLength: 1 }] }, { type: "null" }],
    });
    expect(props.limit).toEqual({ type: "integer", exclusiveMinimum: 1, examples: [3] });
    expect(JSON.stringify(doc)).not.toMatch(/"nullable"|"example":|"exclusiveMinimum":true/);
  });

  it("keeps every keyword of the block, the object's own additionalProperties included", async () => {
    const { doc } = await scrape([
      "a.html",
      { summary: "Create a widget", method: "post", path: "/v1/widgets", schema },
    ]);
    const body = bodySchema(doc, "/v1/widgets", "post");
    expect(body.additionalProperties).toBe(false);
    expect(body.properties?.options?.additionalProperties).toBe(false);
    expect(body.properties?.level).toEqual({ type: "integer", enum: [1, 2] });
  });

  it("keeps a body a DELETE shows as a request body a body", async () => {
    const { doc } = await scrape([
      "a.html",
      {
        summary: "Delete widgets",
        method: "delete",
        path: "/v1/widgets",
        schema: { type: "object", properties: { ids: { type: "array", items: { type: "string" } } } },
      },
    ]);
    expect(doc.paths["/v1/widgets"]?.delete?.parameters ?? []).toEqual([]);
    expect(bodySchema(doc, "/v1/widgets", "delete").properties?.ids).toEqual({
      type: "array",
      items: { type: "string" },
    });
  });
});

describe("path parameter names", () => {
  it("does not rename a parameter into the name of another parameter of the same path", async () => {
    const { doc } = await scrape(
      [
        "t.html",
        {
          summary: "Retrieve a transfer",
          method: "get",
          path: "/v1/transfers/{id}",
          parameters: [{ name: "id", in: "path", type: "string" }],
        },
      ],
      [
        "r.html",
        {
          summary: "Retrieve a reversal",
          method: "get",
          path: "/v1/transfers/{transfer}/reversals/{id}",
          parameters: [
            { name: "transfer", in: "path", type: "string" },
            { name: "id", in: "path", type: "string" },
          ],
        },
      ],
    );
    expect(Object.keys(doc.paths).sort()).toEqual([
      "/v1/transfers/{id}",
      "/v1/transfers/{transfer}/reversals/{id}",
    ]);
    const names = doc.paths["/v1/transfers/{transfer}/reversals/{id}"]?.get?.parameters?.map((p) => p.name);
    expect(names).toEqual(["transfer", "id"]);
  });

  it("names the repeat of a name a page itself writes twice {id2}, with a warning", async () => {
    const r = await scrape([
      "d.html",
      {
        summary: "Get a pair",
        method: "get",
        path: "/v1/pairs/{id}/items/{id}",
        parameters: [{ name: "id", in: "path", type: "string" }],
      },
    ]);
    expect(Object.keys(r.doc.paths)).toEqual(["/v1/pairs/{id}/items/{id2}"]);
    expect(r.doc.paths["/v1/pairs/{id}/items/{id2}"]?.get?.parameters?.map((p) => p.name)).toEqual([
      "id",
      "id2",
    ]);
    expect(r.warnings.map((w) => [w.file, w.message])).toEqual([
      ["d.html", expect.stringMatching(/repeats the parameter name "id"; the repeat is \{id2\}/)],
    ]);
    expect(r.report).toMatch(/## Warnings\n\n- .*d\.html.*repeats the parameter name/);
  });
});

describe("enum values of the declared type", () => {
  it("reads the values a list writes as text as the integers the type declares", () => {
    const r = mergePages({
      ...meta,
      title: "T",
      pages: [
        page("a.txt", [
          op("a.txt", 1, {
            method: "post",
            path: "/v1/jobs",
            requestBody: {
              fields: [
                field("a.txt", 2, "priority", { type: "integer", enum: ["1", "2", "2"] }, "typed"),
                field("a.txt", 3, "mode", { type: "integer", enum: ["1", "fast"] }, "typed"),
                field(
                  "a.txt",
                  4,
                  "flags",
                  { type: "array", items: { type: "boolean", enum: ["true"] } },
                  "typed",
                ),
              ],
            },
          }),
        ]),
      ],
    });
    const props = bodySchema(r.document as unknown as Doc, "/v1/jobs", "post").properties ?? {};
    expect(props.priority).toEqual({ type: "integer", enum: [1, 2] });
    expect(props.mode).toEqual({ type: "integer", enum: [1] });
    expect(props.flags).toEqual({ type: "array", items: { type: "boolean", enum: [true] } });
    expect(r.log.decisions.some((d) => d.kind === "conflict" && d.message.includes('"fast"'))).toBe(true);
  });
});

describe("operationIds", () => {
  function ids(doc: Doc): Record<string, string | undefined> {
    return Object.fromEntries(
      Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.entries(ops).map(([method, o]) => [`${method} ${path}`, o.operationId]),
      ),
    );
  }

  it("takes the identifier a page states when it is a camelCase verb + noun, over the title", async () => {
    const r = await scrapePages(
      [
        rendererPage("a.html", { summary: "listAssistants", method: "get", path: "/v1/assistants" }),
        {
          file: "b.md",
          text:
            "# List all assistants\n\nReturns the assistants.\n\n```\nGET /v1/assistants\n```\n\n" +
            "## Query parameters\n\n| Name | Type | Description |\n|---|---|---|\n| limit | integer | How many. |\n",
        },
      ],
      meta,
    );
    const doc = r.document as unknown as Doc;
    expect(ids(doc)).toEqual({ "get /v1/assistants": "listAssistants" });
    expect(doc.paths["/v1/assistants"]?.get).toMatchObject({ summary: "List all assistants" });
  });

  it("reads a method and path run together, and a sentence, as no name: the REST shape names them", async () => {
    const sentence =
      "This endpoint lets you cancel a widget that is still pending, provided that it was created " +
      "within the last thirty days";
    const { doc } = await scrape(
      ["a.html", { summary: "PostV1Widgets", method: "post", path: "/v1/widgets" }],
      ["b.html", { summary: sentence, method: "post", path: "/v1/widgets/{id}/cancel" }],
      ["c.html", { summary: "getV1WidgetsId", method: "get", path: "/v1/widgets/{id}" }],
    );
    expect(ids(doc)).toEqual({
      "post /v1/widgets": "createWidget",
      "post /v1/widgets/{id}/cancel": "cancelWidget",
      "get /v1/widgets/{id}": "retrieveWidget",
    });
    expect(doc.paths["/v1/widgets"]?.post).toMatchObject({ "x-renderer-operation-id": "PostV1Widgets" });
  });
});
