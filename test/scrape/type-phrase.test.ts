import { describe, expect, it } from "vitest";
import { parseConstraints, parseTypePhrase, splitGluedField } from "../../scripts/scrape/type-phrase.ts";
import { LINEAR_CEILING_MS } from "../setup/time-limits.ts";

describe("parseTypePhrase", () => {
  it.each([
    ["string", { type: "string" }],
    ["String", { type: "string" }],
    ["string or null", { type: ["string", "null"] }],
    ["datetime", { type: "string", format: "date-time" }],
    ["datetime or null", { type: ["string", "null"], format: "date-time" }],
    ["list of strings", { type: "array", items: { type: "string" } }],
    ["list of strings or null", { type: ["array", "null"], items: { type: "string" } }],
    ["map from strings to any", { type: "object", additionalProperties: {} }],
    ["array of integers", { type: "array", items: { type: "integer" } }],
    ["Array", { type: "array" }],
    ["timestamp", { type: "integer", format: "unix-time" }],
    ["not a type", undefined],
    // Names of Object.prototype's members are no type words (they once threw "could not be cloned").
    ["constructor", undefined],
    ["list of constructors", undefined],
  ])("%s", (phrase, want) => {
    expect(parseTypePhrase(phrase)).toEqual(want);
  });

  it("gives a schema that shares nothing with another result", () => {
    const a = parseTypePhrase("list of strings or null");
    const b = parseTypePhrase("list of strings or null");
    expect(a).toEqual(b);
    expect(a?.items).not.toBe(b?.items);
    (a?.items as Record<string, unknown>).format = "changed";
    expect(parseTypePhrase("string")).toEqual({ type: "string" });
  });
});

describe("splitGluedField", () => {
  it.each([
    ["metadataobject", "metadata", "object", ""],
    ["typeenum", "type", "enum", ""],
    ["created_atdatetime", "created_at", "datetime", ""],
    ["updated_datestring", "updated_date", "string", ""],
    ["external_refstringOptional<=255 characters", "external_ref", "string", "Optional<=255 characters"],
    ["checkslist of strings or null", "checks", "list of strings or null", ""],
    ["Key-InflectionenumOptionalDefaults to snake", "Key-Inflection", "enum", "OptionalDefaults to snake"],
    ["client_reference_idstringA string.", "client_reference_id", "string", "A string."],
    [
      "propertiesmap from strings to map from strings to anyOptional",
      "properties",
      "map from strings to map from strings to any",
      "Optional",
    ],
    ["routesmap from strings to list of objects", "routes", "map from strings to list of objects", ""],
    ["phone_number_collectionobjectOptional", "phone_number_collection", "object", "Optional"],
    ["max_integer_2integer", "max_integer_2", "integer", ""],
    // A name may contain a type word: one followed by more of the name ("_", a digit, "-", ".") is not the type.
    ["id_number_secondarystring", "id_number_secondary", "string", ""],
    ["start_date2stringRequired", "start_date2", "string", "Required"],
    ["data.object.idstring", "data.object.id", "string", ""],
    ["list-idstring", "list-id", "string", ""],
    ["items.dateQuestionobject", "items.dateQuestion", "object", ""],
    // A type word inside a camelCase name, followed by a capital that starts no badge, is not the type.
    ["validateRequestBodyboolean", "validateRequestBody", "boolean", ""],
    // Both splits a capital follows: the last, as only the description's first word follows the type.
    ["updateTimestringOutput only.", "updateTime", "string", "Output only."],
    ["stringValuestringRequired", "stringValue", "string", "Required"],
    ["objectIdsarray of strings", "objectIds", "array of strings", ""],
    ["numberOfItemsinteger Count.", "numberOfItems", "integer", "Count."],
    ["datestringRecommended if known", "date", "string", "Recommended if known"],
    // A bracketed key is part of the name, and no type is read inside a bracket.
    ["filter[status]enumThe status.", "filter[status]", "enum", "The status."],
    ["page[size]integer", "page[size]", "integer", ""],
    ["filter[string]boolean", "filter[string]", "boolean", ""],
    ["expand[]array of strings", "expand[]", "array of strings", ""],
  ])("%s", (text, name, typePhrase, rest) => {
    expect(splitGluedField(text)).toMatchObject({ name, typePhrase, rest });
  });

  it("stays linear on a long bracketed name", () => {
    const text = `${"a[b]".repeat(50_000)}string`;
    const started = performance.now();
    expect(splitGluedField(text)?.typePhrase).toBe("string");
    expect(performance.now() - started).toBeLessThan(LINEAR_CEILING_MS);
  });

  it("returns undefined when no type follows a name", () => {
    expect(splitGluedField("Was this page helpful?")).toBeUndefined();
  });

  it("reads a glued 'any' only where a capital follows it and no other type word is found", () => {
    expect(splitGluedField("consentArtifactanyShow child parameters")).toEqual({
      name: "consentArtifact",
      typePhrase: "any",
      schema: {},
      rest: "Show child parameters",
    });
    expect(splitGluedField("metaanyRequiredThe meta")).toMatchObject({
      name: "meta",
      rest: "RequiredThe meta",
    });
    // Names end in "any": without a capital after it, or with a type word later, it is no type.
    expect(splitGluedField("company")).toBeUndefined();
    expect(splitGluedField("many things")).toBeUndefined();
    expect(splitGluedField("companyNamestringThe name")).toMatchObject({
      name: "companyName",
      typePhrase: "string",
    });
  });

  it("reads a glued 'any' in linear time on a long name", () => {
    const text = `${"a".repeat(200_000)}anyShow`;
    const started = performance.now();
    expect(splitGluedField(text)?.typePhrase).toBe("any");
    expect(performance.now() - started).toBeLessThan(LINEAR_CEILING_MS);
  });
});

describe("parseConstraints", () => {
  it("reads length limits for strings and bounds for numbers", () => {
    expect(parseConstraints("Optional<=255 characters", { type: "string" })).toEqual({ maxLength: 255 });
    expect(parseConstraints(">=1 <=100", { type: "integer" })).toEqual({ minimum: 1, maximum: 100 });
    // 6 Mintlify's limit lines: the lower bound left of the variable, and a length range.
    expect(parseConstraints("Required range: 0 <= x <= 30000", { type: "integer" })).toEqual({
      minimum: 0,
      maximum: 30000,
    });
    expect(parseConstraints("Required range: -1.5 < x", { type: "number" })).toEqual({
      exclusiveMinimum: -1.5,
    });
    expect(parseConstraints("Required string length: 1 - 256", { type: ["string", "null"] })).toEqual({
      minLength: 1,
      maxLength: 256,
    });
    expect(parseConstraints("Required string length: x >= 1", { type: "string" })).toEqual({ minLength: 1 });
  });
  it("reads defaults, typed by the base schema", () => {
    expect(parseConstraints("OptionalDefaults to snake", { type: "string" })).toEqual({ default: "snake" });
    expect(parseConstraints('Default value: "application/json"', { type: "string" })).toEqual({
      default: "application/json",
    });
    expect(parseConstraints("Defaults to 10", { type: "integer" })).toEqual({ default: 10 });
  });
});
