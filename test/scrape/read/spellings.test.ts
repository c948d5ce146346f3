// Table tests for the shared field layer, written from LAYOUTS.md's spellings (family numbers in the
// names): how pages say required/optional, list enum values, nest names and print badges.
import { describe, expect, it } from "vitest";
import { readBadges } from "../../../scripts/scrape/read/badges.ts";
import {
  enumFromLines,
  enumValueLine,
  readEnumStatement,
  withEnum,
} from "../../../scripts/scrape/read/enum.ts";
import { childPath, namePath } from "../../../scripts/scrape/read/names.ts";
import { plainText } from "../../../scripts/scrape/read/plain.ts";
import { readRequired } from "../../../scripts/scrape/read/required.ts";
import { LINEAR_CEILING_MS } from "../../setup/time-limits.ts";

describe("readRequired: every way LAYOUTS.md says required or optional", () => {
  it.each([
    ["Required", true],
    ["REQUIRED", true], // 11 older Docusaurus plugin
    ["required", true],
    ["Yes", true], // 3 catalogue tables
    ["*", true], // 15 GitBook `color*`
    ["✓", true],
    ["No", false],
    ["optional", false],
    ["OPTIONAL", false],
    ["?", false], // 12 Fumadocs `name?type`
    ["required conditionally", false], // 2 docs.stripe.com markdown
    ["Recommended if you collect payments", false], // 1 docs.stripe.com text
    ["not required", false],
    ["Required range: 1 <= x <= 50", undefined], // 6 Mintlify: a limit, not the flag
    ["Required string length: 2 - 40", undefined],
    ["Paint colour.", undefined],
  ])("%s -> %s", (cell, want) => {
    expect(readRequired(cell)).toBe(want);
  });

  it("reads an empty cell as the caller says tables of that kind mean it", () => {
    expect(readRequired("")).toBeUndefined();
    expect(readRequired("", false)).toBe(false);
  });
});

describe("readEnumStatement: every enum spelling LAYOUTS.md lists", () => {
  it.each([
    ["Value is matte.", ["matte"]], // 10 Bump single-value enum
    ['Enum"draft""live""retired"', ["draft", "live", "retired"]], // 8 Redoc
    ["Possible values: [red, green]", ["red", "green"]], // 11 Docusaurus
    ["Possible values: [red, green", ["red", "green"]], // 11 `]` wrapped away / cut
    ["Allowed values: red green blue", ["red", "green", "blue"]], // 13 Starlight, space-separated
    ['"matte" | "gloss"', undefined], // a bare union is a type phrase, not a statement
    ['Value in "matte" | "gloss"', ["matte", "gloss"]], // 12 Fumadocs
    ["Possible enum values: - `red` - `blue`", ["red", "blue"]], // 2 docs.stripe.com markdown
    ["One of `a`, `b` or `c`.", ["a", "b", "c"]],
    ["Valid values: draft, live, or retired. Then more.", ["draft", "live", "retired"]], // 3 catalogue
    ["Available options: red, green", ["red", "green"]], // 6 Mintlify, lines joined
    ["must be either a string or null", undefined], // loose intro: only code values count
    ["Possible values: the colour of the frame", undefined], // prose, not values
    // Apostrophes are not quotes: "Job's ... the Job's" is one sentence of prose (azure batch, Mintlify).
    [
      "Runs for one of the following: the Job's wall clock time is reached, or the Job's task ends.",
      undefined,
    ],
    ["One of 'red' or 'green'.", ["red", "green"]],
  ])("%s", (text, want) => {
    expect(readEnumStatement(text)?.values).toEqual(want);
  });

  it("reports an empty list (a capture that lost its values) as a statement with no values", () => {
    expect(readEnumStatement("Paint colour. Possible values:")).toMatchObject({
      values: [],
      before: "Paint colour.",
    });
    expect(readEnumStatement("Allowed values:")?.values).toEqual([]); // 4 Fern's empty list
  });

  it("gives no values for a run glued together, and says so (16 Apidog)", () => {
    expect(readEnumStatement("Allowed values:redgreenblue")).toMatchObject({ values: [], glued: true });
  });

  it("cuts the statement out of the description", () => {
    const s = readEnumStatement("Paint colour. Valid values: red, green. Shown in the UI.");
    expect([s?.before, s?.after]).toEqual(["Paint colour.", "Shown in the UI."]);
  });

  it("reads values listed one per line under an intro, skipping their descriptions (1, 6)", () => {
    expect(enumFromLines(["Possible enum values", "red", "(Default) Bright finish.", "blue"])).toEqual([
      "red",
      "blue",
    ]);
    expect(enumFromLines(["Available options:", "red,", "green"])).toEqual(["red", "green"]);
    expect(enumFromLines(["Paint colour."])).toBeUndefined();
    expect(enumValueLine("Bright finish.")).toBeUndefined();
  });
});

