// A code file of the package, printed from one ts-morph structure with ts-morph's printStructure: the text
// an in-memory ts-morph Project would hold, without the Project parsing it back into a syntax tree that
// nothing reads (on Stripe's spec that parse was 0.7 s of the render and most of its memory). The style is
// the one prettier gives the smaller files, so unformatted large files look the same bar line width.
//
// The templates take ts-morph's values from here. ts-morph is a CommonJS module, and is required rather
// than imported: Node's ES module loader first scans a CommonJS module's source for its export names, and
// ts-morph's is 1 MB (0.15 s of CPU on every render).
import { createRequire } from "node:module";
import type * as TsMorph from "ts-morph";
import type { StatementStructures } from "ts-morph";

const tsMorph = createRequire(import.meta.url)("ts-morph") as typeof TsMorph;

export const { Scope, StructureKind, VariableDeclarationKind } = tsMorph;

export interface CodeFile {
  /** Path relative to the package folder, with forward slashes. */
  path: string;
  text: string;
}

export function codeFile(path: string, statements: StatementStructures[]): CodeFile {
  const text = tsMorph.printStructure(
    { kind: StructureKind.SourceFile, statements },
    { indentNumberOfSpaces: 2, newLine: "\n", useSingleQuote: false },
  );
  return { path, text };
}
