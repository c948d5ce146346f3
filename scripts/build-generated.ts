// Builds every generated package (generated/*/) to dist/ with the real TypeScript compiler in strict
// mode, so applications and tests import them by package name. A package whose sources, tsconfig and
// compiler are unchanged since its last build keeps its dist/ (the hash of all three is kept there).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

const root = join(import.meta.dirname, "..");
const generated = join(root, "generated");
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
const STAMP = ".build-hash";

function buildHash(dir: string): string {
  const hash = createHash("sha256");
  hash.update(readFileSync(join(root, "node_modules", "typescript", "package.json")));
  const files = readdirSync(join(dir, "src"), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  for (const file of [join(dir, "tsconfig.json"), ...files]) {
    hash.update(relative(dir, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

const packages = existsSync(generated)
  ? readdirSync(generated, { withFileTypes: true })
      .filter((e) => e.isDirectory() && existsSync(join(generated, e.name, "tsconfig.json")))
      .map((e) => e.name)
      .sort()
  : [];
for (const name of packages) {
  const dir = join(generated, name);
  const stamp = join(dir, "dist", STAMP);
  const hash = buildHash(dir);
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === hash) {
    console.log(`generated/${name} is up to date`);
    continue;
  }
  execFileSync(process.execPath, [tsc, "-p", join(dir, "tsconfig.json")], { stdio: "inherit" });
  writeFileSync(stamp, hash);
  console.log(`built generated/${name}`);
}
