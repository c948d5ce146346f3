// The generic fallback extractor, proven on pages of layouts it was not written for: a plain-text page, a
// README-style markdown page, an HTML page, a page made only of bullets, a page without any API, pages cut
// off part-way, and the seed pages of the specific formats.
import { readFileSync } from "node:fs";
import * as cheerio from "cheerio";
import { describe, expect, it } from "vitest";
import { genericExtractor } from "../../scripts/scrape/extractors/generic/index.ts";
import { SUCCESS_NOT_SHOWN } from "../../scripts/scrape/fragment.ts";
import type {
  FieldFragment,
  OperationFragment,
  Page,
  PageFragment,
  ParameterFragment,
} from "../../scripts/scrape/fragment.ts";

const FIXTURES = "test/fixtures/pages/generic";

const SEEDS = [
  "specs/stripe-identity/pages/update-verification-session.openapi-renderer.html",
  "specs/stripe-identity/pages/verification-sessions.api-reference.txt",
  "specs/stripe-identity/pages/create-verification-session.api-catalogue.txt",
  "specs/stripe-identity/pages/verification-sessions.docs.md",
  "specs/verifa/pages/update-session.fern.txt",
];

function readAsPage(path: string): Page {
  return { file: path, text: readFileSync(path, "utf8").replace(/\r\n?/g, "\n") };
}

function fixture(name: string): Page {
  return readAsPage(`${FIXTURES}/${name}`);
}

function extract(page: Page | string): PageFragment {
  return genericExtractor.extract(typeof page === "string" ? fixture(page) : page);
}

function inline(text: string): PageFragment {
  return genericExtractor.extract({ file: "inline.md", text });
}

/** The operation with this method and path; fails the test when it is missing. */
function op(fragment: PageFragment, route: string): OperationFragment {
  const [method, path] = route.split(" ");
  const found = fragment.operations.find((o) => o.method?.value === method && o.path?.value === path);
  if (!found) {
    const have = fragment.operations.map((o) => `${o.method?.value} ${o.path?.value}`).join(", ");
    throw new Error(`no operation ${route} in ${fragment.file} (have: ${have})`);
  }
  return found;
}

/** A field or parameter as the tables below state it: only what the page says, without sources. */
function brief(f: FieldFragment | ParameterFragment): Record<string, unknown> {
  const out: Record<string, unknown> = { name: f.path.join(".") };
  if ("in" in f) out.in = f.in;
  if (f.schema !== undefined) out.schema = f.schema;
  if (f.required !== undefined) out.required = f.required;
  if (f.description !== undefined) out.description = f.description;
  out.strength = f.strength;
  return out;
}

describe("generic: detect", () => {
  const pages = [
    ...SEEDS,
    ...["parcels.txt", "bookshelf.md", "fleet.html", "notes-bullets.txt", "tasks-readme.md"].map(
      (f) => `${FIXTURES}/${f}`,
    ),
  ];
  it.each(pages)("scores %s low, so any specific extractor wins", (path) => {
    const score = genericExtractor.detect(readAsPage(path));
    expect(score).toBe(0.05);
    expect(score).toBeLessThanOrEqual(0.2);
  });
});

