// Spec keys, page text, file names and URLs reach the terminal and the markdown specsmith writes as they
// read: through the real CLI (main() in-process, printing as on a pipe and as on a TTY), a key holding
// terminal escape sequences, bidi overrides and invisible characters is printed as escapes, a key with a
// line break cannot forge a line, and in report.md, `diff --format markdown` and a generated README no
// spec or page text adds markup (checked with a GFM parser) while ordinary names still read as they are.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Nodes, Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { main } from "../../scripts/cli.ts";
import { memoryTerminal, type MemoryTerminal } from "../cli/memory-terminal.ts";

// Printed raw, this clears the screen, retitles the window, hides text, returns the carriage, starts a
// C1 control sequence, reverses the rest of the line, and hides a zero-width space and a tag character.
const HOSTILE =
  "a\u001b[2J\u001b]0;pwned\u0007\u001b[8mhidden\u001b[0m\r\u009b31m\u202eevil\u2066\u200bz\u{E0041}";
const HOSTILE_SHOWN = String.raw`a\u001b[2J\u001b]0;pwned\u0007\u001b[8mhidden\u001b[0m\r\u009b31m\u202eevil\u2066\u200bz\udb40\udc41`;
// A line break in a key must not start a line that looks like a finding of its own.
const FORGED = "b\n    request-property-removed  request property c removed";
const FORGED_SHOWN = String.raw`b\n    request-property-removed  request property c removed`;
// Markup a pull-request comment would render: a mention, HTML, a link, an image, a fence, a table column,
// a heading and an entity that decodes to a bidi override.
const MARKUP =
  "@octocat <img src=x onerror=alert(1)> [x](https://e.example) ![i](https://t.example/p.png) ``` | # h &#x202e;";

/** Characters that must never reach the output raw (what visible.ts escapes). */
const RAW = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;
/** specsmith's own styles: the only escape sequences a TTY may get. */
// eslint-disable-next-line no-control-regex -- matching the escape sequences is the point
const OWN_STYLES = /\u001b\[(?:1|2|22|31|32|33|39)m/g;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "specsmith-escaping-"));
  return () => rm(dir, { recursive: true, force: true });
});

async function cli(args: string[], term: MemoryTerminal = memoryTerminal()) {
  const code = await main(args, term, dir);
  return { code, stdout: term.stdout, stderr: term.stderr };
}

/** Every printed line: no raw control or invisible character, and on a TTY no escape but our colours. */
function expectShownAsItReads(lines: readonly string[]): void {
  for (const line of lines) expect(line.replace(OWN_STYLES, "")).not.toMatch(RAW);
}

/** JSON with every non-ASCII character escaped: YAML (the ignore file) reads it, C1 controls included. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[^\x20-\x7e]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

function parseMarkdown(text: string): Root {
  return fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

function nodesOf(node: Nodes, type: string): Nodes[] {
  const found = node.type === type ? [node] : [];
  const children = "children" in node ? (node.children as Nodes[]) : [];
  return [...found, ...children.flatMap((c) => nodesOf(c, type))];
}

function inlineCodes(root: Root): string[] {
  return nodesOf(root, "inlineCode").map((n) => (n as { value: string }).value);
}

/** Rendered, the markdown has no HTML but `allowedHtml`, no image and no link, and these headings. */
function expectNoInjectedMarkup(markdown: string, headings: string[], allowedHtml: RegExp = /^$/): Root {
  const root = parseMarkdown(markdown);
  for (const html of nodesOf(root, "html")) expect((html as { value: string }).value).toMatch(allowedHtml);
  expect(nodesOf(root, "image")).toEqual([]);
  expect(nodesOf(root, "imageReference")).toEqual([]);
  // GitHub links a bare URL too; such a link shows its own target, so it is the one kind allowed.
  for (const link of nodesOf(root, "link") as { url: string; children: Nodes[] }[]) {
    const text = link.children.map((c) => (c as { value?: string }).value).join("");
    expect(link.url).toBe(text);
  }
  expect(nodesOf(root, "linkReference")).toEqual([]);
  expect(nodesOf(root, "footnoteReference")).toEqual([]);
  const texts = nodesOf(root, "heading").map((h) =>
    nodesOf(h, "text")
      .concat(nodesOf(h, "inlineCode"))
      .map((t) => (t as { value: string }).value)
      .join(""),
  );
  expect(texts).toEqual(headings);
  // Every table row has as many cells as its header.
  for (const table of nodesOf(root, "table")) {
    const rows = (table as { children: { children: unknown[] }[] }).children;
    for (const row of rows) expect(row.children).toHaveLength(rows[0]?.children.length ?? 0);
  }
  return root;
}

