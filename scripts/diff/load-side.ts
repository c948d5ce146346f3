// One side of a diff: a spec file, or a file at a git revision ("origin/main:specs/verifa/openapi.yaml").
// A revision's file is written to a temporary folder together with every file its relative $refs reach
// (each read with git at the same revision), then loaded like any spec: bundled, validated, upgraded to
// 3.1, with errors naming "REV:path". An argument that exists as a file is always the file. Paths never
// leave the repository, and the loader keeps refs inside the spec's folder (or an allowed one) as it does
// for files; every blob is read within the spec size limit.
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, posix, relative, resolve } from "node:path";
import type { LoadOptions } from "../spec/index.ts";
import { isObject, type Obj } from "../spec/pointer.ts";
import { isWithin, realPathOf } from "../lib/confine.ts";
import { UserError } from "../lib/errors.ts";
import { parseData } from "../lib/parse-data.ts";
import { makeFolders } from "../lib/folders.ts";
import { checkRevision, fileAt, prefix, topLevel } from "./git.ts";

export interface LoadedSide {
  /** How the side is named in reports and errors: the argument as given. */
  display: string;
  /** The spec as OpenAPI 3.1 (see loadSpec). */
  document: Obj;
}

/** "REV:path", split; undefined for anything else. A revision name cannot contain ":". */
export function revisionArgument(arg: string): { revision: string; path: string } | undefined {
  const match = /^([^:]+):(.+)$/.exec(arg);
  if (!match) return undefined;
  return { revision: match[1] as string, path: match[2] as string };
}

/** How sides are read: the size limit of each file and the folders refs may read besides the spec's. */
export type SideOptions = Pick<LoadOptions, "limit" | "allowRefDirs">;

export async function loadSide(arg: string, cwd: string, options: SideOptions = {}): Promise<LoadedSide> {
  const { loadSpec } = await import("../spec/index.ts");
  const file = resolve(cwd, arg);
  const split = existsSync(file) ? undefined : revisionArgument(arg);
  if (!split)
    return { display: arg, document: (await loadSpec(file, { ...options, displayName: arg })).document };
  const dir = await mkdtemp(join(tmpdir(), "specsmith-diff-"));
  try {
    const root = await materialize(split.revision, split.path, cwd, dir, arg, options);
    const top = realPathOf(await topLevel(cwd, arg));
    // An allowed folder in the working tree is allowed at the revision too: the same folder in the copy.
    const allowRefDirs = (options.allowRefDirs ?? [])
      .map((d) => realPathOf(d))
      .filter((d) => isWithin(d, top))
      .map((d) => join(dir, relative(top, d)));
    const loaded = await loadSpec(root, { ...options, allowRefDirs, displayName: arg });
    return { display: arg, document: loaded.document };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Whether `path` (relative to cwd, or "./"-relative as git reads it) exists at `revision`. */
export async function existsAt(
  revision: string,
  path: string,
  cwd: string,
  options: SideOptions = {},
): Promise<boolean> {
  return (await fileAt(revision, await repoPath(path, cwd), cwd, options.limit)) !== undefined;
}

/** A path as `git show REV:path` reads it: from the top folder, unless it starts with ./ or ../. */
async function repoPath(path: string, cwd: string): Promise<string> {
  const relativeToCwd = path.startsWith("./") || path.startsWith("../");
  return posix.normalize(relativeToCwd ? posix.join(await prefix(cwd), path) : path);
}

/** Writes the spec and the files its relative refs reach, as they were at `revision`; returns the root. */
async function materialize(
  revision: string,
  path: string,
  cwd: string,
  dir: string,
  display: string,
  options: SideOptions,
): Promise<string> {
  await topLevel(cwd, display);
  await checkRevision(revision, cwd, display);
  const root = await repoPath(path, cwd);
  if (root.startsWith("../")) throw new UserError("the path leaves the repository", display);
  const queue = [root];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const file = queue.shift() as string;
    const bytes = await fileAt(revision, file, cwd, options.limit);
    if (!bytes) {
      if (file === root) throw new UserError(`${root} does not exist at ${revision}`, display);
      // The loader reports the ref that points at the missing file, naming it.
      continue;
    }
    const target = join(dir, file);
    await makeFolders(dirname(target));
    await writeFile(target, bytes);
    let parsed: unknown;
    try {
      parsed = parseData(bytes.toString("utf8"), `${revision}:${file}`);
    } catch (error) {
      if (file === root) throw error;
      continue; // the loader reports it when it reads the file
    }
    for (const ref of fileRefs(parsed)) {
      const next = posix.normalize(posix.join(posix.dirname(file), ref));
      if (next.startsWith("../") || seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return join(dir, root);
}

/** The relative files named by $refs anywhere in a parsed file ("./pet.yaml#/Pet" -> "pet.yaml"). */
function fileRefs(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) for (const v of value) fileRefs(v, out);
  else if (isObject(value)) {
    for (const [key, v] of Object.entries(value)) {
      if (key === "$ref" && typeof v === "string") {
        const location = v.split("#")[0] as string;
        if (location !== "" && !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(location)) out.add(safeDecode(location));
      } else fileRefs(v, out);
    }
  }
  return out;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