describe("generic: operations of pages in unknown layouts", () => {
  const table: { given: string; want: { route: string; title?: string; description?: string }[] }[] = [
    {
      given: "parcels.txt",
      want: [
        {
          route: "get /parcels/{parcel_id}",
          title: "Track a parcel",
          description: "Returns the current status and scan history of one parcel.",
        },
        {
          route: "post /parcels/{parcel_id}/cancel",
          title: "Cancel a shipment",
          description: "Cancels a parcel that has not been picked up yet. Returns a Parcel object.",
        },
      ],
    },
    {
      given: "bookshelf.md",
      want: [
        {
          route: "get /books",
          title: "List books",
          description: "Returns a list of Book objects, newest first.",
        },
        {
          route: "post /books",
          title: "Add a book",
          description: "Adds a book to a shelf. The request body is JSON (Content-Type: application/json).",
        },
        { route: "delete /books/{isbn}", title: "Remove a book" },
      ],
    },
    {
      given: "fleet.html",
      want: [
        {
          route: "get /v3/vehicles/{vehicle_id}",
          title: "Get a vehicle",
          description: "Fetches one vehicle with its latest telemetry.",
        },
        { route: "put /v3/vehicles/{vehicle_id}", title: "Update a vehicle" },
      ],
    },
    {
      given: "notes-bullets.txt",
      want: [
        { route: "post /v1/notes", title: "Create a note" },
        { route: "get /v1/notes/{note_id}", title: "Retrieve a note" },
        { route: "delete /v1/notes/{note_id}", title: "Delete a note" },
      ],
    },
  ];

  it.each(table)("$given", ({ given, want }) => {
    const fragment = extract(given);
    expect(fragment.extractor).toBe("generic");
    const got = fragment.operations.map((o) => ({
      route: `${o.method?.value} ${o.path?.value}`,
      ...(o.title ? { title: o.title.value } : {}),
      ...(o.description ? { description: o.description.value } : {}),
    }));
    expect(got).toEqual(want);
    expect(fragment.warnings).toEqual([]);
  });

  it("reads titles and descriptions as prose and request lines as typed facts", () => {
    const track = op(extract("parcels.txt"), "get /parcels/{parcel_id}");
    expect(track.title?.strength).toBe("prose");
    expect(track.description?.strength).toBe("prose");
    expect(track.method?.strength).toBe("typed");
    expect(track.path?.source).toEqual({ file: `${FIXTURES}/parcels.txt`, line: 10 });
    // The operation starts at its title heading, above the request line.
    expect(track.source).toEqual({ file: `${FIXTURES}/parcels.txt`, line: 8 });
  });

  it("gives the page title from the page's only top-level heading", () => {
    expect(extract("parcels.txt").title).toBe("Parcel Tracking API");
    expect(extract("bookshelf.md").title).toBe("Bookshelf API");
    expect(extract("fleet.html").title).toBe("Fleet API");
  });

  it("reads what the operation returns from prose", () => {
    expect(op(extract("bookshelf.md"), "get /books").returns?.value).toEqual({ name: "Book", list: true });
    expect(op(extract("parcels.txt"), "post /parcels/{parcel_id}/cancel").returns?.value).toEqual({
      name: "Parcel",
      list: false,
    });
    expect(op(extract("notes-bullets.txt"), "post /v1/notes").returns?.value).toEqual({
      name: "Note",
      list: false,
    });
  });

  it("lists the operations of an index table without documenting them", () => {
    const fragment = extract("bookshelf.md");
    expect(fragment.listedOperations.map((l) => [l.method, l.title])).toEqual([
      ["get", "List books"],
      ["post", "Add a book"],
      ["delete", "Remove a book"],
    ]);
    expect(fragment.listedOperations[0]?.source).toEqual({ file: `${FIXTURES}/bookshelf.md`, line: 19 });
  });

  it("ignores site navigation in HTML: its links are not operations", () => {
    const fragment = extract("fleet.html");
    expect(fragment.operations).toHaveLength(2);
    expect(fragment.listedOperations).toEqual([]);
  });
});

