// The openapi-html extractor on the seed page, on two pages written for a made-up API in the same
// renderer's markup, on pages cut off part-way, and on odd input it must survive.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { openapiHtmlExtractor } from "../../scripts/scrape/extractors/openapi-html.ts";
import type {
  FieldFragment,
  OperationFragment,
  Page,
  PageFragment,
  Source,
} from "../../scripts/scrape/fragment.ts";

const root = join(import.meta.dirname, "..", "..");
const SEED = "specs/stripe-identity/pages/update-verification-session.openapi-renderer.html";
const LIST_ORDERS = "test/fixtures/pages/openapi-html/list-orders.html";
const ORDER_ITEMS = "test/fixtures/pages/openapi-html/order-items.html";

function readPage(file: string): Page {
  return { file, text: readFileSync(join(root, file), "utf8") };
}

/** The page cut just before the `occurrence`-th appearance of `marker`, as a capture that stopped early. */
function cutBefore(page: Page, marker: string, occurrence = 1): Page {
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = page.text.indexOf(marker, at + 1);
    if (at < 0) throw new Error(`marker "${marker}" #${occurrence} not in ${page.file}`);
  }
  return { file: page.file, text: page.text.slice(0, at) };
}

function operation(fragment: PageFragment, index: number): OperationFragment {
  const op = fragment.operations[index];
  if (!op) throw new Error(`no operation ${index}`);
  return op;
}

/** Fields and parameters as "path: schema/required/description" rows, for compact tables. */
function byPath<T extends FieldFragment>(fields: T[]): Record<string, T> {
  return Object.fromEntries(fields.map((f) => [f.path.join("."), f]));
}

/** Every Source object anywhere in a fragment. */
function allSources(value: unknown, out: Source[] = []): Source[] {
  if (Array.isArray(value)) for (const v of value) allSources(v, out);
  else if (typeof value === "object" && value !== null) {
    const o = value as Record<string, unknown>;
    if (typeof o.file === "string" && typeof o.selector === "string") out.push(o as unknown as Source);
    else for (const v of Object.values(o)) allSources(v, out);
  }
  return out;
}

describe("detect", () => {
  it.each([
    [SEED, "mine"],
    [LIST_ORDERS, "mine"],
    [ORDER_ITEMS, "mine"],
    ["specs/stripe-identity/pages/verification-sessions.api-reference.txt", "other"],
    ["specs/stripe-identity/pages/create-verification-session.api-catalogue.txt", "other"],
    ["specs/stripe-identity/pages/verification-sessions.docs.md", "other"],
    ["specs/verifa/pages/update-session.fern.txt", "other"],
  ])("%s is %s", (file, want) => {
    const score = openapiHtmlExtractor.detect(readPage(file));
    if (want === "mine") expect(score).toBeGreaterThanOrEqual(0.6);
    else expect(score).toBeLessThanOrEqual(0.2);
  });

  it.each([
    ["an HTML page of another site", "<html><body><h1>Orders</h1><pre>GET /v1/orders</pre></body></html>"],
    ["plain text naming the classes", "requestSummary httpExample httpTarget requestLine statusLine"],
    ["an empty page", ""],
  ])("scores %s low", (_name, text) => {
    expect(openapiHtmlExtractor.detect({ file: "x", text })).toBeLessThanOrEqual(0.2);
  });

  it("still claims a page cut off after its HTTP example", () => {
    const cut = cutBefore(readPage(SEED), "<dl");
    expect(openapiHtmlExtractor.detect(cut)).toBeGreaterThanOrEqual(0.6);
  });
});

