// The three formats over one report with every level: markdown (summary line first, breaking changes
// first, grouped by operation, a shared schema's change once under all its operations, names in code
// spans that survive backticks), JSON (the documented shape) and text.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadSpec } from "../../scripts/spec/index.ts";
import { compareDocuments, type DiffReport } from "../../scripts/diff/compare.ts";
import { formatJson } from "../../scripts/diff/format/json.ts";
import { formatMarkdown } from "../../scripts/diff/format/markdown.ts";
import { formatText } from "../../scripts/diff/format/text.ts";
import { render } from "../../scripts/lib/terminal.ts";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let report: DiffReport;

beforeAll(async () => {
  const base = (await loadSpec(join(import.meta.dirname, "fixtures", "identical_base.yaml"))).document;
  const revision = structuredClone(base) as Json;
  const schemas = revision.components.schemas;
  schemas.Item.properties["we`ird"] = { type: "string" }; // info, shared by GET and PATCH
  schemas.ItemUpdate.required = ["name"]; // breaking, PATCH only
  delete schemas.ItemUpdate.properties.size; // warning, PATCH only
  delete revision.paths["/items/{id}"].get.responses["404"]; // info, GET only
  revision.paths["/items/{id}"].get.operationId = "fetchItem"; // renames generated exports
  report = compareDocuments(base, revision, { base: "old.yaml", revision: "new.yaml" });
});

describe("markdown", () => {
  it("starts with a summary line: counts, with breaking in bold, and the semver bump", () => {
    const first = formatMarkdown([report]).split("\n")[0];
    expect(first).toBe(
      "**specsmith diff**: **2 breaking**, 1 warning, 2 info · generated package: **major** bump",
    );
  });

  it("puts breaking changes first, then warnings, then info folded away, then the package's exports", () => {
    const md = formatMarkdown([report]);
    const at = (text: string) => {
      const i = md.indexOf(text);
      expect(i, text).toBeGreaterThan(-1);
      return i;
    };
    expect(at("### Breaking changes (2)")).toBeLessThan(at("### Warnings (1)"));
    expect(at("### Warnings (1)")).toBeLessThan(at("<details><summary>Info (2)</summary>"));
    expect(at("<details><summary>Info (2)</summary>")).toBeLessThan(at("### Generated package: major"));
  });

  it("groups by operation, and lists a shared schema's change once under every operation it reaches", () => {
    const md = formatMarkdown([report]);
    const breaking = md.slice(md.indexOf("### Breaking"), md.indexOf("### Warnings"));
    // The request property is PATCH's; the rename is GET's (one finding for the function and the names
    // that go with it); each operation is one group.
    expect(breaking.match(/\*\*`PATCH \/items\/\{id\}`\*\*/g)).toHaveLength(1);
    expect(breaking.match(/\*\*`GET \/items\/\{id\}`\*\*/g)).toHaveLength(1);
    expect(breaking).toContain(
      "- request property `name` became required — `request-property-became-required`",
    );
    const shared = "**2 operations: `GET /items/{id}`, `PATCH /items/{id}`**";
    expect(md.split(shared)).toHaveLength(2);
    expect(md).toContain("- response property `` we`ird `` added");
  });

  it("says so when nothing changed", () => {
    const empty = { openapi: "3.1.0", info: { title: "Empty", version: "1" }, paths: {} };
    const same = compareDocuments(empty, structuredClone(empty), { base: "a", revision: "b" });
    expect(formatMarkdown([same])).toContain("No changes.");
  });
});

describe("json", () => {
  it("has the documented shape: {changes: [{id, level, operation, pointer, message}], summary, semver}", () => {
    const json = JSON.parse(formatJson([report]));
    expect(Object.keys(json)).toEqual(["changes", "summary", "semver", "impact", "specs"]);
    expect(json.summary).toEqual({ breaking: 2, warning: 1, info: 2, accepted: 0 });
    expect(json.semver).toBe("major");
    const required = json.changes.find((c: Json) => c.id === "request-property-became-required");
    expect(required).toEqual({
      id: "request-property-became-required",
      level: "breaking",
      operation: "PATCH /items/{id}",
      pointer: "#/components/schemas/ItemUpdate/properties/name",
      message: "request property name became required",
      operations: ["PATCH /items/{id}"],
    });
    const shared = json.changes.find((c: Json) => c.id === "response-property-added");
    expect(shared.operations).toEqual(["GET /items/{id}", "PATCH /items/{id}"]);
    expect(json.impact).toContainEqual({
      change: "renamed",
      exportKind: "function",
      name: "fetchItem",
      before: "retrieveItem",
      after: "fetchItem",
      operation: "GET /items/{id}",
    });
  });
});

describe("text", () => {
  it("prints levels in order, each finding with its rule id and pointer, colour only when asked", () => {
    const lines = formatText([report]);
    const plain = lines.map((line) => render(line, false)).join("\n");
    expect(plain.split("\n")[0]).toBe("2 breaking, 1 warning, 2 info · generated package: major bump");
    expect(plain.indexOf("Breaking changes (2)")).toBeLessThan(plain.indexOf("Warnings (1)"));
    expect(plain).toContain("request-property-became-required  request property name became required");
    expect(plain).toContain("at #/components/schemas/ItemUpdate/properties/name");
    expect(plain).not.toContain("\u001b[");
    expect(lines.map((line) => render(line, true)).join("\n")).toContain("\u001b[31m");
  });
});
