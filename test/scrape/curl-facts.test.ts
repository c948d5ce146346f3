// The facts every extractor reads from a request example: security, the body's media type, the server.
import { describe, expect, it } from "vitest";
import {
  formPairs,
  isCredentialHeader,
  mediaTypeOf,
  requestMediaType,
  securityFromCurl,
  securityFromHeader,
} from "../../scripts/scrape/curl-facts.ts";
import { parseCurl, type CurlCommand } from "../../scripts/scrape/text.ts";
import { serverBeforePath, serverOfUrl } from "../../scripts/scrape/read/servers.ts";

function curl(command: string): CurlCommand {
  const parsed = parseCurl(command);
  if (!parsed) throw new Error(`not a curl command: ${command}`);
  return parsed;
}

describe("securityFromHeader", () => {
  it.each([
    ["Authorization", "Bearer sk_test_123", { type: "http", scheme: "bearer" }],
    ["authorization", "bearer $TOKEN", { type: "http", scheme: "bearer" }],
    ["Authorization", "Basic dXNlcjpwYXNz", { type: "http", scheme: "basic" }],
    ["Authorization", "sk_live_123", { type: "apiKey", in: "header", name: "Authorization" }],
    ["X-API-Key", "<apiKey>", { type: "apiKey", in: "header", name: "X-API-Key" }],
    ["X-Access-Token", "t", { type: "apiKey", in: "header", name: "X-Access-Token" }],
    ["X-Client-Secret", "s", { type: "apiKey", in: "header", name: "X-Client-Secret" }],
    ["Idempotency-Key", "3f1c9e", undefined],
    ["X-Idempotency-Key", "3f1c9e", undefined],
    ["Content-Type", "application/json", undefined],
    ["Accept", "application/json", undefined],
    ["Stripe-Version", "2024-01-01", undefined],
  ])("%s: %s", (name, value, want) => {
    expect(securityFromHeader(name, value)).toEqual(want);
  });

  it("counts key, token, auth and secret headers as credentials, but not idempotency keys", () => {
    expect(isCredentialHeader("X-Parcel-Key")).toBe(true);
    expect(isCredentialHeader("Idempotency-Key")).toBe(false);
    expect(isCredentialHeader("User-Agent")).toBe(false);
  });
});

describe("securityFromCurl", () => {
  it("reads -u as HTTP basic", () => {
    expect(securityFromCurl(curl("curl https://api.stripe.com/v1/items -u sk_test_123:"))).toEqual([
      { type: "http", scheme: "basic" },
    ]);
  });

  it("reads credential headers in order, after -u, each scheme once", () => {
    const command = curl(
      `curl https://api.x.com/v1/items -u key: -H "Authorization: Basic a2V5Og==" -H "X-Api-Key: k" -H "Idempotency-Key: 1"`,
    );
    expect(securityFromCurl(command)).toEqual([
      { type: "http", scheme: "basic" },
      { type: "apiKey", in: "header", name: "X-Api-Key" },
    ]);
  });

  it("reads a key in the query string as an API key in the query", () => {
    expect(securityFromCurl(curl("curl 'https://api.x.com/v1/items?api_key=abc&limit=3'"))).toEqual([
      { type: "apiKey", in: "query", name: "api_key" },
    ]);
  });

  it("finds nothing in a command without credentials", () => {
    expect(securityFromCurl(curl(`curl https://api.x.com/v1/items -H "Accept: application/json"`))).toEqual(
      [],
    );
  });
});

describe("mediaTypeOf", () => {
  it.each([
    ["application/json", "application/json"],
    ["Application/JSON; charset=utf-8", "application/json"],
    ["multipart/form-data; boundary=xyz", "multipart/form-data"],
    ["application/json, text/plain", "application/json"],
    ["*/*", undefined],
    ["json", undefined],
  ])("%s", (value, want) => {
    expect(mediaTypeOf(value)).toBe(want);
  });
});

describe("requestMediaType", () => {
  it.each([
    [`curl https://x.io/v1/a -H "Content-Type: application/json; charset=utf-8" -d a=1`, "application/json"],
    [`curl https://x.io/v1/a -d '{"a": 1}'`, "application/json"],
    ["curl https://x.io/v1/a -d a=1 -d b=2", "application/x-www-form-urlencoded"],
    ["curl https://x.io/v1/a -F file=@id.png", "multipart/form-data"],
    ["curl -G https://x.io/v1/a -d limit=3", undefined],
    ["curl https://x.io/v1/a", undefined],
  ])("%s", (command, want) => {
    expect(requestMediaType(curl(command))).toBe(want);
  });

  it("takes a stated Content-Type even when the command sends no data", () => {
    expect(requestMediaType(curl(`curl -X POST https://x.io/v1/a -H "Content-Type: application/json"`))).toBe(
      "application/json",
    );
  });
});

describe("serverBeforePath", () => {
  it.each([
    ["https://api.stripe.com/v1/items/it_123", "/v1/items/{id}", "https://api.stripe.com"],
    [
      "https://api.example.com/base/v1/items/it_1/cancel",
      "/v1/items/{id}/cancel",
      "https://api.example.com/base",
    ],
    ["https://api.example.com/v1/items?limit=3", "/v1/items", "https://api.example.com"],
    ["https://api.example.com/v1/items/it_1.json", "/v1/items/{id}.json", "https://api.example.com"],
    ["https://api.example.com/v2/items/{id}", "/items/{item_id}", "https://api.example.com/v2"],
    ["https://api.example.com:443/v1/items", "/items", "https://api.example.com/v1"],
    ["https://api.example.com/v1/other/it_1", "/v1/items/{id}", undefined],
    ["https://api.example.com/items", "/v1/items", undefined],
    ["not a url", "/items", undefined],
  ])("%s with %s", (url, template, want) => {
    expect(serverBeforePath(url, template)).toBe(want);
  });

  it("serverOfUrl keeps only the scheme and host", () => {
    expect(serverOfUrl("https://api.example.com/v1/items?x=1")).toBe("https://api.example.com");
    expect(serverOfUrl("/v1/items")).toBeUndefined();
  });
});

describe("formPairs", () => {
  it("splits each pair at its first = and percent-decodes it", () => {
    expect(formPairs(["metadata%5Border_id%5D=42", "note=a+b%3Dc", "expand[]", "bad=100%"])).toEqual([
      { name: "metadata[order_id]", value: "42" },
      { name: "note", value: "a b=c" },
      { name: "expand[]" },
      { name: "bad", value: "100%" },
    ]);
  });
});
