// The generic reader on fields written the LAYOUTS.md ways the specific extractors do not know: one token
// per line (Mintlify, Starlight), "name?type" (Fumadocs), "name: optional type" (Stainless). Pages are
// invented, in the shapes LAYOUTS.md describes.
import { describe, expect, it } from "vitest";
import { genericExtractor } from "../../scripts/scrape/extractors/generic/index.ts";
import type { FieldFragment, OperationFragment } from "../../scripts/scrape/fragment.ts";

function operation(text: string): OperationFragment {
  const page = genericExtractor.extract({ file: "page.txt", text });
  const [op] = page.operations;
  if (!op) throw new Error(`no operation in ${JSON.stringify(page)}`);
  return op;
}

function byName(
  fields: FieldFragment[],
): Record<string, Omit<FieldFragment, "source" | "strength" | "path">> {
  return Object.fromEntries(
    fields.map(({ path, schema, required, description }) => [
      path.join("."),
      {
        ...(schema ? { schema } : {}),
        ...(required !== undefined ? { required } : {}),
        ...(description ? { description } : {}),
      },
    ]),
  );
}

describe("generic reader, fields one token per line (6 Mintlify)", () => {
  const page = [
    "PATCH /v2/widgets/{widget_id}",
    "",
    "Update a widget",
    "",
    "Query Parameters",
    "",
    "page_size",
    "integer",
    "default:20",
    "",
    "Rows per page.",
    "",
    "Body",
    "",
    "color",
    "enum<string>",
    "required",
    "",
    "Paint colour.",
  ].join("\n");

  it("reads name, type, default and required from their own lines, and the description after them", () => {
    const op = operation(page);
    expect(op.parameters.map((p) => [p.in, p.path.join("."), p.schema, p.description])).toEqual([
      ["query", "page_size", { type: "integer", default: 20 }, "Rows per page."],
    ]);
    expect(byName(op.requestBody?.fields ?? [])).toEqual({
      color: { schema: { type: "string" }, required: true, description: "Paint colour." },
    });
  });

  it("flags a run with a type but no name and places nothing for it (7 ReadMe)", () => {
    const page = [
      "PATCH /v2/widgets",
      "",
      "Body Params",
      "",
      "string",
      "enum",
      "required",
      "",
      "Paint colour.",
    ].join("\n");
    const fragment = genericExtractor.extract({ file: "page.txt", text: page });
    expect(fragment.operations[0]?.requestBody?.fields ?? []).toEqual([]);
    expect(fragment.warnings.map((w) => w.message)).toContain(
      "a field with a type but no name (the capture lost it); not placed",
    );
  });
});

describe("generic reader, marked and colon forms", () => {
  it('reads "name?type" as an optional field (12 Fumadocs)', () => {
    const op = operation(
      ["GET /widgets", "", "Query Parameters", "", "page_size?integer", "finish?string"].join("\n"),
    );
    expect(op.parameters.map((p) => [p.path.join("."), p.schema, p.required])).toEqual([
      ["page_size", { type: "integer" }, false],
      ["finish", { type: "string" }, false],
    ]);
  });

  it('reads "name: optional type" (14 Stainless)', () => {
    const op = operation(
      [
        "PATCH /widgets/{widgetId}",
        "",
        "Body Parameters",
        "",
        'color: optional "red" or "green"',
        "depth: number",
      ].join("\n"),
    );
    expect(byName(op.requestBody?.fields ?? [])).toEqual({
      color: { schema: { type: "string", enum: ["red", "green"] }, required: false },
      // Without "optional" the page does not say the field is required.
      depth: { schema: { type: "number" } },
    });
  });
});

