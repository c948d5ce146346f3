// A code file of the package, printed from one ts-morph structure with ts-morph's printStructure: the text
// an in-memory ts-morph Project would hold, without the Project parsing it back into a syntax tree that
// nothing reads (on Stripe's spec that parse was 0.7 s of the render and most of its memory). The style is
// the one prettier gives the smaller files, so unformatted large files look the same bar line width.
import { printStructure, StructureKind, type StatementStructures } from "ts-morph";

export interface CodeFile {
  /** Path relative to the package folder, with forward slashes. */
  path: string;
  text: string;
}

export function codeFile(path: string, statements: StatementStructures[]): CodeFile {
  const text = printStructure(
    { kind: StructureKind.SourceFile, statements },
    { indentNumberOfSpaces: 2, newLine: "\n", useSingleQuote: false },
  );
  return { path, text };
}
