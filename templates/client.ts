// src/resources/ and src/client.ts: one class per resource with short methods that call the standalone
// functions, one module per resource the client holds, and the client class whose constructor takes the
// options users know from Stainless-built SDKs (apiKey, baseURL, maxRetries, timeout, fetch,
// defaultHeaders). The client's resources are lazy (runtime/lazy-resource.ts): it holds their method names
// and loads a resource's module on its first call, so a page that calls one operation does not bundle them
// all (class methods cannot be tree-shaken).
import type { ExportDeclarationStructure, ImportDeclarationStructure, StatementStructures } from "ts-morph";
import type {
  CodegenModel,
  OperationModel,
  ResourceModel,
  SecuritySchemeModel,
} from "../scripts/generate/model/codegen-model.ts";
import { codeFile, Scope, StructureKind, VariableDeclarationKind, type CodeFile } from "./code-file.ts";
import { docText, jsDoc } from "./js-doc.ts";
import { operationModules, resourceModules } from "./module-names.ts";
import { PartTypes } from "./part-types.ts";
import {
  apiPromiseNames,
  hasParams,
  importOf,
  objectKey,
  paramsRequired,
  resourceOperations,
  pathParameters,
  returnType,
  signatureTypes,
} from "./operations.ts";

const str = (s: string): string => JSON.stringify(s);

/** A resource and every resource under it, the resource first. */
function withDescendants(resource: ResourceModel): ResourceModel[] {
  return [resource, ...resource.children.flatMap(withDescendants)];
}

/**
 * src/resources/<root>.ts per resource the client holds, with the classes of the resources under it, and
 * src/resources.ts exporting them all. The client loads a module when one of its methods is first called
 * (see renderClient), and a method loads its operation's module on its first call: a bundle with code
 * splitting fetches the names of a resource's methods when the page uses it, an operation's code when the
 * page calls it.
 */
export function renderResources(model: CodegenModel): CodeFile[] {
  const modules = resourceModules(model);
  const files = operationModules(model);
  const rendered: CodeFile[] = [];
  for (const [root, module] of modules) {
    const resources = withDescendants(root);
    const operations = resourceOperations(root);
    const types = new PartTypes(model);
    const classes = resources.map((r) => resourceClass(r, files, types));
    const statements: StatementStructures[] = [
      ...importOf("../runtime/client.js", ["HttpClient", "RequestOptions"], true),
      ...importOf("../types.js", operations.flatMap(signatureTypes), true),
      // APIPromise and PagePromise wrap the calls whose code is loading; the others are types only.
      ...importOf(
        "../runtime/api-promise.js",
        apiPromiseNames(operations).map((name) =>
          name === "APIPromise" ? name : { name, isTypeOnly: true },
        ),
      ),
      ...importOf(
        "../runtime/pagination.js",
        operations.some((o) => o.pagination) ? ["PagePromise", { name: "ItemsOf", isTypeOnly: true }] : [],
      ),
      ...types.imports("../"),
      ...classes,
    ];
    rendered.push(codeFile(`src/resources/${module}.ts`, statements));
  }
  rendered.push(
    codeFile(
      "src/resources.ts",
      [...modules.values()].map((module): ExportDeclarationStructure => ({
        kind: StructureKind.ExportDeclaration,
        moduleSpecifier: `./resources/${module}.js`,
      })),
    ),
  );
  return rendered;
}

function resourceClass(
  resource: ResourceModel,
  files: Map<OperationModel, string>,
  types: PartTypes,
): StatementStructures {
  return {
    kind: StructureKind.Class,
    name: resource.className,
    isExported: true,
    properties: resource.children.map((c) => ({ name: c.property, type: c.className, isReadonly: true })),
    ctors: [
      {
        parameters: [{ name: "client", type: "HttpClient", scope: Scope.Private, isReadonly: true }],
        statements: resource.children.map((c) => `this.${c.property} = new ${c.className}(client);`),
      },
    ],
    methods: resource.operations.map((op) => {
      const paramsArg = hasParams(op);
      const pathArgs = pathParameters(op, types);
      const args = [
        "this.client",
        ...op.pathArguments.map((a) => a.argument),
        ...(paramsArg ? ["params"] : []),
        "options",
      ];
      return {
        name: op.methodName,
        docs: jsDoc(op),
        parameters: [
          ...pathArgs,
          ...(paramsArg
            ? [{ name: "params", type: op.paramsType, hasQuestionToken: !paramsRequired(op) }]
            : []),
          { name: "options", type: "RequestOptions", hasQuestionToken: true },
        ],
        returnType: returnType(op),
        // The operation's module loads on its first call (see renderOperations).
        statements: [
          `return ${op.pagination ? "PagePromise" : "APIPromise"}.deferred(import(${str(`../operations/${files.get(op) ?? op.functionName}.js`)}).then((m) => () => m.${op.functionName}(${args.join(", ")})));`,
        ],
      };
    }),
  };
}

