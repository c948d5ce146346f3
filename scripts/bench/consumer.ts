// What a consumer pays in `tsc --noEmit`: a small application that imports the generated package (built to
// dist/, as installed from npm) and calls two operations, beside the same application typed with
// openapi-typescript's output (a .d.ts). Both use skipLibCheck, as applications do.
import { execFileSync } from "node:child_process";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
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
  errors: number;
}

export function tsc(args: string[]): TscRun {
  const start = performance.now();
  let output = "";
  try {
    execFileSync(process.execPath, [TSC, ...args], { encoding: "utf8", stdio: "pipe" });
  } catch (error) {
    output = String((error as { stdout?: string }).stdout ?? "");
  }
  return { seconds: (performance.now() - start) / 1000, errors: (output.match(/error TS\d+/g) ?? []).length };
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
