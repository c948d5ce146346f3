// Loading any OpenAPI 3.0/3.1 spec for the generator: read, check the version, bundle relative-file refs,
// validate, upgrade 3.0 to 3.1, and list what the generator will ignore. Each step is its own file.
import { resolve } from "node:path";
import { namingFile } from "../lib/depth.ts";
import type { SizeLimit } from "../lib/read-input.ts";
import { bundle } from "./bundle.ts";
import { readSpecFile } from "./read.ts";
import { upgradeInPlace } from "./upgrade.ts";
import { validateSpec } from "./validate.ts";
import { checkVersion } from "./version.ts";
import { walkDocument } from "./walk.ts";
import { warningsPass } from "./warnings.ts";

export { upgradeTo31 } from "./upgrade.ts";
export { UnsupportedSpecVersionError } from "./version.ts";

export interface LoadedSpec {
  /** The spec as OpenAPI 3.1: internal $refs only (relative-file refs bundled in), 3.0 forms upgraded. */
  document: Record<string, unknown>;
  /** The version the file declared ("3.0.3", "3.1.0"). */
  declaredVersion: string;
  /** sha256 hex of the bytes of the root file (for generated file headers). */
  hash: string;
  /** Every file read (the root first, then files its refs pulled in), with the sha256 of its bytes. */
  sources: { path: string; hash: string }[];
  /** Non-fatal problems: unsupported features that the generator will ignore, each with a JSON pointer. */
  warnings: { pointer: string; message: string }[];
}

export interface LoadOptions {
  /** How the spec is named in errors (default: `path`). */
  displayName?: string;
  /** The size limit for the spec and each file its refs read (default 128 MiB). */
  limit?: SizeLimit;
  /** Folders besides the spec's own folder tree that its refs may read from. */
  allowRefDirs?: readonly string[];
}

/**
 * Loads the spec at `path`. Every problem with the input is a UserError naming the file (`displayName`,
 * default `path`); an unsupported version (Swagger 2.0, OpenAPI 3.2) is an UnsupportedSpecVersionError.
 */
export async function loadSpec(path: string, options: LoadOptions = {}): Promise<LoadedSpec> {
  const display = options.displayName ?? path;
  const file = readSpecFile(path, display, options.limit);
  const { document, declared, dialect } = checkVersion(file.value, display);
  // The walks below stop at a depth limit with an error naming the place; this names the file.
  const { referenced, warnings } = await namingFile(display, () => {
    // Bundle before validating: content pulled in from other files is then validated too.
    const referenced = bundle(document, resolve(path), display, {
      limit: options.limit,
      allowRefDirs: options.allowRefDirs,
    });
    validateSpec(document, dialect, display);
    // The upgrade and the warnings share one walk (a 7 MB spec has ~10^5 schemas); warnings see upgraded
    // schemas, so their pointers are those of the returned document.
    const warnings = warningsPass(document);
    if (dialect === "3.0") upgradeInPlace(document, warnings.visitor);
    else walkDocument(document, warnings.visitor);
    return { referenced, warnings };
  });
  return {
    document,
    declaredVersion: declared,
    hash: file.hash,
    sources: [
      { path: resolve(path), hash: file.hash },
      ...referenced.filter((r) => r.path !== resolve(path)),
    ],
    warnings: warnings.warnings,
  };
}
