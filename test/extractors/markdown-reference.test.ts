// The markdown extractor on the docs.stripe.com capture seed and on pages written for made-up APIs in the
// same capture style: Larkpay payouts (glued parameter lists, nested children, enums) and Parcelly
// shipments (## headings, a pipe table, curl blocks, JSON responses), plus pages cut off part-way.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { markdownReferenceExtractor } from "../../scripts/scrape/extractors/markdown-reference/index.ts";
import type {
  FieldFragment,
  OperationFragment,
  Page,
  PageFragment,
  ParameterFragment,
} from "../../scripts/scrape/fragment.ts";
import { SUCCESS_NOT_SHOWN } from "../../scripts/scrape/fragment.ts";

const root = join(import.meta.dirname, "..", "..");
const SEED = "specs/stripe-identity/pages/verification-sessions.docs.md";
const PAYOUTS = "test/fixtures/pages/markdown/payouts.docs.md";
const SHIPMENTS = "test/fixtures/pages/markdown/shipments.docs.md";
const SHIPMENTS_CUT = "test/fixtures/pages/markdown/shipments-truncated.docs.md";

function page(file: string): Page {
  return { file, text: readFileSync(join(root, file), "utf8").replace(/\r\n/g, "\n") };
}

function extract(file: string): PageFragment {
  return markdownReferenceExtractor.extract(page(file));
}

function op(fragment: PageFragment, title: string): OperationFragment {
  const found = fragment.operations.find((o) => o.title?.value === title);
  if (!found) throw new Error(`no operation "${title}" in ${fragment.file}`);
  return found;
}

function field(fields: FieldFragment[] | undefined, path: string): FieldFragment {
  const found = fields?.find((f) => f.path.join(".") === path);
  if (!found) throw new Error(`no field ${path}`);
  return found;
}

function param(o: OperationFragment, path: string): ParameterFragment {
  const found = o.parameters.find((p) => p.path.join(".") === path && p.strength === "typed");
  if (!found) throw new Error(`no typed parameter ${path}`);
  return found;
}

const paths = (fields: FieldFragment[] | undefined): string[] => (fields ?? []).map((f) => f.path.join("."));

describe("detect", () => {
  it.each([
    [SEED, "mine"],
    [PAYOUTS, "mine"],
    [SHIPMENTS, "mine"],
    [SHIPMENTS_CUT, "mine"],
    ["specs/stripe-identity/pages/update-verification-session.openapi-renderer.html", "other"],
    ["specs/stripe-identity/pages/verification-sessions.api-reference.txt", "other"],
    ["specs/stripe-identity/pages/create-verification-session.api-catalogue.txt", "other"],
    ["specs/verifa/pages/update-session.fern.txt", "other"],
  ])("%s is %s", (file, want) => {
    const score = markdownReferenceExtractor.detect(page(file));
    if (want === "mine") expect(score).toBeGreaterThanOrEqual(0.6);
    else expect(score).toBeLessThanOrEqual(0.2);
  });

  it("does not claim markdown that has headings but no API reference structure", () => {
    const text = "# Release notes\n\nWe fixed bugs.\n\n## 2024\n\n- Faster builds\n- New logo\n";
    expect(markdownReferenceExtractor.detect({ file: "notes.md", text })).toBeLessThan(0.5);
  });
});

describe("seed: docs.stripe.com markdown capture", () => {
  const fragment = extract(SEED);

  it("reads one operation per # heading, skipping the navigation chrome, with title, slug and no route", () => {
    expect(fragment.extractor).toBe("markdown");
    expect(fragment.operations.map((o) => [o.title?.value, o.slug?.value])).toEqual([
      ["Create a VerificationSession", "/api/identity/verification_sessions/create"],
      ["Update a VerificationSession", "/api/identity/verification_sessions/update"],
      ["Retrieve a VerificationSession", "/api/identity/verification_sessions/retrieve"],
      ["List VerificationSessions", "/api/identity/verification_sessions/list"],
      ["Cancel a VerificationSession", "/api/identity/verification_sessions/cancel"],
    ]);
    for (const o of fragment.operations) {
      expect(o.method).toBeUndefined();
      expect(o.path).toBeUndefined();
      expect(o.requestBody?.contentType).toBeUndefined();
    }
    const create = op(fragment, "Create a VerificationSession");
    expect(create.source).toEqual({ file: SEED, line: 15 });
    expect(create.slug).toMatchObject({ source: { line: 17 }, strength: "prose" });
    expect(fragment.warnings).toEqual([]);
  });

  it("keeps the description paragraphs as plain text, without the link-only lines", () => {
    expect(op(fragment, "Create a VerificationSession").description?.value).toBe(
      "Creates a VerificationSession object. After the VerificationSession is created, display a " +
        "verification modal using the session client_secret or send your users to the session’s url. " +
        "If your API key is in test mode, verification checks won’t actually process, though everything " +
        "else will occur as if in live mode. Related guide: Verify your users’ identity documents",
    );
    expect(op(fragment, "Cancel a VerificationSession").description?.value).toBe(
      "A VerificationSession object can be canceled when it is in requires_input status. Once canceled, " +
        "future submission attempts are disabled. This cannot be undone. Learn more.",
    );
  });

  it("splits the glued items of a write operation into body fields", () => {
    const body = op(fragment, "Create a VerificationSession").requestBody?.fields;
    expect(paths(body)).toEqual(["client_reference_id", "metadata", "options", "return_url", "type"]);
    expect(field(body, "metadata")).toMatchObject({
      schema: { type: "object" },
      required: false,
      strength: "typed",
      source: { file: SEED, line: 33 },
      description: expect.stringMatching(/^Set of key-value pairs .* posting an empty value to metadata\.$/),
    });
    // "Show child parameters" is button text, not description.
    expect(field(body, "options").description).toBe(
      "A set of options for the session’s verification checks.",
    );
    expect(field(body, "type")).toMatchObject({
      schema: { type: "string", enum: ["document", "id_number"] },
      description: "The type of verification check to be performed.",
    });
  });

  it.each([
    ["status", { type: "string", enum: ["canceled", "processing", "requires_input", "verified"] }],
    ["created", { type: "object" }],
    ["client_reference_id", { type: "string" }],
    ["ending_before", { type: "string" }],
    ["limit", { type: "integer" }],
    ["starting_after", { type: "string" }],
  ])("List: %s is a query parameter with schema %j", (name, schema) => {
    const list = op(fragment, "List VerificationSessions");
    expect(param(list, name)).toMatchObject({ in: "query", schema });
    expect(list.requestBody).toBeUndefined();
  });

  it("reads the Returns lines, single and list, and 'No parameters.'", () => {
    expect(fragment.operations.map((o) => o.returns?.value)).toEqual([
      { name: "VerificationSession", list: false },
      { name: "VerificationSession", list: false },
      { name: "VerificationSession", list: false },
      { name: "VerificationSession", list: true },
      { name: "VerificationSession", list: false },
    ]);
    expect(op(fragment, "List VerificationSessions").returns).toMatchObject({
      strength: "prose",
      source: { line: 145 },
    });
    // "Returns a list of VerificationSessions" names no object: it is the description, not a hint.
    expect(op(fragment, "List VerificationSessions").description?.value).toBe(
      "Returns a list of VerificationSessions",
    );
    const retrieve = op(fragment, "Retrieve a VerificationSession");
    expect(retrieve.parameters).toEqual([]);
    expect(retrieve.requestBody).toBeUndefined();
  });
});

