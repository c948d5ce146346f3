// The one field reader on every written form of a field LAYOUTS.md lists (family numbers in the names).
import { describe, expect, it } from "vitest";
import {
  joinBrokenHead,
  joinBrokenNames,
  readFieldText,
  readTitledField,
  readTokenRun,
  toFieldFragment,
} from "../../../scripts/scrape/read/field.ts";
import { pascalNameLine } from "../../../scripts/scrape/read/field-lists.ts";
import { LINEAR_CEILING_MS } from "../../setup/time-limits.ts";

describe("readFieldText: a field on one line", () => {
  it.each([
    // 4 Fern: name, type, flag and constraint glued
    [
      "widget_idstringRequired>=8 characters",
      { name: "widget_id", schema: { type: "string", minLength: 8 }, required: true },
    ],
    [
      "Idem-TokenstringOptional<=64 characters",
      { name: "Idem-Token", schema: { type: "string", maxLength: 64 }, required: false },
    ],
    [
      "colorenumOptionalDefaults to red",
      { name: "color", schema: { type: "string", default: "red" }, required: false },
    ],
    [
      "extrasmap from strings to anyOptional",
      { name: "extras", schema: { type: "object", additionalProperties: {} } },
    ],
    // 1 docs.stripe.com text
    ["colorenumRequired", { name: "color", schema: { type: "string" }, required: true }],
    [
      "frame.depthintegerRequired",
      { name: "frame.depth", path: ["frame", "depth"], schema: { type: "integer" } },
    ],
    // 15 GitBook
    [
      "colorstring · min: 2RequiredExample:",
      { name: "color", schema: { type: "string", minLength: 2 }, required: true },
    ],
    // 8 Redoc
    ["colorstringrequired", { name: "color", schema: { type: "string" }, required: true }],
    // 16 portal
    ["widget_idintegerrequired", { name: "widget_id", schema: { type: "integer" }, required: true }],
    // 12 Fumadocs: "?" = optional
    ["page_size?integer", { name: "page_size", schema: { type: "integer" }, required: false }],
    // 14 Stainless
    ["widgetId: string", { name: "widgetId", schema: { type: "string" } }],
    [
      'color: optional "red" or "green"',
      { name: "color", schema: { type: "string", enum: ["red", "green"] }, required: false },
    ],
    ["frame: optional Frame { depth, tier }", { name: "frame", schema: { type: "object" }, required: false }],
    ["depth: optional number", { name: "depth", schema: { type: "number" }, required: false }],
    // 2 docs.stripe.com markdown
    [
      "`color` (enum, required) Paint colour.",
      { name: "color", required: true, description: "Paint colour." },
    ],
    [
      "`frame.depth` (integer, optional) Depth",
      { path: ["frame", "depth"], schema: { type: "integer" }, required: false },
    ],
    [
      "`finishes..gloss` (boolean, required conditionally) Gloss.",
      { path: ["finishes", "gloss"], schema: { type: "boolean" }, required: false },
    ],
    // 11 older Docusaurus plugin, 10 Bump
    ["widget_id string REQUIRED", { name: "widget_id", schema: { type: "string" }, required: true }],
    ["frame object Required", { name: "frame", schema: { type: "object" }, required: true }],
    // a type word inside a spaced camelCase name ("pane" + "list" + "Key") is no glued type
    [
      "panelistKey integer<int64> REQUIRED",
      { name: "panelistKey", schema: { type: "integer", format: "int64" }, required: true },
    ],
    ["profileName string REQUIRED", { name: "profileName", schema: { type: "string" }, required: true }],
    // 18 GitHub-style markdown
    ["**`color`** (string)", { name: "color", schema: { type: "string" } }],
    // broken at "_" by a space (9 Scalar)
    ["size _labelstring", { name: "size_label", schema: { type: "string" } }],
  ])("%s", (text, want) => {
    expect(readFieldText(text)).toMatchObject(want);
  });

  it.each(["Update a widget", "Paint colour chosen by the buyer", "Sitemap file", ""])(
    "%j is not a field",
    (text) => {
      expect(readFieldText(text)).toBeUndefined();
    },
  );
});