describe("diff: spec keys as they read", () => {
  async function specs(): Promise<[string, string]> {
    const spec = (properties: Record<string, unknown>) => ({
      openapi: "3.1.0",
      info: { title: "Things", version: "1.0.0" },
      paths: {
        "/things": {
          post: {
            operationId: "createThing",
            requestBody: {
              content: { "application/json": { schema: { type: "object", properties } } },
            },
            responses: { "200": { description: "ok" } },
          },
        },
      },
    });
    const keys = {
      [HOSTILE]: { type: "string" },
      [FORGED]: { type: "string" },
      [MARKUP]: { type: "string" },
    };
    await writeFile(join(dir, "base.json"), JSON.stringify(spec(keys)));
    await writeFile(join(dir, "revision.json"), JSON.stringify(spec({})));
    return ["base.json", "revision.json"];
  }
  const at = "at #/paths/~1things/post/requestBody/content/application~1json/schema/properties/";

  it("text on a pipe: escapes shown, one line per finding", async () => {
    const r = await cli(["diff", ...(await specs())]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`    request-property-removed  request property ${HOSTILE_SHOWN} removed`);
    expect(r.stdout).toContain(`      ${at}${HOSTILE_SHOWN}`);
    expect(r.stdout).toContain(`    request-property-removed  request property ${FORGED_SHOWN} removed`);
    expect(r.stdout).not.toContain("    request-property-removed  request property c removed");
    expect(r.stdout).toContain(`    request-property-removed  request property ${MARKUP} removed`);
    expectShownAsItReads(r.stdout);
  });

  it("text on a TTY: specsmith's colours, and the key's sequences shown, not run", async () => {
    const r = await cli(["diff", ...(await specs())], memoryTerminal({ tty: true }));
    expect(r.stdout).toContain(
      `    \u001b[33mrequest-property-removed\u001b[39m  request property ${HOSTILE_SHOWN} removed`,
    );
    expect(r.stdout[0]).toBe(
      "0 breaking, 3 warnings, 0 info · generated package: \u001b[1mmajor\u001b[22m bump",
    );
    expectShownAsItReads(r.stdout);
  });

  it("json: still valid JSON, with the keys exactly as they are", async () => {
    const r = await cli(["diff", ...(await specs()), "--format", "json"]);
    const messages = JSON.parse(r.stdout.join("\n")).changes.map((c: { message: string }) => c.message);
    expect(messages).toEqual(
      expect.arrayContaining([HOSTILE, FORGED, MARKUP].map((k) => `request property ${k} removed`)),
    );
    expectShownAsItReads(r.stdout);
  });

  it("markdown: keys in code spans that show them and add no markup", async () => {
    const r = await cli(["diff", ...(await specs()), "--format", "markdown"]);
    const pointer = "#/paths/~1things/post/requestBody/content/application~1json/schema/properties/";
    expect(r.stdout).toContain(
      `- request property \`${HOSTILE_SHOWN}\` removed — \`request-property-removed\` at \`${pointer}${HOSTILE_SHOWN}\``,
    );
    expect(r.stdout).toContain(
      `- request property \`${FORGED_SHOWN}\` removed — \`request-property-removed\` at \`${pointer}${FORGED_SHOWN}\``,
    );
    expect(r.stdout).toContain(
      `- request property \`\`\`\` ${MARKUP} \`\`\`\` removed — \`request-property-removed\` at \`\`\`\` ${pointer}${MARKUP.replaceAll("/", "~1")} \`\`\`\``,
    );
    const root = expectNoInjectedMarkup(r.stdout.join("\n"), ["Warnings (3)"]);
    expect(inlineCodes(root)).toEqual(expect.arrayContaining([HOSTILE_SHOWN, FORGED_SHOWN, MARKUP]));
    expectShownAsItReads(r.stdout);
  });
});

