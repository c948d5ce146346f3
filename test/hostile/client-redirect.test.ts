// Redirects against real servers on 127.0.0.1: the API's server and a foreign one (another port, so another
// origin). No credential of any kind (auth headers, API-key headers, query keys, cookies, headers set by
// hand that hold a credential) reaches the foreign origin; fetch's method rules, the hop limit and loops.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { HttpClient, type AuthConfig, type OperationSpec } from "../../templates/runtime/client.ts";
import { APIError, RedirectError } from "../../templates/runtime/errors.ts";
import { startServer, type Recorded, type TestServer } from "../runtime/server.ts";
import { rejection } from "./rejection.ts";

const SECRET = "sk_live_REDIRECTSECRET42";
const auth: Record<string, AuthConfig> = {
  headerKey: { type: "apiKey", in: "header", name: "X-API-Key", value: SECRET },
  queryKey: { type: "apiKey", in: "query", name: "api_key", value: SECRET },
  cookieKey: { type: "apiKey", in: "cookie", name: "session", value: SECRET },
  bearer: { type: "bearer", token: SECRET },
};
const everyScheme = [["headerKey", "queryKey", "cookieKey", "bearer"]];

let api: TestServer;
let foreign: TestServer;
let declared: TestServer;
beforeAll(async () => {
  [api, foreign, declared] = await Promise.all([startServer(), startServer(), startServer()]);
});
afterAll(() => Promise.all([api.close(), foreign.close(), declared.close()]));
beforeEach(() => {
  for (const server of [api, foreign, declared]) {
    server.requests.length = 0;
    server.handle(() => ({ body: { ok: true } }));
  }
});

function client(options: ConstructorParameters<typeof HttpClient>[0]["options"] = {}) {
  return new HttpClient({
    baseURL: api.url,
    auth,
    options: { maxRetries: 2, ...options },
    servers: [declared.url, "/relative/servers/resolve/against/the/base"],
    credentialParameters: [{ in: "header", name: "X-Unconfigured-Key" }],
    retryTiming: { sleep: async () => undefined },
  });
}

/** Every text of a request as it arrived: target, header names and values, body. */
function wireText(request: Recorded | undefined): string {
  return JSON.stringify([request?.target, request?.headers, request?.body.toString()]);
}

describe("a redirect to another origin", () => {
  it("goes there without any credential, keeping the headers that carry none", async () => {
    api.reply({ status: 302, headers: { location: `${foreign.url}/landing?page=2` } });
    const response = await client({
      defaultHeaders: { "X-Team": SECRET, "X-Trace": "on", Cookie: "theme=dark" },
    }).request(
      { method: "GET", path: "/v1/me", security: everyScheme },
      {},
      { headers: { "X-Auth-Token": "hand-set-token-1234", "X-Unconfigured-Key": "by-hand-9876" } },
    );
    expect(response.data).toEqual({ ok: true });
    // The API got every credential...
    const first = api.requests[0];
    expect(first?.headers["x-api-key"]).toBe(SECRET);
    expect(first?.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(first?.headers.cookie).toBe(`theme=dark; session=${SECRET}`);
    expect(first?.query).toBe(`api_key=${SECRET}`);
    // ...the foreign origin none of them.
    expect(foreign.requests).toHaveLength(1);
    const hop = foreign.requests[0];
    expect(hop?.target).toBe("/landing?page=2");
    expect(wireText(hop)).not.toContain(SECRET);
    for (const name of [
      "x-api-key",
      "authorization",
      "cookie",
      "x-team",
      "x-auth-token",
      "x-unconfigured-key",
    ])
      expect(hop?.headers[name]).toBeUndefined();
    expect(hop?.headers["x-trace"]).toBe("on");
    expect(hop?.headers.accept).toBe("application/json");
  });

  it("removes the key from a Location that copied the query, and keeps the rest byte for byte", async () => {
    api.reply({
      status: 301,
      headers: { location: `${foreign.url}/moved?api_key=${SECRET}&page=2&q=a%20b` },
    });
    await client().request({ method: "GET", path: "/v1/list", security: everyScheme });
    expect(foreign.requests[0]?.path).toBe("/moved");
    expect(new URLSearchParams(foreign.requests[0]?.query).toString()).toBe("page=2&q=a+b");
    expect(wireText(foreign.requests[0])).not.toContain(SECRET);
  });

  it("removes any query parameter whose value holds a credential, under any name", async () => {
    api.reply({
      status: 302,
      headers: { location: `${foreign.url}/x?token=${encodeURIComponent(SECRET)}&a=1` },
    });
    await client().request({ method: "GET", path: "/v1/list", security: everyScheme });
    expect(foreign.requests[0]?.query).toBe("a=1");
  });

  it("is refused when the credential is in the Location's path, and nothing goes there", async () => {
    api.reply({ status: 307, headers: { location: `${foreign.url}/keys/${SECRET}` } });
    const error = await rejection(client().request({ method: "GET", path: "/v1/me", security: everyScheme }));
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toBeInstanceOf(APIError);
    expect(String(error)).toMatch(/Redirect not followed: .*another origin/);
    expect(String(error)).not.toContain(SECRET);
    expect(foreign.requests).toHaveLength(0);
    // A refused redirect is final: not retried.
    expect(api.requests).toHaveLength(1);
  });

  it("stays without credentials when a later hop comes back to the API", async () => {
    api.reply({ status: 302, headers: { location: `${foreign.url}/bounce` } });
    foreign.reply({ status: 302, headers: { location: `${api.url}/v1/back` } });
    await client().request({ method: "GET", path: "/v1/me", security: everyScheme });
    expect(api.requests.map((r) => r.path)).toEqual(["/v1/me", "/v1/back"]);
    expect(wireText(api.requests[1])).not.toContain(SECRET);
  });

  it("goes with the credentials to the API's own origins: the base URL's and the spec's servers", async () => {
    api.reply(
      { status: 308, headers: { location: "/v2/me" } },
      { status: 307, headers: { location: `${declared.url}/v2/me` } },
    );
    await client().request({ method: "GET", path: "/v1/me", security: everyScheme });
    expect(api.requests[1]?.path).toBe("/v2/me");
    expect(api.requests[1]?.headers["x-api-key"]).toBe(SECRET);
    expect(declared.requests[0]?.headers["x-api-key"]).toBe(SECRET);
    expect(declared.requests[0]?.headers.authorization).toBe(`Bearer ${SECRET}`);
  });
});

describe("fetch's method rules", () => {
  const cases = [
    { status: 301, method: "POST", then: "GET", body: false },
    { status: 302, method: "POST", then: "GET", body: false },
    { status: 303, method: "PUT", then: "GET", body: false },
    { status: 307, method: "POST", then: "POST", body: true },
    { status: 308, method: "PATCH", then: "PATCH", body: true },
    { status: 301, method: "PUT", then: "PUT", body: true },
  ] as const;
  it.each(cases)("$status after $method -> $then", async ({ status, method, then, body }) => {
    api.reply({ status, headers: { location: "/next" } });
    const op: OperationSpec = { method, path: "/start", body: { mediaType: "application/json" } };
    await client({ maxRetries: 0 }).request(op, { body: { amount: 1 } });
    const hop = api.requests[1];
    expect(hop?.method).toBe(then);
    expect(hop?.body.toString()).toBe(body ? '{"amount":1}' : "");
    expect(hop?.headers["content-type"]).toBe(body ? "application/json" : undefined);
  });

  it("303 after HEAD stays HEAD", async () => {
    api.reply({ status: 303, headers: { location: "/other" } });
    await client().request({ method: "HEAD", path: "/h" });
    expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["HEAD /h", "HEAD /other"]);
  });
});

