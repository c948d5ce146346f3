// The validator compiler's behaviour beyond conformance: error pointers and wire names, which anyOf/oneOf
// branch is reported, OpenAPI discriminators, the error cap, no echo of large input, own properties and
// "__proto__", hostile spec strings, backtracking warnings and code-point lengths. Every case compiles a
// real module, transpiles it and calls the generated validator.
import { afterAll, describe, expect, it } from "vitest";
import { compileValidators } from "../../templates/validators/index.ts";
import { loadValidators, removeTempFolders, validatorFor, type Validator } from "./load-validators.ts";

afterAll(removeTempFolders);

function errorsOf(result: ReturnType<Validator>) {
  if (result.ok) throw new Error("expected the value to be invalid");
  return result.errors;
}

/** Stripe's create-verification-session body, as the upgraded spec has it (trimmed descriptions). */
const sessionBody = {
  type: "object",
  additionalProperties: false,
  required: ["type"],
  properties: {
    expand: { type: "array", items: { type: "string", maxLength: 5000 } },
    metadata: { type: "object", additionalProperties: { type: "string" } },
    options: {
      type: "object",
      properties: {
        document: {
          anyOf: [
            {
              type: "object",
              properties: {
                allowed_types: {
                  type: "array",
                  items: { type: "string", enum: ["driving_license", "id_card", "passport"] },
                },
                require_id_number: { type: "boolean" },
              },
            },
            { type: "string", enum: [""] },
          ],
        },
      },
    },
    type: { type: "string", enum: ["document", "id_number"] },
  },
};

