// Pagination of a generated package on the wire, one list operation per style, each detected from the
// spec (test/fixtures/specs/pages.json, built by test/setup/test-packages.ts): a real HTTP server on
// 127.0.0.1 serves seven items in pages of three the way each API does (Stripe list and search, OpenAI,
// GitHub's Link header, page numbers, offsets, a cursor field, a next link), and the test walks them with
// `for await`, `.pages()` and `.toArray({ limit })`, reading the requests the client sent. The real tsc
// checks that the items are typed from the schema and that `toArray` needs its limit.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startServer, type Recorded, type Reply, type TestServer } from "../runtime/server.ts";
import { detectPagination } from "../../scripts/generate/model/pagination.ts";
import { consumerTypeErrors, importTestPackage } from "./test-package.ts";

interface Item {
  id: string;
  n: number;
}
interface Listing {
  then(resolve: (page: unknown) => void): unknown;
  [Symbol.asyncIterator](): AsyncIterator<Item>;
  pages(): AsyncIterable<{ items: Item[] }>;
  toArray(options: { limit: number }): Promise<Item[]>;
  asResponse(): Promise<Response>;
}
type List = (params?: Record<string, unknown>) => Listing;
interface Package {
  PagesClient: new (
    options: Record<string, unknown>,
  ) => Record<
    "stripe" | "openai" | "github" | "numbered" | "offset" | "cursor" | "next",
    { items: { list: List; search: List } }
  >;
}

const ITEMS: Item[] = Array.from({ length: 7 }, (_, i) => ({ id: `it_${i + 1}`, n: i + 1 }));
const SIZE = 3;

let dir: string;
let pkg: Package;
let server: TestServer;
/** How the server misbehaves in a test: it ignores the page it is asked for. */
let stuck = false;
/** The server leaves out counts (total_pages, total). */
let countless = false;

function slice(start: number, size = SIZE): { data: Item[]; end: number; more: boolean } {
  const data = stuck ? ITEMS.slice(0, size) : ITEMS.slice(start, start + size);
  const end = start + size;
  return { data, end, more: stuck || end < ITEMS.length };
}

/** The index after the item `id` (0 without one). */
const after = (id: string | null) => (id ? ITEMS.findIndex((i) => i.id === id) + 1 : 0);
const whole = (text: string | null, fallback: number) => (text === null ? fallback : Number(text));

/** Each style's server side, keyed by path. */
const STYLES: Record<string, (q: URLSearchParams, req: Recorded) => Reply> = {
  "/stripe/items": (q) => {
    const { data, more } = slice(after(q.get("starting_after")), whole(q.get("limit"), SIZE));
    return { body: { object: "list", data, has_more: more } };
  },
  "/stripe/items/search": (q) => {
    const start = q.get("page") ? Number(q.get("page")?.slice("tok_".length)) : 0;
    const { data, end, more } = slice(start, whole(q.get("limit"), SIZE));
    return { body: { object: "search_result", data, has_more: more, next_page: more ? `tok_${end}` : null } };
  },
  "/openai/items": (q) => {
    const { data, more } = slice(after(q.get("after")), whole(q.get("limit"), SIZE));
    // OpenAI keeps last_id on the last page: only has_more ends the list.
    return {
      body: { object: "list", data, first_id: data[0]?.id, last_id: data.at(-1)?.id, has_more: more },
    };
  },
  "/github/items": (q) => {
    const page = whole(q.get("page"), 1);
    const size = whole(q.get("per_page"), SIZE);
    const { data, more } = slice((page - 1) * size, size);
    const link = (p: number, rel: string) =>
      `<${server.url}/github/items?page=${p}&per_page=${size}>; rel="${rel}"`;
    const links = [
      link(1, "first"),
      ...(more ? [link(stuck ? page : page + 1, "next")] : []),
      link(3, "last"),
    ];
    return { headers: { link: links.join(", ") }, body: data };
  },
  "/numbered/items": (q) => {
    const page = whole(q.get("page"), 1);
    const size = whole(q.get("per_page"), SIZE);
    const items = slice((page - 1) * size, size).data;
    return { body: { items, ...(countless ? {} : { total_pages: Math.ceil(ITEMS.length / size) }) } };
  },
  "/offset/items": (q) => {
    const { data } = slice(whole(q.get("offset"), 0), whole(q.get("limit"), SIZE));
    return { body: { results: data, ...(countless ? {} : { total: ITEMS.length }) } };
  },
  "/cursor/items": (q) => {
    const { data, end, more } = slice(whole(q.get("cursor"), 0));
    return { body: { items: data, next_cursor: more ? String(end) : null } };
  },
  "/next/items": (q) => {
    const { data, end, more } = slice(whole(q.get("start"), 0));
    return { body: { data, next: more ? `/next/items?start=${end}` : null } };
  },
};

