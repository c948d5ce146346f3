// The declarations openapi-typescript 7 exports (paths, webhooks, components, $defs, operations), each an
// interface when it has members and `Record<string, never>` otherwise, plus the WithRequired helper when a
// type uses it. Keys follow the document's order.
// Two layouts print the same types: one file holding everything, as openapi-typescript writes it
// (emitOpenApiTypes), or a package's two files (emitTypeFiles): src/schema.ts declaring each component
// schema standalone (`export type Pet = {...}`), and src/openapi.ts whose components.schemas point at
// those declarations. See file-refs.ts for why.
import { createContext, type EmitContext } from "./emit-context.ts";
import { FileRefs } from "./file-refs.ts";
import { jsDocText, membersText, refText, typeText, type RefPrinter } from "./print-type.ts";
import { componentsType, pathsType, webhooksType } from "./operation-types.ts";
import { schemaToType } from "./schema-to-type.ts";
import { member, objectType, type Member, type ObjectNode, type TypeNode } from "./type-node.ts";

type Obj = Record<string, unknown>;

const WITH_REQUIRED = "type WithRequired<T, K extends keyof T> = T & {\n    [P in K]-?: T[P];\n};\n";

/** The document's types, as the declarations of src/openapi.ts hold them (an absent one is undefined). */
export interface DocumentTypes {
  paths?: TypeNode;
  webhooks?: TypeNode;
  components?: TypeNode;
  $defs?: TypeNode;
  operations: TypeNode;
}

function isObj(value: unknown): value is Obj {
  return typeof value === "object" && value !== null;
}

/** The types of every declaration, built once; both layouts print them. */
export function documentTypes(ctx: EmitContext): DocumentTypes {
  const document = ctx.document;
  const types: DocumentTypes = { operations: objectType(ctx.operations) };
  if (isObj(document.paths)) types.paths = pathsType(document.paths, ctx);
  if (isObj(document.webhooks)) types.webhooks = webhooksType(document.webhooks, ctx);
  if (isObj(document.components)) types.components = componentsType(document.components, ctx);
  // openapi-typescript reads a top-level $defs as one schema (so a map of definitions is `unknown`, and
  // the declaration empty): the same here.
  if (isObj(document.$defs)) types.$defs = schemaToType(document.$defs, ctx, "#/$defs");
  // ctx.operations fills while the paths are read: the object above holds the same array.
  return types;
}

function declare(name: string, type: TypeNode | undefined, refs: RefPrinter, out: string[]): void {
  if (type?.kind === "object" && type.members.length > 0) {
    out.push(`export interface ${name} {\n${membersText(type.members, 1, refs)}}\n`);
  } else {
    out.push(`export type ${name} = Record<string, never>;\n`);
  }
}

function printOpenApi(types: DocumentTypes, components: TypeNode | undefined, refs: FileRefs): string {
  const out: string[] = [];
  declare("paths", types.paths, refs, out);
  declare("webhooks", types.webhooks, refs, out);
  declare("components", components, refs, out);
  declare("$defs", types.$defs, refs, out);
  declare("operations", types.operations, refs, out);
  if (refs.needsWithRequired) out.push(WITH_REQUIRED);
  return refs.importLines("./") + out.join("");
}

/** The text of openapi-typescript's single file for a loaded (3.1, internally referenced) document. */
export function emitOpenApiTypes(document: Obj): string {
  const types = documentTypes(createContext(document));
  return printOpenApi(types, types.components, new FileRefs("openapi"));
}

export interface TypeFiles {
  /** src/openapi.ts: openapi-typescript's declarations, components.schemas pointing into schema.ts. */
  openapi: string;
  /** src/schema.ts: one declaration per component schema, with its docs. */
  schema: string;
}

function schemaMembers(components: TypeNode | undefined): readonly Member[] {
  if (components?.kind !== "object") return [];
  const schemas = components.members.find((m) => m.name === "schemas")?.type;
  return schemas?.kind === "object" ? schemas.members : [];
}

/** components.schemas of openapi.ts: each named schema a pointer to its declaration in schema.ts. */
function pointingComponents(components: ObjectNode, names: ReadonlyMap<string, string>): ObjectNode {
  const pointers = (schemas: TypeNode): TypeNode =>
    schemas.kind !== "object"
      ? schemas
      : objectType(
          schemas.members.map((m) => {
            const name = names.get(m.name);
            if (name === undefined) return m;
            const path = ["schemas", m.name];
            return member(m.name, {
              kind: "ref",
              root: "components",
              path,
              text: refText("components", path),
              schema: name,
            });
          }),
        );
  return objectType(
    components.members.map((m) => (m.name === "schemas" ? { ...m, type: pointers(m.type) } : m)),
    components.index,
  );
}

/**
 * Both files of a package, from the types of a context created with the schemas' names (`schemaNames`,
 * whose order, the model's, is the order of the declarations).
 */
export function emitTypeFiles(
  types: DocumentTypes,
  schemaNames: readonly { key: string; typeName: string }[],
): TypeFiles {
  const byKey = new Map(schemaMembers(types.components).map((m) => [m.name, m]));
  const refs = new FileRefs("schema");
  const declarations: string[] = [];
  for (const { key, typeName } of schemaNames) {
    const declared = byKey.get(key);
    if (declared === undefined) continue;
    if (declared.doc) declarations.push(jsDocText(declared.doc, ""));
    declarations.push(`export type ${typeName} = ${typeText(declared.type, 0, refs)};\n`);
  }
  const names = new Map(schemaNames.map((s) => [s.key, s.typeName]));
  const components =
    types.components?.kind === "object" ? pointingComponents(types.components, names) : types.components;
  return {
    openapi: printOpenApi(types, components, new FileRefs("openapi")),
    // A spec without component schemas still gets a module (the package root re-exports it).
    schema: refs.importLines("./") + (declarations.length > 0 ? declarations.join("") : "export {};\n"),
  };
}
