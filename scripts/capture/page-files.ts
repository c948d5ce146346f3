// File names for captured pages, made from their URLs: the path under the crawl's prefix in lower case (one name on
// every file system) with every run of characters other than letters, digits, "." and "_" made one "-" (so no name climbs out, hides, or means
// something to a shell), at most MAX_STEM characters (a longer one ends in a hash of the URL, so two long
// URLs stay apart), the query as a short hash, and the extension of what was saved. A name is never one
// that another URL of this capture has, nor a file that capture did not write (a hand-saved page beside
// the captured ones): those get "-2", "-3"... The same URL keeps its name from one capture to the next.
import { createHash } from "node:crypto";

const MAX_STEM = 80;

const shortHash = (text: string): string => createHash("sha256").update(text).digest("hex").slice(0, 8);

/** The extension a saved page gets: what it is, not what its URL says. */
export function extensionFor(format: "html" | "markdown" | "text"): string {
  return format === "html" ? ".html" : format === "markdown" ? ".md" : ".txt";
}

/** `text` without "-" and "." at either end, found by a scan (an end-anchored regex is tried at every position). */
function trimDashesAndDots(text: string): string {
  const edge = (c: number): boolean => c === 45 /* - */ || c === 46; /* . */
  let start = 0;
  let end = text.length;
  while (start < end && edge(text.charCodeAt(start))) start++;
  while (end > start && edge(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}

/** The stem of a page's file name: its path below `prefix`, made safe. */
export function stemFor(url: URL, prefix: string): string {
  const below = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : url.pathname;
  let stem = below
    .toLowerCase()
    .replace(/\.(html?|md|markdown|txt)$/, "")
    .replace(/[^a-z0-9._]+/g, "-")
    .replace(/\.{2,}/g, ".");
  stem = trimDashesAndDots(stem);
  if (stem === "") stem = "index";
  if (url.search) stem += `-${shortHash(url.search)}`;
  if (stem.length > MAX_STEM) stem = `${stem.slice(0, MAX_STEM - 9)}-${shortHash(url.href)}`;
  return stem;
}

/** Hands out unique names within one folder. */
export class PageNames {
  private readonly taken = new Set<string>();

  /**
   * @param occupied whether a name is unavailable though no URL of this capture has it (a file on disk
   *   that capture did not write, a page api.yaml lists by hand).
   */
  constructor(private readonly occupied: (name: string) => boolean) {}

  /** Keeps a name a URL already had (from the last capture). */
  keep(name: string): void {
    this.taken.add(name);
  }

  /** A free name for `stem` + `extension`. */
  claim(stem: string, extension: string): string {
    for (let n = 1; ; n++) {
      const name = `${stem}${n === 1 ? "" : `-${n}`}${extension}`;
      if (!this.taken.has(name) && !this.occupied(name)) {
        this.taken.add(name);
        return name;
      }
    }
  }
}