beforeAll(async () => {
  ({ dir, pkg } = await importTestPackage<Package>("pages"));
  server = await startServer();
  server.handle((req) => {
    const style = STYLES[req.path];
    return style ? style(new URLSearchParams(req.query), req) : { status: 404, body: { error: "no route" } };
  });
});
afterAll(() => server?.close());
beforeEach(() => {
  server.requests.length = 0;
  stuck = false;
  countless = false;
});

const client = () => new pkg.PagesClient({ baseURL: server.url, maxRetries: 0 });
const queries = () => server.requests.map((r) => r.query);

/** Each style: the list call, and the queries of its three pages. */
const CASES: [string, () => Listing, string[]][] = [
  [
    "Stripe list (has_more, starting_after)",
    () => client().stripe.items.list(),
    ["", "starting_after=it_3", "starting_after=it_6"],
  ],
  [
    "Stripe search (next_page -> page)",
    () => client().stripe.items.search({ query: "n>0" }),
    ["query=n%3E0", "query=n%3E0&page=tok_3", "query=n%3E0&page=tok_6"],
  ],
  [
    "OpenAI (has_more, last_id -> after)",
    () => client().openai.items.list({ limit: 3 }),
    ["limit=3", "after=it_3&limit=3", "after=it_6&limit=3"],
  ],
  [
    "GitHub (Link header)",
    () => client().github.items.list({ per_page: 3 }),
    ["per_page=3", "page=2&per_page=3", "page=3&per_page=3"],
  ],
  ["page numbers (page, total_pages)", () => client().numbered.items.list(), ["", "page=2", "page=3"]],
  [
    "offsets (offset, limit, total)",
    () => client().offset.items.list({ limit: 3 }),
    ["limit=3", "offset=3&limit=3", "offset=6&limit=3"],
  ],
  [
    "a cursor field (next_cursor -> cursor)",
    () => client().cursor.items.list(),
    ["", "cursor=3", "cursor=6"],
  ],
  ["a next link in the body", () => client().next.items.list(), ["", "start=3", "start=6"]],
];

describe.each(CASES)("%s", (_name, list, pageQueries) => {
  it("for await walks every item of every page, asking for each page once", async () => {
    const seen: Item[] = [];
    for await (const item of list()) seen.push(item);
    expect(seen).toEqual(ITEMS);
    expect(queries()).toEqual(pageQueries);
  });

  it(".pages() gives the pages, and .toArray({ limit }) fetches only the pages it needs", async () => {
    const sizes: number[] = [];
    for await (const page of list().pages()) sizes.push(page.items.length);
    expect(sizes).toEqual([3, 3, 1]);
    server.requests.length = 0;
    expect(await list().toArray({ limit: 4 })).toEqual(ITEMS.slice(0, 4));
    expect(queries()).toEqual(pageQueries.slice(0, 2));
  });
});

describe("a server that never ends the list", () => {
  it("toArray stops at its limit when every page is full and no total is sent", async () => {
    stuck = true;
    countless = true;
    const items = await client().offset.items.list({ limit: 3 }).toArray({ limit: 10 });
    expect(items).toHaveLength(10);
    expect(server.requests).toHaveLength(4);
  });

  it("a Link header that points at the page just fetched ends the walk", async () => {
    stuck = true;
    const pages: number[] = [];
    for await (const page of client().github.items.list({ per_page: 3, page: 2 }).pages())
      pages.push(page.items.length);
    expect(pages).toEqual([3, 3]);
    expect(queries()).toEqual(["per_page=3&page=2", "page=2&per_page=3"]);
  });

  it("without a page count, numbered pages end on an empty page, or on a short one when the size was sent", async () => {
    countless = true;
    expect(await client().numbered.items.list().toArray({ limit: 100 })).toEqual(ITEMS);
    expect(queries()).toEqual(["", "page=2", "page=3", "page=4"]);
    server.requests.length = 0;
    expect(await client().numbered.items.list({ per_page: 3 }).toArray({ limit: 100 })).toEqual(ITEMS);
    expect(queries()).toEqual(["per_page=3", "page=2&per_page=3", "page=3&per_page=3"]);
  });
});

