// Which URLs a crawl may visit: those of the start URL's origin under its path prefix, that the
// --include patterns admit (all, when none is given) and no --exclude pattern names. Patterns are
// glob-like: `*` stands for any run of characters, `/` included; everything else is literal. A pattern
// with "://" is matched against the whole URL, any other against the path and query (`/docs/guides/*`).
// Matching never backtracks: the pieces between stars are found left to right with indexOf, so one URL
// costs at most its length times the pattern's, whatever the pattern (no regular expression is built).
import { UserError } from "../lib/errors.ts";

/** The most characters a pattern may have; URLs are bounded by the page limit's discovery caps. */
const MAX_PATTERN_LENGTH = 1000;

export class UrlPattern {
  private readonly pieces: string[];
  readonly whole: boolean;

  constructor(readonly pattern: string) {
    if (pattern === "" || pattern.length > MAX_PATTERN_LENGTH)
      throw new UserError(
        `a URL pattern must have 1 to ${MAX_PATTERN_LENGTH} characters`,
        pattern.slice(0, 80),
      );
    this.whole = pattern.includes("://");
    this.pieces = pattern.split("*");
  }

  matches(url: URL): boolean {
    const subject = this.whole ? url.href : url.pathname + url.search;
    const pieces = this.pieces;
    const first = pieces[0] as string;
    if (pieces.length === 1) return subject === first;
    const last = pieces[pieces.length - 1] as string;
    if (!subject.startsWith(first) || subject.length < first.length + last.length) return false;
    if (!subject.endsWith(last)) return false;
    // The middle pieces in order, each as early as it fits: leftmost placement leaves the most room for
    // the rest, so it finds a match whenever there is one.
    let at = first.length;
    const end = subject.length - last.length;
    for (let i = 1; i < pieces.length - 1; i++) {
      const piece = pieces[i] as string;
      const found = subject.indexOf(piece, at);
      if (found === -1 || found + piece.length > end) return false;
      at = found + piece.length;
    }
    return true;
  }
}

/** The folder a start URL stands for: `/docs/` for `/docs/`, `/docs` and `/docs/index.html`. */
function prefixOf(start: URL): string {
  const path = start.pathname;
  if (path.endsWith("/")) return path;
  const last = path.slice(path.lastIndexOf("/") + 1);
  return last.includes(".") ? path.slice(0, path.lastIndexOf("/") + 1) : `${path}/`;
}

export class UrlScope {
  readonly prefix: string;
  private readonly include: UrlPattern[];
  private readonly exclude: UrlPattern[];

  constructor(
    readonly start: URL,
    include: readonly string[] = [],
    exclude: readonly string[] = [],
  ) {
    this.prefix = prefixOf(start);
    this.include = include.map((p) => new UrlPattern(p));
    this.exclude = exclude.map((p) => new UrlPattern(p));
  }

  /** Whether `url` is on the start URL's origin, under its path prefix (the prefix folder itself too). */
  underStart(url: URL): boolean {
    if (url.origin !== this.start.origin) return false;
    return url.pathname.startsWith(this.prefix) || `${url.pathname}/` === this.prefix;
  }

  /** Why the patterns leave `url` out, or undefined when they admit it. */
  patternsRefuse(url: URL): string | undefined {
    const excluded = this.exclude.find((p) => p.matches(url));
    if (excluded) return `excluded by --exclude ${excluded.pattern}`;
    // The start page is where discovery begins: --include narrows what it leads to, not the start.
    if (this.include.length > 0 && url.href !== this.start.href && !this.include.some((p) => p.matches(url)))
      return "matches no --include pattern";
    return undefined;
  }
}

/** A link's target as a page address: resolved against `base`, without its fragment; undefined if not http(s). */
export function pageAddress(href: string, base: string | URL): URL | undefined {
  if (!URL.canParse(href.trim(), String(base))) return undefined;
  const url = new URL(href.trim(), base);
  if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
  url.hash = "";
  return url;
}
