// Params split and sent by own property only, against a real server on 127.0.0.1: a property named
// `__proto__` reaches the wire in every body and in the query, and names that Object.prototype has
// (`toString`, `valueOf`, `constructor`) are never read from it.
import { describe, expect, it } from "vitest";
import { HttpClient, type OperationSpec } from "../../templates/runtime/client.ts";
import { splitParams } from "../../templates/runtime/params.ts";
import { multipartParts, serverForTests } from "../runtime/server.ts";

const server = serverForTests();

const http = () => new HttpClient({ baseURL: server.url, auth: {}, options: { maxRetries: 0 } });

/** What a generated function does: split the params by the operation, then send them. */
function send(op: OperationSpec, params: Record<string, unknown>, path: Record<string, unknown> = {}) {
  const { query, headers, body } = splitParams(params, op);
  return http().request(op, { path, query, headers, body });
}

const withProto = () =>
  JSON.parse('{"__proto__": {"polluted": "yes"}, "name": "n"}') as Record<string, unknown>;

describe("a property named __proto__", () => {
  it.each([
    ["application/json", (body: Buffer) => body.toString(), '{"__proto__":{"polluted":"yes"},"name":"n"}'],
    [
      "application/x-www-form-urlencoded",
      (body: Buffer) => decodeURIComponent(body.toString()),
      "__proto__[polluted]=yes&name=n",
    ],
  ])("is sent in a %s body", async (mediaType, read, wire) => {
    await send({ method: "POST", path: "/b", body: { mediaType } }, withProto());
    expect(read(server.requests[0]?.body ?? Buffer.alloc(0))).toBe(wire);
  });

  it("is sent in a multipart body", async () => {
    await send({ method: "POST", path: "/b", body: { mediaType: "multipart/form-data" } }, withProto());
    const request = server.requests[0];
    const parts = multipartParts(request?.body ?? Buffer.alloc(0), String(request?.headers["content-type"]));
    expect(parts.map((p) => [p.name, p.value])).toEqual([
      ["__proto__[polluted]", "yes"],
      ["name", "n"],
    ]);
  });

  it("is sent as a query parameter and a header parameter", async () => {
    const op: OperationSpec = {
      method: "GET",
      path: "/q",
      query: [{ name: "__proto__" }],
      headers: ["__proto__"],
    };
    const { query, headers } = splitParams(JSON.parse('{"__proto__": "p"}') as Record<string, unknown>, op);
    expect(Object.keys(query ?? {})).toEqual(["__proto__"]);
    expect(Object.keys(headers ?? {})).toEqual([]);
    await http().request(op, { query });
    expect(server.requests[0]?.target).toBe("/q?__proto__=p");
  });

  it("is sent as a wrapped (non-object) body", async () => {
    const op: OperationSpec = {
      method: "PUT",
      path: "/w",
      body: { mediaType: "application/json", wrapped: true },
    };
    await send(op, { body: ["a"] });
    expect(server.requests[0]?.body.toString()).toBe('["a"]');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("names Object.prototype has", () => {
  it("are never read from it: a declared parameter not given is not sent", async () => {
    const op: OperationSpec = {
      method: "GET",
      path: "/q",
      query: [{ name: "limit" }, { name: "toString" }, { name: "valueOf" }, { name: "constructor" }],
      headers: ["X-Mode", "hasOwnProperty", "toLocaleString"],
    };
    await send(op, { limit: 1, "X-Mode": "m" });
    const request = server.requests[0];
    expect(request?.target).toBe("/q?limit=1");
    expect(request?.headers["x-mode"]).toBe("m");
    expect(JSON.stringify(request?.headers)).not.toContain("native code");
  });

  it("a path parameter named constructor that is missing is an error, not a function's text", async () => {
    await expect(http().request({ method: "GET", path: "/p/{constructor}" }, { path: {} })).rejects.toThrow(
      /Missing required path parameter "constructor"/,
    );
    expect(server.requests).toHaveLength(0);
  });

  it("a security requirement naming toString with no such scheme is missing credentials", async () => {
    const request = http().request({ method: "GET", path: "/s", security: [["toString"]] });
    await expect(request).rejects.toThrow(/Missing credentials/);
    expect(server.requests).toHaveLength(0);
  });
});
