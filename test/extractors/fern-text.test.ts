// The Fern extractor as given/want tables: the Verifa seed, and Fern captures of two made-up APIs (a
// helpdesk and an invoicing API) it was not written against, whole and cut off part-way.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fernTextExtractor } from "../../scripts/scrape/extractors/fern-text.ts";
import { SUCCESS_NOT_SHOWN } from "../../scripts/scrape/fragment.ts";
import type {
  FieldFragment,
  OperationFragment,
  Page,
  PageFragment,
  ResponseFragment,
} from "../../scripts/scrape/fragment.ts";

const root = join(import.meta.dirname, "..", "..");
function load(path: string): Page {
  return { file: path, text: readFileSync(join(root, path), "utf8") };
}

const SEED = "specs/verifa/pages/update-session.fern.txt";
const LIST = "test/fixtures/pages/fern/list-tickets.fern.txt";
const CREATE = "test/fixtures/pages/fern/create-ticket.fern.txt";
const INVOICE = "test/fixtures/pages/fern/create-invoice.fern.txt";
const OTHER_FORMATS = [
  "specs/stripe-identity/pages/update-verification-session.openapi-renderer.html",
  "specs/stripe-identity/pages/verification-sessions.api-reference.txt",
  "specs/stripe-identity/pages/create-verification-session.api-catalogue.txt",
  "specs/stripe-identity/pages/verification-sessions.docs.md",
];

const extracted = new Map<string, PageFragment>();
function read(path: string): PageFragment {
  let fragment = extracted.get(path);
  if (!fragment) {
    fragment = fernTextExtractor.extract(load(path));
    extracted.set(path, fragment);
  }
  return fragment;
}

function only(fragment: PageFragment): OperationFragment {
  expect(fragment.operations).toHaveLength(1);
  return fragment.operations[0] as OperationFragment;
}

/** A field as the tables write it: schema, required, description, deprecated, only when present. */
function summary(f: FieldFragment): Record<string, unknown> {
  const out: Record<string, unknown> = { schema: f.schema };
  if (f.required !== undefined) out.required = f.required;
  if (f.description !== undefined) out.description = f.description;
  if (f.deprecated) out.deprecated = true;
  return out;
}

function byPath(fields: FieldFragment[]): Record<string, Record<string, unknown>> {
  return Object.fromEntries(fields.map((f) => [f.path.join("."), summary(f)]));
}

function success(op: OperationFragment): ResponseFragment {
  const response = op.responses.find((r) => /^2/.test(r.status));
  expect(response).toBeDefined();
  return response as ResponseFragment;
}

/** A minimal Fern capture around the given code panel and sections, for the curl and section cases. */
function fernPage(panel: string, sections: string): Page {
  const text = [
    "  • API Reference",
    "      • POSTCreate a widget",
    "API ReferenceWidgets",
    "",
    "Create a widget",
    "",
    "POST",
    "https://api.widgets.example/v1/widgets",
    "POST",
    "/v1/widgets",
    panel,
    "",
    "Creates a widget.",
    "",
    "Was this page helpful?",
    "Built with",
    "",
    sections,
    "",
    "Errors",
    "",
    "400",
    "Bad Request Error",
  ].join("\n");
  return { file: "widgets.fern.txt", text };
}

describe("detection", () => {
  it.each([SEED, LIST, CREATE, INVOICE])("claims the Fern capture %s", (path) => {
    expect(fernTextExtractor.detect(load(path))).toBeGreaterThanOrEqual(0.9);
  });

  it.each(OTHER_FORMATS)("leaves %s to its own extractor", (path) => {
    expect(fernTextExtractor.detect(load(path))).toBeLessThanOrEqual(0.2);
  });

  it.each([
    {
      name: "one path parameter and response fields",
      text:
        "Get cards\n\nPath parameters\n\nprofileIdstringRequired\nThe profile.\n\nResponse\nThe cards.\n" +
        "cardlist of any\ncodedouble\n\nErrors\n",
    },
    {
      name: "response fields only",
      text: "Get events\n\nEndpoint to list events.\n\nResponse\nEvents\nmetaobject\ndatalist of objects\n\nErrors\n",
    },
    {
      name: "one query parameter",
      text: "Search\n\nQuery parameters\n\nqstringOptional\n\nErrors\n\n404\nNot Found Error\n",
    },
  ])("claims a main-content capture with $name (no method, URL or curl)", ({ text }) => {
    expect(fernTextExtractor.detect({ file: "main.txt", text })).toBeGreaterThanOrEqual(0.5);
  });

  it("does not claim prose under Fern-like headings", () => {
    const text =
      "Overview\n\nRequest\n\nSend a request to the service.\n\nResponse\n\nThe service answers.\n";
    expect(fernTextExtractor.detect({ file: "guide.txt", text })).toBeLessThan(0.5);
  });

  it("still claims a Fern page cut off after its code panel", () => {
    const text = load(CREATE).text;
    const cut = { file: "cut.txt", text: text.slice(0, text.indexOf("Opens a new ticket")) };
    expect(fernTextExtractor.detect(cut)).toBeGreaterThanOrEqual(0.6);
  });
});

