// Creating a folder and its missing parents. Node 20's `mkdir(path, { recursive: true })` never returns
// when a parent reports ENOENT although it exists (any path under /proc: it retries forever at full CPU),
// so the parents are found by walking up, bounded by the path's depth, and made one level at a time.
import { mkdir, stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";

const codeOf = (error: unknown): unknown => (error as NodeJS.ErrnoException).code;

/** `mkdir -p`: makes `path` and every missing parent; an existing folder is fine. */
export async function makeFolders(path: string): Promise<void> {
  const missing: string[] = [];
  for (let at = resolve(path); ; at = dirname(at)) {
    try {
      if ((await stat(at)).isDirectory()) break;
      // A file where a folder must go: mkdir reports it below, naming the path (EEXIST or ENOTDIR).
      missing.push(at);
      break;
    } catch (error) {
      if (codeOf(error) !== "ENOENT") throw error;
      missing.push(at);
      if (dirname(at) === at) break;
    }
  }
  for (const folder of missing.reverse()) {
    try {
      await mkdir(folder);
    } catch (error) {
      // Made meanwhile by another process: fine, if it is a folder.
      if (codeOf(error) !== "EEXIST" || !(await stat(folder)).isDirectory()) throw error;
    }
  }
}
