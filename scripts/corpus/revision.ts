// Which generator the corpus measured: the commit, plus a hash of the generator's files as they are on disk
// (others may edit them while the corpus runs: equal hashes at start and end mean one version was measured).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

const GENERATOR_PATHS = ["scripts/generate", "templates", "scripts/lib"];

function commitOf(repoRoot: string): string {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], {
      cwd: repoRoot,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    return "no git";
  }
}

function treeHash(repoRoot: string): string {
  const hash = createHash("sha256");
  for (const dir of GENERATOR_PATHS) {
    const files = readdirSync(join(repoRoot, dir), { recursive: true, encoding: "utf8" }).sort();
    for (const file of files) {
      const path = join(repoRoot, dir, file);
      if (!statSync(path).isFile()) continue;
      hash.update(`${dir}/${file}\0`).update(readFileSync(path)).update("\0");
    }
  }
  return hash.digest("hex").slice(0, 12);
}

/** `df83f32, files 3fa2c81b09de`: the commit and the hash of scripts/generate, templates and scripts/lib. */
export function generatorRevision(repoRoot: string): string {
  return `${commitOf(repoRoot)}, files ${treeHash(repoRoot)}`;
}
