// The escapers behind every markdown specsmith writes (report.md, `diff --format markdown`, a generated
// README), and the one rule of what is shown as an escape: each output is parsed with a GFM parser and
// must read as the text it was given, hostile or ordinary, adding no markup; ordinary names stay as they
// are where they are written raw.
import type { Nodes, Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import { describe, expect, it } from "vitest";
import {
  markdownCellCode,
  markdownCode,
  markdownCodeBlock,
  markdownText,
} from "../../scripts/lib/markdown-escape.ts";
import { paint, render } from "../../scripts/lib/terminal.ts";
import { visible } from "../../scripts/lib/visible.ts";

const ORDINARY = [
  "snake_case",
  "GET /v1/things/{thing_id}",
  "/things/{a}{b}",
  "x-request-id",
  "C:\\Users\\me\\spec.yaml",
  "price * 2 < 3 > 1",
  "naïve café 日本語 👍",
  "user@example.com",
];
const HOSTILE = [
  "a\u001b[2J\u001b]0;pwned\u0007\r\u009b31m\u202eevil\u2066\u200bz\u{E0041}",
  "b\n- forged item\n# forged heading",
  "@octocat <img src=x onerror=alert(1)> [x](https://e.example) ![i](https://t.example/p.png)",
  "<script>alert(1)</script> <!-- c --> <details open>",
  "[ref]: https://evil.example [ref] [^1]",
  "*emph* _u_ ~~s~~ ~t~ **b**",
  "&amp; &#64;x &#x202e;",
  "# h",
  "> quote",
  "1. item",
  "trailing backslash \\",
  "two spaces  \nbreak",
  "a\\|b",
  "a|b|c",
  "`",
  "``",
  "a``b```c",
  "` lead",
  " both ",
  "   ",
  "",
  "@team/org and @user",
];

function parse(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

/** The inline nodes of a one-paragraph document. */
function inline(markdown: string): Nodes[] {
  const root = parse(markdown);
  expect(root.children).toHaveLength(1);
  const paragraph = root.children[0] as Nodes;
  expect(paragraph.type).toBe("paragraph");
  return (paragraph as { children: Nodes[] }).children;
}

/** What markdownText should render as: one line, white space runs as one space, escapes shown. */
function expectedText(text: string): string {
  return visible(text.replace(/\s+/g, " ").trim()).replace(/@(?=[A-Za-z0-9])/g, "@\u200b");
}

/** Rendered text; a GFM autolink of a bare URL is allowed when it shows its own target. */
function renderedText(nodes: Nodes[]): string {
  return nodes
    .map((node) => {
      if (node.type === "text") return node.value;
      if (node.type === "link") {
        const text = renderedText(node.children as Nodes[]);
        expect(node.url.replace(/^mailto:/, "")).toBe(text);
        return text;
      }
      throw new Error(`markup in plain text: ${JSON.stringify(node)}`);
    })
    .join("");
}

describe("visible: what is shown as an escape", () => {
  it("controls, escape sequences, bidi controls and invisible characters", () => {
    expect(
      visible("\u001b[31m\u009b\u007f\r\n\t\u202e\u2067\u200b\u200d\u00ad\ufeff\u2028\u3164\u{E0041}\ud800x"),
    ).toBe(
      String.raw`\u001b[31m\u009b\u007f\r\n\t\u202e\u2067\u200b\u200d\u00ad\ufeff\u2028\u3164\udb40\udc41\ud800x`,
    );
  });

  it("leaves ordinary text, backslashes and non-ASCII letters as they are", () => {
    for (const text of ORDINARY) expect(visible(text)).toBe(text);
  });

  it("on the terminal, only specsmith's styles are escape sequences", () => {
    const red = (text: string) => `\u001b[31m${text}\u001b[39m`;
    expect(render([paint("red", "\u001b[32mgreen"), " \u202eevil"], true)).toBe(
      red(String.raw`\u001b[32mgreen`) + String.raw` \u202eevil`,
    );
    expect(render([paint("red", "\u001b[32mgreen"), " \u202eevil"], false)).toBe(
      String.raw`\u001b[32mgreen \u202eevil`,
    );
  });

  it("a painted text put into a template string fails instead of printing [object Object]", () => {
    expect(() => `${paint("red", "error")}`).toThrow(/Text array/);
  });
});

describe("markdownText", () => {
  it.each([...ORDINARY, ...HOSTILE])("%j renders as the text itself, adding no markup", (text) => {
    expect(renderedText(inline(`p ${markdownText(text)} q`))).toBe(`p ${expectedText(text)} q`);
  });

  it("keeps ordinary text readable and neutralises mentions", () => {
    expect(markdownText("snake_case")).toBe(String.raw`snake\_case`);
    expect(markdownText("GET /things/{thing_id}")).toBe(String.raw`GET /things/{thing\_id}`);
    expect(markdownText("@octocat says <b>hi</b>")).toBe(String.raw`@&#8203;octocat says \<b\>hi\</b\>`);
    expect(markdownText("line\nbreak\u202e")).toBe(String.raw`line break\\u202e`);
  });
});

describe("markdownCode", () => {
  it.each([...ORDINARY, ...HOSTILE])("%j is one code span showing the text exactly", (text) => {
    const nodes = inline(`p ${markdownCode(text)} q`);
    expect(nodes.map((n) => n.type)).toEqual(["text", "inlineCode", "text"]);
    expect((nodes[1] as { value: string }).value).toBe(text === "" ? " " : visible(text));
  });

  it("writes ordinary names plainly and survives backtick runs", () => {
    expect(markdownCode("/things/{id}")).toBe("`/things/{id}`");
    expect(markdownCode("snake_case")).toBe("`snake_case`");
    expect(markdownCode("a``b")).toBe("``` a``b ```");
    expect(markdownCode("x\ny")).toBe("`x\\ny`");
  });
});

describe("markdownCellCode", () => {
  it.each([...ORDINARY, ...HOSTILE])("%j stays in its table cell and shows the text", (text) => {
    const root = parse(`| a | b |\n|---|---|\n| ${markdownCellCode(text)} | z |`);
    const table = root.children[0] as { type: string; children: { children: { children: Nodes[] }[] }[] };
    expect(table.type).toBe("table");
    const row = table.children[1]?.children ?? [];
    expect(row).toHaveLength(2);
    const cell = row[0]?.children ?? [];
    if (cell.length === 1 && cell[0]?.type === "inlineCode") {
      expect(cell[0].value).toBe(text === "" ? " " : visible(text));
    } else {
      // Text with a backslash before a "|" is written as plain text (see markdownCellCode).
      expect(text).toContain("\\|");
      expect(renderedText(cell)).toBe(expectedText(text));
    }
  });

  it("escapes a pipe inside the span", () => {
    expect(markdownCellCode("a|b")).toBe("`a\\|b`");
  });
});

describe("markdownCodeBlock", () => {
  it.each([...ORDINARY, ...HOSTILE, "x\n```\ny", "````\n`````"])(
    "%j is one fenced block it cannot close",
    (text) => {
      const root = parse(["before", "", ...markdownCodeBlock("ts", text), "", "after"].join("\n"));
      expect(root.children.map((n) => n.type)).toEqual(["paragraph", "code", "paragraph"]);
      const code = root.children[1] as { lang: string; value: string };
      expect(code.lang).toBe("ts");
      expect(code.value).toBe(text.split("\n").map(visible).join("\n"));
    },
  );

  it("uses a fence longer than any backtick run inside", () => {
    expect(markdownCodeBlock("ts", "x\n```\ny")).toEqual(["````ts", "x", "```", "y", "````"]);
  });
});
