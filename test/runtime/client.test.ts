// HttpClient against a real HTTP server on 127.0.0.1: what goes on the wire (URL, headers, body bytes),
// auth, retries, timeouts, aborts, connection failures, error parsing and credential hygiene.
import { inspect } from "node:util";
import { beforeEach, describe, expect, it } from "vitest";
import {
  HttpClient,
  type AuthConfig,
  type ClientOptions,
  type OperationSpec,
} from "../../templates/runtime/client.ts";
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  InternalServerError,
  NotFoundError,
  RateLimitError,
} from "../../templates/runtime/errors.ts";
import { closedPort, multipartParts, serverForTests, startServer, type TestServer } from "./server.ts";

const server = serverForTests();

/** A client whose retry waits are recorded instead of slept. */
function client(
  config: { auth?: Record<string, AuthConfig | undefined>; options?: ClientOptions; baseURL?: string } = {},
) {
  const sleeps: number[] = [];
  const http = new HttpClient({
    baseURL: config.baseURL ?? server.url,
    auth: config.auth ?? {},
    options: config.options ?? {},
    userAgent: "test-sdk/1.0.0",
    retryTiming: {
      sleep: async (ms) => void sleeps.push(ms),
      random: () => 0,
    },
  });
  return { http, sleeps };
}

const getItem: OperationSpec = { method: "GET", path: "/v1/items/{id}", security: [] };

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

