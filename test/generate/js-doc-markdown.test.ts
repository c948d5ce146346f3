// JSDoc in markdown: a description's HTML elements become their markdown form in the generated package's
// comments (editors render JSDoc as markdown), the rest stays as the spec's author wrote it, a "*/" cannot
// end a comment, and the conversion takes linear time on any input.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../scripts/cli.ts";
import { htmlToMarkdown } from "../../scripts/lib/html-to-markdown.ts";
import { docText } from "../../templates/js-doc.ts";
import { memoryTerminal } from "../cli/memory-terminal.ts";

describe("htmlToMarkdown", () => {
  it("writes paragraphs, code, links, emphasis, line breaks and lists as markdown", () => {
    expect(
      htmlToMarkdown(
        '<p>Retrieves a <code>VerificationSession</code>.</p><p>See <a href="https://stripe.com/docs/x">the guide</a>' +
          " &amp; <strong>read</strong> <em>this</em>.<br>Next line</p>",
      ),
    ).toBe(
      "Retrieves a `VerificationSession`.\n\nSee [the guide](https://stripe.com/docs/x) &amp; **read** *this*.\nNext line",
    );
    expect(htmlToMarkdown("<ul><li>one</li><li>two<ol><li>a</li><li>b</li></ol></li></ul><p>after</p>")).toBe(
      "- one\n- two\n  1. a\n  2. b\n\nafter",
    );
  });

  it("shows code as written: entities decoded, a fence longer than any backticks inside, blocks fenced", () => {
    expect(htmlToMarkdown("<code>a &lt; b &amp;&amp; `c`</code>")).toBe("`` a < b && `c` ``");
    expect(htmlToMarkdown("<pre><code>if (a &lt; b) {\n  run();\n}\n</code></pre>")).toBe(
      "```\nif (a < b) {\n  run();\n}\n```",
    );
  });

  it("keeps markdown text and tags that are not HTML as written; drops scripts and comments", () => {
    const markdown = "Use `<owner>/<repo>` and **bold**; see <https://example.com>.\n\n- item";
    expect(htmlToMarkdown(markdown)).toBe(markdown);
    expect(htmlToMarkdown("a <script>alert(1)</script><style>p{}</style><!-- note -->b")).toBe("a b");
  });

  it("links only to http(s) and mailto: a relative or javascript: link keeps its text", () => {
    expect(htmlToMarkdown('<a href="/docs/api">API</a> <a href="javascript:alert(1)">x</a>')).toBe("API x");
    expect(htmlToMarkdown('<a href="https://x.example/a b(c)">t</a>')).toBe(
      "[t](https://x.example/a%20b%28c%29)",
    );
  });

  it("takes linear time on nesting, long runs and many tags", () => {
    const inputs = [
      "<div>".repeat(200_000) + "x",
      "<ul><li>".repeat(100_000),
      `<p>${" ".repeat(1_000_000)}x</p>`,
      "<code>".repeat(100_000) + "x",
      '<p>a <code>b</code> <a href="https://x">c</a></p>'.repeat(20_000),
    ];
    for (const input of inputs) {
      const started = performance.now();
      htmlToMarkdown(input);
      // About 0.2 s each on a quiet machine; quadratic work would take minutes.
      expect(performance.now() - started).toBeLessThan(10_000);
    }
  });
});

describe("docText", () => {
  it("converts, then breaks a */ that would end the comment", () => {
    expect(docText("<p>Matches <code>*/</code> and a*/b</p>")).toBe("Matches `*\\/` and a*\\/b");
  });
});

describe("a package from a spec with HTML descriptions", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "specsmith-jsdoc-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("has markdown JSDoc on methods and types, and every file still parses", async () => {
    const spec = {
      openapi: "3.1.0",
      info: { title: "Docs", version: "1.0.0", description: "<p>The <b>Docs</b> API.</p>" },
      servers: [{ url: "https://docs.example" }],
      paths: {
        "/v1/notes": {
          post: {
            operationId: "createNote",
            summary: "Create a note",
            description:
              "<p>Creates a <code>Note</code>. Fields:</p><ul><li><code>text</code> (required)</li><li>tags</li></ul>" +
              '<p>See <a href="https://docs.example/notes">notes</a>.<br>Ends */ here.</p>',
            requestBody: {
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: {
                      text: {
                        type: "string",
                        description: "<p>The note's text, at most <code>1000</code> characters.</p>",
                      },
                    },
                  },
                },
              },
            },
            responses: { "200": { description: "<p>The <code>Note</code>.</p>" } },
          },
        },
      },
    };
    await writeFile(join(dir, "docs.json"), JSON.stringify(spec));
    const term = memoryTerminal();
    const out = join(dir, "out");
    const code = await main(
      ["generate", "--no-build", join(dir, "docs.json"), "--out", out, "--name", "docs"],
      term,
      dir,
    );
    expect(term.stderr.join("\n")).toBe("");
    expect(code).toBe(0);

    // One module per root resource (src/resources/<name>.ts).
    const resources = await readFile(join(out, "src", "resources", "notes.ts"), "utf8");
    expect(resources).toContain(
      [
        "   * Create a note",
        "   *",
        "   * Creates a `Note`. Fields:",
        "   *",
        "   * - `text` (required)",
        "   * - tags",
        "   *",
        "   * See [notes](https://docs.example/notes).",
        "   * Ends *\\/ here.",
      ].join("\n"),
    );
    const types = await readFile(join(out, "src", "openapi.ts"), "utf8");
    expect(types).toContain("@description The note's text, at most `1000` characters.");
    const client = await readFile(join(out, "src", "client.ts"), "utf8");
    expect(client).toContain("The **Docs** API.");
    for (const file of ["resources.ts", "operations.ts", "openapi.ts", "client.ts"]) {
      const text = await readFile(join(out, "src", file), "utf8");
      expect(text).not.toMatch(/<\/?(p|code|ul|li|a|b|br)\b/);
      const parsed = ts.transpileModule(text, { reportDiagnostics: true, fileName: file });
      expect(parsed.diagnostics ?? []).toEqual([]);
    }
  });
});