describe("withEnum: one way of putting values on a schema", () => {
  it.each([
    [{ type: "string" }, ["a", "b"], { type: "string", enum: ["a", "b"] }],
    [{ type: "integer" }, ["1", "2"], { type: "integer", enum: [1, 2] }],
    [{ type: ["string", "null"] }, ["a"], { type: ["string", "null"], enum: ["a", null] }],
    [
      { type: "array", items: { type: "string" } },
      ["a"],
      { type: "array", items: { type: "string", enum: ["a"] } },
    ],
    [undefined, ["a"], { type: "string", enum: ["a"] }],
    [{ type: "boolean" }, ["true", "false"], { type: "boolean", enum: [true, false] }],
  ])("%j + %j", (schema, values, want) => {
    expect(withEnum(schema, values)).toEqual(want);
  });
});

describe("namePath: names as pages write nesting", () => {
  it.each([
    ["frame.depth", ["frame", "depth"], { inMap: false, inItems: false, array: false }],
    ["finishes..gloss", ["finishes", "gloss"], { inMap: true }], // 2 map children
    ["parts[].size", ["parts", "size"], { inItems: true }], // 3, 18 `a[].b`
    ["items[0]", ["items"], { array: true }],
    ["expand[]", ["expand"], { array: true }],
    ["metadata[order_id]", ["metadata", "order_id"], {}],
    ["__typename", ["__typename"], {}],
  ])("%s", (name, path, flags) => {
    expect(namePath(name)).toMatchObject({ path, ...flags });
  });

  it.each([
    ["page[size]", ["page[size]"]],
    ["line[itemNr].code", ["line[itemNr]", "code"]],
    ["risk.[customFieldName]", ["risk", "[customFieldName]"]],
    ["parts[].size", ["parts", "size"]],
  ])("%s with brackets as part of the name", (name, path) => {
    expect(namePath(name, "name")?.path).toEqual(path);
  });

  it.each(["", "a b", ".a", "a.", "Paint colour."])("%j is not a name", (name) => {
    expect(namePath(name)).toBeUndefined();
  });

  it("places a child written in full or relative to its parent", () => {
    expect(childPath(["frame"], "frame.depth")).toEqual(["frame", "depth"]);
    expect(childPath(["frame"], "depth")).toEqual(["frame", "depth"]);
  });
});

describe("readBadges: what renderers print after a type", () => {
  it.each([
    ["Required>=8 characters", { schema: { type: "string", minLength: 8 }, required: true, rest: "" }], // 4
    ["Optional<=64 characters", { schema: { type: "string", maxLength: 64 }, required: false, rest: "" }],
    ["Required=2 characters", { schema: { type: "string", minLength: 2, maxLength: 2 }, required: true }],
    ["OptionalDefaults to red", { schema: { type: "string", default: "red" }, required: false, rest: "" }],
    [
      " · min: 2RequiredExample:",
      { schema: { type: "string", minLength: 2 }, required: true, example: true },
    ], // 15
    [" · nullableOptionalExample:", { schema: { type: ["string", "null"] }, required: false }], // 15
    ['Requiredformat: "email"', { schema: { type: "string", format: "email" }, required: true, rest: "" }],
    ["RequiredThe amount.", { required: true, rest: "The amount." }],
    ["required for payments", { rest: "required for payments" }],
    ["Required for recurring payments.", { rest: "Required for recurring payments." }],
    ["Optional boolean indicator.", { rest: "Optional boolean indicator." }],
    ["Required Size in mm.", { required: true, rest: "Size in mm." }],
    ["REQUIRED", { required: true, rest: "" }], // 11
  ])("%j", (text, want) => {
    expect(readBadges(text, { type: "string" })).toMatchObject(want);
    // A flag read as the start of a sentence states nothing.
    if (!("required" in want)) expect(readBadges(text, { type: "string" }).required).toBeUndefined();
  });
});

describe("plainText", () => {
  it("keeps names with underscores and drops light markup", () => {
    expect(plainText("**`__typename`** see [docs](https://x.test/a)  now")).toBe("__typename see docs now");
  });
});

describe("linear time on hostile input", () => {
  // Each input is built here; the ceilings are ~20x a busy-machine run, so quadratic code still fails.
  it.each([
    ["an enum list of 50,000 values", () => readEnumStatement(`Possible values: ${"a, ".repeat(50_000)}`)],
    ["a prose intro followed by 400,000 spaces", () => readEnumStatement(`one of${" ".repeat(400_000)}x`)],
    ["100,000 glued badges", () => readBadges("Required".repeat(100_000), { type: "string" })],
    ["a name of 100,000 segments", () => namePath("a.".repeat(100_000) + "b")],
    [
      "50,000 values one per line",
      () => enumFromLines(["Possible enum values", ...Array(50_000).fill("red")]),
    ],
  ])("%s", (_what, run) => {
    const start = performance.now();
    run();
    expect(performance.now() - start).toBeLessThan(LINEAR_CEILING_MS);
  });
});
