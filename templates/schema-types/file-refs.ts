// How one generated file names the spec's types. The component schemas are declared standalone in
// src/schema.ts; src/openapi.ts has openapi-typescript's shape (paths, components, operations) and
// reaches them through `$types`. Every other file (src/schema.ts itself, src/types.ts, the resources,
// the validators) names a schema through `$types` (or bare, in schema.ts) and reaches into openapi.ts
// only for a ref the walk in spec-types.ts could not follow (a schema $ref into a path, which bundlers
// write): so importing the package root does not make a consumer's tsc parse openapi.ts, which on
// GitHub's spec alone is as big as everything openapi-typescript writes.
// The namespace names start with "$", which no generated name does (identifiers.ts), so they never
// collide with an export of the file they are used in.
import type { RefPrinter } from "./print-type.ts";
import { refText } from "./print-type.ts";
import type { RefNode } from "./type-node.ts";

export const SCHEMA_NAMESPACE = "$types";
export const OPENAPI_NAMESPACE = "$openapi";

/** Which file is printed: each one names its own declarations bare. */
export type FileHome = "openapi" | "schema" | "other";

export class FileRefs implements RefPrinter {
  readonly expandWithRequired: boolean;
  private usesSchemas = false;
  private usesOpenApi = false;
  private usesWithRequired = false;

  constructor(private readonly home: FileHome) {
    this.expandWithRequired = home !== "openapi";
  }

  ref(node: RefNode): string {
    if (node.schema !== undefined) return this.schemaName(node.schema);
    return this.openApi(node.text ?? refText(node.root, node.path));
  }

  /** A type written as an index into openapi.ts's declarations (`paths["/pets"]...`). */
  openApi(text: string): string {
    if (this.home === "openapi") return text;
    this.usesOpenApi = true;
    return `${OPENAPI_NAMESPACE}.${text}`;
  }

  /** A component schema by the name of its declaration. */
  schemaName(name: string): string {
    if (this.home === "schema") return name;
    this.usesSchemas = true;
    return `${SCHEMA_NAMESPACE}.${name}`;
  }

  generic(name: string): void {
    if (name === "WithRequired") this.usesWithRequired = true;
  }

  /** Whether src/openapi.ts declares the WithRequired helper (no other file uses it by name). */
  get needsWithRequired(): boolean {
    return this.usesWithRequired && !this.expandWithRequired;
  }

  /**
   * The namespaces the printed text used, as `[name, module]` for a type-only namespace import; `dir` is
   * the way from the file to src/ ("./" or "../").
   */
  imports(dir: string): [string, string][] {
    return [
      ...(this.usesSchemas ? [[SCHEMA_NAMESPACE, `${dir}schema.js`] as [string, string]] : []),
      ...(this.usesOpenApi ? [[OPENAPI_NAMESPACE, `${dir}openapi.js`] as [string, string]] : []),
    ];
  }

  /** The imports as lines, for the files printed as text. */
  importLines(dir: string): string {
    return this.imports(dir)
      .map(([name, from]) => `import type * as ${name} from ${JSON.stringify(from)};\n`)
      .join("");
  }
}