describe("joinBrokenNames: names broken at _ or . (1, 9)", () => {
  it("joins a name broken by a newline", () => {
    expect(joinBrokenNames(["size_", "mmintegerRequired Size in mm."])).toEqual([
      "size_mmintegerRequired Size in mm.",
    ]);
    expect(joinBrokenNames(["frame.", "depthinteger Depth in mm."])).toEqual([
      "frame.depthinteger Depth in mm.",
    ]);
  });
  it('joins after "_" whatever the case, after "." a bare name to a bare PascalCase name (6, 11)', () => {
    expect(joinBrokenNames(["api_", "Key string REQUIRED"])).toEqual(["api_Key string REQUIRED"]);
    expect(joinBrokenNames(["Identifiers.", "FeatureGroupName", "string"])).toEqual([
      "Identifiers.FeatureGroupName",
      "string",
    ]);
    expect(joinBrokenNames(["$.", "xgafv", "enum<string>"])).toEqual(["$.xgafv", "enum<string>"]);
    expect(joinBrokenNames(["Paint colour.", "Depth", "integer"])).toEqual([
      "Paint colour.",
      "Depth",
      "integer",
    ]);
  });
  it('joins a name that starts with "_" broken right after it (8: "_" then "limit"), not a lone "."', () => {
    expect(joinBrokenNames(["_", "limit", "integer"])).toEqual(["_limit", "integer"]);
    expect(joinBrokenNames(["_", "_heartbeat__string"])).toEqual(["__heartbeat__string"]);
    expect(joinBrokenNames([".", "limit"])).toEqual([".", "limit"]);
  });
  it("leaves sentences alone", () => {
    expect(joinBrokenNames(["Paint colour.", "Depth in mm."])).toEqual(["Paint colour.", "Depth in mm."]);
  });
  it("reads the joined field", () => {
    const [line] = joinBrokenNames(["size_", "mmintegerRequired Size in mm."]);
    expect(readFieldText(line ?? "")).toMatchObject({
      name: "size_mm",
      schema: { type: "integer" },
      required: true,
      description: "Size in mm.",
    });
  });
});

describe("readTokenRun: one token per line, in any order", () => {
  it("takes a capitalised word as the name when the type follows it (PascalCase names), never otherwise", () => {
    expect(readTokenRun(["Identifiers", "object[]", "required"])).toMatchObject({
      name: "Identifiers",
      schema: { type: "array", items: { type: "object" } },
      required: true,
    });
    expect(readTokenRun(["string", "Colour", "required"])).toMatchObject({ nameless: true });
  });

  it("reads a Mintlify field with a default and a range (6)", () => {
    expect(
      readTokenRun(["page_size", "integer", "default:20", "Rows per page.", "Required range: 1 <= x <= 50"]),
    ).toMatchObject({
      name: "page_size",
      schema: { type: "integer", default: 20 },
      description: expect.stringContaining("Rows per page."),
    });
  });

  it('reads a plural name that also spells a type ("urls") as the name when a type follows (6)', () => {
    expect(readTokenRun(["urls", "object[]"])).toMatchObject({
      name: "urls",
      schema: { type: "array", items: { type: "object" } },
    });
    expect(readTokenRun(["emails", "string[]", "required"])).toMatchObject({
      name: "emails",
      required: true,
    });
  });

  it("reads a Mintlify enum with its options (6)", () => {
    expect(
      readTokenRun(["color", "enum<string>", "required", "Available options:", "red,", "green"]),
    ).toMatchObject({
      name: "color",
      schema: { type: "string", enum: ["red", "green"] },
      required: true,
    });
  });

  it("reads a Starlight path parameter (13)", () => {
    expect(readTokenRun(["widget_id", "required", "string format: uuid", "Widget id."])).toMatchObject({
      name: "widget_id",
      required: true,
      schema: { type: "string", format: "uuid" },
      description: "Widget id.",
    });
  });

  it("reads a type given before the name is missing as a nameless field, never named from a neighbour (7 ReadMe)", () => {
    const reading = readTokenRun([
      "string",
      "enum",
      "required",
      "Defaults to red",
      "Paint colour.",
      "Allowed:",
    ]);
    expect(reading).toMatchObject({
      nameless: true,
      required: true,
      schema: { type: "string", default: "red" },
    });
    expect(reading?.name).toBeUndefined();
    expect(toFieldFragment(reading ?? {}, { file: "p" }, "typed")).toBeUndefined();
  });

  it("reads an Apidog field (16)", () => {
    expect(readTokenRun(["widget_id", "integer", "required"])).toMatchObject({
      name: "widget_id",
      schema: { type: "integer" },
      required: true,
    });
  });
});

