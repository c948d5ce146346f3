// Worst-case pages for the scraper's linear-time rule (issue 11): each is built to a given size around one
// shape that made a regex or a loop super-linear, or a parser nest without bound. Shared by the benchmark
// (1 MB against 2 MB: a time ratio near 2 is linear) and the tests (1 MB under a generous ceiling).
import type { Page } from "../scrape/fragment.ts";
import { scrapePages, type ScrapeResult } from "../scrape/scrape-pages.ts";

export interface WorstCase {
  name: string;
  /** A page of about `bytes` bytes. */
  build(bytes: number): Page;
}

/** An operation a page documents, so that every case is a page the scraper accepts. */
const TEXT_HEAD = "Things API\n\nGet a thing\n\nGET /things/{id}\n\nReturns a thing.\n\n";
const MARKDOWN_HEAD = "# Things API\n\n## Get a thing\n\n`GET /things/{id}`\n\nReturns a thing.\n\n";
const HTML_HEAD = "<html><body><h2>Get a thing</h2><p><code>GET /things/{id}</code></p>";

const repeat = (unit: string, bytes: number): string =>
  unit.repeat(Math.max(1, Math.floor(bytes / unit.length)));

export const WORST_CASES: readonly WorstCase[] = [
  {
    // A quadratic `\s+$` on every line: 400,000 spaces took over two minutes.
    name: "one line of spaces",
    build: (bytes) => ({ file: "spaces.txt", text: `${TEXT_HEAD}${repeat(" ", bytes)}x\n` }),
  },
  {
    // Recursive descent on the phrase, with a copy per level: 20,000 took 87 s and 1 GB, then crashed.
    name: "'array of ' repeated in a type cell",
    build: (bytes) => ({
      file: "array-of.md",
      text:
        `${MARKDOWN_HEAD}### Query parameters\n\n| Parameter | Type | Required | Description |\n` +
        `|---|---|---|---|\n| \`limit\` | ${repeat("array of ", bytes)}integer | no | Max. |\n`,
    }),
  },
  {
    // the HTML parser searches its open elements at each tag: nesting N deep cost N^2 (and crashed our walks).
    name: "HTML nested deep",
    build: (bytes) => {
      const n = Math.floor(bytes / 11);
      return {
        file: "deep.html",
        text: `${HTML_HEAD}${"<div>".repeat(n)}x${"</div>".repeat(n)}</body></html>`,
      };
    },
  },
  {
    // A row or item each with a CSS selector: counting the siblings again for each was n^2.
    name: "HTML list of many items",
    build: (bytes) => ({
      file: "items.html",
      text: `${HTML_HEAD}<ul>${repeat("<li>item</li>", bytes)}</ul></body></html>`,
    }),
  },
  {
    // micromark's time grows much faster than the page with containers open on one line.
    name: "markdown lists nested on one line",
    build: (bytes) => ({ file: "deep-list.md", text: `${MARKDOWN_HEAD}${repeat("- ", bytes)}item\n` }),
  },
  {
    // `\{([^}]+)\}` retried from every "{" to the end of the text.
    name: "unclosed braces in a path",
    build: (bytes) => ({ file: "braces.txt", text: `${TEXT_HEAD}GET /things/${repeat("{", bytes)}\n` }),
  },
  {
    // `\/+$` retried from every "/" of a run that does not end the text.
    name: "slashes in a base URL",
    build: (bytes) => ({
      file: "slashes.txt",
      text: `Base URL: https://api.example.com${repeat("/", bytes)}x\n\n${TEXT_HEAD}`,
    }),
  },
  {
    // jsonrepair and every walk of an example recurse as deep as it nests.
    name: "JSON example nested deep",
    build: (bytes) => ({
      file: "deep-json.txt",
      text: `${TEXT_HEAD}Example response:\n\n${repeat("[", bytes / 2)}${repeat("]", bytes / 2)}\n`,
    }),
  },
  {
    // A glued "nametype" run tested every prefix of the run as a name: n^2.
    name: "one long word",
    build: (bytes) => ({ file: "word.txt", text: `${TEXT_HEAD}- ${repeat("a", bytes)}string\n` }),
  },
];

/** Scrapes one page in-process, as `specsmith scrape PAGE --out FILE` does. */
export function scrapeWorstCase(page: Page): Promise<ScrapeResult> {
  return scrapePages([page], { version: "0.0.0", servers: [], specFile: "openapi.yaml" });
}

/** Seconds to scrape the case's page at `bytes` (the page is built before the clock starts). */
export async function timeWorstCase(worst: WorstCase, bytes: number): Promise<number> {
  const page = worst.build(bytes);
  const start = performance.now();
  await scrapeWorstCase(page);
  return (performance.now() - start) / 1000;
}
