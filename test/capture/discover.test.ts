// The pieces of a crawl on their own: URL patterns and scope, what is read off llms.txt, sitemaps and
// HTML pages (links, titles, published OpenAPI documents), page file names and capture.json.
import { describe, expect, it } from "vitest";
import { htmlFindings, markdownLinks, sitemapEntries } from "../../scripts/capture/discover.ts";
import { PageNames, stemFor } from "../../scripts/capture/page-files.ts";
import { UrlPattern, UrlScope } from "../../scripts/capture/url-scope.ts";
import { parseCaptureRecord, serializeCaptureRecord } from "../../scripts/lib/capture-record.ts";

const base = new URL("http://127.0.0.1:1/docs/");

describe("URL patterns and scope", () => {
  it("matches * over any characters, against the path or (with ://) the whole URL", () => {
    const url = new URL("http://127.0.0.1:1/docs/api/widgets/list?x=1");
    expect(new UrlPattern("/docs/api/*").matches(url)).toBe(true);
    expect(new UrlPattern("*/widgets/*").matches(url)).toBe(true);
    expect(new UrlPattern("/docs/guides/*").matches(url)).toBe(false);
    expect(new UrlPattern("/docs/api/widgets/list").matches(url)).toBe(false);
    expect(new UrlPattern("/docs/api/widgets/list?x=1").matches(url)).toBe(true);
    expect(new UrlPattern("http://127.0.0.1:1/docs/*").matches(url)).toBe(true);
    expect(new UrlPattern("https://127.0.0.1:1/docs/*").matches(url)).toBe(false);
    expect(new UrlPattern("/a*b*b").matches(new URL("http://h/ab"))).toBe(false);
    expect(new UrlPattern("/a*b*b").matches(new URL("http://h/abb"))).toBe(true);
  });

  it("matches a many-star pattern against a long URL in linear time", () => {
    // A regular expression made of it (^/.*a.*a...b.*$) backtracks on such a URL for ages.
    const pattern = new UrlPattern(`/${"*a".repeat(400)}*b*`);
    const url = new URL(`http://h/${"a".repeat(100_000)}c`);
    const started = performance.now();
    for (let i = 0; i < 5; i++) expect(pattern.matches(url)).toBe(false);
    // Backtracking would take ~10^10 steps; the left-to-right scan takes milliseconds (ceiling 20x busy).
    expect(performance.now() - started).toBeLessThan(4000);
  });

  it("keeps to the start URL's origin and path prefix; the start page passes --include", () => {
    const scope = new UrlScope(new URL("http://127.0.0.1:1/docs"), ["/docs/api/*"], ["*/changelog*"]);
    expect(scope.prefix).toBe("/docs/");
    expect(scope.underStart(new URL("http://127.0.0.1:1/docs/api/x"))).toBe(true);
    expect(scope.underStart(new URL("http://127.0.0.1:1/docs"))).toBe(true);
    expect(scope.underStart(new URL("http://127.0.0.1:1/docsearch"))).toBe(false);
    expect(scope.underStart(new URL("http://127.0.0.1:2/docs/api/x"))).toBe(false);
    expect(scope.patternsRefuse(new URL("http://127.0.0.1:1/docs"))).toBeUndefined();
    expect(scope.patternsRefuse(new URL("http://127.0.0.1:1/docs/guides/x"))).toBe(
      "matches no --include pattern",
    );
    expect(scope.patternsRefuse(new URL("http://127.0.0.1:1/docs/api/changelog"))).toBe(
      "excluded by --exclude */changelog*",
    );
    expect(new UrlScope(new URL("http://h/docs/index.html")).prefix).toBe("/docs/");
  });
});

