// Seed 000's renderer on whole APIs (issue 12 step 4, the misses of the round trip): the renderer prints each
// operation's OpenAPI path key verbatim, so operations whose keys differ only after a `#`, a literal `?`
// or a trailing `/` stay apart, and a JSON Schema block's facts are copied without additions.
import { describe, expect, it } from "vitest";
import { scrapePages } from "../../scripts/scrape/scrape-pages.ts";
import { rendererPage } from "./renderer-page.ts";

const meta = { version: "1.0.0", servers: [], specFile: "test.yaml" };
type Doc = { paths: Record<string, Record<string, unknown>> };

async function pathKeys(...pages: Parameters<typeof rendererPage>[]): Promise<string[]> {
  const result = await scrapePages(
    pages.map((p) => rendererPage(...p)),
    meta,
  );
  const doc = result.document as unknown as Doc;
  return Object.entries(doc.paths)
    .flatMap(([path, item]) => Object.keys(item).map((method) => `${method} ${path}`))
    .sort();
}

describe("the renderer's path keys are read verbatim", () => {
  it("keeps operations that share a URL apart by their `#X-Amz-Target=...` keys", async () => {
    const keys = await pathKeys(
      ["a.html", { summary: "CreateAction", method: "post", path: "/#X-Amz-Target=SageMaker.CreateAction" }],
      ["b.html", { summary: "DeleteAction", method: "post", path: "/#X-Amz-Target=SageMaker.DeleteAction" }],
      ["c.html", { summary: "GetRecord", method: "get", path: "/FeatureGroup/{name}#Id" }],
      ["d.html", { summary: "DeleteRecord", method: "delete", path: "/FeatureGroup/{name}#Id&EventTime" }],
    );
    expect(keys).toEqual([
      "delete /FeatureGroup/{name}#Id&EventTime",
      "get /FeatureGroup/{name}#Id",
      "post /#X-Amz-Target=SageMaker.CreateAction",
      "post /#X-Amz-Target=SageMaker.DeleteAction",
    ]);
  });

  it("keeps a literal `?` and a trailing slash of the key, and drops only the RFC 6570 query template", async () => {
    const keys = await pathKeys(
      ["a.html", { summary: "getUser", method: "get", path: "/user/" }],
      ["b.html", { summary: "listUploads", method: "get", path: "/{Bucket}?uploads{?max-uploads*}" }],
      ["c.html", { summary: "listObjects", method: "get", path: "/{Bucket}{?prefix*}" }],
    );
    expect(keys).toEqual(["get /user/", "get /{Bucket}", "get /{Bucket}?uploads"]);
  });
});

describe("a JSON Schema block's facts are copied, none added", () => {
  it("gives a node with properties but no `type` no type", async () => {
    const schema = {
      type: "object",
      properties: {
        token: { properties: { access: { type: "string" } } },
        options: { type: "object", properties: { a: { type: "string" } } },
      },
    };
    const result = await scrapePages(
      [rendererPage("a.html", { summary: "putToken", method: "put", path: "/tokens", schema })],
      meta,
    );
    const doc = result.document as unknown as {
      paths: Record<
        string,
        Record<string, { requestBody: { content: Record<string, { schema: unknown }> } }>
      >;
    };
    const body = Object.values(doc.paths["/tokens"]?.put?.requestBody.content ?? {})[0]?.schema as {
      properties: Record<string, Record<string, unknown>>;
    };
    expect(body.properties.token).toEqual({ properties: { access: { type: "string" } } });
    expect(body.properties.options?.type).toBe("object");
  });
});

