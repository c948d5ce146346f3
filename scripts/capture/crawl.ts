// The crawl of one documentation site: discovery, then the pages, then what to keep.
//
// Discovery, in this order: the site's llms.txt (or llms-full.txt when there is no llms.txt), its
// sitemap.xml with the sitemaps an index names, then the links of the start page and of the pages it
// leads to, level by level up to `maxDepth`. Every source adds what it finds under the start URL's prefix
// (url-scope.ts); pages the last capture saved are checked again too, so a page that is gone is noticed
// even when no link leads to it any more. Where the site serves a page's markdown twin (`page.md`, tried
// on the first pages of the site) that is fetched instead of the HTML.
//
// Only pages the scraper's detection says document an API (an extractor finds an operation) are kept; the
// rest are skipped with the reason. A page that fails keeps its earlier copy. Every bound is here: pages
// fetched (`maxPages`), link levels (`maxDepth`), URLs held (MAX_DISCOVERED), sitemaps read (MAX_SITEMAPS,
// nested at most MAX_SITEMAP_NESTING deep); each download is bounded by the fetcher.
//
// Pages of one level are fetched concurrently and their results read in discovery order, so the same site
// gives the same capture whatever order the answers arrive in.
import { createHash } from "node:crypto";
import type { CaptureRecord, CapturedPage, SkippedPage } from "../lib/capture-record.ts";
import { chooseExtractor } from "../scrape/extractors/index.ts";
import type { PageOutcome, PageRequest } from "./site-fetcher.ts";
import { htmlFindings, isHtml, markdownLinks, sitemapEntries, type FoundLink } from "./discover.ts";
import { UrlScope } from "./url-scope.ts";

/** What the crawl needs of a fetcher: SiteFetcher's interface. */
export interface PageSource {
  get(request: PageRequest): Promise<PageOutcome>;
  onSite(url: URL): boolean;
}

export interface CrawlOptions {
  scope: UrlScope;
  fetcher: PageSource;
  maxPages: number;
  maxDepth: number;
  /** Pages fetched at once (the fetcher may hold them to its own limit). */
  concurrency: number;
  previous?: CaptureRecord;
  /** The text of a page the last capture saved (for its links when the site answers 304). */
  readSaved?: (page: CapturedPage) => string | undefined;
  onProgress?: (counts: CrawlCounts) => void;
}

export interface CrawlCounts {
  found: number;
  fetched: number;
  kept: number;
}

export type PageFormat = "html" | "markdown" | "text";

/** A page to keep, with what happened to it in this run. */
export interface KeptPage {
  url: string;
  /** The markdown twin it was read from, when not `url`. */
  source?: string;
  title?: string;
  change: "new" | "changed" | "unchanged" | "failed" | "gone";
  /** The text to save (new and changed pages). */
  text?: string;
  format?: PageFormat;
  sha256?: string;
  etag?: string;
  lastModified?: string;
  /** Why the fetch failed ("failed" and "gone"). */
  error?: string;
  /** The last capture's entry of this page. */
  previous?: CapturedPage;
}

export interface CrawlResult {
  kept: KeptPage[];
  skipped: SkippedPage[];
  openapi: string[];
  /** Problems worth a warning: pages that failed, caps that were reached. */
  warnings: string[];
  /** Whether any page answered at all (fetched or 304). */
  reachedSite: boolean;
}

/** URLs held at once; a site with more is cut here (with a warning), whatever --max-pages says. */
export const MAX_DISCOVERED = 50_000;
export const MAX_SITEMAPS = 50;
export const MAX_SITEMAP_NESTING = 3;
/** Pages tried for a markdown twin before deciding that the site serves none. */
const TWIN_PROBES = 5;

const sha256 = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");

/** Runs `work` over `items` with at most `limit` in flight; results in the items' order. */
async function inPool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** A page's download, and the detection's verdict on its text. */
interface Fetched {
  outcome: PageOutcome;
  twin?: URL;
  detection?: { documents: boolean; extractor: string };
}

