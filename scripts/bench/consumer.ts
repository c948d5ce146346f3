// What a consumer pays in `tsc --noEmit`: a small application that imports the generated package (built to
// dist/, as installed from npm) and calls two operations, beside the same application typed with
// openapi-typescript's output (a .d.ts). Both use skipLibCheck, as applications do.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { CodegenModel, OperationModel } from "../generate/model/codegen-model.ts";

const TSC = join(import.meta.dirname, "..", "..", "node_modules", "typescript", "bin", "tsc");

const TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    module: "NodeNext",
    moduleResolution: "NodeNext",
    lib: ["ES2022", "DOM"],
    types: [],
    strict: true,
    skipLibCheck: true,
    noEmit: true,
  },
  files: ["app.ts"],
};

export interface TscRun {
  seconds: number;
  /** User + system CPU seconds of the tsc process (GNU time): less at the mercy of other work than wall time. */
  cpuSeconds: number;
  errors: number;
  /** tsc's own `--extendedDiagnostics` figures. */
  figures: TscFigures;
}

/**
 * What tsc reports of its own run. The counts are exact and the same on a busy machine, so a ratio of them
 * (identifiers and symbols grow with the declarations tsc parses and binds; types and instantiations with
 * what it checks) does not hang on process noise the way wall time does. Times are seconds, memory KiB.
 */
export interface TscFigures {
  files: number;
  definitionLines: number;
  identifiers: number;
  symbols: number;
  types: number;
  instantiations: number;
  memoryKiB: number;
  parse: number;
  bind: number;
  check: number;
}

const FIGURE_LABELS: Record<keyof TscFigures, string> = {
  files: "Files",
  definitionLines: "Lines of Definitions",
  identifiers: "Identifiers",
  symbols: "Symbols",
  types: "Types",
  instantiations: "Instantiations",
  memoryKiB: "Memory used",
  parse: "Parse time",
  bind: "Bind time",
  check: "Check time",
};

/** Reads `--extendedDiagnostics` output ("Label:   123", "Memory used:  9K", "Parse time:  0.7s"); NaN where absent. */
export function parseTscFigures(output: string): TscFigures {
  const values = new Map<string, number>();
  for (const line of output.split("\n")) {
    const match = /^(?<label>[A-Za-z][A-Za-z ]*):\s+(?<value>[\d.]+)[Ks]?\s*$/.exec(line);
    if (match?.groups) values.set(match.groups.label ?? "", Number(match.groups.value));
  }
  const figures = {} as TscFigures;
  for (const [key, label] of Object.entries(FIGURE_LABELS))
    figures[key as keyof TscFigures] = values.get(label) ?? NaN;
  return figures;
}

const TIME = "/usr/bin/time";

/** One tsc run with `--extendedDiagnostics`: wall and CPU time, its error count and its own figures. */
export function tsc(args: string[]): TscRun {
  const work = mkdtempSync(join(tmpdir(), "specsmith-tsc-"));
  const report = join(work, "time");
  const tscArgs = [TSC, ...args, "--extendedDiagnostics"];
  const start = performance.now();
  let output = "";
  try {
    output = existsSync(TIME)
      ? execFileSync(TIME, ["-o", report, "-f", "%U %S", process.execPath, ...tscArgs], {
          encoding: "utf8",
          stdio: "pipe",
        })
      : execFileSync(process.execPath, tscArgs, { encoding: "utf8", stdio: "pipe" });
  } catch (error) {
    // tsc exits non-zero when it reports errors; its output is still on stdout.
    output = String((error as { stdout?: string }).stdout ?? "");
  }
  const seconds = (performance.now() - start) / 1000;
  try {
    const times = existsSync(report) ? readFileSync(report, "utf8").trim().split("\n").pop() : undefined;
    const [user = NaN, system = NaN] = (times ?? "").split(" ").map(Number);
    return {
      seconds,
      cpuSeconds: times === undefined ? NaN : user + system,
      errors: (output.match(/error TS\d+/g) ?? []).length,
      figures: parseTscFigures(output),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Two operations with a body and no path parameters: the calls the consumer makes. */
function pick(model: CodegenModel): OperationModel[] {
  return model.operations.filter((o) => o.body && o.pathArguments.length === 0 && !o.pagination).slice(0, 2);
}

const s = JSON.stringify;

/** Writes both consumer projects; returns their tsconfig paths. */
export function consumerProjects(
  work: string,
  model: CodegenModel,
  packageDir: string,
  peerTypes: string,
): { ours: string; peer: string } {
  const ops = pick(model);
  const oursDir = join(work, "consumer-ours");
  const peerDir = join(work, "consumer-peer");
  mkdirSync(oursDir, { recursive: true });
  mkdirSync(peerDir, { recursive: true });
  const types = ops.flatMap((o) => [o.paramsType, o.responseType]);
  writeFileSync(
    join(oursDir, "app.ts"),
    [
      `import { ${model.clientClassName}, type ${types.join(", type ")} } from ${s(join(packageDir, "dist", "index.js"))};`,
      `const client = new ${model.clientClassName}({});`,
      ...ops.map((o, i) => `declare const params${i}: ${o.paramsType};`),
      "export async function run(): Promise<unknown[]> {",
      ...ops.map(
        (o, i) =>
          `  const r${i}: ${o.responseType} = await client.${o.resource}.${o.methodName}(params${i});`,
      ),
      `  return [${ops.map((_, i) => `r${i}`).join(", ")}];`,
      "}",
      "",
    ].join("\n"),
  );
  renameSync(peerTypes, join(peerDir, "peer.d.ts"));
  const body = (o: OperationModel) =>
    `NonNullable<paths[${s(o.path)}][${s(o.method)}]["requestBody"]>["content"][${s(o.body?.mediaType ?? "")}]`;
  const response = (o: OperationModel) => {
    const r = o.responses.find((x) => x.status === o.successStatuses[0]);
    return `paths[${s(o.path)}][${s(o.method)}]["responses"][${o.successStatuses[0]}]["content"][${s(r?.mediaType ?? "")}]`;
  };
  writeFileSync(
    join(peerDir, "app.ts"),
    [
      `import type { paths } from "./peer.js";`,
      "declare function call<B, R>(path: string, body: B): Promise<R>;",
      ...ops.map((o, i) => `declare const params${i}: ${body(o)};`),
      "export async function run(): Promise<unknown[]> {",
      ...ops.map(
        (o, i) =>
          `  const r${i}: ${response(o)} = await call<${body(o)}, ${response(o)}>(${s(o.path)}, params${i});`,
      ),
      `  return [${ops.map((_, i) => `r${i}`).join(", ")}];`,
      "}",
      "",
    ].join("\n"),
  );
  for (const dir of [oursDir, peerDir]) writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(TSCONFIG));
  return { ours: join(oursDir, "tsconfig.json"), peer: join(peerDir, "tsconfig.json") };
}
