// Refusals that keep a run from writing over what it reads: an output that is one of the run's inputs (or
// another of its outputs), an output folder that holds an input, or one that is (or holds) the folder the
// user works in. Paths are compared as the system resolves them (confine.ts): a write renames over the
// last name of the output path (a symbolic link there is replaced, not followed), while an input is read
// through its links, so both its path and its real path count.
import { realpath } from "node:fs/promises";
import { basename, dirname, join, relative, resolve } from "node:path";
import { isWithin, realPathOf } from "./confine.ts";
import { UserError } from "./errors.ts";

/** The path a rename onto `path` replaces: its folder resolved through links, its last name kept. */
function replacedPath(path: string): string {
  const absolute = resolve(path);
  return join(realPathOf(dirname(absolute)), basename(absolute));
}

/** Every path under which `input` is read. */
async function inputPaths(input: string): Promise<string[]> {
  const paths = [resolve(input), replacedPath(input)];
  try {
    paths.push(await realpath(input));
  } catch {
    // A missing input fails where it is read, with its own message.
  }
  return paths;
}

/** Refuses (exit 2) when an output path is also an input of the run, or two outputs are one file. */
export async function refuseOutputsOverInputs(
  outputs: readonly { path: string; flag: string }[],
  inputs: readonly string[],
  cwd: string,
): Promise<void> {
  const read = await Promise.all(inputs.map(async (input) => ({ input, paths: await inputPaths(input) })));
  const earlier: { flag: string; written: string }[] = [];
  for (const output of outputs) {
    const written = replacedPath(output.path);
    const same = earlier.find((e) => e.written === written);
    if (same) {
      throw new UserError(
        `${output.flag} is the same file as ${same.flag}: one would replace the other; give two paths`,
        relative(cwd, output.path) || output.path,
      );
    }
    earlier.push({ flag: output.flag, written });
    const hit = read.find((r) => r.paths.includes(written));
    if (hit) {
      throw new UserError(
        `${output.flag} is also an input of this run (${relative(cwd, hit.input) || hit.input}): writing it would replace what is being read; choose another path`,
        relative(cwd, output.path) || output.path,
      );
    }
  }
}

/**
 * Refuses (exit 2) an output folder that holds one of the inputs, or the working folder (`--out .` on a
 * project): the folder is replaced as a whole, and neither may ever go with it, --force or not.
 */
export async function refuseFolderOverInputs(
  folder: string,
  inputs: readonly string[],
  cwd: string,
): Promise<void> {
  const shown = relative(cwd, folder) || ".";
  const replaced = [resolve(folder), replacedPath(folder)];
  for (const input of inputs) {
    const paths = await inputPaths(input);
    if (replaced.some((f) => paths.some((p) => isWithin(p, f)))) {
      throw new UserError(
        `the output folder holds an input of this run (${relative(cwd, input) || input}); it would be replaced with the folder: write the package to a folder of its own`,
        shown,
      );
    }
  }
  const working = await inputPaths(cwd);
  if (replaced.some((f) => working.some((p) => isWithin(p, f)))) {
    throw new UserError(
      "the output folder is the working folder or holds it; the whole folder would be replaced: write the package to a folder of its own (for example --out ./client)",
      shown,
    );
  }
}