describe("the seed page (Stripe, update a VerificationSession)", () => {
  const fragment = openapiHtmlExtractor.extract(readPage(SEED));
  const op = operation(fragment, 0);

  it("reads one operation without warnings", () => {
    expect(fragment.extractor).toBe("openapi-html");
    expect(fragment.operations).toHaveLength(1);
    expect(fragment.warnings).toEqual([]);
  });

  it("reads the operation's identity, route and server", () => {
    expect(op.operationId).toMatchObject({
      value: "PostIdentityVerificationSessionsSession",
      strength: "typed",
    });
    expect(op.method).toMatchObject({ value: "post", strength: "typed" });
    expect(op.path?.value).toBe("/v1/identity/verification_sessions/{session}");
    expect(op.servers.map((s) => s.value)).toEqual(["https://api.stripe.com"]);
    expect(op.title).toBeUndefined();
  });

  it("rejoins the description's paragraphs the parser split off, as plain text", () => {
    expect(op.description).toMatchObject({
      value:
        "Updates a VerificationSession object.\n\nWhen the session status is requires_input, you can use " +
        "this method to update the verification check and options.",
      strength: "prose",
    });
    expect(op.summary).toMatchObject({ value: "Updates a VerificationSession object.", strength: "prose" });
  });

  it("reads the path parameter", () => {
    expect(op.parameters).toEqual([
      expect.objectContaining({ path: ["session"], in: "path", schema: { type: "string" }, required: true }),
    ]);
    expect(op.parameters[0]?.description).toBeUndefined();
  });

  it("reads the body's media type from the header and ignores the placeholder example", () => {
    expect(op.requestBody?.contentType).toMatchObject({
      value: "application/x-www-form-urlencoded",
      strength: "typed",
    });
    expect(op.requestBody?.example).toBeUndefined();
  });

  it("reads the body schema node by node, keeping anyOf whole", () => {
    const fields = byPath(op.requestBody?.fields ?? []);
    // "" is the block's root: its own keywords, which the merge puts on the body's object schema.
    expect(Object.keys(fields)).toEqual(["", "expand", "metadata", "options", "options.document", "type"]);
    expect(fields[""]?.schema).toEqual({ additionalProperties: false });
    expect(fields.expand).toMatchObject({
      schema: { type: "array", items: { maxLength: 5000, type: "string" } },
      required: false,
      strength: "schema",
      description: "Specifies which fields in the response should be expanded.",
    });
    // The schema's markdown link is reduced to its text.
    expect(fields.metadata?.description).toMatch(/^Set of key-value pairs that you can attach/);
    expect(fields.metadata?.schema).toEqual({ type: "object", additionalProperties: { type: "string" } });
    expect(fields.options?.schema).toEqual({ title: "session_options_param", type: "object" });
    const anyOf = fields["options.document"]?.schema?.anyOf as { properties?: object; enum?: string[] }[];
    expect(anyOf).toHaveLength(2);
    expect(anyOf[0]?.properties).toHaveProperty("allowed_types.items.enum", [
      "driving_license",
      "id_card",
      "passport",
    ]);
    expect(anyOf[1]).toEqual({ enum: [""], type: "string" });
    expect(fields.type?.schema).toMatchObject({ enum: ["document", "id_number"], type: "string" });
    expect(fields.type?.description).toBe("The type of verification check to be performed.");
  });

  it("reads the responses with the Accept header's media type", () => {
    expect(
      op.responses.map((r) => [
        r.status,
        r.description?.value,
        r.contentType?.value,
        r.description?.strength,
      ]),
    ).toEqual([
      ["200", "Successful response.", "application/json", "typed"],
      ["default", "Error response.", "application/json", "typed"],
    ]);
  });

  it("takes no fact from the renderer's eTag placeholder", () => {
    expect(JSON.stringify(fragment)).not.toContain("23423432");
  });
});

describe("a GET page of another API (query and header parameters, no body)", () => {
  const fragment = openapiHtmlExtractor.extract(readPage(LIST_ORDERS));
  const op = operation(fragment, 0);

  it("reads title, route, and a server keeping its non-default port", () => {
    expect(fragment.warnings).toEqual([]);
    expect(fragment.title).toBe("Orders");
    expect(op.operationId?.value).toBe("GetOrders");
    expect(op.method?.value).toBe("get");
    expect(op.path?.value).toBe("/v2/shops/{shop_id}/orders");
    expect(op.servers.map((s) => s.value)).toEqual(["https://api.shopline.example:8443"]);
  });

  it("turns the description's paragraphs and list items into plain paragraphs", () => {
    expect(op.description?.value).toBe(
      [
        "Lists the orders of the current shop, newest first.",
        "Results are paged: pass the cursor from the previous page. See paging.",
        "Cancelled orders are included.",
        "Drafts are not.",
      ].join("\n\n"),
    );
    expect(op.summary?.value).toBe("Lists the orders of the current shop, newest first.");
  });

  it.each([
    ["shop_id", "path", { type: "string" }, true, "The shop whose orders to list."],
    ["limit", "query", { type: "integer" }, false, "How many orders to return, at most 100."],
    ["cursor", "query", { type: "string" }, false, undefined],
    ["X-Request-Id", "header", { type: "string" }, true, "An id echoed back in the response, for tracing."],
  ])("parameter %s", (name, location, schema, required, description) => {
    const param = byPath(op.parameters)[name];
    expect(param).toMatchObject({ in: location, schema, required, strength: "typed" });
    expect(param?.description).toBe(description);
  });

  it("makes no request body for a GET, and drops the charset from the Accept media type", () => {
    expect(op.requestBody).toBeUndefined();
    expect(op.responses.map((r) => [r.status, r.description?.value, r.contentType?.value])).toEqual([
      ["200", "The page of orders.", "application/json"],
      ["400", "The cursor is invalid.", "application/json"],
      ["5XX", "Server error.", "application/json"],
    ]);
  });
});

