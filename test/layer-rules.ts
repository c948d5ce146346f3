// DESIGN.md's layers as a table, and the checker test/layers.test.ts runs over the repository (and over
// small trees with planted violations, so the checker itself is shown to fail). Every import of our own
// files is read from TypeScript's syntax tree, not with a regex: `import`/`export ... from`, `import x =
// require()`, `require()`, `import("...")` calls and `import("...")` types. A dynamic import whose path
// is computed cannot be checked, so in a layered folder it is a violation of its own.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";

/**
 * What each layer may import besides itself. Folders not listed (commands/, cli.ts, bench/, corpus/,
 * roundtrip/, fixtures/...) are tooling and may import anything; nothing listed may import them.
 */
export const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  "scripts/lib": [],
  "scripts/spec": ["scripts/lib"],
  "scripts/scrape": ["scripts/lib", "scripts/spec"],
  // spec -> codegen model. The runtime is a leaf (it imports nothing of ours): its media-type rules are
  // read, not copied, so the model and the packages agree.
  "scripts/generate/model": ["scripts/lib", "scripts/spec", "templates/runtime"],
  // The rest of generate drives the templates and writes their files.
  "scripts/generate": [
    "scripts/lib",
    "scripts/spec",
    "scripts/generate/model",
    "templates",
    "templates/runtime",
    "templates/validators",
  ],
  // model -> files: templates read the codegen model, never the spec layer or the generator's driver.
  templates: ["scripts/lib", "scripts/generate/model", "templates/runtime", "templates/validators"],
  "templates/validators": ["scripts/lib", "templates", "templates/runtime"],
  // runtime/ is copied into every package: it imports nothing of ours.
  "templates/runtime": [],
  // Two specs -> changes; it may read generate's names (the model), never the command line.
  "scripts/diff": ["scripts/lib", "scripts/spec", "scripts/generate/model"],
  // capture finds and downloads pages; it asks the scraper whether a page documents an API.
  "scripts/capture": ["scripts/lib", "scripts/spec", "scripts/scrape"],
};

/** The layer of a file (a path relative to the repository root, with the platform's separators). */
export function layerOf(relativePath: string): string {
  const parts = relativePath.split(sep);
  if (parts[0] === "templates") {
    const sub = parts[1] ?? "";
    return sub === "runtime" || sub === "validators" ? `templates/${sub}` : "templates";
  }
  if (parts[0] === "scripts" && parts[1] === "generate" && parts[2] === "model")
    return "scripts/generate/model";
  return `${parts[0]}/${(parts[1] ?? "").replace(/\.ts$/, "")}`;
}

export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (entry.name.endsWith(".ts")) out.push(path);
  }
  return out.sort();
}

export interface ImportSite {
  /** The module specifier, or undefined for a dynamic import or require() whose argument is computed. */
  specifier: string | undefined;
  line: number;
  dynamic: boolean;
}

function literalText(node: ts.Node | undefined): string | undefined {
  return node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
    ? node.text
    : undefined;
}

/** Every import of a file: static, re-exports, import-equals, require(), import() calls and types. */
export function importSites(fileName: string, text: string): ImportSite[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const sites: ImportSite[] = [];
  const add = (node: ts.Node, specifier: string | undefined, dynamic: boolean): void => {
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    sites.push({ specifier, line, dynamic });
  };
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      add(node, literalText(node.moduleSpecifier), false);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node, literalText(node.moduleReference.expression), false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node, literalText(node.argument.literal), false);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(callee) && callee.text === "require";
      if (isImport || isRequire) add(node, literalText(node.arguments[0]), true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return sites;
}

/**
 * Every import that breaks the layering, as "file:line imports LAYER (specifier)" or "file:line imports a
 * computed path", for the .ts files under `root`'s scripts/ and templates/.
 */
export function layerViolations(root: string): string[] {
  const files = ["scripts", "templates"].flatMap((dir) => sourceFiles(join(root, dir)));
  const violations: string[] = [];
  for (const file of files) {
    const from = layerOf(relative(root, file));
    const allowed = ALLOWED[from];
    if (!allowed) continue;
    const at = relative(root, file).split(sep).join("/");
    for (const site of importSites(file, readFileSync(file, "utf8"))) {
      if (site.specifier === undefined) {
        violations.push(`${at}:${site.line} imports a computed path`);
        continue;
      }
      if (!site.specifier.startsWith(".")) continue; // a package, not our code
      const to = layerOf(relative(root, resolve(dirname(file), site.specifier)));
      if (to !== from && !allowed.includes(to)) {
        violations.push(`${at}:${site.line} imports ${to} (${site.specifier})`);
      }
    }
  }
  return violations;
}