describe("errors and warnings quote their input as it reads", () => {
  it("an unknown command", async () => {
    const r = await cli([HOSTILE]);
    expect(r.code).toBe(2);
    expect(r.stderr).toEqual([
      `error unknown command "${HOSTILE_SHOWN}" (commands: scrape, generate, diff, capture)`,
    ]);
  });

  it("an unknown option, and the help hint on a line of its own", async () => {
    const r = await cli(["diff", `--x${HOSTILE}`], memoryTerminal({ tty: true }));
    expect(r.code).toBe(2);
    expect(r.stderr).toHaveLength(2);
    expect(r.stderr[0]?.startsWith("\u001b[31merror\u001b[39m Unknown option '--x")).toBe(true);
    expect(r.stderr[0]).toContain(`'--x${HOSTILE_SHOWN}'`);
    expect(r.stderr[1]).toBe("See: specsmith diff --help");
    expectShownAsItReads(r.stderr);
  });

  it("a file name", async () => {
    const r = await cli(["generate", "--no-build", `${HOSTILE}.yaml`, "--out", "out"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toEqual([`error ${HOSTILE_SHOWN}.yaml: spec file not found`]);
  });

  it("a key in an ignore file", async () => {
    const base = { openapi: "3.1.0", info: { title: "T", version: "1" }, paths: {} };
    await writeFile(join(dir, "spec.json"), JSON.stringify(base));
    await writeFile(join(dir, "ignore.yaml"), asciiJson([{ id: "x", reason: "y", [HOSTILE]: 1 }]));
    const r = await cli(["diff", "spec.json", "spec.json", "--ignore", "ignore.yaml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toEqual([
      `error ignore.yaml: entry 1 has an unknown key "${HOSTILE_SHOWN}" (keys: id, operation, pointer, api, reason)`,
    ]);
  });

  describe("capture: a URL from api.yaml and the server's status text", () => {
    let server: Server;
    let base: string;
    beforeAll(async () => {
      // C0 controls are refused in a status message; the UTF-8 bytes of U+202E go through.
      const rlo = Buffer.from("\u202e", "utf8").toString("latin1");
      server = createServer((_req, res) => res.writeHead(404, `Not Found${rlo}evil`).end());
      await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    });

    it("are shown as they read in the error and the progress line", async () => {
      const api = join(dir, "specs", "w");
      await mkdir(join(api, "pages"), { recursive: true });
      const url = `${base}/a\u202e`;
      const manifest = { title: "W", package: "w", version: "1.0.0", pages: [{ file: "pages/a.html", url }] };
      await writeFile(join(api, "api.yaml"), asciiJson(manifest));
      const term = memoryTerminal({ tty: true });
      const r = await cli(["capture"], term);
      expect(r.code).toBe(2);
      const shownUrl = String.raw`${base}/a\u202e`;
      expect(r.stderr).toEqual([
        `\r\u001b[2Kcapturing w 1/1: ${shownUrl}`,
        "\r\u001b[2K",
        `\u001b[31merror\u001b[39m ${shownUrl}: HTTP 404 ${String.raw`Not Found\u202eevil`}`,
      ]);
    });
  });
});

describe("scrape: page text in warnings and report.md", () => {
  it("shows a hostile page's file name and text as they read, and report.md renders no markup from them", async () => {
    const page = `pa${HOSTILE}ge.md`;
    await writeFile(
      join(dir, page),
      [
        // Escaped for the page's own markdown, so that the heading's text is MARKUP itself.
        `# Things ${MARKUP.replace(/[!-/:-@[-`{-~]/g, "\\$&")} \u202eevil`,
        "",
        "## Create a thing",
        "",
        "`POST /things/{thing_id}`",
        "",
        "| Field | Type | Description |",
        "|---|---|---|",
        "| snake_case | string | The name |",
        "| we``i\\|rd\u202e | string | A name with a backtick run and a pipe |",
        "",
        "```json",
        '{"snake_case": "x"}}\u202e',
        "```",
        "",
      ].join("\n"),
    );
    const r = await cli(["scrape", page, "--out", "out.yaml", "--report", "out.md"]);
    expect(r.code).toBe(0);
    const pageShown = `pa${HOSTILE_SHOWN}ge.md`;
    expect(r.stderr).toEqual([
      String.raw`warning ${pageShown}:12: JSON example could not be parsed (Unexpected character "\u202e" at position 20): skipped`,
    ]);
    const report = await readFile(join(dir, "out.md"), "utf8");
    const lines = report.split("\n");
    const tableName = String.raw`pa${HOSTILE_SHOWN}ge.md`;
    expect(lines[0]).toBe(
      String.raw`# Things @&#8203;octocat \<img src=x onerror=alert(1)\> \[x\](https://e.example) !\[i\](https://t.example/p.png) \`\`\` \| \# h \&\#x202e; \\u202eevil: scrape report`,
    );
    expect(lines).toContain(`| \`${tableName}\` | markdown | 0.80 | 1 | not recorded |`);
    expect(lines).toContain(`| \`body.snake_case\` | \`${tableName}:9\` | typed |  |`);
    expect(lines).toContain(
      String.raw`| ${"```"} body.we${"``"}i\|rd\u202e ${"```"} | ` + `\`${tableName}:10\` | typed |  |`,
    );
    expect(lines).toContain(
      String.raw`- ${"`"}${tableName}:12${"`"}: JSON example could not be parsed (Unexpected character "\\u202e" at position 20): skipped`,
    );
    // Rendered, the title is one heading, the page's text, and nothing else is a heading, link or image.
    const root = expectNoInjectedMarkup(report, [
      `Things @\u200boctocat <img src=x onerror=alert(1)> [x](https://e.example) ![i](https://t.example/p.png) \`\`\` | # h &#x202e; \\u202eevil: scrape report`,
      "Pages",
      "Operations",
      "Conflicts",
      "Joins",
      "Renames",
      "Inferences",
      "Left out",
      "Warnings",
      "Provenance",
      "POST /things/{thing_id}",
    ]);
    expect(inlineCodes(root)).toEqual(
      expect.arrayContaining([tableName, "body.snake_case", String.raw`body.we${"``"}i|rd\u202e`]),
    );
    expectShownAsItReads(lines);
  });
});

