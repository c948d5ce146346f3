// Pagination against a real server: `for await` walks every item across pages, awaiting gives page one.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { HttpClient, type OperationSpec } from "../../templates/runtime/client.ts";
import { NotFoundError } from "../../templates/runtime/errors.ts";
import { cursorField, nextLink, PagePromise, stripeCursor } from "../../templates/runtime/pagination.ts";
import { startServer, type TestServer } from "./server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const ids = ["it_1", "it_2", "it_3", "it_4", "it_5", "it_6", "it_7"];
const list: OperationSpec = {
  method: "GET",
  path: "/v1/items",
  query: [{ name: "limit" }, { name: "starting_after" }, { name: "ending_before" }, { name: "cursor" }],
};

interface StripeList {
  object: "list";
  data: { id: string }[];
  has_more: boolean;
}

/** Stripe-like list: three items a page, `starting_after` or `ending_before` an id. */
function stripeHandler(): void {
  server.handle((req) => {
    const query = new URLSearchParams(req.query);
    const after = query.get("starting_after");
    const before = query.get("ending_before");
    let start = after ? ids.indexOf(after) + 1 : 0;
    if (before) start = Math.max(0, ids.indexOf(before) - 3);
    const end = before ? ids.indexOf(before) : start + 3;
    const data = ids.slice(start, end).map((id) => ({ id }));
    return { body: { object: "list", data, has_more: before ? start > 0 : end < ids.length } };
  });
}

describe("stripeCursor", () => {
  it("walks every item across three pages with for await", async () => {
    stripeHandler();
    const http = new HttpClient({ baseURL: server.url, auth: {} });
    const seen: string[] = [];
    for await (const item of http.paginate(
      list,
      { query: { limit: 3 } },
      undefined,
      stripeCursor<StripeList>(),
    )) {
      seen.push(item.id);
    }
    expect(seen).toEqual(ids);
    expect(server.requests.map((r) => r.query)).toEqual([
      "limit=3",
      "limit=3&starting_after=it_3",
      "limit=3&starting_after=it_6",
    ]);
  });

  it("awaiting gives the first page only; firstPage() leads on", async () => {
    stripeHandler();
    const http = new HttpClient({ baseURL: server.url, auth: {} });
    const pages = http.paginate(list, {}, undefined, stripeCursor<StripeList>());
    expect(server.requests).toHaveLength(0);
    const first = await pages;
    expect(first.data.map((d) => d.id)).toEqual(["it_1", "it_2", "it_3"]);
    const page = await pages.firstPage();
    expect(server.requests).toHaveLength(1);
    expect(page.hasNextPage()).toBe(true);
    const second = await page.getNextPage();
    expect(second.items.map((d) => d.id)).toEqual(["it_4", "it_5", "it_6"]);
    const third = await second.getNextPage();
    expect(third.hasNextPage()).toBe(false);
    await expect(third.getNextPage()).rejects.toThrow(/No next page/);
  });

  it("walks backwards with ending_before", async () => {
    stripeHandler();
    const http = new HttpClient({ baseURL: server.url, auth: {} });
    const seen: string[] = [];
    const pages = http.paginate(
      list,
      { query: { ending_before: "it_7" } },
      undefined,
      stripeCursor<StripeList>(),
    );
    for await (const item of pages) seen.push(item.id);
    expect(seen).toEqual(["it_4", "it_5", "it_6", "it_1", "it_2", "it_3"]);
    expect(server.requests[1]?.query).toBe("ending_before=it_4");
  });

  it("errors reach the loop", async () => {
    server.handle(() => ({ status: 404, body: { message: "gone" } }));
    const http = new HttpClient({ baseURL: server.url, auth: {} });
    const walk = async () => {
      for await (const _ of http.paginate(list, {}, undefined, stripeCursor<StripeList>())) void _;
    };
    await expect(walk()).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("cursorField and nextLink", () => {
  it("sends the body's cursor back as a query parameter", async () => {
    server.handle((req) => {
      const cursor = new URLSearchParams(req.query).get("cursor") ?? "0";
      const n = Number(cursor);
      return {
        body: { results: [`r${n}`, `r${n + 1}`], meta: { next_cursor: n < 4 ? String(n + 2) : null } },
      };
    });
    const http = new HttpClient({ baseURL: server.url, auth: {} });
    type Page = { results: string[]; meta: { next_cursor: string | null } };
    const seen: string[] = [];
    const strategy = cursorField<Page, "results">("meta.next_cursor", "cursor", "results");
    for await (const item of http.paginate(list, {}, undefined, strategy)) seen.push(item);
    expect(seen).toEqual(["r0", "r1", "r2", "r3", "r4", "r5"]);
    expect(server.requests.map((r) => r.query)).toEqual(["", "cursor=2", "cursor=4"]);
  });

  it("follows relative next links on the same origin", async () => {
    server.handle((req) => {
      const page = Number(new URLSearchParams(req.query).get("page") ?? "1");
      return {
        body: {
          data: [page * 10, page * 10 + 1],
          next: page < 3 ? `/v1/items?page=${page + 1}&limit=2` : null,
        },
      };
    });
    const http = new HttpClient({
      baseURL: server.url,
      auth: { key: { type: "apiKey", in: "query", name: "api_key", value: "k1" } },
    });
    const seen: number[] = [];
    const pages = http.paginate(
      { ...list, security: [["key"]] },
      { query: { limit: 2 } },
      undefined,
      nextLink<{ data: number[]; next: string | null }>(),
    );
    for await (const item of pages) seen.push(item);
    expect(seen).toEqual([10, 11, 20, 21, 30, 31]);
    expect(server.requests.map((r) => r.target)).toEqual([
      "/v1/items?limit=2&api_key=k1",
      "/v1/items?page=2&limit=2&api_key=k1",
      "/v1/items?page=3&limit=2&api_key=k1",
    ]);
  });

  it("refuses a next link to another origin (credentials would follow)", async () => {
    server.handle(() => ({ body: { data: [1], next: "http://evil.example/steal" } }));
    const http = new HttpClient({ baseURL: server.url, auth: {} });
    const walk = async () => {
      for await (const _ of http.paginate(list, {}, undefined, nextLink<{ data: number[] }>())) void _;
    };
    await expect(walk()).rejects.toThrow(/another origin/);
    expect(server.requests).toHaveLength(1);
  });
});

describe("PagePromise", () => {
  it("works from any fetchPage, and stops on a repeated cursor", async () => {
    let calls = 0;
    const pages = new PagePromise<{ items: number[]; next: string }, number, { cursor?: string }>({
      params: {},
      fetchPage: async () => {
        calls += 1;
        return { items: [calls], next: "same" };
      },
      items: (page) => page.items,
      nextParams: (page, params) => (page.next === params.cursor ? undefined : { cursor: page.next }),
    });
    const seen: number[] = [];
    for await (const item of pages) seen.push(item);
    expect(seen).toEqual([1, 2]);
    expect(await pages.then((p) => p.items)).toEqual([1]);
    expect(calls).toBe(2);
  });
});
