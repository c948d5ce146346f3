// The whole of src/openapi.ts: the declarations openapi-typescript 7 exports (paths, webhooks, components,
// $defs, operations), each an interface when it has members and `Record<string, never>` otherwise, plus
// the WithRequired helper when a type uses it. Keys follow the document's order.
import { createContext } from "./emit-context.ts";
import { componentsType, pathsType, webhooksType } from "./operation-types.ts";
import { membersText } from "./print-type.ts";
import { schemaToType } from "./schema-to-type.ts";
import { objectType, type TypeNode } from "./type-node.ts";

type Obj = Record<string, unknown>;

const WITH_REQUIRED = "type WithRequired<T, K extends keyof T> = T & {\n    [P in K]-?: T[P];\n};\n";

function declare(name: string, type: TypeNode | undefined, out: string[]): void {
  if (type?.kind === "object" && type.members.length > 0) {
    out.push(`export interface ${name} {\n${membersText(type.members, 1)}}\n`);
  } else {
    out.push(`export type ${name} = Record<string, never>;\n`);
  }
}

function isObj(value: unknown): value is Obj {
  return typeof value === "object" && value !== null;
}

/** The text of src/openapi.ts for a loaded (3.1, internally referenced) document. */
export function emitOpenApiTypes(document: Obj): string {
  const ctx = createContext(document);
  const out: string[] = [];
  declare("paths", isObj(document.paths) ? pathsType(document.paths, ctx) : undefined, out);
  declare("webhooks", isObj(document.webhooks) ? webhooksType(document.webhooks, ctx) : undefined, out);
  declare(
    "components",
    isObj(document.components) ? componentsType(document.components, ctx) : undefined,
    out,
  );
  // openapi-typescript reads a top-level $defs as one schema (so a map of definitions is `unknown`, and
  // the declaration empty): the same here.
  declare("$defs", isObj(document.$defs) ? schemaToType(document.$defs, ctx, "#/$defs") : undefined, out);
  declare("operations", objectType(ctx.operations), out);
  if (ctx.usesWithRequired) out.push(WITH_REQUIRED);
  return out.join("");
}
