import { describe, expect, it } from "vitest";
import { fact } from "../../scripts/scrape/fragment.ts";
import { mergePages } from "../../scripts/scrape/merge/merge.ts";
import { checkSpec } from "../../scripts/scrape/spec-checks.ts";
import { validateOpenApi } from "../../scripts/scrape/validate.ts";
import { field, op, page, param } from "./fragments.ts";

const meta = { title: "Test API", version: "1.0.0", servers: [] };

type Doc = {
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components?: Record<string, Record<string, Record<string, unknown>>>;
};

function merge(...pages: Parameters<typeof page>[]): ReturnType<typeof mergePages> & { doc: Doc } {
  const result = mergePages({ ...meta, pages: pages.map((p) => page(...p)) });
  return { ...result, doc: result.document as unknown as Doc };
}

describe("joining operations", () => {
  it("joins pages that give the same route with different parameter names", () => {
    const r = merge(
      [
        "a.html",
        [
          op("a.html", 1, {
            method: "post",
            path: "/v1/widgets/{widget}",
            requestBody: { fields: [field("a.html", 2, "name", { type: "string" }, "schema")] },
          }),
        ],
      ],
      ["b.txt", [op("b.txt", 5, { method: "post", path: "/v1/widgets/{id}", title: "Update a Widget" })]],
    );
    expect(Object.keys(r.doc.paths)).toEqual(["/v1/widgets/{widget}"]);
    expect(r.doc.paths["/v1/widgets/{widget}"]?.post?.summary).toBe("Update a Widget");
    expect(
      r.log.decisions.some((d) => d.kind === "rename" && d.message.includes('"id" renamed to "widget"')),
    ).toBe(true);
  });

  it("gives one name to a parameter inside a segment that two pages name differently (Google's {x}:write)", () => {
    // Two pages show the same route, POST /v1/{...}:write, each documenting its own name for the
    // parameter: one name must win on both, or the operation declares a parameter its path lacks.
    const r = merge(
      [
        "a.html",
        [
          op("a.html", 1, {
            method: "post",
            path: "/v1/{tensorboardExperiment}:write",
            parameters: [param("a.html", 2, "path", "tensorboardExperiment", { type: "string" }, "schema")],
          }),
        ],
      ],
      [
        "b.html",
        [
          op("b.html", 5, {
            method: "post",
            path: "/v1/{tensorboardRun}:write",
            parameters: [param("b.html", 6, "path", "tensorboardRun", { type: "string" }, "schema")],
          }),
        ],
      ],
    );
    expect(Object.keys(r.doc.paths)).toEqual(["/v1/{tensorboardExperiment}:write"]);
    const declared = (
      r.doc.paths["/v1/{tensorboardExperiment}:write"]?.post?.parameters as { name: string }[]
    ).map((p) => p.name);
    expect(declared).toEqual(["tensorboardExperiment"]);
    expect(checkSpec(r.document, [], r)).toEqual([]);
  });

  it("joins a path written with a trailing slash to the same path without it, which wins; alone it stays", () => {
    const r = merge(
      ["a.md", [op("a.md", 1, { method: "patch", path: "/v2/widgets/{widget_id}/" })]],
      ["b.txt", [op("b.txt", 5, { method: "patch", path: "/v2/widgets/{widget_id}" })]],
      ["c.txt", [op("c.txt", 9, { method: "get", path: "/v2/apps/" })]],
    );
    expect(Object.keys(r.doc.paths).sort()).toEqual(["/v2/apps/", "/v2/widgets/{widget_id}"]);
  });

  it("renames a parameter on every route under the same prefix", () => {
    const r = merge(
      [
        "a.html",
        [
          op("a.html", 1, {
            method: "post",
            path: "/v1/widgets/{widget}",
            requestBody: { fields: [field("a.html", 2, "x", { type: "string" }, "schema")] },
          }),
        ],
      ],
      [
        "b.txt",
        [op("b.txt", 5, { method: "post", path: "/v1/widgets/{id}/cancel", title: "Cancel a Widget" })],
      ],
    );
    expect(Object.keys(r.doc.paths).sort()).toEqual(["/v1/widgets/{widget}", "/v1/widgets/{widget}/cancel"]);
  });

  it("joins a page without method or path by title", () => {
    const r = merge(
      ["a.txt", [op("a.txt", 1, { method: "get", path: "/v1/widgets", title: "List widgets" })]],
      [
        "b.md",
        [
          op("b.md", 9, {
            title: "List widgets",
            description: fact("All the widgets.", { file: "b.md", line: 10 }, "prose"),
          }),
        ],
      ],
    );
    expect(r.doc.paths["/v1/widgets"]?.get?.description).toBe("All the widgets.");
    expect(r.log.decisions.find((d) => d.kind === "join")?.message).toContain("joined by its title");
  });

  it("joins by REST convention when no title matches, and says so", () => {
    const r = merge(
      [
        "a.txt",
        [
          op("a.txt", 1, { method: "post", path: "/v1/widgets" }),
          op("a.txt", 20, { method: "get", path: "/v1/widgets" }),
        ],
      ],
      ["b.md", [op("b.md", 3, { title: "Create a Widget", slug: "/api/widgets/create" })]],
    );
    expect(r.doc.paths["/v1/widgets"]?.post?.summary).toBe("Create a Widget");
    expect(r.doc.paths["/v1/widgets"]?.get?.summary).toBeUndefined();
    const join = r.log.decisions.find((d) => d.kind === "join");
    expect(join?.message).toContain("REST convention");
  });

  it("leaves out and reports an operation it cannot place", () => {
    const r = merge(
      ["a.txt", [op("a.txt", 1, { method: "get", path: "/v1/widgets" })]],
      ["b.md", [op("b.md", 3, { title: "Frobnicate the gadgets" })]],
    );
    expect(Object.keys(r.doc.paths)).toEqual(["/v1/widgets"]);
    expect(r.unplaced).toEqual([
      { title: "Frobnicate the gadgets", source: { file: "b.md", line: 3 }, fields: [] },
    ]);
  });
});