describe("generic reader, captures that lost the blank lines around section headings", () => {
  it("ends a field run at a section word on its own line and reads the media type apart (6 Mintlify)", () => {
    const page = [
      "PUT",
      "/",
      "sandboxes",
      "/",
      "{sandboxName}",
      "Path Parameters",
      "",
      "sandboxName",
      "string",
      "required",
      "Body",
      "",
      "application/json",
      "routes",
      "object[]",
      "",
      "Show child attributes",
      "",
      "routes.latency",
      "integer<int32>",
      "",
      "Required range: 0 <= x <= 30000",
      "",
      "routes.mode",
      "enum<string>",
      "required",
      "",
      "Available options:",
      "NONE,",
      "TIMEOUT",
      "",
      "name",
      "string",
    ].join("\n");
    const op = operation(page);
    expect(op.parameters.map((p) => [p.in, p.path.join("."), p.required])).toEqual([
      ["path", "sandboxName", true],
    ]);
    expect(byName(op.requestBody?.fields ?? [])).toEqual({
      routes: { schema: { type: "array", items: { type: "object" } } },
      "routes.latency": { schema: { type: "integer", format: "int32", minimum: 0, maximum: 30000 } },
      "routes.mode": { schema: { type: "string", enum: ["NONE", "TIMEOUT"] }, required: true },
      name: { schema: { type: "string" } },
    });
  });

  it("reads a media type with parameters on its own line apart from the field under it (6 Mintlify)", () => {
    const page = [
      "POST",
      "/",
      "certificates",
      "Body",
      "",
      "application/json; odata=minimalmetadata",
      "certificateFormat",
      "enum<string>",
      "",
      "Available options:",
      "pfx,",
      "cer",
    ].join("\n");
    expect(byName(operation(page).requestBody?.fields ?? [])).toEqual({
      certificateFormat: { schema: { type: "string", enum: ["pfx", "cer"] } },
    });
  });

  it("reads fields named with a section word (Description, Tags) as fields, not headings (6 Mintlify)", () => {
    const page = [
      "POST",
      "/",
      "blueprints",
      "Body",
      "",
      "application/json",
      "Name",
      "string",
      "required",
      "",
      "Description",
      "string",
      "",
      "Tags",
      "object",
      "",
      "Parameters",
      "string",
    ].join("\n");
    expect(byName(operation(page).requestBody?.fields ?? [])).toEqual({
      Name: { schema: { type: "string" }, required: true },
      Description: { schema: { type: "string" } },
      Tags: { schema: { type: "object" } },
      Parameters: { schema: { type: "string" } },
    });
  });

  it('reads "Bodyrequired" as the body section and an Enum"a""b" line as the field\'s values (8 Redoc)', () => {
    const page = [
      "Replace a widget",
      "Request",
      "Path",
      "widget_idstringrequired",
      "Bodyrequired",
      "finishobject(Finish)",
      "stagestring",
      "",
      'Enum"draft""live"',
      "curl -i -X PUT \\",
      "  'https://mock.widgets.test/widgets/{widget_id}'",
    ].join("\n");
    const op = operation(page);
    expect(op.parameters.map((p) => [p.in, p.path.join(".")])).toEqual([["path", "widget_id"]]);
    expect(Object.keys(byName(op.requestBody?.fields ?? []))).toEqual(["finish", "stage"]);
    expect(byName(op.requestBody?.fields ?? []).stage?.schema).toEqual({
      type: "string",
      enum: ["draft", "live"],
    });
  });
});

describe("generic reader, fields with no blank lines between them (11 Docusaurus, one token per line)", () => {
  const page = [
    "BatchGetRecord",
    "POST/BatchGetRecord",
    "Request",
    "Body",
    "required",
    "- application/json",
    "Identifiers",
    "object[]",
    "required",
    "Array [",
    "FeatureGroupName",
    "string",
    "required",
    "FeatureNames",
    "any[]",
    "]",
    "Expiration",
    "string",
    "Possible values: [Enabled, Disabled]",
    "Responses",
    "- 200",
  ].join("\n");

  it('reads each name-then-type run as a field, nesting "Array [" ... "]" under the array above', () => {
    expect(byName(operation(page).requestBody?.fields ?? [])).toEqual({
      Identifiers: { schema: { type: "array", items: { type: "object" } }, required: true },
      "Identifiers.FeatureGroupName": { schema: { type: "string" }, required: true },
      "Identifiers.FeatureNames": { schema: { type: "array", items: {} } },
      Expiration: { schema: { type: "string", enum: ["Enabled", "Disabled"] } },
    });
  });
});

