// What tests of a compiled test package (test/setup/test-packages.ts) share: importing it, the error a
// call rejects with, and what the real tsc says of code a user would write against it.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { inject } from "vitest";
import type { TestPackages } from "../setup/test-packages.ts";

/** The package's folder and its dist/index.js, imported. */
export async function importTestPackage<T>(name: keyof TestPackages): Promise<{ dir: string; pkg: T }> {
  const dir = inject("testPackages")[name];
  return { dir, pkg: (await import(pathToFileURL(join(dir, "dist/index.js")).href)) as T };
}

/** The error `promise` rejects with, which must be a `type`. */
export async function rejectionOf<E>(
  promise: Promise<unknown>,
  type: abstract new (...args: never[]) => E,
): Promise<E> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof type)) throw new Error(`expected a ${type.name}, got ${String(error)}`);
  return error;
}

/** How a user's strict TypeScript project (NodeNext modules, DOM types) compiles code using a package. */
export const CONSUMER_OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
  types: [],
  skipLibCheck: true,
};

/**
 * The real tsc's errors (strict) for an ES module of `lines`, in which `PACKAGE` stands for the import
 * path of the package in `dir` (its compiled declarations).
 */
export async function consumerTypeErrors(dir: string, lines: readonly string[]): Promise<string[]> {
  const work = await mkdtemp(join(tmpdir(), "specsmith-consumer-"));
  try {
    const file = join(work, "use.mts");
    const path = JSON.stringify(join(dir, "dist/index.js"));
    await writeFile(file, lines.map((line) => line.replaceAll("PACKAGE", path)).join("\n"));
    const program = ts.createProgram([file], CONSUMER_OPTIONS);
    return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
