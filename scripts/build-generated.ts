// Builds every generated package (generated/*/) to dist/ (ESM and CommonJS, see
// scripts/generate/build-package.ts), so applications and tests import them by package name. A package
// whose sources, tsconfigs and compiler are unchanged since its last build keeps its dist/. Each build
// holds the package's lock too, so `generate` cannot swap the sources away mid-build.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { withOutputLocks } from "./lib/atomic-write.ts";
import { buildPackage } from "./generate/build-package.ts";

const generated = join(import.meta.dirname, "..", "generated");

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
  const built = await withOutputLocks([dir], () => buildPackage(dir));
  console.log(built ? `built generated/${name}` : `generated/${name} is up to date`);
}
