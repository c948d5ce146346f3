import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { FieldFragment, OperationFragment, Page, PageFragment } from "../../scripts/scrape/fragment.ts";
import { pipeTableExtractor } from "../../scripts/scrape/extractors/pipe-table.ts";

const root = join(import.meta.dirname, "..", "..");
const FIXTURES = "test/fixtures/pages/pipe-table";
const SEED = "specs/stripe-identity/pages/create-verification-session.api-catalogue.txt";

function load(file: string): Page {
  return { file, text: readFileSync(join(root, file), "utf8").replace(/\r\n/g, "\n") };
}

function extract(page: Page): { fragment: PageFragment; op: OperationFragment } {
  const fragment = pipeTableExtractor.extract(page);
  const op = fragment.operations[0];
  if (!op) throw new Error(`no operation read from ${page.file}`);
  return { fragment, op };
}

/** The fields of a list by dotted path, for lookups. */
function byPath(fields: FieldFragment[]): Map<string, FieldFragment> {
  return new Map(fields.map((f) => [f.path.join("."), f]));
}

/** A catalogue page with one request body table holding the given broken rows. */
function bodyPage(rows: string): Page {
  const text = [
    "POST /v1/things",
    "Creates a thing.",
    "Request body fields",
    "| Name | Type | Required | Description |",
    "|---|---|---|---|",
    rows,
  ].join("\n");
  return { file: "inline.txt", text };
}

describe("pipeTableExtractor.detect", () => {
  it.each([
    [SEED, true],
    [`${FIXTURES}/list-shipment-events.catalogue.txt`, true],
    [`${FIXTURES}/create-shipment.catalogue.txt`, true],
    [`${FIXTURES}/update-shipment.truncated.catalogue.txt`, true],
    ["specs/stripe-identity/pages/update-verification-session.openapi-renderer.html", false],
    ["specs/stripe-identity/pages/verification-sessions.api-reference.txt", false],
    ["specs/stripe-identity/pages/verification-sessions.docs.md", false],
    ["specs/verifa/pages/update-session.fern.txt", false],
  ])("%s -> mine: %s", (file, mine) => {
    const score = pipeTableExtractor.detect(load(file));
    if (mine) expect(score).toBeGreaterThanOrEqual(0.6);
    else expect(score).toBeLessThanOrEqual(0.2);
  });

  it("does not claim a well-formed markdown page with a table", () => {
    const text = "# Things\n\nPOST /v1/things\n\n| Name | Type |\n|---|---|\n| a | string |\n";
    expect(pipeTableExtractor.detect({ file: "x.md", text })).toBeLessThanOrEqual(0.5);
  });
});

describe("seed: Stripe create VerificationSession catalogue page", () => {
  const { fragment, op } = extract(load(SEED));
  const body = byPath(op.requestBody?.fields ?? []);

  it("reads the request line, summary, description and servers", () => {
    expect(fragment.extractor).toBe("pipe-table");
    expect(op.method?.value).toBe("post");
    expect(op.path?.value).toBe("/v1/identity/verification_sessions");
    expect(op.summary?.value).toBe("Creates a VerificationSession object.");
    expect(op.description?.value).toContain("display a verification modal");
    expect(op.description?.value).toContain("Related guide: Verify your users’ identity documents");
    expect(fragment.servers.map((s) => [s.value, s.strength, s.source.line])).toEqual([
      ["https://api.stripe.com", "typed", 7],
    ]);
  });

  it("emits the Content-Type header and states the request media type", () => {
    expect(op.parameters).toEqual([
      expect.objectContaining({
        in: "header",
        path: ["Content-Type"],
        required: true,
        schema: { type: "string", default: "application/x-www-form-urlencoded" },
        description: "The media type of the request body.",
        source: { file: SEED, line: 11 },
        strength: "typed",
      }),
    ]);
    expect(op.requestBody?.contentType).toEqual({
      value: "application/x-www-form-urlencoded",
      source: { file: SEED, line: 11 },
      strength: "typed",
    });
  });

  it("rebuilds every body row in page order", () => {
    expect([...body.keys()]).toEqual([
      "related_customer_account",
      "related_person",
      "related_person.account",
      "related_person.person",
      "client_reference_id",
      "options",
      "options.document",
      "expand",
      "metadata",
      "type",
      "verification_flow",
      "related_customer",
      "return_url",
      "provided_details",
      "provided_details.email",
      "provided_details.phone",
    ]);
  });

  it.each([
    // [path, schema, required, description, line]
    [
      "related_customer_account",
      { type: "string" },
      false,
      "The ID of the Account representing a customer.",
      18,
    ],
    [
      "related_person",
      { type: "object" },
      false,
      "Tokens referencing a Person resource and it's associated account.",
      21,
    ],
    ["related_person.account", { type: "string" }, true, undefined, 24],
    ["options.document", undefined, false, undefined, 34],
    ["expand", { type: "array" }, false, "Specifies which fields in the response should be expanded.", 36],
    [
      "type",
      { type: "string" },
      false,
      "The type of verification check to be performed. You must provide a",
      42,
    ],
    ["related_customer", { type: "string" }, false, "Customer ID", 49],
    ["provided_details.phone", { type: "string" }, false, undefined, 60],
  ])("%s", (path, schema, required, description, line) => {
    const f = body.get(path);
    expect(f?.path).toEqual(path.split("."));
    expect(f?.schema).toEqual(schema);
    expect(f?.required).toBe(required);
    expect(f?.description).toBe(description);
    expect(f?.source).toEqual({ file: SEED, line });
    expect(f?.strength).toBe("typed");
  });

  it("does not read the page chrome after the table as a description", () => {
    for (const f of body.values()) expect(f.description ?? "").not.toMatch(/integrating|HTTP Task/);
  });

  it("warns about the lost Type cell, the lost valid values and the incomplete last row", () => {
    expect(fragment.warnings.map((w) => [w.line, w.message])).toEqual([
      [34, expect.stringMatching(/"options\.document".*lost its Type cell/)],
      [42, expect.stringMatching(/"type".*Valid values.*empty/)],
      [60, expect.stringMatching(/"provided_details\.phone" \(line 60\) is incomplete.*Description/)],
    ]);
  });
});

