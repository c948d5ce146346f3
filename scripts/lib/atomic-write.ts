// Outputs are written atomically: to a temporary file beside the target, then renamed over it, so a
// reader (or a crash) never sees half a file. A batch is prepared in full before the first rename so a
// failure while preparing leaves every previous output as it was.
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, basename } from "node:path";
import { randomBytes } from "node:crypto";

export interface OutputFile {
  path: string;
  content: string;
}

function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
}

/** Writes every file of the batch to a temporary sibling, then renames them all into place. */
export async function writeFilesAtomically(files: OutputFile[]): Promise<void> {
  const staged: { temp: string; path: string }[] = [];
  try {
    for (const file of files) {
      await mkdir(dirname(file.path), { recursive: true });
      const temp = tempPathFor(file.path);
      await writeFile(temp, file.content, "utf8");
      staged.push({ temp, path: file.path });
    }
  } catch (error) {
    await Promise.all(staged.map((s) => rm(s.temp, { force: true })));
    throw error;
  }
  for (const s of staged) await rename(s.temp, s.path);
}

export async function writeFileAtomically(path: string, content: string): Promise<void> {
  await writeFilesAtomically([{ path, content }]);
}
