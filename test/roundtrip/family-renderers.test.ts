// Each LAYOUTS.md family renderer is held to the page it imitates: given a spec of the widgets API that a
// LAYOUTS.md example shows, the renderer reproduces that example line for line (test/fixtures/
// layouts-examples/ holds verbatim copies of the examples, so the project does not need ../shared). Where
// an example is cut, the part it shows is compared; `…` in an example stands for prose it leaves out, and
// `(one "x" line)` for a line holding x. The facts each page claims are listed too: a renderer must not
// claim what its page does not state.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import type { RenderApi, RenderOperation, RenderedPage, Schema } from "../../scripts/roundtrip/types.ts";
import { loadRenderApi } from "../../scripts/roundtrip/load-api.ts";
import { RENDERERS } from "../../scripts/roundtrip/renderers/index.ts";
import { renderStripeText, stripeText } from "../../scripts/roundtrip/renderers/stripe-text.ts";
import { seed001 } from "../../scripts/roundtrip/renderers/seed-001.ts";
import {
  renderStripeMarkdownPage,
  stripeMarkdown,
} from "../../scripts/roundtrip/renderers/stripe-markdown.ts";
import { renderFernPage } from "../../scripts/roundtrip/renderers/fern.ts";
import { renderMintlifyPage } from "../../scripts/roundtrip/renderers/mintlify.ts";
import {
  readme,
  renderReadmePage,
  renderReadmeRequestPage,
} from "../../scripts/roundtrip/renderers/readme.ts";
import { placedByTitle } from "../../scripts/roundtrip/renderers/title-placement.ts";
import { renderRedoc } from "../../scripts/roundtrip/renderers/redoc.ts";
import {
  docusaurusOpenapi,
  renderDocusaurusPage,
} from "../../scripts/roundtrip/renderers/docusaurus-openapi.ts";

const FAMILY_RENDERERS = [
  "stripe-text",
  "stripe-markdown",
  "fern",
  "mintlify",
  "readme",
  "redoc",
  "docusaurus-openapi",
];

function example(name: string): string {
  return readFileSync(new URL(`../fixtures/layouts-examples/${name}.txt`, import.meta.url), "utf8");
}

/** Whether a rendered line is what an example line shows (`…` = any prose; a cut line = a prefix). */
function lineMatches(shown: string, rendered: string, cut: boolean): boolean {
  const placeholder = /^\(one "(.+)" line\)$/.exec(shown);
  if (placeholder) return rendered.includes(placeholder[1] as string);
  const pattern = shown
    .split("…")
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*?");
  return new RegExp(`^${pattern}${cut ? "" : "$"}`, "s").test(rendered);
}

/**
 * Compares the example with the rendered page from the line where the example starts (a page may hold
 * more before it: a title, a skip link). Matching lines are shown as the example's, so a failure shows
 * only the lines that differ.
 */
function expectExample(page: string, shownText: string, options: { cut?: boolean } = {}): void {
  const shown = shownText.replace(/\n$/, "").split("\n");
  const rendered = page.split("\n");
  const start = rendered.findIndex((line) =>
    lineMatches(shown[0] as string, line, shown.length === 1 && options.cut === true),
  );
  expect(start, `the page has no line "${shown[0]}":\n${page}`).toBeGreaterThanOrEqual(0);
  const actual = rendered.slice(start, start + shown.length);
  const seen = actual.map((line, i) =>
    lineMatches(shown[i] as string, line, options.cut === true && i === shown.length - 1) ? shown[i] : line,
  );
  expect(seen).toEqual(shown);
}

/** The facts a page claims, as short sorted lines ("property body.color enum=[\"red\"]"). */
function claims(page: RenderedPage): string[] {
  return page.facts
    .map(({ fact }) => `${fact.kind} ${fact.where} ${fact.attribute}=${fact.value}`.replace(/ (?= )/g, ""))
    .sort();
}

function object(properties: Record<string, Schema>, required: string[] = []): Schema {
  return { type: "object", properties, ...(required.length > 0 ? { required } : {}) };
}

function api(operations: RenderOperation[]): RenderApi {
  return {
    name: "widgets.test",
    title: "Widgets",
    version: "2.0.0",
    servers: ["https://api.widgets.test"],
    operations,
  };
}