describe("Larkpay payouts page (same capture style, made-up API)", () => {
  const fragment = extract(PAYOUTS);

  it("skips the navigation, the prose bullets and 'The Payout object' section", () => {
    expect(fragment.operations.map((o) => o.title?.value)).toEqual([
      "Create a payout",
      "List payouts",
      "Cancel a payout",
    ]);
    expect(op(fragment, "Create a payout").description?.value).toBe(
      "Sends funds from your Larkpay balance to an external account. Payouts to bank accounts in some " +
        "regions can take a few days:",
    );
  });

  it.each([
    ["amount", { type: "integer" }, true, "A positive integer in cents representing how much to pay out."],
    ["currency", { type: "string" }, true, "Three-letter ISO currency code, in lowercase."],
    ["destination", { type: "object" }, true, "Where the funds are sent."],
    ["destination.account", { type: "string" }, true, "The ID of the external account to send funds to."],
    ["destination.rail", { type: "string", enum: ["ach", "wire"] }, false, "How the money moves."],
    ["destination.reference", { type: "string" }, false, "A note shown on the recipient's statement."],
    ["metadata", { type: "object" }, false, "Set of key-value pairs that you can attach to an object."],
    ["speed", { type: "string", enum: ["instant", "standard"] }, false, "How fast the payout should arrive."],
  ])("create body field %s", (path, schema, required, description) => {
    const body = op(fragment, "Create a payout").requestBody?.fields;
    expect(field(body, path)).toEqual({
      path: path.split("."),
      schema,
      required,
      description,
      source: expect.objectContaining({ file: PAYOUTS }),
      strength: "typed",
    });
  });

  it("keeps a deprecated field whose glued enum values cannot be split, without an enum, and warns", () => {
    const priority = field(op(fragment, "Create a payout").requestBody?.fields, "priority");
    expect(priority).toMatchObject({
      deprecated: true,
      schema: { type: "string" },
      description: "Use speed instead.",
    });
    expect(priority.schema).not.toHaveProperty("enum");
    expect(fragment.warnings).toEqual([
      { file: PAYOUTS, line: priority.source.line, message: expect.stringContaining('"priority"') },
    ]);
  });

  it("puts a read operation's parameters, nested children included, in the query", () => {
    const list = op(fragment, "List payouts");
    expect(list.parameters.map((p) => [p.in, p.path.join(".")])).toEqual([
      ["query", "status"],
      ["query", "created"],
      ["query", "created.gt"],
      ["query", "created.lte"],
      ["query", "limit"],
      ["query", "starting_after"],
    ]);
    expect(param(list, "status").schema).toEqual({ type: "string", enum: ["paid", "pending", "failed"] });
    expect(param(list, "created.gt")).toMatchObject({
      schema: { type: "integer" },
      description: "Minimum value to filter by (exclusive).",
    });
    expect(list.returns?.value).toEqual({ name: "Payout", list: true });
  });

  it("reads an operation without parameters", () => {
    const cancel = op(fragment, "Cancel a payout");
    expect(cancel).toMatchObject({
      slug: { value: "/reference/treasury/payouts/cancel" },
      returns: { value: { name: "Payout", list: false } },
      parameters: [],
    });
    expect(cancel.requestBody).toBeUndefined();
  });
});

