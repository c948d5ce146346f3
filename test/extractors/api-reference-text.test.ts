// The api-reference-text extractor on the Stripe seed capture and on pages written for made-up APIs in
// the same capture style (test/fixtures/pages/api-reference-text/).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { apiReferenceTextExtractor } from "../../scripts/scrape/extractors/api-reference-text.ts";
import { SUCCESS_NOT_SHOWN } from "../../scripts/scrape/fragment.ts";
import type {
  FieldFragment,
  OperationFragment,
  Page,
  PageFragment,
  ParameterFragment,
} from "../../scripts/scrape/fragment.ts";

const root = join(import.meta.dirname, "..", "..");
const fixtures = "test/fixtures/pages/api-reference-text";

function load(file: string): Page {
  return { file, text: readFileSync(join(root, file), "utf8").replace(/\r\n/g, "\n") };
}

/** The page cut right after the first occurrence of `marker`. */
function cutAfter(page: Page, marker: string): Page {
  const at = page.text.indexOf(marker);
  if (at < 0) throw new Error(`marker not in ${page.file}: ${marker}`);
  return { file: page.file, text: page.text.slice(0, at + marker.length) };
}

function opTitled(fragment: PageFragment, title: string): OperationFragment {
  const op = fragment.operations.find((o) => o.title?.value === title);
  if (!op) throw new Error(`no operation "${title}"`);
  return op;
}

/** Fields by dotted path, with only what the assertions look at. */
function byPath(fields: (FieldFragment | ParameterFragment)[]): Record<string, Partial<ParameterFragment>> {
  return Object.fromEntries(
    fields.map((f) => {
      const view: Partial<ParameterFragment> = { schema: f.schema, strength: f.strength };
      if ("in" in f) view.in = f.in;
      if (f.required !== undefined) view.required = f.required;
      if (f.description !== undefined) view.description = f.description;
      return [f.path.join("."), view];
    }),
  );
}

const seed = load("specs/stripe-identity/pages/verification-sessions.api-reference.txt");
const widgets = load(`${fixtures}/widgets.api-reference.txt`);
const shipments = load(`${fixtures}/shipments.api-reference.txt`);

describe("detect", () => {
  it.each([
    ["specs/stripe-identity/pages/verification-sessions.api-reference.txt", true],
    [`${fixtures}/widgets.api-reference.txt`, true],
    [`${fixtures}/shipments.api-reference.txt`, true],
    ["specs/stripe-identity/pages/update-verification-session.openapi-renderer.html", false],
    ["specs/stripe-identity/pages/create-verification-session.api-catalogue.txt", false],
    ["specs/stripe-identity/pages/verification-sessions.docs.md", false],
    ["specs/verifa/pages/update-session.fern.txt", false],
  ])("%s is ours: %s", (file, ours) => {
    const score = apiReferenceTextExtractor.detect(load(file));
    if (ours) expect(score).toBeGreaterThanOrEqual(0.6);
    else expect(score).toBeLessThanOrEqual(0.2);
  });

  it("still claims a page cut off inside its first Parameters section", () => {
    const cut = cutAfter(widgets, "Possible enum values\n    blue");
    expect(apiReferenceTextExtractor.detect(cut)).toBeGreaterThanOrEqual(0.6);
  });
});