function operation(op: Partial<RenderOperation> & Pick<RenderOperation, "method" | "path">): RenderOperation {
  return { tags: ["Widgets"], parameters: [], responses: [], ...op };
}

const widgetIdPath = { name: "widget_id", in: "path", required: true, schema: { type: "string" } } as const;

describe("LAYOUTS.md family 1 (docs.stripe.com text)", () => {
  const update = operation({
    method: "post",
    path: "/v2/widgets/{widget_id}",
    summary: "Update a widget",
    parameters: [widgetIdPath],
    requestBody: {
      contentType: "application/x-www-form-urlencoded",
      required: true,
      schema: object(
        {
          color: {
            type: "string",
            enum: ["red"],
            default: "red",
            description: "Paint colour.",
            "x-enumDescriptions": { red: "Bright finish." },
          },
          frame: object({ depth: { type: "integer" } }, ["depth"]),
          page_token: { type: "string" },
        },
        ["color"],
      ),
    },
    responses: [
      { status: "200", description: "Returns the widget.", schema: object({ id: { type: "string" } }) },
    ],
  });

  it("reproduces the older field shape (  • nameTYPERequired, children as parent.child, More parameters)", () => {
    const [page] = renderStripeText(api([update]), {}, "old", 1);
    expectExample(page!.text, example("stripe-text-old"));
    expect(claims(page!)).toEqual([
      "operation exists=true",
      'property body.color enum=["red"]',
      "property body.color exists=true",
      "property body.color required=true",
      "property body.color type=string",
      "property body.frame exists=true",
      "property body.frame required=false",
      "property body.frame type=object",
      "property body.frame.depth exists=true",
      "property body.frame.depth required=true",
      "property body.frame.depth type=integer",
      "property body.page_token exists=true",
      "property body.page_token required=false",
      "property body.page_token type=string",
    ]);
    // The method line comes after Returns, so a page cut before it cannot place the operation.
    const methodLine = page!.text.indexOf("POST /v2/widgets/:widget_id");
    expect(methodLine).toBeGreaterThan(page!.text.indexOf("Returns"));
    const operationFact = page!.facts.find((f) => f.fact.kind === "operation");
    expect(operationFact?.end).toBe(
      Buffer.byteLength(page!.text.slice(0, methodLine + "POST /v2/widgets/:widget_id".length)),
    );
  });

  it("reproduces the newer field shape (- size_ / mmintegerRequired Size in mm., leaves only)", () => {
    const op = operation({
      method: "post",
      path: "/v2/widgets/{widget_id}",
      summary: "Update a widget",
      parameters: [widgetIdPath],
      requestBody: {
        contentType: "application/x-www-form-urlencoded",
        required: true,
        schema: object(
          {
            size_mm: { type: "integer", description: "Size in mm." },
            frame: object({ depth: { type: "integer", description: "Depth in mm." } }),
          },
          ["size_mm"],
        ),
      },
      responses: [{ status: "200" }],
    });
    const [page] = renderStripeText(api([op]), {}, "new", 1);
    // No title: the newer captures open with the description (here: none), then Parameters.
    expect(page!.text.startsWith(example("stripe-text-new"))).toBe(true);
    expectExample(page!.text, example("stripe-text-new"));
    expect(claims(page!).filter((c) => c.includes("frame"))).toEqual([
      "property body.frame.depth exists=true",
      "property body.frame.depth required=false",
      "property body.frame.depth type=integer",
    ]);
  });

  it("sends the query parameters a POST lists with -X POST -G, so the page shows where they go", () => {
    const publish = operation({
      method: "post",
      path: "/v2/widgets/{widget_id}/publish",
      summary: "Publish a widget",
      parameters: [
        widgetIdPath,
        { name: "channel", in: "query", required: true, schema: { type: "string" } },
        { name: "notify", in: "query", required: false, schema: { type: "boolean" } },
      ],
      responses: [{ status: "200" }],
    });
    for (const shape of ["old", "new"] as const) {
      const [page] = renderStripeText(api([publish]), {}, shape, 1);
      expect(page!.text).toContain(
        [
          "curl -X POST -G https://api.widgets.test/v2/widgets/widget_id_1NuN9W/publish \\",
          '-u "sk_test_4eC39HqLyjWDarjtT1zdp7dc:" \\',
          "-d channel=string",
        ].join("\n"),
      );
      expect(claims(page!)).toContain("parameter query.channel exists=true");
    }
    // Seed 001's renderer writes its samples the same way.
    const [seedPage] = seed001.render(api([publish]), {});
    expect(seedPage!.text).toMatch(
      /^curl -X POST -G https:\/\/api\.widgets\.test\/v2\/widgets\/\S+\/publish \\$/m,
    );
  });

  it("covers both field shapes and one to four operations a page across APIs", () => {
    const shapes = new Set<string>();
    for (const name of ["a", "b", "c", "d", "e", "f", "g", "h"]) {
      const pages = stripeText.render({ ...api([update]), name }, {});
      shapes.add(pages[0]!.text.startsWith("Update a widget ") ? "old" : "new");
    }
    expect([...shapes].sort()).toEqual(["new", "old"]);
  });
});