describe("Parcelly shipments page (## headings, table, curl, JSON)", () => {
  const fragment = extract(SHIPMENTS);

  it("takes ## headings as operations under a page title, and the stated base URL", () => {
    expect(fragment.title).toBe("Parcelly Shipments API");
    expect(fragment.operations.map((o) => [o.title?.value, o.method?.value, o.path?.value])).toEqual([
      ["Create a shipment", "post", "/shipments"],
      ["Retrieve a shipment", "get", "/shipments/{id}"],
      ["List shipments", "get", "/shipments"],
      ["Delete a shipment", "delete", "/shipments/{shipment_id}"],
    ]);
    expect(fragment.servers).toEqual([
      { value: "https://api.parcelly.test/v2", source: { file: SHIPMENTS, line: 3 }, strength: "typed" },
    ]);
  });

  it("create: request line, table fields with nesting, enum, default; curl security, JSON body, response", () => {
    const create = op(fragment, "Create a shipment");
    expect(create.method).toMatchObject({ value: "post", strength: "typed", source: { line: 11 } });
    expect(create.description?.value).toBe(
      "Creates a shipment and buys its label. The label is ready to print as soon as the response arrives.",
    );
    const body = create.requestBody;
    expect(paths(body?.fields)).toEqual([
      "carrier",
      "weight_grams",
      "address",
      "address.line1",
      "address.postal_code",
      "insured",
    ]);
    expect(field(body?.fields, "carrier")).toMatchObject({
      schema: { type: "string", enum: ["ups", "dhl", "usps"] },
      required: true,
      strength: "typed",
    });
    expect(field(body?.fields, "address.postal_code")).toMatchObject({
      schema: { type: "string" },
      required: false,
    });
    expect(field(body?.fields, "insured").schema).toEqual({ type: "boolean", default: false });
    expect(body?.contentType).toMatchObject({ value: "application/json", strength: "example" });
    expect(body?.example?.value).toEqual({
      carrier: "ups",
      weight_grams: 1200,
      address: { line1: "1 Dock Road" },
    });
    expect(create.security.map((s) => s.value)).toEqual([{ type: "http", scheme: "bearer" }]);
    expect(create.servers.map((s) => s.value)).toEqual(["https://api.parcelly.test/v2"]);
    // An idempotency key is a header parameter, not a credential.
    expect(create.parameters).toEqual([
      expect.objectContaining({ in: "header", path: ["Idempotency-Key"], strength: "example" }),
    ]);
    // "### Response" shows no status code: a success whose code the page does not show.
    expect(create.responses).toEqual([
      expect.objectContaining({
        status: SUCCESS_NOT_SHOWN,
        example: expect.objectContaining({
          value: expect.objectContaining({ id: "shp_8f2k1", tracking_number: null }),
          strength: "example",
        }),
      }),
    ]);
  });

  it("retrieve: route from the curl URL under the base URL, API key header, numbered JSON with elisions", () => {
    const retrieve = op(fragment, "Retrieve a shipment");
    expect(retrieve.path).toMatchObject({ value: "/shipments/{id}", strength: "example" });
    expect(retrieve.servers.map((s) => s.value)).toEqual(["https://api.parcelly.test/v2"]);
    expect(retrieve.security.map((s) => s.value)).toEqual([
      { type: "apiKey", in: "header", name: "X-Parcelly-Key" },
    ]);
    expect(retrieve.responses[0]?.example?.value).toEqual({
      id: "shp_8f2k1",
      object: "shipment",
      events: [{ at: 1717000000, kind: "picked_up" }],
    });
  });

  it("list: styled items as query parameters; curl -G data and -u basic auth", () => {
    const list = op(fragment, "List shipments");
    expect(param(list, "status")).toMatchObject({
      in: "query",
      schema: { type: "string", enum: ["label_created", "in_transit", "delivered"] },
      required: false,
    });
    expect(param(list, "limit")).toMatchObject({ in: "query", schema: { type: "integer", default: 20 } });
    expect(list.parameters).toContainEqual(
      expect.objectContaining({ in: "query", path: ["limit"], strength: "example" }),
    );
    expect(list.security.map((s) => s.value)).toEqual([{ type: "http", scheme: "basic" }]);
    expect(list.requestBody).toBeUndefined();
  });

  it("delete: labelled path parameter and a status-labelled response", () => {
    const del = op(fragment, "Delete a shipment");
    expect(del.parameters).toEqual([
      expect.objectContaining({
        in: "path",
        path: ["shipment_id"],
        required: true,
        schema: { type: "string" },
        description: "ID of the shipment to delete.",
      }),
    ]);
    // "#### Response (200)": the heading's status is the JSON's, and the JSON is where the page has it.
    expect(del.responses.map((r) => [r.status, r.example?.value, r.example?.source.line])).toEqual([
      ["200", { id: "shp_8f2k1", object: "shipment", deleted: true }, 101],
    ]);
  });

  it("a status in a response heading is the status of the fields and JSON under it", () => {
    const text = [
      "## Create a widget",
      "",
      "`POST /widgets`",
      "",
      "### Response (201)",
      "",
      "- `id` (string) — The new widget's ID.",
      "",
      "```json",
      '{"id": "wd_1"}',
      "```",
      "",
      "### Response 202 Accepted",
      "",
      "- `job` (string) — The job that builds it.",
    ].join("\n");
    const create = markdownReferenceExtractor.extract({ file: "w.md", text }).operations[0];
    expect(
      create?.responses.map((r) => [r.status, r.fields.map((f) => f.path.join(".")), r.example?.value]),
    ).toEqual([
      ["201", ["id"], { id: "wd_1" }],
      ["202", ["job"], undefined],
    ]);
    expect(create?.responses[0]?.example?.source.line).toBe(9);
  });

  it("has nothing to warn about", () => {
    expect(fragment.warnings).toEqual([]);
  });
});