describe("limits", () => {
  it("a loop is a RedirectError, sent once per URL and not retried", async () => {
    api.handle((request) => ({
      status: 302,
      headers: { location: request.path === "/a" ? "/b" : "/a" },
    }));
    const error = await rejection(client().request({ method: "GET", path: "/a" }));
    expect(error).toBeInstanceOf(RedirectError);
    expect(String(error)).toMatch(/loop/);
    expect(api.requests.map((r) => r.path)).toEqual(["/a", "/b"]);
  });

  it("20 redirects are followed, the 21st is a RedirectError", async () => {
    const hop = (n: number) => ({ status: 302, headers: { location: `/hop/${n}` } });
    api.reply(...Array.from({ length: 20 }, (_, i) => hop(i + 1)));
    expect((await client().request({ method: "GET", path: "/hop/0" })).data).toEqual({ ok: true });
    expect(api.requests).toHaveLength(21);
    api.requests.length = 0;
    api.handle((request) => hop(Number(request.path.split("/").pop()) + 1));
    const error = await rejection(client().request({ method: "GET", path: "/hop/0" }));
    expect(error).toBeInstanceOf(RedirectError);
    expect(String(error)).toMatch(/more than 20 redirects/);
    expect(api.requests).toHaveLength(21);
  });

  it("a Location that is not http(s) is a RedirectError", async () => {
    api.reply({ status: 302, headers: { location: "file:///etc/passwd" } });
    await expect(client().request({ method: "GET", path: "/f" })).rejects.toBeInstanceOf(RedirectError);
  });
});

describe("where fetch hides redirects (browsers: an opaque redirect)", () => {
  /** A fetch stand-in that answers a manual redirect as browsers do, and records what it was asked. */
  function opaqueFetch() {
    const calls: { url: string; redirect: RequestInit["redirect"] }[] = [];
    const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
      calls.push({ url: String(input), redirect: init?.redirect });
      if (init?.redirect === "manual") {
        const response = new Response(null, { status: 200 });
        Object.defineProperty(response, "type", { value: "opaqueredirect" });
        Object.defineProperty(response, "status", { value: 0 });
        return response;
      }
      return Response.json({ followed: true });
    }) as typeof fetch;
    return { fetchImpl, calls };
  }

  it("a request that carries a credential fails with RedirectError, sent once", async () => {
    const { fetchImpl, calls } = opaqueFetch();
    const error = await rejection(
      client({ fetch: fetchImpl }).request({ method: "GET", path: "/v1/me", security: [["headerKey"]] }),
    );
    expect(error).toBeInstanceOf(RedirectError);
    expect(String(error)).toMatch(/opaque/);
    expect(calls).toHaveLength(1);
  });

  it("so does one with a credential header set by hand", async () => {
    const { fetchImpl } = opaqueFetch();
    const request = client({ fetch: fetchImpl, defaultHeaders: { Authorization: "Basic abcdefgh" } }).request(
      {
        method: "GET",
        path: "/public",
      },
    );
    await expect(request).rejects.toBeInstanceOf(RedirectError);
  });

  it("a GET without credentials is left to fetch to follow", async () => {
    const { fetchImpl, calls } = opaqueFetch();
    const response = await client({ fetch: fetchImpl }).request({ method: "GET", path: "/public" });
    expect(response.data).toEqual({ followed: true });
    expect(calls.map((c) => c.redirect)).toEqual(["manual", "follow"]);
  });

  it("a POST without credentials is not sent twice", async () => {
    const { fetchImpl, calls } = opaqueFetch();
    await expect(
      client({ fetch: fetchImpl }).request({ method: "POST", path: "/public" }),
    ).rejects.toBeInstanceOf(RedirectError);
    expect(calls).toHaveLength(1);
  });
});
