import { describe, expect, it } from "vitest";
import { buildModel } from "../../scripts/generate/model/build-model.ts";
import {
  NameRegistry,
  camelCase,
  pascalCase,
  safeIdentifier,
} from "../../scripts/generate/model/identifiers.ts";

describe("identifiers", () => {
  it.each([
    ["identity.verification_session", "IdentityVerificationSession", "identityVerificationSession"],
    [
      "PostIdentityVerificationSessionsSession",
      "PostIdentityVerificationSessionsSession",
      "postIdentityVerificationSessionsSession",
    ],
    ["repos/list-for-org", "ReposListForOrg", "reposListForOrg"],
    ["HTTPServer", "HttpServer", "httpServer"],
    ["2fa codes", "_2faCodes", "_2faCodes"],
    ["café crème", "CafeCreme", "cafeCreme"],
    ["*/", "Unnamed", "unnamed"],
  ])("%s", (text, pascal, camel) => {
    expect(pascalCase(text)).toBe(pascal);
    expect(camelCase(text)).toBe(camel);
  });

  it("never yields a reserved word", () => {
    expect(safeIdentifier("delete", "camel")).toBe("delete_");
    expect(safeIdentifier("constructor", "camel")).toBe("constructor_");
    expect(safeIdentifier("__proto__", "camel")).toBe("proto");
  });

  it("hands out unique names whatever the case", () => {
    const r = new NameRegistry(["Client"]);
    expect([r.claim("Client"), r.claim("item"), r.claim("Item"), r.claim("Item", ["Thing"])]).toEqual([
      "Client2",
      "item",
      "Item2",
      "Thing",
    ]);
  });
});

const spec = {
  openapi: "3.1.0",
  info: { title: "Shop API", version: "1.2.3" },
  servers: [{ url: "https://api.shop.example" }],
  security: [{ key: [] }],
  components: {
    securitySchemes: {
      key: { type: "http", scheme: "basic" },
      token: { type: "apiKey", in: "header", name: "X-Token" },
    },
    schemas: {
      "shop.item": { type: "object" },
      Item: { type: "object" },
      ItemList: { type: "object", properties: { data: { type: "array" }, has_more: { type: "boolean" } } },
    },
    parameters: { Idem: { name: "Idempotency-Key", in: "header", schema: { type: "string" } } },
  },
  paths: {
    "/v1/items": {
      get: {
        operationId: "GetItems",
        parameters: [{ name: "starting_after", in: "query", schema: { type: "string" } }],
        responses: {
          "200": {
            description: "ok",
            content: { "application/json": { schema: { $ref: "#/components/schemas/ItemList" } } },
          },
        },
      },
      post: {
        parameters: [{ $ref: "#/components/parameters/Idem" }],
        requestBody: {
          required: true,
          content: {
            "application/x-www-form-urlencoded": {
              schema: { type: "object", required: ["name"], properties: { name: { type: "string" } } },
            },
          },
        },
        responses: { "200": { description: "ok" } },
      },
    },
    "/v1/items/{item}": {
      get: { operationId: "retrieveItem", responses: { "200": { description: "ok" } } },
      delete: { responses: { default: { description: "error" } } },
    },
    "/v1/items/{item}/archive": { post: { responses: { "204": { description: "none" } } } },
  },
};

