// Issue 12 step 2, placement of pages that show fields but no method or path (Fern main-content captures,
// markdown pages): on a route other pages show, with the path parameters the page declares, or by REST
// convention; never at a route that contradicts the page, so the spec checks (every template variable a
// declared path parameter and no stray ones) pass. Through the real merge and the real checks.
import { describe, expect, it } from "vitest";
import type { OperationFragment, PageFragment } from "../../scripts/scrape/fragment.ts";
import { mergePages } from "../../scripts/scrape/merge/merge.ts";
import { checkSpec } from "../../scripts/scrape/spec-checks.ts";
import { field, op, page, param } from "./fragments.ts";

type Doc = { paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>> };

function merge(pages: PageFragment[]): { doc: Doc; unplaced: string[]; problems: string[] } {
  const result = mergePages({ title: "Test API", version: "1.0.0", servers: [], pages });
  return {
    doc: result.document as unknown as Doc,
    unplaced: result.unplaced.map((u) => u.title),
    problems: checkSpec(result.document, pages, result).map((p) => `${p.check}: ${p.detail}`),
  };
}

/** A whole-page capture: method and path shown, the path parameters listed. */
function shown(
  file: string,
  method: "get" | "put" | "post" | "delete",
  path: string,
  names: string[],
): PageFragment {
  return page(file, [
    op(file, 1, {
      method,
      path,
      title: `${method} ${path}`,
      parameters: names.map((n, i) => param(file, i + 2, "path", n, { type: "string" }, "typed")),
    }),
  ]);
}

/** A main-content capture: a title and fields, no method or path. */
function loose(
  file: string,
  title: string,
  pathNames: string[],
  extra: Pick<OperationFragment, "requestBody"> | Record<string, never> = {},
): PageFragment {
  return page(file, [
    op(file, 1, {
      title,
      parameters: [
        ...pathNames.map((n, i) => param(file, i + 2, "path", n, { type: "string" }, "typed")),
        param(file, 9, "query", "verbose", { type: "boolean" }, "typed"),
      ],
      ...extra,
    }),
  ]);
}

