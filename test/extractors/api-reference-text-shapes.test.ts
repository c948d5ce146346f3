// The Parameters lists of docs.stripe.com text captures (LAYOUTS.md family 1) in the spellings real captures
// have: the older `  • nameTYPERequired` bullets and the newer `- size_` / `mmintegerRequired Size in mm.`
// bullets whose name is broken over two lines. Each row is a Parameters list and the fields read from it.
import { describe, expect, it } from "vitest";
import { apiReferenceTextExtractor } from "../../scripts/scrape/extractors/api-reference-text.ts";
import type { FieldFragment } from "../../scripts/scrape/fragment.ts";
import { scrapePages } from "../../scripts/scrape/scrape-pages.ts";

/** A page of one POST operation whose Parameters section is `list`. */
function page(list: string): string {
  return [
    "Update a widget",
    "",
    "Parameters",
    list,
    "",
    "Returns",
    "",
    "Returns the widget.",
    "",
    "POST /v2/widgets/:id",
    "curl https://api.widgets.test/v2/widgets/wd_1 \\",
    '-u "sk_test_1:"',
    "Response",
    '{"id": "wd_1"}',
    "",
  ].join("\n");
}

interface Seen {
  type?: unknown;
  required?: boolean;
  enum?: unknown[];
  description?: string;
}

function fieldsOf(list: string): Record<string, Seen> {
  const fragment = apiReferenceTextExtractor.extract({ file: "widgets.txt", text: page(list) });
  const fields: FieldFragment[] = fragment.operations[0]?.requestBody?.fields ?? [];
  return Object.fromEntries(
    fields.map((f) => {
      const seen: Seen = {};
      if (f.schema && "type" in f.schema) seen.type = f.schema.type;
      if (f.required !== undefined) seen.required = f.required;
      if (Array.isArray(f.schema?.enum)) seen.enum = f.schema.enum as unknown[];
      if (f.description) seen.description = f.description;
      return [f.path.join("."), seen];
    }),
  );
}

describe("Parameters bullets of docs.stripe.com text captures", () => {
  it.each<[string, string, Record<string, Seen>]>([
    [
      "old shape: a name ending in a type word",
      "  • id_number_secondarystring\n\n  • data.object.idstringRequired",
      {
        id_number_secondary: { type: "string" },
        "data.object.id": { type: "string", required: true },
      },
    ],
    [
      "old shape: a field of any type",
      "  • parentanyRequired\n\n    Any value.\n\n  • extraany",
      { parent: { required: true, description: "Any value." }, extra: {} },
    ],
    [
      "new shape: names broken after `_` or `.`, the rest, type, flag and description on the next line",
      "- size_\nmmintegerRequired Size in mm.\n- frame.\ndepthinteger Depth in mm.",
      {
        size_mm: { type: "integer", required: true, description: "Size in mm." },
        "frame.depth": { type: "integer", description: "Depth in mm." },
      },
    ],
    [
      "new shape: a name starting with `_` broken right after it (`_` alone on the bullet)",
      "- _\nlimitinteger Max items.\n- _\n_versionstring",
      { _limit: { type: "integer", description: "Max items." }, __version: { type: "string" } },
    ],
    [
      "new shape: a dotted name broken at its first `.`, deeper parts on the next line",
      "- options.\ndocument.require_matching_selfieboolean\n- return_\nurlstring",
      { "options.document.require_matching_selfie": { type: "boolean" }, return_url: { type: "string" } },
    ],
    [
      "new shape: a whole name with its type on the next line",
      "- company\nstring\n- expand\narray of strings\n- api-version\nstringRequired\n- type\nenumRequired\nPossible enum values\nred\nblue",
      {
        company: { type: "string" },
        expand: { type: "array" },
        "api-version": { type: "string", required: true },
        type: { type: "string", required: true, enum: ["red", "blue"] },
      },
    ],
    [
      "new shape: a child's enum stays with the child",
      "- frame.\nfinishenum\nPossible enum values\nmatte\ngloss\n- frame.\ndepthinteger",
      { "frame.finish": { type: "string", enum: ["matte", "gloss"] }, "frame.depth": { type: "integer" } },
    ],
    [
      "new shape: a bullet started mid-line after the description's last word",
      "- finishenum Surface finish. See\nfinishes\n. - shelf_\nlabelstring Label.",
      {
        finish: { type: "string", description: "Surface finish. See finishes." },
        shelf_label: { type: "string", description: "Label." },
      },
    ],
  ])("%s", (_, list, expected) => {
    expect(fieldsOf(list)).toEqual(expected);
  });

  it("a newer capture without title, cut before its request line, still gives its fields", () => {
    const text =
      "Updates the widget.\n\nParameters\n- size_\nmmintegerRequired Size in mm.\n- notesstring Fre";
    const fragment = apiReferenceTextExtractor.extract({ file: "w.txt", text });
    expect(fragment.operations).toHaveLength(1);
    expect(fragment.operations[0]?.requestBody?.fields.map((f) => f.path.join("."))).toEqual([
      "size_mm",
      "notes",
    ]);
  });

  it("a newer capture's list at the left margin is still claimed by the extractor", () => {
    const text = page("- size_\nmmintegerRequired Size in mm.").replace(/^Update a widget\n\n/, "");
    const cut = text.slice(0, text.indexOf("Returns"));
    expect(apiReferenceTextExtractor.detect({ file: "w.txt", text: cut })).toBeGreaterThanOrEqual(0.5);
  });
});