describe("generate: spec text in warnings and the package README", () => {
  it("a cookie parameter's name in the warning, and the title and header name in the README", async () => {
    const spec = {
      openapi: "3.1.0",
      info: { title: `Acme ${MARKUP} snake_case`, version: "1.0.0" },
      components: { securitySchemes: { key: { type: "apiKey", in: "header", name: "X-`Key`|<b>@octocat" } } },
      security: [{ key: [] }],
      paths: {
        "/things": {
          get: {
            operationId: "listThings",
            parameters: [{ name: HOSTILE, in: "cookie", schema: { type: "string" } }],
            responses: { "200": { description: "ok" } },
          },
        },
      },
    };
    await writeFile(join(dir, "spec`<b>.json"), JSON.stringify(spec));
    const r = await cli(["generate", "--no-build", "spec`<b>.json", "--out", "out", "--name", "acme"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toEqual([
      `warning spec\`<b>.json#/paths/~1things/get/parameters/0: cookie parameter "${HOSTILE_SHOWN}" is not supported: the generator ignores it`,
    ]);
    const readme = await readFile(join(dir, "out", "README.md"), "utf8");
    const lines = readme.split("\n");
    expect(lines).toContain(
      String.raw`Typed TypeScript client for Acme @&#8203;octocat \<img src=x onerror=alert(1)\> \[x\](https://e.example) !\[i\](https://t.example/p.png) \`\`\` \| \# h \&\#x202e; snake\_case, generated by specsmith. No runtime dependencies; runs on Node 20+, Deno, Bun and browsers.`,
    );
    expect(readme).toContain("It is sent in the `` X-`Key`|<b>@octocat `` header.");
    expect(readme).toContain("Generated from `` spec`<b>.json `` (sha256");
    const root = expectNoInjectedMarkup(readme, [
      "acme",
      "Install",
      "Authentication",
      "Usage",
      "client.things",
      "Responses",
      "Per-request options",
      "Types",
      "Errors",
    ]);
    expect(inlineCodes(root)).toEqual(expect.arrayContaining(["X-`Key`|<b>@octocat", "spec`<b>.json"]));
  });

  it("refuses a --name that is not an npm package name (it is the README's heading)", async () => {
    await writeFile(
      join(dir, "spec.json"),
      JSON.stringify({ openapi: "3.1.0", info: { title: "T", version: "1" }, paths: {} }),
    );
    const r = await cli(["generate", "--no-build", "spec.json", "--out", "out", "--name", "# <img src=x>"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toEqual(['error --name is not a valid npm package name: "# <img src=x>"']);
  });
});