describe("generic: parameters", () => {
  const table: { given: string; route: string; want: Record<string, unknown>[] }[] = [
    {
      given: "parcels.txt",
      route: "get /parcels/{parcel_id}",
      want: [
        {
          name: "parcel_id",
          in: "path",
          schema: { type: "string" },
          required: true,
          description: "The parcel's tracking number.",
          strength: "typed",
        },
        {
          name: "include_scans",
          in: "query",
          schema: { type: "boolean", default: false },
          required: false,
          description: "Include every scan event. Defaults to false.",
          strength: "typed",
        },
        {
          name: "lang",
          in: "query",
          schema: { type: "string", enum: ["en", "de", "fr"] },
          description: "Language of the status text. One of: en, de, fr.",
          strength: "typed",
        },
      ],
    },
    {
      given: "bookshelf.md",
      route: "get /books",
      want: [
        {
          name: "limit",
          in: "query",
          schema: { type: "integer", default: 20 },
          required: false,
          description: "Maximum number of books to return. Defaults to 20.",
          strength: "typed",
        },
        {
          name: "shelf",
          in: "query",
          schema: { type: "string", enum: ["reading", "done", "wishlist"] },
          required: false,
          description: "Only books on this shelf. One of reading, done, wishlist.",
          strength: "typed",
        },
      ],
    },
    {
      // A parameter named like a path template variable is a path parameter, whatever the method.
      given: "bookshelf.md",
      route: "delete /books/{isbn}",
      want: [
        {
          name: "isbn",
          in: "path",
          schema: { type: "string" },
          required: true,
          description: "ISBN-13 of the book to remove.",
          strength: "typed",
        },
      ],
    },
    {
      given: "fleet.html",
      route: "get /v3/vehicles/{vehicle_id}",
      want: [
        {
          name: "vehicle_id",
          in: "path",
          schema: { type: "string", format: "uuid" },
          required: true,
          description: "The vehicle's id.",
          strength: "typed",
        },
        {
          name: "fields",
          in: "query",
          schema: { type: "array", items: { type: "string" } },
          required: false,
          description: "Telemetry fields to include.",
          strength: "typed",
        },
        {
          name: "X-Fleet-Tenant",
          in: "header",
          schema: { type: "string" },
          required: true,
          description: "Tenant the vehicle belongs to.",
          strength: "typed",
        },
      ],
    },
    {
      given: "notes-bullets.txt",
      route: "get /v1/notes/{note_id}",
      want: [
        {
          name: "note_id",
          in: "path",
          schema: { type: "string" },
          required: true,
          description: "ID of the note.",
          strength: "typed",
        },
        {
          name: "expand",
          in: "query",
          schema: { type: "boolean", default: false },
          description: "Include the full history. Defaults to false.",
          strength: "typed",
        },
      ],
    },
    {
      given: "notes-bullets.txt",
      route: "delete /v1/notes/{note_id}",
      want: [
        {
          name: "X-Request-Id",
          in: "header",
          schema: { type: "string", format: "uuid" },
          description: "Idempotency token for the request.",
          strength: "typed",
        },
      ],
    },
  ];

  it.each(table)("$given $route", ({ given, route, want }) => {
    expect(op(extract(given), route).parameters.map(brief)).toEqual(want);
  });

  it("places a field by its location marker, over its section and the method", () => {
    const fragment = inline(
      [
        "## Upload a file",
        "",
        "`POST /files`",
        "",
        "### Request body",
        "",
        "- `X-Checksum` (string): SHA-256 of the content. Location: header.",
        "- `dry_run` (boolean): Validate only; in: query.",
        "- `name` (string, required): File name.",
      ].join("\n"),
    );
    const upload = op(fragment, "post /files");
    expect(upload.parameters.map((p) => [p.in, p.path[0]])).toEqual([
      ["header", "X-Checksum"],
      ["query", "dry_run"],
    ]);
    expect(upload.requestBody?.fields.map((f) => f.path.join("."))).toEqual(["name"]);
  });

  it("points each parameter of an HTML table at its row, by selector and line", () => {
    const page = fixture("fleet.html");
    const parameter = op(extract(page), "get /v3/vehicles/{vehicle_id}").parameters[1];
    expect(parameter?.source.line).toBe(18);
    const $ = cheerio.load(page.text);
    expect($(parameter?.source.selector ?? "").text()).toContain("fields");
  });
});