describe("the operation heading, code panel and description", () => {
  it.each([
    {
      given: SEED,
      want: {
        method: "patch",
        path: "/api/v1/sessions/{session_id}",
        server: "https://devapi.withverifa.com",
        title: "Update a session",
        description:
          "Updates metadata on an existing session. Only external_ref and metadata can be changed. Sessions that have been redacted cannot be updated.",
        source: 85,
      },
    },
    {
      given: LIST,
      want: {
        method: "get",
        path: "/v2/tickets",
        server: "https://api.helpdesk.example",
        title: "List tickets",
        description: "Returns tickets, newest first.",
        source: 13,
      },
    },
    {
      given: INVOICE,
      want: {
        method: "post",
        // The server keeps the URL's base path: the full URL minus the documented path.
        path: "/v1/invoices",
        server: "https://api.ledgerly.example/billing",
        title: "Create an invoice",
        // Two paragraphs collapse to plain text; the neighbour titles after Previous/Next are not prose.
        description: "Drafts an invoice for a customer. The invoice stays editable until it is finalized.",
        source: 14,
      },
    },
  ])("reads $given", ({ given, want }) => {
    const page = read(given);
    const op = only(page);
    expect({
      method: op.method?.value,
      path: op.path?.value,
      server: op.servers.map((s) => s.value).join(" "),
      title: op.title?.value,
      description: op.description?.value,
      source: op.source.line,
    }).toEqual(want);
    expect(page.title).toBe(want.title);
  });

  it.each([
    { name: "no navigation", nav: "" },
    {
      name: "the site's navigation glued above it",
      nav: "Skip to main content\nWidgets docs\nSearch...\nAPI Reference\nlistWidgets\ngetWidget\nGuides\n",
    },
  ])(
    "reads the title of a main-content capture with $name, and not the navigation as its description",
    ({ nav }) => {
      const text = `${nav}getWidget\n\nReturns one widget.\n\nPath parameters\n\nwidgetIdstringRequired\n\nResponse\nidstring\n\nErrors\n`;
      const page = fernTextExtractor.extract({ file: "main.txt", text });
      const op = only(page);
      expect({
        title: op.title?.value,
        description: op.description?.value,
        line: op.title?.source.line,
      }).toEqual({
        title: "getWidget",
        description: "Returns one widget.",
        line: nav.split("\n").length,
      });
      expect(page.title).toBe("getWidget");
    },
  );
});

describe("parameters", () => {
  it.each([
    {
      given: SEED,
      want: {
        "path:session_id": { schema: { type: "string" }, required: true, description: "Session ID (ses_*)." },
        "header:Verifa-Version": {
          schema: { type: "string", format: "date" },
          required: false,
          description:
            "API version date string (e.g. 2026-02-01). If omitted, the version pinned to your API key is used.",
        },
        // "Allowed values:" with its values lost by the capture: no enum, only the default.
        "header:Key-Inflection": {
          schema: { type: "string", default: "snake" },
          required: false,
          description: "Response key casing. Defaults to snake.",
        },
        "header:Idempotency-Key": {
          schema: { type: "string", maxLength: 255 },
          required: false,
          description:
            "Unique key for idempotent requests. Cached for 24 hours. Sending the same key with different parameters returns 422.",
        },
      },
    },
    {
      given: LIST,
      want: {
        "query:limit": {
          schema: { type: "integer", minimum: 1, maximum: 100, default: 20 },
          required: false,
          description: "How many tickets to return.",
        },
        "query:cursor": {
          schema: { type: "string" },
          required: false,
          description: "Cursor from a previous page.",
        },
        "query:status": {
          schema: { type: "string", enum: ["open", "pending", "closed"] },
          required: false,
          description: "Only tickets in this state.",
        },
      },
    },
    {
      given: CREATE,
      want: {
        "header:Idempotency-Key": {
          schema: { type: "string", maxLength: 64 },
          required: false,
          description: "Retries with the same key create one ticket.",
        },
      },
    },
    { given: INVOICE, want: {} },
  ])("reads the parameters of $given", ({ given, want }) => {
    const op = only(read(given));
    const got = Object.fromEntries(op.parameters.map((p) => [`${p.in}:${p.path.join(".")}`, summary(p)]));
    expect(got).toEqual(want);
    expect(op.parameters.every((p) => p.strength === "typed")).toBe(true);
  });
});

