// The committed packages, imported by package name as an application would, against a real HTTP server
// on 127.0.0.1: requests on the wire (method, path, encoding, auth, idempotency key) and typed results.
import {
  StripeIdentityClient,
  type UpdateVerificationSessionResponses,
  type VerificationSession,
} from "@specsmith/stripe-identity";
import { NotFoundError, VerifaClient, type Session, type UpdateSessionResponses } from "@specsmith/verifa";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { startServer, type TestServer } from "../runtime/server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const session = (id: string) => ({
  id,
  object: "identity.verification_session",
  status: "requires_input",
  livemode: false,
});

describe("@specsmith/stripe-identity", () => {
  const client = () =>
    new StripeIdentityClient({ apiKey: "sk_test_123", baseURL: server.url, maxRetries: 0 });

  it("creates a session with a form body in Stripe's bracket encoding and HTTP Basic auth", async () => {
    server.reply({ body: session("vs_1") });
    const created = await client().identity.verificationSessions.create({
      type: "document",
      options: { document: { allowed_types: ["passport", "id_card"], require_matching_selfie: true } },
      metadata: { order: "42" },
      related_person: { account: "acct_1", person: "person_1" },
    });
    expect(created.id).toBe("vs_1");
    const request = server.requests.at(-1);
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/v1/identity/verification_sessions");
    expect(request?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(request?.headers.authorization).toBe(`Basic ${Buffer.from("sk_test_123:").toString("base64")}`);
    expect(decodeURIComponent(request?.body.toString() ?? "").split("&")).toEqual([
      "type=document",
      "options[document][allowed_types][0]=passport",
      "options[document][allowed_types][1]=id_card",
      "options[document][require_matching_selfie]=true",
      "metadata[order]=42",
      "related_person[account]=acct_1",
      "related_person[person]=person_1",
    ]);
  });

  it("sends the empty-string unset and percent-encodes the path parameter", async () => {
    server.reply({ body: session("vs/2") });
    await client().identity.verificationSessions.update("vs/2", { options: { document: "" } });
    const request = server.requests.at(-1);
    expect(request?.path).toBe("/v1/identity/verification_sessions/vs%2F2");
    expect(request?.body.toString()).toBe("options[document]=");
  });

  it("types the status as the literal the spec documents with withResponse()", async () => {
    server.reply({ status: 200, body: session("vs_3") });
    const response = await client().identity.verificationSessions.update("vs_3", {}).withResponse();
    // Update's pages show 200 as its only success: the status is the literal, the body a VerificationSession.
    expectTypeOf(response.status).toEqualTypeOf<200>();
    expectTypeOf<UpdateVerificationSessionResponses[200]>().toEqualTypeOf<VerificationSession>();
    expect(response.status).toBe(200);
    expect(response.data.id).toBe("vs_3");
  });

  it("walks every page of a list with for await", async () => {
    server.reply(
      {
        body: {
          object: "list",
          url: "/v1/identity/verification_sessions",
          has_more: true,
          data: [session("vs_a"), session("vs_b")],
        },
      },
      {
        body: {
          object: "list",
          url: "/v1/identity/verification_sessions",
          has_more: false,
          data: [session("vs_c")],
        },
      },
    );
    const ids: string[] = [];
    for await (const item of client().identity.verificationSessions.list({
      limit: 2,
      status: "requires_input",
    }))
      ids.push(item.id ?? "");
    expect(ids).toEqual(["vs_a", "vs_b", "vs_c"]);
    const [first, second] = server.requests.slice(-2);
    expect(first?.query).toBe("status=requires_input&limit=2");
    expect(second?.query).toBe("status=requires_input&limit=2&starting_after=vs_b");
  });
});

describe("@specsmith/verifa", () => {
  const client = () => new VerifaClient({ apiKey: "vk_sandbox_secret", baseURL: server.url, maxRetries: 0 });

  it("updates a session with a JSON body, its headers, the API key and an idempotency key", async () => {
    server.reply({ body: { id: "ses_1", status: "pending", external_ref: null, tags: [] } });
    const updated: Session = await client().sessions.update("ses_1", {
      external_ref: "order-42",
      metadata: { plan: "pro" },
      "Verifa-Version": "2026-02-01",
    });
    expect(updated.external_ref).toBeNull();
    const request = server.requests.at(-1);
    expect(request?.method).toBe("PATCH");
    expect(request?.path).toBe("/api/v1/sessions/ses_1");
    expect(request?.headers["x-api-key"]).toBe("vk_sandbox_secret");
    expect(request?.headers["verifa-version"]).toBe("2026-02-01");
    expect(request?.headers["idempotency-key"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(request?.body.toString() ?? "")).toEqual({
      external_ref: "order-42",
      metadata: { plan: "pro" },
    });
  });

  it("gives the status, headers and request id typed per status code with withResponse()", async () => {
    server.reply({ status: 200, headers: { "x-request-id": "req_7" }, body: { id: "ses_2", tags: ["a"] } });
    const response = await client().sessions.update("ses_2", { external_ref: "x" }).withResponse();
    // The page shows the success without its code: the spec has "2XX", so the status is a number (the
    // server's), and the body a Session.
    expectTypeOf(response.status).toEqualTypeOf<number>();
    expectTypeOf(response.data).toEqualTypeOf<UpdateSessionResponses["2XX"]>();
    expectTypeOf<UpdateSessionResponses["2XX"]>().toEqualTypeOf<Session>();
    expect(response.status).toBe(200);
    expect(response.requestId).toBe("req_7");
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(response.data).toEqual({ id: "ses_2", tags: ["a"] });
  });

  it("throws a typed NotFoundError that never shows the key", async () => {
    server.reply({ status: 404, headers: { "x-request-id": "req_9" }, body: { message: "No such session" } });
    const error = await client()
      .sessions.update("ses_missing", {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, requestId: "req_9" });
    expect(`${String(error)} ${JSON.stringify(error)}`).not.toContain("vk_sandbox_secret");
  });
});
