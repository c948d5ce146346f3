// Whether `generate` may replace its output folder. It may when the folder is absent or empty, or when
// everything in it is accounted for by its manifest (package-manifest.ts): it is a package specsmith wrote.
// A folder with anything else (a user's notes, another project) is refused with exit 2 naming a few of
// the unknown files, unless --force says to replace them. Never replaced, --force or not: a folder that
// holds an input (the spec, a file its $refs read) or the working folder, and a file or link given as
// the folder. .git and node_modules/ are never removed: they move into the new package.
import { lstat } from "node:fs/promises";
import { relative } from "node:path";
import { UserError } from "../lib/errors.ts";
import { refuseFolderOverInputs } from "../lib/output-paths.ts";
import { auditPackageFolder, UNKNOWN_SHOWN } from "./package-manifest.ts";

export interface GuardRequest {
  outDir: string;
  /** Every file the render read: the spec and the files its $refs pulled in. */
  inputs: readonly string[];
  cwd: string;
  force: boolean;
}

/** Throws a UserError when the folder must not be replaced; returns the generated files edited by hand. */
export async function guardPackageFolder(request: GuardRequest): Promise<string[]> {
  const { outDir, inputs, cwd, force } = request;
  const shown = relative(cwd, outDir) || ".";
  await refuseFolderOverInputs(outDir, inputs, cwd);
  let info;
  try {
    info = await lstat(outDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  if (info.isSymbolicLink())
    throw new UserError("is a symbolic link; give the folder it points to as --out", shown);
  if (!info.isDirectory())
    throw new UserError(
      "is not a folder; generate writes a package folder there: choose another --out",
      shown,
    );
  const { unknown, edited } = await auditPackageFolder(outDir);
  if (unknown.length > 0 && !force) {
    throw new UserError(
      `not replaced: it holds files specsmith generate did not write (${unknown.join(", ")}${unknown.length >= UNKNOWN_SHOWN ? ", ..." : ""}). ` +
        "Give a new or empty folder, or add --force to replace them (.git and node_modules/ are kept)",
      shown,
    );
  }
  return edited;
}