describe("the Stripe seed page", () => {
  const fragment = apiReferenceTextExtractor.extract(seed);
  const base = "/v1/identity/verification_sessions";

  it("finds the five operations with title, method and path, and no page chrome", () => {
    expect(fragment.extractor).toBe("api-reference-text");
    expect(
      fragment.operations.map((o) => [o.title?.value, o.method?.value, o.path?.value, o.source.line]),
    ).toEqual([
      ["Update a VerificationSession", "post", `${base}/{id}`, 1],
      ["Retrieve a VerificationSession", "get", `${base}/{id}`, 52],
      ["List VerificationSessions", "get", base, 90],
      ["Cancel a VerificationSession", "post", `${base}/{id}/cancel`, 171],
      ["Redact a VerificationSession", "post", `${base}/{id}/redact`, 209],
    ]);
    expect(fragment.operations[0]?.path?.strength).toBe("typed");
  });

  it("reads the description paragraphs between the title and Parameters", () => {
    const update = opTitled(fragment, "Update a VerificationSession");
    expect(update.description).toMatchObject({
      value:
        "Updates a VerificationSession object. When the session status is requires_input, you can use " +
        "this method to update the verification check and options.",
      strength: "prose",
      source: { line: 3 },
    });
    expect(opTitled(fragment, "List VerificationSessions").description?.value).toBe(
      "Returns a list of VerificationSessions",
    );
  });

  it("update: body fields with glued types split, and no enum from the empty enum list", () => {
    const update = opTitled(fragment, "Update a VerificationSession");
    expect(update.parameters).toEqual([]);
    expect(byPath(update.requestBody?.fields ?? [])).toEqual({
      metadata: {
        schema: { type: "object" },
        strength: "typed",
        description: expect.stringMatching(
          /^Set of key-value pairs .* posting an empty value to metadata\.$/,
        ),
      },
      options: {
        schema: { type: "object" },
        strength: "typed",
        description: "A set of options for the session’s verification checks.",
      },
      provided_details: {
        schema: { type: "object" },
        strength: "typed",
        description:
          "Details provided about the user being verified. These details may be shown to the user.",
      },
      type: {
        schema: { type: "string" },
        strength: "typed",
        description: "The type of verification check to be performed.",
      },
    });
    expect(update.requestBody?.contentType).toMatchObject({
      value: "application/x-www-form-urlencoded",
      strength: "example",
    });
    expect(update.requestBody?.example?.value).toEqual({ type: "id_number" });
    expect(fragment.warnings).toEqual([
      expect.objectContaining({ line: 25, message: expect.stringContaining("Possible enum values") }),
    ]);
  });

  it("list: query parameters including More parameters, with the status enum", () => {
    const list = opTitled(fragment, "List VerificationSessions");
    expect(list.requestBody).toBeUndefined();
    const params = byPath(list.parameters);
    expect(Object.keys(params)).toEqual([
      "client_reference_id",
      "created",
      "status",
      "ending_before",
      "limit",
      "starting_after",
    ]);
    expect(Object.values(params).every((p) => p.in === "query")).toBe(true);
    expect(params.status?.schema).toEqual({
      type: "string",
      enum: ["canceled", "processing", "requires_input", "verified"],
    });
    expect(params.status?.description).toBe(
      "Only return VerificationSessions with this status. Learn more about the lifecycle of sessions.",
    );
    expect(params.created?.schema).toEqual({ type: "object" });
    expect(params.limit?.schema).toEqual({ type: "integer" });
  });

  it("no parameters: retrieve, cancel and redact document none and invent no path parameter", () => {
    for (const title of [
      "Retrieve a VerificationSession",
      "Cancel a VerificationSession",
      "Redact a VerificationSession",
    ]) {
      const op = opTitled(fragment, title);
      expect(op.parameters).toEqual([]);
      expect(op.requestBody).toBeUndefined();
    }
  });

  it("returns hints from the Returns prose", () => {
    expect(fragment.operations.map((o) => o.returns?.value)).toEqual([
      { name: "VerificationSession", list: false },
      { name: "VerificationSession", list: false },
      { name: "VerificationSession", list: true },
      { name: "VerificationSession", list: false },
      { name: "VerificationSession", list: false },
    ]);
    expect(fragment.operations[2]?.returns?.strength).toBe("prose");
  });

  it("HTTP Basic security and the server from every curl example", () => {
    for (const op of fragment.operations) {
      expect(op.security.map((s) => [s.value, s.strength])).toEqual([
        [{ type: "http", scheme: "basic" }, "example"],
      ]);
      expect(op.servers.map((s) => s.value)).toEqual(["https://api.stripe.com"]);
    }
  });

  it("success responses: the Returns prose as description and the parsed JSON example", () => {
    const update = opTitled(fragment, "Update a VerificationSession");
    expect(update.responses).toHaveLength(1);
    const response = update.responses[0];
    // "Returns" and "Response" show no status code: a success whose code the page does not show.
    expect(response?.status).toBe(SUCCESS_NOT_SHOWN);
    expect(response?.description?.value).toBe("Returns the updated VerificationSession object");
    expect(response?.example).toMatchObject({
      strength: "example",
      source: { line: 36 },
      value: { id: "vs_1NuN9WLkdIwHu7ix597AR9uz", created: 1695680478, last_error: null, livemode: false },
    });
    // The list example has "{...}" elisions and a trailing comma: repaired, not dropped.
    const list = opTitled(fragment, "List VerificationSessions").responses[0]?.example?.value as {
      object: string;
      data: { options: unknown }[];
    };
    expect(list.object).toBe("list");
    expect(list.data).toHaveLength(1);
    expect(list.data[0]?.options).toEqual({ document: { require_matching_selfie: true } });
    const redact = opTitled(fragment, "Redact a VerificationSession").responses[0]?.example?.value;
    expect(redact).toMatchObject({ redaction: { status: "processing" }, url: null });
  });
});

