// The Fern extractor on the seed and on Fern pages of a made-up helpdesk API.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fernTextExtractor } from "../../scripts/scrape/extractors/fern-text.ts";
import type { OperationFragment, Page, PageFragment } from "../../scripts/scrape/fragment.ts";

const root = join(import.meta.dirname, "..", "..");
function load(path: string): Page {
  return { file: path, text: readFileSync(join(root, path), "utf8") };
}
const SEED = "specs/verifa/pages/update-session.fern.txt";
const LIST = "test/fixtures/pages/fern/list-tickets.fern.txt";
const CREATE = "test/fixtures/pages/fern/create-ticket.fern.txt";

function only(fragment: PageFragment): OperationFragment {
  expect(fragment.operations).toHaveLength(1);
  return fragment.operations[0] as OperationFragment;
}

function params(op: OperationFragment): Record<string, unknown> {
  return Object.fromEntries(
    op.parameters.map((p) => [
      `${p.in}:${p.path.join(".")}`,
      { schema: p.schema, required: p.required, description: p.description },
    ]),
  );
}

describe("detection", () => {
  it.each([
    [SEED, 0.9],
    [LIST, 0.9],
    [CREATE, 0.9],
  ])("claims %s", (path, min) => {
    expect(fernTextExtractor.detect(load(path))).toBeGreaterThanOrEqual(min);
  });

  it.each([
    "specs/stripe-identity/pages/update-verification-session.openapi-renderer.html",
    "specs/stripe-identity/pages/verification-sessions.api-reference.txt",
    "specs/stripe-identity/pages/create-verification-session.api-catalogue.txt",
    "specs/stripe-identity/pages/verification-sessions.docs.md",
  ])("leaves %s to its own extractor", (path) => {
    expect(fernTextExtractor.detect(load(path))).toBeLessThanOrEqual(0.2);
  });
});

describe("the Verifa seed", () => {
  const page = fernTextExtractor.extract(load(SEED));
  const op = only(page);

  it("reads method, path, server and title", () => {
    expect(op.method?.value).toBe("patch");
    expect(op.path?.value).toBe("/api/v1/sessions/{session_id}");
    expect(op.servers.map((s) => s.value)).toEqual(["https://devapi.withverifa.com"]);
    expect(op.title?.value).toBe("Update a session");
    expect(op.description?.value).toBe(
      "Updates metadata on an existing session. Only external_ref and metadata can be changed. Sessions that have been redacted cannot be updated.",
    );
  });

  it("reads path and header parameters with constraints and defaults", () => {
    expect(params(op)).toEqual({
      "path:session_id": { schema: { type: "string" }, required: true, description: "Session ID (ses_*)." },
      "header:Verifa-Version": {
        schema: { type: "string", format: "date" },
        required: false,
        description:
          "API version date string (e.g. 2026-02-01). If omitted, the version pinned to your API key is used.",
      },
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
    });
  });

  it("reads the JSON body, the API key from Authentication and the curl", () => {
    expect(op.requestBody?.contentType?.value).toBe("application/json");
    expect(op.requestBody?.fields.map((f) => [f.path.join("."), f.schema])).toEqual([
      ["external_ref", { type: "string", maxLength: 255 }],
      ["metadata", { type: "object", additionalProperties: {} }],
    ]);
    expect(page.security.map((s) => s.value)).toEqual([
      {
        type: "apiKey",
        in: "header",
        name: "X-API-Key",
        description:
          "Organization API key. Keys are prefixed with vk_live_ (production) or vk_sandbox_ (sandbox).",
      },
    ]);
    expect(op.security.map((s) => [s.value, s.strength])).toEqual([
      [{ type: "apiKey", in: "header", name: "X-API-Key" }, "example"],
    ]);
  });

  it("reads the numbered JSON example, the response fields and the errors", () => {
    const ok = op.responses.find((r) => r.status === "200");
    expect(ok?.description?.value).toBe("Updated session.");
    expect((ok?.example?.value as Record<string, unknown>).created_at).toBe("2024-01-15T09:30:00Z");
    const fields = Object.fromEntries(ok?.fields.map((f) => [f.path[0], f.schema]) ?? []);
    expect(Object.keys(fields)).toHaveLength(20);
    expect(fields.external_ref).toEqual({ type: ["string", "null"] });
    expect(fields.token_expires_at).toEqual({ type: ["string", "null"], format: "date-time" });
    expect(fields.checks).toEqual({ type: ["array", "null"], items: { type: "string" } });
    expect(
      op.responses.filter((r) => r.status !== "200").map((r) => [r.status, r.description?.value]),
    ).toEqual([
      ["401", "Unauthorized Error"],
      ["404", "Not Found Error"],
      ["422", "Unprocessable Entity Error"],
    ]);
    expect(page.warnings).toEqual([]);
  });

  it("lists the sidebar's operations", () => {
    expect(page.listedOperations).toHaveLength(26);
    expect(page.listedOperations[3]).toMatchObject({
      method: "patch",
      title: "Update a session",
      source: { line: 58 },
    });
    expect(page.listedOperations[9]).toMatchObject({ method: "delete", title: "Redact session data" });
  });
});