describe("generic: request bodies", () => {
  const table: { given: string; route: string; want: Record<string, unknown>[] }[] = [
    {
      given: "parcels.txt",
      route: "post /parcels/{parcel_id}/cancel",
      want: [
        {
          name: "reason",
          schema: { type: "string" },
          required: true,
          description: "Why the shipment is cancelled.",
          strength: "typed",
        },
        {
          name: "notify",
          schema: { type: "boolean" },
          required: false,
          description: "Send an email to the recipient.",
          strength: "typed",
        },
      ],
    },
    {
      given: "bookshelf.md",
      route: "post /books",
      want: [
        {
          name: "isbn",
          schema: { type: "string" },
          required: true,
          description: "ISBN-13 of the book.",
          strength: "typed",
        },
        {
          name: "shelf",
          schema: { type: "string" },
          required: true,
          description: "Shelf to put the book on.",
          strength: "typed",
        },
        {
          name: "notes",
          schema: { type: ["string", "null"], maxLength: 500 },
          required: false,
          description: "Free text notes, <=500 characters.",
          strength: "typed",
        },
        // Dotted names nest: one fragment per node.
        {
          name: "rating.stars",
          schema: { type: "integer" },
          required: false,
          description: "1 to 5 stars.",
          strength: "typed",
        },
        {
          name: "rating.review",
          schema: { type: "string" },
          required: false,
          description: "A short review.",
          strength: "typed",
        },
      ],
    },
    {
      given: "fleet.html",
      route: "put /v3/vehicles/{vehicle_id}",
      want: [
        {
          name: "plate",
          schema: { type: "string" },
          required: true,
          description: "New licence plate.",
          strength: "typed",
        },
        {
          name: "status",
          schema: { type: ["string", "null"], default: "active" },
          description: 'Status; default "active".',
          strength: "typed",
        },
      ],
    },
    {
      given: "notes-bullets.txt",
      route: "post /v1/notes",
      want: [
        {
          name: "title",
          schema: { type: "string", maxLength: 120 },
          required: true,
          description: "Title of the note, <=120 characters.",
          strength: "typed",
        },
        {
          name: "body",
          schema: { type: "string" },
          description: "Markdown text of the note.",
          strength: "typed",
        },
        {
          name: "tags",
          schema: { type: "array", items: { type: "string" } },
          required: false,
          description: "Labels for the note.",
          strength: "typed",
        },
        {
          name: "reminder",
          schema: { type: "object" },
          description: "When to remind the author.",
          strength: "typed",
        },
        // A nested bullet is a child of the bullet above it.
        {
          name: "reminder.at",
          schema: { type: "string", format: "date-time" },
          required: true,
          description: "Time of the reminder.",
          strength: "typed",
        },
      ],
    },
  ];

  it.each(table)("$given $route", ({ given, route, want }) => {
    expect(op(extract(given), route).requestBody?.fields.map(brief)).toEqual(want);
  });

  it("states the media type the page states (typed) or a curl/HTTP example shows (example)", () => {
    expect(op(extract("bookshelf.md"), "post /books").requestBody?.contentType).toMatchObject({
      value: "application/json",
      strength: "typed",
    });
    expect(
      op(extract("parcels.txt"), "post /parcels/{parcel_id}/cancel").requestBody?.contentType,
    ).toMatchObject({
      value: "application/json",
      strength: "example",
    });
    expect(op(extract("fleet.html"), "put /v3/vehicles/{vehicle_id}").requestBody?.contentType).toMatchObject(
      {
        value: "application/json",
        strength: "example",
      },
    );
  });

  it("takes request examples from a labelled JSON block, a curl -d '{...}' and an HTTP request block", () => {
    expect(op(extract("bookshelf.md"), "post /books").requestBody?.example).toMatchObject({
      value: { isbn: "9780141439518", shelf: "reading" },
      strength: "example",
      source: { file: `${FIXTURES}/bookshelf.md`, line: 64 },
    });
    expect(
      op(extract("parcels.txt"), "post /parcels/{parcel_id}/cancel").requestBody?.example?.value,
    ).toEqual({
      reason: "damaged",
      notify: true,
    });
    expect(op(extract("fleet.html"), "put /v3/vehicles/{vehicle_id}").requestBody?.example?.value).toEqual({
      plate: "B-XY 124",
    });
  });
});

