// src/resources.ts and src/client.ts: one class per resource with short methods that call the standalone
// functions, and the client class whose constructor takes the options users know from Stainless-built
// SDKs (apiKey, baseURL, maxRetries, timeout, fetch, defaultHeaders).
import {
  Scope,
  StructureKind,
  VariableDeclarationKind,
  type Project,
  type StatementStructures,
} from "ts-morph";
import type {
  CodegenModel,
  ResourceModel,
  SecuritySchemeModel,
} from "../scripts/generate/model/codegen-model.ts";
import { docText, jsDoc } from "./js-doc.ts";
import {
  apiPromiseNames,
  importOf,
  objectKey,
  paramsRequired,
  pathParameters,
  returnType,
  signatureTypes,
} from "./operations.ts";

const str = (s: string): string => JSON.stringify(s);

/** The resources the client holds itself; the others hang under them (`client.checkout.sessions`). */
function rootResources(model: CodegenModel): ResourceModel[] {
  return model.resources.filter((r) => !r.path.includes("."));
}

export function renderResources(model: CodegenModel, project: Project): void {
  const statements: StatementStructures[] = [
    ...importOf("./runtime/client.js", ["HttpClient", "RequestOptions"], true),
    ...importOf("./types.js", model.operations.flatMap(signatureTypes), true),
    ...importOf("./schema.js", ["paths"], true),
    ...importOf("./runtime/api-promise.js", apiPromiseNames(model), true),
    ...importOf(
      "./operations.js",
      model.operations.map((o) => o.functionName),
    ),
    ...importOf(
      "./runtime/pagination.js",
      model.operations.some((o) => o.pagination) ? ["PagePromise", "ItemsOf"] : [],
      true,
    ),
  ];
  // The whole file from one structure: ts-morph parses it once.
  statements.push(
    ...model.resources.map((resource) => ({
      kind: StructureKind.Class as const,
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
        const paramsArg = op.body || op.parameters.some((p) => p.in === "query" || p.in === "header");
        const pathArgs = pathParameters(op);
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
          statements: [`return ${op.functionName}(${args.join(", ")});`],
        };
      }),
    })),
  );
  project.createSourceFile("src/resources.ts", { statements }, { overwrite: true });
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

export function renderClient(model: CodegenModel, project: Project): void {
  const file = project.createSourceFile("src/client.ts", "", { overwrite: true });
  const optionsName = `${model.clientClassName}Options`;
  file.addImportDeclarations([
    {
      moduleSpecifier: "./runtime/client.js",
      namedImports: [
        "HttpClient",
        { name: "AuthConfig", isTypeOnly: true },
        { name: "ClientOptions", isTypeOnly: true },
        { name: "CredentialParameter", isTypeOnly: true },
        { name: "CredentialSource", isTypeOnly: true },
      ],
    },
    { moduleSpecifier: "./runtime/env.js", namedImports: ["readEnv", "credential"] },
    { moduleSpecifier: "./resources.js", namedImports: rootResources(model).map((r) => r.className) },
  ]);
  file.addInterface({
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
  file.addVariableStatement({
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [{ name: "DEFAULT_BASE_URL", initializer: str(defaultServer) }],
  });
  file.addVariableStatement({
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
  file.addVariableStatement({
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
  file.addVariableStatement({
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
  file.addClass({
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
      ...rootResources(model).map((r) => ({ name: r.property, type: r.className, isReadonly: true })),
    ],
    ctors: [
      {
        parameters: [{ name: "options", type: optionsName, initializer: "{}" }],
        statements: [
          `const auth: Record<string, AuthConfig | undefined> = { ${model.securitySchemes.map((s) => `${objectKey(s.key)}: ${authEntry(s)}`).join(", ")} };`,
          `this.http = new HttpClient({ baseURL: options.baseURL ?? readEnv(${str(model.baseURLEnvVar)}) ?? DEFAULT_BASE_URL, auth, options, userAgent: ${str(`${model.packageName}/${model.version}`)}, defaultBaseURL: DEFAULT_BASE_URL, servers: API_SERVERS, credentialParameters: CREDENTIAL_PARAMETERS, credentialSources: CREDENTIAL_SOURCES${model.idempotencyHeader !== undefined ? `, idempotencyHeader: ${str(model.idempotencyHeader)}` : ""} });`,
          ...rootResources(model).map((r) => `this.${r.property} = new ${r.className}(this.http);`),
        ],
      },
    ],
  });
  file.addExportAssignment({ isExportEquals: false, expression: model.clientClassName });
}

export function renderIndex(model: CodegenModel, project: Project): void {
  const file = project.createSourceFile("src/index.ts", "", { overwrite: true });
  file.addExportDeclarations([
    {
      moduleSpecifier: "./client.js",
      namedExports: [
        model.clientClassName,
        { name: model.clientClassName, alias: "default" },
        "DEFAULT_BASE_URL",
      ],
    },
    { isTypeOnly: true, moduleSpecifier: "./client.js", namedExports: [`${model.clientClassName}Options`] },
    { moduleSpecifier: "./resources.js" },
    { moduleSpecifier: "./operations.js" },
    ...(model.operations.some((op) => op.validators.length > 0)
      ? [{ moduleSpecifier: "./validators.js" }]
      : []),
    ...(model.errorClass ? [{ moduleSpecifier: "./errors.js" }] : []),
    { isTypeOnly: true, moduleSpecifier: "./types.js" },
    { isTypeOnly: true, moduleSpecifier: "./schema.js" },
    { moduleSpecifier: "./runtime/index.js" },
  ]);
}
