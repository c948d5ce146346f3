// `npm run bench -- --bundle` (issue 13 item 7): what one call costs a browser bundle. Stripe's full spec is
// generated into a temporary folder, then esbuild bundles (minified, ESM, code splitting as Vite and
// Rollup do) two entries that make the same call:
//   (a) the client: `new Client({ apiKey }).customers.create(...)`, as the README shows;
//   (b) the standalone function from src/operations.ts with a hand-built HttpClient.
// Printed for each: the bytes the page loads for the call (the entry, the chunks it imports, and the chunks
// the call imports on demand), minified and gzipped, beside every chunk esbuild wrote; and (a)/(b).
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { build, type Metafile } from "esbuild";
import { loadSpec } from "../spec/index.ts";
import { buildModel } from "../generate/model/build-model.ts";
import type { CodegenModel, OperationModel, ResourceModel } from "../generate/model/codegen-model.ts";
import { renderPackage } from "../generate/render-package.ts";
import { writePackage } from "../generate/write-package.ts";
import { operationModules, resourceModules } from "../../templates/module-names.ts";
import { REAL_SPECS, realSpecPath } from "./real-specs.ts";

/** The goal: the client's call within this factor of the standalone function's. */
export const BUNDLE_GOAL = 1.5;

const PACKAGE_NAME = "bench-client";

interface Sizes {
  minified: number;
  gzip: number;
}

interface BundleResult {
  /** What the page loads for the call. */
  loaded: Sizes;
  /** Every file esbuild wrote (chunks the call never loads included). */
  written: Sizes & { files: number };
}

function sizesOf(texts: Uint8Array[]): Sizes {
  return {
    minified: texts.reduce((sum, t) => sum + t.byteLength, 0),
    // Each chunk is fetched (and compressed) on its own.
    gzip: texts.reduce((sum, t) => sum + gzipSync(t).byteLength, 0),
  };
}

/**
 * The output files loaded for the call: the entry's static imports, and the on-demand chunks whose entry
 * module `wanted` names (the call's resource, operation and validators), with their static imports in turn.
 */
function loadedOutputs(
  metafile: Metafile,
  entryOut: string,
  wanted: (entryPoint: string) => boolean,
): string[] {
  const seen = new Set<string>();
  const visit = (out: string): void => {
    if (seen.has(out)) return;
    seen.add(out);
    for (const imported of metafile.outputs[out]?.imports ?? []) {
      if (imported.external) continue;
      const target = metafile.outputs[imported.path];
      if (imported.kind === "import-statement") visit(imported.path);
      else if (imported.kind === "dynamic-import" && target?.entryPoint && wanted(target.entryPoint))
        visit(imported.path);
    }
  };
  visit(entryOut);
  return [...seen];
}

async function bundle(
  work: string,
  name: string,
  source: string,
  wanted: (entryPoint: string) => boolean,
): Promise<BundleResult> {
  const entry = join(work, `${name}.ts`);
  writeFileSync(entry, source);
  const outdir = join(work, `out-${name}`);
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    splitting: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    outdir,
    write: false,
    metafile: true,
    logLevel: "error",
  });
  const byPath = new Map(result.outputFiles.map((f) => [relative(process.cwd(), f.path), f.contents]));
  const entryOut = Object.entries(result.metafile.outputs).find(
    ([, o]) => o.entryPoint === relative(process.cwd(), entry),
  )?.[0];
  if (entryOut === undefined) throw new Error(`esbuild wrote no output for ${entry}`);
  const loaded = loadedOutputs(result.metafile, entryOut, wanted).map(
    (p) => byPath.get(p) ?? new Uint8Array(),
  );
  return {
    loaded: sizesOf(loaded),
    written: { ...sizesOf(result.outputFiles.map((f) => f.contents)), files: result.outputFiles.length },
  };
}

function findOperation(model: CodegenModel, method: string, path: string): OperationModel {
  const op = model.operations.find((o) => o.method === method && o.path === path);
  if (!op) throw new Error(`${method.toUpperCase()} ${path} is not in the spec`);
  return op;
}

