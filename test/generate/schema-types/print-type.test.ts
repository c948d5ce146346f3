// The printer: spec strings reach the text escaped, so that the TypeScript parser reads back exactly the
// spec's keys and values, and nothing else (no early end of a string or comment, no template
// substitution). Checked by parsing the output with the real TypeScript parser and type checker.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContext } from "../../../templates/schema-types/emit-context.ts";
import { printType, propertyKey, quoteString } from "../../../templates/schema-types/print-type.ts";
import { schemaToType } from "../../../templates/schema-types/schema-to-type.ts";
import {
  array,
  intersection,
  literal,
  member,
  NULL,
  objectType,
  STRING,
  union,
} from "../../../templates/schema-types/type-node.ts";

const HOSTILE = [
  "*/ globalThis.pwned = true; /*",
  'quote " and \\ backslash',
  "back`tick",
  "${globalThis.pwned = 1}",
  "line\u2028separator\u2029paragraph",
  "new\nline\r\nand tab\t",
  "__proto__",
  "</script>",
  "",
];
const RESERVED_KEYS = [
  "class",
  "default",
  "new",
  "constructor",
  "readonly",
  "delete",
  "function",
  "import",
  "get",
];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "specsmith-print-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function parse(text: string): ts.SourceFile {
  return ts.createSourceFile("t.ts", text, ts.ScriptTarget.ESNext, true, ts.ScriptKind.TS);
}

function syntaxErrors(file: ts.SourceFile): number {
  return (file as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length;
}

describe("quoteString and propertyKey", () => {
  it.each([
    ["plain", '"plain"'],
    ['a"b', '"a\\"b"'],
    ["a\u2028b\u2029c", '"a\\u2028b\\u2029c"'],
    ["${x}", '"${x}"'],
  ])("quotes %j", (text, want) => {
    expect(quoteString(text)).toBe(want);
  });

  it.each([
    ["name", "name"],
    ["$ref", "$ref"],
    ["_x1", "_x1"],
    ["class", "class"],
    ["200", "200"],
    ["0", "0"],
    ["007", '"007"'],
    ["1.5", '"1.5"'],
    ["4XX", '"4XX"'],
    ["a-b", '"a-b"'],
    ["with space", '"with space"'],
    ["__proto__", '"__proto__"'],
    ["", '""'],
    ["é", '"é"'],
  ])("key %j is %s", (name, want) => {
    expect(propertyKey(name)).toBe(want);
  });
});

describe("printed types read back as the spec wrote them", () => {
  it("keeps every hostile literal and key exactly, with nothing else in the file", () => {
    const type = objectType(
      HOSTILE.map((text) => member(text, union([literal(text), NULL]))).concat(
        RESERVED_KEYS.map((k) => member(k, STRING, true)),
      ),
    );
    const file = parse(`type T = ${printType(type)};\n`);
    expect(syntaxErrors(file)).toBe(0);
    expect(file.statements).toHaveLength(1);
    const literalType = (file.statements[0] as ts.TypeAliasDeclaration).type as ts.TypeLiteralNode;
    const names = literalType.members.map((m) => (m.name as ts.StringLiteral | ts.Identifier).text);
    expect(names).toEqual([...HOSTILE, ...RESERVED_KEYS]);
    const values = literalType.members.slice(0, HOSTILE.length).map((m) => {
      const u = (m as ts.PropertySignature).type as ts.UnionTypeNode;
      return ((u.types[0] as ts.LiteralTypeNode).literal as ts.StringLiteral).text;
    });
    expect(values).toEqual(HOSTILE);
  });

  it("keeps doc comments closed: a */ in a description stays inside the comment", () => {
    const ctx = createContext({ openapi: "3.1.0" });
    const schema = {
      type: "object",
      properties: Object.fromEntries(
        HOSTILE.map((text, i) => [
          `p${i}`,
          { type: "string", title: text, description: text, default: text },
        ]),
      ),
    };
    const file = parse(`type T = ${printType(schemaToType(schema, ctx, "#/components/schemas/T"))};\n`);
    expect(syntaxErrors(file)).toBe(0);
    expect(file.statements).toHaveLength(1);
    const literalType = (file.statements[0] as ts.TypeAliasDeclaration).type as ts.TypeLiteralNode;
    expect(literalType.members.map((m) => (m.name as ts.Identifier).text)).toEqual(
      HOSTILE.map((_, i) => `p${i}`),
    );
  });

  it("parenthesizes unions inside arrays and intersections", () => {
    expect(printType(array(union([STRING, NULL])))).toBe("(string | null)[]");
    expect(printType(intersection([objectType([]), union([STRING, NULL])]))).toBe("{} & (string | null)");
    expect(printType(union([intersection([STRING, NULL]), STRING]))).toBe("string & null | string");
  });

  it("compiles under tsc --strict with reserved words and __proto__ as keys", async () => {
    const type = objectType([
      ...RESERVED_KEYS.map((k) => member(k, literal(k))),
      member("__proto__", literal("p")),
      member("200", literal(200)),
    ]);
    const source = [
      `type T = ${printType(type)};`,
      `const t: T = { ${RESERVED_KEYS.map((k) => `${k}: "${k}"`).join(", ")}, ["__proto__"]: "p", 200: 200 };`,
      'const p: "p" = t["__proto__"];',
      "const n: 200 = t[200];",
      "export { p, n };",
      "",
    ].join("\n");
    const path = join(dir, "keys.ts");
    await writeFile(path, source);
    const program = ts.createProgram([path], { strict: true, noEmit: true, types: [], skipLibCheck: true });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(diagnostics).toEqual([]);
  });
});
