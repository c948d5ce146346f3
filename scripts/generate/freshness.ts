// Regenerating when nothing changed should cost a hash, not a render. After each write we keep a stamp:
// the generator's own fingerprint, the hash of every input file and of every output file. When all three
// still match, the package on disk is exactly what a render would produce, so the render is skipped. The
// stamps live in node_modules/.cache (never committed, never in the package); a missing or corrupt stamp
// only means a full render. The package's manifest is one of its output files like any other.
// An output file whose size, modification time and inode are still those recorded right after the write
// is taken as unchanged without reading it (as make and git do); any difference, a touch included, means
// its content is hashed and compared. Reading Stripe's 999 files took most of a no-change run.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { writeOutputs } from "../lib/atomic-write.ts";
import { readInputFile, specLimit } from "../lib/read-input.ts";
import { listedHashes, listPackageFiles } from "./package-manifest.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const STAMP_DIR = join(ROOT, "node_modules", ".cache", "specsmith", "generate");
/**
 * Everything whose change can change the output: the templates, the generator, the spec layer that loads,
 * bundles and upgrades the document it renders, their shared helpers. A test holds this list to the files
 * a render imports.
 */
export const GENERATOR_DIRS = [
  "templates",
  join("scripts", "generate"),
  join("scripts", "spec"),
  join("scripts", "lib"),
];

export interface Stamp {
  generator: string;
  /** What the render was asked for, beyond the inputs: package name and spec name. */
  request: string;
  inputs: { path: string; hash: string }[];
  outputs: Record<string, OutputStamp>;
}

/** An output file as written: its content's hash, and what stat said of it right after the write. */
interface OutputStamp {
  hash: string;
  size: number;
  mtimeMs: number;
  ino: number;
}

const sha256 = (data: string | Buffer): string => createHash("sha256").update(data).digest("hex");

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

let generatorHash: string | undefined;

/** A hash of the generator's source and of the exact versions of the packages it renders with. */
export function generatorFingerprint(): string {
  if (generatorHash) return generatorHash;
  const hash = createHash("sha256");
  for (const dir of GENERATOR_DIRS) {
    for (const file of filesUnder(join(ROOT, dir))) {
      hash.update(relative(ROOT, file)).update("\0").update(readFileSync(file)).update("\0");
    }
  }
  hash.update(readFileSync(join(ROOT, "package-lock.json")));
  generatorHash = hash.digest("hex");
  return generatorHash;
}

function stampPath(outDir: string): string {
  return join(STAMP_DIR, `${sha256(outDir)}.json`);
}

async function hashOrUndefined(path: string): Promise<string | undefined> {
  try {
    // The bounded reader: a spec replaced by a FIFO or a huge file must not hang or fill memory here.
    return sha256(readInputFile(path, path, "file", specLimit()));
  } catch {
    return undefined;
  }
}

/**
 * Whether `outDir` holds exactly what the last render of the same inputs wrote. `rootSpec` is the spec
 * file; the files its refs pulled in are taken from the stamp and re-hashed too.
 */
export async function isFresh(outDir: string, rootSpec: string, request: string): Promise<boolean> {
  let stamp: Stamp;
  try {
    stamp = JSON.parse(await readFile(stampPath(outDir), "utf8")) as Stamp;
  } catch {
    return false;
  }
  if (stamp.generator !== generatorFingerprint() || stamp.request !== request) return false;
  if (stamp.inputs[0]?.path !== rootSpec) return false;
  for (const input of stamp.inputs) if ((await hashOrUndefined(input.path)) !== input.hash) return false;
  // The same listing --check and the writer use; a missing folder lists nothing.
  const onDisk = await listPackageFiles(outDir);
  const expected = Object.keys(stamp.outputs);
  if (onDisk.length !== expected.length) return false;
  for (const path of expected) {
    const recorded = stamp.outputs[path];
    if (!recorded) return false;
    const file = join(outDir, path);
    if (sameStat(file, recorded)) continue;
    if ((await hashOrUndefined(file)) !== recorded.hash) return false;
  }
  return true;
}

function sameStat(file: string, recorded: OutputStamp): boolean {
  const info = statSync(file, { throwIfNoEntry: false });
  return (
    info !== undefined &&
    info.isFile() &&
    info.size === recorded.size &&
    info.mtimeMs === recorded.mtimeMs &&
    info.ino === recorded.ino
  );
}

/** Records what was just written to `outDir`. */
export async function recordStamp(
  outDir: string,
  request: string,
  inputs: { path: string; hash: string }[],
  files: { path: string; content: string }[],
): Promise<void> {
  const hashes = listedHashes(files);
  const stamp: Stamp = {
    generator: generatorFingerprint(),
    request,
    inputs,
    outputs: Object.fromEntries(
      files.map((f) => {
        // A file missing right after the write (removed meanwhile) gets a stat no file matches.
        const info = statSync(join(outDir, f.path), { throwIfNoEntry: false });
        const output: OutputStamp = {
          hash: hashes.get(f.path) ?? sha256(f.content),
          size: info?.size ?? -1,
          mtimeMs: info?.mtimeMs ?? -1,
          ino: info?.ino ?? -1,
        };
        return [f.path, output];
      }),
    ),
  };
  await writeOutputs([{ path: stampPath(outDir), content: JSON.stringify(stamp) }]);
}