describe("generic: responses", () => {
  it("takes the status of a JSON example from its label, else 200", () => {
    const table: { given: string; route: string; want: { status: string; example?: unknown }[] }[] = [
      {
        given: "parcels.txt",
        route: "get /parcels/{parcel_id}",
        want: [
          {
            status: "200",
            example: {
              parcel_id: "PP123456789",
              status: "in_transit",
              weight_grams: 1200,
              scans: [{ at: "2024-03-01T10:00:00Z", location: "Leipzig" }],
            },
          },
        ],
      },
      {
        given: "parcels.txt",
        route: "post /parcels/{parcel_id}/cancel",
        want: [{ status: "404", example: { error: "parcel_not_found" } }],
      },
      {
        // "{...}" elisions and the trailing comma are repaired. "### Example response" shows no code.
        given: "bookshelf.md",
        route: "get /books",
        want: [
          {
            status: SUCCESS_NOT_SHOWN,
            example: {
              data: [{ isbn: "9780141439518", title: "Pride and Prejudice", shelf: "done" }],
              has_more: false,
            },
          },
        ],
      },
      {
        given: "bookshelf.md",
        route: "post /books",
        want: [
          {
            status: "201",
            example: {
              isbn: "9780141439518",
              shelf: "reading",
              notes: null,
              added_at: "2024-05-01T12:00:00Z",
            },
          },
          { status: "409" },
        ],
      },
      { given: "bookshelf.md", route: "delete /books/{isbn}", want: [{ status: "204" }] },
    ];
    for (const { given, route, want } of table) {
      const got = op(extract(given), route).responses.map((r) => ({
        status: r.status,
        ...(r.example ? { example: r.example.value } : {}),
      }));
      expect(got, `${given} ${route}`).toEqual(want);
    }
  });

  it("reads response descriptions from a status table and from prose", () => {
    const add = op(extract("bookshelf.md"), "post /books");
    expect(add.responses.map((r) => [r.status, r.description?.value, r.description?.strength])).toEqual([
      ["201", "The book was added.", "typed"],
      ["409", "The book is already on a shelf.", "typed"],
    ]);
    expect(op(extract("bookshelf.md"), "delete /books/{isbn}").responses[0]?.description?.value).toBe(
      "No Content",
    );
  });

  it("reads response fields from a definition list under a response heading", () => {
    const get = op(extract("fleet.html"), "get /v3/vehicles/{vehicle_id}");
    // "Response", "200 OK", then "Response fields" (no code): the fields are a success whose code their
    // heading does not show; the merge files them under the 200 the page shows.
    expect(get.responses.map((r) => r.status).sort()).toEqual(["200", SUCCESS_NOT_SHOWN]);
    const ok = get.responses.find((r) => r.status === "200");
    const fields = get.responses.find((r) => r.status === SUCCESS_NOT_SHOWN);
    expect(ok?.example?.value).toEqual({
      id: "5b1c9e2a",
      plate: "B-XY 123",
      odometer_km: 10233.5,
      status: "active",
    });
    expect(ok?.example?.strength).toBe("example");
    expect(fields?.fields.map(brief)).toEqual([
      { name: "plate", schema: { type: "string" }, description: "The licence plate.", strength: "typed" },
      {
        name: "status",
        schema: { type: "string", enum: ["active", "retired"] },
        description: "One of active, retired.",
        strength: "typed",
      },
    ]);
  });
});

describe("generic: servers and security", () => {
  it("reads the stated base URL and what curl commands and HTTP examples show", () => {
    const table: { given: string; route: string; servers: string[]; security: unknown[] }[] = [
      {
        // The server is the curl URL minus the documented path: the "/v2" prefix stays.
        given: "parcels.txt",
        route: "get /parcels/{parcel_id}",
        servers: ["https://api.parcelpost.example/v2"],
        security: [{ type: "http", scheme: "bearer" }],
      },
      {
        given: "fleet.html",
        route: "get /v3/vehicles/{vehicle_id}",
        servers: ["https://fleet.example.io"],
        security: [{ type: "http", scheme: "basic" }],
      },
      {
        given: "fleet.html",
        route: "put /v3/vehicles/{vehicle_id}",
        servers: ["https://fleet.example.io"],
        security: [{ type: "http", scheme: "basic" }],
      },
    ];
    for (const { given, route, servers, security } of table) {
      const o = op(extract(given), route);
      expect(
        o.servers.map((s) => s.value),
        `${given} ${route}`,
      ).toEqual(servers);
      expect(o.servers.every((s) => s.strength === "example")).toBe(true);
      expect(
        o.security.map((s) => s.value),
        `${given} ${route}`,
      ).toEqual(security);
      expect(o.security.every((s) => s.strength === "example")).toBe(true);
    }
  });

  it("gives page-level servers and security from base URL lines and examples before the first operation", () => {
    const bookshelf = extract("bookshelf.md");
    expect(bookshelf.servers.map((s) => [s.value, s.strength])).toEqual([
      ["https://bookshelf.example.com/api", "prose"],
    ]);
    expect(bookshelf.security.map((s) => s.value)).toEqual([
      { type: "apiKey", in: "header", name: "X-Api-Key" },
    ]);
    expect(extract("parcels.txt").servers.map((s) => s.value)).toEqual(["https://api.parcelpost.example/v2"]);
    expect(extract("fleet.html").servers.map((s) => s.value)).toEqual(["https://fleet.example.io"]);
  });

  it("splits a full-URL request line into server and path", () => {
    const fragment = inline("## Delete a thing\n\nDELETE https://api.x.example/v2/things/:id\n");
    const del = op(fragment, "delete /v2/things/{id}");
    expect(del.servers.map((s) => s.value)).toEqual(["https://api.x.example"]);
  });
});