describe("LAYOUTS.md family 2 (docs.stripe.com markdown)", () => {
  it("reproduces the one-line page: prerequisites naming another operation, the curl, leaves a.b and a..b", () => {
    const create = operation({
      method: "post",
      path: "/v2/widgets",
      operationId: "createWidget",
      summary: "Create a widget",
      requestBody: {
        contentType: "application/x-www-form-urlencoded",
        required: true,
        schema: object({ color: { type: "string", enum: ["red", "blue"] } }, ["color"]),
      },
      responses: [{ status: "200" }],
    });
    const update = operation({
      method: "post",
      path: "/v2/widgets/{widget_id}",
      summary: "Update a widget",
      description: "Updates one.",
      parameters: [widgetIdPath],
      requestBody: {
        contentType: "application/x-www-form-urlencoded",
        required: true,
        schema: object(
          {
            color: { type: "string", enum: ["red", "blue"], example: "blue", description: "Paint colour." },
            finishes: {
              type: "object",
              additionalProperties: object({ gloss: { type: "boolean", description: "Gloss." } }, ["gloss"]),
            },
            frame: object({ depth: { type: "integer", description: "Depth in mm." } }),
          },
          ["color"],
        ),
      },
      responses: [{ status: "200", schema: object({ id: { type: "string", example: "wd_1" } }) }],
    });
    const page = renderStripeMarkdownPage(api([create, update]), update, 1, {}, "request-first", true);
    expect(page.text.split("\n")).toHaveLength(1);
    expectExample(page.text, example("stripe-markdown"), { cut: true });
    expect(claims(page)).toEqual([
      "operation exists=true",
      'property body.color enum=["blue","red"]',
      "property body.color exists=true",
      "property body.color required=true",
      "property body.color type=string",
      "property body.frame.depth exists=true",
      "property body.frame.depth required=false",
      "property body.frame.depth type=integer",
    ]);
    // The operation is known only once its curl command is complete (after the prerequisite's trap).
    const operationEnd = page.facts.find((f) => f.fact.kind === "operation")!.end;
    expect(Buffer.from(page.text).subarray(0, operationEnd).toString().endsWith("-d color=blue")).toBe(true);
  });
});

describe("LAYOUTS.md family 2: what a site's curl URLs show of its routes", () => {
  const list = operation({ method: "get", path: "/widgets", summary: "List widgets", responses: [] });
  const create = operation({ method: "post", path: "/widgets", summary: "Create a widget", responses: [] });
  const retrieve = operation({
    method: "get",
    path: "/widgets/{widget_id}",
    summary: "Retrieve a widget",
    parameters: [widgetIdPath],
    responses: [],
  });
  const claimed = (a: RenderApi): string[] =>
    stripeMarkdown.render(a, {}).flatMap((p) => p.facts.map((f) => f.fact.operation));

  it("claims its routes where the server's own path runs into the curl URL (the scorer frames them)", () => {
    const site = { ...api([list, retrieve]), servers: ["https://api.widgets.test/G2W/rest"] };
    const pages = stripeMarkdown.render(site, {});
    expect(pages.map((p) => p.text).join("\n")).toContain("https://api.widgets.test/G2W/rest/widgets");
    expect(new Set(claimed(site))).toEqual(new Set(["GET /widgets", "GET /widgets/{}"]));
    expect(new Set(claimed(api([create, retrieve])))).toEqual(new Set(["POST /widgets", "GET /widgets/{}"]));
  });
});