describe("made-up GET page: path, query and header tables, Responses, response fields, JSON example", () => {
  const file = `${FIXTURES}/list-shipment-events.catalogue.txt`;
  const { fragment, op } = extract(load(file));

  it("reads the operation and its servers", () => {
    expect(op.method?.value).toBe("get");
    expect(op.path?.value).toBe("/v2/shipments/{shipment_id}/events");
    expect(op.summary?.value).toBe("Lists the tracking events of a shipment.");
    expect(op.returns?.value).toEqual({ name: "TrackingEvent", list: true });
    expect(fragment.servers.map((s) => s.value)).toEqual([
      "https://api.parcelly.example",
      "https://sandbox.parcelly.example",
    ]);
    expect(op.requestBody).toBeUndefined();
  });

  it.each([
    // [in, name, schema, required, description]
    ["path", "shipment_id", { type: "string" }, true, "The identifier of the shipment, for example shp_123."],
    ["query", "limit", { type: "integer", default: 20 }, false, "How many events to return, at most 100."],
    [
      "query",
      "carrier_codes",
      { type: "array", items: { type: "string" } },
      false,
      "Only events reported by these carriers.",
    ],
    ["query", "since", { type: "integer", format: "unix-time" }, false, undefined],
    [
      "query",
      "order",
      { type: "string", enum: ["newest_first", "oldest_first"] },
      false,
      "Sort order of the events.",
    ],
    ["header", "X-Parcelly-Key", { type: "string" }, true, "Your secret API key."],
  ])("parameter %s %s", (location, name, schema, required, description) => {
    const p = op.parameters.find((x) => x.path[0] === name);
    expect(p).toMatchObject({ in: location, path: [name], schema, required, strength: "typed" });
    expect(p?.description).toBe(description);
  });

  it("reads the Responses table and puts the response fields and example under 200", () => {
    expect(op.responses.map((r) => [r.status, r.description?.value])).toEqual([
      ["200", "The events of the shipment."],
      ["404", "No shipment has this identifier."],
    ]);
    const ok = op.responses[0];
    expect(byPath(ok?.fields ?? []).get("data")?.schema).toEqual({
      type: "array",
      items: { type: "object" },
    });
    expect(byPath(ok?.fields ?? []).get("data.status")?.schema).toEqual({
      type: "string",
      enum: ["in_transit", "delivered", "returned"],
    });
    expect(byPath(ok?.fields ?? []).get("has_more")).toMatchObject({
      schema: { type: "boolean" },
      required: true,
    });
    expect(ok?.example).toEqual({
      value: { data: [{ id: "evt_1", status: "in_transit" }], has_more: false },
      source: { file, line: 54 },
      strength: "example",
    });
  });

  it("reads the page without warnings (`data[].status` nests under the array `data`)", () => {
    expect(fragment.warnings).toEqual([]);
  });

  it("keeps what precedes a JSON example cut off part-way, and warns", () => {
    const page = load(file);
    const cut = { file, text: page.text.slice(0, page.text.indexOf('"has_more": false')) };
    const { fragment: partial, op: cutOp } = extract(cut);
    expect(cutOp.parameters.map((p) => p.path[0])).toContain("order");
    expect(cutOp.responses[0]?.fields.map((f) => f.path.join("."))).toEqual([
      "data",
      "data.status",
      "has_more",
    ]);
    expect(partial.warnings.some((w) => w.line === 54 && /unterminated/.test(w.message))).toBe(true);
  });
});