describe("generic: curl commands and JSON Schema blocks", () => {
  it("takes method and path from curl when the page has no request line", () => {
    const fragment = inline(
      [
        "## Create a widget",
        "",
        "```sh",
        "curl https://api.widgets.example/v1/widgets \\",
        '  -u "wk_test_123:" \\',
        "  -d name=Sprocket \\",
        '  -d "options[color]=red"',
        "```",
        "",
        "Example response:",
        "",
        "```json",
        '{ "id": "wdg_1", "name": "Sprocket" }',
        "```",
      ].join("\n"),
    );
    const create = op(fragment, "post /v1/widgets");
    expect(create.title?.value).toBe("Create a widget");
    expect(create.method?.strength).toBe("example");
    expect(create.servers.map((s) => s.value)).toEqual(["https://api.widgets.example"]);
    expect(create.security.map((s) => s.value)).toEqual([{ type: "http", scheme: "basic" }]);
    expect(create.requestBody?.contentType).toMatchObject({
      value: "application/x-www-form-urlencoded",
      strength: "example",
    });
    expect(create.requestBody?.fields.map((f) => [f.path.join("."), f.strength])).toEqual([
      ["name", "example"],
      ["options", "example"],
      ["options.color", "example"],
    ]);
    expect(create.responses[0]?.example?.value).toEqual({ id: "wdg_1", name: "Sprocket" });
  });

  it("reads an API-key header from curl and the query fields of curl -G", () => {
    const fragment = inline(
      [
        "# Search",
        "",
        "`GET /v1/search`",
        "",
        "```",
        'curl -G https://api.s.example/v1/search -H "X-Search-Token: abc" -d q=shoes',
        "```",
      ].join("\n"),
    );
    const search = op(fragment, "get /v1/search");
    expect(search.security.map((s) => s.value)).toEqual([
      { type: "apiKey", in: "header", name: "X-Search-Token" },
    ]);
    expect(search.parameters.map(brief)).toEqual([{ name: "q", in: "query", strength: "example" }]);
    expect(search.requestBody).toBeUndefined();
  });

  it("reads a JSON Schema block as schema-strength fields", () => {
    const fragment = inline(
      [
        "## Create an order",
        "",
        "`POST /orders`",
        "",
        "### Request body",
        "",
        "```json",
        '{ "type": "object", "required": ["sku"], "properties": {',
        '  "sku": { "type": "string", "description": "Product code." },',
        '  "shipping": { "type": "object", "properties": { "express": { "type": "boolean" } } } } }',
        "```",
      ].join("\n"),
    );
    const create = op(fragment, "post /orders");
    expect(create.requestBody?.fields.map(brief)).toEqual([
      {
        name: "sku",
        schema: { type: "string" },
        required: true,
        description: "Product code.",
        strength: "schema",
      },
      { name: "shipping", schema: { type: "object" }, required: false, strength: "schema" },
      { name: "shipping.express", schema: { type: "boolean" }, required: false, strength: "schema" },
    ]);
    expect(create.requestBody?.example).toBeUndefined();
  });

  it("warns about a JSON example it cannot read and skips it", () => {
    const fragment = inline('`GET /t`\n\n```json\n{"a": 1} trailing {\n```\n');
    expect(op(fragment, "get /t").responses.every((r) => r.example === undefined)).toBe(true);
    expect(fragment.warnings).toHaveLength(1);
    expect(fragment.warnings[0]).toMatchObject({ file: "inline.md", line: 3 });
    expect(fragment.warnings[0]?.message).toMatch(/JSON example could not be read/);
  });
});

