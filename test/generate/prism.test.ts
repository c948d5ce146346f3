// The committed packages, imported by package name, against Prism: the real OpenAPI mock server, started
// here with the scraped spec and --errors, so it answers 422 (or 401) to any request the spec does not
// allow. A recording fetch shows what went on the wire; Prism's verdict is read by violationsOf.
// The requests Prism must reject are sent with the client's own validation turned off (`validate: false`);
// with it on, each is stopped before the network with the same field named (the last describe block).
//
// Prism 5 reads form bodies only as deep as the spec's `type: object` properties go, which shapes the
// Stripe requests below:
// - An absent deepObject property is rebuilt as an object anyway, so `related_person` (optional, but with
//   required `account` and `person`) must be sent on every create, or Prism reports it incomplete.
// - Below an `anyOf` it looks up one key only: `options[document]=` (the unset) and `options[document]=x`
//   are checked, but `options[document][allowed_types][0]` is neither read nor checked, nor are metadata
//   values. The nested bracket encoding is asserted on the recorded wire body instead.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  APIError as StripeAPIError,
  AuthenticationError as StripeAuthenticationError,
  RequestValidationError as StripeRequestValidationError,
  StripeIdentityClient,
  UnprocessableEntityError as StripeUnprocessableEntityError,
  type VerificationSession,
} from "@specsmith/stripe-identity";
import {
  APIError as VerifaAPIError,
  AuthenticationError as VerifaAuthenticationError,
  RequestValidationError as VerifaRequestValidationError,
  UnprocessableEntityError as VerifaUnprocessableEntityError,
  VerifaClient,
  type Session,
} from "@specsmith/verifa";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { parse } from "yaml";
import { startPrism, type PrismServer } from "./prism-server.ts";
import { recordingFetch } from "./recording-fetch.ts";

const specPath = (api: string): string =>
  fileURLToPath(new URL(`../../specs/${api}/openapi.yaml`, import.meta.url));

/**
 * The success JSON example the spec gives for an operation (under "200", or "2XX" where the pages show no
 * status code): Prism answers with it when there is one.
 */
function example(api: string, path: string, method: string): unknown {
  const spec = parse(readFileSync(specPath(api), "utf8")) as {
    paths: Record<
      string,
      Record<string, { responses: Record<string, { content: Record<string, unknown> }> }>
    >;
  };
  const responses = spec.paths[path]?.[method]?.responses;
  const content = (responses?.["200"] ?? responses?.["2XX"])?.content["application/json"] as
    { example?: unknown } | undefined;
  if (content?.example === undefined) throw new Error(`no success example for ${method} ${path} in ${api}`);
  return content.example;
}

let stripePrism: PrismServer | undefined;
let verifaPrism: PrismServer | undefined;

beforeAll(async () => {
  // Both at once: each takes a few seconds to load its spec.
  const [stripe, verifa] = await Promise.allSettled([
    startPrism(specPath("stripe-identity")),
    startPrism(specPath("verifa")),
  ]);
  if (stripe.status === "fulfilled") stripePrism = stripe.value;
  if (verifa.status === "fulfilled") verifaPrism = verifa.value;
  if (stripe.status === "rejected") throw stripe.reason;
  if (verifa.status === "rejected") throw verifa.reason;
}, 200_000);

afterAll(async () => {
  await Promise.all([stripePrism?.close(), verifaPrism?.close()]);
}, 120_000);

function running(server: PrismServer | undefined): PrismServer {
  if (!server) throw new Error("Prism did not start");
  return server;
}

/**
 * Prism's verdict on a failed call. Where the operation documents an error response, Prism answers with it
 * and puts the verdict in its `sl-violations` header; where it documents none (the scraper writes no error
 * response a page does not show), Prism makes up a problem+json body whose title and `validation` messages
 * are the verdict.
 */
function violationsOf(error: unknown): string {
  if (!(error instanceof StripeAPIError) && !(error instanceof VerifaAPIError)) throw error;
  const header = error.headers["sl-violations"];
  if (header) return header;
  const problem = error.body as { title?: string; validation?: { message?: string }[] } | undefined;
  return [problem?.title ?? "", ...(problem?.validation ?? []).map((v) => v.message ?? "")].join("\n");
}

