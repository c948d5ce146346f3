import { load, type CheerioAPI } from "cheerio";
import type { AnyNode } from "domhandler";
import { describe, expect, it } from "vitest";
import type { Element } from "domhandler";
import {
  flattenDeepHtml,
  hasOwnEndTag,
  loadHtmlPage,
  nextElement,
  nodeText,
  startLineOf,
} from "../../scripts/scrape/html-page.ts";
import { MAX_PAGE_DEPTH } from "../../scripts/lib/depth.ts";
import type { Diagnostic } from "../../scripts/scrape/fragment.ts";

/** A page with shapes a browser would rebuild (no tbody, an unclosed <p>, misnested formatting). */
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

/** Each element's line, counted on the text independently of the parser: where its start tag is. */
function expectLinesOfStartTags(html: string, $: CheerioAPI): void {
  const elements = $("*").toArray() as Element[];
  expect(elements.length).toBeGreaterThan(10);
  for (const el of elements) {
    const at = el.startIndex as number;
    expect(html.slice(at, at + el.name.length + 1).toLowerCase()).toBe(`<${el.name}`);
    expect(startLineOf(el)).toBe(html.slice(0, at).split("\n").length);
  }
}

describe("loadHtmlPage: lines and end tags", () => {
  it("gives each element the line of its start tag", () => {
    expectLinesOfStartTags(PAGE, load(loadHtmlPage(PAGE, "p.html", [])));
    const $ = load(loadHtmlPage(PAGE, "p.html", []));
    expect(startLineOf($("li").get(1) as never)).toBe(10);
  });

  it("gives the lines of a page flattened for depth", () => {
    const deep = `<html><body>\n${"<div>".repeat(MAX_PAGE_DEPTH + 20)}\n<p>deep</p>\n${"</div>".repeat(MAX_PAGE_DEPTH + 20)}\n<h2>after</h2></body></html>`;
    const $ = load(loadHtmlPage(deep, "d.html", []));
    expect(startLineOf($("h2").get(0) as never)).toBe(5);
  });

  it("tells an element closed by its own end tag from one the parser closed", () => {
    const html = "<div><ul><li>a</li ><li>b</ul><table><tr><td>x</td><td>y</table><pre>cut";
    const $ = load(loadHtmlPage(html, "e.html", []));
    const own = (selector: string) =>
      $(selector)
        .toArray()
        .map((el) => hasOwnEndTag(el as Element));
    expect(own("li")).toEqual([true, false]);
    expect(own("ul")).toEqual([true]);
    expect(own("td")).toEqual([true, false]);
    expect(own("table")).toEqual([true]);
    expect(own("pre")).toEqual([false]);
    expect(own("div")).toEqual([false]);
  });
});

/** How deep htmlparser2 (as loadHtmlPage parses) nests the page's deepest element. */
function elementDepth(html: string): number {
  const $ = load(html, { xml: { xmlMode: false } });
  let deepest = 0;
  const stack: [AnyNode, number][] = [[$.root()[0] as AnyNode, 0]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [node, depth] = top;
    if (node.type === "tag" || node.type === "script" || node.type === "style")
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
      const $ = load(loadHtmlPage(deepDivs(n), "d.html", warnings));
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
    const $ = load(loadHtmlPage(html, "w.html", warnings));
    expect(warnings).toEqual([]);
    expect($("div").length).toBe(100);
    expect($("b").length).toBe(200);
  });
});

describe("flattenDeepHtml", () => {
  it("lets a page through whose start tags cannot nest deeper than the limit, and cuts at the first too deep", () => {
    expect(flattenDeepHtml(`${"<div>".repeat(16)}x`, 16)).toEqual({ html: `${"<div>".repeat(16)}x` });
    const html = `${"<div>".repeat(20)}x`;
    // The 17th <div> would be the 17th open element: cut there.
    expect(flattenDeepHtml(html, 16).cutAt).toBe("<div>".length * 16);
  });

  // The count must be the parser's own: where it closed less than the parser, a page slipped through
  // deeper than the limit; these are the parser's rules that differ from a browser's.
  const rules: [string, string][] = [
    ["<li> closes only an <li> on top", "<li><p>x"],
    ["misnested end tags close the nearest open element", "<b><div><i></b>"],
    ["a stray </p> opens and closes an empty p", "<div></p>"],
    ["a self-closing tag closes only inside svg", "<svg><g/><foreignObject><div/>"],
    ["cells imply the end of cells", "<table><tr><td>a<td>b<tr>"],
    ["raw text holds no elements", "<div><script><div><div></script>"],
  ];

  it.each(rules)("at limit 16, %s", (_, unit) => {
    const html = unit.repeat(60);
    const flat = flattenDeepHtml(html, 16);
    expect(elementDepth(flat.html)).toBeLessThanOrEqual(17);
    // Only tags were blanked: the text and the lines are all there.
    expect(flat.html.length).toBe(html.length);
  });

  it("keeps pages of random tag soup within the limit (the count is the parser's)", () => {
    const vocabulary = [
      "<div>",
      "</div>",
      "<p>",
      "</p>",
      "<li>",
      "</li>",
      "<ul>",
      "</ul>",
      "<td>",
      "<tr>",
      "<table>",
      "</table>",
      "<b>",
      "</b>",
      "<i>",
      "</i>",
      "<svg>",
      "</svg>",
      "<g/>",
      "<br>",
      "</br>",
      "<dd>",
      "<dt>",
      "<option>",
      "<select>",
      "<span>",
      "</span>",
      "<h2>",
      "x",
      "<script>",
      "</script>",
      "<title>",
      "</title>",
    ];
    let seed = 12;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let page = 0; page < 100; page++) {
      const parts: string[] = [];
      for (let i = 0; i < 600; i++) parts.push(vocabulary[next() % vocabulary.length] as string);
      const flat = flattenDeepHtml(parts.join(""), 16);
      expect(elementDepth(flat.html)).toBeLessThanOrEqual(17);
    }
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
    const elements = $("*").toArray() as Element[];
    expect(elements.length).toBeGreaterThan(15);
    for (const el of elements) {
      expect(nodeText(el)).toBe($(el).text());
      expect(nextElement(el)).toBe($(el).next().get(0));
    }
    expect(nodeText($.root().get(0))).toBe($.root().text());
    expect(nodeText(undefined)).toBe("");
  });
});