describe("generic: field list styles of a README", () => {
  const page = "tasks-readme.md";

  it("reads bold names with code types, optional markers, enums and an error status table", () => {
    const get = op(extract(page), "get /tasks/{task_id}");
    expect(get.title?.value).toBe("Fetch a task");
    expect(get.parameters.map(brief)).toEqual([
      {
        name: "task_id",
        in: "path",
        schema: { type: "string" },
        required: true,
        description: "The task id.",
        strength: "typed",
      },
      {
        name: "fields",
        in: "query",
        schema: { type: "array", items: { type: "string", enum: ["title", "due"] } },
        required: false,
        description: "Fields to include. Either title or due.",
        strength: "typed",
      },
      {
        name: "verbose",
        in: "query",
        schema: { type: "boolean" },
        required: false,
        description: "More output.",
        strength: "typed",
      },
    ]);
    expect(get.responses.map((r) => [r.status, r.description?.value])).toEqual([
      ["404", "No such task."],
      ["429", "Slow down."],
    ]);
    // A code block of request headers shows the credentials.
    expect(get.security.map((s) => s.value)).toEqual([{ type: "http", scheme: "bearer" }]);
  });

  it("reads a labelled request line, nested body fields and an HTTP response example", () => {
    const create = op(extract(page), "post /tasks");
    expect(create.title?.value).toBe("Create a task");
    expect(create.requestBody?.fields.map(brief)).toEqual([
      {
        name: "title",
        schema: { type: "string" },
        required: true,
        description: "The title.",
        strength: "typed",
      },
      {
        name: "priority",
        schema: { type: "integer", default: 2 },
        required: false,
        description: "1 (low) to 3 (high). Default: 2.",
        strength: "typed",
      },
      {
        name: "status",
        schema: { type: "string", enum: ["open", "blocked"] },
        description: "Initial status. Possible values: open, blocked.",
        strength: "typed",
      },
      { name: "assignee", schema: { type: "object" }, description: "Who works on it.", strength: "typed" },
      { name: "assignee.id", schema: { type: "string" }, description: "User id.", strength: "typed" },
      {
        name: "assignee.notify",
        schema: { type: "boolean" },
        description: "Send an email.",
        strength: "typed",
      },
    ]);
    expect(create.responses.map((r) => [r.status, r.example?.value])).toEqual([
      ["201", { id: "t_1", title: "Write docs" }],
    ]);
  });

  it("reads the base URL stated in a sentence", () => {
    expect(extract(page).servers.map((s) => s.value)).toEqual(["https://tasks.acme.test/api/v1"]);
  });
});

describe("generic: pages cut off part-way", () => {
  it("markdown cut inside a JSON example keeps the operation, its parameters and the partial example", () => {
    const fragment = extract("truncated.md");
    const get = op(fragment, "get /v1/conditions/{station}");
    expect(get.title?.value).toBe("Current conditions");
    expect(get.parameters.map(brief)).toEqual([
      {
        name: "station",
        in: "path",
        schema: { type: "string" },
        required: true,
        description: "Station code.",
        strength: "typed",
      },
      {
        name: "units",
        in: "query",
        schema: { type: "string", enum: ["metric", "imperial"] },
        required: false,
        description: "Unit system. Allowed values: metric, imperial.",
        strength: "typed",
      },
    ]);
    expect(get.responses[0]?.example?.value).toEqual({
      station: "EDDT",
      temperature_c: 21.5,
      wind: { speed_kmh: 12 },
    });
    expect(fragment.warnings).toEqual([
      {
        file: `${FIXTURES}/truncated.md`,
        line: 14,
        message: "unterminated JSON example: the page ends inside it (cut off); kept what could be read",
      },
    ]);
  });

  it("HTML cut inside a table row keeps the rows and the cells it holds", () => {
    const fragment = extract("truncated.html");
    const create = op(fragment, "post /api/invoices");
    expect(create.requestBody?.fields.map(brief)).toEqual([
      {
        name: "customer_id",
        schema: { type: "string" },
        required: true,
        description: "Customer to bill.",
        strength: "typed",
      },
      {
        name: "amount_cents",
        schema: { type: "integer" },
        required: true,
        description: "Amount in cents.",
        strength: "typed",
      },
      { name: "currency", schema: { type: "string" }, strength: "typed" },
    ]);
    expect(fragment.warnings.map((w) => [w.line, w.message])).toEqual([
      [4, "the page ends inside a table (cut off); kept its rows"],
      [8, 'table row "currency" has 2 of 4 cells (cut off?); read what it holds'],
    ]);
  });

  it("plain text cut inside a curl command keeps what precedes it and names the curl command", () => {
    const full = fixture("parcels.txt");
    const cutAt = full.text.indexOf("curl https://api.parcelpost.example/v2/parcels/PP123456789 \\\n") + 60;
    const fragment = extract({ file: full.file, text: full.text.slice(0, cutAt) });
    const track = op(fragment, "get /parcels/{parcel_id}");
    expect(track.parameters.map((p) => p.path[0])).toEqual(["parcel_id", "include_scans", "lang"]);
    expect(track.servers.map((s) => s.value)).toEqual(["https://api.parcelpost.example/v2"]);
    expect(fragment.warnings).toEqual([
      {
        file: full.file,
        line: 25,
        message: "unterminated curl command: the page ends inside it (cut off); kept what could be read",
      },
    ]);
  });
});