describe("buildModel", () => {
  const model = buildModel({
    document: spec,
    packageName: "@shop/client",
    specName: "shop.yaml",
    specHash: "abc",
  });

  it("names the client, the schemas without collisions, and the credentials", () => {
    expect(model.clientClassName).toBe("ShopClient");
    expect(model.schemas).toEqual([
      { key: "Item", typeName: "Item" },
      { key: "ItemList", typeName: "ItemList" },
      { key: "shop.item", typeName: "ShopItem" },
    ]);
    expect(model.securitySchemes.map((s) => [s.key, s.kind, s.option, s.envVar])).toEqual([
      ["key", "basic", "apiKey", "SHOP_API_KEY"],
      ["token", "apiKey", "token", "SHOP_TOKEN"],
    ]);
  });

  it("groups operations into a resource with short, readable names", () => {
    expect(model.resources.map((r) => r.property)).toEqual(["items"]);
    expect(model.operations.map((o) => [o.method, o.path, o.methodName, o.functionName])).toEqual([
      ["get", "/v1/items", "list", "listItems"],
      ["post", "/v1/items", "create", "createItem"],
      ["get", "/v1/items/{item}", "retrieve", "retrieveItem"],
      ["delete", "/v1/items/{item}", "del", "deleteItem"],
      ["post", "/v1/items/{item}/archive", "archive", "archiveItem"],
    ]);
  });

  it("reads bodies, idempotency headers, pagination and success statuses", () => {
    const [list, create, , del, archive] = model.operations;
    expect(list?.pagination).toEqual({ kind: "stripe", itemsField: "data", cursorParam: "starting_after" });
    expect(create?.body).toEqual({
      mediaType: "application/x-www-form-urlencoded",
      required: true,
      isObject: true,
      hasRequiredProperties: true,
      schema: { type: "object", required: ["name"], properties: { name: { type: "string" } } },
      schemaPointer: "/paths/~1v1~1items/post/requestBody/content/application~1x-www-form-urlencoded/schema",
    });
    expect(create?.idempotencyHeader).toBe("Idempotency-Key");
    expect(del?.successStatuses).toEqual(["default"]);
    expect(archive?.successStatuses).toEqual(["204"]);
    expect(archive?.pathArguments).toEqual([{ name: "item", argument: "item", declared: false }]);
    expect(list?.security).toEqual([["key"]]);
  });

  it("names a validator per checked part of a request, after every function name is taken", () => {
    expect(model.operations.map((o) => o.validators.map(({ part, name }) => ({ part, name })))).toEqual([
      [{ part: "query", name: "validateListItemsQuery" }],
      [
        { part: "header", name: "validateCreateItemHeaders" },
        { part: "body", name: "validateCreateItemBody" },
      ],
      // The path parameter {item} is not declared: it has no schema to check.
      [],
      [],
      [],
    ]);
    const taken = buildModel({
      document: {
        ...spec,
        paths: {
          ...spec.paths,
          "/v1/checks": {
            post: { operationId: "validateListItemsQuery", responses: { "200": { description: "ok" } } },
          },
        },
      },
      packageName: "@shop/client",
      specName: "shop.yaml",
      specHash: "abc",
    });
    // The spec's operation keeps its name; the validator, claimed later, gives way.
    expect(taken.operations.map((o) => o.functionName)).toContain("validateListItemsQuery");
    expect(
      taken.operations
        .find((o) => o.path === "/v1/items" && o.method === "get")
        ?.validators.map((v) => v.name),
    ).toEqual(["validateListItemsQuery2"]);
  });

  it("gives each validator its schema and where it is, so the template reads only the model", () => {
    const [create] = model.operations.filter((o) => o.method === "post" && o.path === "/v1/items");
    const [headers, body] = create?.validators ?? [];
    // A part's parameters become one object schema, each parameter's schema inside (a $ref'd parameter too).
    expect(headers).toMatchObject({
      schema: { type: "object", properties: { "Idempotency-Key": { type: "string" } } },
      pointer: "/paths/~1v1~1items/post/parameters",
      form: false,
    });
    expect(body).toEqual({
      part: "body",
      name: "validateCreateItemBody",
      schema: spec.paths["/v1/items"].post.requestBody.content["application/x-www-form-urlencoded"].schema,
      pointer: "/paths/~1v1~1items/post/requestBody/content/application~1x-www-form-urlencoded/schema",
      form: true,
    });
    // The document the compilers read is the spec the model was built from, not a copy.
    expect(model.document).toBe(spec);
  });

  it("checks JSON and form bodies only: multipart and raw bodies carry binaries no schema check can confirm", () => {
    const bodies = buildModel({
      document: {
        openapi: "3.1.0",
        info: { title: "Files", version: "1" },
        paths: Object.fromEntries(
          [
            "application/json",
            "application/merge-patch+json",
            // Parameters and case as the runtime reads them: still JSON, still a form.
            "application/json; charset=utf-8",
            "Application/X-WWW-Form-URLEncoded",
            "multipart/form-data",
            "application/octet-stream",
          ].map((mediaType, i) => [
            `/v1/files${i}`,
            {
              post: {
                requestBody: { content: { [mediaType]: { schema: { type: "object" } } } },
                responses: { "200": { description: "ok" } },
              },
            },
          ]),
        ),
      },
      packageName: "files",
      specName: "files.yaml",
      specHash: "abc",
    });
    expect(bodies.operations.map((o) => [o.body?.mediaType, o.validators.map((v) => v.part)])).toEqual([
      ["application/json", ["body"]],
      ["application/merge-patch+json", ["body"]],
      ["application/json; charset=utf-8", ["body"]],
      ["Application/X-WWW-Form-URLEncoded", ["body"]],
      ["multipart/form-data", []],
      ["application/octet-stream", []],
    ]);
  });

  it("is deterministic", () => {
    const again = buildModel({
      document: structuredClone(spec),
      packageName: "@shop/client",
      specName: "shop.yaml",
      specHash: "abc",
    });
    expect(again).toEqual(model);
  });
});

