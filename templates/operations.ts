// src/types.ts and src/operations.ts: per operation, its params and response types (indexed into
// openapi-typescript's `paths`, so they are exactly the spec's types) and a tree-shakeable function that
// calls it. Every spec string reaches the code through JSON.stringify; everything else is identifiers the
// model chose.
import { StructureKind, VariableDeclarationKind, type Project, type StatementStructures } from "ts-morph";
import type { CodegenModel, OperationModel } from "../scripts/generate/model/codegen-model.ts";
import { docText, jsDoc } from "./js-doc.ts";

const str = (s: string): string => JSON.stringify(s);

/** openapi-typescript keys responses by number for numeric statuses, by string otherwise. */
function statusKey(status: string): string {
  return /^\d{3}$/.test(status) ? status : str(status);
}

function operationType(op: OperationModel): string {
  return `paths[${str(op.path)}][${str(op.method)}]`;
}

/** The positional path arguments of an operation's function and method, typed from the spec. */
export function pathParameters(op: OperationModel): { name: string; type: string }[] {
  return op.pathArguments.map((a) => ({
    name: a.argument,
    // A template name the spec forgot to declare has no type in openapi-typescript's output.
    type: a.declared ? `${operationType(op)}["parameters"]["path"][${str(a.name)}]` : "string | number",
  }));
}

function paramsTypeExpression(op: OperationModel): string | undefined {
  const parts: string[] = [];
  const o = operationType(op);
  if (op.body) {
    const body = `NonNullable<${o}["requestBody"]>["content"][${str(op.body.mediaType)}]`;
    parts.push(op.body.isObject ? body : `{ body${op.body.required ? "" : "?"}: ${body} }`);
  }
  if (op.parameters.some((p) => p.in === "query")) parts.push(`NonNullable<${o}["parameters"]["query"]>`);
  if (op.parameters.some((p) => p.in === "header")) parts.push(`NonNullable<${o}["parameters"]["header"]>`);
  return parts.length > 0 ? parts.join(" & ") : undefined;
}

function responseTypeExpression(op: OperationModel): string {
  const o = operationType(op);
  const variants = op.successStatuses.map((status) => {
    const response = op.responses.find((r) => r.status === status);
    return response?.mediaType
      ? `${o}["responses"][${statusKey(status)}]["content"][${str(response.mediaType)}]`
      : "undefined";
  });
  return variants.length > 0 ? [...new Set(variants)].join(" | ") : "unknown";
}

/** Whether callers must pass the params object: something in it is required. */
export function paramsRequired(op: OperationModel): boolean {
  const requiredParam = op.parameters.some((p) => (p.in === "query" || p.in === "header") && p.required);
  const requiredBody = op.body
    ? op.body.required && (!op.body.isObject || op.body.hasRequiredProperties)
    : false;
  return requiredParam || requiredBody;
}

/** The runtime's description of the operation: how to build the request. Data only. */
function operationSpec(op: OperationModel): string {
  const spec: Record<string, unknown> = { method: op.method.toUpperCase(), path: op.path };
  const query = op.parameters.filter((p) => p.in === "query");
  if (query.length > 0) {
    spec.query = query.map((p) => ({
      name: p.name,
      ...(p.style ? { style: p.style } : {}),
      ...(p.explode !== undefined ? { explode: p.explode } : {}),
    }));
  }
  const headers = op.parameters.filter((p) => p.in === "header").map((p) => p.name);
  if (headers.length > 0) spec.headers = headers;
  if (op.body)
    spec.body = { mediaType: op.body.mediaType, required: op.body.required, wrapped: !op.body.isObject };
  if (op.idempotencyHeader) spec.idempotencyHeader = op.idempotencyHeader;
  spec.security = op.security;
  return JSON.stringify(spec);
}

/** The item type and the runtime strategy that walks an operation's pages. */
export function pagination(op: OperationModel): { item: string; strategy: string } | undefined {
  const p = op.pagination;
  if (!p) return undefined;
  const page = op.responseType;
  switch (p.kind) {
    case "stripe":
      return { item: `ItemsOf<${page}, "data">`, strategy: `stripeCursor<${page}>(${str(p.cursorParam)})` };
    case "cursor":
      return {
        item: `ItemsOf<${page}, ${str(p.itemsField)}>`,
        strategy: `cursorField<${page}, ${str(p.itemsField)}>(${str(p.cursorField)}, ${str(p.cursorParam)}, ${str(p.itemsField)})`,
      };
    case "nextLink":
      return {
        item: `ItemsOf<${page}, ${str(p.itemsField)}>`,
        strategy: `nextLink<${page}, ${str(p.itemsField)}>(${str(p.linkField)}, ${str(p.itemsField)})`,
      };
  }
}

