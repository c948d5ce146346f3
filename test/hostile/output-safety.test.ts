// Nothing lost: every output rule of issue 11 through the real CLI (main() in-process). `generate --out`
// replaces a folder only when it is specsmith's own (its manifest accounts for everything in it), never a
// folder holding an input or the working folder; scrape and capture never write over an input; runs on
// one output at the same time follow each other; an older specsmith's interrupted swap is put right.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { main } from "../../scripts/cli.ts";
import { memoryTerminal } from "../cli/memory-terminal.ts";
import { readTree } from "./tree.ts";

const run = promisify(execFile);
const root = join(import.meta.dirname, "..", "..");
const verifaSpec = join(root, "specs/verifa/openapi.yaml");
const MANIFEST = ".specsmith-manifest.json";
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "specsmith-output-safety-"));
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(dir, { recursive: true, force: true });
});

async function cli(args: string[], cwd = root) {
  const term = memoryTerminal();
  const code = await main(args, term, cwd);
  return { code, out: term.stdout.join("\n"), err: term.stderr.join("\n") };
}

async function files(folder: string): Promise<Record<string, string>> {
  return readTree(folder);
}

describe("generate --out: a folder specsmith did not write is never replaced", () => {
  it("refuses the issue's folder (its .git, notes and the spec itself), --force or not, and leaves it whole", async () => {
    const v = join(dir, "v");
    await mkdir(join(v, ".git"), { recursive: true });
    await writeFile(join(v, ".git", "HEAD"), "ref: refs/heads/main\n");
    await writeFile(join(v, "NOTES.md"), "x\n");
    await copyFile(verifaSpec, join(v, "openapi.yaml"));
    const before = await files(v);
    for (const force of [[], ["--force"]]) {
      const r = await cli(["generate", "--no-build", join(v, "openapi.yaml"), "--out", v, ...force], dir);
      expect(r.code).toBe(2);
      expect(r.err).toContain("v: the output folder holds an input of this run (v/openapi.yaml)");
      expect(await files(v)).toEqual(before);
    }
  });

  it("refuses a folder of user files naming them; --force replaces them but keeps .git and node_modules/", async () => {
    const out = join(dir, "client");
    await mkdir(join(out, ".git"), { recursive: true });
    await writeFile(join(out, ".git", "HEAD"), "ref: refs/heads/main\n");
    await mkdir(join(out, "node_modules", "dep"), { recursive: true });
    await writeFile(join(out, "node_modules", "dep", "index.js"), "export {};\n");
    await writeFile(join(out, "NOTES.md"), "mine\n");
    await mkdir(join(out, "src"));
    await writeFile(join(out, "src", "hand-written.ts"), "export const mine = 1;\n");
    const before = await files(out);

    const refused = await cli(["generate", "--no-build", verifaSpec, "--out", out]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("holds files specsmith generate did not write (NOTES.md, src/)");
    expect(refused.err).toContain("--force");
    expect(await files(out)).toEqual(before);

    const forced = await cli(["generate", "--no-build", verifaSpec, "--out", out, "--force"]);
    expect(forced.code).toBe(0);
    const after = await files(out);
    expect(after[".git/HEAD"]).toBe("ref: refs/heads/main\n");
    expect(after["node_modules/dep/index.js"]).toBe("export {};\n");
    expect(after["NOTES.md"]).toBeUndefined();
    expect(after["src/hand-written.ts"]).toBeUndefined();
    expect(after["src/client.ts"]).toContain("export class VerifaClient");
    expect(after[MANIFEST]).toBeDefined();
  });

  it("uses an empty folder, or one holding only .git", async () => {
    const empty = join(dir, "empty");
    await mkdir(empty);
    expect((await cli(["generate", "--no-build", verifaSpec, "--out", empty])).code).toBe(0);
    const repo = join(dir, "repo");
    await mkdir(join(repo, ".git"), { recursive: true });
    await writeFile(join(repo, ".git", "HEAD"), "ref: refs/heads/main\n");
    expect((await cli(["generate", "--no-build", verifaSpec, "--out", repo])).code).toBe(0);
    expect(await readFile(join(repo, ".git", "HEAD"), "utf8")).toBe("ref: refs/heads/main\n");
  });

  it("refuses --out . on a project, and any folder that holds the working folder, --force or not", async () => {
    const project = join(dir, "project");
    await mkdir(join(project, "src"), { recursive: true });
    await writeFile(join(project, "package.json"), "{}\n");
    await writeFile(join(project, "src", "index.ts"), "export {};\n");
    const before = await files(project);
    for (const out of [".", "..", project])
      for (const force of [[], ["--force"]]) {
        const r = await cli(["generate", "--no-build", verifaSpec, "--out", out, ...force], project);
        expect(r.code).toBe(2);
        expect(r.err).toContain("is the working folder or holds it");
      }
    expect(await files(project)).toEqual(before);
  });

  it("refuses a folder holding a file the spec's $ref reads, even with --force", async () => {
    await mkdir(join(dir, "shared"));
    await writeFile(join(dir, "shared", "thing.yaml"), "type: object\nproperties:\n  id: { type: string }\n");
    await writeFile(
      join(dir, "openapi.yaml"),
      [
        "openapi: 3.1.0",
        "info: { title: Reffy, version: '1' }",
        "paths:",
        "  /things:",
        "    get:",
        "      operationId: getThing",
        "      responses:",
        "        '200':",
        "          description: ok",
        "          content:",
        "            application/json:",
        "              schema: { $ref: './shared/thing.yaml' }",
        "",
      ].join("\n"),
    );
    const before = await files(join(dir, "shared"));
    const r = await cli(
      ["generate", "--no-build", join(dir, "openapi.yaml"), "--out", join(dir, "shared"), "--force"],
      dir,
    );
    expect(r.code).toBe(2);
    expect(r.err).toContain("shared: the output folder holds an input of this run (shared/thing.yaml)");
    expect(await files(join(dir, "shared"))).toEqual(before);
  });

  it("refuses an --out that is a file or a symbolic link, and leaves it alone", async () => {
    await writeFile(join(dir, "notes.txt"), "mine\n");
    const asFile = await cli(["generate", "--no-build", verifaSpec, "--out", "notes.txt", "--force"], dir);
    expect(asFile.code).toBe(2);
    expect(asFile.err).toContain("notes.txt: is not a folder");
    expect(await readFile(join(dir, "notes.txt"), "utf8")).toBe("mine\n");

    await mkdir(join(dir, "real"));
    await writeFile(join(dir, "real", "mine.txt"), "mine\n");
    await symlink(join(dir, "real"), join(dir, "link"));
    const asLink = await cli(["generate", "--no-build", verifaSpec, "--out", "link", "--force"], dir);
    expect(asLink.code).toBe(2);
    expect(asLink.err).toContain("link: is a symbolic link");
    expect(await readdir(join(dir, "real"))).toEqual(["mine.txt"]);
  });
});

describe("generate --out: folders that cannot be made, and --check", () => {
  it("stops at once with a clean error on a folder under /proc, which Node's recursive mkdir retries forever", async () => {
    const started = performance.now();
    const r = await cli(["generate", "--no-build", verifaSpec, "--out", "/proc/specsmith-test/client"], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain("/proc/specsmith-test: no such file or directory (ENOENT, mkdir)");
    // A generous ceiling: the old code never returned.
    expect(performance.now() - started).toBeLessThan(60_000);
  });

  it("--check reports a FIFO in place of a generated file as stale instead of waiting on it forever", async () => {
    const out = join(dir, "client");
    expect((await cli(["generate", "--no-build", verifaSpec, "--out", out], dir)).code).toBe(0);
    await rm(join(out, "README.md"));
    await run("mkfifo", [join(out, "README.md")]);
    const r = await cli(["generate", "--no-build", verifaSpec, "--out", out, "--check"], dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain("stale client/README.md");
  });

  it("--check writes nothing: no lock, no folder for a missing --out", async () => {
    const out = join(dir, "a", "b", "client");
    const r = await cli(["generate", "--no-build", verifaSpec, "--out", out, "--check"], dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain("(missing)");
    expect(await readdir(dir)).toEqual([]);
  });
});

describe("generate --out: a package specsmith wrote is replaced", () => {
  it("keeps node_modules/ and .git, drops dist/ built from src/, and names a hand edit it replaces", async () => {
    const spec = join(dir, "spec.yaml");
    await copyFile(verifaSpec, spec);
    const out = join(dir, "client");
    expect((await cli(["generate", "--no-build", spec, "--out", out])).code).toBe(0);
    // What the package's own build and install leave there (tsc's outputs of src/, ESM and CommonJS, the
    // CommonJS build's package.json, the build's stamp).
    await mkdir(join(out, "dist", "cjs", "runtime"), { recursive: true });
    await mkdir(join(out, "dist", "runtime"), { recursive: true });
    const built = ["dist/index.js", "dist/index.d.ts", "dist/runtime/client.js", "dist/.build-hash"];
    built.push("dist/cjs/index.js", "dist/cjs/runtime/client.d.ts", "dist/cjs/package.json");
    for (const f of built) await writeFile(join(out, f), "built\n");
    await mkdir(join(out, "node_modules", "dep"), { recursive: true });
    await writeFile(join(out, "node_modules", "dep", "index.js"), "export {};\n");
    await writeFile(join(out, "src", "client.ts"), "// edited by hand\n");
    await writeFile(spec, (await readFile(spec, "utf8")).replace("Update a session", "Update one session"));

    const r = await cli(["generate", "--no-build", spec, "--out", out]);
    expect(r.code).toBe(0);
    expect(r.err).toContain(
      "client/src/client.ts was edited after it was generated; the edit will be replaced",
    );
    const after = await files(out);
    expect(after["node_modules/dep/index.js"]).toBe("export {};\n");
    expect(Object.keys(after).filter((f) => f.startsWith("dist/"))).toEqual([]);
    expect(after["src/resources/sessions.ts"]).toContain("Update one session");
    expect(after["src/client.ts"]).toContain("export class VerifaClient");
    expect(await readdir(dir)).toEqual(["client", "spec.yaml"]);
  });

  it("refuses a package folder with a file of the user's in dist/ or beside the sources", async () => {
    const out = join(dir, "client");
    expect((await cli(["generate", "--no-build", verifaSpec, "--out", out])).code).toBe(0);
    await mkdir(join(out, "dist"));
    await writeFile(join(out, "dist", "index.js"), "built\n");
    await writeFile(join(out, "dist", "deploy-notes.txt"), "mine\n");
    await writeFile(join(out, "src", "extra.ts"), "export const mine = 1;\n");
    const before = await files(out);
    const r = await cli([
      "generate",
      "--no-build",
      join(root, "specs/stripe-identity/openapi.yaml"),
      "--out",
      out,
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("(dist/deploy-notes.txt, src/extra.ts)");
    expect(await files(out)).toEqual(before);
  });

  it("writes a manifest of every file and its sha256, the same on every run, also in the committed packages", async () => {
    const a = join(dir, "a");
    const b = join(dir, "b");
    for (const out of [a, b])
      expect((await cli(["generate", "--no-build", verifaSpec, "--out", out])).code).toBe(0);
    const tree = await files(a);
    expect(tree[MANIFEST]).toBe((await files(b))[MANIFEST]);
    const manifest = JSON.parse(tree[MANIFEST] as string) as {
      files: Record<string, { sha256: string; bytes: number }>;
    };
    const listed = Object.keys(tree).filter((f) => f !== MANIFEST);
    expect(Object.keys(manifest.files)).toEqual(listed);
    for (const f of listed) {
      const content = tree[f] as string;
      expect(manifest.files[f]).toEqual({
        sha256: createHash("sha256").update(content).digest("hex"),
        bytes: Buffer.byteLength(content),
      });
    }
    expect(tree[MANIFEST]).not.toMatch(/20\d\d-\d\d-\d\d/);
    for (const api of ["verifa", "stripe-identity"]) {
      const committed = JSON.parse(await readFile(join(root, "generated", api, MANIFEST), "utf8")) as {
        files: Record<string, unknown>;
      };
      expect(Object.keys(committed.files)).toContain("src/client.ts");
    }
  });

  it("three runs on one --out at the same time all succeed, one after the other, and leave one whole package", async () => {
    const out = join(dir, "client");
    const runs = await Promise.all(
      ["one", "two", "three"].map((name) =>
        cli(["generate", "--no-build", verifaSpec, "--out", out, "--name", name]),
      ),
    );
    expect(runs.map((r) => [r.code, r.err])).toEqual([
      [0, ""],
      [0, ""],
      [0, ""],
    ]);
    const pkg = JSON.parse(await readFile(join(out, "package.json"), "utf8")) as { name: string };
    expect(["one", "two", "three"]).toContain(pkg.name);
    const check = await cli([
      "generate",
      "--no-build",
      verifaSpec,
      "--out",
      out,
      "--name",
      pkg.name,
      "--check",
    ]);
    expect(check.code).toBe(0);
    expect(await readdir(dir)).toEqual(["client"]);
  });

  it("puts right an older specsmith's swap killed between its renames: the old package is back, the rest gone", async () => {
    const old = join(dir, "client.old-123-0123abcd");
    expect((await cli(["generate", "--no-build", verifaSpec, "--out", old])).code).toBe(0);
    const before = await files(old);
    await mkdir(join(dir, "client.new-123-0123abcd", "src"), { recursive: true });
    await writeFile(join(dir, "client.new-123-0123abcd", "src", "half.ts"), "// half\n");
    await writeFile(join(dir, ".client.123.0123abcd.tmp"), "half\n");
    const r = await cli(["generate", "--no-build", verifaSpec, "--out", join(dir, "client"), "--check"]);
    expect(r.code).toBe(0);
    expect(await readdir(dir)).toEqual(["client"]);
    expect(await files(join(dir, "client"))).toEqual(before);
  });

  it("refuses a lock wait that is not a number of seconds", async () => {
    vi.stubEnv("SPECSMITH_LOCK_WAIT", "soon");
    const r = await cli(["generate", "--no-build", verifaSpec, "--out", join(dir, "client")]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("SPECSMITH_LOCK_WAIT must be a number of seconds");
  });
});

describe("scrape and capture never write over an input", () => {
  const page = join(root, "test/fixtures/pages/fern/create-ticket.fern.txt");

  it("refuses --report equal to --out, and an output that is one of the pages", async () => {
    await copyFile(page, join(dir, "page.txt"));
    const before = await files(dir);
    const cases: [string[], string][] = [
      [["--out", "api.yaml", "--report", "api.yaml"], "api.yaml: --report is the same file as --out"],
      [["--out", "page.txt"], "page.txt: --out is also an input of this run (page.txt)"],
      [
        ["--out", "api.yaml", "--report", "./sub/../page.txt"],
        "page.txt: --report is also an input of this run (page.txt)",
      ],
    ];
    for (const [args, message] of cases) {
      const r = await cli(["scrape", "page.txt", ...args], dir);
      expect(r.code).toBe(2);
      expect(r.err).toContain(message);
      expect(await files(dir)).toEqual(before);
    }
  });

  it("refuses an API folder whose pages include one of scrape's outputs", async () => {
    const api = join(dir, "specs", "tickets");
    await mkdir(api, { recursive: true });
    await copyFile(page, join(api, "report.md"));
    await writeFile(
      join(api, "api.yaml"),
      "title: Tickets\npackage: tickets\nversion: 1.0.0\npages:\n  - file: report.md\n",
    );
    const before = await files(dir);
    const r = await cli(["scrape", "--specs", join(dir, "specs")], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain("specs/tickets/report.md: the output is also an input of this run");
    expect(await files(dir)).toEqual(before);
  });

  it("refuses a page to capture whose file is the manifest it comes from", async () => {
    const api = join(dir, "specs", "tickets");
    await mkdir(api, { recursive: true });
    const manifest =
      "title: Tickets\npackage: tickets\nversion: 1.0.0\npages:\n  - file: api.yaml\n    url: http://127.0.0.1:9/docs\n";
    await writeFile(join(api, "api.yaml"), manifest);
    const r = await cli(["capture", "--specs", join(dir, "specs")], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain("specs/tickets/api.yaml: a page to capture is also an input of this run");
    expect(await readFile(join(api, "api.yaml"), "utf8")).toBe(manifest);
  });
});
