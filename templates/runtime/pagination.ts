// List endpoints: `await client.x.list()` gives the first page as the API returned it, and
// `for await (const item of client.x.list())` walks every item, fetching pages as it goes. How to find the
// items and the next page's parameters is a small strategy per API style (Stripe cursors, cursor fields,
// next links).
import type { RequestArgs } from "./client.js";
import { ownValue } from "./own.js";

export interface PageStrategy<TPage, TItem, TParams = RequestArgs> {
  /** The items of one page. */
  items(page: TPage): TItem[];
  /** Parameters of the page after `page` (fetched with `params`), or undefined on the last page. */
  nextParams(page: TPage, params: TParams): TParams | undefined;
}

export interface PageSource<TPage, TItem, TParams = RequestArgs> extends PageStrategy<TPage, TItem, TParams> {
  /** Parameters of the first page. */
  params: TParams;
  fetchPage(params: TParams): Promise<TPage>;
}

/** One fetched page with the way to the next. */
export class Page<TPage, TItem, TParams = RequestArgs> {
  private readonly source: PageSource<TPage, TItem, TParams>;
  /** The parameters this page was fetched with. */
  readonly params: TParams;
  /** The page as the API returned it. */
  readonly data: TPage;

  constructor(source: PageSource<TPage, TItem, TParams>, params: TParams, data: TPage) {
    this.source = source;
    this.params = params;
    this.data = data;
  }

  get items(): TItem[] {
    return this.source.items(this.data);
  }

  hasNextPage(): boolean {
    return this.source.nextParams(this.data, this.params) !== undefined;
  }

  /** The next page; throws on the last page (check `hasNextPage()` first). */
  async getNextPage(): Promise<Page<TPage, TItem, TParams>> {
    const params = this.source.nextParams(this.data, this.params);
    if (params === undefined) throw new Error("No next page: check hasNextPage() first");
    return new Page(this.source, params, await this.source.fetchPage(params));
  }
}

/**
 * A lazy list request. Nothing is fetched until it is awaited or iterated; the first page is fetched
 * once and shared by both.
 */
export class PagePromise<TPage, TItem, TParams = RequestArgs>
  implements PromiseLike<TPage>, AsyncIterable<TItem>
{
  private readonly source: PageSource<TPage, TItem, TParams>;
  private first: Promise<Page<TPage, TItem, TParams>> | undefined;

  constructor(source: PageSource<TPage, TItem, TParams>) {
    this.source = source;
  }

  /** The first page with `items`, `hasNextPage()` and `getNextPage()`. */
  firstPage(): Promise<Page<TPage, TItem, TParams>> {
    this.first ??= this.source
      .fetchPage(this.source.params)
      .then((data) => new Page(this.source, this.source.params, data));
    return this.first;
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

  /** Every page in turn, starting with the first. */
  async *pages(): AsyncGenerator<Page<TPage, TItem, TParams>, void, undefined> {
    let page = await this.firstPage();
    yield page;
    while (page.hasNextPage()) {
      page = await page.getNextPage();
      yield page;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<TItem, void, undefined> {
    for await (const page of this.pages()) yield* page.items;
  }
}

// ---------------------------------------------------------------------------------------------------
// Strategies. Fields may be dotted paths (`meta.next_cursor`).

/** The element type of the array at `K` in a page type; unknown when it cannot be read off. */
export type ItemsOf<TPage, K extends string> = TPage extends { [P in K]?: infer A }
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
  const value = field(page, path);
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
 * A cursor in the body (`next_cursor`) sent back as a query parameter (`cursor`). The list ends when the
 * cursor is missing, empty, or the one just sent (a server that repeats itself would loop forever).
 */
export function cursorField<TPage, K extends string = "data">(
  cursorPath: string,
  param: string,
  itemsPath: K = "data" as K,
): PageStrategy<TPage, ItemsOf<TPage, K>> {
  return {
    items: (page) => arrayAt(page, itemsPath),
    nextParams: (page, params) => {
      const cursor = cursorText(field(page, cursorPath));
      if (cursor === undefined || cursor === cursorText(params.query?.[param])) return undefined;
      return withQuery(params, { [param]: cursor });
    },
  };
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
    nextParams: (page, params) => {
      const link = field(page, linkPath);
      if (typeof link !== "string" || link === "" || link === params.url) return undefined;
      // The link carries the whole query; the first page's query parameters must not be added again.
      const { query: _query, ...rest } = params;
      return { ...rest, url: link };
    },
  };
}
