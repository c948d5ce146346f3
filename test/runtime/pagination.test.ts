// Pagination against a real server: `for await` walks every item across pages, awaiting gives page one.
import { describe, expect, it } from "vitest";
import { HttpClient, type OperationSpec } from "../../templates/runtime/client.ts";
import { NotFoundError } from "../../templates/runtime/errors.ts";
import {
  cursorField,
  nextFromLinkHeader,
  nextLink,
  PagePromise,
  stripeCursor,
} from "../../templates/runtime/pagination.ts";
import { serverForTests } from "./server.ts";
import { LINEAR_CEILING_MS } from "../setup/time-limits.ts";

const server = serverForTests();

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
        return { data: { items: [calls], next: "same" } };
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

  /** A source whose strategy always claims another page: `next(n)` gives page n's next parameters. */
  function endless(next: (n: number) => { cursor: string }, items: (n: number) => number[] = (n) => [n]) {
    let calls = 0;
    const source = new PagePromise<number, number, { cursor?: string }>({
      params: {},
      fetchPage: async () => ({ data: ++calls }),
      items,
      nextParams: (page) => next(page),
    });
    return { source, calls: () => calls };
  }

  it("stops when a server sends a cursor it sent before, also two pages back", async () => {
    const { source, calls } = endless((n) => ({ cursor: ["a", "b"][n % 2] as string }));
    expect(await source.toArray({ limit: Infinity })).toEqual([1, 2, 3]);
    expect(calls()).toBe(3);
  });

  it("stops after an empty page even when the page claims more", async () => {
    const { source, calls } = endless(
      (n) => ({ cursor: `c${n}` }),
      (n) => (n < 3 ? [n] : []),
    );
    expect(await source.toArray({ limit: Infinity })).toEqual([1, 2]);
    expect(calls()).toBe(3);
  });

  it("toArray fetches only the pages the limit needs, and refuses a limit that is not a count", async () => {
    const { source, calls } = endless(
      (n) => ({ cursor: `c${n}` }),
      (n) => [n * 10, n * 10 + 1],
    );
    expect(await source.toArray({ limit: 3 })).toEqual([10, 11, 20]);
    expect(calls()).toBe(2);
    await expect(source.toArray({ limit: -1 })).rejects.toThrow(RangeError);
    await expect(source.toArray({ limit: 1.5 })).rejects.toThrow(/whole number/);
    expect(await source.toArray({ limit: 0 })).toEqual([]);
  });
});

describe("nextFromLinkHeader", () => {
  it("finds rel=next among several links, with commas and semicolons inside targets and quotes", () => {
    const header =
      '<https://api.example/x?page=1&q=a,b;c>; rel="prev", <https://api.example/x?page=3&q=a,b>; ' +
      'title="a, b; rel=next"; rel="next last"';
    expect(nextFromLinkHeader(header)).toBe("https://api.example/x?page=3&q=a,b");
    expect(nextFromLinkHeader('<https://api.example/x?page=1>; rel="prev"')).toBeUndefined();
    expect(nextFromLinkHeader(null)).toBeUndefined();
    expect(nextFromLinkHeader("<unclosed; rel=next")).toBeUndefined();
  });

  it("reads a long header in linear time", () => {
    const header = `${'<https://a.example/x>; rel="prev", '.repeat(20_000)}<https://a.example/n>; rel=next`;
    const started = performance.now();
    expect(nextFromLinkHeader(header)).toBe("https://a.example/n");
    expect(performance.now() - started).toBeLessThan(LINEAR_CEILING_MS);
  });
});