interface Candidate {
  url: URL;
  depth: number;
  title?: string;
}

function formatOf(url: URL, text: string, contentType: string | null, twin: boolean): PageFormat {
  if (isHtml(text, contentType)) return "html";
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (
    twin ||
    type === "text/markdown" ||
    type === "text/x-markdown" ||
    /\.(md|markdown)$/i.test(url.pathname)
  )
    return "markdown";
  return "text";
}

/** Content types that are no documentation page (an image, a PDF, an archive). */
function notAPage(contentType: string | null): boolean {
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "" || type.startsWith("text/")) return false;
  return !["application/xhtml+xml", "application/xml", "application/octet-stream"].includes(type);
}

/**
 * Whether the scraper finds an operation on the page, and the extractor that read it. An operation counts
 * when it has a method or a path, or fields (a page that names an operation's parameters without its
 * route, which the merge may place): the generic reader's empty span on a guide does not.
 */
function documentsApi(file: string, text: string): { documents: boolean; extractor: string } {
  const { extractor } = chooseExtractor({ file, text });
  const fragment = extractor.extract({ file, text });
  const documents = fragment.operations.some(
    (op) =>
      op.method !== undefined ||
      op.path !== undefined ||
      op.parameters.length > 0 ||
      (op.requestBody?.fields.length ?? 0) > 0 ||
      op.responses.some((r) => r.fields.length > 0),
  );
  return { documents, extractor: extractor.name };
}

/** The address that stands for a page and its markdown twin: the page's (`/a` for `/a.md`). */
function pageKey(url: URL): string {
  if (!/\.md$/i.test(url.pathname) || url.pathname.length <= 4) return url.href;
  const page = new URL(url.href);
  page.pathname = url.pathname.slice(0, -3);
  return page.href;
}

/** The markdown twin a site may serve beside a page: `/docs/widgets` -> `/docs/widgets.md`. */
function twinOf(url: URL): URL | undefined {
  if (url.pathname.endsWith("/") || /\.(md|markdown|txt|json|ya?ml|xml)$/i.test(url.pathname))
    return undefined;
  const twin = new URL(url.href);
  twin.pathname = `${url.pathname.replace(/\.html?$/i, "")}.md`;
  return twin;
}

export class Crawl {
  private readonly found = new Map<string, Candidate>();
  private readonly skipped = new Map<string, SkippedPage>();
  private readonly kept: KeptPage[] = [];
  private readonly openapi = new Set<string>();
  private readonly warnings: string[] = [];
  private readonly previousByUrl = new Map<string, CapturedPage>();
  /** Kept pages by the hash of their text: a page reached by two URLs (`/a` and `/a.md`) is kept once. */
  private readonly keptHashes = new Map<string, string>();
  private fetchedPages = 0;
  private reachedSite = false;
  private twins: boolean | undefined;
  private twinProbes = 0;
  private capped = false;

  constructor(private readonly options: CrawlOptions) {
    for (const page of options.previous?.pages ?? []) this.previousByUrl.set(page.url, page);
    if (options.previous?.pages.some((p) => p.source)) this.twins = true;
  }

  private progress(): void {
    this.options.onProgress?.({ found: this.found.size, fetched: this.fetchedPages, kept: this.kept.length });
  }

  /**
   * Adds a URL to visit at `depth`, if it is in scope and new. A page and its markdown twin are one page
   * (`/a` and `/a.md`, as an llms.txt links them): the first address found stands for both.
   */
  private add(url: URL, depth: number, title?: string): void {
    const { scope } = this.options;
    const key = pageKey(url);
    if (!scope.underStart(url) || this.found.has(key) || this.skipped.has(url.href)) return;
    if (this.found.size >= MAX_DISCOVERED) {
      if (!this.capped)
        this.warnings.push(`more than ${MAX_DISCOVERED} URLs found: the rest are not visited`);
      this.capped = true;
      return;
    }
    const refused = scope.patternsRefuse(url);
    if (refused) {
      this.skipped.set(url.href, { url: url.href, reason: refused, ...(title ? { title } : {}) });
      return;
    }
    this.found.set(key, { url, depth, ...(title ? { title } : {}) });
  }

