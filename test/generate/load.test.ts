import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { UserError } from "../../scripts/lib/errors.ts";
import { loadSpec, UnsupportedSpecVersionError, upgradeTo31 } from "../../scripts/spec/index.ts";

const FIXTURES = "test/fixtures/specs/load";
const fixture = (name: string) => join(FIXTURES, name);

const scratch = mkdtempSync(join(tmpdir(), "specsmith-load-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let written = 0;
/** Writes `text` to a fresh scratch file (the name's extension is chosen per test, content decides). */
function scratchFile(name: string, text: string): string {
  const dir = join(scratch, String(written++));
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function failure(path: string, displayName?: string): Promise<Error> {
  try {
    await loadSpec(path, displayName === undefined ? {} : { displayName });
  } catch (err) {
    return err as Error;
  }
  throw new Error(`${path} loaded without error`);
}

/** Every `$ref` string in a document (outside nothing: a plain scan, to prove no file ref survives). */
function allRefs(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) allRefs(v, out);
  else if (typeof value === "object" && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (k === "$ref" && typeof v === "string") out.push(v);
      else allRefs(v, out);
    }
  }
  return out;
}

function at(doc: unknown, pointer: string): unknown {
  let node = doc;
  for (const raw of pointer.split("/").slice(1)) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

const minimal31 = { openapi: "3.1.0", info: { title: "T", version: "1" }, paths: {} };

describe("loadSpec: reading", () => {
  it("returns a 3.1 JSON spec as it is, with its version and the sha256 of its bytes", async () => {
    const path = fixture("petstore-31.json");
    const loaded = await loadSpec(path);
    expect(loaded.document).toEqual(JSON.parse(readFileSync(path, "utf8")));
    expect(loaded.declaredVersion).toBe("3.1.0");
    expect(loaded.hash).toBe(createHash("sha256").update(readFileSync(path)).digest("hex"));
    expect(loaded.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("tells JSON from YAML by content, not by extension", async () => {
    const yamlInJson = scratchFile(
      "spec.json",
      "openapi: 3.1.0\ninfo: {title: YAML, version: '1'}\npaths: {}\n",
    );
    const jsonInYaml = scratchFile(
      "spec.yaml",
      JSON.stringify({ ...minimal31, info: { title: "JSON", version: "1" } }),
    );
    const noExtension = scratchFile("spec", "openapi: 3.1.0\ninfo: {title: Bare, version: '1'}\npaths: {}\n");
    expect(((await loadSpec(yamlInJson)).document.info as { title: string }).title).toBe("YAML");
    expect(((await loadSpec(jsonInYaml)).document.info as { title: string }).title).toBe("JSON");
    expect(((await loadSpec(noExtension)).document.info as { title: string }).title).toBe("Bare");
  });

  it("skips a byte-order mark, but hashes the bytes as they are", async () => {
    const text = `\uFEFF${JSON.stringify(minimal31)}`;
    const path = scratchFile("bom.json", text);
    const loaded = await loadSpec(path);
    expect(loaded.document.openapi).toBe("3.1.0");
    expect(loaded.hash).toBe(createHash("sha256").update(Buffer.from(text, "utf8")).digest("hex"));
  });

  it("reads YAML anchors aliased more than a hundred times", async () => {
    const paths = Array.from(
      { length: 150 },
      (_, i) => `  /r${i}:\n    get:\n      responses:\n        "500": *error\n`,
    ).join("");
    const text = [
      "openapi: 3.0.3",
      "info: {title: Aliases, version: '1'}",
      "x-shared:",
      "  error: &error",
      "    description: Server error",
      "paths:",
      paths,
    ].join("\n");
    const loaded = await loadSpec(scratchFile("aliases.yaml", text));
    expect(Object.keys(loaded.document.paths as object)).toHaveLength(150);
    expect(at(loaded.document, "/paths/~1r149/get/responses/500/description")).toBe("Server error");
  });

  it("reads YAML merge keys, common in hand-written specs", async () => {
    const text = [
      "openapi: 3.1.0",
      "info: {title: Merge, version: '1'}",
      "paths: {}",
      "components:",
      "  schemas:",
      "    Base: &base {type: object, description: shared}",
      "    Child:",
      "      <<: *base",
      "      title: Child",
    ].join("\n");
    const loaded = await loadSpec(scratchFile("merge.yaml", text));
    expect(at(loaded.document, "/components/schemas/Child")).toEqual({
      type: "object",
      description: "shared",
      title: "Child",
    });
  });

  it("keeps keys such as __proto__ as plain data and resolves refs to them", async () => {
    // Written by hand: an object literal's __proto__ would set a prototype, not a key.
    const raw =
      '{"openapi":"3.1.0","info":{"title":"T","version":"1"},"paths":{},"components":{"schemas":{' +
      '"__proto__":{"type":"object","properties":{"constructor":{"type":"string"}}},' +
      '"Holder":{"type":"object","properties":{"p":{"$ref":"#/components/schemas/__proto__"}}}}}}';
    const loaded = await loadSpec(scratchFile("proto.json", raw));
    const schemas = (loaded.document.components as { schemas: Record<string, unknown> }).schemas;
    expect(Object.hasOwn(schemas, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(schemas)).toBe(Object.prototype);

    // A ref to a key that only exists on Object.prototype points nowhere.
    const broken = raw.replace("#/components/schemas/__proto__", "#/components/schemas/constructor");
    expect((await failure(scratchFile("proto-broken.json", broken), "proto.json")).message).toBe(
      'proto.json: $ref "#/components/schemas/constructor" at /components/schemas/Holder/properties/p/$ref points nowhere',
    );
  });
});

describe("loadSpec: errors name the file", () => {
  const broken = (name: string) => failure(fixture(`broken/${name}`), `specs/${name}`);

  it("a missing file", async () => {
    const err = await failure(fixture("broken/absent.yaml"), "specs/absent.yaml");
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toBe("specs/absent.yaml: spec file not found");
  });

  it("a directory", async () => {
    expect((await failure(fixture("broken"), "specs/broken")).message).toBe(
      "specs/broken: is a directory, not a spec file",
    );
  });

  it("JSON that does not parse, with its line and column", async () => {
    const err = await broken("not-json.json");
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toMatch(/^specs\/not-json\.json: not valid JSON: .+ \(line 4, column 14\)$/);
  });

  it("YAML that does not parse, with its line and column", async () => {
    expect((await broken("not-yaml.yaml")).message).toBe(
      "specs/not-yaml.yaml: not valid YAML (line 3, column 10): Nested mappings are not allowed in compact mappings",
    );
  });

  it("a top level that is not an object", async () => {
    expect((await broken("array.yaml")).message).toBe(
      "specs/array.yaml: not an OpenAPI document: the top level is an array, not an object",
    );
    expect((await failure(scratchFile("empty.yaml", ""), "empty.yaml")).message).toBe(
      "empty.yaml: not an OpenAPI document: the top level is empty, not an object",
    );
  });

  it("no openapi field", async () => {
    expect((await broken("no-openapi.yaml")).message).toBe(
      "specs/no-openapi.yaml: not an OpenAPI document: it has no `openapi` field",
    );
  });

  it("Swagger 2.0, as an unsupported version", async () => {
    const err = await broken("swagger.yaml");
    expect(err).toBeInstanceOf(UnsupportedSpecVersionError);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UnsupportedSpecVersionError).version).toBe("2.0");
    expect(err.message).toBe(
      "specs/swagger.yaml: Swagger 2.0 is not supported; convert it to OpenAPI 3 first",
    );
  });

  it("OpenAPI versions other than 3.0.x and 3.1.x", async () => {
    const err = await broken("openapi-32.yaml");
    expect(err).toBeInstanceOf(UnsupportedSpecVersionError);
    expect((err as UnsupportedSpecVersionError).version).toBe("3.2.0");
    expect(err.message).toBe(
      "specs/openapi-32.yaml: OpenAPI 3.2.0 is not supported; specsmith reads OpenAPI 3.0.x and 3.1.x",
    );
  });

  it("a version YAML read as a number, or without its patch", async () => {
    const err = await broken("openapi-number.yaml");
    expect(err).not.toBeInstanceOf(UnsupportedSpecVersionError);
    expect(err.message).toBe(
      'specs/openapi-number.yaml: `openapi` must be a version string such as "3.1.0", not 3.1 (quote it in YAML)',
    );
    const short = scratchFile("short.json", JSON.stringify({ ...minimal31, openapi: "3.0" }));
    expect((await failure(short, "short.json")).message).toBe(
      'short.json: `openapi` is "3.0": write the full version, such as "3.0.0"',
    );
  });

  it("an invalid 3.1 spec, with the pointer of each problem", async () => {
    const err = await broken("invalid-31.yaml");
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toBe(
      "specs/invalid-31.yaml: invalid OpenAPI 3.1 at /paths/~1items/get/responses/200: must have required property 'description'",
    );
  });

  it("an invalid 3.0 spec, with the allowed values merged across alternatives", async () => {
    expect((await broken("invalid-30.yaml")).message).toBe(
      "specs/invalid-30.yaml: invalid OpenAPI 3.0 at /paths/~1items/get/parameters/0: must have required property 'required'; " +
        'at /paths/~1items/get/parameters/0/in: must be equal to one of the allowed values: "query", "header", "cookie"',
    );
  });

  it("validates each version against its own schema", async () => {
    // 3.1 allows a document of webhooks only; 3.0 requires paths.
    const webhooksOnly = { openapi: "3.1.0", info: { title: "W", version: "1" }, webhooks: {} };
    await expect(loadSpec(scratchFile("w31.json", JSON.stringify(webhooksOnly)))).resolves.toBeDefined();
    const as30 = scratchFile("w30.json", JSON.stringify({ ...webhooksOnly, openapi: "3.0.3" }));
    expect((await failure(as30, "w30.json")).message).toMatch(
      /^w30\.json: invalid OpenAPI 3\.0 at \/: must have required property 'paths'/,
    );
    // A 3.1 type list is not 3.0.
    const typeList = {
      ...minimal31,
      openapi: "3.0.3",
      components: { schemas: { A: { type: ["string", "null"] } } },
    };
    expect((await failure(scratchFile("t30.json", JSON.stringify(typeList)), "t30.json")).message).toBe(
      "t30.json: invalid OpenAPI 3.0 at /components/schemas/A/type: must be string",
    );
  });

  it("an internal $ref that points nowhere, with the $ref's pointer", async () => {
    expect((await broken("bad-internal-ref.yaml")).message).toBe(
      'specs/bad-internal-ref.yaml: $ref "#/components/schemas/Missing" at /paths/~1items/get/responses/200/content/application~1json/schema/$ref points nowhere',
    );
  });

  it("a $ref to a missing file, or to a missing part of a file", async () => {
    expect((await broken("bad-file-ref.yaml")).message).toBe(
      'specs/bad-file-ref.yaml: $ref "./nowhere.yaml#/Part" at /components/schemas/Item/properties/part/$ref points nowhere: file specs/nowhere.yaml not found',
    );
    expect((await broken("bad-fragment-ref.yaml")).message).toBe(
      'specs/bad-fragment-ref.yaml: $ref "./parts.yaml#/Missing" at /components/schemas/Item/$ref points nowhere: specs/parts.yaml has nothing at #/Missing',
    );
  });

  it("a broken $ref inside a bundled file names that file", async () => {
    expect((await broken("bad-ref-in-other-file.yaml")).message).toBe(
      'specs/bad-ref-in-other-file.yaml: $ref "#/Absent" at /components/schemas/Item/properties/inner/$ref (written in specs/parts.yaml) points nowhere: specs/parts.yaml has nothing at #/Absent',
    );
  });

  it("a remote $ref, which is not fetched", async () => {
    expect((await broken("remote-ref.yaml")).message).toBe(
      'specs/remote-ref.yaml: $ref "https://example.com/schemas/item.yaml" at /components/schemas/Item/$ref is remote: remote refs are not fetched; download the file and refer to it by a relative path',
    );
  });

  it("a path item that includes itself", async () => {
    expect((await broken("circular-path.yaml")).message).toBe(
      'specs/circular-path.yaml: $ref "./loop-path.yaml" at /paths/~1loop/$ref (written in specs/loop-path.yaml) is circular: a path item includes itself',
    );
  });

  it("refs that lead back to themselves through refs alone", async () => {
    const doc = {
      ...minimal31,
      components: {
        schemas: { A: { $ref: "#/components/schemas/B" }, B: { $ref: "#/components/schemas/A" } },
      },
    };
    expect((await failure(scratchFile("alias.json", JSON.stringify(doc)), "alias.json")).message).toBe(
      'alias.json: $ref "#/components/schemas/B" at /components/schemas/A/$ref is circular: it leads back to itself through $refs alone',
    );
  });

  it("counts further broken refs", async () => {
    const doc = {
      ...minimal31,
      components: {
        schemas: {
          A: { $ref: "#/components/schemas/X" },
          B: { $ref: "#/components/schemas/Y" },
          C: { $ref: "#/components/schemas/X" },
          D: { $ref: "#/components/schemas/Z" },
        },
      },
    };
    expect((await failure(scratchFile("many.json", JSON.stringify(doc)), "many.json")).message).toBe(
      'many.json: $ref "#/components/schemas/X" at /components/schemas/A/$ref points nowhere (and 2 more broken $refs)',
    );
  });
});

describe("loadSpec: 3.0 is upgraded to 3.1", () => {
  it("upgrades nullable, exclusive bounds and examples, and leaves example values alone", async () => {
    const loaded = await loadSpec(fixture("petstore-30.yaml"));
    const doc = loaded.document;
    expect(loaded.declaredVersion).toBe("3.0.3");
    expect(doc.openapi).toBe("3.1.0");
    expect(at(doc, "/paths/~1pets/get/parameters/0/schema")).toEqual({
      type: "integer",
      minimum: 1,
      exclusiveMaximum: 100,
      examples: [20],
    });
    // The media type's example is data: its "nullable" and "example" keys stay.
    expect(at(doc, "/paths/~1pets/get/responses/200/content/application~1json/example")).toEqual([
      { name: "Rex", nullable: true, example: "not a schema keyword here" },
    ]);
    const pet = "/components/schemas/Pet/properties";
    expect(at(doc, `${pet}/name`)).toEqual({ type: "string", examples: ["Rex"] });
    expect(at(doc, `${pet}/tag`)).toEqual({ type: ["string", "null"], default: { nullable: true } });
    expect(at(doc, `${pet}/status`)).toEqual({ type: ["string", "null"], enum: ["available", "sold", null] });
    expect(at(doc, `${pet}/weight`)).toEqual({ type: "number", exclusiveMinimum: 0 });
    expect(at(doc, `${pet}/owner`)).toEqual({
      anyOf: [{ $ref: "#/components/schemas/Owner" }, { type: "null" }],
    });
    expect(at(doc, `${pet}/parent`)).toEqual({
      description: "The pet this one descends from",
      anyOf: [{ allOf: [{ $ref: "#/components/schemas/Pet" }] }, { type: "null" }],
    });
    expect(at(doc, `${pet}/nickname`)).toEqual({ type: ["string", "null"] });
    expect(at(doc, `${pet}/anything`)).toEqual({ description: "Any value at all" });
    expect(at(doc, "/components/schemas/Owner/examples")).toEqual([{ name: "Alice" }]);
    expect(loaded.warnings).toEqual([]);
  });
});

describe("upgradeTo31", () => {
  const wrap = (schemas: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    openapi: "3.0.3",
    info: { title: "U", version: "1" },
    paths: {},
    components: { schemas },
    ...extra,
  });
  const schemasOf = (doc: Record<string, unknown>) =>
    (doc.components as { schemas: Record<string, unknown> }).schemas;

  it("does not change its input, and returns a 3.1 document as it is", () => {
    const input = wrap({ A: { type: "string", nullable: true, example: "a" } });
    const before = structuredClone(input);
    const out = upgradeTo31(input);
    expect(input).toEqual(before);
    expect(out.openapi).toBe("3.1.0");
    expect(schemasOf(out).A).toEqual({ type: ["string", "null"], examples: ["a"] });
    const v31 = { ...minimal31, components: { schemas: { A: { type: "string", nullable: true } } } };
    expect(upgradeTo31(v31)).toBe(v31);
  });

  it.each([
    ["a type", { type: "integer", nullable: true }, { type: ["integer", "null"] }],
    ["nullable: false", { type: "integer", nullable: false }, { type: "integer" }],
    ["an enum without a type", { enum: ["a"], nullable: true }, { enum: ["a", null] }],
    [
      "an enum already listing null",
      { type: "string", enum: ["a", null], nullable: true },
      { type: ["string", "null"], enum: ["a", null] },
    ],
    ["x-nullable", { type: "string", "x-nullable": true }, { type: ["string", "null"] }],
    [
      "a $ref",
      { $ref: "#/components/schemas/B", nullable: true },
      { anyOf: [{ $ref: "#/components/schemas/B" }, { type: "null" }] },
    ],
    [
      "a type with allOf",
      { type: "object", allOf: [{ $ref: "#/components/schemas/B" }], nullable: true, title: "T", "x-go": 1 },
      {
        title: "T",
        "x-go": 1,
        anyOf: [{ type: "object", allOf: [{ $ref: "#/components/schemas/B" }] }, { type: "null" }],
      },
    ],
    [
      "an anyOf (null joins the union)",
      { anyOf: [{ type: "string" }, { type: "integer" }], nullable: true, description: "d" },
      { anyOf: [{ type: "string" }, { type: "integer" }, { type: "null" }], description: "d" },
    ],
    [
      "a oneOf with a discriminator",
      {
        oneOf: [{ $ref: "#/components/schemas/B" }],
        discriminator: { propertyName: "kind" },
        nullable: true,
      },
      {
        anyOf: [
          { oneOf: [{ $ref: "#/components/schemas/B" }], discriminator: { propertyName: "kind" } },
          { type: "null" },
        ],
      },
    ],
    ["no constraint at all", { nullable: true, description: "any" }, { description: "any" }],
    [
      "exclusiveMinimum: true",
      { type: "number", minimum: 1, exclusiveMinimum: true },
      { type: "number", exclusiveMinimum: 1 },
    ],
    [
      "exclusiveMaximum: false",
      { type: "number", maximum: 9, exclusiveMaximum: false },
      { type: "number", maximum: 9 },
    ],
    ["an exclusive flag without a bound", { type: "number", exclusiveMaximum: true }, { type: "number" }],
    [
      "example",
      { type: "string", example: { nullable: true } },
      { type: "string", examples: [{ nullable: true }] },
    ],
  ])("nullable and friends: %s", (_name, schema, expected) => {
    expect(schemasOf(upgradeTo31(wrap({ A: schema }))).A).toEqual(expected);
  });

  it("reaches every schema position and no data position", () => {
    const n = { type: "string", nullable: true };
    const up = ["string", "null"];
    const doc = wrap(
      {
        Deep: {
          type: "object",
          properties: { p: n, "x-not-an-extension": n },
          additionalProperties: n,
          patternProperties: { "^a": n },
          items: n,
          not: n,
          allOf: [n],
          oneOf: [n],
          default: { nullable: true },
          enum: [{ nullable: true }],
          "x-vendor": { nullable: true },
        },
        Tuple: { type: "array", items: [n, n] },
      },
      {
        paths: {
          "/p/{id}": {
            parameters: [{ name: "id", in: "path", required: true, schema: n }],
            post: {
              parameters: [{ name: "q", in: "query", content: { "application/json": { schema: n } } }],
              requestBody: {
                content: {
                  "multipart/form-data": {
                    schema: n,
                    encoding: { file: { headers: { "X-Part": { schema: n } } } },
                    examples: { one: { value: { nullable: true } } },
                  },
                },
              },
              responses: {
                "200": { description: "ok", headers: { "X-Rate": { schema: n } } },
              },
              callbacks: {
                done: {
                  "{$request.body#/url}": {
                    post: { requestBody: { content: { "text/plain": { schema: n } } }, responses: {} },
                  },
                },
              },
            },
          },
        },
      },
    );
    const out = upgradeTo31(doc);
    const typeAt = (pointer: string) => (at(out, pointer) as { type: unknown }).type;
    const deep = "/components/schemas/Deep";
    for (const p of [
      `${deep}/properties/p`,
      `${deep}/properties/x-not-an-extension`,
      `${deep}/additionalProperties`,
      `${deep}/patternProperties/^a`,
      `${deep}/items`,
      `${deep}/not`,
      `${deep}/allOf/0`,
      `${deep}/oneOf/0`,
      "/components/schemas/Tuple/items/1",
      "/paths/~1p~1{id}/parameters/0/schema",
      "/paths/~1p~1{id}/post/parameters/0/content/application~1json/schema",
      "/paths/~1p~1{id}/post/requestBody/content/multipart~1form-data/schema",
      "/paths/~1p~1{id}/post/requestBody/content/multipart~1form-data/encoding/file/headers/X-Part/schema",
      "/paths/~1p~1{id}/post/responses/200/headers/X-Rate/schema",
      "/paths/~1p~1{id}/post/callbacks/done/{$request.body#~1url}/post/requestBody/content/text~1plain/schema",
    ]) {
      expect([p, typeAt(p)]).toEqual([p, up]);
    }
    expect(at(out, `${deep}/default`)).toEqual({ nullable: true });
    expect(at(out, `${deep}/enum`)).toEqual([{ nullable: true }]);
    expect(at(out, `${deep}/x-vendor`)).toEqual({ nullable: true });
    expect(
      at(out, "/paths/~1p~1{id}/post/requestBody/content/multipart~1form-data/examples/one/value"),
    ).toEqual({
      nullable: true,
    });
  });

  it("upgrades an object YAML aliases in two places once, correctly", () => {
    const shared = { type: "string", nullable: true, example: "x" };
    const doc = wrap({ A: { type: "object", properties: { a: shared, b: shared } } });
    const out = upgradeTo31(doc);
    expect(at(out, "/components/schemas/A/properties/a")).toEqual({
      type: ["string", "null"],
      examples: ["x"],
    });
    expect(at(out, "/components/schemas/A/properties/b")).toEqual({
      type: ["string", "null"],
      examples: ["x"],
    });
  });
});

describe("loadSpec: relative-file refs are bundled", () => {
  it("bundles a multi-file spec into named components with internal refs only", async () => {
    const loaded = await loadSpec(fixture("multi/openapi.yaml"), { displayName: "multi/openapi.yaml" });
    const doc = loaded.document;
    const refs = allRefs(doc);
    expect(refs.filter((r) => !r.startsWith("#/"))).toEqual([]);
    for (const ref of new Set(refs)) expect([ref, at(doc, ref.slice(1)) !== undefined]).toEqual([ref, true]);

    // The path item file is inlined (3.0 has no components.pathItems), its refs rewritten.
    expect(at(doc, "/paths/~1pets/get/operationId")).toBe("listPets");
    expect(at(doc, "/paths/~1pets/get/parameters/0")).toEqual({ $ref: "#/components/parameters/Limit" });
    expect(at(doc, "/paths/~1pets/get/responses/default")).toEqual({
      $ref: "#/components/responses/Problem",
    });
    expect(at(doc, "/paths/~1pets/get/responses/200/content/application~1json/schema/items")).toEqual({
      $ref: "#/components/schemas/Pet",
    });
    expect(at(doc, "/paths/~1pets~1{id}/get/parameters/0")).toEqual({
      $ref: "#/components/parameters/PetId",
    });

    const schemas = (doc.components as { schemas: Record<string, unknown> }).schemas;
    // Pet's content went into the author's own entry; it recurses through itself and through owner.yaml.
    expect(schemas.Pet).toEqual({
      type: "object",
      required: ["name"],
      properties: {
        name: { type: "string" },
        kind: { $ref: "#/components/schemas/Kind" },
        parent: { $ref: "#/components/schemas/Pet" },
        // 3.0's `nullable` next to a $ref, upgraded after bundling.
        owner: { anyOf: [{ $ref: "#/components/schemas/owner" }, { type: "null" }] },
      },
    });
    expect(schemas.Kind).toEqual({ type: "string", enum: ["dog", "cat"] });
    expect(schemas.owner).toEqual({
      type: "object",
      properties: {
        name: { type: "string" },
        pets: { type: "array", items: { $ref: "#/components/schemas/Pet" } },
        // A ref back into the root file is an internal ref.
        home: { $ref: "#/components/schemas/Home" },
        lastError: { $ref: "#/components/schemas/Error2" },
      },
    });
    // The root's own Error keeps its name; common.yaml's Error comes in beside it.
    expect(schemas.Error).toEqual({ type: "object", properties: { message: { type: "string" } } });
    expect(schemas.Error2).toEqual({
      type: "object",
      required: ["code"],
      properties: { code: { type: "integer" } },
    });
    expect(Object.keys(schemas).sort()).toEqual(["Error", "Error2", "Home", "Kind", "Pet", "owner"]);
    expect(at(doc, "/components/responses/Problem/content/application~1json/schema")).toEqual({
      $ref: "#/components/schemas/Error2",
    });
    expect(at(doc, "/components/parameters/Limit")).toEqual({
      name: "limit",
      in: "query",
      schema: { type: "integer", minimum: 1 },
    });
    // The hash is the root file's.
    expect(loaded.hash).toBe(
      createHash("sha256")
        .update(readFileSync(fixture("multi/openapi.yaml")))
        .digest("hex"),
    );
  });

  it("bundles discriminator mappings that name files, and leaves schema names alone", async () => {
    const root = scratchFile(
      "api.yaml",
      [
        "openapi: 3.1.0",
        "info: {title: Mapping, version: '1'}",
        "paths: {}",
        "components:",
        "  schemas:",
        "    Cat: {type: object}",
        "    Animal:",
        "      oneOf: [{$ref: './dog.json'}, {$ref: '#/components/schemas/Cat'}]",
        "      discriminator:",
        "        propertyName: kind",
        "        mapping: {dog: './dog.json', cat: Cat, kitten: '#/components/schemas/Cat'}",
      ].join("\n"),
    );
    writeFileSync(
      join(root, "..", "dog.json"),
      JSON.stringify({ type: "object", properties: { bark: { type: "boolean" } } }),
    );
    const doc = (await loadSpec(root)).document;
    expect(at(doc, "/components/schemas/Animal")).toEqual({
      oneOf: [{ $ref: "#/components/schemas/dog" }, { $ref: "#/components/schemas/Cat" }],
      discriminator: {
        propertyName: "kind",
        mapping: { dog: "#/components/schemas/dog", cat: "Cat", kitten: "#/components/schemas/Cat" },
      },
    });
    expect(at(doc, "/components/schemas/dog")).toEqual({
      type: "object",
      properties: { bark: { type: "boolean" } },
    });
  });

  it("leaves $ref keys inside example values alone", async () => {
    const doc = {
      ...minimal31,
      components: {
        schemas: {
          A: { type: "object", examples: [{ $ref: "./not-a-file.yaml" }], default: { $ref: "#/nowhere" } },
        },
      },
    };
    const loaded = await loadSpec(scratchFile("examples.json", JSON.stringify(doc)));
    expect(loaded.document).toEqual(doc);
  });
});

describe("loadSpec: warnings", () => {
  it("lists unsupported features with their pointers", async () => {
    const loaded = await loadSpec(fixture("petstore-31.json"));
    expect(loaded.warnings.map((w) => w.pointer)).toEqual([
      "/webhooks",
      "/paths/~1pets/post/callbacks",
      "/paths/~1pets/post/parameters/0",
      "/paths/~1pets/post/responses/201/links",
      "/components/schemas/Pet/xml",
      "/components/securitySchemes/oauth",
    ]);
    expect(loaded.warnings[0]?.message).toBe("webhooks are not supported: the generator ignores them");
    expect(loaded.warnings[2]?.message).toBe(
      'cookie parameter "session" is not supported: the generator ignores it',
    );
    expect(loaded.warnings[5]?.message).toBe(
      "oauth2 flows are not implemented: the client takes an access token that you obtain yourself",
    );
  });

  it("points into the upgraded document", async () => {
    const doc = {
      openapi: "3.0.3",
      info: { title: "W", version: "1" },
      paths: {},
      components: {
        schemas: {
          A: { allOf: [{ type: "object", xml: { name: "b" } }], nullable: true, xml: { name: "a" } },
        },
        securitySchemes: {
          oidc: { type: "openIdConnect", openIdConnectUrl: "https://example.com/.well-known" },
        },
        links: { L: { operationId: "x" } },
      },
    };
    const loaded = await loadSpec(scratchFile("w.json", JSON.stringify(doc)));
    expect(loaded.warnings.map((w) => w.pointer)).toEqual([
      "/components/links",
      "/components/schemas/A/xml",
      "/components/schemas/A/anyOf/0/allOf/0/xml",
      "/components/securitySchemes/oidc",
    ]);
    for (const w of loaded.warnings) expect(at(loaded.document, w.pointer)).toBeDefined();
  });
});

describe("loadSpec: TRACE operations", () => {
  it("are named in a warning, since fetch cannot send them", async () => {
    const doc = {
      ...minimal31,
      paths: { "/echo": { trace: { responses: { "200": { description: "ok" } } } } },
    };
    const loaded = await loadSpec(scratchFile("trace.json", JSON.stringify(doc)));
    expect(loaded.warnings).toEqual([
      {
        pointer: "/paths/~1echo/trace",
        message: "TRACE operations cannot be sent with fetch: the generator skips them",
      },
    ]);
  });
});

describe("loadSpec: big specs", () => {
  it("loads a generated 3.0 spec of 2,000 schemas and 1,000 paths", async () => {
    const count = 2000;
    const schemas: Record<string, unknown> = {};
    for (let i = 0; i < count; i++) {
      schemas[`S${i}`] = {
        type: "object",
        description: "A generated schema with a description long enough to look like a real one.",
        required: ["id"],
        properties: {
          id: { type: "string", example: `s${i}` },
          next: { $ref: `#/components/schemas/S${(i + 1) % count}` },
          label: { type: "string", nullable: true, maxLength: 5000 },
          count: { type: "integer", minimum: 0, exclusiveMinimum: true },
          tags: {
            type: "array",
            items: { anyOf: [{ type: "string" }, { $ref: `#/components/schemas/S${(i * 7) % count}` }] },
          },
          parent: { $ref: `#/components/schemas/S${(i + 3) % count}`, nullable: true },
        },
      };
    }
    const paths: Record<string, unknown> = {};
    for (let i = 0; i < count / 2; i++) {
      paths[`/v1/things${i}/{id}`] = {
        get: {
          operationId: `getThing${i}`,
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: {
            "200": {
              description: "ok",
              content: { "application/json": { schema: { $ref: `#/components/schemas/S${i}` } } },
            },
          },
        },
      };
    }
    const text = JSON.stringify({
      openapi: "3.0.3",
      info: { title: "Big", version: "1" },
      paths,
      components: { schemas },
    });
    const loaded = await loadSpec(scratchFile("big.json", text));
    const out = (
      loaded.document.components as { schemas: Record<string, { properties: Record<string, unknown> }> }
    ).schemas;
    expect(Object.keys(out)).toHaveLength(count);
    expect(Object.keys(loaded.document.paths as object)).toHaveLength(count / 2);
    expect(out.S1999?.properties).toEqual({
      id: { type: "string", examples: ["s1999"] },
      next: { $ref: "#/components/schemas/S0" },
      label: { type: ["string", "null"], maxLength: 5000 },
      count: { type: "integer", exclusiveMinimum: 0 },
      tags: { type: "array", items: { anyOf: [{ type: "string" }, { $ref: "#/components/schemas/S1993" }] } },
      parent: { anyOf: [{ $ref: "#/components/schemas/S2" }, { type: "null" }] },
    });
  });
});