describe("LAYOUTS.md family 4 (Fern)", () => {
  it("reproduces the main-content capture: glued runs, an empty Allowed values:, Errors", () => {
    const op = operation({
      method: "patch",
      path: "/v2/widgets/{widget_id}",
      summary: "Update a widget",
      parameters: [
        { ...widgetIdPath, description: "Widget id.", schema: { type: "string", minLength: 8 } },
        { name: "Idem-Token", in: "header", required: false, schema: { type: "string", maxLength: 64 } },
      ],
      requestBody: {
        contentType: "application/json",
        required: true,
        schema: object({
          color: { type: "string", enum: ["red", "green"], default: "red" },
          extras: { type: "object", additionalProperties: true },
        }),
      },
      responses: [
        { status: "200", description: "Updated.", schema: object({ id: { type: "string" } }) },
        { status: "404", description: "No such widget." },
      ],
    });
    const page = renderFernPage(api([op]), op, 0, {}, "main-content", true);
    expectExample(page.text, example("fern"));
    expect(page.text).not.toMatch(/PATCH|curl|https:/);
    // No method, URL or curl: the fields are shown, the operation they belong to is not (the head comment),
    // unless REST convention places it from its title under the routes other pages show.
    expect(claims(page)).toEqual([]);
    const placed = renderFernPage(api([op]), op, 0, {}, "main-content", true, true);
    expect(placed.text).toBe(page.text);
    expect(claims(placed)).toContain("parameter path.widget_id required=true");
    expect(claims(placed)).not.toContain("operation exists=true");
    const whole = renderFernPage(api([op]), op, 0, {}, "whole-page", true);
    expect(whole.text).toContain("PATCH\nhttps://");
    expect(claims(whole)).toEqual([
      "operation exists=true",
      "parameter header.Idem-Token exists=true",
      "parameter header.Idem-Token required=false",
      "parameter header.Idem-Token type=string",
      "parameter path.widget_id exists=true",
      "parameter path.widget_id required=true",
      "parameter path.widget_id type=string",
      "property body.color exists=true",
      "property body.color required=false",
      "property body.color type=string",
      "property body.extras exists=true",
      "property body.extras required=false",
      "property body.extras type=object",
      "status 404 exists=true",
    ]);
  });
});

describe("LAYOUTS.md family 6 (Mintlify)", () => {
  it("reproduces the path one segment per line and the one-token-per-line fields", () => {
    const op = operation({
      method: "patch",
      path: "/v2/widgets/{widget_id}",
      summary: "Update a widget",
      parameters: [
        {
          name: "page_size",
          in: "query",
          required: false,
          description: "Rows per page.",
          schema: { type: "integer", default: 20, minimum: 1, maximum: 50, description: "Rows per page." },
        },
      ],
      requestBody: {
        contentType: "application/json",
        required: true,
        schema: object({ color: { type: "string", enum: ["red", "green"] } }, ["color"]),
      },
      responses: [],
    });
    const page = renderMintlifyPage(api([op]), op, 0, {}, "none");
    expectExample(page.text, example("mintlify"));
    expect(claims(page)).toEqual([
      "operation exists=true",
      "parameter query.page_size exists=true",
      "parameter query.page_size required=false",
      "parameter query.page_size type=integer",
      'property body.color enum=["green","red"]',
      "property body.color exists=true",
      "property body.color required=true",
      "property body.color type=string",
    ]);
  });
});

describe("LAYOUTS.md family 7 (ReadMe)", () => {
  it("reproduces nameless scalar fields and named arrays, and claims nothing of a nameless field", () => {
    const op = operation({
      method: "patch",
      path: "/v2/widgets/{widget_id}",
      summary: "Update a widget",
      parameters: [widgetIdPath],
      requestBody: {
        contentType: "application/json",
        required: true,
        schema: object(
          {
            color: { type: "string", enum: ["red"], default: "red", description: "Paint colour." },
            parts: { type: "array", items: { type: "string" }, description: "Part numbers." },
          },
          ["color"],
        ),
      },
      responses: [{ status: "200", description: "Updated." }],
    });
    const page = renderReadmePage(api([op]), op, 0, {});
    expectExample(page.text, example("readme"));
    expect(page.text).not.toMatch(/patch|PATCH|\/v2\/widgets/);
    expect(claims(page)).toEqual([
      "property body.parts exists=true",
      "property body.parts required=false",
      "property body.parts type=array",
      "status 200 exists=true",
    ]);
  });
});

