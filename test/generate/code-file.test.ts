// The templates' code files are printed from their ts-morph structures with printStructure
// (templates/code-file.ts, on the printer thread of scripts/generate/print-code-files.ts) instead of being
// created in an in-memory ts-morph Project, which parses the printed text back into a tree nobody reads. The
// packages must not change by it: for every kind of statement the templates write, the text is the one such
// a Project holds, in the settings the generator used for it.
import * as TsMorph from "ts-morph";
import { IndentationText, Project, QuoteKind, Scope, StructureKind, VariableDeclarationKind } from "ts-morph";
import type { StatementStructures } from "ts-morph";
import { describe, expect, it } from "vitest";
import * as CodeFile from "../../templates/code-file.ts";
import { printCodeFiles } from "../../scripts/generate/print-code-files.ts";

/** One statement of each kind the templates write, with the parts they use (docs, tags, type imports). */
const statements: StatementStructures[] = [
  {
    kind: StructureKind.ImportDeclaration,
    moduleSpecifier: "./runtime/client.js",
    namedImports: ["HttpClient", { name: "ClientOptions", isTypeOnly: true }],
  },
  {
    kind: StructureKind.ImportDeclaration,
    isTypeOnly: true,
    moduleSpecifier: "./types.js",
    namedImports: ["A"],
  },
  { kind: StructureKind.ExportDeclaration, moduleSpecifier: "./operations/a.js" },
  {
    kind: StructureKind.ExportDeclaration,
    moduleSpecifier: "./client.js",
    namedExports: ["Client", { name: "Client", alias: "default" }],
  },
  {
    kind: StructureKind.VariableStatement,
    declarationKind: VariableDeclarationKind.Const,
    isExported: true,
    docs: ["Every server.", { kind: StructureKind.JSDoc, description: "Line one\n\nline two", tags: [] }],
    declarations: [
      { name: "op", type: "GeneratedOperation", initializer: '{ method: "GET", path: "/a/{id}" }' },
    ],
  },
  {
    kind: StructureKind.Function,
    name: "getA",
    isExported: true,
    docs: [
      {
        kind: StructureKind.JSDoc,
        description: "Gets an `A`.\n\n- one\n- two",
        tags: [{ tagName: "deprecated" }],
      },
    ],
    parameters: [
      { name: "client", type: "HttpClient" },
      { name: "params", type: "P", initializer: "{} as P" },
      { name: "options", type: "RequestOptions", hasQuestionToken: true },
    ],
    returnType: "APIPromise<A>",
    statements: ["const { query } = splitParams(params, op);", "return client.request(op, { query });"],
  },
  {
    kind: StructureKind.Interface,
    name: "ClientOptions2",
    isExported: true,
    extends: ["ClientOptions"],
    properties: [{ name: "apiKey", type: "string", hasQuestionToken: true, docs: ["The key."] }],
  },
  {
    kind: StructureKind.TypeAlias,
    name: "ErrorBody",
    isExported: true,
    type: 'components["schemas"]["error"]',
    docs: ["Every error body."],
  },
  {
    kind: StructureKind.Class,
    name: "Client",
    isExported: true,
    isAbstract: true,
    extends: "Base<ErrorBody>",
    properties: [{ name: "http", type: "HttpClient", isReadonly: true, docs: ["The HTTP layer."] }],
    ctors: [
      {
        parameters: [{ name: "client", type: "HttpClient", scope: Scope.Private, isReadonly: true }],
        statements: ["this.http = client;"],
      },
    ],
    methods: [
      {
        name: "get",
        docs: ["Gets it."],
        parameters: [{ name: "id", type: "string" }],
        returnType: "APIPromise<A>",
        statements: [
          'return APIPromise.deferred(import("../operations/a.js").then((m) => () => m.getA(id)));',
        ],
      },
    ],
  },
  { kind: StructureKind.ExportAssignment, isExportEquals: false, expression: "Client" },
];

describe("codeFile", () => {
  it("prints the text an in-memory ts-morph project held for the same structure", async () => {
    const project = new Project({
      useInMemoryFileSystem: true,
      skipAddingFilesFromTsConfig: true,
      manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Double },
    });
    const held = project.createSourceFile("src/a.ts", { statements }, { overwrite: true }).getFullText();
    expect(held).toContain("export function getA(");
    expect(await printCodeFiles([CodeFile.codeFile("src/a.ts", statements)])).toEqual([
      { path: "src/a.ts", text: held },
    ]);
  });

  it("gives the templates ts-morph's own enum values", () => {
    const copies = {
      StructureKind: CodeFile.StructureKind,
      Scope: CodeFile.Scope,
      VariableDeclarationKind: CodeFile.VariableDeclarationKind,
    };
    for (const [enumName, values] of Object.entries(copies)) {
      const real = TsMorph[enumName as keyof typeof copies] as Record<string, unknown>;
      for (const [member, value] of Object.entries(values))
        expect([enumName, member, value]).toEqual([enumName, member, real[member]]);
    }
  });
});