describe("error pointers and wire names", () => {
  it("points at the offending value and names the expected values", async () => {
    const validate = await validatorFor(sessionBody);
    const errors = errorsOf(
      validate({ type: "document", options: { document: { allowed_types: ["passport", "bogus"] } } }),
    );
    expect(errors).toEqual([
      {
        pointer: "/options/document/allowed_types/1",
        keyword: "enum",
        message: 'must be one of: "driving_license", "id_card", "passport"',
        wireName: undefined,
      },
    ]);
  });

  it("gives form bodies the wire name of each error", async () => {
    const validate = await validatorFor(sessionBody, { form: true });
    const errors = errorsOf(
      validate({ type: "passport", options: { document: { allowed_types: ["passport", "bogus"] } } }),
    );
    expect(errors.map((e) => [e.pointer, e.wireName])).toEqual([
      ["/options/document/allowed_types/1", "options[document][allowed_types][1]"],
      ["/type", "type"],
    ]);
  });

  it("builds pointers across $ref functions and escapes ~ and / in keys", async () => {
    const document = {
      openapi: "3.1.0",
      paths: {},
      components: {
        schemas: {
          Address: { type: "object", properties: { "a/b~c": { type: "string" } } },
          Customer: {
            type: "object",
            properties: { addresses: { type: "array", items: { $ref: "#/components/schemas/Address" } } },
          },
        },
      },
    };
    const { validators } = await loadValidators({
      document,
      assertFormats: true,
      entries: [{ name: "validateCustomer", schema: { $ref: "#/components/schemas/Customer" }, form: true }],
    });
    const errors = errorsOf((validators.validateCustomer as Validator)({ addresses: [{}, { "a/b~c": 1 }] }));
    // As a caller serializes them (a form error's wire name is a getter, written by toJSON).
    expect(JSON.parse(JSON.stringify(errors))).toEqual([
      {
        pointer: "/addresses/1/a~1b~0c",
        keyword: "type",
        message: "must be a string",
        wireName: "addresses[1][a/b~c]",
      },
    ]);
  });

  it("writes whole pointers into functions called from one place; prefixes the others' errors at the call", async () => {
    const point = { type: "object", properties: { x: { type: "integer" }, y: { type: "integer" } } };
    const document = {
      openapi: "3.1.0",
      paths: {},
      components: {
        schemas: {
          // Called from one place, at a known path: its pointers are whole, nothing is prefixed.
          Leaf: { type: "object", properties: { name: { type: "string" }, size: { type: "integer" } } },
          // Called from two places: its own frame, its errors prefixed at each call.
          Point: point,
          Body: {
            type: "object",
            properties: {
              "in/ner": {
                type: "object",
                properties: {
                  leaf: { $ref: "#/components/schemas/Leaf" },
                  from: { $ref: "#/components/schemas/Point" },
                },
              },
              to: { $ref: "#/components/schemas/Point" },
              // Called once, at an index known only at run time: its own frame too.
              items: { type: "array", items: { $ref: "#/components/schemas/Item" } },
              // Picked by the value's kind; a value of neither kind is one error listing both.
              choice: { anyOf: [{ $ref: "#/components/schemas/Leaf2" }, { type: "string", enum: [""] }] },
            },
          },
          Item: { type: "object", properties: { a: { type: "string" }, b: { type: "string" } } },
          Leaf2: {
            type: "object",
            properties: { deep: { type: "object", properties: { z: { type: "boolean" } } } },
          },
        },
      },
    };
    const { validators, output } = await loadValidators({
      document,
      assertFormats: true,
      entries: [{ name: "validateBody", schema: { $ref: "#/components/schemas/Body" }, form: true }],
    });
    const errors = errorsOf(
      (validators.validateBody as Validator)({
        "in/ner": { leaf: { size: "big" }, from: { x: 0.5 } },
        to: { y: "up" },
        items: [{ a: "a" }, { b: 2 }],
        choice: { deep: { z: 1 } },
      }),
    );
    expect(errors.map(({ pointer, wireName }) => ({ pointer, wireName }))).toEqual([
      { pointer: "/in~1ner/leaf/size", wireName: "in/ner[leaf][size]" },
      { pointer: "/in~1ner/from/x", wireName: "in/ner[from][x]" },
      { pointer: "/to/y", wireName: "to[y]" },
      { pointer: "/items/1/b", wireName: "items[1][b]" },
      { pointer: "/choice/deep/z", wireName: "choice[deep][z]" },
    ]);
    const kindErrors = errorsOf((validators.validateBody as Validator)({ choice: 5 }));
    expect(kindErrors.map(({ pointer, message }) => ({ pointer, message }))).toEqual([
      { pointer: "/choice", message: "must be an object or a string" },
    ]);
    // The whole paths are constants in the code; only Point's two calls and the array item's prefix errors.
    expect(output.code).toContain('"/in~1ner/leaf/size"');
    expect(output.code).toContain('"/choice/deep/z"');
    expect(output.code.match(/prefixErrors\(st,/g)).toHaveLength(3);
    expect(output.code).not.toContain("anyOfErrors");
  });

  it("works a form error's wire name out when read, and writes it in JSON", async () => {
    const validate = await validatorFor(sessionBody, { form: true });
    const [error] = errorsOf(validate({ type: "document", options: { document: { allowed_types: ["x"] } } }));
    expect(error?.wireName).toBe("options[document][allowed_types][0]");
    // Read from the pointer, so a caller that re-roots the pointer gets the matching name.
    if (error) error.pointer = "/body/a";
    expect(error?.wireName).toBe("body[a]");
    expect(JSON.stringify(error)).toBe(
      '{"pointer":"/body/a","keyword":"enum","message":"must be one of: \\"driving_license\\", \\"id_card\\", \\"passport\\"","wireName":"body[a]"}',
    );
    // JSON bodies have no wire name, as a plain undefined property.
    const json = await validatorFor(sessionBody);
    const [jsonError] = errorsOf(json({ type: "document", options: { document: { allowed_types: ["x"] } } }));
    expect(jsonError).toEqual({
      pointer: "/options/document/allowed_types/0",
      keyword: "enum",
      message: 'must be one of: "driving_license", "id_card", "passport"',
      wireName: undefined,
    });
  });

  it("treats an undefined property as absent, as JSON and form encoding do", async () => {
    const validate = await validatorFor({
      type: "object",
      required: ["a"],
      properties: { a: { type: "string" } },
    });
    expect(errorsOf(validate({ a: undefined }))[0]).toMatchObject({ keyword: "required", pointer: "" });
  });
});

describe("anyOf / oneOf report the branch the input meant", () => {
  it("reports only the object branch for an object (not the string branch)", async () => {
    const validate = await validatorFor(sessionBody);
    const errors = errorsOf(
      validate({ type: "document", options: { document: { require_id_number: "yes" } } }),
    );
    expect(errors).toEqual([
      {
        pointer: "/options/document/require_id_number",
        keyword: "type",
        message: "must be a boolean",
        wireName: undefined,
      },
    ]);
  });

  it("lists every allowed type when the value fits no branch's type", async () => {
    const validate = await validatorFor(sessionBody);
    const errors = errorsOf(validate({ type: "document", options: { document: 5 } }));
    expect(errors).toEqual([
      {
        pointer: "/options/document",
        keyword: "type",
        message: "must be an object or a string",
        wireName: undefined,
      },
    ]);
  });

  it("checks the one branch a value's kind allows, for anyOf and oneOf, integers apart from other numbers", async () => {
    for (const keyword of ["anyOf", "oneOf"]) {
      const validate = await validatorFor({
        type: "object",
        properties: {
          x: {
            [keyword]: [
              { type: "integer", minimum: 5 },
              { enum: [0.5, 1.5] },
              { type: "string", maxLength: 2 },
              { type: "null" },
            ],
          },
        },
      });
      const check = (x: unknown) => {
        const result = validate({ x });
        return result.ok ? "ok" : result.errors.map((e) => `${e.pointer} ${e.message}`).join("; ");
      };
      expect([7, 6.0, 1.5, "ab", null].map(check)).toEqual(["ok", "ok", "ok", "ok", "ok"]);
      expect(check(3)).toBe("/x must be >= 5");
      expect(check(2.5)).toBe("/x must be one of: 0.5, 1.5");
      expect(check("abc")).toBe("/x must be at most 2 characters long");
      expect(check(true)).toMatch(/^\/x /);
      expect(validate({ x: [] }).ok).toBe(false);
    }
  });

  it("picks the branch whose tag property matches (an implied discriminator)", async () => {
    const validate = await validatorFor({
      oneOf: [
        {
          type: "object",
          required: ["type", "number"],
          properties: { type: { const: "card" }, number: { type: "string" } },
        },
        {
          type: "object",
          required: ["type", "iban"],
          properties: { type: { const: "bank" }, iban: { type: "string" } },
        },
      ],
    });
    expect(errorsOf(validate({ type: "bank", number: "4242" }))).toEqual([
      {
        pointer: "",
        keyword: "required",
        message: 'must have required property "iban"',
        wireName: undefined,
      },
    ]);
  });

  it("picks the branch the input got furthest into when nothing else decides", async () => {
    const validate = await validatorFor({
      anyOf: [
        { type: "object", required: ["b"], properties: { b: { type: "integer" } } },
        { type: "object", properties: { a: { type: "object", properties: { x: { type: "string" } } } } },
      ],
    });
    expect(errorsOf(validate({ a: { x: 1 } }))).toEqual([
      { pointer: "/a/x", keyword: "type", message: "must be a string", wireName: undefined },
    ]);
  });

  it("takes a branch that failed on a one-value enum tag for a poor match, as one failing on a const", async () => {
    // The third branch has no tag, so no implied discriminator is found: the error rules decide.
    const validate = await validatorFor({
      anyOf: [
        { type: "object", required: ["kind", "a"], properties: { kind: { enum: ["x"] }, a: {} } },
        { type: "object", required: ["kind", "b"], properties: { kind: { enum: ["y"] }, b: {} } },
        { type: "object", required: ["c"], properties: { c: {} } },
      ],
    });
    expect(errorsOf(validate({ kind: "y" }))).toEqual([
      { pointer: "", keyword: "required", message: 'must have required property "b"', wireName: undefined },
    ]);
  });

  it("names every tag when the input's tag names no branch", async () => {
    const validate = await validatorFor({
      type: "array",
      items: {
        oneOf: [
          { type: "object", required: ["type"], properties: { type: { enum: ["function"] } } },
          { type: "object", required: ["type"], properties: { type: { const: "file_search" } } },
        ],
      },
    });
    expect(errorsOf(validate([{ type: "browser" }]))).toEqual([
      {
        pointer: "/0/type",
        keyword: "enum",
        message: 'must be one of: "function", "file_search"',
        wireName: undefined,
      },
    ]);
  });

  it("says how many branches matched when a oneOf matches several", async () => {
    const validate = await validatorFor({ oneOf: [{ type: "integer" }, { minimum: 2 }] });
    const errors = errorsOf(validate(3));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ pointer: "", keyword: "oneOf" });
    expect(errors[0]?.message).toContain("matches 2");
  });
});