describe("request bodies", () => {
  it.each([
    {
      given: SEED,
      want: {
        contentType: ["application/json", "typed", 159],
        example: undefined,
        fields: {
          external_ref: {
            schema: { type: "string", maxLength: 255 },
            required: false,
            description: "Update the external reference for this session.",
          },
          metadata: {
            schema: { type: "object", additionalProperties: {} },
            required: false,
            description:
              "Merge keys into the session’s metadata. Existing keys not included in the request are preserved. Set a key to null to remove it. Each value is capped at 16 KB of serialized UTF-8.",
          },
        },
      },
    },
    {
      given: CREATE,
      want: {
        contentType: ["application/json", "typed", 52],
        example: { subject: "Printer on fire" },
        fields: {
          subject: {
            schema: { type: "string", minLength: 1, maxLength: 200 },
            required: true,
            description: "One line summary.",
          },
          priority: { schema: { type: "integer", minimum: 1, maximum: 5, default: 3 }, required: false },
          tags: { schema: { type: "array", items: { type: "string" } }, required: false },
          channel: { schema: { type: "string", enum: ["email", "chat", "phone"] }, required: false },
        },
      },
    },
    {
      given: INVOICE,
      want: {
        contentType: ["application/json", "typed", 72],
        example: {
          customer: { email: "ada@example.com" },
          line_items: [{ description: "Consulting", quantity: 2 }],
        },
        // Children follow an expanded "Hide N properties" toggle; those of a list of objects sit under it.
        fields: {
          customer: { schema: { type: "object" }, required: true, description: "Who the invoice is for." },
          "customer.email": {
            schema: { type: "string", format: "email" },
            required: true,
            description: "Where the invoice is sent.",
          },
          "customer.name": { schema: { type: ["string", "null"] }, required: false },
          line_items: { schema: { type: "array", items: { type: "object" }, minItems: 1 }, required: true },
          "line_items.description": { schema: { type: "string", maxLength: 500 }, required: true },
          "line_items.quantity": { schema: { type: "integer", minimum: 1, default: 1 }, required: false },
          "line_items.unit_amount": {
            schema: { type: "integer" },
            required: false,
            description: "In cents.",
          },
          currency: {
            schema: { type: "string", default: "usd", enum: ["usd", "eur", "gbp"] },
            required: false,
          },
          memo: {
            schema: { type: ["string", "null"] },
            required: false,
            description: "Use notes instead.",
            deprecated: true,
          },
        },
      },
    },
  ])("reads the body of $given", ({ given, want }) => {
    const body = only(read(given)).requestBody;
    const ct = body?.contentType;
    expect([ct?.value, ct?.strength, ct?.source.line]).toEqual(want.contentType);
    expect(body?.example?.value).toEqual(want.example);
    expect(byPath(body?.fields ?? [])).toEqual(want.fields);
    // Fields keep the order of the page.
    expect(body?.fields.map((f) => f.path.join("."))).toEqual(Object.keys(want.fields));
  });

  it("reads no body on a GET whose curl sends -G query data", () => {
    expect(only(read(LIST)).requestBody).toBeUndefined();
  });
});

