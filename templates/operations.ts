// src/types.ts and src/operations.ts: per operation, its params and response types (the spec's types of
// its parts, part-types.ts) and a tree-shakeable function that calls it. Every spec string reaches the
// code through JSON.stringify; everything else is identifiers the model chose.
import type { ImportDeclarationStructure, StatementStructures } from "ts-morph";
import type {
  CodegenModel,
  OperationModel,
  PaginationModel,
  ResourceModel,
  ResponseModel,
} from "../scripts/generate/model/codegen-model.ts";
import { codeFile, StructureKind, VariableDeclarationKind, type CodeFile } from "./code-file.ts";
import { docText, jsDoc } from "./js-doc.ts";
import { operationModules, validatorModules } from "./module-names.ts";
import { PartTypes, statusKey } from "./part-types.ts";
import { typeAliasFile, type TypeAlias } from "./type-aliases.ts";

const str = (s: string): string => JSON.stringify(s);

/**
 * A spec name as a key in an object literal. `"__proto__": value` would set the object's prototype and
 * the key would be missing; the computed form defines the property.
 */
export function objectKey(name: string): string {
  return name === "__proto__" ? `[${str(name)}]` : str(name);
}

/** The positional path arguments of an operation's function and method, typed from the spec. */
export function pathParameters(op: OperationModel, types: PartTypes): { name: string; type: string }[] {
  return op.pathArguments.map((a) => ({
    name: a.argument,
    // A template name the spec forgot to declare has no type in openapi-typescript's output.
    type: a.declared ? types.pathParameter(op, a.name) : "string | number",
  }));
}

/** Whether the operation takes a params object: a body, or query or header parameters. */
export function hasParams(op: OperationModel): boolean {
  return op.body !== undefined || op.parameters.some((p) => p.in === "query" || p.in === "header");
}

/** Body fields, query and header parameters in one object type. */
function paramsTypeExpression(op: OperationModel, types: PartTypes): string {
  const parts: string[] = [];
  if (op.body) {
    // openapi-typescript types bytes as `string`; the client takes Blobs, Files, bytes and streams too.
    let body = types.body(op);
    if (op.body.binaryFields) body = `WithUploads<${body}, ${op.body.binaryFields.map(str).join(" | ")}>`;
    if (op.body.binary) body = `Uploadable | ${body}`;
    parts.push(op.body.isObject ? body : `{ body${op.body.required ? "" : "?"}: ${body} }`);
  }
  if (op.parameters.some((p) => p.in === "query")) parts.push(types.location(op, "query"));
  if (op.parameters.some((p) => p.in === "header")) parts.push(types.location(op, "header"));
  return parts.length > 0 ? parts.join(" & ") : "Record<string, never>";
}

/** Statuses whose responses never carry a body (the runtime gives `undefined` for them and for HEAD). */
const NO_BODY_STATUSES = new Set(["204", "205", "304"]);

/** The success response whose body kind the runtime reads the operation's successes by. */
function successBodyResponse(op: OperationModel): ResponseModel | undefined {
  return op.responses.find((r) => r.mediaType !== undefined && op.successStatuses.includes(r.status));
}

/**
 * The body type of one documented response, as the client reads it: JSON as the schema says, text as a
 * string, binary as a BinaryResponse, an event stream as a Stream of the schema's events. An error is
 * read as JSON or text. Without documented content a no-content status (or HEAD) has no body; any other
 * carries what the server sent, which the spec does not describe.
 */
export function responseBody(op: OperationModel, status: string, types: PartTypes): string {
  const response = op.responses.find((r) => r.status === status);
  const success = op.successStatuses.includes(status);
  if (response?.mediaType) {
    const mediaType = response.mediaType;
    const schema = () => types.response(op, status, mediaType);
    switch (response.kind) {
      case "text":
        return "string";
      case "binary":
        return success ? "BinaryResponse" : "string";
      case "sse":
        return success ? `Stream<${response.eventData === "text" ? "string" : schema()}>` : "string";
      default:
        return schema();
    }
  }
  return success && (NO_BODY_STATUSES.has(status) || op.method === "head") ? "undefined" : "unknown";
}

