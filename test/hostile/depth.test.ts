// Input nested deeper than any real one, through the real CLI in-process (issue 11, item 5): never a stack
// overflow ("internal error"). Pages: what lies beyond the depth limit is read as text, with a warning
// naming the file and line. Specs: a $ref chain of 5,000 components costs no stack (generate and diff
// succeed); a schema nested past the limit is exit 2 naming the file and the JSON pointer.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { main } from "../../scripts/cli.ts";
import { walkDocument } from "../../scripts/spec/walk.ts";
import { DepthLimitError, MAX_SPEC_DEPTH } from "../../scripts/lib/depth.ts";
import { memoryTerminal } from "../cli/memory-terminal.ts";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "specsmith-depth-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function run(...args: string[]) {
  const term = memoryTerminal();
  const code = await main(args, term, dir);
  return { code, out: term.stdout.join("\n"), err: term.stderr.join("\n") };
}

const MARKDOWN_HEAD = "# Things API\n\n## Get a thing\n\n`GET /things/{id}`\n\nReturns a thing.\n\n";

async function scrape(file: string, text: string) {
  await writeFile(join(dir, file), text);
  const r = await run("scrape", file, "--out", "out.yaml");
  const spec = r.code === 0 ? await readFile(join(dir, "out.yaml"), "utf8") : "";
  return { ...r, spec };
}

describe("pages nested deeper than the limit are read, with a warning naming the line", () => {
  it("HTML nested 10,000 elements deep", async () => {
    const html =
      "<html><body>\n<h2>Get a thing</h2>\n<p><code>GET /things/{id}</code></p>\n" +
      "<div>".repeat(10_000) +
      "deepest words" +
      "</div>".repeat(10_000) +
      "</body></html>";
    const r = await scrape("deep.html", html);
    expect(r.err).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^warning deep\.html:4: HTML nested more than 256 elements deep/m);
    expect(r.spec).toContain("/things/{id}:");
  });

  it("a markdown list 10,000 deep on one line, and quotes 10,000 deep", async () => {
    for (const [file, line] of [
      ["list.md", "- ".repeat(10_000) + "item"],
      ["quote.md", ">".repeat(10_000) + " quoted"],
    ] as const) {
      const r = await scrape(file, `${MARKDOWN_HEAD}${line}\n`);
      expect(r.err).not.toMatch(/internal error/);
      expect(r.code).toBe(0);
      expect(r.err).toMatch(
        new RegExp(`^warning ${file.replace(".", "\\.")}:9: markdown opens 10000 lists or quotes`, "m"),
      );
    }
  });

  it("a JSON example nested 5,000 deep is skipped with a warning; the page is still read", async () => {
    const json = '{"a":'.repeat(5000) + "1" + "}".repeat(5000);
    const r = await scrape(
      "json.md",
      `${MARKDOWN_HEAD}### Example response\n\n\`\`\`json\n${json}\n\`\`\`\n`,
    );
    expect(r.err).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(
      /^warning json\.md:11: JSON example could not be (?:read|parsed) \(nested more than 128 levels deep\)/m,
    );
  });

  it("a path /things/{a}{b} gives two path parameters", async () => {
    const r = await scrape(
      "ab.md",
      "# Things API\n\n## Get a thing\n\n`GET /things/{a}{b}`\n\nReturns a thing.\n",
    );
    expect(r.err).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    expect(r.spec).toMatch(/- name: a\n\s+in: path/);
    expect(r.spec).toMatch(/- name: b\n\s+in: path/);
  });
});

/** A spec whose request and response body is components S0 -> S1 -> ... -> S(n-1), each shallow. */
function chainSpec(n: number, last: Record<string, unknown> = { type: "string" }): string {
  const schemas: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) {
    const next = i + 1 < n ? { $ref: `#/components/schemas/S${i + 1}` } : last;
    schemas[`S${i}`] = { type: "object", properties: { next } };
  }
  return specWith(JSON.stringify(schemas));
}