/**
 * The methods of a resource and of the resources under it, as the client's lazy resources list them
 * (runtime/lazy-resource.ts): names are identifiers the model chose; keys go through objectKey.
 */
function resourceShape(resource: ResourceModel): string {
  const names = (lists: boolean) =>
    resource.operations.filter((op) => (op.pagination !== undefined) === lists).map((op) => op.methodName);
  const parts = [
    ...(names(false).length > 0 ? [`calls: ${str(names(false).join(" "))}`] : []),
    ...(names(true).length > 0 ? [`lists: ${str(names(true).join(" "))}`] : []),
    ...(resource.children.length > 0
      ? [
          `children: { ${resource.children.map((c) => `${objectKey(c.property)}: ${resourceShape(c)}`).join(", ")} }`,
        ]
      : []),
  ];
  return `{ ${parts.join(", ")} }`;
}

// The type argument types each literal even where its key is computed (`["__proto__"]`), which TypeScript
// does not use as context.
function authEntry(scheme: SecuritySchemeModel): string {
  const value = `options.${scheme.option} ?? readEnv(${str(scheme.envVar)})`;
  switch (scheme.kind) {
    case "basic":
      return `credential<AuthConfig>(${value}, (v) => ({ type: "basic", username: v, password: "" }))`;
    case "bearer":
      return `credential<AuthConfig>(${value}, (v) => ({ type: "bearer", token: v }))`;
    default:
      return `credential<AuthConfig>(${value}, (v) => ({ type: "apiKey", in: ${str(scheme.in ?? "header")}, name: ${str(scheme.name ?? "")}, value: v }))`;
  }
}