function resourceOf(resources: ResourceModel[], op: OperationModel): ResourceModel | undefined {
  for (const resource of resources) {
    if (resource.operations.includes(op)) return resource;
    const nested = resourceOf(resource.children, op);
    if (nested) return nested;
  }
  return undefined;
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** Runs the benchmark; returns whether the goal is met. */
export async function benchBundle(): Promise<boolean> {
  const spec = realSpecPath(REAL_SPECS.stripe);
  const work = mkdtempSync(join(tmpdir(), "specsmith-bundle-"));
  try {
    const loaded = await loadSpec(spec);
    const input = {
      document: loaded.document,
      packageName: PACKAGE_NAME,
      specName: "spec",
      specHash: loaded.hash,
    };
    const pkg = join(work, "pkg");
    mkdirSync(pkg);
    const { files } = await renderPackage(input);
    await writePackage(pkg, files);
    const model = buildModel({ ...input, reservedExports: [] });
    const op = findOperation(model, "post", "/v1/customers");
    const resource = resourceOf(model.resources, op);
    if (!resource) throw new Error(`${op.functionName} belongs to no resource`);
    // The modules the call loads on demand: its root resource's, its operation's and its validators'.
    const root = model.resources.find((r) => r.path === resource.path.split(".")[0]);
    const rootFile = root ? resourceModules(model).get(root) : undefined;
    const opFile = operationModules(model).get(op);
    const modules = [`resources/${rootFile}.ts`, `operations/${opFile}.ts`, `validators/${opFile}.ts`];
    const wanted = (entryPoint: string): boolean => modules.some((m) => entryPoint.endsWith(`/src/${m}`));
    // Under `validate: false` the validators' module is never imported.
    const unvalidated = (entryPoint: string): boolean =>
      wanted(entryPoint) && !entryPoint.endsWith(`/src/${modules[2]}`);
    const call = `({ email: "jenny@example.com", description: "bench" })`;
    // The README's use: the client from the package root, one call.
    const clientEntry = (options: string): string =>
      [
        `import { ${model.clientClassName} } from "./pkg/src/index.js";`,
        `const client = new ${model.clientClassName}({ apiKey: "sk_test_123"${options} });`,
        `client.${resource.path}.${op.methodName}${call}.then((c) => console.log(c.id));`,
      ].join("\n");
    const client = await bundle(work, "client", clientEntry(""), wanted);
    const withoutValidation = await bundle(
      work,
      "client-unvalidated",
      clientEntry(", validate: false"),
      unvalidated,
    );
    const standalone = await bundle(
      work,
      "standalone",
      [
        `import { ${op.functionName} } from "./pkg/src/operations.js";`,
        `import { HttpClient } from "./pkg/src/runtime/client.js";`,
        `const http = new HttpClient({ baseURL: "https://api.stripe.com", auth: { basicAuth: { type: "basic", username: "sk_test_123", password: "" } } });`,
        `${op.functionName}(http, ${call.slice(1, -1)}).then((c) => console.log(c.id));`,
      ].join("\n"),
      wanted,
    );
    const ratio = client.loaded.minified / standalone.loaded.minified;
    const line = (label: string, r: BundleResult): string =>
      `${label.padEnd(58)} loaded for the call ${kb(r.loaded.minified).padStart(10)} min, ` +
      `${kb(r.loaded.gzip).padStart(9)} gzip | all ${r.written.files} files ${kb(r.written.minified)} min`;
    console.log(`bundle benchmark: one call on Stripe's full spec (esbuild, minified, ESM with splitting)`);
    console.log(line(`(a) client.${resource.path}.${op.methodName}()`, client));
    console.log(line(`(a) with validate: false`, withoutValidation));
    console.log(line(`(b) ${op.functionName}(http) with a hand-built HttpClient`, standalone));
    console.log(
      `ratio (a)/(b): ${ratio.toFixed(2)}x minified, ` +
        `${(client.loaded.gzip / standalone.loaded.gzip).toFixed(2)}x gzip ` +
        `(goal <= ${BUNDLE_GOAL}x: ${ratio <= BUNDLE_GOAL ? "met" : "MISSED"})`,
    );
    return ratio <= BUNDLE_GOAL;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
