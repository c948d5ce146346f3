// The generic reader on the response lists and field runs of LAYOUTS.md families 6 (Mintlify) and 11
// (Docusaurus OpenAPI): status lines, `- 200` status tabs, token runs whose name is a flag word, and a
// wrapped `Possible values: [a, b` / `]` inside `Array [` ... `]`. Pages are invented, in the shapes
// LAYOUTS.md describes.
import { describe, expect, it } from "vitest";
import { genericExtractor } from "../../scripts/scrape/extractors/generic/index.ts";
import { chooseExtractor } from "../../scripts/scrape/extractors/index.ts";
import type { OperationFragment } from "../../scripts/scrape/fragment.ts";

function operation(lines: string[]): OperationFragment {
  const page = genericExtractor.extract({ file: "page.txt", text: lines.join("\n") });
  const [op] = page.operations;
  if (!op) throw new Error(`no operation in ${JSON.stringify(page)}`);
  return op;
}

const responses = (op: OperationFragment): Record<string, string | undefined> =>
  Object.fromEntries(op.responses.map((r) => [r.status, r.description?.value]));

const bodyPaths = (op: OperationFragment): string[] =>
  (op.requestBody?.fields ?? []).map((f) => f.path.join("."));

describe("Mintlify response list (6): `200 - application/json` lines", () => {
  const head = [
    "Skip to main content",
    "DELETE",
    "/",
    "v2",
    "/",
    "widgets",
    "/",
    "{widget_id}",
    "Delete a widget",
  ];

  it("reads every status line as a response, the line under it as its description", () => {
    const op = operation([
      ...head,
      "Response",
      "",
      "200 - application/json",
      "Successful Response",
      "422 - application/json",
      "Validation Error",
      "429 - application/json",
      "Too Many Requests",
      "default - application/json",
      "Unexpected error",
      "",
      "Documentation Index",
      "Fetch the complete documentation index at: https://docs.widgets.test/llms.txt",
    ]);
    expect(responses(op)).toEqual({
      "200": "Successful Response",
      "422": "Validation Error",
      "429": "Too Many Requests",
      default: "Unexpected error",
    });
  });

  it("reads status lines with nothing under them, and the fields under one as its fields", () => {
    const op = operation([
      ...head,
      "Response",
      "",
      "204",
      "480 - application/json",
      "201 - application/json",
      "id",
      "string",
    ]);
    expect(Object.keys(responses(op)).sort()).toEqual(["201", "204", "480"]);
    expect(op.responses.find((r) => r.status === "201")?.fields.map((f) => f.path.join("."))).toEqual(["id"]);
  });
});

describe("Docusaurus response tabs (11): `- 200` under Responses", () => {
  it("reads each status tab as a response, `- default` too", () => {
    const op = operation([
      "Update a widget",
      "PATCH/v2/widgets/{widget_id}",
      "Request",
      "Path Parameters",
      "widget_id string REQUIRED",
      "Responses",
      "- 200",
      "- 422",
      "- default",
      "Updated.",
      "Validation error.",
      "Unexpected error.",
      "- Schema",
      "- Example (from schema)",
      "Loading...",
    ]);
    expect(Object.keys(responses(op)).sort()).toEqual(["200", "422", "default"]);
  });

  it("leaves a `- 200` bullet outside a response section alone", () => {
    const op = operation([
      "PATCH/v2/widgets/{widget_id}",
      "Body",
      "- application/json",
      "code integer REQUIRED",
      "Possible values: [200, 404]",
      "- 200",
    ]);
    expect(op.responses.map((r) => r.status)).toEqual([]);
  });
});

describe("Docusaurus token runs (11): flag words as names, wrapped enum brackets inside arrays", () => {
  const page = [
    "Update a widget",
    "PUT/v2/widgets/{widget_id}",
    "Request",
    "Path Parameters",
    "widget_id string REQUIRED",
    "Body",
    "required",
    "- application/json",
    "routes",
    "object[]",
    "Array [",
    "mode",
    "string",
    "required",
    "Possible values: [NONE, TIMEOUT",
    "]",
    "method",
    "string",
    "path",
    "string",
    "header",
    "boolean",
    "]",
    "label",
    "string",
  ];

  it('reads "path" then "string" as a body field named path, not a path-parameter flag', () => {
    const op = operation(page);
    expect(op.parameters.map((p) => `${p.in} ${p.path.join(".")}`)).toEqual(["path widget_id"]);
    expect(bodyPaths(op)).toContain("routes.path");
    expect(bodyPaths(op)).toContain("routes.header");
  });

  it("closes a wrapped `Possible values: [` at its own `]`, keeping the array's items open", () => {
    const op = operation(page);
    expect(bodyPaths(op)).toEqual([
      "routes",
      "routes.mode",
      "routes.method",
      "routes.path",
      "routes.header",
      "label",
    ]);
    const mode = op.requestBody?.fields.find((f) => f.path.join(".") === "routes.mode");
    expect(mode?.schema?.enum).toEqual(["NONE", "TIMEOUT"]);
  });
});