describe("responses", () => {
  it.each([
    {
      given: SEED,
      want: {
        // "Response" shows no status code (Fern's panel does, when there is one: INVOICE below).
        status: SUCCESS_NOT_SHOWN,
        description: "Updated session.",
        exampleKey: ["created_at", "2024-01-15T09:30:00Z"],
        fields: {
          id: { schema: { type: "string" } },
          // "statusenum" with its values lost: a string, nothing more.
          status: { schema: { type: "string" } },
          external_ref: { schema: { type: ["string", "null"] } },
          checks: { schema: { type: ["array", "null"], items: { type: "string" } } },
          token_expires_at: {
            schema: { type: ["string", "null"], format: "date-time" },
            description: "When the capture token expires.",
          },
          // A description set apart by blank lines.
          retention_status: {
            schema: { type: ["string", "null"] },
            description: "Data retention status (active, sensitive_redacted, redacted).",
          },
          tags: {
            schema: { type: "array", items: { type: "string" } },
            description: "Free-form tags attached to this session.",
          },
        },
        count: 20,
        errors: [
          ["401", "Unauthorized Error"],
          ["404", "Not Found Error"],
          ["422", "Unprocessable Entity Error"],
        ],
      },
    },
    {
      given: LIST,
      want: {
        status: SUCCESS_NOT_SHOWN,
        description: "A page of tickets.",
        exampleKey: ["next_cursor", "c_abc"],
        fields: {
          data: { schema: { type: "array", items: { type: "object" } } },
          next_cursor: {
            schema: { type: ["string", "null"] },
            description: "Pass this as cursor to get the next page.",
          },
        },
        count: 2,
        errors: [
          ["401", "Unauthorized Error"],
          ["429", "Too Many Requests Error"],
        ],
      },
    },
    {
      given: INVOICE,
      want: {
        // The panel's "201Created" states the success status.
        status: "201",
        description: "Invoice created.",
        exampleKey: ["total", 30000],
        fields: {
          status: { schema: { type: "string", enum: ["draft", "open", "paid"] } },
          // Indented children nest under their parent.
          customer: { schema: { type: "object" } },
          "customer.name": { schema: { type: ["string", "null"] } },
          "line_items.unit_amount": { schema: { type: "integer" } },
          total: { schema: { type: "integer" }, description: "Sum of the line items, in cents." },
        },
        count: 10,
        errors: [
          ["400", "Bad Request Error"],
          ["401", "Unauthorized Error"],
          ["422", "Unprocessable Entity Error"],
        ],
      },
    },
  ])("reads the responses of $given", ({ given, want }) => {
    const op = only(read(given));
    const ok = success(op);
    expect(op.responses[0]).toBe(ok);
    expect(ok.status).toBe(want.status);
    expect(ok.description?.value).toBe(want.description);
    const [key, value] = want.exampleKey;
    expect((ok.example?.value as Record<string, unknown>)[key as string]).toEqual(value);
    expect(ok.example?.strength).toBe("example");
    expect(byPath(ok.fields)).toMatchObject(want.fields);
    expect(ok.fields).toHaveLength(want.count);
    expect(op.responses.slice(1).map((r) => [r.status, r.description?.value])).toEqual(want.errors);
  });
});

describe("security", () => {
  it.each([
    {
      given: SEED,
      page: [
        {
          type: "apiKey",
          in: "header",
          name: "X-API-Key",
          description:
            "Organization API key. Keys are prefixed with vk_live_ (production) or vk_sandbox_ (sandbox).",
        },
      ],
      examples: [{ type: "apiKey", in: "header", name: "X-API-Key" }],
    },
    {
      given: LIST,
      page: [
        {
          type: "http",
          scheme: "bearer",
          description: "Bearer authentication of the form Bearer <token>, where token is your auth token.",
        },
      ],
      examples: [{ type: "http", scheme: "bearer" }],
    },
    {
      given: CREATE,
      page: [
        {
          type: "apiKey",
          in: "header",
          name: "X-Helpdesk-Token",
          description: "Workspace token from the admin console.",
        },
      ],
      examples: [{ type: "apiKey", in: "header", name: "X-Helpdesk-Token" }],
    },
    {
      given: INVOICE,
      page: [
        {
          type: "http",
          scheme: "basic",
          description: "Basic authentication of the form Basic <username:password>.",
        },
      ],
      examples: [{ type: "http", scheme: "basic" }],
    },
  ])("reads the Authentication section and the curl credentials of $given", ({ given, page, examples }) => {
    const fragment = read(given);
    expect(fragment.security.map((s) => s.value)).toEqual(page);
    expect(fragment.security.every((s) => s.strength === "typed")).toBe(true);
    const op = only(fragment);
    expect(op.security.map((s) => s.value)).toEqual(examples);
    expect(op.security.every((s) => s.strength === "example")).toBe(true);
  });
});

describe("the sidebar", () => {
  it("lists every operation of the seed's API Reference, the documented one included", () => {
    const listed = read(SEED).listedOperations;
    expect(listed).toHaveLength(26);
    expect(listed[3]).toMatchObject({ method: "patch", title: "Update a session", source: { line: 58 } });
    expect(listed[9]).toMatchObject({ method: "delete", title: "Redact session data" });
    expect(listed[7]).toMatchObject({ method: "post", title: "Simulate a session action (sandbox only)" });
  });

  it.each([
    {
      given: LIST,
      want: ["get List tickets", "post Create a ticket", "get Retrieve a ticket", "delete Delete a ticket"],
    },
    {
      given: INVOICE,
      want: [
        "get List invoices",
        "post Create an invoice",
        "put Replace an invoice",
        "delete Void an invoice",
      ],
    },
  ])("lists the operations of $given", ({ given, want }) => {
    expect(read(given).listedOperations.map((l) => `${l.method} ${l.title}`)).toEqual(want);
  });
});

describe("complete pages carry no warnings", () => {
  it.each([SEED, LIST, CREATE, INVOICE])("%s", (path) => {
    expect(read(path).warnings).toEqual([]);
  });
});