describe("a list page of another Fern site", () => {
  const page = fernTextExtractor.extract(load(LIST));
  const op = only(page);

  it("reads query parameters with bounds, defaults and allowed values", () => {
    expect(op.method?.value).toBe("get");
    expect(op.path?.value).toBe("/v2/tickets");
    expect(params(op)).toEqual({
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
    });
  });

  it("reads bearer authentication, the response and two errors", () => {
    expect(page.security.map((s) => s.value)).toEqual([
      {
        type: "http",
        scheme: "bearer",
        description: "Bearer authentication of the form Bearer <token>, where token is your auth token.",
      },
    ]);
    const ok = op.responses.find((r) => r.status === "200");
    expect(ok?.description?.value).toBe("A page of tickets.");
    expect(ok?.fields.map((f) => [f.path[0], f.schema])).toEqual([
      ["data", { type: "array", items: { type: "object" } }],
      ["next_cursor", { type: ["string", "null"] }],
    ]);
    expect((ok?.example?.value as { next_cursor: string }).next_cursor).toBe("c_abc");
    expect(op.responses.map((r) => r.status)).toEqual(["200", "401", "429"]);
    expect(page.listedOperations.map((l) => `${l.method} ${l.title}`)).toEqual([
      "get List tickets",
      "post Create a ticket",
      "get Retrieve a ticket",
      "delete Delete a ticket",
    ]);
  });
});

describe("a create page of another Fern site", () => {
  const page = fernTextExtractor.extract(load(CREATE));
  const op = only(page);

  it("reads required body fields with constraints, lists and enums", () => {
    expect(op.requestBody?.contentType?.value).toBe("application/json");
    expect(op.requestBody?.fields.map((f) => [f.path[0], f.schema, f.required])).toEqual([
      ["subject", { type: "string", minLength: 1, maxLength: 200 }, true],
      ["priority", { type: "integer", minimum: 1, maximum: 5, default: 3 }, false],
      ["tags", { type: "array", items: { type: "string" } }, false],
      ["channel", { type: "string", enum: ["email", "chat", "phone"] }, false],
    ]);
    expect(op.requestBody?.fields[0]?.description).toBe("One line summary.");
    expect(op.requestBody?.example?.value).toEqual({ subject: "Printer on fire" });
  });

  it("reads the API key header scheme, the idempotency header and the errors", () => {
    expect(page.security.map((s) => s.value)).toEqual([
      {
        type: "apiKey",
        in: "header",
        name: "X-Helpdesk-Token",
        description: "Workspace token from the admin console.",
      },
    ]);
    expect(params(op)["header:Idempotency-Key"]).toEqual({
      schema: { type: "string", maxLength: 64 },
      required: false,
      description: "Retries with the same key create one ticket.",
    });
    expect(op.responses.map((r) => [r.status, r.description?.value])).toEqual([
      ["200", "Created ticket."],
      ["400", "Bad Request Error"],
      ["401", "Unauthorized Error"],
      ["409", "Conflict Error"],
    ]);
    const closed = op.responses[0]?.fields.find((f) => f.path[0] === "closed_at");
    expect(closed).toMatchObject({
      schema: { type: ["string", "null"], format: "date-time" },
      description: "When the ticket was closed, if it was.",
    });
  });
});

describe("pages cut off part-way", () => {
  it("keeps what is there and warns when cut inside the JSON example", () => {
    const text = load(CREATE).text;
    const page = fernTextExtractor.extract({
      file: "cut.txt",
      text: text.slice(0, text.indexOf('4 "priority"')),
    });
    const op = only(page);
    expect(op.path?.value).toBe("/v2/tickets");
    expect((op.responses[0]?.example?.value as { subject: string }).subject).toBe("Printer on fire");
    expect(page.warnings.map((w) => w.message)).toContain(
      "the JSON example stops before it closes: the page may be cut off",
    );
  });

  it("keeps the fields read so far and warns when cut inside a section", () => {
    const text = load(CREATE).text;
    const page = fernTextExtractor.extract({
      file: "cut.txt",
      text: text.slice(0, text.indexOf("priorityintegerOptional")),
    });
    const op = only(page);
    expect(op.requestBody?.fields.map((f) => f.path[0])).toEqual(["subject"]);
    expect(page.warnings).toEqual([
      {
        file: "cut.txt",
        line: 54,
        message: 'the page ends inside the "Request" section without an Errors section: it may be cut off',
      },
    ]);
  });

  it("returns no operation, without throwing, for text that is not a Fern page", () => {
    const page = fernTextExtractor.extract({ file: "x.txt", text: "POST\n\nnothing here\n$curl\n1{" });
    expect(page.operations).toEqual([]);
  });
});