export function renderOperationTypes(model: CodegenModel, project: Project): void {
  const file = project.createSourceFile("src/types.ts", "", { overwrite: true });
  file.addImportDeclaration({ isTypeOnly: true, moduleSpecifier: "./schema.js", namedImports: ["paths"] });
  // One batched insertion: adding aliases one by one makes ts-morph re-parse the file each time, which is
  // quadratic (20 s on Stripe's 400 operations).
  file.addTypeAliases(
    model.operations.flatMap((op) => [
      {
        name: op.paramsType,
        isExported: true,
        type: paramsTypeExpression(op) ?? "Record<string, never>",
        docs: [
          docText(
            `Parameters of ${op.method.toUpperCase()} ${op.path}: body fields, query and header parameters in one object.`,
          ),
        ],
      },
      { name: op.responseType, isExported: true, type: responseTypeExpression(op) },
    ]),
  );
}

export function renderOperations(model: CodegenModel, project: Project): void {
  const file = project.createSourceFile("src/operations.ts", "", { overwrite: true });
  file.addImportDeclarations([
    { isTypeOnly: true, moduleSpecifier: "./schema.js", namedImports: ["paths"] },
    {
      isTypeOnly: true,
      moduleSpecifier: "./types.js",
      namedImports: model.operations.flatMap((o) => [o.paramsType, o.responseType]),
    },
    {
      isTypeOnly: true,
      moduleSpecifier: "./runtime/client.js",
      namedImports: ["HttpClient", "RequestOptions"],
    },
    {
      moduleSpecifier: "./runtime/params.js",
      namedImports: ["splitParams", { name: "GeneratedOperation", isTypeOnly: true }],
    },
  ]);
  const strategies = [...new Set(model.operations.flatMap((o) => (o.pagination ? [o.pagination.kind] : [])))];
  if (strategies.length > 0) {
    const names: Record<string, string> = {
      stripe: "stripeCursor",
      cursor: "cursorField",
      nextLink: "nextLink",
    };
    file.addImportDeclaration({
      moduleSpecifier: "./runtime/pagination.js",
      namedImports: [
        { name: "PagePromise", isTypeOnly: true },
        { name: "ItemsOf", isTypeOnly: true },
        ...strategies.sort().map((k) => names[k] as string),
      ],
    });
  }
  const statements: StatementStructures[] = [];
  for (const op of model.operations) {
    const specName = op.operationConst;
    statements.push({
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      isExported: true,
      declarations: [{ name: specName, type: "GeneratedOperation", initializer: operationSpec(op) }],
    });
    const hasParams = paramsTypeExpression(op) !== undefined;
    const required = paramsRequired(op);
    const pathObject = `{ ${op.pathArguments.map((a) => `${str(a.name)}: ${a.argument}`).join(", ")} }`;
    const page = op.pagination ? pagination(op) : undefined;
    statements.push({
      kind: StructureKind.Function,
      name: op.functionName,
      isExported: true,
      isAsync: !page,
      docs: jsDoc(op),
      parameters: [
        { name: "client", type: "HttpClient" },
        ...pathParameters(op),
        ...(hasParams
          ? [
              {
                name: "params",
                type: op.paramsType,
                ...(required ? {} : { initializer: `{} as ${op.paramsType}` }),
              },
            ]
          : []),
        { name: "options", type: "RequestOptions", hasQuestionToken: true },
      ],
      returnType: page ? `PagePromise<${op.responseType}, ${page.item}>` : `Promise<${op.responseType}>`,
      statements: [
        `const { query, headers, body } = splitParams(${hasParams ? "params" : "{}"} as Record<string, unknown>, ${specName});`,
        ...(page
          ? [
              `return client.paginate(${specName}, { path: ${pathObject}, query, headers, body }, options, ${page.strategy});`,
            ]
          : [
              `const response = await client.request<${op.responseType}>(${specName}, { path: ${pathObject}, query, headers, body }, options);`,
              "return response.data;",
            ]),
      ],
    });
  }
  file.addStatements(statements);
}