/** The runtime names src/types.ts uses: for non-JSON bodies, documented errors and binary request bodies. */
function responseKindTypes(model: CodegenModel): string[] {
  const kinds = new Set(
    model.operations.flatMap((op) =>
      op.responses.filter((r) => op.successStatuses.includes(r.status)).map((r) => r.kind),
    ),
  );
  return [
    ...(kinds.has("binary") ? ["BinaryResponse"] : []),
    ...(kinds.has("sse") ? ["Stream"] : []),
    ...(model.operations.some((op) => op.errorType !== undefined) ? ["DocumentedError"] : []),
    ...(model.operations.some((op) => op.body?.binary) ? ["Uploadable"] : []),
    ...(model.operations.some((op) => op.body?.binaryFields) ? ["WithUploads"] : []),
  ];
}

/** How the runtime checks a documented error's body: JSON that parsed, text, or anything (no content). */
function documentedErrors(op: OperationModel): [string, "json" | "text" | "none"][] {
  return op.errorStatuses.map((status) => {
    const response = op.responses.find((r) => r.status === status);
    if (response?.mediaType === undefined) return [status, "none"];
    return [status, response.kind === "json" ? "json" : "text"];
  });
}

/** The success bodies, read from the operation's responses-by-status type rather than spelled again. */
function responseTypeExpression(op: OperationModel): string {
  const statuses = op.successStatuses.map(statusKey);
  return statuses.length > 0 ? `${op.responsesType}[${statuses.join(" | ")}]` : "unknown";
}

/** Every documented response body by status, errors included: `{ 200: Session; 404: Error }`. */
function responsesMapExpression(op: OperationModel, types: PartTypes): string {
  if (op.responses.length === 0) return "Record<never, never>";
  return `{ ${op.responses.map((r) => `${statusKey(r.status)}: ${responseBody(op, r.status, types)};`).join(" ")} }`;
}

/** What `.withResponse()` resolves to: the success responses, discriminated by status. */
export function successResponseType(op: OperationModel): string {
  const statuses = op.successStatuses.map(statusKey);
  return statuses.length > 0
    ? `ResponseOf<${op.responsesType}, ${statuses.join(" | ")}>`
    : `StatusResponse<number, unknown>`;
}

/** The return type of an operation's function and method. */
export function returnType(op: OperationModel): string {
  const page = pagination(op);
  return page
    ? `PagePromise<${op.responseType}, ${page.item}>`
    : `APIPromise<${op.responseType}, ${successResponseType(op)}>`;
}

/** The names from runtime/api-promise.ts that the package's signatures use. */
export function apiPromiseNames(operations: OperationModel[]): string[] {
  const plain = operations.filter((o) => !o.pagination);
  return [
    ...(plain.length > 0 ? ["APIPromise"] : []),
    ...(plain.some((o) => o.successStatuses.length > 0) ? ["ResponseOf"] : []),
    ...(plain.some((o) => o.successStatuses.length === 0) ? ["StatusResponse"] : []),
  ];
}

/** The type names an operation's signature uses, for import lists. */
export function signatureTypes(op: OperationModel): string[] {
  return [op.paramsType, op.responseType, ...(op.pagination ? [] : [op.responsesType])];
}

/** Whether callers must pass the params object: something in it is required. */
export function paramsRequired(op: OperationModel): boolean {
  const requiredParam = op.parameters.some((p) => (p.in === "query" || p.in === "header") && p.required);
  const requiredBody = op.body
    ? op.body.required && (!op.body.isObject || op.body.hasRequiredProperties)
    : false;
  return requiredParam || requiredBody;
}

/** The runtime's description of the operation: how to build and check the request. */
function operationSpec(op: OperationModel, validators: string | undefined, up: string): string {
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
  if (op.server !== undefined) spec.server = op.server;
  const success = successBodyResponse(op);
  if (success?.mediaType && success.kind && success.kind !== "json") {
    spec.response = {
      kind: success.kind,
      mediaType: success.mediaType,
      ...(success.eventData ? { eventData: success.eventData } : {}),
    };
  }
  if (op.errorStatuses.length > 0) spec.errors = documentedErrors(op);
  spec.security = op.security;
  const data = Object.entries(spec).map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
  // The validators' loader is the only code in it: a module path the generator chose (module-names.ts).
  if (validators !== undefined)
    data.push(`validate: () => import(${str(`${up}validators/${validators}.js`)})`);
  return `{ ${data.join(", ")} }`;
}

