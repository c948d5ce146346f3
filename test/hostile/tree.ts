// Test helpers: a folder's whole content as { relative path: text }, to compare a folder with what it held
// before a run (nothing lost) or with what a complete run writes (nothing half-written).
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";

export type Tree = Record<string, string>;

/** Every file under `dir` (hidden ones too) with its content; folders appear through their files. */
export async function readTree(dir: string): Promise<Tree> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const tree: Tree = {};
  for (const e of entries.filter((x) => x.isFile()).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(e.parentPath, e.name);
    tree[relative(dir, path).split("\\").join("/")] = await readFile(path, "utf8");
  }
  return Object.fromEntries(Object.entries(tree).sort(([a], [b]) => (a < b ? -1 : 1)));
}