describe("children of arrays", () => {
  it("places the fields listed under an array field in its items, not beside them", () => {
    const items = { type: "string" };
    const r = merge([
      "t.txt",
      [
        op("t.txt", 1, {
          method: "post",
          path: "/v1/w",
          requestBody: {
            fields: [
              field("t.txt", 2, "parts", { type: "array" }, "typed"),
              field("t.txt", 3, "parts.size", { type: "integer" }, "typed", { required: true }),
              field("t.txt", 4, "parts.shape", { type: "object" }, "typed"),
              field("t.txt", 4, "parts.shape.unit", { type: "string" }, "typed"),
              field("t.txt", 5, "tags", { type: "array", items }, "typed"),
              field("t.txt", 6, "tags.label", { type: "string" }, "typed"),
            ],
          },
        }),
      ],
    ]);
    const body = r.doc.paths["/v1/w"]?.post?.requestBody as {
      content: Record<string, { schema: { properties: Record<string, Record<string, unknown>> } }>;
    };
    const props = Object.values(body.content)[0]?.schema.properties ?? {};
    expect(props.parts).toEqual({
      type: "array",
      items: {
        type: "object",
        properties: {
          shape: { type: "object", properties: { unit: { type: "string" } } },
          size: { type: "integer" },
        },
        required: ["size"],
      },
    });
    expect(props.parts?.properties).toBeUndefined();
    // A typed items schema keeps its type; the fragment's own schema object is not changed.
    expect(props.tags).toEqual({
      type: "array",
      items: { type: "string", properties: { label: { type: "string" } } },
    });
    expect(items).toEqual({ type: "string" });
  });
});

