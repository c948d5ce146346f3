import { describe, expect, it } from "vitest";
import { loadHtmlPage, startLineOf } from "../../scripts/scrape/html-page.ts";
import { MAX_PAGE_DEPTH } from "../../scripts/lib/depth.ts";

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
