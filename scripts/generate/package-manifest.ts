// What belongs to a generated package folder. `generate` writes a manifest into every package,
// `.specsmith-manifest.json`: each file it wrote and its sha256 and size, sorted, with no timestamp, so it
// is as deterministic as the package. It is one of the package's files: `--check`, the freshness stamp and
// listPackageFiles see it like the others. A later run replaces the folder only when everything in it is
// accounted for: the files the manifest lists, the manifest itself, what the package's build makes of its
// sources in dist/, and the entries that are always kept (.git, node_modules/).
import { createHash } from "node:crypto";
import { lstat, readFile, readdir } from "node:fs/promises";
import { join } from "node:path";

export const MANIFEST_FILE = ".specsmith-manifest.json";
/** Top-level entries never generated and never removed: each new package gets the old folder's. */
export const KEPT_ENTRIES: readonly string[] = [".git", "node_modules"];
/** The package's build output (`tsc` from src/), dropped when the package is regenerated. */
export const BUILD_DIR = "dist";
/** The CommonJS build's folder in dist/ (the ESM build is dist/ itself). */
export const CJS_BUILD_DIR = "cjs";
/** The build's stamp in dist/: the hash of what it was built from (build-package.ts). */
export const BUILD_STAMP = ".build-hash";
/** What `tsc` makes of `src/X.ts` in dist/, longest first (a `.d.ts.map` also ends in `.ts.map`). */
const BUILD_SUFFIXES = [".d.ts.map", ".js.map", ".d.ts", ".js"];
/** Files the build writes beside the compiled sources: its stamp, the CommonJS build's package.json. */
const BUILD_FILES = new Set([`${BUILD_DIR}/${BUILD_STAMP}`, `${BUILD_DIR}/${CJS_BUILD_DIR}/package.json`]);
/** How many unaccounted files a refusal names; the walk stops there, so a huge folder costs little. */
export const UNKNOWN_SHOWN = 5;
/** A manifest lists a package's files; anything bigger is not one. */
const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;
/** The biggest generated file is a few MB (Stripe's openapi.ts); a listed file is hashed up to this. */
const MAX_HASHED_BYTES = 256 * 1024 * 1024;

interface ManifestEntry {
  sha256: string;
  bytes: number;
}

const sha256 = (data: string | Buffer): string => createHash("sha256").update(data).digest("hex");

/** The package's files plus its manifest, in path order. */
export function withManifest<F extends { path: string; content: string }>(
  files: readonly F[],
): (F | { path: string; content: string })[] {
  const listed = files
    .filter((f) => f.path !== MANIFEST_FILE)
    .sort((a, b) => (a.path < b.path ? -1 : 1))
    .map((f): [string, ManifestEntry] => [
      f.path,
      { sha256: sha256(f.content), bytes: Buffer.byteLength(f.content) },
    ]);
  const manifest = {
    about:
      "Written by specsmith generate: the files it generated here. A later generate replaces this folder " +
      "only when it holds nothing else (.git, node_modules/ and dist/ built from src/ aside).",
    files: Object.fromEntries(listed),
  };
  return [
    ...files.filter((f) => f.path !== MANIFEST_FILE),
    { path: MANIFEST_FILE, content: `${JSON.stringify(manifest, null, 2)}\n` },
  ].sort((a, b) => (a.path < b.path ? -1 : 1));
}

/**
 * The content hashes a rendered package's manifest lists, by path: what was hashed once for the manifest
 * need not be hashed again (the regenerate stamp records the same hashes).
 */
export function listedHashes(files: readonly { path: string; content: string }[]): Map<string, string> {
  const manifest = files.find((f) => f.path === MANIFEST_FILE);
  const hashes = new Map<string, string>();
  if (!manifest) return hashes;
  const listed = (JSON.parse(manifest.content) as { files: Record<string, ManifestEntry> }).files;
  for (const [path, entry] of Object.entries(listed)) hashes.set(path, entry.sha256);
  return hashes;
}

