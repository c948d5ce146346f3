// The codegen model of a package to render: the spec's model (model/build-model.ts), with the names the
// runtime exports kept free for it and the settings api.yaml adds. The render and the diff's package
// impact read the runtime's exports here, once.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildModel } from "./build-model.ts";
import type { CodegenModel } from "./codegen-model.ts";
import type { EnvOverrides } from "./security.ts";

export const RUNTIME_DIR = join(import.meta.dirname, "..", "..", "..", "templates", "runtime");

export interface RenderInput {
  document: Record<string, unknown>;
  packageName: string;
  specName: string;
  specHash: string;
  /** The API's idempotency header for every write, from api.yaml (see CodegenModel). */
  idempotencyHeader?: string;
  /** Environment variable names from api.yaml `env:` or `--env-prefix`. */
  env?: EnvOverrides;
}

/** The names templates/runtime/index.ts exports; the package re-exports them beside the spec's names. */
export function runtimeExports(): string[] {
  const text = readFileSync(join(RUNTIME_DIR, "index.ts"), "utf8");
  const names = [...text.matchAll(/export\s*\{([^}]*)\}/g)].flatMap((m) =>
    (m[1] ?? "")
      .split(",")
      .map((n) => n.replace(/^\s*type\s+/, "").trim())
      .filter((n) => /^[A-Za-z_$][\w$]*$/.test(n)),
  );
  return names.sort();
}

export function packageModel(input: RenderInput): CodegenModel {
  const { idempotencyHeader, ...spec } = input;
  const model = buildModel({ ...spec, reservedExports: runtimeExports() });
  // Set here, beside the spec's model: it comes from api.yaml, not from the spec.
  if (idempotencyHeader !== undefined) model.idempotencyHeader = idempotencyHeader;
  return model;
}
