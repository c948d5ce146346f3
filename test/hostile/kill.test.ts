// `generate`, `scrape` and `capture` as real processes, killed with SIGKILL at named moments of their
// writes: while staging, after staging, after the journal (the commit), between the two renames of a
// package swap (the old folder renamed away, .git and node_modules/ already in the new one), between the
// renames of a batch (a new report beside the old spec, a new page beside an old one), after the last
// rename. The moment is forced by the writers' SPECSMITH_PAUSE_AT hook (scripts/lib/pause-point.ts),
// which prints a marker and waits; the test kills on the marker, so no timing is guessed. After each kill
// the next run (or `generate --check`, or a run that then fails on its own input) finds the previous
// output or the new one, complete, and nothing else: no staged or retired copy, no journal, no lock (the
// killed holder's lock is taken over). While a paused run holds its lock, a second run waits and then
// stops with exit 2 naming the holder's pid.
import { spawn, type ChildProcess } from "node:child_process";
import { once as event } from "node:events";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../../scripts/cli.ts";
import { memoryTerminal } from "../cli/memory-terminal.ts";
import { readTree, type Tree } from "./tree.ts";

const root = join(import.meta.dirname, "..", "..");
const bin = join(root, "bin", "specsmith.js");
/** A spawned run's start-up and render take seconds on a busy machine; pausing is what we wait for. */
const KILL_CASE_TIMEOUT_MS = 300_000;
/** Made by the first test that needs it (not in a hook), shared by the rest. */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}
const work = once(() => mkdtemp(join(tmpdir(), "specsmith-kill-")));
afterAll(async () => rm(await work(), { recursive: true, force: true }));

async function cli(args: string[], cwd: string) {
  const term = memoryTerminal();
  const code = await main(args, term, cwd);
  return { code, out: term.stdout.join("\n"), err: term.stderr.join("\n") };
}

/** Starts the real CLI with the pause hook and resolves once it waits at `step`. */
async function pausedAt(step: string, args: string[], cwd: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd,
    env: { ...process.env, SPECSMITH_PAUSE_AT: step },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  await new Promise<void>((resolve, reject) => {
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes(`paused at ${step} (pid ${child.pid})`)) resolve();
    });
    child.on("exit", (code) => reject(new Error(`exited (${code}) before pausing at ${step}:\n${stderr}`)));
  });
  return child;
}

async function sigkill(child: ChildProcess): Promise<void> {
  const exited = event(child, "exit");
  child.kill("SIGKILL");
  await exited;
}

async function writeTree(dir: string, tree: Tree): Promise<void> {
  for (const [path, content] of Object.entries(tree)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
}

let caseCount = 0;
async function caseDir(): Promise<string> {
  const dir = join(await work(), `case-${++caseCount}`);
  await mkdir(dir);
  return dir;
}

/** A user's entries generate never removes: they must be in the package before and after. */
const KEPT: Tree = { ".git/HEAD": "ref: refs/heads/main\n", "node_modules/dep/index.js": "export {};\n" };

/** The package from spec A (the previous output) and from spec B (the new one), made once. */
const packages = once(async () => {
  const dir = join(await work(), "packages");
  await mkdir(dir);
  const specA = join(dir, "a.yaml");
  const specB = join(dir, "b.yaml");
  await copyFile(join(root, "specs/verifa/openapi.yaml"), specA);
  const text = await readFile(specA, "utf8");
  await writeFile(specB, text.replace("Update a session", "Update one session"));
  for (const [spec, out] of [
    [specA, "old"],
    [specB, "new"],
  ] as const)
    expect((await cli(["generate", "--no-build", spec, "--out", join(dir, out)], dir)).code).toBe(0);
  return {
    specB,
    old: { ...(await readTree(join(dir, "old"))), ...KEPT },
    new: { ...(await readTree(join(dir, "new"))), ...KEPT },
  };
});

/** The spec and report from page A (the previous outputs) and from page B (the new ones), made once. */
const scrapes = once(async () => {
  const dir = join(await work(), "scrapes");
  const pageA = join(root, "test/fixtures/pages/fern/create-ticket.fern.txt");
  const pageB = join(root, "test/fixtures/pages/fern/list-tickets.fern.txt");
  const trees: Tree[] = [];
  for (const page of [pageA, pageB]) {
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir);
    expect((await cli(["scrape", page, "--out", "s.yaml"], dir)).code).toBe(0);
    trees.push(await readTree(dir));
  }
  expect(trees[0]).not.toEqual(trees[1]);
  return { pageB, old: trees[0] as Tree, new: trees[1] as Tree };
});

