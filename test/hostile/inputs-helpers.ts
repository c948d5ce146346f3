// Shared by the test/hostile/inputs-*.test.ts files: a scratch folder per test, the real CLI in-process,
// and small inputs built on the spot (FIFOs, sparse files, specs).
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { main } from "../../scripts/cli.ts";
import { memoryTerminal } from "../cli/memory-terminal.ts";

export const ROOT = join(import.meta.dirname, "..", "..");

export interface Run {
  code: number;
  out: string;
  err: string;
  ms: number;
}

/** Runs the CLI in-process in `cwd`. */
export async function cli(cwd: string, ...args: string[]): Promise<Run> {
  const term = memoryTerminal();
  const started = performance.now();
  const code = await main(args, term, cwd);
  return {
    code,
    out: term.stdout.join("\n"),
    err: term.stderr.join("\n"),
    ms: performance.now() - started,
  };
}

/** A fresh folder, removed after the test. */
export async function scratch(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "specsmith-inputs-"));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export async function put(path: string, content: string | Buffer): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, content);
  return path;
}

export function mkfifo(path: string): string {
  mkdirSync(dirname(path), { recursive: true });
  execFileSync("mkfifo", [path]);
  return path;
}

/** A small valid OpenAPI 3.1 spec whose one response schema is `schema` (JSON text). */
export function specWithSchema(schema: string, extra = ""): string {
  return (
    `{"openapi":"3.1.0","info":{"title":"T","version":"1"},"paths":{"/a":{"get":{"operationId":"getA",` +
    `"responses":{"200":{"description":"ok","content":{"application/json":{"schema":${schema}}}}}}}}${extra}}`
  );
}

/** The Verifa page, a real capture that scrapes to one operation. */
export function verifaPage(): Promise<Buffer> {
  return readFile(join(ROOT, "specs/verifa/pages/update-session.fern.txt"));
}

/** An API folder `specs/widgets` with these pages (and an optional overlay line); returns its path. */
export async function apiFolder(dir: string, pages: string[], extra = ""): Promise<string> {
  const apiDir = join(dir, "specs", "widgets");
  await put(
    join(apiDir, "api.yaml"),
    [
      "title: Widgets",
      "package: widgets",
      "version: 1.0.0",
      "pages:",
      ...pages.map((p) => `  - ${p}`),
      extra,
    ].join("\n") + "\n",
  );
  return apiDir;
}
