// Keeping file names that come from user data ($refs in a spec, pages and overlay in api.yaml) inside the
// folders they belong to. Judged on real paths: a symbolic link inside the folder that points outside it
// leads outside, and `..`, absolute paths and file: URLs are simply paths that resolve outside.
import { realpathSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";

/** Whether `path` is `folder` itself or lies under it (both absolute). */
export function isWithin(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * The real path of `path` (absolute): symbolic links resolved. For a path that does not exist (yet), the
 * real path of its nearest existing ancestor with the rest appended.
 */
export function realPathOf(path: string): string {
  const rest: string[] = [];
  let current = resolve(path);
  for (;;) {
    try {
      return join(realpathSync(current), ...rest.reverse());
    } catch {
      const parent = dirname(current);
      if (parent === current) return resolve(path);
      rest.push(basename(current));
      current = parent;
    }
  }
}

/** Where a path lies relative to a set of folders. */
export type Placement = "inside" | "outside" | "linked-outside";

/** A set of folders that file names from user data must stay in. */
export class Fence {
  private readonly real: string[];

  constructor(readonly folders: readonly string[]) {
    this.real = folders.map((f) => realPathOf(f));
  }

  /**
   * "inside" when `path` (absolute) really lies in one of the folders; "linked-outside" when it looks
   * inside but a symbolic link on the way leads out; "outside" otherwise.
   */
  place(path: string): Placement {
    const real = realPathOf(path);
    if (this.real.some((f) => isWithin(real, f))) return "inside";
    const looksInside = this.folders.some((f) => isWithin(resolve(path), resolve(f)));
    return looksInside ? "linked-outside" : "outside";
  }
}