/** The manifest of the package in `dir`, or undefined when it has none (or not one of ours). */
async function readManifest(dir: string): Promise<Map<string, ManifestEntry> | undefined> {
  const path = join(dir, MANIFEST_FILE);
  try {
    const info = await lstat(path);
    if (!info.isFile() || info.size > MAX_MANIFEST_BYTES) return undefined;
    const value = JSON.parse(await readFile(path, "utf8")) as { files?: unknown };
    if (typeof value.files !== "object" || value.files === null) return undefined;
    const entries = new Map<string, ManifestEntry>();
    for (const [file, entry] of Object.entries(value.files as Record<string, unknown>)) {
      const { sha256: hash, bytes } = (entry ?? {}) as Partial<ManifestEntry>;
      if (typeof hash !== "string" || typeof bytes !== "number") return undefined;
      entries.set(file, { sha256: hash, bytes });
    }
    return entries;
  } catch {
    return undefined;
  }
}

/** A top-level entry that is not the package's own content: kept entries and the build's output. */
function isBesidePackage(name: string): boolean {
  return KEPT_ENTRIES.includes(name) || name === BUILD_DIR || name.startsWith(`.${BUILD_DIR}.specsmith-`);
}

/** The package's files, relative with forward slashes: everything but dist/, node_modules/ and .git/. */
export async function listPackageFiles(dir: string, folder = ""): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(join(dir, folder), { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries) {
    const path = folder ? `${folder}/${e.name}` : e.name;
    if (!folder && isBesidePackage(e.name)) continue;
    if (e.isDirectory()) out.push(...(await listPackageFiles(dir, path)));
    else out.push(path);
  }
  return out.sort();
}

export interface FolderAudit {
  /** The first few entries nothing accounts for (a folder ends in "/"). */
  unknown: string[];
  /** Generated files changed since they were written (replacing them loses the change). */
  edited: string[];
}

async function differs(path: string, entry: ManifestEntry): Promise<boolean> {
  const info = await lstat(path);
  // A file too big to hash is taken as edited: that only adds a warning.
  if (!info.isFile() || info.size !== entry.bytes || info.size > MAX_HASHED_BYTES) return true;
  return sha256(await readFile(path)) !== entry.sha256;
}

/**
 * Which entries of an existing folder are not accounted for by its manifest (see the file head). The walk
 * only enters folders the manifest (or, in dist/, its src/) has, so its cost is bounded by the package.
 */
export async function auditPackageFolder(dir: string): Promise<FolderAudit> {
  const found = await readManifest(dir);
  const manifest = found ?? new Map<string, ManifestEntry>();
  const folders = new Set<string>();
  for (const path of manifest.keys()) {
    for (let i = path.indexOf("/"); i >= 0; i = path.indexOf("/", i + 1)) folders.add(path.slice(0, i));
  }
  const unknown: string[] = [];
  const edited: string[] = [];
  const inBuild = (path: string): boolean => path.startsWith(`${BUILD_DIR}/`);
  // dist/cjs/X is built from src/X as dist/X is (the generator writes no src/cjs/).
  const cjsPrefix = `${BUILD_DIR}/${CJS_BUILD_DIR}`;
  const sourceOf = (path: string): string =>
    path === cjsPrefix || path.startsWith(`${cjsPrefix}/`)
      ? `src${path.slice(cjsPrefix.length)}`
      : `src/${path.slice(BUILD_DIR.length + 1)}`;
  const isBuildProduct = (path: string): boolean =>
    BUILD_FILES.has(path) ||
    BUILD_SUFFIXES.some((s) => path.endsWith(s) && manifest.has(`${sourceOf(path).slice(0, -s.length)}.ts`));

  async function walk(folder: string): Promise<void> {
    const entries = (await readdir(join(dir, folder), { withFileTypes: true })).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    );
    for (const e of entries) {
      if (unknown.length >= UNKNOWN_SHOWN) return;
      const path = folder ? `${folder}/${e.name}` : e.name;
      if (!folder && isBesidePackage(e.name) && e.name !== BUILD_DIR) continue;
      if (e.isDirectory()) {
        const known =
          path === BUILD_DIR || path === cjsPrefix || folders.has(inBuild(path) ? sourceOf(path) : path);
        if (known) await walk(path);
        else unknown.push(`${path}/`);
      } else if (path === MANIFEST_FILE && found) {
        continue;
      } else if (e.isFile() && !inBuild(path) && manifest.has(path)) {
        if (await differs(join(dir, path), manifest.get(path) as ManifestEntry)) edited.push(path);
      } else if (!(e.isFile() && inBuild(path) && isBuildProduct(path))) {
        unknown.push(path);
      }
    }
  }
  await walk("");
  return { unknown, edited };
}