describe("request encoding on the wire", () => {
  it("encodes a Stripe-style form body", async () => {
    const { http } = client();
    const op: OperationSpec = {
      method: "POST",
      path: "/v1/identity/verification_sessions",
      body: { mediaType: "application/x-www-form-urlencoded" },
    };
    await http.request(op, {
      body: {
        type: "document",
        options: { document: { allowed_types: ["passport", "id_card"], require_matching_selfie: true } },
        metadata: {},
        description: "",
        return_url: "https://example.com/done?x=1",
      },
    });
    const [req] = server.requests;
    expect(req?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(req?.body.toString()).toBe(
      "type=document&options[document][allowed_types][0]=passport&options[document][allowed_types][1]=id_card" +
        "&options[document][require_matching_selfie]=true&description=&return_url=https%3A%2F%2Fexample.com%2Fdone%3Fx%3D1",
    );
    const parsed = new URLSearchParams(req?.body.toString());
    expect(parsed.get("options[document][allowed_types][1]")).toBe("id_card");
    expect(parsed.get("description")).toBe("");
  });

  it("sends JSON bodies with their media type", async () => {
    const { http } = client();
    const op: OperationSpec = { method: "PUT", path: "/items", body: { mediaType: "application/json" } };
    await http.request(op, { body: { name: "ü", tags: ["a"] } });
    const [req] = server.requests;
    expect(req?.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(req?.body.toString() ?? "")).toEqual({ name: "ü", tags: ["a"] });
  });

  it("sends text and bytes as they are", async () => {
    const { http } = client();
    await http.request({ method: "POST", path: "/t", body: { mediaType: "text/plain" } }, { body: "hello" });
    await http.request(
      { method: "PUT", path: "/b", body: { mediaType: "application/octet-stream" } },
      { body: new Uint8Array([0, 255, 1]) },
    );
    expect(server.requests[0]?.body.toString()).toBe("hello");
    expect(server.requests[0]?.headers["content-type"]).toBe("text/plain");
    expect([...(server.requests[1]?.body ?? [])]).toEqual([0, 255, 1]);
    expect(server.requests[1]?.headers["content-type"]).toBe("application/octet-stream");
  });

  it("sends multipart with a Blob as a file part", async () => {
    const { http } = client();
    const op: OperationSpec = {
      method: "POST",
      path: "/v1/files",
      body: { mediaType: "multipart/form-data" },
    };
    const file = new File(["%PDF-1.4 fake"], "id.pdf", { type: "application/pdf" });
    await http.request(op, {
      body: { purpose: "identity_document", file, file_link_data: { create: true }, blob: new Blob(["raw"]) },
    });
    const [req] = server.requests;
    const contentType = String(req?.headers["content-type"]);
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
    const parts = multipartParts(req?.body ?? Buffer.alloc(0), contentType);
    expect(parts.map((p) => p.name)).toEqual(["purpose", "file", "file_link_data[create]", "blob"]);
    expect(parts[1]).toMatchObject({ filename: "id.pdf", type: "application/pdf", value: "%PDF-1.4 fake" });
    expect(parts[2]?.value).toBe("true");
    expect(parts[3]?.filename).toBe("blob");
  });

  it("builds query strings per parameter style", async () => {
    const { http } = client();
    const op: OperationSpec = {
      method: "GET",
      path: "/v1/search",
      query: [
        { name: "ids", explode: false },
        { name: "tag" },
        { name: "created", style: "deepObject", explode: true },
        { name: "expand", style: "deepObject", explode: true },
        { name: "sizes", style: "pipeDelimited" },
        { name: "limit" },
      ],
    };
    await http.request(op, {
      query: {
        ids: [1, 2],
        tag: ["a b", "c"],
        created: { gte: 10, lt: 20 },
        expand: ["data.customer"],
        sizes: ["s", "m"],
        limit: undefined,
      },
    });
    expect(server.requests[0]?.path).toBe("/v1/search");
    expect(server.requests[0]?.query).toBe(
      "ids=1,2&tag=a%20b&tag=c&created[gte]=10&created[lt]=20&expand[0]=data.customer&sizes=s|m",
    );
  });

  it("encodes path parameters: / stays inside the segment, .. cannot traverse", async () => {
    const { http } = client({ baseURL: `${server.url}/api/` });
    await http.request(getItem, { path: { id: "a/b" } });
    await http.request(getItem, { path: { id: "../../admin" } });
    expect(server.requests.map((r) => r.path)).toEqual([
      "/api/v1/items/a%2Fb",
      "/api/v1/items/..%2F..%2Fadmin",
    ]);
    await expect(http.request(getItem, { path: { id: ".." } })).rejects.toThrow(TypeError);
    await expect(http.request(getItem, { path: {} })).rejects.toThrow(/Missing required path parameter "id"/);
    expect(server.requests).toHaveLength(2);
  });

  it("merges default, parameter and per-request headers; null removes one", async () => {
    const { http } = client({ options: { defaultHeaders: { "X-Team": "core", "X-Trace": "on" } } });
    const op: OperationSpec = { method: "GET", path: "/h", headers: ["X-Tenant", "X-Unused"] };
    await http.request(
      op,
      { headers: { "X-Tenant": "t1", "X-Unused": undefined } },
      { headers: { "X-Trace": null, "X-Extra": "1" } },
    );
    const headers = server.requests[0]?.headers ?? {};
    expect(headers["x-team"]).toBe("core");
    expect(headers["x-tenant"]).toBe("t1");
    expect(headers["x-extra"]).toBe("1");
    expect(headers["x-trace"]).toBeUndefined();
    expect(headers["x-unused"]).toBeUndefined();
    expect(headers["accept"]).toBe("application/json");
    expect(headers["user-agent"]).toBe("test-sdk/1.0.0");
  });
});

describe("auth", () => {
  const auth: Record<string, AuthConfig | undefined> = {
    basicAuth: { type: "basic", username: "sk_test_123" },
    utf8Basic: { type: "basic", username: "jürgen", password: "pässwörd" },
    bearerAuth: { type: "bearer", token: "tok_abc" },
    headerKey: { type: "apiKey", in: "header", name: "X-API-Key", value: "key_h" },
    queryKey: { type: "apiKey", in: "query", name: "api_key", value: "key q&" },
    cookieKey: { type: "apiKey", in: "cookie", name: "session", value: "key_c" },
    missing: undefined,
  };
  const op = (security: string[][]): OperationSpec => ({ method: "GET", path: "/me", security });

  it("basic with an empty password", async () => {
    await client({ auth }).http.request(op([["basicAuth"]]));
    expect(server.requests[0]?.headers.authorization).toBe(
      `Basic ${Buffer.from("sk_test_123:").toString("base64")}`,
    );
  });

  it("basic with UTF-8 credentials", async () => {
    await client({ auth }).http.request(op([["utf8Basic"]]));
    const encoded = server.requests[0]?.headers.authorization?.replace("Basic ", "") ?? "";
    expect(Buffer.from(encoded, "base64").toString("utf8")).toBe("jürgen:pässwörd");
  });

  it("bearer", async () => {
    await client({ auth }).http.request(op([["bearerAuth"]]));
    expect(server.requests[0]?.headers.authorization).toBe("Bearer tok_abc");
  });

  it("apiKey in a header, the query and a cookie", async () => {
    const { http } = client({ auth });
    await http.request(op([["headerKey"]]));
    await http.request({ ...op([["queryKey"]]), query: [{ name: "limit" }] }, { query: { limit: 3 } });
    await http.request(op([["cookieKey"]]));
    expect(server.requests[0]?.headers["x-api-key"]).toBe("key_h");
    expect(server.requests[1]?.query).toBe("limit=3&api_key=key%20q%26");
    expect(server.requests[2]?.headers.cookie).toBe("session=key_c");
  });

  it("a cookie key joins the cookies the client sends", async () => {
    const { http } = client({ auth, options: { defaultHeaders: { Cookie: "theme=dark" } } });
    await http.request(op([["cookieKey"]]));
    expect(server.requests[0]?.headers.cookie).toBe("theme=dark; session=key_c");
  });

  it("uses the first satisfiable security group, and none for []", async () => {
    const { http } = client({ auth });
    await http.request(op([["missing"], ["bearerAuth", "headerKey"]]));
    await http.request(op([]));
    expect(server.requests[0]?.headers.authorization).toBe("Bearer tok_abc");
    expect(server.requests[0]?.headers["x-api-key"]).toBe("key_h");
    expect(server.requests[1]?.headers.authorization).toBeUndefined();
  });

  it("fails before sending when required credentials are missing", async () => {
    const error = await rejection(client({ auth }).http.request(op([["missing"]])));
    expect(String(error)).toMatch(/Missing credentials: this operation needs the "missing" credential/);
    expect(server.requests).toHaveLength(0);
  });
});

describe("responses", () => {
  it("parses JSON, text, 204 and HEAD", async () => {
    const { http } = client();
    server.reply(
      {
        body: { id: "it_1" },
        headers: { "request-id": "req_1", "content-type": "application/json; charset=utf-8" },
      },
      { body: "plain", headers: { "content-type": "text/plain" } },
      { status: 204 },
      { headers: { "x-count": "3" } },
    );
    const json = await http.request(getItem, { path: { id: "it_1" } });
    expect(json).toMatchObject({ status: 200, data: { id: "it_1" }, requestId: "req_1" });
    expect((await http.request(getItem, { path: { id: "x" } })).data).toBe("plain");
    expect((await http.request({ method: "DELETE", path: "/x" })).data).toBeUndefined();
    const head = await http.request({ method: "HEAD", path: "/x" });
    expect(head.data).toBeUndefined();
    expect(head.headers.get("x-count")).toBe("3");
  });

  it("turns error bodies into typed errors with code, message and request id", async () => {
    const { http } = client({ options: { maxRetries: 0 } });
    server.reply({
      status: 404,
      headers: { "request-id": "req_404" },
      body: {
        error: { message: "No such item: 'it_9'", code: "resource_missing", type: "invalid_request_error" },
      },
    });
    const error = await rejection(http.request(getItem, { path: { id: "it_9" } }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      status: 404,
      code: "resource_missing",
      type: "invalid_request_error",
      requestId: "req_404",
      message: "404 No such item: 'it_9'",
    });
    expect((error as APIError).headers["request-id"]).toBe("req_404");
  });
});

describe("retries", () => {
  it("retries a 503 and honours Retry-After", async () => {
    const { http, sleeps } = client();
    server.reply({ status: 503, headers: { "retry-after": "2" } }, { body: { id: "it_1" } });
    const response = await http.request(getItem, { path: { id: "it_1" } });
    expect(response.data).toEqual({ id: "it_1" });
    expect(server.requests).toHaveLength(2);
    expect(sleeps).toEqual([2000]);
  });

  it("really waits retry-after-ms with the built-in sleep", async () => {
    const http = new HttpClient({ baseURL: server.url, auth: {} });
    server.reply({ status: 500, headers: { "retry-after-ms": "30" } });
    const started = Date.now();
    await http.request(getItem, { path: { id: "x" } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    expect(server.requests).toHaveLength(2);
  });

  it("backs off exponentially without Retry-After", async () => {
    const { http, sleeps } = client();
    server.reply({ status: 502 }, { status: 500 });
    await http.request(getItem, { path: { id: "x" } });
    expect(sleeps).toEqual([500, 1000]);
  });

  it("does not retry a POST without an idempotency key", async () => {
    const { http, sleeps } = client();
    server.reply({ status: 503, body: { message: "busy" } });
    const error = await rejection(http.request({ method: "POST", path: "/v1/charges" }, { body: undefined }));
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as APIError).message).toBe("503 busy");
    expect(server.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it("retries a POST with the automatic idempotency key, same key on every attempt", async () => {
    const { http } = client();
    const op: OperationSpec = {
      method: "POST",
      path: "/v1/charges",
      body: { mediaType: "application/x-www-form-urlencoded" },
      idempotencyHeader: "Idempotency-Key",
    };
    server.reply({ status: 500 });
    await http.request(op, { body: { amount: 100 } });
    expect(server.requests).toHaveLength(2);
    const keys = server.requests.map((r) => r.headers["idempotency-key"]);
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(server.requests[1]?.body.toString()).toBe("amount=100");
  });

  it("uses the caller's idempotency key", async () => {
    const { http } = client();
    const op: OperationSpec = { method: "POST", path: "/v1/charges", idempotencyHeader: "Idempotency-Key" };
    await http.request(op, {}, { idempotencyKey: "mine-1" });
    expect(server.requests[0]?.headers["idempotency-key"]).toBe("mine-1");
  });

  it("gives up with RateLimitError after maxRetries", async () => {
    const { http, sleeps } = client({ options: { maxRetries: 2 } });
    server.handle(() => ({
      status: 429,
      headers: { "retry-after-ms": "5" },
      body: { message: "slow down" },
    }));
    const error = await rejection(http.request(getItem, { path: { id: "x" } }));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(server.requests).toHaveLength(3);
    expect(sleeps).toEqual([5, 5]);
  });

  it("follows x-should-retry: false", async () => {
    const { http } = client();
    server.reply({ status: 503, headers: { "x-should-retry": "false" } });
    await expect(http.request(getItem, { path: { id: "x" } })).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(1);
  });
});

describe("timeouts, aborts and connection failures", () => {
  // Each test here gets its own server and counts attempts at the client's fetch: a request the client
  // gave up on may reach a server late (on a busy machine, after the next test started), so neither the
  // shared server's log nor the timing of its arrival says how many attempts the client made.
  let own: TestServer;
  beforeEach(async () => {
    own = await startServer();
    return () => own.close();
  });
  /** The global fetch, counting calls. */
  function countingFetch(): { fetch: typeof fetch; calls: () => number } {
    let calls = 0;
    const counted = ((input: string | URL | Request, init?: RequestInit) => {
      calls++;
      return fetch(input, init);
    }) as typeof fetch;
    return { fetch: counted, calls: () => calls };
  }
  /** Never answers while the test runs (the server's close ends the connection). */
  const silent = () => ({ delayMs: 600_000 });

  it("times out each attempt with APIConnectionTimeoutError", async () => {
    const counted = countingFetch();
    const { http, sleeps } = client({
      baseURL: own.url,
      options: { timeout: 40, maxRetries: 1, fetch: counted.fetch },
    });
    own.handle(silent);
    const error = await rejection(http.request(getItem, { path: { id: "x" } }));
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(counted.calls()).toBe(2);
    expect(sleeps).toHaveLength(1);
  });

  it("a per-request timeout overrides the client's", async () => {
    const { http } = client({ baseURL: own.url, options: { timeout: 600_000, maxRetries: 0 } });
    own.handle(silent);
    await expect(http.request(getItem, { path: { id: "x" } }, { timeout: 30 })).rejects.toBeInstanceOf(
      APIConnectionTimeoutError,
    );
  });

  it("throws APIUserAbortError when the caller aborts, without retrying", async () => {
    const counted = countingFetch();
    const { http } = client({ baseURL: own.url, options: { fetch: counted.fetch } });
    const controller = new AbortController();
    // Abort once the request is on the server, whatever the machine's speed.
    own.handle(() => {
      controller.abort();
      return silent();
    });
    const error = await rejection(
      http.request(getItem, { path: { id: "x" } }, { signal: controller.signal }),
    );
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(counted.calls()).toBe(1);
    expect(own.requests).toHaveLength(1);
  });

  it("an already aborted signal sends nothing", async () => {
    const { http } = client();
    await expect(
      http.request(getItem, { path: { id: "x" } }, { signal: AbortSignal.abort() }),
    ).rejects.toBeInstanceOf(APIUserAbortError);
    expect(server.requests).toHaveLength(0);
  });

  it("connection refused -> APIConnectionError with the cause, after retries", async () => {
    const port = await closedPort();
    const { http, sleeps } = client({ baseURL: `http://127.0.0.1:${port}` });
    const error = await rejection(http.request(getItem, { path: { id: "x" } }));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).not.toBeInstanceOf(APIConnectionTimeoutError);
    expect((error as APIConnectionError).cause).toBeInstanceOf(Error);
    expect(sleeps).toHaveLength(2);
  });
});

describe("credentials never leak into errors", () => {
  const secret = "sk_live_SUPERSECRET42";
  const auth: Record<string, AuthConfig> = {
    queryKey: { type: "apiKey", in: "query", name: "api_key", value: secret },
    headerKey: { type: "apiKey", in: "header", name: "X-API-Key", value: secret },
    bearer: { type: "bearer", token: secret },
  };
  const op: OperationSpec = {
    method: "GET",
    path: "/v1/secret",
    security: [["queryKey", "headerKey", "bearer"]],
  };

  function expectClean(error: unknown): void {
    expect(error).toBeInstanceOf(APIError);
    const texts = [
      String(error),
      JSON.stringify(error),
      (error as Error).message,
      String((error as Error).stack),
      inspect(error, { depth: 10, showHidden: true }),
    ];
    for (const text of texts) expect(text).not.toContain(secret);
  }

  it("on an error response", async () => {
    const { http } = client({ auth, options: { maxRetries: 0 } });
    server.reply({ status: 401, body: { error: { message: "Invalid API key provided" } } });
    const error = await rejection(http.request(op));
    expect(server.requests[0]?.query).toBe(`api_key=${secret}`);
    expectClean(error);
  });

  it("on a connection failure", async () => {
    const port = await closedPort();
    const { http } = client({ auth, baseURL: `http://127.0.0.1:${port}`, options: { maxRetries: 0 } });
    expectClean(await rejection(http.request(op)));
  });

  it("when a custom fetch quotes the URL in its error", async () => {
    const leakyFetch = (async (input: string | URL | Request) => {
      const error = new TypeError(`could not reach ${String(input)}`) as TypeError & { url?: string };
      error.url = String(input);
      throw error;
    }) as typeof fetch;
    const { http } = client({ auth, options: { maxRetries: 0, fetch: leakyFetch } });
    const error = await rejection(http.request(op));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(String((error as Error).cause)).toContain("[REDACTED]");
    expectClean(error);
  });

  it("on a timeout", async () => {
    // Its own server: the abandoned request must not reach the shared one during a later test.
    const own = await startServer();
    try {
      own.handle(() => ({ delayMs: 600_000 }));
      const { http } = client({ auth, baseURL: own.url, options: { maxRetries: 0, timeout: 20 } });
      expectClean(await rejection(http.request(op)));
    } finally {
      await own.close();
    }
  });
});