describe("@specsmith/stripe-identity against Prism", () => {
  const API_KEY = "sk_test_prism";
  const BASIC = `Basic ${Buffer.from(`${API_KEY}:`).toString("base64")}`;
  const SESSIONS = "/v1/identity/verification_sessions";
  const connect = () => {
    const wire = recordingFetch();
    const client = new StripeIdentityClient({
      apiKey: API_KEY,
      baseURL: running(stripePrism).url,
      fetch: wire.fetch,
      maxRetries: 0,
    });
    return { client, wire };
  };

  it("creates a session: form body in bracket encoding, HTTP Basic auth, accepted by Prism", async () => {
    const { client, wire } = connect();
    const created = await client.identity.verificationSessions.create({
      type: "document",
      client_reference_id: "order 42/ü",
      options: { document: { allowed_types: ["passport", "id_card"], require_matching_selfie: true } },
      metadata: { order: "42" },
      related_person: { account: "acct_1", person: "person_1" },
    });

    const request = wire.only();
    expect(request.method).toBe("POST");
    expect(request.url.pathname).toBe(SESSIONS);
    expect(request.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    expect(request.headers.get("authorization")).toBe(BASIC);
    expect(request.body.split("&")).toEqual([
      "type=document",
      "client_reference_id=order%2042%2F%C3%BC",
      "options[document][allowed_types][0]=passport",
      "options[document][allowed_types][1]=id_card",
      "options[document][require_matching_selfie]=true",
      "metadata[order]=42",
      "related_person[account]=acct_1",
      "related_person[person]=person_1",
    ]);
    expect(request.status).toBe(200);
    expect(request.violations).toBeNull();

    // The spec has no example for this response: Prism builds one from the schema.
    expectTypeOf(created).toEqualTypeOf<VerificationSession>();
    expect(created).toMatchObject({
      object: "identity.verification_session",
      id: expect.any(String),
      created: expect.any(Number),
      livemode: expect.any(Boolean),
      metadata: {},
    });
  });

  it("retrieves a session: GET on its path, the spec's example as the typed result", async () => {
    const { client, wire } = connect();
    const session = await client.identity.verificationSessions.retrieve("vs_1NuNAILkdIwHu7ixh7OtGMLw");

    const request = wire.only();
    expect(request.method).toBe("GET");
    expect(request.url.pathname).toBe(`${SESSIONS}/vs_1NuNAILkdIwHu7ixh7OtGMLw`);
    expect(request.headers.get("authorization")).toBe(BASIC);
    expect(request.headers.has("content-type")).toBe(false);
    expect(request.body).toBe("");
    expect(request.violations).toBeNull();

    expect(session).toEqual(example("stripe-identity", `${SESSIONS}/{session}`, "get"));
    expectTypeOf(session.status).toEqualTypeOf<string | undefined>();
    expect(session.status).toBe("requires_input");
  });

  it("lists sessions with query parameters and walks the items with for await", async () => {
    const { client, wire } = connect();
    const page = await client.identity.verificationSessions.list({ status: "requires_input", limit: 3 });
    const ids: string[] = [];
    for await (const item of client.identity.verificationSessions.list({
      status: "requires_input",
      limit: 3,
    }))
      ids.push(item.id ?? "");

    const [first] = wire.exchanges;
    expect(first?.method).toBe("GET");
    expect(first?.url.pathname).toBe(SESSIONS);
    expect(first?.url.search).toBe("?status=requires_input&limit=3");
    expect(first?.violations).toBeNull();
    expect(page).toEqual(example("stripe-identity", SESSIONS, "get"));
    // has_more is false in the example, so the walk ends after one page.
    expect(wire.exchanges).toHaveLength(2);
    expect(ids).toEqual(page.data.map((session) => session.id));
  });

  it("updates a session with the empty-string unset, which the spec's anyOf allows", async () => {
    const { client, wire } = connect();
    const updated = await client.identity.verificationSessions.update("vs_1NuN9WLkdIwHu7ix597AR9uz", {
      type: "id_number",
      options: { document: "" },
    });

    const request = wire.only();
    expect(request.method).toBe("POST");
    expect(request.url.pathname).toBe(`${SESSIONS}/vs_1NuN9WLkdIwHu7ix597AR9uz`);
    expect(request.body).toBe("type=id_number&options[document]=");
    expect(request.violations).toBeNull();
    expect(updated).toEqual(example("stripe-identity", `${SESSIONS}/{session}`, "post"));
  });

  it("cancels and redacts a session: body-less POSTs, typed results from the spec's examples", async () => {
    const { client, wire } = connect();
    const canceled = await client.identity.verificationSessions.cancel("vs_1NuN3kLkdIwHu7ixk5OvTq3b");
    const redacted = await client.identity.verificationSessions.redact("vs_1NuN3kLkdIwHu7ixk5OvTq3b");

    expect(wire.exchanges.map((e) => `${e.method} ${e.url.pathname} ${e.status}`)).toEqual([
      `POST ${SESSIONS}/vs_1NuN3kLkdIwHu7ixk5OvTq3b/cancel 200`,
      `POST ${SESSIONS}/vs_1NuN3kLkdIwHu7ixk5OvTq3b/redact 200`,
    ]);
    expect(wire.exchanges.map((e) => e.body)).toEqual(["", ""]);
    expect(canceled).toEqual(example("stripe-identity", `${SESSIONS}/{session}/cancel`, "post"));
    expect(canceled.status).toBe("canceled");
    expect(redacted).toEqual(example("stripe-identity", `${SESSIONS}/{session}/redact`, "post"));
    expect(redacted.redaction?.status).toBe("processing");
  });

  it("gets a typed AuthenticationError from Prism when the Authorization header is missing", async () => {
    const { client, wire } = connect();
    const error = await client.identity.verificationSessions
      .retrieve("vs_1", { headers: { authorization: null } })
      .catch((e: unknown) => e);

    expect(wire.only().headers.has("authorization")).toBe(false);
    expect(error).toBeInstanceOf(StripeAuthenticationError);
    expect(error).toMatchObject({ status: 401 });
    expect(violationsOf(error)).toContain("Invalid security scheme");
  });

  it("gets a typed 422 when related_person lacks a required field: Prism reads the bracket keys", async () => {
    const { client, wire } = connect();
    const error = await client.identity.verificationSessions
      .create(
        { type: "document", related_person: { account: "acct_1" } as { account: string; person: string } },
        { validate: false },
      )
      .catch((e: unknown) => e);

    expect(wire.only().body).toBe("type=document&related_person[account]=acct_1");
    expect(error).toBeInstanceOf(StripeUnprocessableEntityError);
    expect(error).toMatchObject({ status: 422 });
    const violations = violationsOf(error);
    expect(violations).toContain("related_person must have required property 'person'");
    expect(violations).not.toContain("'account'");
  });

  it("gets a typed 422 for a value outside the spec's anyOf in a nested form field", async () => {
    const { client } = connect();
    const error = await client.identity.verificationSessions
      .update("vs_1", { options: { document: "x" as "" } }, { validate: false })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(StripeUnprocessableEntityError);
    expect(violationsOf(error)).toContain("options.document must match a schema in anyOf");
  });

  it("gets a typed 422 for a query value outside the spec's enum", async () => {
    const { client, wire } = connect();
    const error = await client.identity.verificationSessions
      .list({ status: "finished" as "verified" }, { validate: false })
      .catch((e: unknown) => e);

    expect(wire.only().url.search).toBe("?status=finished");
    expect(error).toBeInstanceOf(StripeUnprocessableEntityError);
    expect(violationsOf(error)).toContain(
      "query parameter status must be equal to one of the allowed values",
    );
  });
});

describe("@specsmith/verifa against Prism", () => {
  const API_KEY = "vk_sandbox_prism";
  const SESSION_PATH = "/api/v1/sessions/{session_id}";
  const connect = () => {
    const wire = recordingFetch();
    const client = new VerifaClient({
      apiKey: API_KEY,
      baseURL: running(verifaPrism).url,
      fetch: wire.fetch,
      maxRetries: 0,
    });
    return { client, wire };
  };

  it("updates a session: PATCH with a JSON body, the API key, the version header and an idempotency key", async () => {
    const { client, wire } = connect();
    const updated = await client.sessions.update("ses_abc123", {
      external_ref: "order-42",
      metadata: { plan: "pro", seats: 3 },
      "Verifa-Version": "2026-02-01",
    });

    const request = wire.only();
    expect(request.method).toBe("PATCH");
    expect(request.url.pathname).toBe("/api/v1/sessions/ses_abc123");
    expect(request.headers.get("content-type")).toBe("application/json");
    expect(request.headers.get("x-api-key")).toBe(API_KEY);
    expect(request.headers.get("verifa-version")).toBe("2026-02-01");
    expect(request.headers.get("idempotency-key")).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(JSON.parse(request.body)).toEqual({
      external_ref: "order-42",
      metadata: { plan: "pro", seats: 3 },
    });
    expect(request.status).toBe(200);
    expect(request.violations).toBeNull();

    expectTypeOf(updated).toEqualTypeOf<Session>();
    expect(updated).toEqual(example("verifa", SESSION_PATH, "patch"));
    expect(updated.id).toBe("ses_abc123");
    expect(updated.processing_attempts).toBe(1);
  });

  it("sends the caller's idempotency key as given", async () => {
    const { client, wire } = connect();
    await client.sessions.update(
      "ses_abc123",
      { external_ref: "order-43" },
      { idempotencyKey: "order-43-v1" },
    );

    const request = wire.only();
    expect(request.headers.get("idempotency-key")).toBe("order-43-v1");
    expect(request.violations).toBeNull();
  });

  it("gets a typed AuthenticationError from Prism when the API key header is missing", async () => {
    const { client, wire } = connect();
    const error = await client.sessions
      .update("ses_abc123", {}, { headers: { "X-API-Key": null } })
      .catch((e: unknown) => e);

    expect(wire.only().headers.has("x-api-key")).toBe(false);
    expect(error).toBeInstanceOf(VerifaAuthenticationError);
    expect(error).toMatchObject({ status: 401 });
    expect(violationsOf(error)).toContain("Invalid security scheme");
  });

  it("gets a typed 422 for a body field of the wrong type", async () => {
    const { client } = connect();
    const error = await client.sessions
      .update("ses_abc123", { external_ref: 42 as unknown as string }, { validate: false })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(VerifaUnprocessableEntityError);
    expect(error).toMatchObject({ status: 422 });
    expect(violationsOf(error)).toContain("body property external_ref must be string");
  });

  it("gets a typed 422 for a body field longer than the spec's maxLength", async () => {
    const { client } = connect();
    const error = await client.sessions
      .update("ses_abc123", { external_ref: "x".repeat(256) }, { validate: false })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(VerifaUnprocessableEntityError);
    expect(violationsOf(error)).toContain("external_ref must NOT have more than 255 characters");
  });

  it("gets a typed 422 for a header parameter that is not a date", async () => {
    const { client, wire } = connect();
    const error = await client.sessions
      .update("ses_abc123", { "Verifa-Version": "yesterday" }, { validate: false })
      .catch((e: unknown) => e);

    expect(wire.only().headers.get("verifa-version")).toBe("yesterday");
    expect(error).toBeInstanceOf(VerifaUnprocessableEntityError);
    expect(violationsOf(error)).toContain('header parameter verifa-version must match format \\"date\\"');
  });
});

describe("the clients' own request validation, on the requests Prism rejects above", () => {
  // Each call is one Prism answers 422 to when it is sent unchecked. Checked (the default), the client
  // must throw before any byte goes out, naming the same field.
  const stripe = () => {
    const wire = recordingFetch();
    const client = new StripeIdentityClient({
      apiKey: "sk_test",
      baseURL: running(stripePrism).url,
      fetch: wire.fetch,
    });
    return { client, wire };
  };
  const verifa = () => {
    const wire = recordingFetch();
    const client = new VerifaClient({
      apiKey: "vk_test",
      baseURL: running(verifaPrism).url,
      fetch: wire.fetch,
    });
    return { client, wire };
  };

  it.each([
    {
      name: "related_person without person (form body)",
      call: () => {
        const { client, wire } = stripe();
        const related = { account: "acct_1" } as { account: string; person: string };
        return {
          wire,
          promise: client.identity.verificationSessions.create({ type: "document", related_person: related }),
        };
      },
      want: {
        part: "body",
        pointer: "/related_person",
        wireName: "related_person",
        keyword: "required",
        message: 'must have required property "person"',
      },
    },
    {
      name: "a string outside the anyOf of a nested form field",
      call: () => {
        const { client, wire } = stripe();
        return {
          wire,
          promise: client.identity.verificationSessions.update("vs_1", { options: { document: "x" as "" } }),
        };
      },
      want: { part: "body", pointer: "/options/document", wireName: "options[document]", keyword: "enum" },
    },
    {
      name: "a query value outside the enum",
      call: () => {
        const { client, wire } = stripe();
        // Awaiting a list gives its first page: the check runs on that first request.
        return {
          wire,
          promise: client.identity.verificationSessions.list({ status: "finished" as "verified" }),
        };
      },
      want: { part: "query", pointer: "/status", keyword: "enum" },
    },
    {
      name: "a JSON body field of the wrong type",
      call: () => {
        const { client, wire } = verifa();
        return { wire, promise: client.sessions.update("ses_1", { external_ref: 42 as unknown as string }) };
      },
      want: { part: "body", pointer: "/external_ref", keyword: "type", message: "must be a string" },
    },
    {
      name: "a JSON body field over maxLength",
      call: () => {
        const { client, wire } = verifa();
        return { wire, promise: client.sessions.update("ses_1", { external_ref: "x".repeat(256) }) };
      },
      want: { part: "body", pointer: "/external_ref", keyword: "maxLength" },
    },
    {
      name: "a header parameter that is not a date",
      call: () => {
        const { client, wire } = verifa();
        return { wire, promise: client.sessions.update("ses_1", { "Verifa-Version": "yesterday" }) };
      },
      want: { part: "header", pointer: "/Verifa-Version", keyword: "format" },
    },
  ])("stops $name before the network, naming the field", async ({ call, want }) => {
    const { wire, promise } = call();
    const error = await Promise.resolve(promise).catch((e: unknown) => e);
    expect(wire.exchanges).toHaveLength(0);
    const isValidationError =
      error instanceof StripeRequestValidationError || error instanceof VerifaRequestValidationError;
    expect(isValidationError).toBe(true);
    const { errors } = error as StripeRequestValidationError;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject(want);
    expect((error as Error).message).toMatch(/^Invalid request to (GET|POST|PATCH) \//);
  });
});
