// Writes a rendered package as one atomic swap: the new tree is written beside the old one, then the old
// folder is renamed away and the new one into place. A failure before the swap leaves the old package
// exactly as it was; nothing is ever half-written. `dist/` (build output) is not ours and is dropped.
import { mkdir, readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { randomBytes } from "node:crypto";
import type { RenderedFile } from "./render-package.ts";

export async function writePackage(outDir: string, files: RenderedFile[]): Promise<void> {
  const suffix = `${process.pid}-${randomBytes(4).toString("hex")}`;
  const staging = `${outDir}.new-${suffix}`;
  const retired = `${outDir}.old-${suffix}`;
  try {
    for (const file of files) {
      const target = join(staging, file.path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, file.content, "utf8");
    }
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  await mkdir(dirname(outDir), { recursive: true });
  let hadOld = true;
  try {
    await rename(outDir, retired);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    hadOld = false;
  }
  await rename(staging, outDir);
  if (hadOld) await rm(retired, { recursive: true, force: true });
}

/** The package's files, relative with forward slashes: everything but dist/ and node_modules/. */
export async function listPackageFiles(dir: string, base = dir): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries) {
    const full = join(dir, e.name);
    if (e.isDirectory()) {
      if (full === join(base, "dist") || e.name === "node_modules") continue;
      out.push(...(await listPackageFiles(full, base)));
    } else out.push(relative(base, full).split("\\").join("/"));
  }
  return out;
}

/** The files that differ between the rendered package and the folder on disk (stale, missing or extra). */
export async function diffPackage(outDir: string, files: RenderedFile[]): Promise<string[]> {
  const onDisk = new Set(await listPackageFiles(outDir));
  const stale: string[] = [];
  for (const file of files) {
    onDisk.delete(file.path);
    const current = await readFile(join(outDir, file.path), "utf8").catch(() => undefined);
    if (current !== file.content) stale.push(current === undefined ? `${file.path} (missing)` : file.path);
  }
  for (const extra of onDisk) stale.push(`${extra} (not generated)`);
  return stale.sort();
}