  private addLinks(links: readonly FoundLink[], depth: number): void {
    for (const link of links) this.add(link.url, depth, link.text || undefined);
  }

  /** A discovery file (llms.txt, a sitemap): its text, or undefined when the site has none. */
  private async discoveryText(url: URL): Promise<string | undefined> {
    const outcome = await this.options.fetcher.get({ url: url.href });
    if (outcome.kind !== "fetched" || outcome.page.text.trim() === "") return undefined;
    this.reachedSite = true;
    return outcome.page.text;
  }

  /** The places a discovery file may be: beside the start URL's prefix, then at the site's root. */
  private placesOf(name: string): URL[] {
    const { start, prefix } = this.options.scope;
    const places = [new URL(`${prefix}${name}`, start), new URL(`/${name}`, start)];
    return places[0]?.href === places[1]?.href ? places.slice(0, 1) : places;
  }

  private async fromLlmsTxt(): Promise<void> {
    for (const name of ["llms.txt", "llms-full.txt"]) {
      for (const url of this.placesOf(name)) {
        const text = await this.discoveryText(url);
        if (text === undefined || isHtml(text, null)) continue;
        const links = markdownLinks(text, url);
        // An llms.txt that links pages' markdown twins shows that the site serves them.
        if (links.some((l) => pageKey(l.url) !== l.url.href)) this.twins = true;
        this.addLinks(links, 1);
        return;
      }
    }
  }

  private async fromSitemaps(): Promise<void> {
    const queue = this.placesOf("sitemap.xml").map((url) => ({ url, nesting: 0 }));
    const seen = new Set<string>();
    let read = 0;
    while (queue.length > 0 && read < MAX_SITEMAPS) {
      const { url, nesting } = queue.shift() as { url: URL; nesting: number };
      if (seen.has(url.href) || !this.options.fetcher.onSite(url)) continue;
      seen.add(url.href);
      const text = await this.discoveryText(url);
      if (text === undefined) continue;
      read++;
      const entries = sitemapEntries(text, url);
      for (const page of entries.pages) this.add(page, 1);
      if (nesting + 1 < MAX_SITEMAP_NESTING)
        queue.push(...entries.sitemaps.map((s) => ({ url: s, nesting: nesting + 1 })));
      // A sitemap at the prefix answers for the site; the root's would repeat it or widen it.
      if (nesting === 0 && entries.pages.length + entries.sitemaps.length > 0)
        queue.splice(0, queue.length, ...queue.filter((q) => q.nesting > 0));
    }
  }

  async run(): Promise<CrawlResult> {
    const { scope, maxDepth } = this.options;
    this.add(scope.start, 0);
    await this.fromLlmsTxt();
    await this.fromSitemaps();
    // Pages the last capture saved, checked again: one the site no longer serves is gone.
    for (const page of this.previousByUrl.values())
      if (page.status !== "gone") this.add(new URL(page.url), 1);
    this.progress();
    // Links lead one level deeper, so the last level is at most maxDepth (or 1: llms.txt, the sitemap).
    for (let depth = 0; depth <= Math.max(1, maxDepth); depth++) {
      const level = [...this.found.values()].filter((c) => c.depth === depth);
      if (level.length > 0) await this.fetchLevel(level);
    }
    // Pages the last capture saved that were not visited this time (over the limit, out of scope now).
    const visited = new Set(this.kept.map((k) => k.url));
    for (const [url, previous] of this.previousByUrl) {
      if (visited.has(url)) continue;
      if (previous.status === "gone" || !scope.underStart(new URL(url)) || scope.patternsRefuse(new URL(url)))
        this.kept.push({
          url,
          change: "gone",
          previous,
          error: previous.error ?? "no longer found by the crawl",
        });
      else this.kept.push({ url, change: "unchanged", previous });
    }
    return {
      kept: this.kept,
      skipped: [...this.skipped.values()],
      openapi: [...this.openapi],
      warnings: this.warnings,
      reachedSite: this.reachedSite,
    };
  }

