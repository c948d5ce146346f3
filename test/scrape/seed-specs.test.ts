// What the two seed APIs' specs must contain, asserted on a fresh scrape of the committed pages.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { scrapeApi, type ApiScrape } from "../../scripts/scrape/scrape-api.ts";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const specsDir = join(import.meta.dirname, "..", "..", "specs");
let stripe: ApiScrape;
let verifa: ApiScrape;
beforeAll(async () => {
  [stripe, verifa] = await Promise.all([
    scrapeApi(specsDir, "stripe-identity"),
    scrapeApi(specsDir, "verifa"),
  ]);
});

function body(op: Json, type: string): Json {
  return op.requestBody.content[type].schema;
}

describe("Stripe Identity", () => {
  const base = "/v1/identity/verification_sessions";
  const doc = (): Json => stripe.result.document as Json;

  it("has the six operations with method and path, one path parameter name", () => {
    const routes = Object.entries(doc().paths).flatMap(([p, item]) =>
      Object.keys(item as Json).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(routes.sort()).toEqual(
      [
        `GET ${base}`,
        `POST ${base}`,
        `GET ${base}/{session}`,
        `POST ${base}/{session}`,
        `POST ${base}/{session}/cancel`,
        `POST ${base}/{session}/redact`,
      ].sort(),
    );
    const ids = Object.values(doc().paths).flatMap((item) =>
      Object.values(item as Json).map((op: Json) => op.operationId),
    );
    expect(ids.sort()).toEqual([
      "cancelVerificationSession",
      "createVerificationSession",
      "listVerificationSessions",
      "redactVerificationSession",
      "retrieveVerificationSession",
      "updateVerificationSession",
    ]);
  });

  it("create: every documented body property, nesting with required children, form encoded", () => {
    const create = doc().paths[base].post;
    const schema = body(create, "application/x-www-form-urlencoded");
    expect(Object.keys(schema.properties).sort()).toEqual([
      "client_reference_id",
      "expand",
      "metadata",
      "options",
      "provided_details",
      "related_customer",
      "related_customer_account",
      "related_person",
      "return_url",
      "type",
      "verification_flow",
    ]);
    expect(schema.properties.related_person.required).toEqual(["account", "person"]);
    expect(schema.properties.related_person.properties.account.type).toBe("string");
    expect(Object.keys(schema.properties.provided_details.properties).sort()).toEqual(["email", "phone"]);
    expect(schema.properties.expand.type).toBe("array");
    expect(schema.properties.type.enum).toEqual(["document", "id_number"]);
    expect(schema.properties.options.properties).toHaveProperty("document");
  });

  it("update: the JSON Schema block's options.document with its empty-string unset branch", () => {
    const update = doc().paths[`${base}/{session}`].post;
    const schema = body(update, "application/x-www-form-urlencoded");
    expect(Object.keys(schema.properties).sort()).toEqual([
      "expand",
      "metadata",
      "options",
      "provided_details",
      "type",
    ]);
    const document = schema.properties.options.properties.document;
    expect(document.anyOf).toHaveLength(2);
    expect(document.anyOf[0].properties.allowed_types.items.enum).toEqual([
      "driving_license",
      "id_card",
      "passport",
    ]);
    expect(document.anyOf[1]).toEqual({ type: "string", enum: [""] });
    expect(schema.properties.expand.items).toEqual({ type: "string", maxLength: 5000 });
    expect(update.parameters).toEqual([
      expect.objectContaining({ name: "session", in: "path", required: true }),
    ]);
  });

  it("list: query parameters with the status enum, and a list type", () => {
    const list = doc().paths[base].get;
    const byName = Object.fromEntries(list.parameters.map((p: Json) => [p.name, p]));
    expect(Object.keys(byName).sort()).toEqual([
      "client_reference_id",
      "created",
      "ending_before",
      "limit",
      "starting_after",
      "status",
    ]);
    expect(byName.status.schema.enum).toEqual(["canceled", "processing", "requires_input", "verified"]);
    expect(byName.limit.schema.type).toBe("integer");
    expect(byName.created.style).toBe("deepObject");
    // "Returns" and "Response" on the page, no status code: written under 2XX, marked not shown.
    expect(Object.keys(list.responses)).toEqual(["2XX"]);
    expect(list.responses["2XX"]["x-specsmith-status-not-shown"]).toBe(true);
    expect(list.responses["2XX"].content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/VerificationSessionList",
    });
  });

  it("a VerificationSession component, nullable where examples show null, returned by the item operations", () => {
    const vs = doc().components.schemas.VerificationSession;
    expect(vs.properties.object.enum).toEqual(["identity.verification_session"]);
    expect(vs.properties.client_secret.type).toEqual(["string", "null"]);
    expect(vs.properties.livemode.type).toBe("boolean");
    // Update's 200 is shown (the OpenAPI renderer page); cancel and redact show no status code.
    const success = [
      [`${base}/{session}`, "200"],
      [`${base}/{session}/cancel`, "2XX"],
      [`${base}/{session}/redact`, "2XX"],
    ] as const;
    for (const [route, status] of success) {
      const responses = doc().paths[route].post.responses;
      expect(Object.keys(responses).filter((code) => code.startsWith("2"))).toEqual([status]);
      expect(responses[status]["x-specsmith-status-not-shown"]).toBe(status === "2XX" ? true : undefined);
      expect(responses[status].content["application/json"].schema.$ref).toBe(
        "#/components/schemas/VerificationSession",
      );
    }
    expect(doc().components.schemas.VerificationSessionList.properties.data.items.$ref).toBe(
      "#/components/schemas/VerificationSession",
    );
  });

  it("HTTP Basic security from curl -u and the server", () => {
    expect(doc().components.securitySchemes.basicAuth).toMatchObject({ type: "http", scheme: "basic" });
    expect(doc().security).toEqual([{ basicAuth: [] }]);
    expect(doc().servers).toEqual([{ url: "https://api.stripe.com" }]);
  });
});