/** The item type and the runtime strategy that walks an operation's pages. */
export function pagination(op: OperationModel): { item: string; strategy: string } | undefined {
  const p = op.pagination;
  if (!p) return undefined;
  const page = op.responseType;
  const items = str(p.itemsField);
  const item = `ItemsOf<${page}, ${items}>`;
  // Optional settings go in as a JSON object literal of strings (escaped by JSON.stringify).
  const options = (settings: Record<string, string | undefined>): string => {
    const set = Object.entries(settings).filter(([, value]) => value !== undefined);
    return set.length > 0 ? `, ${JSON.stringify(Object.fromEntries(set))}` : "";
  };
  switch (p.kind) {
    case "stripe":
      return { item, strategy: `stripeCursor<${page}>(${str(p.cursorParam)})` };
    case "cursor":
      return {
        item,
        strategy: `cursorField<${page}, ${items}>(${str(p.cursorField)}, ${str(p.cursorParam)}, ${items}${p.hasMoreField !== undefined ? `, ${str(p.hasMoreField)}` : ""})`,
      };
    case "nextLink":
      return { item, strategy: `nextLink<${page}, ${items}>(${str(p.linkField)}, ${items})` };
    case "linkHeader":
      return { item, strategy: `linkHeader<${page}, ${items}>(${items})` };
    case "pageNumber":
      return {
        item,
        strategy: `pageNumber<${page}, ${items}>(${str(p.pageParam)}, ${items}${options({ sizeParam: p.sizeParam, totalPagesPath: p.totalPagesField })})`,
      };
    case "offset":
      return {
        item,
        strategy: `offsetLimit<${page}, ${items}>(${str(p.offsetParam)}, ${items}${options({ limitParam: p.limitParam, totalPath: p.totalField })})`,
      };
  }
}

/** The import of `names` from `module`, or nothing when there is no name to import. */
export function importOf(
  module: string,
  names: ImportDeclarationStructure["namedImports"] & unknown[],
  typeOnly = false,
): ImportDeclarationStructure[] {
  if (names.length === 0) return [];
  return [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: module,
      namedImports: names,
      ...(typeOnly ? { isTypeOnly: true } : {}),
    },
  ];
}

/** src/types.ts: per operation its params, success body and responses-by-status types. */
export function renderOperationTypes(model: CodegenModel): string {
  const kindTypes = responseKindTypes(model);
  const types = new PartTypes(model);
  const aliases = model.operations.flatMap((op): TypeAlias[] => [
    {
      name: op.paramsType,
      type: paramsTypeExpression(op, types),
      doc: `${op.method.toUpperCase()} ${op.path}: its body fields, query and header parameters.`,
    },
    { name: op.responseType, type: responseTypeExpression(op), doc: "The success body." },
    {
      name: op.responsesType,
      type: responsesMapExpression(op, types),
      doc: "Each documented body by status, errors included.",
    },
    ...(op.errorType !== undefined
      ? [
          {
            name: op.errorType,
            type: `DocumentedError<${op.responsesType}, ${op.errorStatuses.map(statusKey).join(" | ")}>`,
            doc: `The documented errors: narrow with \`${op.errorGuard ?? ""}(err)\`, then by \`err.status\`.`,
          },
        ]
      : []),
  ]);
  return typeAliasFile(
    [
      ...types.namespaceImports("./"),
      ...(kindTypes.length > 0 ? [{ names: kindTypes, from: "./runtime/index.js" }] : []),
    ],
    aliases,
  );
}

/**
 * src/operations/<operation>.ts per operation and src/operations.ts exporting them all. The resource
 * classes load an operation's module on its first call: bundlers with code splitting share code between
 * chunks file by file (esbuild at least), so a file of several operations would load them together.
 */
export function renderOperations(model: CodegenModel): CodeFile[] {
  const files: CodeFile[] = [];
  const reexports: StatementStructures[] = [];
  const validators = validatorModules(model);
  for (const [op, file] of operationModules(model)) {
    files.push(
      renderOperationFile(op, validators.get(op), `src/operations/${file}.ts`, new PartTypes(model)),
    );
    reexports.push({ kind: StructureKind.ExportDeclaration, moduleSpecifier: `./operations/${file}.js` });
  }
  files.push(codeFile("src/operations.ts", reexports));
  return files;
}

/**
 * src/error-guards.ts: per operation with documented errors, `is<Op>Error(err)`. They live apart from the
 * operations' modules and know an operation by its method and path, so that importing a guard from the
 * package root loads no operation's code.
 */
