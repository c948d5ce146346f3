// Files that hold only type aliases (src/types.ts, src/schema.ts) are printed directly, like src/openapi.ts:
// on Stripe's spec they are 1,600 aliases, and a ts-morph round trip (print, then parse) cost 0.6 s of a
// budget of about two. The type expressions come from the templates, which put every spec string through
// JSON.stringify; docs go through docText so they cannot end the comment.
import { docText } from "./js-doc.ts";

export interface TypeAlias {
  name: string;
  type: string;
  doc?: string;
}

export interface TypeImport {
  names: string[];
  from: string;
}

/** `import type { a, b } from "x";` lines, then each alias as `export type Name = type;` with its doc. */
export function typeAliasFile(
  imports: TypeImport[],
  aliases: TypeAlias[],
  reexports: TypeImport[] = [],
): string {
  const out: string[] = [];
  for (const i of imports)
    out.push(`import type { ${i.names.join(", ")} } from ${JSON.stringify(i.from)};\n`);
  for (const e of reexports)
    out.push(`export type { ${e.names.join(", ")} } from ${JSON.stringify(e.from)};\n`);
  if (out.length > 0) out.push("\n");
  for (const alias of aliases) {
    if (alias.doc !== undefined) out.push(`/** ${docText(alias.doc).replace(/\n/g, "\n * ")} */\n`);
    out.push(`export type ${alias.name} = ${alias.type};\n`);
  }
  return out.join("");
}