describe("OpenAPI discriminator", () => {
  const document = {
    openapi: "3.1.0",
    paths: {},
    components: {
      schemas: {
        Cat: {
          type: "object",
          required: ["kind"],
          properties: { kind: { type: "string" }, meows: { type: "boolean" } },
        },
        Dog: {
          type: "object",
          required: ["kind"],
          properties: { kind: { type: "string" }, barks: { type: "boolean" } },
        },
        Pet: {
          oneOf: [{ $ref: "#/components/schemas/Cat" }, { $ref: "#/components/schemas/Dog" }],
          discriminator: { propertyName: "kind", mapping: { cat: "#/components/schemas/Cat" } },
        },
      },
    },
  };
  async function validatePet(): Promise<Validator> {
    const { validators } = await loadValidators({
      document,
      assertFormats: true,
      entries: [{ name: "validatePet", schema: { $ref: "#/components/schemas/Pet" } }],
    });
    return validators.validatePet as Validator;
  }

  it("checks only the branch the tag names (by mapping, or by the $ref's name)", async () => {
    const validate = await validatePet();
    expect(validate({ kind: "cat", meows: true }).ok).toBe(true);
    expect(errorsOf(validate({ kind: "Dog", barks: "loud", meows: "no" }))).toEqual([
      { pointer: "/barks", keyword: "type", message: "must be a boolean", wireName: undefined },
    ]);
  });

  it("reports an unknown or missing tag once, naming the allowed values", async () => {
    const validate = await validatePet();
    expect(errorsOf(validate({ kind: "cow" }))).toEqual([
      {
        pointer: "/kind",
        keyword: "discriminator",
        message: 'must be one of: "cat", "Dog"',
        wireName: undefined,
      },
    ]);
    expect(errorsOf(validate({}))).toEqual([
      {
        pointer: "",
        keyword: "discriminator",
        message: 'must have property "kind" set to one of: "cat", "Dog"',
        wireName: undefined,
      },
    ]);
  });
});

