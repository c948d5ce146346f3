// Credentials outside errors and logs: the committed generated clients (imported by package name) and the
// runtime's HttpClient against a real server on 127.0.0.1 that echoes the key back. Nothing a user can
// print (util.inspect, JSON.stringify, String, message, stack) shows it; `err.body` stays raw.
import { StripeIdentityClient } from "@specsmith/stripe-identity";
import { AuthenticationError, VerifaClient } from "@specsmith/verifa";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { HttpClient, type OperationSpec } from "../../templates/runtime/client.ts";
import { APIConnectionError, APIError, RequestValidationError } from "../../templates/runtime/errors.ts";
import { closedPort, serverForTests } from "../runtime/server.ts";
import { rejection } from "./rejection.ts";

const SECRET = "vk_live_ECHOED_SECRET_7781";

const server = serverForTests();

/** Every way a user prints a value. */
function printed(value: unknown): string[] {
  const texts = [
    inspect(value),
    inspect(value, { depth: Infinity, showHidden: true }),
    JSON.stringify(value) ?? "",
    String(value),
  ];
  if (value instanceof Error) texts.push(value.message, String(value.stack), inspect(value.cause ?? null));
  return texts;
}

function expectNoSecret(value: unknown, secret = SECRET): void {
  for (const text of printed(value)) {
    expect(text).not.toContain(secret);
    expect(text).not.toContain(encodeURIComponent(secret));
  }
}

describe("a generated client", () => {
  it("does not show its credential in util.inspect or JSON.stringify", () => {
    const verifa = new VerifaClient({
      apiKey: SECRET,
      baseURL: server.url,
      defaultHeaders: { "X-Other": SECRET },
    });
    const stripe = new StripeIdentityClient({ apiKey: SECRET, baseURL: server.url });
    for (const client of [verifa, stripe, verifa.http, stripe.http, verifa.sessions]) expectNoSecret(client);
    expect(inspect(verifa)).toContain(server.url);
  });

  it("masks a key a 401 echoes in the message, stack, toJSON and inspect output; body stays raw", async () => {
    server.reply({
      status: 401,
      headers: { "x-request-id": "req_1", "x-echo": `key=${SECRET}` },
      body: { error: { message: `Invalid API key provided: ${SECRET}`, code: `bad_${SECRET}` } },
    });
    const client = new VerifaClient({ apiKey: SECRET, baseURL: server.url, maxRetries: 0 });
    const error = await rejection(client.sessions.update("ses_1", { external_ref: "x" }));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toBe("401 Invalid API key provided: [REDACTED]");
    expectNoSecret(error);
    expectNoSecret({ wrapped: [error] });
    expect(inspect(error)).toContain("[REDACTED]");
    // What the server sent is still there to read.
    expect((error as APIError).body).toEqual({
      error: { message: `Invalid API key provided: ${SECRET}`, code: `bad_${SECRET}` },
    });
    expect((error as APIError).headers["x-echo"]).toBe(`key=${SECRET}`);
  });

  it("masks a Basic credential echoed in any of its spellings", async () => {
    const basic = Buffer.from(`${SECRET}:`).toString("base64");
    server.reply({
      status: 401,
      body: `rejected ${basic} for ${SECRET}`,
      headers: { "content-type": "text/plain" },
    });
    const client = new StripeIdentityClient({ apiKey: SECRET, baseURL: server.url, maxRetries: 0 });
    const error = await rejection(client.identity.verificationSessions.retrieve("vs_1"));
    expectNoSecret(error);
    expectNoSecret(error, basic);
  });

  it("masks an echoed key in the response wrapper's printout; data stays raw", async () => {
    server.reply({ body: { id: "ses_1", echo: SECRET } });
    const client = new VerifaClient({ apiKey: SECRET, baseURL: server.url });
    const response = await client.sessions.update("ses_1", {}).withResponse();
    expect((response.data as { echo?: string }).echo).toBe(SECRET);
    expectNoSecret(response);
    expect(JSON.parse(JSON.stringify(response))).toMatchObject({ status: 200, data: { echo: "[REDACTED]" } });
  });
});

describe("HttpClient", () => {
  const op: OperationSpec = { method: "GET", path: "/v1/thing", security: [["key"]] };
  const http = (options: ConstructorParameters<typeof HttpClient>[0]["options"] = {}, baseURL = server.url) =>
    new HttpClient({
      baseURL,
      auth: { key: { type: "apiKey", in: "query", name: "api_key", value: SECRET } },
      options: { maxRetries: 0, ...options },
    });

  it("masks a token set by hand in defaultHeaders when the server echoes it", async () => {
    const token = "hand_set_bearer_token_5521";
    server.reply({ status: 403, body: { message: `token ${token} may not do this` } });
    const client = new HttpClient({
      baseURL: server.url,
      auth: {},
      options: { maxRetries: 0, defaultHeaders: { Authorization: `Bearer ${token}` } },
    });
    const error = await rejection(client.request({ method: "GET", path: "/x" }));
    expectNoSecret(error, token);
    expectNoSecret(client, token);
  });

  it("names a header with a value HTTP forbids without quoting the value", async () => {
    const broken = `Bearer ${SECRET}\nX-Injected: 1`;
    for (const options of [{ defaultHeaders: { Authorization: broken } }, {}]) {
      const error = await rejection(
        http(options).request(op, {}, { headers: options.defaultHeaders ? {} : { Authorization: broken } }),
      );
      expect(error).toBeInstanceOf(TypeError);
      expect(String(error)).toMatch(/Invalid header "Authorization"/);
      expectNoSecret(error);
    }
    expect(server.requests).toHaveLength(0);
  });

  it("keeps a connection error's cause free of the query key", async () => {
    const error = await rejection(http({}, `http://127.0.0.1:${await closedPort()}`).request(op));
    expect(error).toBeInstanceOf(APIConnectionError);
    expectNoSecret(error);
  });

  it("masks a credential in a RequestValidationError (message and errors)", async () => {
    const withValidator: OperationSpec = {
      ...op,
      validate: {
        query: () => ({
          ok: false,
          errors: [
            { pointer: "/q", keyword: "propertyNames", message: `property name "${SECRET}" is not allowed` },
          ],
        }),
      },
    };
    const error = await rejection(http().request(withValidator));
    expect(error).toBeInstanceOf(RequestValidationError);
    expectNoSecret(error);
    expect(server.requests).toHaveLength(0);
  });

  it("masks in an invalid-JSON error from a 2xx", async () => {
    server.reply({ body: `{"oops": "${SECRET}"`, headers: { "content-type": "application/json" } });
    const error = await rejection(http().request(op));
    expect(error).toBeInstanceOf(APIError);
    expectNoSecret(error);
  });
});
