// The checks before writing (issue 12 step 3): each one refuses the spec fault it exists for, naming the
// check and the pages. The faults are made by hand in a real merge result (the scraper no longer makes
// them) and, end to end, by an overlay through the real CLI.
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../scripts/cli.ts";
import { mergePages } from "../../scripts/scrape/merge/merge.ts";
import { checkSpec } from "../../scripts/scrape/spec-checks.ts";
import { memoryTerminal } from "../cli/memory-terminal.ts";
import { field, op, page, param } from "./fragments.ts";

type Op = Record<string, unknown> & { parameters?: Record<string, unknown>[] };
type Doc = { paths: Record<string, Record<string, Op>> };

function merged() {
  const pages = [
    page("items.html", [
      op("items.html", 1, {
        method: "post",
        path: "/v1/items/{item}",
        title: "Update an item",
        parameters: [param("items.html", 2, "path", "item", { type: "string" }, "schema")],
        requestBody: {
          fields: [
            field("items.html", 3, "", { additionalProperties: false }, "schema", { path: [] }),
            field("items.html", 4, "size", { type: "integer", enum: [1, 2], minimum: 1 }, "schema"),
          ],
        },
      }),
    ]),
    page("list.txt", [op("list.txt", 1, { method: "get", path: "/v1/items", title: "List items" })]),
  ];
  const merge = mergePages({ title: "T", version: "1", servers: [], pages });
  return { merge, pages, doc: merge.document as unknown as Doc };
}

function checks(m: ReturnType<typeof merged>) {
  return checkSpec(m.merge.document, m.pages, m.merge).map((p) => [p.check, p.pages]);
}

describe("checks before writing", () => {
  it("passes a merged spec", () => {
    expect(checks(merged())).toEqual([]);
  });

  it("refuses a path naming one parameter twice, and template variables and path parameters that disagree", () => {
    const m = merged();
    const item = m.doc.paths["/v1/items/{item}"] as Record<string, Op>;
    delete m.doc.paths["/v1/items/{item}"];
    m.doc.paths["/v1/items/{item}/parts/{item}"] = item;
    item.post?.parameters?.push({ name: "stray", in: "path", required: true, schema: { type: "string" } });
    const list = m.doc.paths["/v1/items"] as Record<string, Op>;
    m.doc.paths["/v1/items/{id}"] = list;
    delete m.doc.paths["/v1/items"];
    expect(checks(m).map(([check]) => check)).toEqual([
      "unique template names in a path",
      "no stray path parameters",
      "every template variable declared as a path parameter",
    ]);
  });

  it("refuses two operations with one operationId, naming both pages", () => {
    const m = merged();
    (m.doc.paths["/v1/items"]?.get as Op).operationId = "updateItem";
    expect(checks(m)).toEqual([["unique operationIds", ["items.html", "list.txt"]]]);
  });

  it("refuses OpenAPI 3.0 keywords, enum values off their type and block keywords lost", () => {
    const m = merged();
    const body = (m.doc.paths["/v1/items/{item}"]?.post as Op).requestBody as {
      content: Record<string, { schema: { additionalProperties?: boolean; properties: Record<string, Op> } }>;
    };
    const schema = Object.values(body.content)[0]?.schema;
    if (!schema?.properties.size) throw new Error("the merge lost the size field");
    schema.properties.size.nullable = true;
    schema.properties.size.enum = ["1", 2];
    delete schema.properties.size.minimum;
    delete schema.additionalProperties;
    expect(checks(m)).toEqual([
      ["no OpenAPI 3.0-only keywords in the 3.1 document", ["items.html"]],
      ["enum values of the declared type", ["items.html"]],
      ["every JSON Schema keyword of a schema block kept", ["items.html"]],
    ]);
  });

  it("exits 2 naming the check when an overlay writes a 3.0 keyword, and writes nothing", async () => {
    const dir = await mkdtemp(join(tmpdir(), "specsmith-checks-"));
    try {
      await cp(join(import.meta.dirname, "../../specs/verifa"), join(dir, "specs/verifa"), {
        recursive: true,
      });
      await writeFile(
        join(dir, "specs/verifa/overlay.yaml"),
        "overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions:\n" +
          "  - target: $.paths['/api/v1/sessions/{session_id}'].patch.parameters[0].schema\n" +
          "    update: {nullable: true}\n",
      );
      const before = await readFile(join(dir, "specs/verifa/openapi.yaml"), "utf8");
      const term = memoryTerminal();
      expect(await main(["scrape", "--api", "verifa"], term, dir)).toBe(2);
      expect(term.stderr.join("\n")).toMatch(
        /overlay\.yaml: the scraped spec fails 1 check\(s\) after the overlay.*no OpenAPI 3\.0-only keywords in the 3\.1 document: \/paths\/~1api~1v1~1sessions~1\{session_id\}\/patch\/parameters\/0\/schema has nullable \(pages: pages\/update-session\.fern\.txt\)/,
      );
      expect(await readFile(join(dir, "specs/verifa/openapi.yaml"), "utf8")).toBe(before);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