describe("toFieldFragment", () => {
  it("gives one fact with the path the name stands for", () => {
    const reading = readFieldText("frame.depthintegerRequired");
    expect(toFieldFragment(reading ?? {}, { file: "p", line: 3 }, "typed")).toEqual({
      path: ["frame", "depth"],
      schema: { type: "integer" },
      required: true,
      source: { file: "p", line: 3 },
      strength: "typed",
    });
  });
});

describe("joinBrokenHead: a field head whose name was broken (2: docs.stripe.com markdown)", () => {
  it("joins the first word when it is only a name's first part, at a line break or one space", () => {
    expect(joinBrokenHead("client_\nreference_idstringRequired A string.")).toBe(
      "client_reference_idstringRequired A string.",
    );
    expect(joinBrokenHead("client_ reference_idstring A string.")).toBe(
      "client_reference_idstring A string.",
    );
    expect(joinBrokenHead("$. xgafvenum V1 error format.")).toBe("$.xgafvenum V1 error format.");
  });
  it("leaves a head alone whose first word is a whole name or a sentence's end", () => {
    expect(joinBrokenHead("limitinteger A limit.")).toBe("limitinteger A limit.");
    expect(joinBrokenHead("Note. See below.")).toBe("Note. See below.");
    expect(joinBrokenHead("client_")).toBe("client_");
  });
});

describe("linear time on hostile input", () => {
  it("joins 50,000 broken name pieces", () => {
    const start = performance.now();
    const joined = joinBrokenNames(Array(50_000).fill("a_"));
    expect(joined).toHaveLength(1);
    expect(performance.now() - start).toBeLessThan(LINEAR_CEILING_MS);
  });
  it("joins the head of a 200,000-character run of spaces and name pieces", () => {
    const start = performance.now();
    joinBrokenHead("a_ ".repeat(50_000) + " \n".repeat(25_000));
    expect(performance.now() - start).toBeLessThan(LINEAR_CEILING_MS);
  });
  it("reads a 200,000-character glued line", () => {
    const start = performance.now();
    readFieldText("a".repeat(100_000) + "stringRequired" + "<=1".repeat(30_000));
    expect(performance.now() - start).toBeLessThan(LINEAR_CEILING_MS);
  });
});

describe("one capitalised word as a name (11 Docusaurus: AWS's and Twilio's names)", () => {
  it.each([
    ["Page integer OPTIONAL", { name: "Page", schema: { type: "integer" }, required: false }],
    ["Tags object[]required", { name: "Tags", schema: { type: "array", items: { type: "object" } } }],
    ["Hostname string", { name: "Hostname", schema: { type: "string" } }],
    ["Port integer<int32>", { name: "Port", schema: { type: "integer", format: "int32" } }],
    ["Count number REQUIRED", { name: "Count", schema: { type: "number" }, required: true }],
  ])("reads %j as a field", (text, expected) => {
    expect(readTitledField(text) ?? readFieldText(text)).toMatchObject(expected);
  });

  it.each(["Phone number", "Block Number", "Sitemap file", "Required string", "Page number of the list"])(
    "leaves the description %j alone",
    (text) => {
      expect(pascalNameLine(text)).toBe(false);
      expect(readFieldText(text)).toBeUndefined();
    },
  );
});

describe("readTokenRun: a type word as a name (11 Docusaurus)", () => {
  it("reads a type word before a JSON type as the name", () => {
    expect(readTokenRun(["url", "string", "required"])).toMatchObject({
      name: "url",
      schema: { type: "string" },
      required: true,
    });
    expect(readTokenRun(["email", "string<email>"])).toMatchObject({
      name: "email",
      schema: { type: "string", format: "email" },
    });
  });

  it("keeps a type and its format nameless", () => {
    expect(readTokenRun(["integer", "int64"])).toMatchObject({ nameless: true, schema: { type: "integer" } });
    // ReadMe: two nameless fields, one after the other.
    expect(readTokenRun(["boolean", "string"])).toMatchObject({
      nameless: true,
      schema: { type: "boolean" },
    });
  });
});

describe("readTokenRun: Docusaurus's labelled limits (11)", () => {
  it("reads 'Possible values: >= 0 and <= 100' and 'Default value: 100' as the field's limits, not its description", () => {
    expect(
      readTokenRun([
        "limit",
        "integer",
        "Possible values: >= 0 and <= 100",
        "Default value: 100",
        "Page size.",
      ]),
    ).toEqual({
      name: "limit",
      path: ["limit"],
      schema: { type: "integer", minimum: 0, maximum: 100, default: 100 },
      description: "Page size.",
    });
  });
});