describe("curl examples", () => {
  it.each([
    {
      given: `$curl -X POST https://api.widgets.example/v1/widgets \\\n> -H "Authorization: Bearer <token>" \\\n> -d name=Gear`,
      want: {
        contentType: "application/x-www-form-urlencoded",
        security: [{ type: "http", scheme: "bearer" }],
      },
    },
    {
      given: `$curl -X POST https://api.widgets.example/v1/widgets \\\n> -u "key_123:" \\\n> -F file=@gear.png`,
      want: { contentType: "multipart/form-data", security: [{ type: "http", scheme: "basic" }] },
    },
    {
      given: `$curl -X POST https://api.widgets.example/v1/widgets \\\n> -H "X-Widget-Secret: <apiKey>" \\\n> -d '{"name": "Gear"}'`,
      want: {
        contentType: "application/json",
        security: [{ type: "apiKey", in: "header", name: "X-Widget-Secret" }],
      },
    },
    {
      // An idempotency key is not a credential; an empty "{}" body still says JSON.
      given: `$curl -X POST https://api.widgets.example/v1/widgets \\\n> -H "Idempotency-Key: k_1" \\\n> -H "Authorization: Bearer <token>" \\\n> -d '{}'`,
      want: { contentType: "application/json", security: [{ type: "http", scheme: "bearer" }] },
    },
  ])("infers the media type and credentials from $given", ({ given, want }) => {
    // No Request section: what the example shows is all there is, at example strength.
    const op = only(fernTextExtractor.extract(fernPage(given, "Response\n\nThe widget.\nidstring")));
    expect([op.requestBody?.contentType?.value, op.requestBody?.contentType?.strength]).toEqual([
      want.contentType,
      "example",
    ]);
    expect(op.security.map((s) => s.value)).toEqual(want.security);
  });

  it("takes the server from the curl URL when the heading shows only the path", () => {
    const page = fernPage("", "Response\n\nThe widget.\nidstring");
    page.text = page.text
      .replace("https://api.widgets.example/v1/widgets\nPOST\n", "")
      .replace("\nCreates", "$curl -X POST https://api.widgets.example/api/v1/widgets -d '{}'\n\nCreates");
    const op = only(fernTextExtractor.extract(page));
    expect(op.path?.value).toBe("/v1/widgets");
    expect(op.servers.map((s) => [s.value, s.strength])).toEqual([
      ["https://api.widgets.example/api", "example"],
    ]);
  });

  it("reads an unnumbered JSON example", () => {
    const panel = '{\n  "id": "w_1",\n  "name": "Gear"\n}';
    const op = only(
      fernTextExtractor.extract(fernPage(panel, "Response\n\nThe widget.\nidstring\nnamestring")),
    );
    expect(success(op).example?.value).toEqual({ id: "w_1", name: "Gear" });
    expect(op.description?.value).toBe("Creates a widget.");
  });
});

