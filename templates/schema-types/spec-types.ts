// The spec's types for one package, built once and read by every template that writes a type: the two
// type files (emit.ts) and, per operation, the types of its parts (a path parameter, its query or header
// parameters, its body, a response's content). Those parts are what an indexed access into openapi.ts
// (`paths["/pets"]["post"]["requestBody"]...`) would give; here the index is followed through the types
// themselves, refs to components other than schemas included, so the type can be written where it is
// used, naming schemas through schema.ts only. src/types.ts and the resources then never reach openapi.ts.
import { createContext } from "./emit-context.ts";
import { documentTypes, emitTypeFiles, type DocumentTypes, type TypeFiles } from "./emit.ts";
import { objectType, type TypeNode } from "./type-node.ts";

/** Refs followed for one lookup: a chain of component refs is short; a longer one is a cycle. */
const MAX_REF_HOPS = 64;

/** Where an operation is in the declarations: its path (a key of `paths`) and lower-case method. */
export interface OperationAt {
  path: string;
  method: string;
}

export class SpecTypes {
  private readonly types: DocumentTypes;
  private files?: TypeFiles;

  constructor(
    document: Record<string, unknown>,
    private readonly schemaNames: readonly { key: string; typeName: string }[],
  ) {
    this.types = documentTypes(createContext(document, new Map(schemaNames.map((s) => [s.key, s.typeName]))));
  }

  /** src/openapi.ts and src/schema.ts. */
  typeFiles(): TypeFiles {
    this.files ??= emitTypeFiles(this.types, this.schemaNames);
    return this.files;
  }

  /**
   * The type of `root[keys[0]][keys[1]]...` as TypeScript resolves it, with refs to anything but a
   * named schema followed; undefined where the walk meets a type it cannot index (a union, an
   * intersection), for the caller to write the indexed access instead.
   */
  at(root: string, keys: readonly string[]): TypeNode | undefined {
    return this.walk(root, keys, 0);
  }

  private walk(root: string, keys: readonly string[], hops: number): TypeNode | undefined {
    let node: TypeNode | undefined = this.types[root as keyof DocumentTypes];
    for (const key of keys) {
      node = node && this.follow(node, hops);
      if (node?.kind !== "object") return undefined;
      node = node.members.find((m) => m.name === key)?.type;
    }
    return node && this.follow(node, hops);
  }

  /** A ref to something other than a named schema, replaced by what it points at. */
  private follow(node: TypeNode, hops: number): TypeNode | undefined {
    if (node.kind !== "ref" || node.schema !== undefined) return node;
    if (hops >= MAX_REF_HOPS) return undefined;
    return this.walk(node.root, node.path, hops + 1);
  }

  /** The object of one location's parameters (`parameters["query"]`), each parameter's ref followed. */
  location(op: OperationAt, location: string): TypeNode | undefined {
    const type = this.at("paths", [op.path, op.method, "parameters", location]);
    if (type?.kind !== "object") return type;
    const members = type.members.map((m) => ({ ...m, type: this.follow(m.type, 0) ?? m.type }));
    return objectType(members, type.index);
  }

  /** One path parameter's type. */
  pathParameter(op: OperationAt, name: string): TypeNode | undefined {
    return this.at("paths", [op.path, op.method, "parameters", "path", name]);
  }

  /** The request body's type for one media type. */
  body(op: OperationAt, mediaType: string): TypeNode | undefined {
    return this.at("paths", [op.path, op.method, "requestBody", "content", mediaType]);
  }

  /** One response's content type for one media type. */
  response(op: OperationAt, status: string, mediaType: string): TypeNode | undefined {
    return this.at("paths", [op.path, op.method, "responses", status, "content", mediaType]);
  }
}