  private async fetchLevel(level: Candidate[]): Promise<void> {
    const { maxPages, maxDepth, concurrency } = this.options;
    const room = Math.max(0, maxPages - this.fetchedPages);
    for (const over of level.slice(room)) {
      this.found.delete(pageKey(over.url));
      if (!this.previousByUrl.has(over.url.href))
        this.skipped.set(over.url.href, {
          url: over.url.href,
          reason: `not fetched: over --max-pages ${maxPages}`,
          ...(over.title ? { title: over.title } : {}),
        });
    }
    const todo = level.slice(0, room);
    await this.probeTwins(todo);
    const outcomes = await inPool(todo, concurrency, (c) => this.fetchOne(c));
    for (const [i, outcome] of outcomes.entries()) {
      const candidate = todo[i] as Candidate;
      const links = this.judge(candidate, outcome);
      if (candidate.depth < maxDepth) this.addLinks(links, candidate.depth + 1);
    }
    this.progress();
  }

  /**
   * Decides whether the site serves markdown twins, trying pages spread over the level (a section of
   * pages without twins, such as generated HTML, often comes first).
   */
  private async probeTwins(level: Candidate[]): Promise<void> {
    const able = level.filter((c) => twinOf(c.url) !== undefined);
    const picks = new Set<Candidate>();
    for (let i = 0; i < TWIN_PROBES && able.length > 0; i++)
      picks.add(able[Math.floor((i * able.length) / TWIN_PROBES)] as Candidate);
    for (const candidate of picks) {
      if (this.twins !== undefined || this.twinProbes >= TWIN_PROBES) return;
      const twin = twinOf(candidate.url) as URL;
      this.twinProbes++;
      const outcome = await this.options.fetcher.get({ url: twin.href });
      if (
        outcome.kind === "fetched" &&
        outcome.page.text.trim() !== "" &&
        !isHtml(outcome.page.text, outcome.page.contentType)
      )
        this.twins = true;
    }
    if (this.twinProbes >= TWIN_PROBES && this.twins === undefined) this.twins = false;
  }

  /** Fetches a page (its twin first when the site serves them) and runs the scraper's detection on it. */
  private async fetchOne(candidate: Candidate): Promise<Fetched> {
    const fetched = await this.download(candidate);
    const { outcome } = fetched;
    // Detection runs here, as each page arrives, so that it overlaps the downloads still in flight.
    if (outcome.kind === "fetched" && !notAPage(outcome.page.contentType) && outcome.page.text.trim() !== "")
      return { ...fetched, detection: documentsApi(candidate.url.href, outcome.page.text) };
    return fetched;
  }

  private async download(candidate: Candidate): Promise<Fetched> {
    const previous = this.previousByUrl.get(candidate.url.href);
    const conditional = (url: URL): PageRequest => {
      // The old copy is what the validators describe (a failed fetch kept it), unless the site dropped it.
      const same = previous && (previous.source ?? previous.url) === url.href && previous.status !== "gone";
      return {
        url: url.href,
        ...(same && previous.etag ? { etag: previous.etag } : {}),
        ...(same && previous.lastModified ? { lastModified: previous.lastModified } : {}),
      };
    };
    this.fetchedPages++;
    const twin = this.twins ? twinOf(candidate.url) : undefined;
    if (twin) {
      const outcome = await this.options.fetcher.get(conditional(twin));
      const usable =
        outcome.kind === "unchanged" ||
        (outcome.kind === "fetched" &&
          outcome.page.text.trim() !== "" &&
          !isHtml(outcome.page.text, outcome.page.contentType));
      if (usable) return { outcome, twin };
    }
    return { outcome: await this.options.fetcher.get(conditional(candidate.url)) };
  }