describe("a Widgets page of a made-up API", () => {
  const fragment = apiReferenceTextExtractor.extract(widgets);

  it("finds create, list and delete", () => {
    expect(fragment.operations.map((o) => [o.title?.value, o.method?.value, o.path?.value])).toEqual([
      ["Create a Widget", "post", "/v2/widgets"],
      ["List widgets", "get", "/v2/widgets"],
      ["Delete a widget", "delete", "/v2/widgets/{widget_id}"],
    ]);
    expect(fragment.warnings).toEqual([]);
  });

  it("create: required flag, enum values, indented child parameters, array items, constraints", () => {
    const create = opTitled(fragment, "Create a Widget");
    expect(create.description?.value).toBe(
      "Creates a new widget in the workshop. Widgets are grouped by color.",
    );
    const fields = byPath(create.requestBody?.fields ?? []);
    expect(Object.keys(fields)).toEqual([
      "name",
      "color",
      "dimensions",
      "dimensions.height",
      "dimensions.width",
      "tags",
      "notes",
    ]);
    expect(fields.name).toMatchObject({
      schema: { type: "string" },
      required: true,
      description: "The display name of the widget.",
    });
    expect(fields.color?.schema).toEqual({ type: "string", enum: ["blue", "green", "red"] });
    expect(fields.color?.description).toBe("The paint applied to the widget.");
    expect(fields["dimensions.height"]).toMatchObject({
      schema: { type: "integer" },
      description: "Height in millimetres.",
    });
    expect(fields.tags?.schema).toEqual({ type: "array", items: { type: "string" } });
    expect(fields.notes?.schema).toEqual({ type: "string", maxLength: 500 });
  });

  it("create: bearer security, form body example with bracketed keys", () => {
    const create = opTitled(fragment, "Create a Widget");
    expect(create.security.map((s) => s.value)).toEqual([{ type: "http", scheme: "bearer" }]);
    expect(create.servers.map((s) => s.value)).toEqual(["https://api.gizmo.example"]);
    expect(create.requestBody?.contentType?.value).toBe("application/x-www-form-urlencoded");
    expect(create.requestBody?.example?.value).toEqual({
      name: "Sprocket",
      color: "blue",
      dimensions: { height: "40" },
    });
    expect(create.returns?.value).toEqual({ name: "Widget", list: false });
    expect(create.responses[0]?.example?.value).toMatchObject({ dimensions: { height: 40, width: null } });
  });

  it("list: query parameters nested by indentation; curl -G data adds only undocumented keys", () => {
    const list = opTitled(fragment, "List widgets");
    const params = byPath(list.parameters);
    expect(params).toMatchObject({
      color: { in: "query", schema: { type: "string", enum: ["blue", "green"] } },
      created: { in: "query", schema: { type: "object" }, description: "Filter by creation time." },
      "created.gt": { in: "query", schema: { type: "integer" } },
      "created.lt": { in: "query", schema: { type: "integer" } },
      limit: { in: "query", schema: { type: "integer" }, strength: "typed" },
      cursor: { in: "query", schema: { type: "string" } },
      include_archived: { in: "query", strength: "example" },
    });
    expect(list.requestBody).toBeUndefined();
    expect(list.returns?.value).toEqual({ name: "Widget", list: true });
    expect(list.responses[0]?.example?.value).toEqual({
      object: "list",
      has_more: true,
      data: [{ id: "wd_8Hq2", object: "widget", name: "Sprocket", color: "blue" }],
    });
  });

  it("delete: no parameters, a path template from :widget_id, the server without the id", () => {
    const del = opTitled(fragment, "Delete a widget");
    expect(del.parameters).toEqual([]);
    expect(del.requestBody).toBeUndefined();
    expect(del.servers.map((s) => s.value)).toEqual(["https://api.gizmo.example"]);
    expect(del.returns?.value).toEqual({ name: "Widget", list: false });
    expect(del.responses[0]?.example?.value).toEqual({ id: "wd_8Hq2", object: "widget", deleted: true });
  });
});