describe("names the runtime exports", () => {
  it("are never taken by the spec's schemas or operations", () => {
    const document = {
      openapi: "3.1.0",
      info: { title: "Pages", version: "1" },
      components: { schemas: { Page: { type: "object" }, APIError: { type: "object" } } },
      paths: { "/x": { get: { operationId: "stripeCursor", responses: { "200": { description: "ok" } } } } },
    };
    const model = buildModel({
      document,
      packageName: "p",
      specName: "s",
      specHash: "h",
      reservedExports: ["Page", "APIError", "stripeCursor"],
    });
    expect(model.schemas.map((s) => s.typeName)).toEqual(["ApiError2", "Page2"]);
    // The spec's id is taken, so the function gets the name its REST shape gives, not a number.
    expect(model.operations[0]?.functionName).toBe("retrieveX");
    expect(model.operations[0]?.operationConst).toBe("retrieveXOperation");
  });
});

describe("buildModel: corpus cases", () => {
  const build = (paths: Record<string, unknown>) =>
    buildModel({
      document: { openapi: "3.1.0", info: { title: "T", version: "1" }, paths },
      packageName: "t",
      specName: "t.json",
      specHash: "h",
      reservedExports: [],
    });

  it("renames a path parameter that would shadow the function's own locals (medium.com's {query})", () => {
    const model = build({
      "/search/{query}/{body}": {
        get: {
          parameters: [
            { name: "query", in: "path", required: true, schema: { type: "string" } },
            { name: "body", in: "path", required: true, schema: { type: "string" } },
          ],
          responses: { "200": { description: "ok" } },
        },
      },
    });
    expect(model.operations[0]?.pathArguments.map((a) => [a.name, a.argument])).toEqual([
      ["query", "query2"],
      ["body", "body2"],
    ]);
  });

  it("skips TRACE operations (httpbin.org), which fetch refuses to send", () => {
    const model = build({
      "/anything": {
        get: { responses: { "200": { description: "ok" } } },
        trace: { responses: { "200": { description: "ok" } } },
      },
    });
    expect(model.operations.map((o) => o.method)).toEqual(["get"]);
  });
});

describe("buildModel: resources that share a noun", () => {
  it("are told apart by the namespaces before them, whatever the path order", () => {
    const ok = { responses: { "200": { description: "ok" } } };
    const paths = {
      "/v1/checkout/sessions": { post: ok },
      "/v1/billing_portal/sessions": { post: ok },
      "/v1/checkout/sessions/{session}": { get: ok },
      "/v1/sources": { get: ok },
      "/v1/customers/{customer}/sources": { get: ok },
      "/v1/customers/{customer}/sources/{id}": { get: ok },
      "/v1/identity/verification_sessions": { get: ok },
    };
    for (const order of [Object.entries(paths), Object.entries(paths).reverse()]) {
      const model = buildModel({
        document: { openapi: "3.1.0", info: { title: "T", version: "1" }, paths: Object.fromEntries(order) },
        packageName: "t",
        specName: "t.json",
        specHash: "h",
        reservedExports: [],
      });
      const byPath = Object.fromEntries(
        model.operations.map((o) => [o.path, `${o.resource}.${o.methodName}`]),
      );
      expect(byPath).toEqual({
        // Namespaces nest (Stripe's own SDKs say checkout.sessions, billingPortal.sessions).
        "/v1/checkout/sessions": "checkout.sessions.create",
        "/v1/checkout/sessions/{session}": "checkout.sessions.retrieve",
        "/v1/billing_portal/sessions": "billingPortal.sessions.create",
        "/v1/sources": "sources.list",
        // What hangs under an item is a method of its owner (customers.listSources, retrieveSource).
        "/v1/customers/{customer}/sources": "customers.listSources",
        "/v1/customers/{customer}/sources/{id}": "customers.retrieveSource",
        "/v1/identity/verification_sessions": "identity.verificationSessions.list",
      });
    }
  });
});