describe("curl and request lines on other pages of the site", () => {
  it("a form-encoded curl: method, templated path, server, basic auth, bracket fields", () => {
    const text = [
      "# Cancel a payout",
      "",
      "[Cancel a payout](/reference/treasury/payouts/cancel)",
      "",
      "Cancels a payout.",
      "",
      "```sh",
      "curl https://api.larkpay.test/v1/payouts/po_1Nx9a/cancel \\",
      '  -u "sk_test_123:" \\',
      '  -d "metadata[order_id]=6735" \\',
      "  -d expand[]=destination",
      "```",
    ].join("\n");
    const fragment = markdownReferenceExtractor.extract({ file: "cancel.md", text });
    const cancel = op(fragment, "Cancel a payout");
    expect(cancel.method).toMatchObject({ value: "post", strength: "example", source: { line: 8 } });
    expect(cancel.path?.value).toBe("/v1/payouts/{id}/cancel");
    expect(cancel.servers.map((s) => s.value)).toEqual(["https://api.larkpay.test"]);
    expect(cancel.security.map((s) => s.value)).toEqual([{ type: "http", scheme: "basic" }]);
    expect(cancel.requestBody?.contentType).toMatchObject({
      value: "application/x-www-form-urlencoded",
      strength: "example",
    });
    expect(cancel.requestBody?.fields.map((f) => [f.path.join("."), f.schema])).toEqual([
      ["metadata", { type: "object" }],
      ["metadata.order_id", undefined],
      ["expand", { type: "array" }],
    ]);
  });

  it("a full-URL request line gives method, path and server; a stated content type is typed", () => {
    const text = [
      "## Create a widget",
      "",
      "POST https://api.widgets.test/v3/widgets",
      "",
      "Content-Type: application/merge-patch+json",
      "",
      "- `name` (string, required) — The widget's name.",
    ].join("\n");
    const create = markdownReferenceExtractor.extract({ file: "w.md", text }).operations[0];
    expect(create?.method).toMatchObject({ value: "post", strength: "typed" });
    expect(create?.path?.value).toBe("/v3/widgets");
    expect(create?.servers.map((s) => [s.value, s.strength])).toEqual([
      ["https://api.widgets.test", "typed"],
    ]);
    expect(create?.requestBody?.contentType).toMatchObject({
      value: "application/merge-patch+json",
      strength: "typed",
    });
    expect(create?.requestBody?.fields).toEqual([
      expect.objectContaining({ path: ["name"], schema: { type: "string" }, required: true }),
    ]);
  });
});

describe("glued items whose description starts in lowercase", () => {
  it("ends the type where the repeated description starts", () => {
    // "integeronly" runs the type into a word: only the paragraph the capture repeats shows where it ends.
    const text = [
      "# Create a search",
      "",
      "[Create a search](/api/articles/search/create)",
      "",
      "- groupintegeronly return collections from this group",
      "",
      "only return collections from this group",
      "",
      "- resource_idstringRequiredonly return collections with this resource_id",
      "",
      "only return collections with this resource_id",
      "",
      "- plainstringnot repeated, so not told apart",
    ].join("\n");
    const body = markdownReferenceExtractor.extract({ file: "t.md", text }).operations[0]?.requestBody
      ?.fields;
    expect(body?.map((f) => [f.path.join("."), f.schema, f.required, f.description])).toEqual([
      ["group", { type: "integer" }, false, "only return collections from this group"],
      ["resource_id", { type: "string" }, true, "only return collections with this resource_id"],
    ]);
  });

  it("keeps a bracketed key in a glued name as part of the name", () => {
    const text = [
      "# List transactions",
      "",
      "[List transactions](/api/transactions/list)",
      "",
      "- filter[status]enumThe status.Possible enum valuesHELDSETTLED",
      "",
      "The status.",
      "",
      "- page[size]integerThe number of records.",
    ].join("\n");
    const params = markdownReferenceExtractor.extract({ file: "t.md", text }).operations[0]?.parameters;
    expect(params?.map((p) => [p.in, p.path])).toEqual([
      ["query", ["filter[status]"]],
      ["query", ["page[size]"]],
    ]);
  });
});

describe("glued items the capture does not repeat", () => {
  it("reads badges and constraints from the glued text alone", () => {
    const text = [
      "# Create a transfer",
      "",
      "[Create a transfer](/reference/transfers/create)",
      "",
      "- amountintegerRequiredThe amount to send.",
      "- notestring<=500 charactersA free-text note.",
      "- legacy_codestringDeprecated",
    ].join("\n");
    const body = markdownReferenceExtractor.extract({ file: "t.md", text }).operations[0]?.requestBody
      ?.fields;
    expect(body?.map((f) => [f.path.join("."), f.schema, f.required, f.description, f.deprecated])).toEqual([
      ["amount", { type: "integer" }, true, "The amount to send.", undefined],
      ["note", { type: "string", maxLength: 500 }, false, "A free-text note.", undefined],
      ["legacy_code", { type: "string" }, false, undefined, true],
    ]);
  });
});