describe("precedence", () => {
  it("a JSON Schema block beats a typed table, which beats an example; conflicts are logged", () => {
    const r = merge(
      [
        "schema.html",
        [
          op("schema.html", 1, {
            method: "post",
            path: "/v1/w",
            requestBody: {
              fields: [field("schema.html", 2, "count", { type: "integer", maximum: 10 }, "schema")],
            },
          }),
        ],
      ],
      [
        "table.txt",
        [
          op("table.txt", 1, {
            method: "post",
            path: "/v1/w",
            requestBody: {
              fields: [
                field("table.txt", 7, "count", { type: "string" }, "typed", { description: "How many." }),
              ],
            },
          }),
        ],
      ],
    );
    const body = r.doc.paths["/v1/w"]?.post?.requestBody as {
      content: Record<string, { schema: { properties: Record<string, unknown> } }>;
    };
    const schema = Object.values(body.content)[0]?.schema.properties.count;
    expect(schema).toEqual({ type: "integer", maximum: 10, description: "How many." });
    const conflict = r.log.decisions.find((d) => d.kind === "conflict");
    expect(conflict?.message).toMatch(
      /type: "integer" \(schema, schema.html:2\) kept over "string" \(typed, table.txt:7\)/,
    );
  });

  it("keeps a property a weaker page documents but a schema block omits, and reports it", () => {
    const r = merge(
      [
        "schema.html",
        [
          op("schema.html", 1, {
            method: "post",
            path: "/v1/w",
            requestBody: { fields: [field("schema.html", 2, "a", { type: "string" }, "schema")] },
          }),
        ],
      ],
      [
        "list.txt",
        [
          op("list.txt", 1, {
            method: "post",
            path: "/v1/w",
            requestBody: { fields: [field("list.txt", 4, "b", { type: "object" }, "typed")] },
          }),
        ],
      ],
    );
    const body = r.doc.paths["/v1/w"]?.post?.requestBody as {
      content: Record<string, { schema: { properties: Record<string, unknown> } }>;
    };
    expect(Object.keys(Object.values(body.content)[0]?.schema.properties ?? {})).toEqual(["a", "b"]);
    expect(
      r.log.decisions.some(
        (d) => d.kind === "conflict" && d.message.includes("absent from the JSON Schema block"),
      ),
    ).toBe(true);
  });

  it("nests dotted fields and collects required children", () => {
    const r = merge([
      "t.txt",
      [
        op("t.txt", 1, {
          method: "post",
          path: "/v1/w",
          requestBody: {
            contentType: fact("application/x-www-form-urlencoded", { file: "t.txt", line: 1 }, "typed"),
            fields: [
              field("t.txt", 2, "person", { type: "object" }, "typed"),
              field("t.txt", 3, "person.account", { type: "string" }, "typed", { required: true }),
              field("t.txt", 4, "person.name", { type: "string" }, "typed", { required: false }),
            ],
          },
        }),
      ],
    ]);
    const body = r.doc.paths["/v1/w"]?.post?.requestBody as {
      content: Record<string, { schema: Record<string, unknown>; encoding?: unknown }>;
    };
    const media = body.content["application/x-www-form-urlencoded"];
    expect(media?.schema).toEqual({
      type: "object",
      properties: {
        person: {
          type: "object",
          properties: { account: { type: "string" }, name: { type: "string" } },
          required: ["account"],
        },
      },
    });
    expect(media?.encoding).toEqual({ person: { style: "deepObject", explode: true } });
  });

  it("gives no type to a parent that only its children's dotted names show (an object or an array)", () => {
    const r = merge([
      "t.txt",
      [
        op("t.txt", 1, {
          method: "post",
          path: "/v1/w",
          requestBody: {
            fields: [
              field("t.txt", 2, "urls.href", { type: "string" }, "typed", { required: true }),
              field("t.txt", 3, "frame", {}, "typed"),
              field("t.txt", 4, "frame.depth", { type: "integer" }, "typed"),
            ],
          },
        }),
      ],
    ]);
    const body = r.doc.paths["/v1/w"]?.post?.requestBody as {
      content: Record<string, { schema: { properties: Record<string, unknown> } }>;
    };
    const schema = Object.values(body.content)[0]?.schema;
    expect(schema?.properties.urls).toEqual({ properties: { href: { type: "string" } }, required: ["href"] });
    expect(schema?.properties.frame).toEqual({ type: "object", properties: { depth: { type: "integer" } } });
  });

  it("drops enum values a typeless field got before its children made it an object, and logs it", () => {
    // Mintlify: "jobReleaseTask" "any", a description read as values, then "Show child attributes".
    const r = merge([
      "t.txt",
      [
        op("t.txt", 1, {
          method: "post",
          path: "/v1/jobs",
          requestBody: {
            fields: [
              field("t.txt", 2, "task", { enum: ["s maximum wall clock"] }, "typed"),
              field("t.txt", 3, "task.id", { type: "string" }, "typed"),
            ],
          },
        }),
      ],
    ]);
    const body = r.doc.paths["/v1/jobs"]?.post?.requestBody as {
      content: Record<string, { schema: { properties: Record<string, unknown> } }>;
    };
    expect(Object.values(body.content)[0]?.schema.properties.task).toEqual({
      type: "object",
      properties: { id: { type: "string" } },
    });
    expect(
      r.log.decisions.some((d) => d.kind === "conflict" && /not of the declared type/.test(d.message)),
    ).toBe(true);
    const pages = [page("t.txt", [])];
    expect(checkSpec(r.document, pages, r)).toEqual([]);
  });
});