function specWith(schemasJson: string): string {
  const body = '{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/S0"}}}}';
  return (
    `{"openapi":"3.1.0","info":{"title":"Chain","version":"1.0.0"},"paths":{"/things":{"post":` +
    `{"operationId":"createThing","requestBody":${body},"responses":{"200":{"description":"ok",` +
    `"content":{"application/json":{"schema":{"$ref":"#/components/schemas/S0"}}}}}}}},` +
    `"components":{"schemas":${schemasJson}}}`
  );
}

/** S0 nested `levels` deep inline (built as text: JSON.stringify itself overflows on such a value). */
function inlineSpec(levels: number): string {
  let inner = '{"type":"string"}';
  for (let i = 0; i < levels; i++) inner = `{"type":"object","properties":{"n":${inner}}}`;
  return specWith(`{"S0":${inner}}`);
}

describe("specs: $ref chains cost no stack; nesting past the limit is exit 2 naming file and pointer", () => {
  it(
    "generate: a 5,000-component $ref chain and a recursive schema are generated",
    { timeout: 120_000 },
    async () => {
      await writeFile(join(dir, "chain.json"), chainSpec(5000));
      const r = await run(
        "generate",
        "--no-build",
        "chain.json",
        "--out",
        "chain-client",
        "--name",
        "@x/chain",
      );
      expect(r.err).not.toMatch(/internal error/);
      expect(r.code).toBe(0);
      expect(await readFile(join(dir, "chain-client/src/openapi.ts"), "utf8")).toContain("S4999:");
      const recursive = JSON.stringify({
        type: "object",
        properties: { children: { type: "array", items: { $ref: "#/components/schemas/S0" } } },
      });
      await writeFile(join(dir, "recursive.json"), specWith(`{"S0":${recursive}}`));
      const again = await run(
        "generate",
        "--no-build",
        "recursive.json",
        "--out",
        "recursive-client",
        "--name",
        "@x/rec",
      );
      expect(again.code).toBe(0);
    },
  );

  it("diff: a change at the end of a 5,000-component chain is found", { timeout: 60_000 }, async () => {
    await writeFile(join(dir, "a.json"), chainSpec(5000));
    await writeFile(join(dir, "b.json"), chainSpec(5000, { type: "integer" }));
    const r = await run("diff", "a.json", "b.json", "--format", "json");
    expect(r.err).not.toMatch(/internal error/);
    expect(r.code).not.toBe(2);
    expect(r.out).toContain("/components/schemas/S4999/properties/next");
  });

  it("generate and diff: a schema nested 5,000 deep is exit 2 naming the file and the place", async () => {
    await writeFile(join(dir, "deep.json"), inlineSpec(5000));
    for (const args of [
      ["generate", "--no-build", "deep.json", "--out", "deep-client", "--name", "@x/deep"],
      ["diff", "deep.json", "deep.json"],
    ]) {
      const r = await run(...args);
      expect(r.err).not.toMatch(/internal error/);
      expect(r.code).toBe(2);
      // The place: a JSON pointer (here) or, should the parser refuse it first, a line.
      expect(r.err).toMatch(/deep\.json.*(\/components\/schemas\/S0\/properties\/n|line \d+|:\d+)/);
    }
  });

  it("a document built in memory (no parser in between) is walked to the limit and refused past it", () => {
    const nest = (levels: number): Record<string, unknown> => {
      let schema: Record<string, unknown> = { type: "string" };
      for (let i = 0; i < levels; i++) schema = { type: "object", properties: { n: schema } };
      return { components: { schemas: { S0: schema } } };
    };
    expect(() => walkDocument(nest(MAX_SPEC_DEPTH - 10), {})).not.toThrow();
    const error = (() => {
      try {
        walkDocument(nest(5000), {});
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DepthLimitError);
    expect((error as DepthLimitError).place).toMatch(/^\/components\/schemas\/S0(\/properties\/n){200,}/);
  });
});
