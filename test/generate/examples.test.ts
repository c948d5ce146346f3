// README examples come from the spec: documented examples first, otherwise values made from the schema,
// only for what a call needs. Every README code block of the committed packages must compile against
// the package (the real tsc), so an example never shows a call the types reject.
import { readFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { exampleFromSchema, operationExample } from "../../scripts/generate/model/examples.ts";

const root = join(import.meta.dirname, "..", "..");

describe("exampleFromSchema", () => {
  const document = {
    components: {
      schemas: {
        Owner: { type: "object", required: ["id"], properties: { id: { type: "string", format: "uuid" } } },
      },
    },
  };

  it.each([
    ["a documented example", { type: "string", example: "ses_1" }, "ses_1"],
    ["the first of examples", { type: "integer", examples: [7, 8] }, 7],
    ["const", { const: "fixed" }, "fixed"],
    ["the first enum value", { type: "string", enum: ["document", "id_number"] }, "document"],
    ["the default", { type: "integer", default: 10 }, 10],
    ["a format", { type: "string", format: "date-time" }, "2024-01-01T00:00:00Z"],
    ["a minimum", { type: "number", minimum: 3 }, 3],
    ["a nullable type", { type: ["null", "boolean"] }, true],
    ["an array of its item", { type: "array", items: { type: "string", enum: ["a"] } }, ["a"]],
    [
      "only required properties, through $ref",
      {
        type: "object",
        required: ["owner"],
        properties: { owner: { $ref: "#/components/schemas/Owner" }, note: { type: "string" } },
      },
      { owner: { id: "123e4567-e89b-12d3-a456-426614174000" } },
    ],
    ["the first oneOf branch", { oneOf: [{ type: "boolean" }, { type: "string" }] }, true],
  ])("takes %s", (_name, schema, want) => {
    expect(exampleFromSchema(document, schema)).toEqual(want);
  });

  it("keeps a property named __proto__ as a plain key", () => {
    // Parsed, as a spec is: in an object literal `__proto__:` would set the prototype instead.
    const schema: unknown = JSON.parse(
      '{"type":"object","required":["__proto__"],"properties":{"__proto__":{"type":"string"}}}',
    );
    const value = exampleFromSchema({}, schema) as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(["__proto__"]);
  });
});

describe("operationExample", () => {
  it("fills path arguments, the body example and required query parameters", () => {
    const example = operationExample(
      {},
      [
        { name: "id", in: "path", required: true, schema: { type: "string" }, example: "ses_42" },
        { name: "expand", in: "query", schema: { type: "string" } },
        { name: "version", in: "query", required: true, schema: { type: "string", enum: ["2024-01"] } },
      ],
      ["id", "undeclared"],
      {
        mediaType: "application/json",
        isObject: true,
        content: { "application/json": { example: { name: "Ada" }, schema: { type: "object" } } },
      },
    );
    expect(example).toEqual({
      path: ["ses_42", "undeclared_123"],
      params: { name: "Ada", version: "2024-01" },
    });
  });

  it("wraps a non-object body as params.body", () => {
    const example = operationExample({}, [], [], {
      mediaType: "text/plain",
      isObject: false,
      content: { "text/plain": { schema: { type: "string", example: "hello" } } },
    });
    expect(example).toEqual({ path: [], params: { body: "hello" } });
  });
});

describe("README examples of the committed packages", () => {
  it("compile against the package under tsc --strict", async () => {
    const dir = await mkdtemp(join(tmpdir(), "specsmith-readme-"));
    try {
      const files: string[] = [];
      for (const api of ["stripe-identity", "verifa"]) {
        const readme = await readFile(join(root, "generated", api, "README.md"), "utf8");
        const blocks = [...readme.matchAll(/^(`{3,})ts\n([\s\S]*?)\n\1$/gm)].map((m) => m[2] as string);
        expect(blocks.length).toBeGreaterThanOrEqual(3);
        // The first block constructs the client; the others use it. Their imports go to the top.
        const isImport = (line: string) => line.startsWith("import ");
        const imports = blocks.slice(1).flatMap((b) => b.split("\n").filter(isImport));
        const body = blocks.slice(1).map(
          (b) =>
            `{\n${b
              .split("\n")
              .filter((l) => !isImport(l))
              .join("\n")}\n}`,
        );
        const file = join(dir, `${api}.ts`);
        await writeFile(
          file,
          `${[blocks[0], ...imports].join("\n")}\nexport async function run(): Promise<void> {\n${body.join("\n")}\n}\n`,
        );
        files.push(file);
      }
      const program = ts.createProgram(files, {
        strict: true,
        noEmit: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
        // An application on Node: the README reads the key from process.env.
        types: ["node"],
        typeRoots: [join(root, "node_modules", "@types")],
        skipLibCheck: true,
        baseUrl: root,
        paths: {
          "@specsmith/stripe-identity": ["generated/stripe-identity/src/index.ts"],
          "@specsmith/verifa": ["generated/verifa/src/index.ts"],
          // The subpaths (`/operations`, `/validators`), as the packages' exports map them.
          "@specsmith/stripe-identity/*": ["generated/stripe-identity/src/*.ts"],
          "@specsmith/verifa/*": ["generated/verifa/src/*.ts"],
        },
      });
      const errors = ts
        .getPreEmitDiagnostics(program)
        .map((d) => `${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
      expect(errors).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