describe("names a capture broke at `_` or `.` (6 Mintlify, 11 Docusaurus)", () => {
  it("joins the parts of a parameter line and of a token run", () => {
    const op = operation([
      "Update a widget",
      "PUT/v2/widgets/{api_Key}",
      "Request",
      "Path Parameters",
      "api_",
      "Key string REQUIRED",
      "Body",
      "- application/json",
      "frame",
      "object",
      "frame.",
      "depth",
      "integer",
      "frame.",
      "ShelfLabel",
      "string",
    ]);
    expect(op.parameters.map((p) => `${p.in} ${p.path.join(".")} ${String(p.required)}`)).toEqual([
      "path api_Key true",
    ]);
    expect(bodyPaths(op)).toEqual(["frame", "frame.depth", "frame.ShelfLabel"]);
  });
});

describe("Docusaurus field lines (11): `name Titlerequired`, `name typerequired`, constraints under them", () => {
  const op = operation([
    "Create a widget",
    "POST/v2/widgets",
    "Request",
    "Body",
    "required",
    "- application/json",
    "color Colorrequired",
    "Possible values: [red, green",
    "]",
    "label Label",
    "limit integer<int32>required",
    "Possible values: >= 1 and <= 50",
    "size integer",
    "Default value: 20",
    "items object[]",
    "Array [",
    "sku stringrequired",
    "]",
    "task Taskrequired",
    "Runs once the Job's maximum wall clock time constraint is reached, and the Job is still active, or the Job's tasks end.",
    "See Details",
    "Responses",
    "- 201",
  ]);
  const fields = Object.fromEntries(
    (op.requestBody?.fields ?? []).map((f) => [f.path.join("."), { schema: f.schema, required: f.required }]),
  );

  it("reads the name and the required flag; a title states no type, its description no enum", () => {
    expect(fields.color).toEqual({ schema: { enum: ["red", "green"] }, required: true });
    expect(fields.task).toEqual({ schema: undefined, required: true });
    expect(fields.label).toEqual({ schema: undefined, required: false });
  });

  it("reads a type with required glued on, and the limits and default on the lines under it", () => {
    expect(fields.limit).toEqual({
      schema: { type: "integer", format: "int32", minimum: 1, maximum: 50 },
      required: true,
    });
    expect(fields.size?.schema).toEqual({ type: "integer", default: 20 });
  });

  it("nests the fields between `Array [` and `]` under the array, and takes no capitalised prose as a field", () => {
    expect(Object.keys(fields)).toEqual(["color", "label", "limit", "size", "items", "items.sku", "task"]);
  });
});

describe("Docusaurus parameters (11): the older `name type REQUIRED` rows, never a titled field", () => {
  it('reads "ISO3166 Country Code" under a parameter as its description, not a field named ISO3166', () => {
    const op = operation([
      "Get a country",
      "GET/countries/{country_code}.json",
      "Request",
      "Path Parameters",
      "country_code string<string> REQUIRED",
      "ISO3166 Country Code",
      "Query Parameters",
      "login string<string> REQUIRED",
      "API OAuth login.",
      "Responses",
      "- 200",
    ]);
    expect(op.parameters.map((p) => `${p.in} ${p.path.join(".")}`)).toEqual([
      "path country_code",
      "query login",
    ]);
    expect(op.parameters[0]?.description).toBe("ISO3166 Country Code");
  });
});