describe("children of an array of objects", () => {
  it("are the properties of its items", async () => {
    const list = [
      "  • routesarray of objects",
      "",
      "    • routes.latencyintegerRequired",
      "",
      "    • routes.pathstring",
    ].join("\n");
    const result = await scrapePages([{ file: "widgets.txt", text: page(list) }], {
      version: "1",
      servers: [],
      specFile: "widgets.yaml",
    });
    const op = (result.document.paths as Record<string, Record<string, unknown>>)["/v2/widgets/{id}"]
      ?.post as {
      requestBody: { content: Record<string, { schema: { properties: Record<string, unknown> } }> };
    };
    const body = Object.values(op.requestBody.content)[0]?.schema;
    expect(body?.properties.routes).toEqual({
      type: "array",
      items: {
        type: "object",
        properties: { latency: { type: "integer" }, path: { type: "string" } },
        required: ["latency"],
      },
    });
  });
});

describe("where the listed parameters go", () => {
  /** The operation of a one-operation page with the given request line and curl command. */
  function operationOf(requestLine: string, curl: string[]) {
    const text = [
      "Publish a widget",
      "",
      "Parameters",
      "",
      "  • colorstringRequired",
      "",
      "  • sizeinteger",
      "",
      "Returns",
      "",
      "Returns the widget.",
      "",
      requestLine,
      ...curl,
      "Response",
      '{"id": "wd_1"}',
      "",
    ].join("\n");
    return apiReferenceTextExtractor.extract({ file: "widgets.txt", text }).operations[0];
  }

  it("a POST whose curl sends its data with -G lists query parameters", () => {
    const op = operationOf("POST /v2/widgets/:id/publish", [
      "curl -X POST -G https://api.widgets.test/v2/widgets/wd_1/publish \\",
      '-u "sk_test_1:" \\',
      "-d color=red",
    ]);
    expect(op?.requestBody).toBeUndefined();
    expect(op?.parameters.map((p) => `${p.in} ${p.path.join(".")} ${String(p.required)}`)).toEqual([
      "query color true",
      "query size undefined",
    ]);
  });

  it("a POST whose curl sends -d data without -G lists body fields", () => {
    const op = operationOf("POST /v2/widgets/:id/publish", [
      "curl https://api.widgets.test/v2/widgets/wd_1/publish \\",
      '-u "sk_test_1:" \\',
      "-d color=red",
    ]);
    expect(op?.parameters.filter((p) => p.in === "query")).toEqual([]);
    expect(op?.requestBody?.fields.map((f) => f.path.join("."))).toEqual(["color", "size"]);
  });
});
