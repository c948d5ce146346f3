// Loads the CLI from one esbuild bundle of its TypeScript sources, built on first use and rebuilt whenever
// a source changes. Why: on Node 20, tsx's loader hooks run on their own thread and every module makes a
// round trip to it, so loading the ~300 modules of scripts/ that way cost about a second of every run
// (more than a whole `generate` with nothing to regenerate). The bundle loads in a tenth of that.
// Correctness never depends on the bundle: it is used only while every file it was built from still has
// the content it was built from, and whenever it cannot be built or loaded, tsx runs the sources directly.
// Plain JavaScript, as this runs before anything can compile TypeScript.
import { createHash } from "node:crypto";
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = join(import.meta.dirname, "..");
const ENTRY = join(ROOT, "scripts", "cli.ts");
// Inside the project's node_modules, so the bundle's imports of packages resolve as the sources' do.
const CACHE = join(ROOT, "node_modules", ".cache", "specsmith", "cli");
/** Which bundle is current, and the source files it was built from. */
const CURRENT = join(CACHE, "current.json");
/** Files that change the bundle without being its inputs: this builder and the compiler settings. */
const BUILD_FILES = [fileURLToPath(import.meta.url), join(ROOT, "tsconfig.json"), join(ROOT, "package.json")];
/** A bundle another process may still be running from (it loads chunks lazily) is kept at least this long. */
const KEEP_OLD_BUNDLE_MS = 60 * 60 * 1000;
/** SPECSMITH_NO_BUNDLE=1 runs the TypeScript sources through tsx, as the tests do. */
const NO_BUNDLE = process.env.SPECSMITH_NO_BUNDLE === "1";

/** A hash of the content of every file the bundle is built from; paths relative to the project. */
function fingerprint(inputs) {
  const hash = createHash("sha256");
  for (const file of [...BUILD_FILES, ...inputs.map((path) => join(ROOT, path))]) {
    hash.update(relative(ROOT, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex").slice(0, 20);
}

/** The folder of the current bundle when every one of its sources is unchanged, else undefined. */
function currentBundle() {
  try {
    const current = JSON.parse(readFileSync(CURRENT, "utf8"));
    if (typeof current.hash !== "string" || !Array.isArray(current.inputs)) return undefined;
    // A deleted or unreadable source throws: the bundle is stale.
    if (fingerprint(current.inputs) !== current.hash) return undefined;
    const dir = join(CACHE, current.hash);
    statSync(join(dir, "cli.js"));
    return dir;
  } catch {
    return undefined;
  }
}

/**
 * Our sources ask `import.meta` where they are (to find templates/runtime, the package root). In a bundle
 * that would be the bundle's folder, so each source's own location is written in at build time.
 */
const sourceLocation = {
  name: "source-location",
  setup(build) {
    // Our own modules only (TypeScript, and the generated JavaScript in scripts/spec); packages stay
    // external and are never loaded here.
    build.onLoad({ filter: /\.(ts|js)$/ }, (args) => {
      if (args.path.split(sep).includes("node_modules")) return undefined;
      const text = readFileSync(args.path, "utf8");
      const values = {
        dirname: JSON.stringify(dirname(args.path)),
        filename: JSON.stringify(args.path),
        url: JSON.stringify(pathToFileURL(args.path).href),
      };
      return {
        contents: text.replace(/\bimport\.meta\.(dirname|filename|url)\b/g, (_, key) => values[key]),
        loader: args.path.endsWith(".ts") ? "ts" : "js",
      };
    });
  },
};

/** Builds a bundle beside the others and makes it current; returns its folder. */
async function buildBundle() {
  const { build } = await import("esbuild");
  mkdirSync(CACHE, { recursive: true });
  const staging = mkdtempSync(join(CACHE, "build-"));
  try {
    const result = await build({
      absWorkingDir: ROOT,
      entryPoints: [ENTRY],
      outdir: staging,
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "node",
      target: "node20",
      packages: "external",
      sourcemap: "linked",
      metafile: true,
      logLevel: "silent",
      plugins: [sourceLocation],
    });
    const inputs = Object.keys(result.metafile.inputs)
      .map((path) => relative(ROOT, resolve(ROOT, path)))
      .sort();
    const hash = fingerprint(inputs);
    const dir = join(CACHE, hash);
    try {
      renameSync(staging, dir);
    } catch {
      // Another run built the same sources first: its bundle is the same.
      rmSync(staging, { recursive: true, force: true });
      statSync(join(dir, "cli.js"));
    }
    const next = join(CACHE, `current-${process.pid}.json`);
    writeFileSync(next, JSON.stringify({ hash, inputs }));
    renameSync(next, CURRENT);
    removeOldBundles(hash);
    return dir;
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/** Bundles of older sources, once no run can still be loading from them. */
function removeOldBundles(keep) {
  const now = Date.now();
  for (const entry of readdirSync(CACHE, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === keep) continue;
    const path = join(CACHE, entry.name);
    try {
      if (now - statSync(path).mtimeMs > KEEP_OLD_BUNDLE_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // Removed by another run meanwhile.
    }
  }
}

async function fromSources() {
  const { register } = await import("tsx/esm/api");
  register();
  return import("../scripts/cli.ts");
}

/** The CLI module: `main(argv)` returns the exit code. */
export async function loadCli() {
  if (NO_BUNDLE) return fromSources();
  let dir;
  try {
    dir = currentBundle() ?? (await buildBundle());
  } catch {
    // No esbuild, a cache that cannot be written, or a source that does not compile: tsx runs the
    // sources, and reports a compile error as the sources' own.
    return fromSources();
  }
  // Stack traces of internal errors name the TypeScript sources, not the bundle.
  process.setSourceMapsEnabled(true);
  return import(pathToFileURL(join(dir, "cli.js")).href);
}