describe("generic reader, a page with fields but no method or path (7 ReadMe, 11 Docusaurus)", () => {
  it("gives one operation without method and path, titled by the line above its first section", () => {
    const page = ["searchActivity", "Request", "Query Parameters", "keyword string OPTIONAL"].join("\n");
    const fragment = genericExtractor.extract({ file: "page.txt", text: page });
    expect(fragment.operations).toHaveLength(1);
    const [op] = fragment.operations;
    expect([op?.method, op?.path, op?.title?.value]).toEqual([undefined, undefined, "searchActivity"]);
    expect(op?.parameters.map((p) => [p.in, p.path.join("."), p.required])).toEqual([
      ["query", "keyword", false],
    ]);
  });

  it("still documents nothing on a page with no field section", () => {
    const page = ["Getting started", "", "Read the guide first."].join("\n");
    expect(genericExtractor.extract({ file: "page.txt", text: page }).operations).toEqual([]);
  });
});

describe("generic reader, several operations shown only by their curls after their fields (8 Redoc)", () => {
  const page = [
    "Servers",
    "Mock server",
    "https://mock.test/api",
    "Production server",
    "https://api.widgets.test/api",
    "",
    "listWidgets",
    "query Parameters",
    "limit",
    "integer <int64>",
    "curl -i -X GET \\",
    "  https://mock.test/api/1/widgets",
    "",
    "Responses",
    "200",
    "",
    "getWidget",
    "path Parameters",
    "widgetId",
    "required",
    "string",
    "curl -i -X GET \\",
    "  https://mock.test/api/1/widgets/{widgetId}",
    "", // a whole capture ends with a newline (one that ends mid-line was cut)
  ].join("\n");

  it("starts each operation at its title above its first section and strips the servers' base path", () => {
    const ops = genericExtractor.extract({ file: "page.txt", text: page }).operations;
    expect(
      ops.map((op) => [
        op.method?.value,
        op.path?.value,
        op.title?.value,
        op.parameters.map((p) => [p.in, p.path.join("."), p.schema]),
      ]),
    ).toEqual([
      ["get", "/1/widgets", "listWidgets", [["query", "limit", { type: "integer", format: "int64" }]]],
      ["get", "/1/widgets/{widgetId}", "getWidget", [["path", "widgetId", { type: "string" }]]],
    ]);
  });
});