describe("section details on other Fern pages", () => {
  it.each([
    {
      name: "an enum value ending in a type word stays a value",
      given:
        "Request\n\nThis endpoint expects an object.\nsortenumOptional\nAllowed values:\nby_name\nby_date\nlimitinteger",
      want: {
        sort: { schema: { type: "string", enum: ["by_name", "by_date"] }, required: false },
        limit: { schema: { type: "integer" } },
      },
    },
    {
      name: "a nullable enum allows null, a list of enums lists them on its items",
      given:
        "Request\n\nThis endpoint expects an object.\nmodeenum or nullOptional\nAllowed values: fast, safe\n" +
        "kindslist of enumsOptional\nShow 2 enum values\nred\nblue",
      want: {
        mode: { schema: { type: ["string", "null"], enum: ["fast", "safe", null] }, required: false },
        kinds: {
          schema: { type: "array", items: { type: "string", enum: ["red", "blue"] } },
          required: false,
        },
      },
    },
    {
      name: "collapsed children are absent; the next field is a sibling",
      given:
        "Request\n\nThis endpoint expects an object.\naddressobjectOptional\nPostal address.\nShow 3 properties\n" +
        "notestringOptional",
      want: {
        address: { schema: { type: "object" }, required: false, description: "Postal address." },
        note: { schema: { type: "string" }, required: false },
      },
    },
    {
      name: "children nest by indentation, two levels deep",
      given:
        "Request\n\nThis endpoint expects an object.\nshippingobjectRequired\n  addressobjectRequired\n" +
        "    citystringRequired\n  methodstringOptional\nnotestringOptional",
      want: {
        shipping: { schema: { type: "object" }, required: true },
        "shipping.address": { schema: { type: "object" }, required: true },
        "shipping.address.city": { schema: { type: "string" }, required: true },
        "shipping.method": { schema: { type: "string" }, required: false },
        note: { schema: { type: "string" }, required: false },
      },
    },
    {
      name: "a field of type any, with or without a flag; a word ending in 'any' stays prose",
      given:
        "Request\n\nThis endpoint expects an object.\nparentSandboxanyOptional\nThe parent.\n" +
        "namestringRequired\ncompany\nraw_dataany",
      want: {
        parentSandbox: { schema: {}, required: false, description: "The parent." },
        name: { schema: { type: "string" }, required: true, description: "company" },
        raw_data: { schema: {} },
      },
    },
    {
      name: "names broken after '_' join the next line, also right after an empty Allowed values",
      given:
        "Request\n\nThis endpoint expects an object.\nmodeenumOptional\nAllowed values:\nrefresh_\n" +
        "urlstringOptional\nWhere to.\nphone_\nnumber_collectionobjectOptional",
      want: {
        mode: { schema: { type: "string" }, required: false },
        refresh_url: { schema: { type: "string" }, required: false, description: "Where to." },
        phone_number_collection: { schema: { type: "object" }, required: false },
      },
    },
    {
      name: "a one-word description ending in '.' stays the description of the field above it",
      given:
        "Request\n\nThis endpoint expects an object.\nonlineOnlybooleanOptional\nDeprecated.\n" +
        "patternstringOptional\nReserved.\nUseInboundbooleanOptional",
      want: {
        onlineOnly: { schema: { type: "boolean" }, required: false, description: "Deprecated." },
        pattern: { schema: { type: "string" }, required: false, description: "Reserved." },
        UseInbound: { schema: { type: "boolean" }, required: false },
      },
    },
    {
      name: "a camelCase name that holds a type word keeps it ('profileId' is not 'pro' + file)",
      given:
        "Request\n\nThis endpoint expects an object.\nprofileIdstringRequired\nupdateTimedatetimeOptional\n" +
        "validateRequestBodybooleanOptional\nInstanceProfileArnstringRequired",
      want: {
        profileId: { schema: { type: "string" }, required: true },
        updateTime: { schema: { type: "string", format: "date-time" }, required: false },
        validateRequestBody: { schema: { type: "boolean" }, required: false },
        InstanceProfileArn: { schema: { type: "string" }, required: true },
      },
    },
    {
      name: "an empty string default leaves 'Defaults to' with nothing after it",
      given:
        "Request\n\nThis endpoint expects an object.\nsearchstringOptionalDefaults to \nSearch query.\n" +
        "orderstringOptionalDefaults to asc",
      want: {
        search: { schema: { type: "string", default: "" }, required: false, description: "Search query." },
        order: { schema: { type: "string", default: "asc" }, required: false },
      },
    },
  ])("$name", ({ given, want }) => {
    const page = fernTextExtractor.extract(fernPage("", given));
    expect(byPath(only(page).requestBody?.fields ?? [])).toEqual(want);
    expect(page.warnings).toEqual([]);
  });

  it.each([
    {
      name: "the root path '/' under a URL with a base path",
      url: "https://api.colors.example/v1/",
      path: "/",
      want: { path: "/", server: "https://api.colors.example/v1" },
    },
    {
      name: "a trailing slash of the path key",
      url: "https://api.hooks.example/api/v1/app/",
      path: "/api/v1/app/",
      want: { path: "/api/v1/app/", server: "https://api.hooks.example" },
    },
    {
      name: "a key after '#' ending in no slash",
      url: "https://glue.example.com/#X-Amz-Target=Glue.GetJob",
      path: "/#X-Amz-Target=Glue.GetJob",
      want: { path: "/#X-Amz-Target=Glue.GetJob", server: "https://glue.example.com" },
    },
  ])("reads $name as Fern shows it after the repeated badge", ({ url, path, want }) => {
    const text = ["Get it", "", "GET", url, "GET", path, "", "Errors", ""].join("\n");
    const op = only(fernTextExtractor.extract({ file: "root.txt", text }));
    expect({ path: op.path?.value, server: op.servers.map((s) => s.value).join(" ") }).toEqual(want);
  });

  it("reads no field of the body or the response from a Response headers section", () => {
    const text = ["Get it", "", "GET", "https://x.example/v1/items", "GET", "/v1/items", ""]
      .concat(["Request", "", "This endpoint expects an object.", "namestringRequired", ""])
      .concat(["Response headers", "", "X-Rate-Limitinteger", "Requests left.", ""])
      .concat(["Response", "", "idstring", "", "Errors", ""])
      .join("\n");
    const op = only(fernTextExtractor.extract({ file: "response-headers.txt", text }));
    expect(op.requestBody?.fields.map((f) => f.path.join("."))).toEqual(["name"]);
    expect(op.responses.map((r) => [r.status, r.fields.map((f) => f.path.join("."))])).toEqual([
      [SUCCESS_NOT_SHOWN, ["id"]],
    ]);
    expect(op.parameters).toEqual([]);
  });

  it("takes an empty Errors section at the end for a complete page, not a cut", () => {
    const text = [
      "Get it",
      "",
      "GET",
      "https://x.example/v1/items",
      "GET",
      "/v1/items",
      "",
      "Errors",
      "",
    ].join("\n");
    expect(fernTextExtractor.extract({ file: "empty-errors.txt", text }).warnings).toEqual([]);
  });

  it("reads query names in brackets glued to their type", () => {
    const given =
      "Query parameters\n\npage[size]integerOptional\nRows per page.\nfilter[since]datetimeOptional\n" +
      "filter[accountType]anyOptional\n";
    const op = only(fernTextExtractor.extract(fernPage("", given)));
    expect(op.parameters.map((p) => [p.in, p.path.join("."), p.schema, p.required])).toEqual([
      ["query", "page[size]", { type: "integer" }, false],
      ["query", "filter[since]", { type: "string", format: "date-time" }, false],
      ["query", "filter[accountType]", {}, false],
    ]);
  });

  it("templates `:name` path parameters the page declares, also inside a segment", () => {
    const text = [
      "Get a thumbnail",
      "",
      "GET",
      "https://api.widgets.example/files/:file_id/thumbnail.:extension",
      "GET",
      "/files/:file_id/thumbnail.:extension",
      "",
      "Path parameters",
      "",
      "file_idstringRequired",
      "extensionenumRequired",
      "",
    ].join("\n");
    const op = only(fernTextExtractor.extract({ file: "thumb.txt", text }));
    expect(op.path?.value).toBe("/files/{file_id}/thumbnail.{extension}");
  });

  it("does not take the neighbour page titled 'Authentication' for a section", () => {
    const fragment = read(INVOICE);
    expect(fragment.security).toHaveLength(1);
    expect(fragment.security[0]?.source.line).toBe(66);
  });
});