describe("inference", () => {
  it("builds a shared component from examples, nullable where an example has null, and a list envelope", async () => {
    const item = (id: string, secret: string | null) => ({
      id,
      object: "widget",
      secret,
      created: 1695680478,
      tags: ["a"],
    });
    const r = merge([
      "ref.txt",
      [
        op("ref.txt", 1, {
          method: "get",
          path: "/v1/widgets/{id}",
          title: "Retrieve a widget",
          responses: [
            {
              status: "200",
              fields: [],
              source: { file: "ref.txt", line: 5 },
              example: fact(item("w_1", "s"), { file: "ref.txt", line: 6 }, "example"),
            },
          ],
          returns: fact({ name: "Widget", list: false }, { file: "ref.txt", line: 3 }, "prose"),
        }),
        op("ref.txt", 20, {
          method: "get",
          path: "/v1/widgets",
          title: "List widgets",
          responses: [
            {
              status: "200",
              fields: [],
              source: { file: "ref.txt", line: 25 },
              example: fact(
                { object: "list", url: "/v1/widgets", has_more: false, data: [item("w_2", null)] },
                { file: "ref.txt", line: 26 },
                "example",
              ),
            },
          ],
        }),
      ],
    ]);
    const widget = r.doc.components?.schemas?.Widget as { properties: Record<string, unknown> };
    expect(widget.properties.secret).toEqual({ type: ["string", "null"] });
    expect(widget.properties.object).toEqual({ type: "string", enum: ["widget"] });
    expect(widget.properties.tags).toEqual({ type: "array", items: { type: "string" } });
    const list = r.doc.components?.schemas?.WidgetList as { properties: Record<string, unknown> };
    expect(list.properties.data).toEqual({ type: "array", items: { $ref: "#/components/schemas/Widget" } });
    expect(list.properties.object).toEqual({ type: "string", enum: ["list"] });
    const listResponse = r.doc.paths["/v1/widgets"]?.get?.responses as Record<
      string,
      { content: Record<string, { schema: unknown }> }
    >;
    expect(listResponse["200"]?.content["application/json"]?.schema).toEqual({
      $ref: "#/components/schemas/WidgetList",
    });
    expect(validateOpenApi(r.document)).toEqual([]);
  });

  it("infers a body media type from the API's other operations and adds undocumented path parameters", () => {
    const r = merge([
      "p.txt",
      [
        op("p.txt", 1, {
          method: "post",
          path: "/v1/a",
          requestBody: {
            contentType: fact("application/x-www-form-urlencoded", { file: "p.txt", line: 2 }, "example"),
            fields: [field("p.txt", 3, "x", { type: "string" }, "typed")],
          },
        }),
        op("p.txt", 10, {
          method: "post",
          path: "/v1/b/{id}",
          requestBody: { fields: [field("p.txt", 11, "y", { type: "string" }, "typed")] },
        }),
      ],
    ]);
    const b = r.doc.paths["/v1/b/{id}"]?.post as {
      parameters: unknown[];
      requestBody: { content: Record<string, unknown> };
    };
    expect(Object.keys(b.requestBody.content)).toEqual(["application/x-www-form-urlencoded"]);
    expect(b.parameters).toEqual([{ name: "id", in: "path", required: true, schema: { type: "string" } }]);
  });

  it("turns a Content-Type header into the media type and keeps credentials out of parameters", () => {
    const r = merge([
      "h.txt",
      [
        op("h.txt", 1, {
          method: "post",
          path: "/v1/a",
          parameters: [
            param(
              "h.txt",
              2,
              "header",
              "Content-Type",
              { type: "string", default: "application/x-www-form-urlencoded" },
              "typed",
            ),
            param("h.txt", 3, "header", "X-API-Key", { type: "string" }, "typed"),
            param("h.txt", 4, "header", "Idempotency-Key", { type: "string", maxLength: 255 }, "typed"),
          ],
          requestBody: { fields: [field("h.txt", 5, "x", { type: "string" }, "typed")] },
        }),
      ],
      {
        security: [
          fact({ type: "apiKey", in: "header", name: "X-API-Key" }, { file: "h.txt", line: 30 }, "typed"),
        ],
      },
    ]);
    const a = r.doc.paths["/v1/a"]?.post as {
      parameters: { name: string }[];
      requestBody: { content: Record<string, unknown> };
    };
    expect(a.parameters.map((p) => p.name)).toEqual(["Idempotency-Key"]);
    expect(Object.keys(a.requestBody.content)).toEqual(["application/x-www-form-urlencoded"]);
    expect(r.document.security).toEqual([{ apiKeyAuth: [] }]);
  });

  it("lists operations a sidebar names but no page documents", () => {
    const r = merge([
      "f.txt",
      [op("f.txt", 80, { method: "patch", path: "/v1/s/{id}", title: "Update a session" })],
      {
        listedOperations: [
          { method: "patch", title: "Update a session", source: { file: "f.txt", line: 5 } },
          { method: "delete", title: "Redact session data", source: { file: "f.txt", line: 6 } },
        ],
      },
    ]);
    expect(r.undocumented.map((u) => u.title)).toEqual(["Redact session data"]);
    expect(Object.keys(r.doc.paths)).toEqual(["/v1/s/{id}"]);
  });
});

describe("children of an array field", () => {
  it('places "routes.path" under an array "routes" in its items, not beside them', () => {
    const r = merge([
      "a.txt",
      [
        op("a.txt", 1, {
          method: "post",
          path: "/v1/w",
          requestBody: {
            fields: [
              field("a.txt", 2, "routes", { type: "array", items: { type: "object" } }, "typed"),
              field("a.txt", 3, "routes.path", { type: "string" }, "typed", { required: true }),
            ],
          },
        }),
      ],
    ]);
    const body = r.doc.paths["/v1/w"]?.post?.requestBody as {
      content: Record<string, { schema: { properties: Record<string, unknown> } }>;
    };
    expect(Object.values(body.content)[0]?.schema.properties.routes).toEqual({
      type: "array",
      items: { type: "object", properties: { path: { type: "string" } }, required: ["path"] },
    });
  });
});