  private skip(candidate: Candidate, reason: string, title?: string): void {
    const shown = title ?? candidate.title;
    this.skipped.set(candidate.url.href, {
      url: candidate.url.href,
      reason,
      ...(shown ? { title: shown } : {}),
    });
  }

  /** Files the page's outcome under kept or skipped; returns the links to follow from it. */
  private judge(candidate: Candidate, { outcome, twin, detection }: Fetched): FoundLink[] {
    const url = candidate.url.href;
    const previous = this.previousByUrl.get(url);
    const source = twin ? { source: twin.href } : {};
    if (outcome.kind === "refused") {
      this.skip(candidate, outcome.reason);
      if (previous) this.kept.push({ url, change: "gone", previous, error: outcome.reason });
      return [];
    }
    if (outcome.kind === "failed") {
      const gone = outcome.status === 404 || outcome.status === 410;
      const reason = outcome.reason;
      if (previous) this.kept.push({ url, change: gone ? "gone" : "failed", previous, error: reason });
      else this.skip(candidate, `failed: ${reason}`);
      if (!gone) this.warnings.push(`${outcome.url}: ${reason}`);
      return [];
    }
    this.reachedSite = true;
    if (outcome.kind === "unchanged") {
      if (!previous) {
        this.skip(candidate, "the site answered 304 Not Modified to a request that was not conditional");
        return [];
      }
      this.kept.push({ url, ...source, change: "unchanged", previous });
      this.keptHashes.set(previous.sha256, url);
      const saved = this.options.readSaved?.(previous);
      return saved === undefined
        ? []
        : this.linksOf(new URL(previous.source ?? url), saved, null, Boolean(previous.source)).links;
    }
    const { page } = outcome;
    const at = new URL(page.url);
    if (notAPage(page.contentType)) {
      this.skip(candidate, `not a documentation page (${page.contentType})`);
      return [];
    }
    const read = this.linksOf(at, page.text, page.contentType, Boolean(twin));
    for (const spec of read.openapi) this.openapi.add(spec.href);
    if (page.text.trim() === "") {
      this.skip(candidate, "empty page", read.title);
      return read.links;
    }
    if (!detection?.documents) {
      const shell = read.openapi.length > 0 ? "; it loads an OpenAPI document, offered above" : "";
      this.skip(
        candidate,
        `documents no API: no operation found (read as "${detection?.extractor ?? "generic"}")${shell}`,
        read.title,
      );
      if (previous) this.kept.push({ url, change: "gone", previous, error: "no longer documents an API" });
      return read.links;
    }
    const hash = sha256(page.text);
    const twinOfKept = this.keptHashes.get(hash);
    if (twinOfKept !== undefined) {
      this.skip(candidate, `the same page as ${twinOfKept}`, read.title);
      return read.links;
    }
    this.keptHashes.set(hash, url);
    const title = read.title ?? candidate.title;
    this.kept.push({
      url,
      ...source,
      ...(title ? { title } : {}),
      change: !previous
        ? "new"
        : previous.sha256 === hash && previous.status !== "gone"
          ? "unchanged"
          : "changed",
      text: page.text,
      format: read.format,
      sha256: hash,
      ...(page.etag ? { etag: page.etag } : {}),
      ...(page.lastModified ? { lastModified: page.lastModified } : {}),
      ...(previous ? { previous } : {}),
    });
    this.progress();
    return read.links;
  }

  private linksOf(
    url: URL,
    text: string,
    contentType: string | null,
    twin: boolean,
  ): { links: FoundLink[]; openapi: URL[]; title?: string; format: PageFormat } {
    const format = formatOf(url, text, contentType, twin);
    if (format === "html") {
      const found = htmlFindings(text, url);
      return { ...found, format };
    }
    if (format === "markdown") return { links: markdownLinks(text, url), openapi: [], format };
    return { links: [], openapi: [], format };
  }
}

/** Crawls the site; see the file head. */
export function crawl(options: CrawlOptions): Promise<CrawlResult> {
  return new Crawl(options).run();
}