describe("pages cut off part-way", () => {
  /** The page up to (not including) the first occurrence of `marker`. */
  function cut(path: string, marker: string): Page {
    const text = load(path).text;
    const at = text.indexOf(marker);
    expect(at).toBeGreaterThan(0);
    return { file: "cut.txt", text: text.slice(0, at) };
  }

  it.each([
    {
      name: "inside the JSON example",
      given: cut(CREATE, '4 "priority"'),
      holds: (op: OperationFragment) =>
        expect(success(op).example?.value).toEqual({ id: "tkt_123", subject: "Printer on fire" }),
      warnings: [{ line: 20, message: "the JSON example stops before it closes: the page may be cut off" }],
    },
    {
      name: "inside the curl body",
      given: cut(CREATE, '> "subject"'),
      holds: (op: OperationFragment) => expect(op.path?.value).toBe("/v2/tickets"),
      warnings: [
        {
          line: 15,
          message: "the curl request body stops before its JSON closes: the page may be cut off",
        },
      ],
    },
    {
      name: "inside the Request fields",
      given: cut(CREATE, "priorityintegerOptional"),
      holds: (op: OperationFragment) =>
        expect(op.requestBody?.fields.map((f) => [f.path[0], f.required, f.description])).toEqual([
          ["subject", true, "One line summary."],
        ]),
      warnings: [
        {
          line: 54,
          message: 'the page ends inside the "Request" section without an Errors section: it may be cut off',
        },
      ],
    },
    {
      name: "mid-word on a field line",
      given: cut(CREATE, "ional>=1<=5"),
      holds: (op: OperationFragment) =>
        expect(byPath(op.requestBody?.fields ?? []).priority).toEqual({ schema: { type: "integer" } }),
      warnings: [
        {
          line: 55,
          message: 'the field line "priorityintegerOpt" is cut short: the page may be cut off',
        },
      ],
    },
    {
      name: "after an expanded toggle, before all the children",
      given: cut(INVOICE, "namestring or nullOptional"),
      holds: (op: OperationFragment) =>
        expect(op.requestBody?.fields.map((f) => f.path.join("."))).toEqual(["customer", "customer.email"]),
      warnings: [
        {
          line: 75,
          message: '"customer" announces 2 properties but the page shows 1: the page may be cut off',
        },
        {
          line: 77,
          message: 'the page ends inside the "Request" section without an Errors section: it may be cut off',
        },
      ],
    },
    {
      name: "at Allowed values, before the values",
      given: cut(LIST, "open\npending"),
      holds: (op: OperationFragment) =>
        expect(op.parameters.find((p) => p.path[0] === "status")?.schema).toEqual({ type: "string" }),
      warnings: [
        {
          line: 62,
          message: 'the page ends at "Allowed values:" before the values: it may be cut off',
        },
      ],
    },
    {
      name: "inside the Response fields",
      given: cut(INVOICE, "line_itemslist of objects\n  desc"),
      holds: (op: OperationFragment) =>
        expect(success(op).fields.map((f) => f.path.join("."))).toEqual([
          "id",
          "status",
          "customer",
          "customer.email",
          "customer.name",
        ]),
      warnings: [
        {
          line: 104,
          message:
            'the page ends inside the "Response" section before the example\'s fields line_items, total: it may be cut off',
        },
      ],
    },
    {
      name: "mid-sentence in the last description",
      given: cut(SEED, "attached to this session"),
      holds: (op: OperationFragment) => expect(success(op).fields).toHaveLength(20),
      warnings: [
        {
          line: 204,
          message: 'the page ends mid-sentence in the "Response" section: it may be cut off',
        },
      ],
    },
    {
      name: "mid-name in the Errors",
      given: cut(SEED, "Found Error"),
      holds: (op: OperationFragment) =>
        expect(op.responses.map((r) => [r.status, r.description?.value])).toEqual([
          [SUCCESS_NOT_SHOWN, "Updated session."],
          ["401", "Unauthorized Error"],
          ["404", "Not"],
        ]),
      warnings: [{ line: 211, message: 'the page ends with "Not", not an error name: it may be cut off' }],
    },
    {
      name: "before the sections",
      given: cut(SEED, "Was this page helpful?"),
      holds: (op: OperationFragment) => expect(op.description?.value).toMatch(/^Updates metadata/),
      warnings: [
        {
          line: 120,
          message:
            "the page ends before any section (Authentication, parameters, Request, Response): it may be cut off",
        },
      ],
    },
  ])("keeps what is there and warns when cut $name", ({ given, holds, warnings }) => {
    const page = fernTextExtractor.extract(given);
    holds(only(page));
    expect(page.warnings).toEqual(warnings.map((w) => ({ file: "cut.txt", ...w })));
  });

  it("joins a name broken at '_' whose second half the cut stops inside 'Required'", () => {
    const text = ["Get it", "", "GET", "https://x.example/v1/files/:file_id", "GET", "/v1/files/:file_id"]
      .concat(["", "Path parameters", "", "file_", "idstringRe"])
      .join("\n");
    const page = fernTextExtractor.extract({ file: "cut-name.txt", text });
    const op = only(page);
    expect(op.parameters.map((p) => [p.in, p.path.join("."), p.schema])).toEqual([
      ["path", "file_id", { type: "string" }],
    ]);
    expect(op.path?.value).toBe("/v1/files/{file_id}");
    expect(page.warnings.map((w) => w.message)).toEqual([
      'the field line "file_idstringRe" is cut short: the page may be cut off',
    ]);
  });

  it("takes the path from the whole URL when the cut stops inside the bare path", () => {
    const text = [
      "Uninstall",
      "",
      "POST",
      "https://x.example/ownership/uninstall",
      "POST",
      "/ownership/unins",
    ];
    const op = only(fernTextExtractor.extract({ file: "cut-path.txt", text: text.join("\n") }));
    expect(op.path?.value).toBe("/ownership/uninstall");
  });

  it("reads no field from a request line the cut stops before Required/Optional", () => {
    const text = ["Create", "", "POST", "https://x.example/v1/validators", "POST", "/v1/validators", ""]
      .concat(["Request", "", "This endpoint expects an object.", "namestringRequired", "validate"])
      .join("\n");
    const page = fernTextExtractor.extract({ file: "cut-field.txt", text });
    expect(only(page).requestBody?.fields.map((f) => f.path.join("."))).toEqual(["name"]);
    expect(page.warnings.map((w) => w.message)).toContain(
      'the field line "validate" stops before Required/Optional: the page may be cut off',
    );
  });

  it("keeps the sidebar and warns when cut before the operation", () => {
    const page = fernTextExtractor.extract(cut(SEED, "API ReferenceSessions"));
    expect(page.operations).toEqual([]);
    expect(page.listedOperations).toHaveLength(26);
    expect(page.warnings.map((w) => w.message)).toEqual([
      "no operation (a method badge followed by its URL) on the page: it may be cut off before it",
    ]);
  });

  it("never throws, whatever the cut", () => {
    for (const path of [SEED, LIST, CREATE, INVOICE]) {
      const text = load(path).text;
      for (let at = 0; at < text.length; at += 13) {
        expect(() => fernTextExtractor.extract({ file: "cut.txt", text: text.slice(0, at) })).not.toThrow();
      }
    }
  });

  it("returns no operation, without throwing, for text that is not a Fern page", () => {
    const page = fernTextExtractor.extract({ file: "x.txt", text: "POST\n\nnothing here\n$curl\n1{" });
    expect(page.operations).toEqual([]);
  });
});