describe.concurrent("generate killed with SIGKILL", () => {
  // A spawned generate costs seconds of start-up and render, so only the two moments that differ most: a
  // half-staged package (undone) and the gap between the swap's renames, with .git and node_modules/ only
  // in the new folder (finished). capture below passes the other moments of the same layer cheaply.
  const cases: [step: string, survivor: "old" | "new"][] = [
    ["staging", "old"],
    ["retired", "new"],
  ];
  it.each(cases)(
    "at %s: the next runs find the %s package, whole, and no leftovers",
    async (step, survivor) => {
      const { specB, ...trees } = await packages();
      const dir = await caseDir();
      const out = join(dir, "client");
      await writeTree(out, trees.old);
      const child = await pausedAt(step, ["generate", "--no-build", specB, "--out", out], dir);

      if (step === "retired") {
        // The swap is half done (the old folder renamed away, the new one not yet in): a second run
        // must neither touch it nor wait forever.
        expect(await readdir(dir)).not.toContain("client");
        vi.stubEnv("SPECSMITH_LOCK_WAIT", "0.3");
        const blocked = await cli(["generate", "--no-build", specB, "--out", out], dir);
        vi.unstubAllEnvs();
        expect(blocked.code).toBe(2);
        expect(blocked.err).toContain(
          `another specsmith run is writing it (pid ${child.pid}: "specsmith.js generate`,
        );
        expect(await readdir(dir)).not.toContain("client");
      }
      await sigkill(child);

      // The next run takes over the dead run's lock, finishes or undoes its swap, then checks.
      const check = await cli(["generate", "--no-build", specB, "--out", out, "--check"], dir);
      expect(check.code).toBe(survivor === "new" ? 0 : 1);
      expect(await readTree(out)).toEqual(trees[survivor]);
      expect(await readdir(dir)).toEqual(["client"]);

      const next = await cli(["generate", "--no-build", specB, "--out", out], dir);
      expect([next.code, next.err]).toEqual([0, ""]);
      expect(await readTree(out)).toEqual(trees.new);
      expect(await readdir(dir)).toEqual(["client"]);
    },
    KILL_CASE_TIMEOUT_MS,
  );
});

describe.concurrent("scrape killed with SIGKILL", () => {
  // The moment the issue names (a half-staged batch is undone like capture's, below).
  const cases: [step: string, survivor: "old" | "new"][] = [["replaced s.report.md", "new"]];
  it.each(cases)(
    "at %s: the next run finds the %s spec and report together, and no leftovers",
    async (step, survivor) => {
      const { pageB, ...trees } = await scrapes();
      const dir = await caseDir();
      await writeTree(dir, trees.old);
      const child = await pausedAt(step, ["scrape", pageB, "--out", "s.yaml"], dir);
      if (step === "replaced s.report.md") {
        // The moment the issue names: a new report beside the old spec.
        expect(await readFile(join(dir, "s.report.md"), "utf8")).toBe(trees.new["s.report.md"]);
        expect(await readFile(join(dir, "s.yaml"), "utf8")).toBe(trees.old["s.yaml"]);
      }
      await sigkill(child);

      // A next run that fails on its own input still puts the outputs right first.
      const failed = await cli(["scrape", join(dir, "missing.txt"), "--out", "s.yaml"], dir);
      expect(failed.code).toBe(2);
      expect(await readTree(dir)).toEqual(trees[survivor]);
      expect((await readdir(dir)).sort()).toEqual(["s.report.md", "s.yaml"]);
    },
    KILL_CASE_TIMEOUT_MS,
  );
});

describe.concurrent("capture killed with SIGKILL", () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === "/gone") res.writeHead(404);
      res.end(`<h1>new page ${req.url}</h1>\n`);
    });
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  });

  // The moments a batch of two files passes through: a capture is cheap to spawn (no scraper, no renderer).
  const cases: [step: string, survivor: "old" | "new"][] = [
    ["staged", "old"],
    ["journaled", "new"],
    ["replaced a.html", "new"],
    ["finished", "new"],
  ];
  it.each(cases)(
    "at %s: the next run finds all the %s pages, and no leftovers",
    async (step, survivor) => {
      const dir = await caseDir();
      const api = join(dir, "specs", "pages");
      const manifest = (b: string): string =>
        [
          "title: Pages",
          "package: pages",
          "version: 1.0.0",
          "pages:",
          `  - file: pages/a.html\n    url: ${base}/a`,
          `  - file: pages/b.html\n    url: ${base}/${b}`,
          "",
        ].join("\n");
      const pages = {
        old: { "a.html": "old a\n", "b.html": "old b\n" },
        new: { "a.html": "<h1>new page /a</h1>\n", "b.html": "<h1>new page /b</h1>\n" },
      };
      await writeTree(api, { "api.yaml": manifest("b") });
      await writeTree(join(api, "pages"), pages.old);
      const child = await pausedAt(step, ["capture", "--specs", join(dir, "specs")], dir);
      if (step === "replaced a.html") {
        // A new page beside an old one, until the swap is finished.
        expect(await readFile(join(api, "pages", "a.html"), "utf8")).toBe(pages.new["a.html"]);
        expect(await readFile(join(api, "pages", "b.html"), "utf8")).toBe(pages.old["b.html"]);
      }
      await sigkill(child);

      // The next run fails before it writes (a page is gone from the server), but puts the pages right first.
      await writeFile(join(api, "api.yaml"), manifest("gone"));
      const r = await cli(["capture", "--specs", join(dir, "specs")], dir);
      expect(r.code).toBe(2);
      expect(r.err).toContain("HTTP 404");
      expect(await readTree(join(api, "pages"))).toEqual(pages[survivor]);
      expect((await readdir(api)).sort()).toEqual(["api.yaml", "pages"]);
    },
    KILL_CASE_TIMEOUT_MS,
  );
});
