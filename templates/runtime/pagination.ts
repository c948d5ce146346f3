// List endpoints: `await client.x.list()` gives the first page as the API returned it,
// `for await (const item of client.x.list())` walks every item, fetching pages as it goes, `.pages()` walks
// the pages and `.toArray({ limit })` collects at most `limit` items. How to find the items and the next
// page's parameters is a small strategy per API style (Stripe and OpenAI cursors, cursor fields, next links
// in the body or in a `Link` header, page numbers, offsets).
import type { RequestArgs } from "./client.js";
import { ownValue } from "./own.js";

export interface PageStrategy<TPage, TItem, TParams = RequestArgs> {
  /** The items of one page. */
  items(page: TPage): TItem[];
  /**
   * Parameters of the page after `page` (fetched with `params`, answered with `headers`), or undefined on
   * the last page.
   */
  nextParams(page: TPage, params: TParams, headers?: Headers): TParams | undefined;
}

/** A fetched page: its body and, from HTTP, the response headers (a `Link` header may point onwards). */
export interface FetchedPage<TPage> {
  data: TPage;
  headers?: Headers;
}

export interface PageSource<TPage, TItem, TParams = RequestArgs> extends PageStrategy<TPage, TItem, TParams> {
  /** Parameters of the first page. */
  params: TParams;
  fetchPage(params: TParams): Promise<FetchedPage<TPage>>;
  /** The fetch Response of the page for `params`, its body unread (for `asResponse()`). */
  fetchResponse?(params: TParams): Promise<Response>;
}

/** One fetched page with the way to the next. */
export class Page<TPage, TItem, TParams = RequestArgs> {
  private readonly source: PageSource<TPage, TItem, TParams>;
  /** The parameters this page was fetched with. */
  readonly params: TParams;
  /** The page as the API returned it. */
  readonly data: TPage;
  /** The response headers, when the page came over HTTP. */
  readonly headers: Headers | undefined;

  constructor(source: PageSource<TPage, TItem, TParams>, params: TParams, fetched: FetchedPage<TPage>) {
    this.source = source;
    this.params = params;
    this.data = fetched.data;
    this.headers = fetched.headers;
  }

  get items(): TItem[] {
    return this.source.items(this.data);
  }

  /** Parameters of the next page; none after an empty page, whatever the page says (no endless loop). */
  nextParams(): TParams | undefined {
    if (this.items.length === 0) return undefined;
    return this.source.nextParams(this.data, this.params, this.headers);
  }

  hasNextPage(): boolean {
    return this.nextParams() !== undefined;
  }

  /** The next page; throws on the last page (check `hasNextPage()` first). */
  async getNextPage(): Promise<Page<TPage, TItem, TParams>> {
    const params = this.nextParams();
    if (params === undefined) throw new Error("No next page: check hasNextPage() first");
    return new Page(this.source, params, await this.source.fetchPage(params));
  }
}

/** A page's parameters as text, to tell one already fetched (query values may be bigints). */
function paramsKey(params: unknown): string {
  return JSON.stringify(params, (_key, value: unknown) => (typeof value === "bigint" ? `${value}n` : value));
}

/**
 * A lazy list request. Nothing is fetched until it is awaited or iterated; the first page is fetched
 * once and shared by both.
 */