describe("Mintlify one-line descriptions (6): never a heading, never a field", () => {
  it('keeps the field section open after "JSONP" and reads "Block Number" as a description', () => {
    const op = operation([
      "GET",
      "/",
      "v2",
      "/",
      "blocks",
      "/",
      "{block}",
      "getBlock",
      "Path Parameters",
      "",
      "block",
      "string",
      "required",
      "",
      "Block Number",
      "Query Parameters",
      "",
      "callback",
      "string",
      "",
      "JSONP",
      "",
      "servers",
      "object[]",
      "",
      "Mysql databases on the server",
      "",
      "fields",
      "string",
      "",
      "Selector.",
    ]);
    expect(op.parameters.map((p) => `${p.in} ${p.path.join(".")} ${p.description ?? ""}`)).toEqual([
      "path block Block Number",
      "query callback JSONP",
      "query servers Mysql databases on the server",
      "query fields Selector.",
    ]);
  });

  it('reads "Output only. Create time stamp" as a description, not a response heading', () => {
    const op = operation([
      "POST",
      "/",
      "backups",
      "Create a backup",
      "Body",
      "",
      "application/json",
      "createTime",
      "string",
      "",
      "Output only. Create time stamp",
      "",
      "description",
      "string",
    ]);
    expect(bodyPaths(op)).toEqual(["createTime", "description"]);
    expect(op.requestBody?.fields[0]?.description).toBe("Output only. Create time stamp");
    expect(op.responses).toEqual([]);
  });

  it('reads "Error response of an operation failure" and "Error code" as descriptions, not an errors section', () => {
    const op = operation([
      "PUT",
      "/",
      "configs",
      "Update a configuration",
      "Body",
      "",
      "application/json",
      "error",
      "object",
      "",
      "Error response of an operation failure",
      "",
      "Show child attributes",
      "",
      "error.code",
      "string",
      "",
      "Error code",
      "",
      "error.message",
      "string",
      "",
      "name",
      "string",
    ]);
    expect(bodyPaths(op)).toEqual(["error", "error.code", "error.message", "name"]);
    expect(op.requestBody?.fields.map((f) => f.description ?? "")).toEqual([
      "Error response of an operation failure",
      "Error code",
      "",
      "",
    ]);
  });
});

describe("flag words in token runs (8 Redoc: name, required, type; a capture that lost the name)", () => {
  it('reads "required" "any" as a nameless field\'s flag and type, never a field named "required"', () => {
    const op = operation([
      "Update a widget",
      "PUT /v2/widgets/{widget_id}",
      "Request Body schema: application/json",
      "required",
      "any",
      "Responses",
      "200",
    ]);
    expect(bodyPaths(op)).toEqual([]);
  });
});

describe("names that start with `_` broken right after it (8 Redoc, a capture breaking names at `_`)", () => {
  const curl = [
    "curl -i -X GET \\",
    "  https://mock.widgets.test/widgets \\",
    "  -H 'Authorization: Bearer <YOUR_TOKEN_HERE>'",
    "",
    "Responses",
    "200",
  ];
  const params = (op: OperationFragment): string[] =>
    op.parameters.map((p) => `${p.in} ${p.path.join(".")} ${JSON.stringify(p.schema ?? {})}`);

  it("joins `_` and `limit` into `_limit` in the Redocly schema style (name, type line)", () => {
    const op = operation([
      "List widgets",
      "query Parameters",
      "_",
      "limit",
      "integer [ 1 .. 100 ]",
      "_",
      "sort",
      "Array of strings",
      "last_",
      "modified",
      "integer",
      ...curl,
    ]);
    expect(params(op)).toEqual([
      'query _limit {"type":"integer","minimum":1,"maximum":100}',
      'query _sort {"type":"array","items":{"type":"string"}}',
      'query last_modified {"type":"integer"}',
    ]);
  });

  it("joins `_` and `limitinteger(int32)` into `_limit` in the glued style", () => {
    const op = operation([
      "List widgets",
      "Request",
      "",
      "query Parameters",
      "",
      "_",
      "limitinteger(int32)",
      "",
      "Maximum number of widgets.",
      "",
      "_",
      "tokenstring",
      "",
      ...curl,
    ]);
    expect(params(op)).toEqual([
      'query _limit {"type":"integer","format":"int32"}',
      'query _token {"type":"string"}',
    ]);
  });
});