describe("generic: pages without an API and odd input", () => {
  it("returns no operations for a page that documents no API", () => {
    const fragment = extract("release-notes.md");
    expect(fragment.operations).toEqual([]);
    expect(fragment.listedOperations).toEqual([]);
    expect(fragment.warnings).toEqual([]);
  });

  it("does not mistake prose that mentions a request for a request line", () => {
    expect(inline("To list things, call GET /v1/things with your key.\n").operations).toEqual([]);
  });

  it.each(["", "{", "<html><body><pre>", "| a |\n|---|\n| b | c |", "* \n*\n  *", "curl \\", "\u0000binary"])(
    "never throws on %j",
    (text) => {
      expect(() => genericExtractor.extract({ file: "odd.txt", text })).not.toThrow();
    },
  );
});

describe("generic: the seed pages, read as pages of unknown layout", () => {
  it.each(SEEDS)("reads %s without throwing", (path) => {
    expect(() => extract(readAsPage(path))).not.toThrow();
  });

  it("finds the operations of the plain-text API reference capture", () => {
    const fragment = extract(readAsPage(SEEDS[1] ?? ""));
    expect(fragment.operations.map((o) => `${o.method?.value} ${o.path?.value} | ${o.title?.value}`)).toEqual(
      [
        "post /v1/identity/verification_sessions/{id} | Update a VerificationSession",
        "get /v1/identity/verification_sessions/{id} | Retrieve a VerificationSession",
        "get /v1/identity/verification_sessions | List VerificationSessions",
        "post /v1/identity/verification_sessions/{id}/cancel | Cancel a VerificationSession",
        "post /v1/identity/verification_sessions/{id}/redact | Redact a VerificationSession",
      ],
    );
    const update = op(fragment, "post /v1/identity/verification_sessions/{id}");
    expect(update.servers.map((s) => s.value)).toEqual(["https://api.stripe.com"]);
    expect(update.security.map((s) => s.value)).toEqual([{ type: "http", scheme: "basic" }]);
    expect(update.requestBody?.contentType?.value).toBe("application/x-www-form-urlencoded");
    expect(update.returns?.value).toEqual({ name: "VerificationSession", list: false });
    // Captures that glue the name to its type ("metadataobject") are split.
    expect(
      update.requestBody?.fields
        .filter((f) => f.strength === "typed")
        .map((f) => [f.path.join("."), f.schema]),
    ).toEqual([
      ["metadata", { type: "object" }],
      ["options", { type: "object" }],
      ["provided_details", { type: "object" }],
      ["type", { type: "string" }],
    ]);
    const list = op(fragment, "get /v1/identity/verification_sessions");
    expect(list.parameters.find((p) => p.path[0] === "status")?.schema).toEqual({
      type: "string",
      enum: ["canceled", "processing", "requires_input", "verified"],
    });
    expect(list.returns?.value).toEqual({ name: "VerificationSession", list: true });
    expect(list.responses[0]?.example?.value).toMatchObject({ object: "list", has_more: false });
  });
});