describe("made-up POST page: three-level nesting, enums, a lost Type cell, a cut last row, curl", () => {
  const file = `${FIXTURES}/create-shipment.catalogue.txt`;
  const { fragment, op } = extract(load(file));
  const body = byPath(op.requestBody?.fields ?? []);

  it("takes the request media type from the Content-Type row, over the curl example", () => {
    expect(op.requestBody?.contentType).toMatchObject({ value: "application/json", strength: "typed" });
    expect(op.parameters.map((p) => [p.in, p.path[0], p.required])).toEqual([
      ["header", "Content-Type", true],
      ["header", "Idempotency-Key", false],
    ]);
  });

  it.each([
    // [path, schema, required, description]
    [
      "service_level",
      { type: "string", enum: ["economy", "standard", "express"] },
      true,
      "How fast the parcel travels.",
    ],
    ["recipient", { type: "object" }, true, "Who receives the parcel."],
    ["recipient.address", { type: "object" }, true, undefined],
    [
      "recipient.address.postal_code",
      { type: "string", maxLength: 10 },
      true,
      "Postal code of the recipient. <=10 characters",
    ],
    [
      "recipient.address.lines",
      { type: "array", items: { type: "string" } },
      false,
      "Street lines of the address.",
    ],
    [
      "parcels",
      { type: "array", items: { type: "object" } },
      true,
      "The parcels of the shipment, at least one.",
    ],
    ["insurance", undefined, true, undefined],
    ["reference", { type: "string", default: "none" }, false, "Your own reference, printed on the label."],
    ["signature_required", { type: "boolean", default: false }, false, "Whether the recipient must sign."],
    ["label_format", { type: "string" }, false, undefined],
  ])("body field %s", (path, schema, required, description) => {
    const f = body.get(path);
    expect(f?.path).toEqual(path.split("."));
    expect(f?.schema).toEqual(schema);
    expect(f?.required).toBe(required);
    expect(f?.description).toBe(description);
  });

  it("reads the response fields under the status their heading names", () => {
    expect(op.responses.map((r) => r.status)).toEqual(["201"]);
    const status = byPath(op.responses[0]?.fields ?? []).get("status");
    expect(status?.schema).toEqual({ type: "string", enum: ["created", "label_purchased", "cancelled"] });
    expect(status?.description).toBe("The state of the shipment.");
  });

  it("reads security and the server from the curl example", () => {
    expect(op.security.map((s) => [s.value, s.strength])).toEqual([
      [{ type: "http", scheme: "basic" }, "example"],
    ]);
    expect(op.servers.map((s) => [s.value, s.strength])).toEqual([
      ["https://api.parcelly.example", "example"],
    ]);
  });

  it("warns about the lost Type cell and the last row that lost its description", () => {
    expect(fragment.warnings.map((w) => [w.line, w.message])).toEqual([
      [39, expect.stringMatching(/"insurance".*lost its Type cell/)],
      [48, expect.stringMatching(/"label_format".*lost its Description cell/)],
    ]);
  });
});

describe("a page cut off part-way", () => {
  const file = `${FIXTURES}/update-shipment.truncated.catalogue.txt`;
  const { fragment, op } = extract(load(file));

  it("yields what it holds", () => {
    expect(op.method?.value).toBe("patch");
    expect(op.path?.value).toBe("/v2/shipments/{shipment_id}");
    expect(op.parameters).toEqual([
      expect.objectContaining({
        in: "path",
        path: ["shipment_id"],
        required: true,
        schema: { type: "string" },
      }),
    ]);
    expect(op.requestBody?.fields.map((f) => [f.path.join("."), f.schema, f.required])).toEqual([
      ["metadata", { type: "object" }, false],
      ["recipient.phone", { type: "string" }, false],
    ]);
    expect(op.requestBody?.fields[1]?.description).toBe("Phone number the carrier calls if the deliv");
  });

  it("warns that the last row is cut off, naming it and its line", () => {
    expect(fragment.warnings).toEqual([
      { file, line: 17, message: expect.stringMatching(/"recipient\.phone" \(line 17\).*cut off/) },
    ]);
  });
});