describe("pages cut off part-way", () => {
  it("seed cut inside an enum run: keeps what precedes, drops the enum, warns", () => {
    const text = page(SEED).text;
    const cut =
      text.indexOf("Possible enum values", text.indexOf("# Update")) +
      "Possible enum valuesdocumentDocu".length;
    const fragment = markdownReferenceExtractor.extract({ file: SEED, text: text.slice(0, cut) });
    expect(fragment.operations.map((o) => o.title?.value)).toEqual([
      "Create a VerificationSession",
      "Update a VerificationSession",
    ]);
    const update = op(fragment, "Update a VerificationSession");
    expect(paths(update.requestBody?.fields)).toEqual(["metadata", "options", "type"]);
    expect(field(update.requestBody?.fields, "type").schema).toEqual({ type: "string" });
    expect(update.returns).toBeUndefined();
    expect(fragment.warnings.map((w) => w.message)).toEqual([
      expect.stringContaining('enum values of "type" could not be told apart'),
      expect.stringContaining("seems cut off"),
    ]);
  });

  it("shipments cut inside a JSON response: keeps the operation and the complete lines, warns", () => {
    const fragment = extract(SHIPMENTS_CUT);
    expect(fragment.operations.map((o) => o.title?.value)).toEqual(["Create a shipment"]);
    const create = op(fragment, "Create a shipment");
    expect(create.path?.value).toBe("/shipments");
    expect(paths(create.requestBody?.fields)).toContain("address.line1");
    expect(create.responses[0]?.example?.value).toEqual({
      id: "shp_8f2k1",
      object: "shipment",
      carrier: "ups",
    });
    expect(fragment.warnings).toEqual([
      { file: SHIPMENTS_CUT, line: 41, message: expect.stringContaining("never closed") },
      { file: SHIPMENTS_CUT, line: 41, message: expect.stringContaining("JSON example is unterminated") },
    ]);
  });

  it("a table row that lost cells is still read, with a warning", () => {
    const text = [
      "## Create a widget",
      "",
      "`POST /v1/widgets`",
      "",
      "| Name | Type | Required | Description |",
      "|---|---|---|---|",
      "| `name` | string | Yes | The widget's name. |",
      "| `size` | integer",
    ].join("\n");
    const fragment = markdownReferenceExtractor.extract({ file: "cut.md", text });
    const body = fragment.operations[0]?.requestBody?.fields;
    expect(field(body, "name")).toMatchObject({ required: true, description: "The widget's name." });
    expect(field(body, "size").schema).toEqual({ type: "integer" });
    expect(fragment.warnings).toEqual([
      { file: "cut.md", line: 8, message: expect.stringContaining("2 of 4 cells") },
    ]);
  });
});

describe("odd input", () => {
  it.each([
    ["empty", ""],
    ["html", "<!DOCTYPE html><html><body><h1>x</h1></body></html>"],
    ["heading only", "# Create a thing"],
    ["bad curl", "## Create a thing\n\n```sh\ncurl -d 'a%ZZ=1' \\\n```\n"],
    ["malformed escape", "## Create a thing\n\n```sh\ncurl https://x.test/things -d 'a%ZZ[=1'\n```\n"],
  ])("%s: never throws", (_, text) => {
    expect(() => markdownReferenceExtractor.extract({ file: "odd.md", text })).not.toThrow();
    expect(() => markdownReferenceExtractor.detect({ file: "odd.md", text })).not.toThrow();
  });
});

describe("unreadable examples", () => {
  it("skips a JSON example that cannot be repaired, with a warning", () => {
    const text = "## Get a thing\n\n`GET /things/:id`\n\n```json\n{ this is not json ]]\n```\n";
    const fragment = markdownReferenceExtractor.extract({ file: "bad.md", text });
    expect(fragment.operations[0]).toMatchObject({
      method: { value: "get" },
      path: { value: "/things/{id}" },
    });
    expect(fragment.operations[0]?.responses).toEqual([]);
    expect(fragment.warnings).toEqual([
      { file: "bad.md", line: 5, message: expect.stringContaining("could not be parsed") },
    ]);
  });
});

