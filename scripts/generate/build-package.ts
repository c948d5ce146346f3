// Builds a generated package's dist/ from its src/: the ESM build (dist/*.js and .d.ts, from
// tsconfig.json) and the CommonJS one (dist/cjs/, from tsconfig.cjs.json, with a package.json that says
// so), which the package's `exports` point at. It uses the TypeScript compiler specsmith ships (ts-morph's),
// in-process, so a package generated with `--out` imports as is without a TypeScript install of the
// user's; the tsconfig files are the ones the package's own `npm run build` reads. `generate --out` and
// `npm run build:generated` both build through here.
//
// The sources are type-checked once (strict) and emitted as ESM; the CommonJS files are the same sources
// transpiled file by file (the tsconfig has isolatedModules, so a file alone says all there is), and
// their declarations are the ESM build's, which read the same under a CommonJS package.json.
// dist/ is an output like any other (scripts/lib/atomic-write.ts): built into a staged folder and swapped
// in at once, so a failed or killed build leaves the previous dist/, or none. A package whose sources,
// tsconfigs and compiler are unchanged since its last build keeps its dist/ (their hash is in dist/).
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative, sep } from "node:path";
import type { ts as TS } from "ts-morph";
import { folderOf, replaceOutputs, withOutputLocks } from "../lib/atomic-write.ts";
import { BUILD_DIR, BUILD_STAMP, CJS_BUILD_DIR } from "./package-manifest.ts";

/** The package's tsconfig files: the ESM build's and the CommonJS build's. */
export const TSCONFIG = "tsconfig.json";
export const TSCONFIG_CJS = "tsconfig.cjs.json";

/** Marks dist/cjs/ as CommonJS for Node and for TypeScript (the package itself is "type": "module"). */
export const CJS_PACKAGE_JSON = `${JSON.stringify({ type: "commonjs" })}\n`;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(dir, "src"), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/**
 * The compiler's version: ts-morph's common package, which holds the TypeScript it ships. Read from its
 * package.json, so a package whose dist/ is current costs no load of the compiler.
 */
function compilerVersion(): string {
  const require = createRequire(import.meta.url);
  const common = require.resolve("@ts-morph/common/package.json", { paths: [require.resolve("ts-morph")] });
  return (JSON.parse(readFileSync(common, "utf8")) as { version: string }).version;
}

/** What a build depends on: the compiler, both tsconfigs and every source. */
function buildHash(dir: string): string {
  const hash = createHash("sha256").update(`@ts-morph/common ${compilerVersion()}\0`);
  for (const file of [TSCONFIG, TSCONFIG_CJS].map((f) => join(dir, f)).concat(sourceFiles(dir))) {
    const content = existsSync(file) ? readFileSync(file) : "";
    hash.update(relative(dir, file)).update("\0").update(content).update("\0");
  }
  return hash.digest("hex");
}

const posix = (path: string): string => path.split(sep).join("/");

/** Compiler options of a tsconfig file, read as tsc reads them. */
function compilerOptions(ts: typeof TS, dir: string, file: string): TS.CompilerOptions {
  const path = join(dir, file);
  const read = ts.readConfigFile(path, (p) => readFileSync(p, "utf8"));
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, "\n"));
  return ts.parseJsonConfigFileContent(read.config, ts.sys, dir, undefined, path).options;
}

/** The files of dist/ (relative paths), or an error listing the compiler's first complaints. */
async function compile(dir: string): Promise<{ path: string; content: string }[]> {
  const { Project, ts } = await import("ts-morph");
  const project = new Project({ tsConfigFilePath: join(dir, TSCONFIG) });
  const diagnostics = project.getPreEmitDiagnostics();
  if (diagnostics.length > 0) {
    throw new Error(
      `the package in ${dir} does not compile:\n${project.formatDiagnosticsWithColorAndContext(diagnostics.slice(0, 10))}`,
    );
  }
  const dist = join(dir, BUILD_DIR);
  const files = project
    .emitToMemory()
    .getFiles()
    .map((f) => ({ path: posix(relative(dist, f.filePath)), content: f.text }));

  const cjsOptions = compilerOptions(ts, dir, TSCONFIG_CJS);
  const srcDir = join(dir, "src");
  for (const source of project.getSourceFiles()) {
    if (source.isDeclarationFile()) continue;
    const path = source.getFilePath();
    const output = ts.transpileModule(source.getFullText(), { compilerOptions: cjsOptions, fileName: path });
    files.push({
      path: `${CJS_BUILD_DIR}/${posix(relative(srcDir, path)).replace(/\.ts$/, ".js")}`,
      content: output.outputText,
    });
  }
  for (const declaration of files.filter(
    (f) => f.path.endsWith(".d.ts") && !f.path.startsWith(`${CJS_BUILD_DIR}/`),
  ))
    files.push({ path: `${CJS_BUILD_DIR}/${declaration.path}`, content: declaration.content });
  files.push({ path: `${CJS_BUILD_DIR}/package.json`, content: CJS_PACKAGE_JSON });
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/**
 * Builds the package in `dir` unless its dist/ is from these sources already; returns whether it built.
 * Locks dist/ (and the package folder, which a caller such as `generate` may hold already).
 */
export async function buildPackage(dir: string): Promise<boolean> {
  const dist = join(dir, BUILD_DIR);
  return withOutputLocks([dist], async () => {
    const hash = buildHash(dir);
    const stamp = join(dist, BUILD_STAMP);
    if (existsSync(stamp) && readFileSync(stamp, "utf8") === hash) return false;
    const files = [...(await compile(dir)), { path: BUILD_STAMP, content: hash }];
    await replaceOutputs([{ folder: dist, fill: folderOf(files), keep: [] }]);
    return true;
  });
}