describe("a Shipments page of another made-up API", () => {
  const fragment = apiReferenceTextExtractor.extract(shipments);

  it("skips page chrome before the first title", () => {
    expect(fragment.operations.map((o) => [o.title?.value, o.method?.value, o.path?.value])).toEqual([
      ["Create a shipment", "post", "/api/shipments"],
      ["Retrieve a shipment", "get", "/api/shipments/{shipment_id}"],
      ["Cancel a shipment", "post", "/api/shipments/{shipment_id}/cancel"],
    ]);
    expect(fragment.operations[0]?.description?.value).toBe("Books a shipment with the carrier.");
  });

  it("create: dotted child names under Show child parameters, required enum, nullable type", () => {
    const fields = byPath(opTitled(fragment, "Create a shipment").requestBody?.fields ?? []);
    expect(fields).toMatchObject({
      carrier: { schema: { type: "string", enum: ["dhl", "ups"] }, required: true },
      to_address: { schema: { type: "object" }, required: true, description: "Where the parcel goes." },
      "to_address.line": { schema: { type: "string" }, description: "Street and number." },
      "to_address.postal_code": { schema: { type: "string" } },
      weight_grams: { schema: { type: "integer" } },
      reference: { schema: { type: ["string", "null"] } },
      // Sent by the curl example but not documented: an example-strength field typed from the JSON.
      insured: { schema: { type: "boolean" }, strength: "example" },
    });
  });

  it("create: JSON body from curl, API key header security, server", () => {
    const create = opTitled(fragment, "Create a shipment");
    expect(create.requestBody?.contentType).toMatchObject({ value: "application/json", strength: "example" });
    expect(create.requestBody?.example?.value).toEqual({
      carrier: "dhl",
      weight_grams: 1200,
      insured: false,
    });
    expect(create.security.map((s) => s.value)).toEqual([
      { type: "apiKey", in: "header", name: "X-Parcel-Key" },
    ]);
    expect(create.servers.map((s) => s.value)).toEqual(["https://sandbox.parcelly.example"]);
  });

  it("an invalid JSON response (missing and trailing commas) is repaired", () => {
    expect(opTitled(fragment, "Create a shipment").responses[0]?.example?.value).toEqual({
      id: "shp_001",
      carrier: "dhl",
      status: "booked",
      label_url: null,
      to_address: { line: "1 Main St", postal_code: "1011" },
    });
  });

  it("an unparseable JSON response is skipped with a warning; the operation stays", () => {
    const retrieve = opTitled(fragment, "Retrieve a shipment");
    expect(retrieve.responses).toHaveLength(1);
    expect(retrieve.responses[0]?.example).toBeUndefined();
    expect(retrieve.responses[0]?.description?.value).toBe(
      "Returns a Shipment object if a valid identifier was provided.",
    );
    expect(fragment.warnings).toEqual([
      expect.objectContaining({ line: 83, message: expect.stringContaining("could not be parsed") }),
    ]);
  });

  it("cancel: form body from -d, the documented field is not duplicated", () => {
    const cancel = opTitled(fragment, "Cancel a shipment");
    expect(cancel.requestBody?.fields.map((f) => [f.path.join("."), f.strength])).toEqual([
      ["reason", "typed"],
    ]);
    expect(cancel.requestBody?.contentType?.value).toBe("application/x-www-form-urlencoded");
  });
});

