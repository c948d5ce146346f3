// `npm run bench -- --names` (run.ts): how often the generator's client names (`client.checkout.sessions.listLineItems`)
// agree with the hand-written SDKs' on the same endpoints: the pinned `stripe` package's resource methods
// on Stripe's full spec, and `@octokit/plugin-rest-endpoint-methods`' endpoint map on GitHub's. Both SDKs
// are fetched once with `npm pack` into the cache outside the repository and read from their tarballs
// (parsed with TypeScript's parser, never run). Prints the agreement and every miss, by category.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import ts from "typescript";
import { loadSpec } from "../spec/index.ts";
import { buildModel } from "../generate/model/build-model.ts";
import { MAX_NAME } from "../generate/model/names.ts";
import { routeKey } from "../lib/route.ts";
import { packedTarball, realSpecs } from "./real-specs.ts";

/** The SDK releases whose endpoints match the cached specs' (Stripe's API of 2022-11-15; @octokit/openapi 23). */
export const STRIPE_NODE = { pkg: "stripe", version: "12.18.0" };
export const OCTOKIT_METHODS = { pkg: "@octokit/plugin-rest-endpoint-methods", version: "13.3.1" };

/** Endpoint ("GET /v1/{}/x") -> every name the SDK accepts for it ("checkout.sessions.list"). */
export type NameMap = Map<string, Set<string>>;

function readFromTarball(path: string, file: string): string {
  return execFileSync("tar", ["xzf", path, "-O", file], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

function listTarball(path: string): string[] {
  return execFileSync("tar", ["tzf", path], { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 }).split("\n");
}

function parse(text: string): ts.SourceFile {
  return ts.createSourceFile("x.js", text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
}

function propertyName(node: ts.PropertyName): string {
  return ts.isIdentifier(node) || ts.isStringLiteral(node) ? node.text : node.getText();
}

function add(map: NameMap, endpoint: string, name: string): void {
  map.set(endpoint, (map.get(endpoint) ?? new Set()).add(name));
}

const camel = (pascal: string): string => pascal.charAt(0).toLowerCase() + pascal.slice(1);

/**
 * stripe-node: esm/resources.js exports each resource class under its Pascal name (the client property is
 * its camel form) and namespaces as resourceNamespace('name', { Pascal: Class }); each resource file lists
 * `name: stripeMethod({ method, fullPath })`.
 */
export function stripeNames(): NameMap {
  const tgz = packedTarball(STRIPE_NODE);
  const files = new Set(listTarball(tgz));
  const index = parse(readFromTarball(tgz, "package/esm/resources.js"));
  // Local class name -> module file.
  const modules = new Map<string, string>();
  const tree: { path: string; local: string }[] = [];
  const fileOf = (spec: string) => join("package/esm", spec).replace(/\\/g, "/");
  const walkNamespace = (prefix: string, node: ts.Expression) => {
    if (!ts.isObjectLiteralExpression(node)) return;
    for (const p of node.properties) {
      if (!ts.isPropertyAssignment(p)) continue;
      const name = camel(propertyName(p.name));
      const init = p.initializer;
      if (ts.isIdentifier(init)) tree.push({ path: `${prefix}.${name}`, local: init.text });
      else if (ts.isCallExpression(init) && init.arguments[1])
        walkNamespace(`${prefix}.${name}`, init.arguments[1]);
    }
  };
  for (const st of index.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
      const bindings = st.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings))
        for (const b of bindings.elements) modules.set(b.name.text, fileOf(st.moduleSpecifier.text));
    } else if (ts.isExportDeclaration(st) && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier)) {
      const clause = st.exportClause;
      if (clause && ts.isNamedExports(clause))
        for (const e of clause.elements) {
          const local = `${e.name.text}::${(e.propertyName ?? e.name).text}`;
          modules.set(local, fileOf(st.moduleSpecifier.text));
          tree.push({ path: camel(e.name.text), local });
        }
    } else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.initializer && ts.isCallExpression(d.initializer)) {
          const [, members] = d.initializer.arguments;
          if (members) walkNamespace(camel(d.name.text), members);
        }
      }
    }
  }
  const map: NameMap = new Map();
  for (const { path, local } of tree) {
    const file = modules.get(local);
    if (!file || !files.has(file)) continue;
    const visit = (node: ts.Node, method: string | undefined): void => {
      if (ts.isPropertyAssignment(node) || ts.isMethodDeclaration(node)) method = propertyName(node.name);
      if (
        method &&
        ts.isCallExpression(node) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === "stripeMethod" &&
        node.arguments[0] &&
        ts.isObjectLiteralExpression(node.arguments[0])
      ) {
        const fields = new Map<string, string>();
        for (const p of node.arguments[0].properties)
          if (ts.isPropertyAssignment(p) && ts.isStringLiteral(p.initializer))
            fields.set(propertyName(p.name), p.initializer.text);
        const verb = fields.get("method");
        const fullPath = fields.get("fullPath");
        if (verb && fullPath) add(map, `${verb} ${routeKey(fullPath)}`, `${path}.${method}`);
      }
      ts.forEachChild(node, (child) => visit(child, method));
    };
    visit(parse(readFromTarball(tgz, file)), undefined);
  }
  return map;
}

