// bin/compiled-cli.js runs the CLI from an esbuild bundle of its sources. The bundle must never be stale:
// these tests run the real loader (copied into a throwaway project with a two-file CLI) as a process and
// check that an edited source is what runs next, that a source's import.meta still names its own folder,
// and that a source which does not compile is reported by tsx rather than hidden by an old bundle.
import { execFile } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";

const REPO = join(import.meta.dirname, "..", "..");
const run = promisify(execFile);

let project: string;

afterEach(() => rmSync(project, { recursive: true, force: true }));

/** A project with the real bin/ and a CLI whose main prints a value from a second module. */
function makeProject(): void {
  project = mkdtempSync(join(tmpdir(), "specsmith-bin-"));
  mkdirSync(join(project, "bin"));
  for (const file of ["specsmith.js", "compiled-cli.js"]) {
    copyFileSync(join(REPO, "bin", file), join(project, "bin", file));
  }
  // Only the two packages the loader imports; their own dependencies resolve from the repository.
  mkdirSync(join(project, "node_modules"));
  for (const pkg of ["esbuild", "tsx"]) {
    symlinkSync(join(REPO, "node_modules", pkg), join(project, "node_modules", pkg), "dir");
  }
  writeFileSync(join(project, "package.json"), JSON.stringify({ type: "module" }));
  writeFileSync(join(project, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true } }));
  mkdirSync(join(project, "scripts"));
  writeFileSync(
    join(project, "scripts", "cli.ts"),
    [
      `import { value } from "./value.ts";`,
      `export async function main(argv: string[]): Promise<number> {`,
      `  console.log(JSON.stringify({ value, argv, dir: import.meta.dirname }));`,
      `  return 3;`,
      `}`,
    ].join("\n"),
  );
  setValue("first");
}

function setValue(value: string): void {
  writeFileSync(
    join(project, "scripts", "value.ts"),
    `export const value: string = ${JSON.stringify(value)};\n`,
  );
}

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(args: string[], env: Record<string, string> = {}): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(project, "bin", "specsmith.js"), ...args], {
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const cacheDir = (): string => join(project, "node_modules", ".cache", "specsmith", "cli");
const bundles = (): string[] =>
  readdirSync(cacheDir()).filter((name) => !name.endsWith(".json") && !name.startsWith("build-"));

/** The current bundle's entry, edited so a run from it is recognisable. */
function markBundle(): void {
  const { hash } = JSON.parse(readFileSync(join(cacheDir(), "current.json"), "utf8")) as { hash: string };
  const entry = join(cacheDir(), hash, "cli.js");
  writeFileSync(entry, readFileSync(entry, "utf8").replace(/"first"/, JSON.stringify("from the bundle")));
}

describe("the CLI bundle", () => {
  it("is built on first use, runs the CLI with its arguments and exit code, and keeps import.meta", async () => {
    makeProject();
    const result = await cli(["a", "--b"]);
    expect(result.code).toBe(3);
    expect(JSON.parse(result.stdout)).toEqual({
      value: "first",
      argv: ["a", "--b"],
      dir: join(project, "scripts"),
    });
    expect(bundles()).toHaveLength(1);
  });

  it("is used while its sources are unchanged, and rebuilt from an edited source", async () => {
    makeProject();
    await cli([]);
    markBundle();
    expect(JSON.parse((await cli([])).stdout).value).toBe("from the bundle");
    setValue("second");
    expect(JSON.parse((await cli([])).stdout).value).toBe("second");
    // The earlier bundle stays for runs that may still be loading from it.
    expect(bundles()).toHaveLength(2);
  });

  it("is not used with SPECSMITH_NO_BUNDLE=1: tsx runs the sources", async () => {
    makeProject();
    await cli([]);
    markBundle();
    const result = await cli([], { SPECSMITH_NO_BUNDLE: "1" });
    expect(JSON.parse(result.stdout).value).toBe("first");
  });

  it("never hides a source that does not compile behind an older bundle", async () => {
    makeProject();
    await cli([]);
    writeFileSync(join(project, "scripts", "value.ts"), "export const value = ;\n");
    const result = await cli([]);
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBe(3);
    expect(result.stderr).toContain("value.ts");
  });

  it("serves runs started together after a change, each with the new source", async () => {
    makeProject();
    await cli([]);
    setValue("together");
    const results = await Promise.all([cli([]), cli([]), cli([])]);
    for (const result of results) expect(JSON.parse(result.stdout).value).toBe("together");
  });
});