describe("asResponse() on a list", () => {
  it("gives the first page's Response, its body unread, in one request; an error throws as awaiting does", async () => {
    const response = await client().github.items.list({ per_page: 3 }).asResponse();
    expect(response).toBeInstanceOf(Response);
    expect(response.bodyUsed).toBe(false);
    expect(response.headers.get("link")).toContain('rel="next"');
    expect(((await response.json()) as Item[]).map((i) => i.id)).toEqual(["it_1", "it_2", "it_3"]);
    expect(queries()).toEqual(["per_page=3"]);

    server.reply({ status: 404, body: { error: "gone" } });
    const error = await client()
      .stripe.items.list()
      .asResponse()
      .then(
        () => undefined,
        (e: unknown) => e as { status?: number },
      );
    expect(error?.status).toBe(404);
  });
});

describe("types", () => {
  it("items are typed from the schema, and toArray needs a limit", async () => {
    const errors = await consumerTypeErrors(dir, [
      "import { PagesClient } from PACKAGE;",
      'const client = new PagesClient({ baseURL: "http://127.0.0.1:9" });',
      "export async function use(): Promise<number> {",
      "  let sum = 0;",
      "  for await (const item of client.github.items.list({ per_page: 3 })) sum += item.n;",
      "  for await (const page of client.openai.items.list().pages()) sum += page.items.map((i) => i.id).length;",
      "  const found: { id: string; n: number }[] = await client.stripe.items.search({ query: 'x' }).toArray({ limit: 5 });",
      "  const offsets: number[] = (await client.offset.items.list().toArray({ limit: 5 })).map((i) => i.n);",
      "  const first = await client.numbered.items.list();",
      "  const raw: Response = await client.stripe.items.list().asResponse();",
      "  return sum + found.length + offsets.length + (first.total_pages ?? 0) + raw.status;",
      "}",
      "export async function wrong(): Promise<void> {",
      "  for await (const item of client.cursor.items.list()) item.nope;",
      "  await client.next.items.list().toArray();",
      "}",
    ]);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/Property 'nope' does not exist/);
    expect(errors[1]).toMatch(/Expected 1 arguments/);
  });
});

describe("detectPagination rules beyond the fixture package", () => {
  const detect = (query: string[], schema: Record<string, unknown>, headers?: Record<string, unknown>) =>
    detectPagination(
      {},
      { responses: { "200": { description: "", headers, content: { "application/json": { schema } } } } },
      ["200"],
      query.map((name) => ({ name, in: "query" as const, required: false })),
    );
  const items = { type: "array", items: { type: "string" } };

  it("a cursor parameter the body does not carry means a Link header (GitHub's cursor lists)", () => {
    expect(detect(["per_page", "after", "before"], items)).toEqual({ kind: "linkHeader", itemsField: "" });
    expect(detect(["per_page", "after"], { type: "object", properties: { attestations: items } })).toEqual({
      kind: "linkHeader",
      itemsField: "attestations",
    });
  });

  it("a next_<param> that is a URL is a next link, not a token", () => {
    const schema = {
      type: "object",
      properties: { rows: items, next_page: { type: "string", format: "uri" } },
    };
    expect(detect(["page"], schema)).toEqual({
      kind: "nextLink",
      itemsField: "rows",
      linkField: "next_page",
    });
  });

  it("a list with no way to the next page, or no list, does not page", () => {
    expect(detect([], items)).toBeUndefined();
    expect(detect(["page"], { type: "object", properties: { name: { type: "string" } } })).toBeUndefined();
  });
});