describe("dotted names in a flat parameter list (LAYOUTS.md family 2)", () => {
  const text = [
    "# Update a widget",
    "",
    "## Request",
    "",
    "```curl",
    "curl https://api.widgets.test/v2/widgets/{{WIDGET_ID}} \\",
    '  -u "<>" \\',
    "  -d color=blue",
    "```",
    "",
    "## Parameters",
    "",
    "- `color` (enum, required) Paint colour.",
    "- `frame.depth` (integer, optional) Depth.",
    "- `finishes..gloss` (boolean, required conditionally) Gloss.",
  ].join("\n");

  it("nests a.b and a map's a..b under their parent instead of naming a property with dots", () => {
    const fragment = markdownReferenceExtractor.extract({ file: "widgets.md", text });
    const fields = fragment.operations[0]?.requestBody?.fields ?? fragment.operations[0]?.parameters ?? [];
    // The curl's "-d color=blue" shows "color" by example too; the list's typed facts are the point here.
    const typed = fields.filter((f) => f.strength === "typed");
    // "required conditionally" of a nested field: required within its parent (the map's values here).
    expect(typed.map((f) => [f.path, f.required])).toEqual([
      [["color"], true],
      [["frame", "depth"], false],
      [["finishes", "gloss"], true],
    ]);
  });

  it('reads "required conditionally" as required within the parent, and a top-level one as optional', () => {
    const flat =
      '# Create a widget ## Request ```curl curl https://x.test/v1/widgets \\ -u "<>" \\ -d name=a ``` ' +
      "## Parameters - `name` (string, required) Name. - `vpc.subnet_ids` (array of strings, required " +
      "conditionally) Subnets. - `vpc.cidr` (string, optional) Block. - `currency` (string, required " +
      "conditionally) Currency. ## Returns Success";
    const o = markdownReferenceExtractor.extract({ file: "widgets.md", text: flat }).operations[0];
    const typed = (o?.requestBody?.fields ?? []).filter((f) => f.strength === "typed");
    expect(typed.map((f) => [f.path.join("."), f.required])).toEqual([
      ["name", true],
      ["vpc.subnet_ids", true],
      ["vpc.cidr", false],
      ["currency", false],
    ]);
  });

  it("a dotted name plainly required makes every object around it required, listed or not", () => {
    const flat =
      '# Update a connector ## Request ```curl curl -X PUT https://x.test/v1/connectors/{{ARN}} \\ -u "<>" ``` ' +
      "## Parameters - `capacity.auto.max` (integer, required) Max. - `capacity.auto.min` (integer, optional) " +
      "Min. - `plugin` (object, optional) Plugin. - `plugin.arn` (string, required conditionally) Arn. ## Returns Ok.";
    const o = markdownReferenceExtractor.extract({ file: "w.md", text: flat }).operations[0];
    const typed = (o?.requestBody?.fields ?? []).filter((f) => f.strength === "typed");
    expect(typed.map((f) => [f.path.join("."), f.required])).toEqual([
      ["capacity.auto.max", true],
      ["capacity.auto.min", false],
      ["plugin", false],
      ["plugin.arn", true],
      ["capacity", true],
      ["capacity.auto", true],
    ]);
  });

  it("places listed parameters where the curl sends them: -G in the query, a DELETE without -G in the body", () => {
    const placed = (flags: string): string => {
      const o = markdownReferenceExtractor.extract({
        file: "w.md",
        text:
          `# Cancel a widget ## Request \`\`\`curl curl ${flags} https://x.test/v1/widgets/{{ID}} \\ -u "<>" \`\`\` ` +
          "## Parameters - `reason` (string, optional) Why. ## Returns Ok.",
      }).operations[0];
      const query = (o?.parameters ?? []).filter((p) => p.in === "query").map((p) => p.path.join("."));
      const body = (o?.requestBody?.fields ?? []).map((f) => f.path.join("."));
      return `${o?.method?.value} query:${query.join(",")} body:${body.join(",")}`;
    };
    expect(placed("-X POST -G")).toBe("post query:reason body:");
    expect(placed("-X DELETE -G")).toBe("delete query:reason body:");
    expect(placed("-X DELETE")).toBe("delete query: body:reason");
    expect(placed("")).toBe("get query:reason body:");
  });

  it("keeps brackets in a listed name: `page[size]` is one query parameter, not page > size", () => {
    const o = markdownReferenceExtractor.extract({
      file: "w.md",
      text:
        '# List accounts ## Request ```curl curl https://x.test/api/v1/accounts \\ -u "<>" ``` ## Parameters ' +
        "- `page[size]` (integer, optional) Page size. - `filter[accountType]` (any, optional) Type. ## Returns Ok.",
    }).operations[0];
    expect((o?.parameters ?? []).map((p) => `${p.in} ${JSON.stringify(p.path)}`)).toEqual([
      'query ["page[size]"]',
      'query ["filter[accountType]"]',
    ]);
  });

  it('reads the values listed under a one-line field\'s "Possible enum values:" as its enum', () => {
    const flat =
      '# Put a config ## Request ```curl curl https://x.test/v1/config \\ -u "<>" \\ -d type=NONE ``` ' +
      "## Parameters - `type` (enum, required) The type. Set to <code>KMS</code> for your key. " +
      "Possible enum values: - `NONE` - `KMS` - `key_id` (string, optional) The key. ## Returns Success";
    const o = markdownReferenceExtractor.extract({ file: "config.md", text: flat }).operations[0];
    const typed = (o?.requestBody?.fields ?? []).filter((f) => f.strength === "typed");
    expect(typed.map((f) => [f.path.join("."), f.schema, f.required])).toEqual([
      ["type", { type: "string", enum: ["NONE", "KMS"] }, true],
      ["key_id", { type: "string" }, false],
    ]);
    // The values are not fields, also where the list ends the page (no "cut off" warning, no "type.KMS").
    const last = markdownReferenceExtractor.extract({
      file: "c.md",
      text: flat.replace(/ - `key_id`.*$/, ""),
    });
    const lastFields = last.operations[0]?.requestBody?.fields ?? [];
    expect(lastFields.filter((f) => f.strength === "typed").map((f) => [f.path.join("."), f.schema])).toEqual(
      [["type", { type: "string", enum: ["NONE", "KMS"] }]],
    );
    expect(last.warnings).toEqual([]);
  });

  it('a name that starts at the JSONPath root ("$.xgafv", Google\'s error-format parameter) is one name, not $ > xgafv', () => {
    const get = [
      "# Get a widget",
      "## Request",
      "```curl",
      "curl https://api.widgets.test/v2/widgets/{{WIDGET_ID}} \\",
      '  -u "<>"',
      "```",
      "## Parameters",
      "- `$.xgafv` (enum, optional) V1 error format. Possible enum values: - `1` - `2`",
      "- `fields` (string, optional) Selector.",
    ].join("\n");
    const o = markdownReferenceExtractor.extract({ file: "widgets.md", text: get }).operations[0];
    const fields = [...(o?.parameters ?? []), ...(o?.requestBody?.fields ?? [])];
    expect(fields.filter((f) => f.strength === "typed").map((f) => f.path)).toEqual([
      ["$.xgafv"],
      ["fields"],
    ]);
  });
});

describe("the seed's layout flattened onto one line (each line break one space)", () => {
  it("reads the same operations, links and fields as the seed page itself", () => {
    const seed = page(SEED);
    const flat = markdownReferenceExtractor.extract({ ...seed, text: seed.text.replace(/\n/g, " ") });
    const summary = (f: PageFragment): string[] =>
      f.operations.map(
        (o) =>
          `${o.title?.value} ${o.slug?.value} ${(o.requestBody?.fields ?? o.parameters)
            .map((x) => `${x.path.join(".")}:${String(x.schema?.type)}`)
            .join(",")} ${o.parameters.map((x) => x.path.join(".")).join(",")}`,
      );
    const expected = summary(extract(SEED));
    expect(expected.length).toBe(5);
    expect(summary(flat)).toEqual(expected);
  });
});

