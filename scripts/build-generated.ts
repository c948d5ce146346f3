// Builds every generated package (generated/*/) to dist/ with the real TypeScript compiler in strict
// mode, so applications and tests import them by package name. A package whose sources, tsconfig and
// compiler are unchanged since its last build keeps its dist/ (the hash of all three is kept there).
// dist/ is an output like any other (scripts/lib/atomic-write.ts): tsc compiles into a staged folder
// with the hash, which then replaces dist/ in one swap, under the package's lock (so `generate` cannot
// swap the sources away mid-build) and dist/'s. A killed build leaves the previous dist/, or none.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { replaceOutputs, withOutputLocks } from "./lib/atomic-write.ts";

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

// Hidden entries are not packages: a run's staged or retired copies are named `.<name>.specsmith-*`.
const packages = existsSync(generated)
  ? readdirSync(generated, { withFileTypes: true })
      .filter(
        (e) =>
          e.isDirectory() && !e.name.startsWith(".") && existsSync(join(generated, e.name, "tsconfig.json")),
      )
      .map((e) => e.name)
      .sort()
  : [];
for (const name of packages) {
  const dir = join(generated, name);
  const dist = join(dir, "dist");
  await withOutputLocks([dir, dist], async () => {
    const hash = buildHash(dir);
    const stamp = join(dist, STAMP);
    if (existsSync(stamp) && readFileSync(stamp, "utf8") === hash) {
      console.log(`generated/${name} is up to date`);
      return;
    }
    const compile = async (staged: string): Promise<void> => {
      execFileSync(process.execPath, [tsc, "-p", join(dir, "tsconfig.json"), "--outDir", staged], {
        stdio: "inherit",
      });
      writeFileSync(join(staged, STAMP), hash);
    };
    await replaceOutputs([{ folder: dist, fill: compile, keep: [] }]);
    console.log(`built generated/${name}`);
  });
}