describe("generic reader, a Redoc page of one tag's operations (8 Redoc)", () => {
  const page = [
    "This documentation is not optimized for mobile devices. Switch to a larger screen.",
    "Widgets API (2.0.0)",
    "",
    "Download OpenAPI description",
    "Languages",
    "curl",
    "Servers",
    "Mock server",
    "https://mock.widgets.test",
    "Production server",
    "https://api.widgets.test",
    "",
    "Widgets",
    "Operations",
    "List widgets",
    "Get a widget",
    "",
    "List widgets",
    "Request",
    "",
    "query Parameters",
    "",
    "sizeinteger(int64)",
    "createdstring(date-time)",
    "",
    "curl -i -X GET \\",
    "  https://mock.widgets.test/widgets \\",
    "  -H 'Authorization: Bearer <YOUR_TOKEN_HERE>'",
    "",
    "Responses",
    "200",
    "OK",
    "4XX",
    "Client error",
    "default",
    "Unexpected error",
    "",
    "Get a widget",
    "Request",
    "",
    "path Parameters",
    "",
    "widget_idstringrequired",
    "",
    "Bodyrequired",
    "",
    "partsArray of stringsrequired",
    "IdentifiersArray of objects",
    "Countinteger(int32)",
    "finishobject(Finish)",
    "curl -i -X GET \\",
    "  https://mock.widgets.test/widgets/{widget_id} \\",
    "  -H 'Authorization: Bearer <YOUR_TOKEN_HERE>'",
    "",
    "Responses",
    "201",
    "Created",
    "404",
    "Not found",
  ].join("\n");
  const ops = genericExtractor.extract({ file: "page.txt", text: page }).operations;

  it("reads a curl of /widgets and one of /widgets/{widget_id} as two operations", () => {
    expect(ops.map((op) => [op.method?.value, op.path?.value, op.title?.value])).toEqual([
      ["get", "/widgets", "List widgets"],
      ["get", "/widgets/{widget_id}", "Get a widget"],
    ]);
  });

  it('reads each status line under "Responses" as a response, "4XX" and "default" too', () => {
    expect(ops.map((op) => op.responses.map((r) => r.status))).toEqual([
      ["200", "4XX", "default"],
      ["201", "404"],
    ]);
  });

  it('reads "integer(int64)" as the format glued to the type and "object(Finish)" as a title', () => {
    expect(ops[0]?.parameters.map((p) => [p.in, p.path.join("."), p.schema])).toEqual([
      ["query", "size", { type: "integer", format: "int64" }],
      ["query", "created", { type: "string", format: "date-time" }],
    ]);
    expect(byName(ops[1]?.requestBody?.fields ?? [])).toEqual({
      parts: { schema: { type: "array", items: { type: "string" } }, required: true },
      Identifiers: { schema: { type: "array", items: { type: "object" } } },
      Count: { schema: { type: "integer", format: "int32" } },
      finish: { schema: { type: "object" } },
    });
  });

  it('keeps the path key of a curl URL ("/#X-Amz-Target=…"): operations sharing one URL stay apart', () => {
    const aws = [
      "CreateBudget",
      "Request",
      "Bodyrequired",
      "AccountIdstringrequired",
      "curl -i -X POST \\",
      "  'https://mock.widgets.test/#X-Amz-Target=Budgets.CreateBudget' \\",
      "",
      "DeleteBudget",
      "Request",
      "Bodyrequired",
      "BudgetNamestringrequired",
      "curl -i -X POST \\",
      "  'https://mock.widgets.test/#X-Amz-Target=Budgets.DeleteBudget' \\",
    ].join("\n");
    const read = genericExtractor.extract({ file: "page.txt", text: aws }).operations;
    expect(read.map((op) => [op.path?.value, op.requestBody?.fields.map((f) => f.path.join("."))])).toEqual([
      ["/#X-Amz-Target=Budgets.CreateBudget", ["AccountId"]],
      ["/#X-Amz-Target=Budgets.DeleteBudget", ["BudgetName"]],
    ]);
  });
});

describe('generic reader, the Redocly "schema" style: name, `required`, type line (8 Redoc)', () => {
  const page = [
    "Update a widget",
    "path Parameters",
    "widget_id",
    "required",
    "string",
    "Widget id.",
    "Request Body schema: application/json",
    "required",
    "label",
    "string [ 2 .. 50 ] characters",
    "Shelf label.",
    "count",
    "required",
    "integer <int32> [ 1 .. 10 ]",
    "stage",
    "string",
    'Enum: "draft" "live"',
    "object or null",
    'Enum: "a" "b"',
    "shelved",
    "boolean",
    "Default: false",
    "curl -i -X PATCH \\",
    "  https://api.widgets.test/widgets/{widget_id} \\",
    "  -H 'Content-Type: application/json'",
  ].join("\n");
  const op = operation(page);

  it('reads the name, its `required` line and the type line with its "[ a .. b ]" range', () => {
    expect(op.parameters.map((p) => [p.in, p.path.join("."), p.required, p.schema])).toEqual([
      ["path", "widget_id", true, { type: "string" }],
    ]);
    expect(byName(op.requestBody?.fields ?? [])).toEqual({
      label: { schema: { type: "string", minLength: 2, maxLength: 50 }, description: "Shelf label." },
      count: { schema: { type: "integer", format: "int32", minimum: 1, maximum: 10 }, required: true },
      stage: { schema: { type: "string", enum: ["draft", "live"] } },
      shelved: { schema: { type: "boolean", default: false } },
    });
  });
});