describe("flattened titles that look as if they ran on into a description", () => {
  // Seed 003's layout flattened: each blank line two spaces. A title written as a sentence has a word that
  // looks like a description's first verb ("Certificates", "Returns"); the self-link repeats the title.
  const flat = (title: string): string =>
    [
      `# ${title}`,
      "",
      `[${title}](/api/certificates/list)`,
      "",
      "- maxresultsintegerThe maximum number of items to return.",
      "",
      "The maximum number of items to return.",
      "",
      "A response containing the list of Certificates.",
      "",
    ]
      .join("\n")
      .replace(/\n/g, " ");
  const read = (text: string): string[] =>
    markdownReferenceExtractor
      .extract({ file: "certificates.md", text })
      .operations.map(
        (o) =>
          `${o.title?.value} | ${o.slug?.value} | ${o.parameters.map((p) => p.path.join(".")).join(",")}`,
      );

  it("keeps the whole title the next paragraph links to", () => {
    const title = "Lists all of the Certificates that have been added to the specified Account.";
    expect(read(flat(title))).toEqual([`${title} | /api/certificates/list | maxresults`]);
  });

  it("cuts a title that runs on into prose where its self-link's text ends", () => {
    const text = flat("List certificates").replace(
      "# List certificates ",
      "# List certificates Use it to page through the Certificates. ",
    );
    const o = markdownReferenceExtractor.extract({ file: "certificates.md", text }).operations[0];
    expect(o?.title?.value).toBe("List certificates");
    expect(o?.description?.value).toBe("Use it to page through the Certificates.");
    expect(o?.parameters.map((p) => p.path.join("."))).toEqual(["maxresults"]);
  });
});

describe("names the capture broke at _ or . (a narrow column wraps after them)", () => {
  // A Larkpay page in the seed's capture style whose list column was narrow: the text wrapped a glued
  // name after its first "_" or "." ("- statement_" / "descriptorstring…"), as real text captures do.
  const lines = [
    "# List payouts",
    "",
    "[List payouts](/reference/treasury/payouts/list)",
    "",
    "Returns a list of payouts.",
    "",
    "- arrival_",
    "dateobjectOnly return payouts expected to arrive during the given date interval.Show child parameters",
    "",
    "Only return payouts expected to arrive during the given date interval.",
    "",
    "- statement_",
    "descriptorstringRequiredThe text on the statement.",
    "",
    "The text on the statement.",
    "",
    "- $.",
    "xgafvenumV1 error format.",
    "",
    "V1 error format.",
    "",
    "- limitintegerA limit on the number of objects to be returned.",
    "",
    "A limit on the number of objects to be returned.",
    "",
    "Returns a list of Payout objects.",
    "",
  ];
  const read = (text: string): string[] =>
    (markdownReferenceExtractor.extract({ file: "payouts.md", text }).operations[0]?.parameters ?? []).map(
      (p) => `${p.in} ${p.path.join(".")} ${String(p.schema?.type)} ${String(p.required)}`,
    );
  const expected = [
    "query arrival_date object false",
    "query statement_descriptor string true",
    "query $.xgafv string false",
    "query limit integer false",
  ];

  it("joins the name back: the item is one field, typed and required as written", () => {
    expect(read(lines.join("\n"))).toEqual(expected);
  });

  it("joins it too where the capture is flattened onto one line (the break is then one space)", () => {
    expect(read(lines.join("\n").replace(/\n/g, " "))).toEqual(expected);
  });

  it("a first word ending in a full stop before prose is no broken name", () => {
    const prose = lines.map((l) =>
      l === "- $." ? "- Note." : l === "xgafvenumV1 error format." ? "see below." : l,
    );
    expect(read(prose.join("\n"))).toEqual([expected[0], expected[1], expected[3]]);
  });
});

