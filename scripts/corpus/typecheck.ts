// Typechecks many generated outputs with few tsc runs: one tsc program per batch of ~25 outputs (a tsc
// process costs ~2 s before it reads a line of the package), errors attributed to outputs by file path.
// A batch whose tsc dies or reports an error outside any output falls back to one tsc per output.
import { readFileSync, statSync, readdirSync, writeFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve, sep } from "node:path";
import { deathReason, runNode } from "./node-run.ts";
import { runPool } from "./pool.ts";
import type { TypecheckVerdict } from "./verdicts.ts";

const TSC = join(dirname(createRequire(import.meta.url).resolve("typescript/package.json")), "bin", "tsc");
const BATCH_OUTPUTS = 25;
// Big specs make big packages (a 2 MB spec gives MBs of types): a byte cap keeps one batch's memory sane.
const BATCH_BYTES = 16 * 1024 * 1024;
const TSC_TIMEOUT_MS = 15 * 60 * 1000;
const FIRST_ERRORS = 3;

/** One generated output to check: a package's `src` folder or a single types file. */
export interface TypecheckTarget {
  id: string;
  /** Absolute path of the folder or file tsc reads; errors in files under it are its errors. */
  root: string;
}

/**
 * The compiler options of a generated package's tsconfig.json, minus what only matters for emitting (the
 * batch tsconfig lives elsewhere, so `rootDir` would be wrong): the same strictness, lib and module rules.
 */
export function checkOptionsFrom(tsconfigPath: string): Record<string, unknown> {
  const config = JSON.parse(readFileSync(tsconfigPath, "utf8")) as {
    compilerOptions: Record<string, unknown>;
  };
  const { outDir: _o, rootDir: _r, declaration: _d, sourceMap: _s, ...options } = config.compilerOptions;
  return { ...options, noEmit: true };
}

function sizeOf(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0);
}

function batches(targets: readonly TypecheckTarget[]): TypecheckTarget[][] {
  const out: TypecheckTarget[][] = [];
  let current: TypecheckTarget[] = [];
  let bytes = 0;
  for (const target of targets) {
    const size = sizeOf(target.root);
    if (current.length > 0 && (current.length >= BATCH_OUTPUTS || bytes + size > BATCH_BYTES)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(target);
    bytes += size;
  }
  if (current.length > 0) out.push(current);
  return out;
}

interface TscRun {
  /** Errors by target id; a target with none is absent. */
  byTarget: Map<string, string[]>;
  /** Errors in no target's files (a config problem), or why tsc died. */
  stray: string[];
}

/** `file(line,col): error TS1234: message`, then indented lines that continue the message. */
function parseTscOutput(output: string, cwd: string, targets: readonly TypecheckTarget[]): TscRun {
  const byTarget = new Map<string, string[]>();
  const stray: string[] = [];
  let last: string[] | undefined;
  for (const line of output.split("\n")) {
    if (line.trim() === "") continue;
    if (/^\s/.test(line)) {
      // A continuation of the previous message: kept on the same entry, so "first error" stays one item.
      if (last && last.length > 0) last[last.length - 1] += ` ${line.trim()}`;
      continue;
    }
    const match = /^(.+?)\(\d+,\d+\): error /.exec(line);
    const file = match ? resolve(cwd, match[1] as string) : undefined;
    const target = file && targets.find((t) => file === t.root || file.startsWith(t.root + sep));
    if (!target) {
      stray.push(line);
      last = stray;
      continue;
    }
    const list = byTarget.get(target.id) ?? [];
    list.push(relative(target.root, file as string) + line.slice((match?.[1] as string).length));
    byTarget.set(target.id, list);
    last = list;
  }
  return { byTarget, stray };
}

async function runTsc(
  targets: readonly TypecheckTarget[],
  options: Record<string, unknown>,
  configPath: string,
): Promise<TscRun> {
  mkdirSync(dirname(configPath), { recursive: true });
  writeFileSync(
    configPath,
    JSON.stringify({ compilerOptions: options, include: targets.map((t) => t.root) }, null, 2),
  );
  const cwd = dirname(configPath);
  // A larger heap than the default: one program holds up to 25 packages.
  const run = await runNode(
    ["--max-old-space-size=8192", TSC, "-p", configPath, "--pretty", "false"],
    TSC_TIMEOUT_MS,
    cwd,
  );
  const parsed = parseTscOutput(run.stdout, cwd, targets);
  // tsc exits 0 (clean) or 2 (errors reported); anything else, or a signal, means it died.
  if (run.timedOut || run.signal || (run.code !== 0 && run.code !== 2))
    parsed.stray.push(`tsc died: ${deathReason(run, TSC_TIMEOUT_MS)}`);
  return parsed;
}

function verdict(errors: string[] | undefined): TypecheckVerdict {
  return { errors: errors?.length ?? 0, first: (errors ?? []).slice(0, FIRST_ERRORS) };
}

/** Typechecks every target; batch tsconfigs are written under `workDir`. Results are keyed by target id. */
export async function typecheckAll(
  targets: readonly TypecheckTarget[],
  options: Record<string, unknown>,
  workDir: string,
  onBatch: (done: number, total: number) => void,
): Promise<Map<string, TypecheckVerdict>> {
  const results = new Map<string, TypecheckVerdict>();
  const groups = batches(targets);
  let done = 0;
  await runPool(groups, 2, async (group, index) => {
    const run = await runTsc(group, options, join(workDir, `batch-${index}`, "tsconfig.json"));
    if (run.stray.length === 0) {
      for (const t of group) results.set(t.id, verdict(run.byTarget.get(t.id)));
    } else {
      // Something outside the outputs went wrong: check each output alone so none is blamed for another.
      for (const [i, t] of group.entries()) {
        const alone = await runTsc([t], options, join(workDir, `batch-${index}-${i}`, "tsconfig.json"));
        results.set(t.id, verdict([...alone.stray, ...(alone.byTarget.get(t.id) ?? [])]));
      }
    }
    onBatch((done += group.length), targets.length);
  });
  return results;
}
