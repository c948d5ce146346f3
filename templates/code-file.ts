// A code file of the package, as the ts-morph structures of its statements. The generator prints them with
// ts-morph's printStructure (scripts/generate/print-code-files.ts): the text an in-memory ts-morph Project
// would hold, without the Project parsing it back into a syntax tree that nothing reads (on Stripe's spec
// that parse was 0.7 s of the render and most of its memory). The style is the one prettier gives the
// smaller files, so unformatted large files look the same bar line width.
//
// Building structures does not load ts-morph: the templates take the few enum values they use from here.
// ts-morph brings the TypeScript compiler (9 MB of JavaScript, 0.6-0.7 s to load), and the printer loads it
// on its own thread while this one loads the spec and builds the structures.
import type * as TsMorph from "ts-morph";
import type { StatementStructures } from "ts-morph";

export interface CodeFile {
  /** Path relative to the package folder, with forward slashes. */
  path: string;
  statements: StatementStructures[];
}

export function codeFile(path: string, statements: StatementStructures[]): CodeFile {
  return { path, statements };
}

/** How printStructure prints every code file. */
export const PRINT_OPTIONS = { indentNumberOfSpaces: 2, newLine: "\n", useSingleQuote: false } as const;

// ts-morph's values, copied (see the file head). tsc checks the numbers against ts-morph's declarations;
// test/generate/code-file.test.ts checks every value against ts-morph itself.
export const StructureKind = {
  Class: 2 satisfies TsMorph.StructureKind.Class,
  ExportAssignment: 10 satisfies TsMorph.StructureKind.ExportAssignment,
  ExportDeclaration: 11 satisfies TsMorph.StructureKind.ExportDeclaration,
  Function: 13 satisfies TsMorph.StructureKind.Function,
  ImportDeclaration: 16 satisfies TsMorph.StructureKind.ImportDeclaration,
  Interface: 19 satisfies TsMorph.StructureKind.Interface,
  JSDoc: 24 satisfies TsMorph.StructureKind.JSDoc,
  SourceFile: 36 satisfies TsMorph.StructureKind.SourceFile,
  TypeAlias: 38 satisfies TsMorph.StructureKind.TypeAlias,
  VariableStatement: 41 satisfies TsMorph.StructureKind.VariableStatement,
} as const;

// String enums are nominal to tsc, so these are cast; the test holds them to ts-morph's.
export const Scope = { Private: "private" as TsMorph.Scope.Private } as const;
export const VariableDeclarationKind = { Const: "const" as TsMorph.VariableDeclarationKind.Const } as const;