describe("a page of another API with two operations (DELETE, then PUT with a JSON body)", () => {
  const fragment = openapiHtmlExtractor.extract(readPage(ORDER_ITEMS));
  const del = operation(fragment, 0);
  const put = operation(fragment, 1);

  it("reads both operations, each from its own article", () => {
    expect(fragment.warnings).toEqual([]);
    expect(fragment.title).toBeUndefined();
    expect(fragment.operations.map((o) => [o.method?.value, o.path?.value])).toEqual([
      ["delete", "/v3/orders/{orderId}/items/{itemId}"],
      ["put", "/v3/orders/{orderId}/items/{itemId}"],
    ]);
    expect(put.method?.source.selector).toBe("article:nth-of-type(2) pre.httpExample .requestLine");
  });

  it("takes a heading with spaces as a title, not an operationId", () => {
    expect(del.title?.value).toBe("Remove an order item");
    expect(del.operationId).toBeUndefined();
    expect(put.operationId?.value).toBe("PutOrdersOrderIdItemsItemId");
  });

  it("reads port 80 as a plain-http server", () => {
    expect(del.servers.map((s) => s.value)).toEqual(["http://orders.internal.example"]);
  });

  it("DELETE: path parameters, no body, no media type on the 204", () => {
    expect(del.parameters.map((p) => [p.path[0], p.in, p.required])).toEqual([
      ["orderId", "path", true],
      ["itemId", "path", true],
    ]);
    expect(del.requestBody).toBeUndefined();
    expect(del.responses.map((r) => [r.status, r.contentType?.value])).toEqual([
      ["204", undefined],
      ["404", "application/json"],
    ]);
  });

  it("PUT: media type, and the real JSON example body", () => {
    expect(put.requestBody?.contentType?.value).toBe("application/json");
    expect(put.requestBody?.example).toMatchObject({
      value: { quantity: 2, shipping: { address: { city: "Lyon", country: "FR" } } },
      strength: "example",
    });
    expect(byPath(put.parameters)["Idempotency-Key"]).toMatchObject({ in: "header", required: false });
  });

  it.each([
    ["quantity", { type: "integer", minimum: 1 }, true, "How many units to ship."],
    ["note", { type: ["string", "null"], maxLength: 500 }, false, "Free text printed on the packing slip."],
    ["shipping", { type: "object" }, true, "Where and how the item ships."],
    [
      "shipping.speed",
      { type: "string", enum: ["standard", "express"], default: "standard" },
      false,
      undefined,
    ],
    ["shipping.address", { type: "object" }, true, undefined],
    ["shipping.address.city", { type: "string" }, true, undefined],
    [
      "shipping.address.country",
      { type: "string", pattern: "^[A-Z]{2}$" },
      true,
      "ISO 3166-1 alpha-2 code, like FR.",
    ],
    ["shipping.address.lines", { type: "array", items: { type: "string" } }, false, undefined],
    [
      "gift_wrap",
      { anyOf: [{ type: "boolean" }, { type: "string", enum: [""] }] },
      false,
      "Wrap the item; an empty string resets it.",
    ],
  ])("PUT body field %s", (path, schema, required, description) => {
    const field = byPath(put.requestBody?.fields ?? [])[path];
    expect(field).toMatchObject({ schema, required, strength: "schema" });
    expect(field?.description).toBe(description);
  });

  it("PUT: responses", () => {
    expect(put.responses.map((r) => [r.status, r.description?.value])).toEqual([
      ["200", "The updated item."],
      ["409", "The order has already shipped."],
      ["default", "Error response."],
    ]);
  });
});