describe("LAYOUTS.md family 7 (ReadMe): what a site shows without method or path", () => {
  const update = operation({
    method: "patch",
    path: "/v2/widgets/{widget_id}",
    summary: "Update a widget",
    description: "Updates a widget.",
    parameters: [widgetIdPath],
    requestBody: {
      contentType: "application/json",
      required: true,
      schema: object({ color: { type: "string" } }, ["color"]),
    },
    responses: [{ status: "200" }],
  });

  it("writes the `patch https://{host}/path` page type and claims the operation and its path parameters only", () => {
    const page = renderReadmeRequestPage(api([update]), update, 0);
    expect(page.text).toBe(
      'patch https://api.widgets.test/v2/widgets/{widget_id}\n\nExample:\n\n{\n  "color": "string"\n}Updates a widget.\n',
    );
    expect(claims(page)).toEqual([
      "operation exists=true",
      "parameter path.widget_id exists=true",
      "parameter path.widget_id required=true",
    ]);
    // A server with a path of its own hides where the route starts, not the call: the scorer reads the
    // scraped routes under the source's servers (server-frame.ts), so the page claims the same facts.
    const based = { ...api([update]), servers: ["https://api.widgets.test/api"] };
    const basedPage = renderReadmeRequestPage(based, update, 0);
    expect(basedPage.text.startsWith("patch https://api.widgets.test/api/v2/widgets/{widget_id}\n")).toBe(
      true,
    );
    expect(claims(basedPage)).toEqual(claims(page));
  });

  it("shows a reference page's operation only where REST convention places it from its title under the request pages' base", () => {
    const create = operation({
      method: "post",
      path: "/v2/widgets",
      summary: "Create a widget",
      responses: [],
    });
    const list = operation({ method: "get", path: "/v2/widgets", summary: "getWidgets", responses: [] });
    const remove = operation({
      method: "delete",
      path: "/v2/widgets/{widget_id}",
      summary: "Delete a widget",
      responses: [],
    });
    const record = operation({
      method: "get",
      path: "/FeatureGroup/{name}",
      summary: "GetRecord",
      responses: [],
    });
    expect(placedByTitle(create, [update])).toBe(true);
    expect(placedByTitle(list, [update])).toBe(true);
    expect(placedByTitle(remove, [update])).toBe(true);
    // The route is not the title's by convention, or no request page shows a base or an update method.
    expect(placedByTitle(record, [update])).toBe(false);
    expect(placedByTitle(create, [])).toBe(false);
    expect(placedByTitle(update, [create])).toBe(false);
    const page = renderReadmePage(api([remove]), remove, 0, {}, "reference", false);
    expect(page.facts).toEqual([]);
  });

  it("renders one operation in three of a site as a request page", () => {
    const ops = Array.from({ length: 30 }, (_, i) =>
      operation({ method: "get", path: `/v2/things${i}`, summary: `List things${i}`, responses: [] }),
    );
    const requestPages = readme.render(api(ops), {}).filter((p) => p.text.startsWith("get https://"));
    expect(requestPages.length).toBeGreaterThan(3);
    expect(requestPages.length).toBeLessThan(20);
  });
});