describe("curl samples whose URL holds the API's base (LAYOUTS.md family 2)", () => {
  const steps = "## Prerequisites Run this first. - 1. createWidget POST /1/widgets {}";
  const curl = (url: string): string => `## Request \`\`\`curl curl ${url} \\ -u "<>" \`\`\``;
  const one = (text: string): OperationFragment => {
    const fragment = markdownReferenceExtractor.extract({ file: "w.md", text });
    expect(fragment.operations).toHaveLength(1);
    return fragment.operations[0] as OperationFragment;
  };
  const route = (o: OperationFragment): string =>
    `${o.method?.value} ${o.servers.map((s) => s.value).join(",")} ${o.path?.value}`;

  it("a prerequisite step's path shows where the server's base ends; the step is not the route", () => {
    const o = one(
      `# Retrieve a widget ${steps} ${curl("https://x.test/api/1/widgets/{{WIDGET_ID}}")} ## Returns The widget object.`,
    );
    expect(route(o)).toBe("get https://x.test/api /1/widgets/{widget_id}");
  });

  it("a URL that marks its parameters keeps its other segments; a number after /api is a version", () => {
    expect(
      route(
        one(
          `# Fork a widget ${curl("https://x.test/api/1/widgets/{{WIDGET_ID}}/fork")} ## Returns A widget object.`,
        ),
      ),
    ).toBe("get https://x.test /api/1/widgets/{widget_id}/fork");
    expect(
      route(
        one(
          `# Search widgets ${curl("https://x.test/rest/api/2/search")} ## Returns A list of widget objects.`,
        ),
      ),
    ).toBe("get https://x.test /rest/api/2/search");
    // A concrete id in a URL without placeholders is still a parameter.
    expect(
      route(one(`# Get a widget ${curl("https://x.test/v1/widgets/42")} ## Returns A widget object.`)),
    ).toBe("get https://x.test /v1/widgets/{id}");
    // A dotted version and a word ending in a digit are not ids.
    expect(route(one(`# Authorize ${curl("https://x.test/2.0/oauth2/authorize")} ## Returns A token.`))).toBe(
      "get https://x.test /2.0/oauth2/authorize",
    );
  });

  it("words with digits in a URL without placeholders are literal: versions, token standards, a2p", () => {
    const shown = (url: string): string | undefined => one(`# Send ${curl(url)} ## Returns Ok.`).path?.value;
    expect(shown("https://x.test/v2/bsc/transactions/bep20")).toBe("/v2/bsc/transactions/bep20");
    expect(shown("https://x.test/v2/tron/transactions/trc721")).toBe("/v2/tron/transactions/trc721");
    expect(shown("https://x.test/v1alpha2/operations")).toBe("/v1alpha2/operations");
    expect(shown("https://x.test/v1beta1/things")).toBe("/v1beta1/things");
    expect(shown("https://x.test/v1/a2p/BrandRegistrations")).toBe("/v1/a2p/BrandRegistrations");
    expect(shown("https://x.test/v1/Services/PreregisteredUsa2p")).toBe("/v1/Services/PreregisteredUsa2p");
    // Ids still are: all digits, a prefixed id, a random mix, a UUID.
    expect(shown("https://x.test/v1/widgets/wd_1")).toBe("/v1/widgets/{id}");
    expect(shown("https://x.test/v1/widgets/1NuN9WLkdIwHu7ix")).toBe("/v1/widgets/{id}");
    expect(shown("https://x.test/v1/widgets/0b7e8b9a-1c2d-4e5f-8a9b-0c1d2e3f4a5b")).toBe("/v1/widgets/{id}");
  });

  it('keeps the path key of a curl URL ("/#X-Amz-Target=…", "/tags/{id}#tagKeys"): operations sharing one URL stay apart', () => {
    const post = (url: string): string => `## Request \`\`\`curl curl -X POST ${url} \\ -u "<>" \`\`\``;
    expect(
      route(
        one(`# CreateBudget ${post("https://x.test/#X-Amz-Target=Budgets.CreateBudget")} ## Returns Ok.`),
      ),
    ).toBe("post https://x.test /#X-Amz-Target=Budgets.CreateBudget");
    expect(
      route(
        one(
          `# UntagResource ${curl("https://x.test/tags/{{RESOURCE_ARN}}#tagKeys?tagKeys=a")} ## Returns Ok.`,
        ),
      ),
    ).toBe("get https://x.test /tags/{resource_arn}#tagKeys");
  });

  it("a page that kept its line breaks, its description an HTML paragraph right above the next heading", () => {
    const text = [
      "# DeleteProject",
      "<p>Deletes a project.</p> <p>Runs go on.</p>",
      "## Request",
      "```curl",
      "curl https://x.test/#X-Amz-Target=Farm.DeleteProject \\",
      '-u "<>" \\',
      "-d arn=string",
      "```",
      "## Returns Success",
    ].join("\n");
    expect(markdownReferenceExtractor.detect({ file: "w.md", text })).toBeGreaterThanOrEqual(0.5);
    expect(route(one(text))).toBe("post https://x.test /#X-Amz-Target=Farm.DeleteProject");
  });

  it("a page that kept its line breaks: section headings running on into prose, no self-link or field list", () => {
    const text = [
      "# getWidget",
      `## Prerequisites Run this request first. `,
      "- 1. createWidget POST /1/widgets {}",
      "## Request",
      "```curl",
      "curl https://x.test/api/1/widgets/{{WIDGET_ID}}/state \\",
      '-u "<>"',
      "```",
      "## Returns Returns the object.",
      "",
    ].join("\n");
    expect(markdownReferenceExtractor.detect({ file: "w.md", text })).toBeGreaterThan(0.5);
    const o = one(text);
    expect(o.title?.value).toBe("getWidget");
    expect(route(o)).toBe("get https://x.test/api /1/widgets/{widget_id}/state");
  });
});

describe("array children in a leaves-only list (LAYOUTS.md family 2: `a[].b`)", () => {
  const text =
    '# Create a widget ## Request ```curl curl https://api.widgets.test/v2/widgets \\ -u "<>" \\ -d color=red ``` ' +
    "## Parameters - `color` (string, required) Paint colour. - `parts[].size` (integer, optional) Size. " +
    "- `parts[].label` (string, optional) Label. - `frame.depth` (integer, optional) Depth. ## Returns Ok.";

  it("types the unlisted parent an array, so its children are its items' properties", async () => {
    const o = markdownReferenceExtractor.extract({ file: "w.md", text }).operations[0];
    const typed = (o?.requestBody?.fields ?? []).filter((f) => f.strength === "typed");
    expect(typed.map((f) => [f.path.join("."), f.schema?.type])).toEqual([
      ["color", "string"],
      ["parts.size", "integer"],
      ["parts.label", "string"],
      ["frame.depth", "integer"],
      ["parts", "array"],
    ]);
    const { scrapePages } = await import("../../scripts/scrape/scrape-pages.ts");
    const result = await scrapePages([{ file: "w.md", text }], {
      version: "1",
      servers: [],
      specFile: "w.yaml",
    });
    const paths = result.document.paths as Record<string, Record<string, unknown>>;
    const post = paths["/v2/widgets"]?.post as {
      requestBody: { content: Record<string, { schema: { properties: Record<string, unknown> } }> };
    };
    const schema = Object.values(post.requestBody.content)[0];
    expect(schema?.schema.properties.parts).toMatchObject({
      type: "array",
      items: { type: "object", properties: { size: { type: "integer" }, label: { type: "string" } } },
    });
    expect(schema?.schema.properties.frame).toMatchObject({ properties: { depth: { type: "integer" } } });
  });
});