describe("capture variations", () => {
  // Lines between the request line and curl (a language selector), a space between name and type,
  // a "$ " prompt, a deprecated flag, array-of-enum values on the items.
  const text = [
    "Archive a note",
    "",
    "Moves a note to the archive.",
    "",
    "Parameters",
    "",
    "  \u2022 reason string Required",
    "",
    "    Why the note is archived.",
    "",
    "  \u2022 labelsarray of enumsDeprecated",
    "",
    "    Possible enum values",
    "    old",
    "",
    "    Older than a year.",
    "",
    "    stale",
    "",
    "    Not touched lately.",
    "",
    "Returns",
    "",
    "Returns the archived Note object.",
    "",
    "PATCH\u00a0/notes/:note_id/archive",
    "Server-side language",
    "cURL",
    "$ curl -X PATCH https://notes.example.org/api/notes/n_1/archive \\",
    '  -H "X-Api-Token: t_123" \\',
    "  -d reason=spam",
    "Response",
    "{",
    '"id": "n_1",',
    '"archived": true',
    "}",
  ].join("\n");
  const fragment = apiReferenceTextExtractor.extract({ file: "notes.txt", text });

  it("keeps the curl with its request line and reads both field styles", () => {
    expect(fragment.operations).toHaveLength(1);
    const op = fragment.operations[0] as OperationFragment;
    expect([op.title?.value, op.method?.value, op.path?.value]).toEqual([
      "Archive a note",
      "patch",
      "/notes/{note_id}/archive",
    ]);
    expect(op.servers.map((s) => s.value)).toEqual(["https://notes.example.org/api"]);
    expect(op.security.map((s) => s.value)).toEqual([{ type: "apiKey", in: "header", name: "X-Api-Token" }]);
    expect(op.requestBody?.fields).toEqual([
      expect.objectContaining({ path: ["reason"], schema: { type: "string" }, required: true }),
      expect.objectContaining({
        path: ["labels"],
        schema: { type: "array", items: { type: "string", enum: ["old", "stale"] } },
        deprecated: true,
      }),
    ]);
    expect(op.responses[0]?.example?.value).toEqual({ id: "n_1", archived: true });
    expect(fragment.warnings).toEqual([]);
  });
});

describe("truncated pages", () => {
  it("cut inside a JSON response: every operation so far, the partial example and a warning", () => {
    const cut = cutAfter(
      widgets,
      '"has_more": true,\n"data": [\n{\n"id": "wd_8Hq2",\n"object": "widget",\n"name": "Sprocket",\n"col',
    );
    const fragment = apiReferenceTextExtractor.extract(cut);
    expect(fragment.operations.map((o) => o.title?.value)).toEqual(["Create a Widget", "List widgets"]);
    const list = opTitled(fragment, "List widgets");
    expect(list.method?.value).toBe("get");
    expect(list.parameters.map((p) => p.path.join("."))).toContain("created.gt");
    // The last line may have been cut mid-value, so it is dropped; what precedes it is kept.
    expect(list.responses[0]?.example?.value).toEqual({
      object: "list",
      has_more: true,
      data: [{ id: "wd_8Hq2", object: "widget", name: "Sprocket" }],
    });
    expect(fragment.warnings).toEqual([
      expect.objectContaining({ line: 123, message: expect.stringContaining("unterminated JSON") }),
    ]);
  });

  it("cut inside a Parameters section: the fields read so far and warnings naming the cut", () => {
    const cut = cutAfter(widgets, "    Only return widgets of this color.\n");
    const fragment = apiReferenceTextExtractor.extract(cut);
    const list = opTitled(fragment, "List widgets");
    expect(list.method).toBeUndefined();
    expect(list.requestBody?.fields.map((f) => f.path[0])).toEqual(["color"]);
    expect(fragment.warnings.map((w) => w.message)).toEqual([
      '"List widgets" has no request line: method and path unknown',
      'page cut off: "List widgets" ends after its Parameters section, before a Response example',
    ]);
  });

  it("cut inside a curl command", () => {
    const cut = cutAfter(widgets, "-d limit=2 \\\n");
    const fragment = apiReferenceTextExtractor.extract(cut);
    expect(opTitled(fragment, "List widgets").path?.value).toBe("/v2/widgets");
    expect(fragment.warnings.map((w) => w.message)).toContain(
      "curl example cut off: the page ends on a continuation line",
    );
  });

  it("never throws on odd input", () => {
    for (const text of [
      "",
      "Parameters",
      "Response\n{",
      "Returns\n\nGET /x\ncurl",
      "\u2022 \n\n  \u2022 ?!",
    ]) {
      expect(() => apiReferenceTextExtractor.extract({ file: "odd.txt", text })).not.toThrow();
      expect(apiReferenceTextExtractor.detect({ file: "odd.txt", text })).toBeLessThanOrEqual(1);
    }
  });
});