describe("LAYOUTS.md family 7 (ReadMe), guide-page variant", () => {
  it("writes Name | Type | Description | Required | rows (Required last) and claims nothing of a row that lost its name", () => {
    const names = ["color", "size_mm", "label", "tier", "finish", "depth", "weight", "notes"];
    const op = operation({
      method: "patch",
      path: "/v2/widgets/{widget_id}",
      summary: "Update a widget",
      requestBody: {
        contentType: "application/json",
        required: true,
        schema: object(
          Object.fromEntries(names.map((n) => [n, { type: "string", description: `The ${n}.` }])),
          ["color"],
        ),
      },
      responses: [],
    });
    for (const tablesWithoutOuterPipes of [false, true]) {
      const page = renderReadmePage(api([op]), op, 0, { tablesWithoutOuterPipes }, "guide");
      const pipe = tablesWithoutOuterPipes ? "" : "| ";
      const end = tablesWithoutOuterPipes ? "" : " |";
      expect(page.text).toContain(`Body Params\n${pipe}Name | Type | Description | Required${end}\n`);
      expect(page.text.trimEnd().endsWith("Updated 3 days ago")).toBe(true);
      const rows = page.text.split("\n").filter((l) => l.includes("| The "));
      expect(rows).toHaveLength(names.length);
      const claimed = new Set(page.facts.map((f) => f.fact.where.replace("body.", "")));
      for (const [i, name] of names.entries()) {
        const required = name === "color" ? "Yes" : "No";
        if (rows[i] === `${pipe}${name} | string | The ${name}. | ${required}${end}`)
          expect(claimed.has(name)).toBe(true);
        else {
          expect(rows[i]).toBe(`${pipe}string | The ${name}. | ${required}${end}`);
          expect(claimed.has(name)).toBe(false);
        }
      }
      // The seeded choice drops some name cells, not all.
      expect(claimed.size).toBeGreaterThan(0);
      expect(claimed.size).toBeLessThan(names.length);
    }
  });
});

describe("LAYOUTS.md family 8 (Redoc / Redocly)", () => {
  it("reproduces the glued fields and the method and URL only in the curl command", () => {
    const op = operation({
      method: "post",
      path: "/widgets",
      summary: "Create a widget",
      requestBody: {
        contentType: "application/json",
        required: true,
        schema: object(
          {
            size: { type: "integer", format: "int64" },
            color: { type: "string", example: "red" },
            stage: { type: "string", enum: ["draft", "live", "retired"] },
          },
          ["color"],
        ),
      },
      responses: [{ status: "201", description: "Created." }],
    });
    const [page] = renderRedoc(api([op]), {}, "mock");
    expectExample(page!.text, example("redoc"));
    expect(claims(page!)).toEqual([
      "operation exists=true",
      "property body.color exists=true",
      "property body.color required=true",
      "property body.color type=string",
      "property body.size exists=true",
      "property body.size format=int64",
      "property body.size required=false",
      "property body.size type=integer",
      'property body.stage enum=["draft","live","retired"]',
      "property body.stage exists=true",
      "property body.stage required=false",
      "property body.stage type=string",
      "status 201 exists=true",
    ]);
  });
});

describe("LAYOUTS.md family 8 (Redocly), schema style", () => {
  it("writes the name, required, `string <= 50 characters`, Default:; a nullable field loses its name and claims nothing", () => {
    const op = operation({
      method: "put",
      path: "/widgets/{widget_id}",
      summary: "Replace a widget",
      parameters: [widgetIdPath],
      requestBody: {
        contentType: "application/json",
        required: true,
        schema: object(
          {
            label: { type: "string", maxLength: 50, description: "Label." },
            sticky: { type: "boolean", default: false },
            finish: { type: ["object", "null"], description: "Finish." },
          },
          ["label"],
        ),
      },
      responses: [{ status: "201", description: "Replaced.", contentType: "application/json" }],
    });
    const [page] = renderRedoc(api([op]), {}, "real", "schema");
    expectExample(
      page!.text,
      [
        "path Parameters",
        "widget_id",
        "required",
        "string",
        "Request Body schema: application/json",
        "required",
        "label",
        "required",
        "string <= 50 characters",
        "Label.",
        "sticky",
        "boolean",
        "Default: false",
        "object or null",
        "Finish.",
        "curl -i -X PUT \\",
        "  https://api.widgets.test/widgets/{widget_id} \\",
      ].join("\n"),
    );
    expect(page!.text).toContain("201\nReplaced.\nResponse Schema: application/json\n");
    expect(claims(page!).filter((c) => c.startsWith("property"))).toEqual([
      "property body.label exists=true",
      "property body.label maxLength=50",
      "property body.label required=true",
      "property body.label type=string",
      "property body.sticky exists=true",
      "property body.sticky required=false",
      "property body.sticky type=boolean",
    ]);
  });
});

