// A file that holds only type aliases (src/types.ts) is printed directly, like src/openapi.ts and
// src/schema.ts: on Stripe's spec it is 1,800 aliases, and a ts-morph round trip (print, then parse) cost
// 0.6 s of a budget of about two. The type expressions come from the templates, which put every spec
// string through JSON.stringify; docs go through docText so they cannot end the comment.
import { docText } from "./js-doc.ts";

export interface TypeAlias {
  name: string;
  type: string;
  doc?: string;
}

/** Names from a module, or the module as a namespace (`import type * as ns from "x"`). */
export type TypeImport = { names: string[]; from: string } | { namespace: string; from: string };

function importLine(i: TypeImport): string {
  const what = "namespace" in i ? `* as ${i.namespace}` : `{ ${i.names.join(", ")} }`;
  return `import type ${what} from ${JSON.stringify(i.from)};\n`;
}

/** `import type { a, b } from "x";` lines, then each alias as `export type Name = type;` with its doc. */
export function typeAliasFile(imports: TypeImport[], aliases: TypeAlias[]): string {
  const out: string[] = [];
  for (const i of imports) out.push(importLine(i));
  if (out.length > 0) out.push("\n");
  for (const alias of aliases) {
    if (alias.doc !== undefined) out.push(`/** ${docText(alias.doc).replace(/\n/g, "\n * ")} */\n`);
    out.push(`export type ${alias.name} = ${alias.type};\n`);
  }
  // With nothing to declare the file is still a module (the package root re-exports it).
  if (aliases.length === 0) out.push("export {};\n");
  return out.join("");
}