describe("discovery documents", () => {
  it("reads the links of an llms.txt, resolved and without fragments", () => {
    const text =
      "# Toys\n\n> About.\n\n## Docs\n\n- [List widgets](/docs/widgets.md#top): lists\n- [Create](https://127.0.0.1:1/x)\n- [mail](mailto:a@b)\n";
    expect(markdownLinks(text, base).map((l) => [l.url.href, l.text])).toEqual([
      ["http://127.0.0.1:1/docs/widgets.md", "List widgets"],
      ["https://127.0.0.1:1/x", "Create"],
    ]);
  });

  it("reads the pages and the nested sitemaps of a sitemap, namespace prefixes and entities included", () => {
    const xml =
      '<?xml version="1.0"?><s:urlset xmlns:s="http://www.sitemaps.org/schemas/sitemap/0.9">' +
      "<s:url><s:loc> http://127.0.0.1:1/docs/a?x=1&amp;y=2 </s:loc></s:url><s:url><s:loc>/docs/b</s:loc></s:url></s:urlset>";
    const { pages, sitemaps } = sitemapEntries(xml, base);
    expect(pages.map((u) => u.href)).toEqual([
      "http://127.0.0.1:1/docs/a?x=1&y=2",
      "http://127.0.0.1:1/docs/b",
    ]);
    expect(sitemaps).toEqual([]);
    const index = "<sitemapindex><sitemap><loc>http://127.0.0.1:1/s1.xml</loc></sitemap></sitemapindex>";
    expect(sitemapEntries(index, base).sitemaps.map((u) => u.href)).toEqual(["http://127.0.0.1:1/s1.xml"]);
  });

  it("finds the OpenAPI document a Redoc, Scalar or Swagger UI shell loads, or a page links", () => {
    const offers = (html: string): string[] => htmlFindings(html, base).openapi.map((u) => u.href);
    expect(offers('<redoc spec-url="/api/openapi.yaml"></redoc>')).toEqual([
      "http://127.0.0.1:1/api/openapi.yaml",
    ]);
    expect(offers('<script id="api-reference" data-url="spec.json"></script>')).toEqual([
      "http://127.0.0.1:1/docs/spec.json",
    ]);
    expect(
      offers('<script>window.ui = SwaggerUIBundle({ url: "/v3/openapi.json", dom_id: "#ui" })</script>'),
    ).toEqual(["http://127.0.0.1:1/v3/openapi.json"]);
    expect(offers('<a href="downloads/swagger.json">Download the spec</a>')).toEqual([
      "http://127.0.0.1:1/docs/downloads/swagger.json",
    ]);
    expect(offers('<a href="/docs/widgets">Widgets</a><script>var url = "x";</script>')).toEqual([]);
  });

  it("reads an HTML page's links with their text, and its first heading as its title", () => {
    const found = htmlFindings(
      '<html><head><title>T</title></head><body><nav><a href="a"><span>GET</span> List  widgets</a></nav><h1>Widgets</h1></body></html>',
      base,
    );
    expect(found.links.map((l) => [l.url.href, l.text])).toEqual([
      ["http://127.0.0.1:1/docs/a", "GET List widgets"],
    ]);
    expect(found.title).toBe("Widgets");
  });
});

describe("page files and capture.json", () => {
  it("makes safe, unique names from URLs", () => {
    const names = new PageNames((name) => name === "taken.html");
    expect(names.claim(stemFor(new URL("http://h/docs/API/Widgets/List"), "/docs/"), ".html")).toBe(
      "api-widgets-list.html",
    );
    expect(names.claim(stemFor(new URL("http://h/docs/api/widgets/list.html"), "/docs/"), ".html")).toBe(
      "api-widgets-list-2.html",
    );
    expect(names.claim("taken", ".html")).toBe("taken-2.html");
    for (const hostile of ["/docs/../../etc/passwd", "/docs/%2e%2e/x", "/docs/.hidden", "/docs/"]) {
      const stem = stemFor(new URL(`http://h${hostile}`), "/docs/");
      expect(stem).toMatch(/^[a-z0-9][a-z0-9._-]*$/);
      expect(stem).not.toContain("..");
    }
    expect(stemFor(new URL(`http://h/docs/${"x".repeat(500)}`), "/docs/").length).toBeLessThanOrEqual(80);
    expect(stemFor(new URL("http://h/docs/a?page=2"), "/docs/")).not.toBe(
      stemFor(new URL("http://h/docs/a?page=3"), "/docs/"),
    );
  });

  it("writes capture.json in one order whatever the order of the pages, and refuses one it did not write", () => {
    const page = (url: string) => ({
      url,
      file: `pages/${url.slice(-1)}.html`,
      sha256: "00",
      status: "captured" as const,
    });
    const one = serializeCaptureRecord({
      from: "http://h/",
      pages: [page("http://h/b"), page("http://h/a")],
      skipped: [],
      openapi: [],
    });
    const two = serializeCaptureRecord({
      from: "http://h/",
      pages: [page("http://h/a"), page("http://h/b")],
      skipped: [],
      openapi: [],
    });
    expect(one).toBe(two);
    expect(parseCaptureRecord(one, "capture.json").pages.map((p) => p.url)).toEqual([
      "http://h/a",
      "http://h/b",
    ]);
    expect(() =>
      parseCaptureRecord('{"pages": [{"url": "x", "status": "captured"}]}', "pages/capture.json"),
    ).toThrow(/pages\/capture\.json: pages\[0\]\.file is missing/);
  });
});