describe("error cap and no echo of input", () => {
  it("stops at 20 errors by default, or at options.maxErrors", async () => {
    const validate = await validatorFor({ type: "array", items: { type: "string" } });
    const input = Array.from({ length: 100 }, (_, i) => i);
    expect(errorsOf(validate(input))).toHaveLength(20);
    expect(errorsOf(validate(input, { maxErrors: 3 }))).toHaveLength(3);
  });

  it("never quotes a 10,000-character input in messages or pointers", async () => {
    const huge = "x".repeat(10_000);
    const validate = await validatorFor({
      type: "object",
      additionalProperties: false,
      properties: {
        s: { type: "string", maxLength: 5, pattern: "^[a-w]*$" },
        e: { enum: ["a", "b"] },
        names: { type: "object", propertyNames: { maxLength: 3 } },
        n: { type: "integer" },
      },
    });
    const errors = errorsOf(validate({ s: huge, e: huge, names: { [huge]: 1 }, n: huge, [huge]: 1 }));
    expect(errors.length).toBeGreaterThanOrEqual(5);
    for (const error of errors) {
      expect(error.message.length).toBeLessThan(200);
      expect(error.pointer.length).toBeLessThan(200);
      expect(error.message).not.toContain("x".repeat(50));
    }
  });

  it("returns one error for a value nested too deeply to walk, without throwing", async () => {
    const validate = await validatorFor({
      $defs: { node: { type: "array", items: { $ref: "#/$defs/node" } } },
      $ref: "#/$defs/node",
    });
    let deep: unknown[] = [];
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(errorsOf(validate(deep))).toEqual([
      { pointer: "", keyword: "depth", message: "is nested too deeply to validate", wireName: undefined },
    ]);
    // The next call starts clean: nothing of the overflowed one is left in its errors.
    expect(errorsOf(validate([[1]]))).toEqual([
      { pointer: "/0/0", keyword: "type", message: "must be an array", wireName: undefined },
    ]);
  });
});