describe("generic reader, Redoc operations without fields and descriptions in title case (8 Redoc)", () => {
  it('reads curls of /blocks/number and /blocks/{block} as two operations, and "Block Number" as prose', () => {
    const page = [
      "getLastBlockNumber",
      "Request",
      "",
      "curl -i -X GET \\",
      "  https://api.widgets.test/v2/blocks/number",
      "",
      "Responses",
      "200",
      "",
      "getBlock",
      "Request",
      "",
      "path Parameters",
      "",
      "blockstringrequired",
      "",
      "Block Number",
      "",
      "curl -i -X GET \\",
      "  https://api.widgets.test/v2/blocks/{block}",
      "",
    ].join("\n");
    const ops = genericExtractor.extract({ file: "page.txt", text: page }).operations;
    expect(ops.map((op) => [op.path?.value, op.parameters.map((p) => [p.in, p.path.join(".")])])).toEqual([
      ["/v2/blocks/number", []],
      ["/v2/blocks/{block}", [["path", "block"]]],
    ]);
    expect(ops[1]?.parameters[0]?.description).toBe("Block Number");
  });
});

describe("generic reader, a Redoc page's operation boundaries (8 Redoc)", () => {
  const op = (title: string, values: string, method: string, path: string): string[] => [
    title,
    "Request",
    "",
    "query Parameters",
    "",
    "actionstringrequired",
    "",
    `Enum${values}`,
    "",
    "curl -i -X " + method + " \\",
    `  https://api.widgets.test${path} \\`,
    "  -H 'Authorization: Bearer <YOUR_TOKEN_HERE>'",
    "",
    "Responses",
    "200",
    "OK (CSV)",
    "",
  ];

  it('starts each operation at its title above "Request", not at an "Enum01" line above its curl', () => {
    const page = [
      ...op("ContactsGet", "01", "GET", "/contacts"),
      ...op("ContactsPOST", "01", "POST", "/contacts"),
    ];
    const ops = genericExtractor.extract({ file: "page.txt", text: page.join("\n") }).operations;
    expect(
      ops.map((o) => [o.method?.value, o.title?.value, o.parameters.map((p) => `${p.in}.${p.path[0]}`)]),
    ).toEqual([
      ["get", "ContactsGet", ["query.action"]],
      ["post", "ContactsPOST", ["query.action"]],
    ]);
  });

  it("gives the fields after the last curl to no operation when the page is cut inside the next one's curl", () => {
    const page = [
      ...op("ContactsGet", '"read"', "GET", "/contacts"),
      "DeleteContact",
      "Request",
      "path Parameters",
      "contact_idstringrequired",
      "curl -i -",
    ];
    const ops = genericExtractor.extract({ file: "page.txt", text: page.join("\n") }).operations;
    expect(ops.map((o) => [o.path?.value, o.parameters.map((p) => `${p.in}.${p.path[0]}`)])).toEqual([
      ["/contacts", ["query.action"]],
    ]);
  });

  it("gives request fields after the last curl's responses to no operation, also when the first has no fields", () => {
    const page = [
      "CreateAnonymousSession",
      "curl -i -X POST \\",
      "  https://api.widgets.test/sessions/anonymous \\",
      "",
      "Responses",
      "201",
      "Session",
      "",
      "CreateOAuthSession",
      "path Parameters",
      "provider",
      "required",
      "string",
      "OAuth2 Provider.",
    ];
    const ops = genericExtractor.extract({ file: "page.txt", text: page.join("\n") }).operations;
    expect(ops.map((o) => [o.path?.value, o.parameters.map((p) => `${p.in}.${p.path[0]}`)])).toEqual([
      ["/sessions/anonymous", []],
    ]);
  });

  it("reads no operation from a curl whose URL the cut ends mid-line (its path may be partial)", () => {
    const page = [
      ...op("ContactsGet", '"read"', "GET", "/contacts"),
      "DeleteContact",
      "Request",
      "path Parameters",
      "contact_idstringrequired",
      "curl -i -X DELETE \\",
      "  https://api.widgets.test/conta",
    ];
    const ops = genericExtractor.extract({ file: "page.txt", text: page.join("\n") }).operations;
    expect(ops.map((o) => o.path?.value)).toEqual(["/contacts"]);
    const whole = genericExtractor.extract({ file: "page.txt", text: page.join("\n") + "\n" }).operations;
    expect(whole.map((o) => o.path?.value)).toEqual(["/contacts", "/conta"]);
  });
});