describe("LAYOUTS.md family 11 (Docusaurus OpenAPI)", () => {
  it("reproduces PATCH/path glued, REQUIRED rows, a title for a type and a wrapped ]", () => {
    const op = operation({
      method: "patch",
      path: "/v2/widgets/{widget_id}",
      summary: "Update a widget",
      parameters: [widgetIdPath],
      requestBody: {
        contentType: "application/json",
        required: true,
        schema: object({ color: { title: "Color", type: "string", enum: ["red", "green"] } }, ["color"]),
      },
      responses: [
        { status: "200", description: "Updated." },
        { status: "422", description: "Validation error." },
      ],
    });
    const page = renderDocusaurusPage(
      api([op]),
      op,
      0,
      {},
      {
        methodLine: true,
        bodyFields: "inline",
        wrapBracket: true,
      },
    );
    expectExample(page.text, example("docusaurus-openapi"));
    expect(page.text.trimEnd().endsWith("Loading...")).toBe(true);
    // `Color` is a title standing where the type would be: the page does not state the type.
    expect(claims(page).filter((c) => c.includes("color"))).toEqual([
      'property body.color enum=["green","red"]',
      "property body.color exists=true",
      "property body.color required=true",
    ]);
  });

  it("claims nothing on a site whose pages lost the method line (no route is shown anywhere)", () => {
    const op = operation({
      method: "get",
      path: "/v2/widgets/{widget_id}",
      summary: "Retrieve a widget",
      parameters: [widgetIdPath],
      responses: [{ status: "200", description: "The widget." }],
    });
    // The variant is picked per API name: some names get the method line, one in four loses it.
    const sites = Array.from({ length: 40 }, (_, n) =>
      docusaurusOpenapi.render({ ...api([op]), name: `widgets-${n}.test` }, {}),
    );
    const shown = sites.filter((pages) => pages.some((p) => p.text.includes("GET/v2/widgets/{widget_id}")));
    const lost = sites.filter((pages) => !shown.includes(pages));
    expect(shown.length).toBeGreaterThan(0);
    expect(lost.length).toBeGreaterThan(0);
    for (const pages of shown) expect(pages.flatMap((p) => p.facts).length).toBeGreaterThan(0);
    for (const pages of lost) {
      expect(pages[0]?.text).toContain("widget_id string REQUIRED");
      expect(pages.flatMap((p) => p.facts)).toEqual([]);
    }
  });
});

describe("the example comparison", () => {
  it("fails when one line of a page drifts", () => {
    const shown = example("fern");
    const drifted = shown.replace("Not Found Error", "Not found error");
    expect(() => expectExample(drifted, shown)).toThrow();
    expect(() => expectExample(shown.replace("\n\nHeaders", "\nHeaders"), shown)).toThrow();
    expect(() => expectExample(`Title\n\n${shown}`, shown)).not.toThrow();
  });
});

describe("every family renderer on a real API", () => {
  const document = JSON.parse(
    gunzipSync(
      readFileSync(new URL("../fixtures/specs/stripe-1.3.17-identity.json.gz", import.meta.url)),
    ).toString("utf8"),
  ) as Record<string, unknown>;
  const identity = loadRenderApi(document, "stripe.com");

  it("is registered, and places each fact within its page after the name it is about", () => {
    const names = RENDERERS.map((r) => r.name);
    for (const name of FAMILY_RENDERERS) expect(names).toContain(name);
    for (const renderer of RENDERERS.filter((r) => FAMILY_RENDERERS.includes(r.name))) {
      for (const perturbation of [undefined, ...renderer.perturbations]) {
        const pages = renderer.render(identity, perturbation ? { [perturbation]: true } : {});
        expect(pages.length, renderer.name).toBeGreaterThan(0);
        expect(new Set(pages.map((p) => p.file)).size, renderer.name).toBe(pages.length);
        for (const page of pages) {
          const bytes = Buffer.from(page.text, "utf8");
          // Names broken across lines (`size_\nmm`) still read as the name before the fact's end.
          for (const { fact, end } of page.facts) {
            expect(end, `${renderer.name} ${page.file}`).toBeLessThanOrEqual(bytes.length);
            const before = bytes.subarray(0, end).toString("utf8").replace(/\n/g, "");
            const name = fact.where.split(".").pop()!.replace(/\[\]$/, "");
            if (fact.kind === "parameter" || fact.kind === "property") {
              expect(before.includes(name), `${renderer.name} ${page.file} ${fact.where}`).toBe(true);
            }
            if (fact.kind === "status") expect(before.toUpperCase().includes(fact.where)).toBe(true);
          }
        }
      }
    }
  });
});