describe("sources", () => {
  it.each([SEED, LIST_ORDERS, ORDER_ITEMS])("every selector in %s finds exactly one element", (file) => {
    const page = readPage(file);
    const $ = load(page.text);
    const sources = allSources(openapiHtmlExtractor.extract(page));
    expect(sources.length).toBeGreaterThan(5);
    for (const source of sources) {
      expect(source.file).toBe(file);
      expect($(source.selector as string).length, source.selector).toBe(1);
    }
  });
});

describe("pages cut off part-way", () => {
  it("the seed cut inside the body schema: what precedes the cut, and the cut field only in part", () => {
    const fragment = openapiHtmlExtractor.extract(cutBefore(readPage(SEED), "require_live_capture"));
    const op = operation(fragment, 0);
    expect(op.method?.value).toBe("post");
    expect(op.parameters.map((p) => p.path[0])).toEqual(["session"]);
    expect(op.requestBody?.contentType?.value).toBe("application/x-www-form-urlencoded");
    const fields = byPath(op.requestBody?.fields ?? []);
    expect(Object.keys(fields)).toEqual(["expand", "metadata", "options", "options.document"]);
    expect(fields.expand?.schema).toEqual({ type: "array", items: { maxLength: 5000, type: "string" } });
    expect(fields.options?.schema).toEqual({ title: "session_options_param", type: "object" });
    // The node being written when the page stopped: its anyOf is incomplete, so it is not reported.
    expect(fields["options.document"]?.schema).toBeUndefined();
    // The object's `required` list was never reached, so optionality is unknown rather than false.
    expect(fields.expand?.required).toBeUndefined();
    expect(op.responses).toEqual([]);
    expect(fragment.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/^request body schema is not valid JSON .*"options\.document" only in part$/),
      expect.stringMatching(/^page is cut off inside article 1 in the request body schema/),
    ]);
    expect(fragment.warnings[0]?.line).toBe(10);
  });

  it("a two-article page cut in the second article's parameter list", () => {
    const page = cutBefore(readPage(ORDER_ITEMS), '<dd  class="parameter">', 5);
    const fragment = openapiHtmlExtractor.extract(page);
    const [del, put] = [operation(fragment, 0), operation(fragment, 1)];
    expect(del.responses.map((r) => r.status)).toEqual(["204", "404"]);
    expect(put.method?.value).toBe("put");
    expect(put.requestBody?.example?.value).toMatchObject({ quantity: 2 });
    expect(put.parameters.map((p) => [p.path[0], p.required])).toEqual([
      ["orderId", true],
      ["itemId", true],
      ["Idempotency-Key", undefined],
    ]);
    expect(put.requestBody?.fields).toEqual([]);
    expect(fragment.warnings.map((w) => w.message)).toEqual([
      'parameter "Idempotency-Key" has no description/required entry (the page may be cut off)',
      expect.stringMatching(/^page is cut off inside article 2 in the parameters/),
    ]);
  });

  it("a page cut inside a nested object's required list keeps its complete siblings", () => {
    const fragment = openapiHtmlExtractor.extract(cutBefore(readPage(ORDER_ITEMS), "country&quot;&#xA;"));
    const fields = byPath(operation(fragment, 1).requestBody?.fields ?? []);
    expect(Object.keys(fields)).toEqual([
      "quantity",
      "note",
      "shipping",
      "shipping.speed",
      "shipping.address",
    ]);
    // Closed before the cut: kept exactly.
    expect(fields["shipping.speed"]).toMatchObject({
      schema: { enum: ["standard", "express"] },
      required: false,
    });
    expect(fields.quantity).toMatchObject({ required: true, description: "How many units to ship." });
    expect(fields["shipping.address"]).toMatchObject({ schema: { type: "object" }, required: true });
    expect(fragment.warnings[0]?.message).toContain('"shipping.address" only in part');
  });

  it("a page cut inside a description string drops that description, keeps complete keywords", () => {
    const fragment = openapiHtmlExtractor.extract(cutBefore(readPage(ORDER_ITEMS), "units to ship"));
    const fields = byPath(operation(fragment, 1).requestBody?.fields ?? []);
    expect(Object.keys(fields)).toEqual(["quantity"]);
    // The root's `required` list came before the cut, so "required" is still known.
    expect(fields.quantity).toMatchObject({ schema: { type: "integer", minimum: 1 }, required: true });
    expect(fields.quantity?.description).toBeUndefined();
  });

  it("a page cut inside the HTTP example still gives the route", () => {
    const fragment = openapiHtmlExtractor.extract(cutBefore(readPage(LIST_ORDERS), "eTag"));
    const op = operation(fragment, 0);
    expect([op.method?.value, op.path?.value]).toEqual(["get", "/v2/shops/{shop_id}/orders"]);
    expect(op.servers.map((s) => s.value)).toEqual(["https://api.shopline.example:8443"]);
    expect(fragment.warnings.map((w) => w.message)).toEqual([
      "a header line in the request example has no value (the page may be cut off)",
      expect.stringMatching(/^page is cut off inside article 1 in the HTTP request example/),
    ]);
  });
});

