// Writes a rendered package as one swap through the shared atomic-write layer: the new tree is written
// completely beside the old one, then swapped in under a journal, so a failed or killed run leaves the old
// package or the new one, never a mix. The old folder's .git and node_modules/ move into the new one;
// dist/ (the old sources' build output) goes with the old folder. Deciding whether a folder may be
// replaced at all is output-guard.ts's job, done before.
import { join } from "node:path";
import { folderOf, replaceOutputs, writeOutputs, type OutputFolder } from "../lib/atomic-write.ts";
import { readInputFile, specLimit } from "../lib/read-input.ts";
import { KEPT_ENTRIES, listPackageFiles } from "./package-manifest.ts";
import type { RenderedFile } from "./render-package.ts";

const packageOutput = (outDir: string, files: readonly RenderedFile[]): OutputFolder => ({
  folder: outDir,
  fill: folderOf(files),
  keep: KEPT_ENTRIES,
});

/** Replaces the package folder; the caller holds its lock (withOutputLocks). */
export async function replacePackage(outDir: string, files: readonly RenderedFile[]): Promise<void> {
  await replaceOutputs([packageOutput(outDir, files)]);
}

/** Locks the folder and replaces the package (for scratch folders of the corpus and the benchmarks). */
export async function writePackage(outDir: string, files: readonly RenderedFile[]): Promise<void> {
  await writeOutputs([packageOutput(outDir, files)]);
}

/** The files that differ between the rendered package and the folder on disk (stale, missing or extra). */
export async function diffPackage(outDir: string, files: RenderedFile[]): Promise<string[]> {
  const onDisk = new Set(await listPackageFiles(outDir));
  const stale: string[] = [];
  for (const file of files) {
    const current = onDisk.delete(file.path) ? readOwnFile(join(outDir, file.path)) : undefined;
    if (current !== file.content) stale.push(current === undefined ? `${file.path} (missing)` : file.path);
  }
  for (const extra of onDisk) stale.push(`${extra} (not generated)`);
  return stale.sort();
}

/**
 * A package file's text, read like any input: bounded, and only a regular file (a FIFO put in the folder
 * must not hang --check); null when it cannot be read that way, which differs from anything generated.
 */
function readOwnFile(path: string): string | null {
  try {
    return readInputFile(path, path, "file", specLimit()).toString("utf8");
  } catch {
    return null;
  }
}