describe("one pass over an invalid value", () => {
  /** The session body with its `allowed_types` behind a getter counting reads. */
  function countedSession(allowedTypes: unknown): { value: unknown; reads: () => number } {
    let reads = 0;
    const document = {
      get allowed_types() {
        reads++;
        return allowedTypes;
      },
    };
    return { value: { type: "document", options: { document } }, reads: () => reads };
  }

  it("reads each value once, also inside the anyOf branch the value's kind picks", async () => {
    const validate = await validatorFor(sessionBody);
    const invalid = countedSession(["passport", "bogus"]);
    expect(errorsOf(validate(invalid.value)).map((e) => [e.pointer, e.keyword])).toEqual([
      ["/options/document/allowed_types/1", "enum"],
    ]);
    expect(invalid.reads()).toBe(1);
    const valid = countedSession(["passport"]);
    expect(validate(valid.value).ok).toBe(true);
    expect(valid.reads()).toBe(1);
  });

  it("gives a validator called from a getter of the value it checks its own errors", async () => {
    const validate = await validatorFor(sessionBody);
    let inner: ReturnType<Validator> | undefined;
    const value = {
      get type() {
        inner = validate({ type: "other" });
        return "passport";
      },
      expand: [1],
    };
    expect(errorsOf(validate(value)).map((e) => e.pointer)).toEqual(["/expand/0", "/type"]);
    expect(errorsOf(inner as ReturnType<Validator>).map((e) => e.pointer)).toEqual(["/type"]);
    expect(errorsOf(validate({ type: "x" })).map((e) => e.pointer)).toEqual(["/type"]);
  });

  it("rethrows what a getter throws and stays usable", async () => {
    const validate = await validatorFor(sessionBody, { form: true });
    const failure = new Error("getter failed");
    const value = {
      expand: [1],
      get type(): string {
        throw failure;
      },
    };
    expect(() => validate(value)).toThrow(failure);
    expect(validate({ type: "document" }).ok).toBe(true);
    expect(errorsOf(validate({ type: "document", metadata: 1 })).map((e) => e.wireName)).toEqual([
      "metadata",
    ]);
  });
});