describe("row reconstruction", () => {
  it.each([
    {
      name: "a well-formed one-line row",
      given: "| amount | Integer | Yes | Amount in cents. |",
      want: [
        { path: ["amount"], schema: { type: "integer" }, required: true, description: "Amount in cents." },
      ],
    },
    {
      name: "name, type and required on one line, description on the next",
      given: "amount | Integer | Yes |\nAmount in cents. |",
      want: [
        { path: ["amount"], schema: { type: "integer" }, required: true, description: "Amount in cents." },
      ],
    },
    {
      name: "a description over several lines with no pipe until its end",
      given: "note |\nString | No |\nFirst line\nsecond line. |",
      want: [{ path: ["note"], description: "First line second line." }],
    },
    {
      name: "a row that lost its closing pipe before the next row",
      given: "a |\nString | No |\nAbout a.\nb |\nBoolean | Yes | |",
      want: [
        { path: ["a"], description: "About a." },
        { path: ["b"], schema: { type: "boolean" }, required: true },
      ],
    },
    {
      name: "a lost Required cell",
      given: "tags[] |\nArray of strings | Labels. |",
      want: [
        { path: ["tags"], schema: { type: "array", items: { type: "string" } }, description: "Labels." },
      ],
    },
    {
      name: "prose defaults are not defaults",
      given: "currency |\nString | No |\nDefaults to the account's currency. |",
      want: [
        {
          path: ["currency"],
          schema: { type: "string" },
          description: "Defaults to the account's currency.",
        },
      ],
    },
    {
      name: "an integer enum",
      given: "level |\nInteger | No |\nValid values: 1, 2, 3. |",
      want: [{ path: ["level"], schema: { type: "integer", enum: [1, 2, 3] } }],
    },
  ])("$name", ({ given, want }) => {
    const { op } = extract(bodyPage(given));
    expect(op.requestBody?.fields).toEqual(want.map((w) => expect.objectContaining(w)));
  });

  it("reads a Responses table whose status cell carries the description", () => {
    const text =
      "DELETE /v1/things/:id\nDeletes a thing.\nResponses\n| Status | Description |\n|---|---|\n204 No Content |\n|\n";
    const { op } = extract({ file: "inline.txt", text });
    expect(op.path?.value).toBe("/v1/things/{id}");
    expect(op.responses.map((r) => [r.status, r.description?.value])).toEqual([["204", "No Content"]]);
  });
});

describe("names with brackets, printed verbatim by the catalogue", () => {
  it("reads `page[size]` as one query parameter and bracketed body names as parts of a name", () => {
    const text = [
      "GET /v1/things",
      "Lists things.",
      "Query parameters",
      "| Name | Type | Required | Description |",
      "|---|---|---|---|",
      "page[size] |",
      "Integer | No |",
      "Records per page. |",
      "Request body fields",
      "| Name | Type | Required | Description |",
      "|---|---|---|---|",
      "data.line[itemNr].code |",
      "String | No |",
      "The item code. |",
      "data.risk.[customFieldName] |",
      "String | No |",
      "A custom field. |",
      "",
    ].join("\n");
    const { op } = extract({ file: "inline.txt", text });
    expect(op.parameters.map((p) => [p.in, p.path, p.schema?.type])).toEqual([
      ["query", ["page[size]"], "integer"],
    ]);
    expect(op.requestBody?.fields.map((f) => f.path)).toEqual([
      ["data", "line[itemNr]", "code"],
      ["data", "risk", "[customFieldName]"],
    ]);
  });

  it("never makes a type cell the name of a row whose name was lost", () => {
    const { op } = extract(
      bodyPage("a b c |\nString | No |\nLost its name. |\ncolor |\nString | Yes |\nPaint. |\n"),
    );
    expect(op.requestBody?.fields.map((f) => f.path)).toEqual([["color"]]);
  });
});

describe("the request line is the spec's path key", () => {
  it.each([
    ["GET /api/v1/app/", "/api/v1/app/"],
    ["DELETE /api/v1/app/{app_id}/", "/api/v1/app/{app_id}/"],
    ["GET /api/v1/app", "/api/v1/app"],
    ["GET /", "/"],
    ["GET /v1/things/?limit=3", "/v1/things/"],
    ["GET https://api.x.test/v1/things/", "/v1/things/"],
  ])("%s is %s (a trailing slash tells two URLs apart)", (line, path) => {
    const text = `${line}\nLists things.\nQuery parameters\n| Name | Type | Required | Description |\n|---|---|---|---|\n| limit | Integer | No | |\n`;
    expect(extract({ file: "inline.txt", text }).op.path?.value).toBe(path);
  });
});

