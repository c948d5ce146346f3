// Builds every generated package (generated/*/) to dist/ with the real TypeScript compiler in strict
// mode, so tests import them by package name exactly as an application would.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const generated = join(root, "generated");
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
const packages = existsSync(generated)
  ? readdirSync(generated, { withFileTypes: true })
      .filter((e) => e.isDirectory() && existsSync(join(generated, e.name, "tsconfig.json")))
      .map((e) => e.name)
      .sort()
  : [];
for (const name of packages) {
  execFileSync(process.execPath, [tsc, "-p", join(generated, name, "tsconfig.json")], { stdio: "inherit" });
  console.log(`built generated/${name}`);
}
