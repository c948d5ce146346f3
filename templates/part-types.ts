// The spec's types of an operation's parts (a path parameter, its query or header parameters, its body, a
// response's content), written out for one generated file: schemas through schema.ts (`$types.Pet`),
// anything else as the type itself (spec-types.ts follows the refs). Where that walk cannot go, the
// indexed access into openapi.ts stands in (`$openapi.paths["/pets"]["get"]...`), the same type. The
// file asks for its imports last (`imports`), once it knows which of the two modules it used.
import type { ImportDeclarationStructure } from "ts-morph";
import type { CodegenModel, OperationModel } from "../scripts/generate/model/codegen-model.ts";
import { StructureKind } from "./code-file.ts";
import { FileRefs } from "./schema-types/file-refs.ts";
import { typeText } from "./schema-types/print-type.ts";
import type { SpecTypes } from "./schema-types/spec-types.ts";
import type { TypeNode } from "./schema-types/type-node.ts";
import { specTypes } from "./schema-types.ts";

const str = (s: string): string => JSON.stringify(s);

/** openapi-typescript keys responses by number for numeric statuses, by string otherwise. */
export function statusKey(status: string): string {
  return /^\d{3}$/.test(status) ? status : str(status);
}

export class PartTypes {
  private readonly spec: SpecTypes;
  private readonly refs = new FileRefs("other");

  /**
   * `indexed`: write every part as the indexed access into openapi.ts. For files off the package root
   * (the validators), where a short name beats a type written out: Stripe's form bodies are hundreds of
   * lines each, and a validator's signature names its value type twice.
   */
  constructor(
    model: CodegenModel,
    private readonly indexed = false,
  ) {
    this.spec = specTypes(model);
  }

  /**
   * The part's type written out, or else `indexed(operation)`: the part as an index into the operation's
   * type in openapi.ts (`$openapi.paths["/pets"]["get"]`).
   */
  private text(
    op: OperationModel,
    type: () => TypeNode | undefined,
    indexed: (operation: string) => string,
  ): string {
    const node = this.indexed ? undefined : type();
    if (node !== undefined) return typeText(node, 0, this.refs);
    return indexed(this.refs.openApi(`paths[${str(op.path)}][${str(op.method)}]`));
  }

  /** One declared path parameter's type. */
  pathParameter(op: OperationModel, name: string): string {
    return this.text(
      op,
      () => this.spec.pathParameter(op, name),
      (o) => `${o}["parameters"]["path"][${str(name)}]`,
    );
  }

  /** The object of one location's parameters (query, header or path). */
  location(op: OperationModel, location: string): string {
    return this.text(
      op,
      () => this.spec.location(op, location),
      (o) => `NonNullable<${o}["parameters"][${str(location)}]>`,
    );
  }

  /** The request body's type (the operation has one). */
  body(op: OperationModel): string {
    const mediaType = op.body?.mediaType ?? "";
    return this.text(
      op,
      () => this.spec.body(op, mediaType),
      (o) => `NonNullable<${o}["requestBody"]>["content"][${str(mediaType)}]`,
    );
  }

  /** One response's content type for a media type. */
  response(op: OperationModel, status: string, mediaType: string): string {
    return this.text(
      op,
      () => this.spec.response(op, status, mediaType),
      (o) => `${o}["responses"][${statusKey(status)}]["content"][${str(mediaType)}]`,
    );
  }

  /** A named component schema. */
  schema(typeName: string): string {
    return this.refs.schemaName(typeName);
  }

  /** The namespace imports the written types need; `dir` is the way to src/ ("./" or "../"). */
  imports(dir: string): ImportDeclarationStructure[] {
    return this.refs.imports(dir).map(([name, from]) => ({
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: from,
      namespaceImport: name,
      isTypeOnly: true,
    }));
  }

  /** The same, for the files printed as text (type-aliases.ts). */
  namespaceImports(dir: string): { namespace: string; from: string }[] {
    return this.refs.imports(dir).map(([namespace, from]) => ({ namespace, from }));
  }
}