/** Octokit: dist-src/generated/endpoints.js is `{ scope: { method: ["VERB /path", ...] } }`. */
export function octokitNames(): NameMap {
  const tgz = packedTarball(OCTOKIT_METHODS);
  const source = parse(readFromTarball(tgz, "package/dist-src/generated/endpoints.js"));
  const map: NameMap = new Map();
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === "Endpoints") {
      const scopes = node.initializer;
      if (!scopes || !ts.isObjectLiteralExpression(scopes)) return;
      for (const scope of scopes.properties) {
        if (!ts.isPropertyAssignment(scope) || !ts.isObjectLiteralExpression(scope.initializer)) continue;
        for (const m of scope.initializer.properties) {
          if (!ts.isPropertyAssignment(m) || !ts.isArrayLiteralExpression(m.initializer)) continue;
          const first = m.initializer.elements[0];
          if (!first || !ts.isStringLiteral(first)) continue;
          const [verb = "", path = ""] = first.text.split(" ");
          add(map, `${verb} ${routeKey(path)}`, `${propertyName(scope.name)}.${propertyName(m.name)}`);
        }
      }
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return map;
}

export interface Agreement {
  /** Endpoints both the SDK and the spec have. */
  compared: number;
  agreed: number;
  misses: { endpoint: string; ours: string; theirs: string[]; category: string }[];
  /** SDK endpoints the spec does not have. */
  notInSpec: number;
}

/** Why a name differs: the resource path, the method's verb, or the rest of the method name. */
function category(ours: string, theirs: string[]): string {
  const split = (n: string) => {
    const at = n.lastIndexOf(".");
    return { resource: n.slice(0, at), method: n.slice(at + 1) };
  };
  const o = split(ours);
  const t = theirs.map(split);
  const verb = (m: string) => /^[a-z]+/.exec(m)?.[0] ?? m;
  if (!t.some((x) => x.resource === o.resource)) return "resource";
  if (!t.some((x) => verb(x.method) === verb(o.method))) return "verb";
  return "method words";
}

export function agreement(ours: Map<string, string>, theirs: NameMap): Agreement {
  const result: Agreement = { compared: 0, agreed: 0, misses: [], notInSpec: 0 };
  for (const [endpoint, names] of [...theirs].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const mine = ours.get(endpoint);
    if (mine === undefined) {
      result.notInSpec++;
      continue;
    }
    result.compared++;
    if (names.has(mine)) result.agreed++;
    else
      result.misses.push({ endpoint, ours: mine, theirs: [...names], category: category(mine, [...names]) });
  }
  return result;
}

/** Endpoint -> `resource.path.method` as the generated client names it. */
export async function generatedNames(specPath: string, maxNameLength?: number): Promise<Map<string, string>> {
  const { document } = await loadSpec(specPath);
  const model = buildModel({
    document,
    packageName: "x",
    specName: "x",
    specHash: "",
    ...(maxNameLength === undefined ? {} : { maxNameLength }),
  });
  return new Map(
    model.operations.map((op) => [
      `${op.method.toUpperCase()} ${routeKey(op.path)}`,
      `${op.resource}.${op.methodName}`,
    ]),
  );
}

function report(name: string, goal: number, a: Agreement, listMisses: boolean): boolean {
  const pct = (100 * a.agreed) / Math.max(1, a.compared);
  const met = pct >= goal;
  console.log(
    `${name}: ${pct.toFixed(1)}% of ${a.compared} endpoints named as the SDK names them (goal >= ${goal}%: ${met ? "met" : "MISSED"}; ${a.notInSpec} SDK endpoints not in the spec)`,
  );
  const byCategory = new Map<string, number>();
  for (const m of a.misses) byCategory.set(m.category, (byCategory.get(m.category) ?? 0) + 1);
  console.log(`  misses by category: ${[...byCategory].map(([c, n]) => `${c} ${n}`).join(", ") || "none"}`);
  if (listMisses)
    for (const m of a.misses)
      console.log(`  [${m.category}] ${m.endpoint}: ${m.ours} (SDK: ${m.theirs.join(" | ")})`);
  return met;
}

export async function benchNames(listMisses = true): Promise<boolean> {
  const specs = realSpecs();
  const stripe = agreement(await generatedNames(specs.stripe), stripeNames());
  const github = agreement(await generatedNames(specs.github), octokitNames());
  const a = report(`Stripe (stripe@${STRIPE_NODE.version})`, 85, stripe, listMisses);
  const b = report(`GitHub (${OCTOKIT_METHODS.pkg}@${OCTOKIT_METHODS.version})`, 95, github, listMisses);
  // The 40-character cap is the one rule that disagrees with an SDK on purpose (octokit's longest names
  // run to 60 characters): what the agreement would be without it.
  const uncapped = agreement(await generatedNames(specs.github, Infinity), octokitNames());
  console.log(
    `GitHub without the ${MAX_NAME}-character cap: ${((100 * uncapped.agreed) / Math.max(1, uncapped.compared)).toFixed(1)}%`,
  );
  return a && b;
}