describe("Verifa", () => {
  const doc = (): Json => verifa.result.document as Json;
  const update = (): Json => doc().paths["/api/v1/sessions/{session_id}"].patch;

  it("the update operation with its path parameter and three headers", () => {
    const byName = Object.fromEntries(update().parameters.map((p: Json) => [p.name, p]));
    expect(byName.session_id).toMatchObject({ in: "path", required: true, schema: { type: "string" } });
    expect(byName["Verifa-Version"]).toMatchObject({
      in: "header",
      required: false,
      schema: { type: "string", format: "date" },
    });
    expect(byName["Key-Inflection"]).toMatchObject({
      in: "header",
      schema: { type: "string", default: "snake" },
    });
    expect(byName["Idempotency-Key"]).toMatchObject({
      in: "header",
      schema: { type: "string", maxLength: 255 },
    });
    expect(Object.keys(byName).sort()).toEqual([
      "Idempotency-Key",
      "Key-Inflection",
      "Verifa-Version",
      "session_id",
    ]);
  });

  it("the API key security scheme and the server", () => {
    expect(doc().components.securitySchemes.apiKeyAuth).toMatchObject({
      type: "apiKey",
      in: "header",
      name: "X-API-Key",
    });
    expect(doc().components.securitySchemes.apiKeyAuth.description).toContain("vk_live_");
    expect(doc().servers).toEqual([{ url: "https://devapi.withverifa.com" }]);
  });

  it("the JSON body with its constraints", () => {
    const schema = body(update(), "application/json");
    expect(schema.properties.external_ref).toMatchObject({ type: "string", maxLength: 255 });
    expect(schema.properties.metadata).toMatchObject({ type: "object", additionalProperties: {} });
  });

  it("the Session response schema with nullable fields and date-time formats, and the errors", () => {
    const responses = update().responses;
    // The page's "Response" shows no status code: 2XX, marked not shown.
    expect(responses["2XX"]["x-specsmith-status-not-shown"]).toBe(true);
    expect(responses["2XX"].content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/Session",
    });
    const session = doc().components.schemas.Session;
    expect(session.properties.external_ref.type).toEqual(["string", "null"]);
    expect(session.properties.created_at).toMatchObject({ type: "string", format: "date-time" });
    expect(session.properties.token_expires_at).toMatchObject({
      type: ["string", "null"],
      format: "date-time",
    });
    expect(session.properties.checks).toMatchObject({ type: ["array", "null"], items: { type: "string" } });
    expect(session.properties.tags).toMatchObject({ type: "array", items: { type: "string" } });
    expect(Object.keys(responses).sort()).toEqual(["2XX", "401", "404", "422"]);
    expect(responses["404"].description).toBe("Not Found Error");
  });

  it("reports the sidebar's other operations as known and undocumented", () => {
    expect(verifa.result.report).toContain("## Listed but undocumented");
    expect(verifa.result.report).toContain("DELETE Redact session data");
    expect(verifa.result.report).not.toMatch(/^- PATCH Update a session/m);
  });
});
