import { load } from "cheerio";
import type { AnyNode } from "domhandler";
import { describe, expect, it } from "vitest";
import {
  flattenDeepHtml,
  loadHtmlPage,
  nextElement,
  nodeText,
  startLineOf,
} from "../../scripts/scrape/html-page.ts";
import { MAX_PAGE_DEPTH } from "../../scripts/lib/depth.ts";
import type { Diagnostic } from "../../scripts/scrape/fragment.ts";

/** A page with the shapes parse5 rebuilds (implied tbody, an unclosed <p>, misnested formatting). */
const PAGE = [
  "<!DOCTYPE html>",
  "<html><body>",
  "<h1>Widgets</h1>",
  "<p>one <b>bold <i>both</b> italic</i>",
  "<p>two",
  "<table><tr><td>name</td>",
  "<td>type</td></tr></table>",
  "<ul>",
  "  <li>a",
  "  <li>b <code>c</code>",
  "</ul>",
  "</body></html>",
].join("\n");

function linesBothWays(html: string): { located: (number | undefined)[]; lazy: (number | undefined)[] } {
  const located = loadHtmlPage(html, "p.html", []);
  const lazy = loadHtmlPage(html, "p.html", [], 1, { locations: false });
  const lazyNodes = lazy("*").toArray();
  expect(lazyNodes.every((n) => n.sourceCodeLocation === undefined)).toBe(true);
  return {
    located: located("*")
      .toArray()
      .map((n) => n.sourceCodeLocation?.startLine),
    lazy: lazyNodes.map((n) => startLineOf(n)),
  };
}

describe("loadHtmlPage without source locations", () => {
  it("finds each element's line on demand, the line a located parse gives", () => {
    const { located, lazy } = linesBothWays(PAGE);
    expect(located.filter((l) => l !== undefined).length).toBeGreaterThan(10);
    expect(lazy).toEqual(located);
    // Spot check against the text: the second <li> is on line 10.
    const $ = loadHtmlPage(PAGE, "p.html", [], 1, { locations: false });
    expect(startLineOf($("li").get(1) as never)).toBe(10);
  });

  it("gives the lines of a page flattened for depth", () => {
    const deep = `<html><body>\n${"<div>".repeat(MAX_PAGE_DEPTH + 20)}\n<p>deep</p>\n${"</div>".repeat(MAX_PAGE_DEPTH + 20)}\n<h2>after</h2></body></html>`;
    const { located, lazy } = linesBothWays(deep);
    expect(lazy).toEqual(located);
    const $ = loadHtmlPage(deep, "d.html", [], 1, { locations: false });
    expect(startLineOf($("h2").get(0) as never)).toBe(5);
  });
});

/** How deep parse5 (through cheerio) nests the page's deepest node. */
function treeDepth(html: string): number {
  const $ = load(html);
  let deepest = 0;
  const stack: [AnyNode, number][] = [[$.root()[0] as AnyNode, 0]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [node, depth] = top;
    deepest = Math.max(deepest, depth);
    if ("children" in node) for (const child of node.children) stack.push([child, depth + 1]);
  }
  return deepest;
}

describe("loadHtmlPage keeps every page within the depth limit, whichever way it checks", () => {
  // Pages of a few hundred start tags are parsed first and checked on the tree; larger ones pre-scanned.
  const deepDivs = (n: number): string =>
    `<html><body>\n${"<div>".repeat(n)}x${"</div>".repeat(n)}\n</body></html>`;

  it.each([MAX_PAGE_DEPTH + 40, 5 * MAX_PAGE_DEPTH])(
    "a page nested %i divs deep is flattened, with the warning",
    (n) => {
      const warnings: Diagnostic[] = [];
      const $ = loadHtmlPage(deepDivs(n), "d.html", warnings, 1, { locations: false });
      expect(warnings).toEqual([
        expect.objectContaining({ line: 2, message: expect.stringMatching(/nested more than/) }),
      ]);
      expect($("div").length).toBeLessThanOrEqual(MAX_PAGE_DEPTH);
      expect($.root().text()).toContain("x");
    },
  );

  it("reads a page of many tags that nests within the limit as it is", () => {
    const html = `<html><body>${"<p><b>x</b></p>".repeat(200)}${"<div>".repeat(100)}y${"</div>".repeat(100)}</body></html>`;
    const warnings: Diagnostic[] = [];
    const $ = loadHtmlPage(html, "w.html", warnings, 1, { locations: false });
    expect(warnings).toEqual([]);
    expect($("div").length).toBe(100);
    expect($("b").length).toBe(200);
  });
});

describe("flattenDeepHtml on pages with few start tags", () => {
  // Pages that make parse5 build the most levels per start tag: cells that imply tbody and tr, formatting
  // elements reopened after every block, misnested end tags that make it adopt. Each is as large as the
  // bound allows ((limit - 8) / 4 start tags), and one start tag larger.
  const families: [string, (n: number) => string][] = [
    ["nested tables with implied rows", (n) => "<table><td>".repeat(Math.floor(n / 2)) + "x"],
    [
      "formatting reopened in blocks",
      (n) => "<b>".repeat(Math.floor(n / 2)) + "<p>x".repeat(Math.ceil(n / 2)),
    ],
    ["misnested formatting", (n) => "<b><div>".repeat(Math.floor(n / 2)) + "</b>x".repeat(n)],
    ["plain nesting", (n) => "<div>".repeat(n) + "x"],
    ["mixed", (n) => "<i><table><td><b><p>".repeat(Math.floor(n / 5)) + "x"],
  ];

  it.each([16, 24, 40, 64])(
    "at limit %i, a page the tag count lets through nests within the limit",
    (limit) => {
      const most = Math.floor((limit - 8) / 4);
      for (const [, page] of families) {
        const html = page(most);
        expect(flattenDeepHtml(html, limit)).toEqual({ html });
        expect(treeDepth(html)).toBeLessThanOrEqual(limit);
      }
    },
  );

  it("still flattens a page with more start tags than that", () => {
    const html = `${"<div>".repeat(20)}x`;
    // The 17th <div> would be the 17th open element: cut there.
    expect(flattenDeepHtml(html, 16).cutAt).toBe("<div>".length * 16);
  });
});

describe("nodeText and nextElement (the readers' walk of the tree without cheerio wrappers)", () => {
  // Comments, a script and a style, an svg with CDATA, entities, text between elements and an empty element:
  // every kind of node a captured page holds.
  const page = [
    "<html><head><title>T &amp; U</title><style>p { x: 1 }</style></head><body>",
    "<article><h1 class=a>Name <!-- note --> <b>bold</b></h1>",
    "text between <span class=x>x</span> <!-- c --> <span class=y>y</span>",
    "<svg><![CDATA[raw]]><text>in svg</text></svg><script>var a = '<b>';</script><i></i>",
    "<dl><dt>a</dt>\n<dd>b &lt;c&gt;</dd></dl></article>",
    "</body></html>",
  ].join("\n");

  it("give what cheerio's text() and next() give, for every element of a page", () => {
    const $ = load(page);
    const elements = $("*").toArray();
    expect(elements.length).toBeGreaterThan(15);
    for (const el of elements) {
      expect(nodeText(el)).toBe($(el).text());
      expect(nextElement(el)).toBe($(el).next().get(0));
    }
    expect(nodeText($.root().get(0))).toBe($.root().text());
    expect(nodeText(undefined)).toBe("");
  });
});