export class PagePromise<TPage, TItem, TParams = RequestArgs>
  implements PromiseLike<TPage>, AsyncIterable<TItem>
{
  private readonly fetchFirst: () => Promise<Page<TPage, TItem, TParams>>;
  private readonly fetchFirstResponse: () => Promise<Response>;
  private first: Promise<Page<TPage, TItem, TParams>> | undefined;

  /**
   * `source` says how to fetch pages; or a function fetching the first page (each page knows the next),
   * with `firstResponse` fetching the first page's Response for asResponse().
   */
  constructor(
    source: PageSource<TPage, TItem, TParams> | (() => Promise<Page<TPage, TItem, TParams>>),
    firstResponse?: () => Promise<Response>,
  ) {
    const noSource = (): Promise<Response> =>
      Promise.reject(new Error("asResponse(): this list has no HTTP source"));
    if (typeof source === "function") {
      this.fetchFirst = source;
      this.fetchFirstResponse = firstResponse ?? noSource;
    } else {
      this.fetchFirst = () =>
        source.fetchPage(source.params).then((fetched) => new Page(source, source.params, fetched));
      const fetchResponse = source.fetchResponse;
      this.fetchFirstResponse =
        fetchResponse === undefined ? noSource : () => fetchResponse.call(source, source.params);
    }
  }

  /**
   * A list request whose code is still loading (the client's resources load an operation's module on
   * first use): `loaded` resolves to the function that makes the request (a PagePromise is thenable, so a
   * promise of one would give its first page's body).
   */
  static deferred<TPage, TItem, TParams>(
    loaded: Promise<() => PagePromise<TPage, TItem, TParams>>,
  ): PagePromise<TPage, TItem, TParams> {
    return new PagePromise(
      () => loaded.then((start) => start().firstPage()),
      () => loaded.then((start) => start().asResponse()),
    );
  }

  /** The first page with `items`, `hasNextPage()` and `getNextPage()`. */
  firstPage(): Promise<Page<TPage, TItem, TParams>> {
    this.first ??= this.fetchFirst();
    return this.first;
  }

  /**
   * The fetch Response of the first page, its body unread, instead of awaiting the list (errors throw as
   * they would there). It is a request of its own: the list stays lazy, so awaiting or iterating it too
   * fetches the first page again.
   */
  asResponse(): Promise<Response> {
    return this.fetchFirstResponse();
  }

  then<R1 = TPage, R2 = never>(
    onfulfilled?: ((value: TPage) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.firstPage()
      .then((page) => page.data)
      .then(onfulfilled, onrejected);
  }

  catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<TPage | R> {
    return this.then(undefined, onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<TPage> {
    return this.then().finally(onfinally);
  }

  /**
   * Every page in turn, starting with the first. The walk ends after an empty page or when the next
   * page's parameters (cursor, page number, link) were already fetched: a server that repeats a cursor
   * would otherwise be asked forever.
   */
  async *pages(): AsyncGenerator<Page<TPage, TItem, TParams>, void, undefined> {
    let page = await this.firstPage();
    const fetched = new Set<string>([paramsKey(page.params)]);
    yield page;
    for (;;) {
      const params = page.nextParams();
      if (params === undefined) return;
      const key = paramsKey(params);
      if (fetched.has(key)) return;
      fetched.add(key);
      page = await page.getNextPage();
      yield page;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<TItem, void, undefined> {
    for await (const page of this.pages()) yield* page.items;
  }

  /**
   * At most `limit` items, fetching only the pages they need. The limit is required so that a list
   * that never ends cannot fill the memory; pass `Infinity` to mean "all" deliberately.
   */
  async toArray(options: { limit: number }): Promise<TItem[]> {
    const limit = options.limit;
    if (!(limit >= 0) || (Number.isFinite(limit) && !Number.isInteger(limit))) {
      throw new RangeError(`toArray: limit must be a whole number >= 0 or Infinity, got ${String(limit)}`);
    }
    const items: TItem[] = [];
    if (limit === 0) return items;
    for await (const page of this.pages()) {
      for (const item of page.items) {
        items.push(item);
        if (items.length >= limit) return items;
      }
    }
    return items;
  }
}

// ---------------------------------------------------------------------------------------------------
// Strategies. Fields may be dotted paths (`meta.next_cursor`).

/**
 * The element type of the array at `K` in a page type (`""`: the page is the array); unknown when it
 * cannot be read off.
 */
export type ItemsOf<TPage, K extends string> = K extends ""
  ? TPage extends readonly (infer I)[]
    ? I
    : unknown
  : TPage extends { [P in K]?: infer A }
    ? NonNullable<A> extends readonly (infer I)[]
      ? I
      : unknown
    : unknown;

function field(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split(".")) {
    if (typeof current !== "object" || current === null) return undefined;
    current = ownValue(current, key);
  }
  return current;
}

function arrayAt<T>(page: unknown, path: string): T[] {
  const value = path === "" ? page : field(page, path);
  return Array.isArray(value) ? (value as T[]) : [];
}

function cursorText(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return typeof value === "string" && value !== "" ? value : undefined;
}

function withQuery(params: RequestArgs, changes: Record<string, unknown>): RequestArgs {
  return { ...params, query: { ...params.query, ...changes } };
}

/**
 * Stripe lists: `{data: [...], has_more}`, next page `starting_after=<last item's id>`. A list walked
 * backwards with `ending_before` continues with `ending_before=<first item's id>`, as Stripe documents.
 */
export function stripeCursor<TPage>(param = "starting_after"): PageStrategy<TPage, ItemsOf<TPage, "data">> {
  return {
    items: (page) => arrayAt(page, "data"),
    nextParams: (page, params) => {
      if (field(page, "has_more") !== true) return undefined;
      const items = arrayAt<unknown>(page, "data");
      const backwards = params.query?.ending_before !== undefined && params.query?.[param] === undefined;
      const edge = backwards ? items[0] : items[items.length - 1];
      const id = cursorText(field(edge, "id"));
      if (id === undefined) return undefined;
      return withQuery(params, backwards ? { ending_before: id } : { [param]: id });
    },
  };
}

/**
 * A cursor in the body (`next_cursor`, Stripe search's `next_page`, OpenAI's `last_id`) sent back as a
 * query parameter (`cursor`, `page`, `after`). The list ends when the cursor is missing, empty, or the one
 * just sent (a server that repeats itself would loop forever), or when `hasMorePath` (`has_more`) is given
 * and the page's flag is not true.
 */
export function cursorField<TPage, K extends string = "data">(
  cursorPath: string,
  param: string,
  itemsPath: K = "data" as K,
  hasMorePath?: string,
): PageStrategy<TPage, ItemsOf<TPage, K>> {
  return {
    items: (page) => arrayAt(page, itemsPath),
    nextParams: (page, params) => {
      if (hasMorePath !== undefined && field(page, hasMorePath) !== true) return undefined;
      const cursor = cursorText(field(page, cursorPath));
      if (cursor === undefined || cursor === cursorText(params.query?.[param])) return undefined;
      return withQuery(params, { [param]: cursor });
    },
  };
}

/** Parameters that fetch `link`: it carries the whole query, so the first page's is not added again. */
function followLink(params: RequestArgs, link: unknown): RequestArgs | undefined {
  if (typeof link !== "string" || link === "" || link === params.url) return undefined;
  const { query: _query, ...rest } = params;
  return { ...rest, url: link };
}

/**
 * A next-page URL in the body (`next`), absolute or relative to the base URL, already holding the query.
 * The client only follows links to the base URL's origin, so credentials never go elsewhere.
 */
export function nextLink<TPage, K extends string = "data">(
  linkPath = "next",
  itemsPath: K = "data" as K,
): PageStrategy<TPage, ItemsOf<TPage, K>> {
  return {
    items: (page) => arrayAt(page, itemsPath),
    nextParams: (page, params) => followLink(params, field(page, linkPath)),
  };
}

/**
 * The `rel="next"` target of a `Link` header (RFC 8288), as GitHub sends it:
 * `<https://api.github.com/x?page=2>; rel="next", <...>; rel="last"`. One pass over the header; commas
 * and semicolons inside `<...>` and quoted strings do not split it.
 */
export function nextFromLinkHeader(header: string | null | undefined): string | undefined {
  if (!header) return undefined;
  let i = 0;
  const n = header.length;
  while (i < n) {
    const open = header.indexOf("<", i);
    if (open < 0) return undefined;
    const close = header.indexOf(">", open + 1);
    if (close < 0) return undefined;
    const target = header.slice(open + 1, close);
    // The link's parameters run to the next comma outside quotes.
    let j = close + 1;
    let quoted = false;
    while (j < n && (quoted || header[j] !== ",")) {
      if (header[j] === "\\" && quoted) j++;
      else if (header[j] === '"') quoted = !quoted;
      j++;
    }
    for (const part of header.slice(close + 1, j).split(";")) {
      const eq = part.indexOf("=");
      if (eq < 0 || part.slice(0, eq).trim().toLowerCase() !== "rel") continue;
      const rels = part
        .slice(eq + 1)
        .trim()
        .replace(/^"|"$/g, "")
        .toLowerCase()
        .split(/\s+/);
      if (rels.includes("next")) return target.trim();
    }
    i = j + 1;
  }
  return undefined;
}

/**
 * The next page in the response's `Link` header (GitHub). Items are the array at `itemsPath` (`""`: the
 * body is the array). Like `nextLink`, the client follows only links to the base URL's origin.
 */
export function linkHeader<TPage, K extends string = "">(
  itemsPath: K = "" as K,
): PageStrategy<TPage, ItemsOf<TPage, K>> {
  return {
    items: (page) => arrayAt(page, itemsPath),
    nextParams: (_page, params, headers) => followLink(params, nextFromLinkHeader(headers?.get("link"))),
  };
}

function wholeNumber(value: unknown): number | undefined {
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof number === "number" && Number.isSafeInteger(number) ? number : undefined;
}

/**
 * Numbered pages: `page=1, 2, ...` (the first page is 1 unless the caller starts elsewhere). The list
 * ends on an empty page, on a page shorter than the `sizeParam` the caller sent (`per_page`), or at the
 * body's page count (`totalPagesPath`, `total_pages`).
 */
export function pageNumber<TPage, K extends string = "">(
  pageParam: string,
  itemsPath: K = "" as K,
  options: { sizeParam?: string; totalPagesPath?: string } = {},
): PageStrategy<TPage, ItemsOf<TPage, K>> {
  return {
    items: (page) => arrayAt(page, itemsPath),
    nextParams: (page, params) => {
      const current = wholeNumber(params.query?.[pageParam]) ?? 1;
      const size =
        options.sizeParam === undefined ? undefined : wholeNumber(params.query?.[options.sizeParam]);
      if (size !== undefined && arrayAt(page, itemsPath).length < size) return undefined;
      const totalPages =
        options.totalPagesPath === undefined ? undefined : wholeNumber(field(page, options.totalPagesPath));
      if (totalPages !== undefined && current >= totalPages) return undefined;
      return withQuery(params, { [pageParam]: current + 1 });
    },
  };
}

/**
 * Offsets: `offset=0, n, 2n, ...`, each page starting after the items already seen. The list ends on an
 * empty page, on a page shorter than the `limitParam` the caller sent, or once the offset reaches the
 * body's total (`totalPath`, `total`).
 */
export function offsetLimit<TPage, K extends string = "">(
  offsetParam: string,
  itemsPath: K = "" as K,
  options: { limitParam?: string; totalPath?: string } = {},
): PageStrategy<TPage, ItemsOf<TPage, K>> {
  return {
    items: (page) => arrayAt(page, itemsPath),
    nextParams: (page, params) => {
      const count = arrayAt(page, itemsPath).length;
      const limit =
        options.limitParam === undefined ? undefined : wholeNumber(params.query?.[options.limitParam]);
      if (limit !== undefined && count < limit) return undefined;
      const next = (wholeNumber(params.query?.[offsetParam]) ?? 0) + count;
      const total = options.totalPath === undefined ? undefined : wholeNumber(field(page, options.totalPath));
      if (total !== undefined && next >= total) return undefined;
      return withQuery(params, { [offsetParam]: next });
    },
  };
}