describe("odd input", () => {
  it.each([
    ["an empty page", ""],
    ["prose only", "Hello\nworld |\n"],
    ["a header without rows", "GET /x\n| Name | Type | Required | Description |\n|---|---|---|---|\n"],
    [
      "stray cells",
      "GET /x\nQuery parameters\n| Name | Type | Required | Description |\n|---|---|---|---|\n| | |\nString | No |\n",
    ],
    ["a broken JSON example", 'GET /x\nResponse example\n{"a": [1, 2}}}\n'],
  ])("never throws on %s", (_name, text) => {
    expect(() => pipeTableExtractor.extract({ file: "odd.txt", text })).not.toThrow();
  });

  it("warns when there is no request line", () => {
    const { fragment } = extract({ file: "odd.txt", text: "Just some text\n" });
    expect(fragment.warnings[0]?.message).toMatch(/request line/);
  });
});

describe("ReadMe guide page: status lines under a Responses heading without a table", () => {
  const text = [
    "Create new Article",
    "Create a new Article by sending article information",
    "Body Params",
    "| Name | Type | Description | Required |",
    "| --- | --- | --- | --- |",
    "| title | string | Title of article | Yes |",
    "Responses",
    "",
    "201",
    "",
    "Created",
    "",
    "400",
    "",
    "default",
    "",
    "An unexpected client error.",
    "",
    "Updated 3 days ago",
  ].join("\n");
  const { op } = extract({ file: "guide.txt", text });

  it("reads each status as a response, and the line after it, when it is no status, as its description", () => {
    expect(op.responses.map((r) => [r.status, r.description?.value, r.source.line])).toEqual([
      ["201", "Created", 9],
      ["400", undefined, 13],
      ["default", "An unexpected client error.", 15],
    ]);
    expect(op.requestBody?.fields.map((f) => f.path.join("."))).toEqual(["title"]);
  });

  it("puts a JSON example under the status line above it, not as its description", () => {
    const page = 'GET /v1/things\nLists things.\nResponses\n\n200\n\n{"id": 1}\n\n404\n\nNot found\n';
    const { op: listed } = extract({ file: "y.txt", text: page });
    expect(listed.responses.map((r) => [r.status, r.description?.value, r.example?.value])).toEqual([
      ["200", undefined, { id: 1 }],
      ["404", "Not found", undefined],
    ]);
  });

  it("reads a status line only under a Responses heading", () => {
    const elsewhere = extract({ file: "x.txt", text: text.replace("Responses", "Notes") }).op;
    expect(elsewhere.responses).toEqual([]);
  });
});

describe("ReadMe guide table: a row that lost its name cell", () => {
  const text = [
    "Create new Article",
    "Body Params",
    "| Name | Type | Description | Required |",
    "| --- | --- | --- | --- |",
    "| doi | string | The DOI. | No |",
    "| string | Grant number or funding authority | No |",
    "| funding_list | array of objects | Funding creation / update items | No |",
    "| title | string | Title of article | Yes |",
  ].join("\n");
  const { fragment, op } = extract({ file: "guide.txt", text });

  it("reads no field named after its type, and keeps the whole row after it", () => {
    expect(op.requestBody?.fields.map((f) => [f.path.join("."), f.schema?.type, f.required])).toEqual([
      ["doi", "string", false],
      ["funding_list", "array", false],
      ["title", "string", true],
    ]);
  });

  it("counts a path parameter whose row lost its name, so placement leaves its slot in the route", () => {
    const page = [
      "DeleteApiKey",
      "Path Params",
      "| Name | Type | Description | Required |",
      "| --- | --- | --- | --- |",
      "| string | The identifier of the ApiKey resource to be deleted. | Yes |",
      "Headers",
      "| Name | Type | Description | Required |",
      "| --- | --- | --- | --- |",
      "| string |  | No |",
      "| X-Amz-Date | string |  | No |",
    ].join("\n");
    const { op: deleted } = extract({ file: "delete.txt", text: page });
    expect(deleted.parameters.map((p) => [p.in, p.path.join(".")])).toEqual([["header", "X-Amz-Date"]]);
    expect(deleted.namelessPathParameters).toBe(1);
  });

  it("says the row lost its Name cell", () => {
    expect(fragment.warnings.map((w) => [w.line, w.message])).toEqual([
      [1, "no METHOD /path request line found"],
      [6, 'table row "" (line 6) is incomplete: it lost its Name cell'],
      [6, "table row at line 6 has no field name; skipped"],
    ]);
  });
});
