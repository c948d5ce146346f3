// Renders a whole generated package in memory: the model is built once, the templates fill one in-memory
// ts-morph project, prettier formats each file of ordinary size, and the runtime is copied verbatim.
// Nothing touches the disk here; write-package.ts writes the result in one atomic swap.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { format } from "prettier";
import { IndentationText, Project, QuoteKind } from "ts-morph";
import { renderClient, renderIndex, renderResources } from "../../templates/client.ts";
import { fileHeader } from "../../templates/file-header.ts";
import { renderOperations, renderOperationTypes } from "../../templates/operations.ts";
import { packageJson, readme, tsconfigJson } from "../../templates/package-files.ts";
import { renderOpenApiTypes, renderSchemaAliases } from "../../templates/schema-types.ts";
import { buildModel } from "./model/build-model.ts";
import type { CodegenModel } from "./model/codegen-model.ts";

export interface RenderedFile {
  /** Path relative to the package folder, with forward slashes. */
  path: string;
  content: string;
}

export interface RenderInput {
  document: Record<string, unknown>;
  packageName: string;
  specName: string;
  specHash: string;
}

/**
 * Files larger than this are written as ts-morph prints them (already indented, just not line-wrapped).
 * On Stripe's full spec prettier took 4.5 s for files of 80 KB to 1 MB that nobody reads top to bottom,
 * which alone broke the speed budget; every file of an ordinary API is far below the limit.
 */
const PRETTIER_MAX_BYTES = 64 * 1024;

async function formatted(text: string): Promise<string> {
  return text.length > PRETTIER_MAX_BYTES ? text : format(text, { parser: "typescript", printWidth: 110 });
}

const RUNTIME_DIR = join(import.meta.dirname, "..", "..", "templates", "runtime");

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

/** The names templates/runtime/index.ts exports; the package re-exports them beside the spec's names. */
async function runtimeExports(): Promise<string[]> {
  const text = await readFile(join(RUNTIME_DIR, "index.ts"), "utf8");
  const names = [...text.matchAll(/export\s*\{([^}]*)\}/g)].flatMap((m) =>
    (m[1] ?? "")
      .split(",")
      .map((n) => n.replace(/^\s*type\s+/, "").trim())
      .filter((n) => /^[A-Za-z_$][\w$]*$/.test(n)),
  );
  return names.sort();
}

export async function renderPackage(
  input: RenderInput,
): Promise<{ model: CodegenModel; files: RenderedFile[] }> {
  const model = buildModel({ ...input, reservedExports: await runtimeExports() });
  const project = new Project({
    useInMemoryFileSystem: true,
    skipAddingFilesFromTsConfig: true,
    // The style prettier gives the smaller files, so unformatted large files look the same bar line width.
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Double },
  });
  const openapiTypes = renderOpenApiTypes(input.document);
  renderSchemaAliases(model, project);
  renderOperationTypes(model, project);
  renderOperations(model, project);
  renderResources(model, project);
  renderClient(model, project);
  renderIndex(model, project);
  const sources = await Promise.all(
    project.getSourceFiles().map(async (file) => ({
      path: file.getFilePath().replace(/^\//, ""),
      content: fileHeader(model) + (await formatted(file.getFullText())),
    })),
  );
  const files = [
    ...sources,
    { path: "src/openapi.ts", content: fileHeader(model) + (await openapiTypes) },
    ...(await runtimeFiles(model)),
    { path: "package.json", content: packageJson(model) },
    { path: "tsconfig.json", content: tsconfigJson() },
    { path: "README.md", content: readme(model) },
  ];
  return { model, files: files.sort((a, b) => (a.path < b.path ? -1 : 1)) };
}