describe("Redoc's `Array` of no one item type glued to the name (8: `partsArray of stringsrequired`)", () => {
  it("reads `partsArrayrequired` and a capitalised name's `NamesArray` as array fields", () => {
    const op = operation([
      "Tag widgets",
      "Request",
      "",
      "Bodyrequired",
      "",
      "colorstringrequired",
      "partsArrayrequired",
      "NamesArray",
      "TagsArray of stringsrequired",
      "curl -i -X POST \\",
      "  https://mock.widgets.test/widgets/tags \\",
      "  -H 'Content-Type: application/json' \\",
      `  -d '{"color":"red"}'`,
      "",
      "Responses",
      "200",
    ]);
    expect(
      (op.requestBody?.fields ?? []).map(
        (f) => `${f.path.join(".")} ${JSON.stringify(f.schema)} ${String(f.required)}`,
      ),
    ).toEqual([
      'color {"type":"string"} true',
      'parts {"type":"array"} true',
      'Names {"type":"array"} undefined',
      'Tags {"type":"array","items":{"type":"string"}} true',
    ]);
  });
});

describe("a Redoc page whose tag is a word Fern uses as a heading (8: the tag, then `Operations`)", () => {
  it("is read as Redoc's: `Request` opened by `path Parameters` is no Fern section opened by fields", () => {
    const text = [
      "This documentation is not optimized for mobile devices. Switch to a larger screen.",
      "Widgets API (2.0.0)",
      "",
      "Download OpenAPI description",
      "Languages",
      "curl",
      "Servers",
      "Mock server",
      "Production server",
      "",
      "Authentication",
      "Operations",
      "Create a widget token",
      "",
      "Create a widget token",
      "Request",
      "",
      "path Parameters",
      "",
      "widget_idstringrequired",
      "",
      "Bodyrequired",
      "",
      "scopesArray of strings",
      "curl -i -X POST \\",
      "  https://mock.widgets.test/widgets/{widget_id}/tokens \\",
      "  -H 'Content-Type: application/json' \\",
      "  -d '{}'",
      "",
      "Responses",
      "200",
      "OK",
    ].join("\n");
    expect(chooseExtractor({ file: "page.txt", text }).extractor.name).toBe("generic");
  });
});

describe("Redoc operations titled by their request line (8: an operation without a summary)", () => {
  it("keeps each operation's fields and responses with it, its description line no title of the next", () => {
    const operationOf = (path: string, description: string, field: string): string[] => [
      `GET ${path}`,
      description,
      "Request",
      "",
      "query Parameters",
      "",
      field,
      "",
      "Number of widgets to return.",
      "",
      "curl -i -X GET \\",
      `  https://api.widgets.test${path} \\`,
      "  -H 'Authorization: Bearer <YOUR_TOKEN_HERE>'",
      "",
      "Responses",
      "200",
      "200 response",
      "401",
      "401 response",
      "",
    ];
    const page = genericExtractor.extract({
      file: "page.txt",
      text: [
        "Widgets",
        "Operations",
        "GET /widgets/red",
        "GET /widgets/blue",
        "",
        ...operationOf("/widgets/red", "List red widgets", "limitinteger(int32)"),
        ...operationOf("/widgets/blue", "List blue widgets", "pageinteger(int32)"),
      ].join("\n"),
    });
    const read = page.operations
      .filter((op) => op.parameters.length > 0 || op.responses.length > 0)
      .map(
        (op) =>
          `${op.method?.value} ${op.path?.value}: ${op.parameters.map((p) => p.path.join(".")).join(",")} ` +
          op.responses.map((r) => r.status).join(","),
      );
    expect(read).toEqual(["get /widgets/red: limit 200,401", "get /widgets/blue: page 200,401"]);
  });
});

describe("GitBook's OpenAPI block (15): samples glued to the next heading, the method and path last", () => {
  it("reads `KEY_123Body` and `My widgetResponses` as a sample and a heading, and the fields above the path", () => {
    const op = operation([
      "Update a widget",
      "Header parameters",
      "X-Widget-KeystringRequiredExample:",
      "Widget key.",
      "KEY_123Body",
      "colorstring · min: 2RequiredExample:",
      "Paint colour.",
      "blueResponses",
      "200",
      "Updated.",
      "application/json",
      "patch",
      "/v2/widgets/{widget_id}Last updated",
    ]);
    expect(op.parameters.map((p) => `${p.in} ${p.path.join(".")}`)).toEqual(["header X-Widget-Key"]);
    expect(bodyPaths(op)).toEqual(["color"]);
    expect(responses(op)).toEqual({ "200": "Updated." });
  });
});