export function renderErrorGuards(model: CodegenModel): CodeFile[] {
  const guarded = model.operations.filter((op) => op.errorGuard !== undefined && op.errorType !== undefined);
  if (guarded.length === 0) return [];
  const statements: StatementStructures[] = [
    ...importOf(
      "./types.js",
      guarded.map((op) => op.errorType as string),
      true,
    ),
    ...importOf("./runtime/errors.js", ["isDocumentedError"]),
  ];
  for (const op of guarded) {
    statements.push({
      kind: StructureKind.Function,
      name: op.errorGuard as string,
      isExported: true,
      docs: [
        docText(
          `Whether \`error\` is a documented error of ${op.method.toUpperCase()} ${op.path}, its \`body\` typed by \`status\`.`,
        ),
      ],
      parameters: [{ name: "error", type: "unknown" }],
      returnType: `error is ${op.errorType as string}`,
      statements: [
        `return isDocumentedError(error, { method: ${str(op.method.toUpperCase())}, path: ${str(op.path)} });`,
      ],
    });
  }
  return [codeFile("src/error-guards.ts", statements)];
}

/** The operations of a resource and of every resource under it. */
export function resourceOperations(resource: ResourceModel): OperationModel[] {
  return [...resource.operations, ...resource.children.flatMap(resourceOperations)];
}

function renderOperationFile(
  op: OperationModel,
  validators: string | undefined,
  path: string,
  types: PartTypes,
): CodeFile {
  const up = "../";
  const operations = [op];
  const statements: StatementStructures[] = [
    ...importOf(
      `${up}types.js`,
      operations.flatMap((o) => [...signatureTypes(o), ...(o.errorType ? [o.errorType] : [])]),
      true,
    ),
    ...importOf(`${up}runtime/client.js`, ["HttpClient", "RequestOptions"], true),
    // APIPromise is constructed here; the others are types only.
    ...importOf(
      `${up}runtime/api-promise.js`,
      apiPromiseNames(operations).map((name) => (name === "APIPromise" ? name : { name, isTypeOnly: true })),
    ),
    ...importOf(`${up}runtime/params.js`, ["splitParams", { name: "GeneratedOperation", isTypeOnly: true }]),
  ];
  const strategies = [...new Set(operations.flatMap((o) => (o.pagination ? [o.pagination.kind] : [])))];
  if (strategies.length > 0) {
    const names: Record<PaginationModel["kind"], string> = {
      stripe: "stripeCursor",
      cursor: "cursorField",
      nextLink: "nextLink",
      linkHeader: "linkHeader",
      pageNumber: "pageNumber",
      offset: "offsetLimit",
    };
    statements.push(
      ...importOf(`${up}runtime/pagination.js`, [
        { name: "PagePromise", isTypeOnly: true },
        { name: "ItemsOf", isTypeOnly: true },
        ...strategies.sort().map((k) => names[k]),
      ]),
    );
  }
  const specName = op.operationConst;
  statements.push({
    kind: StructureKind.VariableStatement,
    declarationKind: VariableDeclarationKind.Const,
    isExported: true,
    declarations: [
      {
        name: specName,
        type: "GeneratedOperation",
        initializer: operationSpec(op, validators, up),
      },
    ],
  });
  const takesParams = hasParams(op);
  const required = paramsRequired(op);
  const pathObject = `{ ${op.pathArguments.map((a) => `${objectKey(a.name)}: ${a.argument}`).join(", ")} }`;
  const page = op.pagination ? pagination(op) : undefined;
  statements.push({
    kind: StructureKind.Function,
    name: op.functionName,
    isExported: true,
    docs: jsDoc(op),
    parameters: [
      { name: "client", type: "HttpClient" },
      ...pathParameters(op, types),
      ...(takesParams
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
    returnType: returnType(op),
    statements: [
      `const { query, headers, body } = splitParams(${takesParams ? "params" : "{}"} as Record<string, unknown>, ${specName});`,
      ...(page
        ? [
            `return client.paginate(${specName}, { path: ${pathObject}, query, headers, body }, options, ${page.strategy});`,
          ]
        : [
            `return new APIPromise((wish) => client.request(${specName}, { path: ${pathObject}, query, headers, body }, options, wish));`,
          ]),
    ],
  });
  return codeFile(path, [...types.imports(up), ...statements]);
}