describe("odd input", () => {
  const article = (inner: string): string => `<html><body><article>${inner}</article></body></html>`;
  const http = (line: string, body = ""): string =>
    `<pre class="httpExample">${line}\n<span class="headerLine">host</span>: <span class="headerValue">api.x.example</span>\n\n${body}</pre>`;

  it.each([
    ["an empty page", "", []],
    ["plain text", "GET /v1/things\nnothing here", []],
    [
      "an unknown method",
      article(http('<span class="requestLine">FETCH</span> <span class="httpTarget">/a</span>')),
      ['unknown HTTP method "FETCH" in the request example', "article 1 has no complete HTTP request line"],
    ],
    [
      "a JSON example body broken beyond repair",
      article(
        http('<span class="requestLine">POST</span> <span class="httpTarget">/a</span>', '{"a": 1, ]]] "'),
      ),
      ["request example body is not JSON even after repair"],
    ],
    [
      "a body schema that is not an object",
      article(
        http('<span class="requestLine">POST</span> <span class="httpTarget">/a</span>') +
          '<section class="requestContent"><pre class="schema">[1, 2]</pre></section>',
      ),
      ["request body schema is not a JSON Schema object; skipped"],
    ],
    [
      "an odd status and a parameter without location",
      article(
        http('<span class="requestLine">GET</span> <span class="httpTarget">/a</span>') +
          '<dl class="parameters"><dt class="parameter"><span class="parameterName">q</span></dt><dd class="parameter"></dd></dl>' +
          '<section class="responses"><ul><li class="response"><span class="statusLine">OK</span></li></ul></section>',
      ),
      ['parameter "q" has no known location', 'response status "OK" is not a status code'],
    ],
  ])("survives %s", (_name, text, warnings) => {
    const fragment = openapiHtmlExtractor.extract({ file: "odd.html", text });
    const messages = fragment.warnings.map((w) => w.message);
    expect(messages).toHaveLength(warnings.length);
    warnings.forEach((w, i) => expect(messages[i]).toContain(w));
  });

  it.each([
    ["GET", undefined],
    ["POST", "application/json"],
  ])("a content-type header alone makes a body only for a method that carries one (%s)", (method, want) => {
    const text = article(
      `<pre class="httpExample"><span class="requestLine">${method}</span> <span class="httpTarget">/a</span>\n` +
        '<span class="headerLine">content-type</span>: <span class="headerValue">application/json</span></pre>',
    );
    const op = operation(openapiHtmlExtractor.extract({ file: "ct.html", text }), 0);
    expect(op.requestBody?.contentType?.value).toBe(want);
  });

  it("infers a path location from the path template, and reads an article-less fragment", () => {
    const text =
      http(
        '<span class="requestLine">GET</span> <span class="httpTarget">https://api.x.example/v1/things/{id}</span>',
      ) +
      '<dl class="parameters"><dt class="parameter"><span class="parameterName">id</span></dt>' +
      '<dd class="parameter"><span class="parameterRequired">required</span></dd></dl>';
    const fragment = openapiHtmlExtractor.extract({ file: "frag.html", text });
    const op = operation(fragment, 0);
    expect(op.path?.value).toBe("/v1/things/{id}");
    expect(op.servers.map((s) => s.value)).toEqual(["https://api.x.example"]);
    expect(op.parameters).toEqual([expect.objectContaining({ path: ["id"], in: "path", required: true })]);
    expect(fragment.warnings).toEqual([]);
  });
});