export function renderClient(model: CodegenModel): CodeFile {
  const optionsName = `${model.clientClassName}Options`;
  const modules = resourceModules(model);
  const statements: StatementStructures[] = [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "./runtime/client.js",
      namedImports: [
        "HttpClient",
        { name: "AuthConfig", isTypeOnly: true },
        { name: "ClientOptions", isTypeOnly: true },
        { name: "CredentialParameter", isTypeOnly: true },
        { name: "CredentialSource", isTypeOnly: true },
      ],
    },
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "./runtime/env.js",
      namedImports: ["readEnv", "credential"],
    },
    ...importOf("./runtime/lazy-resource.js", modules.size > 0 ? ["lazyResource"] : []),
    ...[...modules].map(([r, module]): ImportDeclarationStructure => ({
      kind: StructureKind.ImportDeclaration,
      // A whole-declaration type import: under verbatimModuleSyntax `import { type X }` keeps the module
      // as a side-effect import, and a bundler would then load every resource up front.
      isTypeOnly: true,
      moduleSpecifier: `./resources/${module}.js`,
      namedImports: [r.className],
    })),
  ];
  statements.push({
    kind: StructureKind.Interface,
    name: optionsName,
    isExported: true,
    extends: ["ClientOptions"],
    properties: model.securitySchemes.map((s) => ({
      name: s.option,
      type: "string",
      hasQuestionToken: true,
      docs: [docText(`${s.description ?? s.key} Defaults to the ${s.envVar} environment variable.`)],
    })),
  });
  const defaultServer = model.servers[0] ?? "";
  statements.push({
    kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [{ name: "DEFAULT_BASE_URL", initializer: str(defaultServer) }],
  });
  statements.push({
    kind: StructureKind.VariableStatement,
    declarationKind: VariableDeclarationKind.Const,
    docs: [
      "Every server the spec declares: with the base URL, the origins the client sends credentials to (a redirect elsewhere goes without them).",
    ],
    // Typed: a spec without servers gives `[]`, which strict tsc would otherwise type as any[].
    declarations: [{ name: "API_SERVERS", type: "string[]", initializer: JSON.stringify(model.apiServers) }],
  });
  const credentialParameters = model.securitySchemes.flatMap((s) =>
    s.kind === "apiKey" ? [{ in: s.in ?? "header", name: s.name ?? "" }] : [],
  );
  statements.push({
    kind: StructureKind.VariableStatement,
    declarationKind: VariableDeclarationKind.Const,
    docs: [
      "Every API-key parameter the spec declares: set by hand too, it is still treated as a credential.",
    ],
    declarations: [
      {
        name: "CREDENTIAL_PARAMETERS",
        type: "CredentialParameter[]",
        initializer: JSON.stringify(credentialParameters),
      },
    ],
  });
  statements.push({
    kind: StructureKind.VariableStatement,
    declarationKind: VariableDeclarationKind.Const,
    docs: [
      "Per security scheme, the constructor option and environment variable that give its credential: a missing one is named in the MissingCredentialError.",
    ],
    declarations: [
      {
        name: "CREDENTIAL_SOURCES",
        type: "Record<string, CredentialSource>",
        initializer: `{ ${model.securitySchemes.map((s) => `${objectKey(s.key)}: ${JSON.stringify({ option: s.option, envVar: s.envVar })}`).join(", ")} }`,
      },
    ],
  });
  statements.push({
    kind: StructureKind.Class,
    name: model.clientClassName,
    isExported: true,
    docs: jsDoc({ summary: model.title, ...(model.description ? { description: model.description } : {}) }),
    properties: [
      {
        name: "http",
        type: "HttpClient",
        isReadonly: true,
        docs: ["The HTTP layer: use it to call endpoints the spec does not describe."],
      },
      ...[...modules.keys()].map((r) => ({ name: r.property, type: r.className, isReadonly: true })),
    ],
    ctors: [
      {
        parameters: [{ name: "options", type: optionsName, initializer: "{}" }],
        statements: [
          `const auth: Record<string, AuthConfig | undefined> = { ${model.securitySchemes.map((s) => `${objectKey(s.key)}: ${authEntry(s)}`).join(", ")} };`,
          `this.http = new HttpClient({ baseURL: options.baseURL ?? readEnv(${str(model.baseURLEnvVar)}) ?? DEFAULT_BASE_URL, auth, options, userAgent: ${str(`${model.packageName}/${model.version}`)}, defaultBaseURL: DEFAULT_BASE_URL, servers: API_SERVERS, credentialParameters: CREDENTIAL_PARAMETERS, credentialSources: CREDENTIAL_SOURCES, logEnvVar: ${str(`${model.envPrefix}_LOG`)}${model.idempotencyHeader !== undefined ? `, idempotencyHeader: ${str(model.idempotencyHeader)}` : ""} });`,
          ...[...modules].map(
            ([r, module]) =>
              `this.${r.property} = lazyResource<${r.className}>(this.http, () => import(${str(`./resources/${module}.js`)}), ${str(r.className)}, ${resourceShape(r)});`,
          ),
        ],
      },
    ],
  });
  statements.push({
    kind: StructureKind.ExportAssignment,
    isExportEquals: false,
    expression: model.clientClassName,
  });
  return codeFile("src/client.ts", statements);
}

export function renderIndex(model: CodegenModel): CodeFile {
  const exports: StatementStructures[] = [
    {
      moduleSpecifier: "./client.js",
      namedExports: [
        model.clientClassName,
        { name: model.clientClassName, alias: "default" },
        "DEFAULT_BASE_URL",
      ],
    },
    { isTypeOnly: true, moduleSpecifier: "./client.js", namedExports: [`${model.clientClassName}Options`] },
    // The resource classes as types (`client.customers` is a `Customers`); as values, with the standalone
    // functions and the validators, from the package's subpaths (`<package>/resources`, `/operations`,
    // `/validators`). Re-exported here they would undo the client's lazy loading in bundles: esbuild makes
    // an entry import the chunk of every file it reaches, used or not, and those files are loaded on demand.
    { isTypeOnly: true, moduleSpecifier: "./resources.js" },
    ...(model.errorClass ? [{ moduleSpecifier: "./errors.js" }] : []),
    // The documented-error guards: small, and they import no operation's module.
    ...(model.operations.some((op) => op.errorGuard !== undefined && op.errorType !== undefined)
      ? [{ moduleSpecifier: "./error-guards.js" }]
      : []),
    { isTypeOnly: true, moduleSpecifier: "./types.js" },
    // Each component schema's type by its name. openapi-typescript's `paths`, `components` and
    // `operations` are at `<package>/openapi`: they name the same types, and reaching them from here made a
    // consumer's tsc parse them all (on GitHub's spec as much as the rest of the package together).
    { isTypeOnly: true, moduleSpecifier: "./schema.js" },
    { moduleSpecifier: "./runtime/index.js" },
  ].map((declaration): ExportDeclarationStructure => ({
    kind: StructureKind.ExportDeclaration,
    ...declaration,
  }));
  return codeFile("src/index.ts", exports);
}