describe("own properties and __proto__", () => {
  it("does not let {} satisfy required: toString or constructor", async () => {
    const validate = await validatorFor({ type: "object", required: ["toString", "constructor"] });
    expect(errorsOf(validate({})).map((e) => e.message)).toEqual([
      'must have required property "toString"',
      'must have required property "constructor"',
    ]);
    expect(validate({ toString: "x", constructor: 1 }).ok).toBe(true);
  });

  it("does not take a polluted prototype's property for the object's own", async () => {
    const validate = await validatorFor({
      type: "object",
      required: ["role"],
      properties: { role: { enum: ["admin"] } },
    });
    const prototype = Object.prototype as Record<string, unknown>;
    prototype.role = "admin";
    try {
      expect(errorsOf(validate({}))[0]).toMatchObject({ keyword: "required" });
    } finally {
      delete prototype.role;
    }
  });

  it("validates a __proto__ key as a plain key, in the schema and in the input", async () => {
    // JSON.parse: in an object literal, `__proto__:` would set the prototype instead of a key.
    const validate = await validatorFor(
      JSON.parse(
        '{"type": "object", "required": ["__proto__"], "additionalProperties": false, "properties": {"__proto__": {"type": "string"}}}',
      ),
    );
    expect(validate(JSON.parse('{"__proto__": "x"}')).ok).toBe(true);
    expect(errorsOf(validate(JSON.parse('{"__proto__": {"polluted": true}}')))).toEqual([
      { pointer: "/__proto__", keyword: "type", message: "must be a string", wireName: undefined },
    ]);
    expect(errorsOf(validate({}))[0]).toMatchObject({ keyword: "required" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("rejects a __proto__ key under additionalProperties: false without polluting anything", async () => {
    const validate = await validatorFor({
      type: "object",
      additionalProperties: false,
      properties: { a: {} },
    });
    const errors = errorsOf(validate(JSON.parse('{"__proto__": {"polluted": true}}')));
    expect(errors[0]).toMatchObject({ pointer: "/__proto__", keyword: "additionalProperties" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("compares const objects with a __proto__ key as plain data", async () => {
    const validate = await validatorFor(JSON.parse('{"const": {"__proto__": {"a": 1}}}'));
    expect(validate(JSON.parse('{"__proto__": {"a": 1}}')).ok).toBe(true);
    expect(validate({}).ok).toBe(false);
  });

  it("finds duplicates among objects with __proto__ and constructor keys", async () => {
    const validate = await validatorFor({ type: "array", uniqueItems: true });
    const proto = (n: number) => JSON.parse(`{"__proto__": ${n}}`);
    expect(validate([proto(1), proto(2), { constructor: 1 }, {}]).ok).toBe(true);
    expect(errorsOf(validate([proto(1), {}, proto(1)]))[0]).toMatchObject({
      keyword: "uniqueItems",
      message: "must not contain duplicate items (items 0 and 2 are equal)",
    });
    expect(validate([{}, { constructor: {} }]).ok).toBe(true);
    // Long arrays take the canonical-text path.
    const many = Array.from({ length: 40 }, (_, i) => proto(i));
    expect(validate(many).ok).toBe(true);
    expect(validate([...many, proto(7)]).ok).toBe(false);
  });
});

describe("hostile spec strings", () => {
  const nasty = ["*/", '"', "'", "`", "${process.exit(1)}", "\u2028", "\u2029", "</script>", "\\"];

  it("survive as property names, enum values, const and patterns", async () => {
    const properties = Object.fromEntries(nasty.map((name) => [name, { enum: nasty, const: name }]));
    const schema = {
      type: "object",
      required: nasty,
      properties,
      patternProperties: { "^\\*/`\\$\\{\\}$": { type: "string" } },
      additionalProperties: false,
    };
    const { validators, output } = await loadValidators({
      document: schema,
      assertFormats: true,
      entries: [{ name: "validate", schema }],
    });
    expect(output.code).not.toMatch(/[\u2028\u2029]/);
    const validate = validators.validate as Validator;
    const valid = Object.fromEntries(nasty.map((name) => [name, name]));
    expect(validate(valid).ok).toBe(true);
    const errors = errorsOf(validate({ ...valid, "*/": "`" }));
    expect(errors).toEqual([
      { pointer: "/*~1", keyword: "const", message: 'must be equal to "*/"', wireName: undefined },
    ]);
    expect(validate({ ...valid, "*/`${}": 1 }).ok).toBe(false);
    expect(validate({ ...valid, "*/`${}": "ok" }).ok).toBe(true);
  });

  it("rejects validator names that are not plain identifiers", () => {
    for (const name of ["a-b", "x;alert(1)", "class", "has", "s0"]) {
      expect(() =>
        compileValidators({ document: {}, assertFormats: false, entries: [{ name, schema: {} }] }),
      ).toThrow();
    }
  });
});

describe("patterns and code points", () => {
  it("warns about a pattern that can backtrack catastrophically, naming its location", () => {
    const schema = {
      type: "object",
      properties: { a: { type: "string", pattern: "^(a+)+$" }, b: { type: "string", pattern: "^[a-z]+$" } },
      patternProperties: { "^(x|x)*$": {} },
    };
    const { warnings } = compileValidators({
      document: schema,
      assertFormats: false,
      entries: [{ name: "v", schema }],
    });
    expect(warnings.map((w) => w.pointer).sort()).toEqual([
      "/patternProperties/^(x|x)*$",
      "/properties/a/pattern",
    ]);
    for (const warning of warnings) expect(warning.message).toContain("may backtrack catastrophically");
  });

  it("warns, without deep recursion, about a pattern whose groups nest thousands deep", () => {
    // 3,000 levels used to overflow the analysis' stack, which was swallowed: no warning at all.
    const pattern = "(".repeat(3000) + "a*" + ")*".repeat(3000);
    const schema = { type: "string", pattern };
    const { warnings } = compileValidators({
      document: schema,
      assertFormats: false,
      entries: [{ name: "v", schema }],
    });
    expect(
      warnings.map((w) => [w.pointer, w.message.includes("may backtrack catastrophically")]),
    ).toContainEqual(["/pattern", true]);
  });

  it("counts an emoji as one character", async () => {
    const max = await validatorFor({ type: "string", maxLength: 1 });
    expect(max("😀").ok).toBe(true);
    expect(errorsOf(max("😀😀"))[0]).toMatchObject({
      keyword: "maxLength",
      message: "must be at most 1 character long",
    });
    const min = await validatorFor({ type: "string", minLength: 2 });
    expect(min("😀").ok).toBe(false);
    expect(min("😀😀").ok).toBe(true);
  });

  it("asserts the request formats when asked", async () => {
    const validate = await validatorFor({
      type: "object",
      properties: {
        at: { format: "date-time" },
        on: { format: "date" },
        email: { format: "email" },
        url: { format: "uri" },
        id: { format: "uuid" },
      },
    });
    const good = {
      at: "2024-02-29T23:59:60Z",
      on: "2024-02-29",
      email: "jenny@example.com",
      url: "https://example.com/a?b#c",
      id: "2eb8aa08-aa98-11ea-b4aa-73b441d16380",
    };
    expect(validate(good).ok).toBe(true);
    const bad = { at: "2023-02-29T10:00:00Z", on: "2024-13-01", email: "a@@b", url: "/relative", id: "nope" };
    expect(errorsOf(validate(bad)).map((e) => e.pointer)).toEqual(["/at", "/on", "/email", "/url", "/id"]);
  });
});

describe("readOnly and writeOnly in required (OpenAPI)", () => {
  const document = {
    components: {
      schemas: {
        Id: { type: "string", readOnly: true },
        Account: {
          type: "object",
          required: ["id", "created", "password", "name"],
          properties: {
            id: { $ref: "#/components/schemas/Id" },
            created: { type: "integer", readOnly: true },
            password: { type: "string", writeOnly: true },
            name: { type: "string" },
          },
        },
      },
    },
  };
  const missing = async (direction?: "request" | "response") => {
    const { validators } = await loadValidators({
      document,
      assertFormats: true,
      ...(direction ? { direction } : {}),
      entries: [{ name: "validateAccount", schema: { $ref: "#/components/schemas/Account" } }],
    });
    const result = (validators.validateAccount as Validator)({});
    return errorsOf(result).map((e) => e.message);
  };

  it("requires readOnly properties (also through $ref) in responses only, writeOnly ones in requests only", async () => {
    expect(await missing("request")).toEqual([
      'must have required property "password"',
      'must have required property "name"',
    ]);
    expect(await missing("response")).toEqual([
      'must have required property "id"',
      'must have required property "created"',
      'must have required property "name"',
    ]);
    // Plain JSON Schema: `required` means what it says.
    expect(await missing()).toHaveLength(4);
  });
});
