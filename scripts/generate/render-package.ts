// Renders a whole generated package in memory: the model is built once (package-model.ts), the templates
// (which read nothing but the model) build their files as ts-morph structures, printed on the printer's
// thread (print-code-files.ts; type-only files are printed directly), prettier formats the package
// unless it is huge, and the runtime is copied verbatim.
// Nothing touches the disk here; write-package.ts writes the result (with its manifest, package-manifest.ts)
// in one atomic swap.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { renderClient, renderIndex, renderResources } from "../../templates/client.ts";
import { renderErrors } from "../../templates/errors.ts";
import { fileHeader } from "../../templates/file-header.ts";
import { renderErrorGuards, renderOperations, renderOperationTypes } from "../../templates/operations.ts";
import type { Warning } from "../../templates/validators/index.ts";
import { packageJson, readme, tsconfigCjsJson, tsconfigJson } from "../../templates/package-files.ts";
import { renderValidators } from "../../templates/request-validators.ts";
import { renderOpenApiTypes, renderSchemaTypes } from "../../templates/schema-types.ts";
import { withManifest } from "./package-manifest.ts";
import { printCodeFiles } from "./print-code-files.ts";
import type { CodegenModel } from "./model/codegen-model.ts";
import { packageModel, RUNTIME_DIR, type RenderInput } from "./model/package-model.ts";

export type { RenderInput } from "./model/package-model.ts";

export interface RenderedFile {
  /** Path relative to the package folder, with forward slashes. */
  path: string;
  content: string;
}

/**
 * A package with a file larger than this is written as printed (ts-morph and the type printers indent it;
 * lines are just not wrapped). On Stripe's full spec prettier took 4.5 s for files of 80 KB to 1 MB that
 * nobody reads top to bottom, which alone broke the speed budget. Every file of an ordinary API is far
 * below the limit and the whole package is formatted; the choice is per package so its files look alike.
 */
const PRETTIER_MAX_BYTES = 64 * 1024;

async function runtimeFiles(model: CodegenModel): Promise<RenderedFile[]> {
  const names = (await readdir(RUNTIME_DIR))
    .filter((n) => n.endsWith(".ts") && !n.endsWith(".test.ts"))
    .sort();
  return Promise.all(
    names.map(async (name) => ({
      path: `src/runtime/${name}`,
      content: fileHeader(model) + (await readFile(join(RUNTIME_DIR, name), "utf8")),
    })),
  );
}

export interface RenderedPackage {
  model: CodegenModel;
  files: RenderedFile[];
  /** Spec problems met while rendering (JSON pointers into the spec), for the command to print. */
  warnings: Warning[];
}

export async function renderPackage(input: RenderInput): Promise<RenderedPackage> {
  const model = packageModel(input);
  // Each group goes to the printer (print-code-files.ts) as soon as it is built, so the printer thread
  // prints while this one builds the next group and renders the types and validators below.
  const printing = Promise.all([
    printCodeFiles(renderOperations(model)),
    printCodeFiles(renderErrorGuards(model)),
    printCodeFiles(renderResources(model)),
    printCodeFiles([renderClient(model), ...renderErrors(model), renderIndex(model)]),
  ]);
  const typeFiles = [
    { path: "src/types.ts", text: renderOperationTypes(model) },
    { path: "src/schema.ts", text: renderSchemaTypes(model) },
  ];
  const validators = renderValidators(model);
  const openApiTypes = renderOpenApiTypes(model);
  const runtime = await runtimeFiles(model);
  const printed = [...(await printing).flat(), ...typeFiles, ...validators.files];
  // prettier is loaded only when it formats: a huge package skips it, and its import.
  const format = printed.every((f) => f.text.length <= PRETTIER_MAX_BYTES)
    ? (await import("prettier")).format
    : undefined;
  const sources = await Promise.all(
    printed.map(async (f) => ({
      path: f.path,
      content:
        fileHeader(model) +
        (format ? await format(f.text, { parser: "typescript", printWidth: 110 }) : f.text),
    })),
  );
  const files = [
    ...sources,
    { path: "src/openapi.ts", content: fileHeader(model) + openApiTypes },
    ...runtime,
    { path: "package.json", content: packageJson(model) },
    { path: "tsconfig.json", content: tsconfigJson() },
    { path: "tsconfig.cjs.json", content: tsconfigCjsJson() },
    { path: "README.md", content: readme(model) },
  ];
  return { model, files: withManifest(files), warnings: validators.warnings };
}