describe("a JSON Schema block's references to components the page does not show", () => {
  // The block's refs point into the spec the page was made from; in the scraped spec they would dangle.
  const schema = {
    type: "object",
    required: ["method"],
    discriminator: {
      propertyName: "method",
      mapping: { add: "#/components/schemas/AddInvocation", play: "PlayInvocation" },
    },
    properties: {
      method: { type: "string" },
      owner: { $ref: "#/components/schemas/Owner", description: "Who owns it." },
      tags: { type: "array", items: { $ref: "#/components/schemas/Tag" } },
      session: { type: "object", properties: { id: { type: "string", maxLength: 12 } } },
    },
  };

  it("writes a spec without them, keeps every fact the block shows, and warns", async () => {
    const result = await scrapePages(
      [rendererPage("a.html", { summary: "addMedia", method: "post", path: "/intents", schema })],
      meta,
    );
    expect(JSON.stringify(result.document)).not.toMatch(/components\/schemas\/(AddInvocation|Owner|Tag)/);
    const doc = result.document as unknown as Doc;
    const op = doc.paths["/intents"]?.post as {
      requestBody: { content: Record<string, { schema: Record<string, unknown> }> };
    };
    const body = Object.values(op.requestBody.content)[0]?.schema as {
      discriminator: unknown;
      required: string[];
      properties: Record<string, Record<string, unknown>>;
    };
    expect(body.discriminator).toEqual({ propertyName: "method" });
    expect(body.required).toEqual(["method"]);
    expect(body.properties.owner).toEqual({ description: "Who owns it." });
    expect(body.properties.tags).toEqual({ type: "array", items: {} });
    expect(body.properties.session?.properties).toEqual({ id: { type: "string", maxLength: 12 } });
    const warning = result.warnings.find((w) => /refers to/.test(w.message));
    expect(warning?.file).toBe("a.html");
    expect(warning?.message).toMatch(
      /"#\/components\/schemas\/AddInvocation".*and 1 more, which the page does not show/,
    );
  });
});

describe("a JSON Schema block's nullable reference (OpenAPI 3.0)", () => {
  // The 3.0 -> 3.1 upgrade moves a nullable $ref into an anyOf branch; the reference taken out must be
  // the one in that branch, after the upgrade, or the null it allows is lost with it.
  it("keeps null beside what the reference stood for, and drops the reference", async () => {
    const schema = {
      type: "object",
      properties: {
        owner: { $ref: "#/components/schemas/Owner", nullable: true, description: "Who owns it." },
      },
    };
    const result = await scrapePages(
      [rendererPage("a.html", { summary: "addMedia", method: "post", path: "/intents", schema })],
      meta,
    );
    expect(JSON.stringify(result.document)).not.toMatch(/components\/schemas\/Owner|nullable/);
    const doc = result.document as unknown as Doc;
    const op = doc.paths["/intents"]?.post as {
      requestBody: { content: Record<string, { schema: { properties: Record<string, unknown> } }> };
    };
    const body = Object.values(op.requestBody.content)[0]?.schema;
    expect(body?.properties.owner).toEqual({ description: "Who owns it.", anyOf: [{}, { type: "null" }] });
    const warning = result.warnings.find((w) => /refers to/.test(w.message));
    expect(warning?.message).toMatch(/"#\/components\/schemas\/Owner", which the page does not show/);
  });
});

describe("a JSON Schema block with `properties` beside `type: array`", () => {
  it("keeps the properties where the block writes them, not in invented object items", async () => {
    const schema = {
      type: "object",
      properties: {
        images: {
          type: "array",
          items: {},
          required: ["imagem1.jpg"],
          properties: { "imagem1.jpg": { type: "string", default: "https://img.test" } },
        },
      },
    };
    const result = await scrapePages(
      [rendererPage("a.html", { summary: "putMatch", method: "put", path: "/matches", schema })],
      meta,
    );
    const doc = result.document as unknown as Doc;
    const op = doc.paths["/matches"]?.put as {
      requestBody: { content: Record<string, { schema: { properties: Record<string, unknown> } }> };
    };
    expect(Object.values(op.requestBody.content)[0]?.schema.properties.images).toEqual({
      type: "array",
      items: {},
      required: ["imagem1.jpg"],
      properties: { "imagem1.jpg": { type: "string", default: "https://img.test" } },
    });
  });
});