function routes(doc: Doc): string[] {
  return Object.entries(doc.paths)
    .flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`))
    .sort();
}

describe("placing an operation a page shows without method or path", () => {
  it("splits a camelCase title and places it on the shown route with the method the site's nav lists", () => {
    const nav = page("nav.txt", [], {
      listedOperations: [{ method: "put", title: "updateSandbox", source: { file: "nav.txt", line: 3 } }],
    });
    const r = merge([
      shown("get.txt", "get", "/1/sandboxes/{sandboxName}", ["sandboxName"]),
      loose("update.txt", "updateSandbox", ["sandboxName"]),
      nav,
    ]);
    expect(routes(r.doc)).toEqual(["GET /1/sandboxes/{sandboxName}", "PUT /1/sandboxes/{sandboxName}"]);
    expect(r.doc.paths["/1/sandboxes/{sandboxName}"]?.put?.parameters?.map((p) => p.name)).toEqual([
      "sandboxName",
      "verbose",
    ]);
    expect(r.problems).toEqual([]);
  });

  it("writes the path parameter the page declares into a route built by convention, not {id}", () => {
    const r = merge([
      shown("list.txt", "get", "/v1/gadgets", []),
      loose("delete.txt", "Delete a widget", ["widget_id"]),
    ]);
    expect(routes(r.doc)).toEqual(["DELETE /v1/widgets/{widget_id}", "GET /v1/gadgets"]);
    expect(r.problems).toEqual([]);
  });

  it("places a page on the shown route whose path parameters are exactly those it declares", () => {
    const r = merge([
      shown("a.txt", "get", "/client/{client_id}", ["client_id"]),
      shown("b.txt", "get", "/client", []),
      loose("delete.txt", "Delete a client", ["client_id"]),
      loose("get.txt", "SourceControl_Get", ["account", "name"]),
      shown("c.txt", "put", "/accounts/{account}/sourceControls/{name}", ["account", "name"]),
    ]);
    expect(routes(r.doc)).toEqual([
      "DELETE /client/{client_id}",
      "GET /accounts/{account}/sourceControls/{name}",
      "GET /client",
      "GET /client/{client_id}",
      "PUT /accounts/{account}/sourceControls/{name}",
    ]);
    expect(r.problems).toEqual([]);
  });

  it("places a part of a shown item below it (getSandboxState -> /sandboxes/{sandboxName}/state)", () => {
    const r = merge([
      shown("get.txt", "get", "/1/sandboxes/{sandboxName}", ["sandboxName"]),
      loose("state.txt", "getSandboxState", ["sandboxName"]),
    ]);
    expect(routes(r.doc)).toEqual(["GET /1/sandboxes/{sandboxName}", "GET /1/sandboxes/{sandboxName}/state"]);
    expect(r.problems).toEqual([]);
  });

  it("keeps unplaced what only a route contradicting the page would place, and writes the rest", () => {
    const r = merge([
      shown("list.txt", "get", "/v1/gadgets", []),
      // The declared parameter names another resource: no /v1/records/{id} is the page's route.
      loose("record.txt", "Get record", ["FeatureGroupName"]),
      // Two path parameters, and a built item route has one slot.
      loose("file.txt", "Get a file", ["vaultUuid", "fileUuid"]),
      // A create has no slot for a path parameter.
      loose("create.txt", "Create a file", ["vaultUuid"], {
        requestBody: { fields: [field("create.txt", 5, "name", { type: "string" }, "typed")] },
      }),
    ]);
    expect(routes(r.doc)).toEqual(["GET /v1/gadgets"]);
    expect(r.unplaced.sort()).toEqual(["Create a file", "Get a file", "Get record"]);
    expect(r.problems).toEqual([]);
  });
});

describe("placing without guessing", () => {
  it("leaves an update unplaced where no nav lists its method and no other update shows the site's", () => {
    const r = merge([
      shown("get.txt", "get", "/v1/widgets/{widget_id}", ["widget_id"]),
      loose("update.txt", "Update a widget", ["widget_id"]),
    ]);
    expect(routes(r.doc)).toEqual(["GET /v1/widgets/{widget_id}"]);
    expect(r.unplaced).toEqual(["Update a widget"]);
  });

  it("builds no REST route where the nav lists a method the title's verb never takes (Get ... beside POST)", () => {
    const nav = page("nav.txt", [], {
      listedOperations: [
        { method: "post", title: "Get server status", source: { file: "nav.txt", line: 3 } },
        { method: "get", title: "Get a widget", source: { file: "nav.txt", line: 4 } },
      ],
    });
    const r = merge([
      shown("list.txt", "get", "/widgets", []),
      loose("status.txt", "Get server status", []),
      loose("widget.txt", "Get a widget", ["id"]),
      nav,
    ]);
    expect(routes(r.doc)).toEqual(["GET /widgets", "GET /widgets/{id}"]);
    expect(r.unplaced).toEqual(["Get server status"]);
  });

  it("builds no REST route on a site whose shown routes are RPC targets (POST /#X-Amz-Target=Svc.Op)", () => {
    const r = merge([
      shown("create.txt", "post", "/#X-Amz-Target=AWSGlue.CreateJob", []),
      shown("get.txt", "post", "/#X-Amz-Target=AWSGlue.GetJob", []),
      loose("list.txt", "ListBlueprints", []),
      loose("delete.txt", "Delete a widget", []),
    ]);
    expect(routes(r.doc)).toEqual([
      "POST /#X-Amz-Target=AWSGlue.CreateJob",
      "POST /#X-Amz-Target=AWSGlue.GetJob",
    ]);
    expect(r.unplaced.sort()).toEqual(["Delete a widget", "ListBlueprints"]);
  });

  it("places a page at the RPC target every shown route builds from its own title, and nothing else", () => {
    const target = (
      file: string,
      title: string,
      method: "post" | "get" = "post",
      prefix = "/#X-Amz-Target=AWSGlue.",
    ) => page(file, [op(file, 1, { method, path: `${prefix}${title}`, title })]);
    const r = merge([
      target("create.txt", "CreateJob"),
      target("get.txt", "GetJob"),
      loose("list.txt", "ListBlueprints", []),
      loose("delete.txt", "Delete a widget", []),
    ]);
    expect(routes(r.doc)).toEqual([
      "POST /#X-Amz-Target=AWSGlue.CreateJob",
      "POST /#X-Amz-Target=AWSGlue.GetJob",
      "POST /#X-Amz-Target=AWSGlue.ListBlueprints",
    ]);
    expect(r.unplaced).toEqual(["Delete a widget"]);
    // Where the shown routes disagree on the method, the page's method is not shown: it stays unplaced.
    const mixed = merge([
      target("create.txt", "CreateJob"),
      target("get.txt", "GetJob", "get"),
      loose("list.txt", "ListBlueprints", []),
    ]);
    expect(mixed.unplaced).toEqual(["ListBlueprints"]);
  });

  it("builds no route from a title whose noun is a phrase (the balance of a gift card), not a resource", () => {
    const r = merge([
      shown("list.txt", "get", "/v70/gadgets", []),
      loose("balance.txt", "Get the balance of a gift card", []),
      loose("requests.txt", "List of API requests that have been made", []),
      loose("widget.txt", "Get a widget", []),
    ]);
    expect(routes(r.doc)).toEqual(["GET /v70/gadgets", "GET /v70/widgets/{id}"]);
    expect(r.unplaced.sort()).toEqual([
      "Get the balance of a gift card",
      "List of API requests that have been made",
    ]);
  });

  it("places a create that lists its inputs but no item name in the collection, not on a shown PUT item", () => {
    const pages = (names: string[]) => [
      shown("update.txt", "put", "/v1/articles/{article_id}", ["article_id"]),
      shown("list.txt", "get", "/v1/articles", []),
      loose("create.txt", "Create new Article", names),
    ];
    const inCollection = merge(pages([]));
    expect(routes(inCollection.doc)).toEqual([
      "GET /v1/articles",
      "POST /v1/articles",
      "PUT /v1/articles/{article_id}",
    ]);
    expect(inCollection.doc.paths["/v1/articles/{article_id}"]?.put?.parameters?.map((p) => p.name)).toEqual([
      "article_id",
    ]);
    // A page that names the item (its path parameter) may still create it by PUT at that name.
    const named = merge(pages(["article_id"]));
    expect(routes(named.doc)).toEqual(["GET /v1/articles", "PUT /v1/articles/{article_id}"]);
    expect(named.problems).toEqual([]);
  });

  it("reads `get` with a plural noun as a list, not the item", () => {
    const r = merge([
      shown("get.txt", "get", "/v1/widgets/{widget_id}", ["widget_id"]),
      shown("list.txt", "get", "/v1/widgets", []),
      loose("many.txt", "getWidgets", []),
    ]);
    expect(routes(r.doc)).toEqual(["GET /v1/widgets", "GET /v1/widgets/{widget_id}"]);
    expect(r.doc.paths["/v1/widgets"]?.get?.parameters?.map((p) => p.name)).toEqual(["verbose"]);
  });
});

describe("settling path parameter names", () => {
  it("keeps the names each route's pages document where routes only share a prefix", () => {
    const r = merge([
      shown("a.txt", "get", "/{policyAssignmentId}", ["policyAssignmentId"]),
      shown("b.txt", "get", "/{scope}/providers/assignments/{name}", ["scope", "name"]),
    ]);
    expect(routes(r.doc)).toEqual(["GET /{policyAssignmentId}", "GET /{scope}/providers/assignments/{name}"]);
    expect(r.problems).toEqual([]);
  });

  it("gives a placeholder no page documents the name pages document at that place of the routes around it", () => {
    const r = merge([
      shown("a.txt", "post", "/v1/sessions/{session}", ["session"]),
      page("b.txt", [op("b.txt", 1, { method: "post", path: "/v1/sessions/{id}/cancel", title: "Cancel" })]),
    ]);
    expect(routes(r.doc)).toEqual(["POST /v1/sessions/{session}", "POST /v1/sessions/{session}/cancel"]);
  });
});
