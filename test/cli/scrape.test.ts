// `specsmith scrape` end to end: in-process for the many bad-input cases, and through the real bin once.
import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeEach, describe, expect, it } from "vitest";
import { main } from "../../scripts/cli.ts";
import { memoryTerminal } from "./memory-terminal.ts";

const root = join(import.meta.dirname, "..", "..");
const run = promisify(execFile);
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "specsmith-scrape-"));
  await cp(join(root, "specs"), join(dir, "specs"), { recursive: true });
  return () => rm(dir, { recursive: true, force: true });
});

async function scrape(...args: string[]) {
  const term = memoryTerminal();
  const code = await main(["scrape", ...args], term, dir);
  return { code, out: term.stdout.join("\n"), err: term.stderr.join("\n") };
}

const outputs = [
  "stripe-identity/openapi.yaml",
  "stripe-identity/report.md",
  "verifa/openapi.yaml",
  "verifa/report.md",
];

async function snapshot(): Promise<string[]> {
  return Promise.all(outputs.map((o) => readFile(join(dir, "specs", o), "utf8").catch(() => "<missing>")));
}

describe("specsmith scrape", () => {
  it("reproduces the committed specs and reports byte for byte (the golden files)", async () => {
    const committed = await snapshot();
    await Promise.all(outputs.map((o) => rm(join(dir, "specs", o), { force: true })));
    const r = await scrape();
    expect(r.code).toBe(0);
    // The captures really are cut in places; each warning names the page and line.
    const warnings = r.err.split("\n");
    expect(warnings).toHaveLength(4);
    for (const w of warnings) expect(w).toMatch(/^warning specs\/stripe-identity\/pages\/[a-z.-]+:\d+: /);
    expect(r.out).toMatch(/scraped stripe-identity: 6 operations from 4 pages/);
    expect(r.out).toMatch(/scraped verifa: 1 operations from 1 pages/);
    expect(await snapshot()).toEqual(committed);
  });

  it("scrapes one API with --api and leaves the others alone", async () => {
    await writeFile(join(dir, "specs/stripe-identity/openapi.yaml"), "untouched");
    const r = await scrape("--api", "verifa");
    expect(r.code).toBe(0);
    expect(await readFile(join(dir, "specs/stripe-identity/openapi.yaml"), "utf8")).toBe("untouched");
  });

  it("scrapes loose pages with --out and --report", async () => {
    const r = await scrape(
      "specs/verifa/pages/update-session.fern.txt",
      "--out",
      "out/verifa.yaml",
      "--report",
      "out/verifa.md",
      "--title",
      "Verifa",
    );
    expect(r.code).toBe(0);
    const spec = await readFile(join(dir, "out/verifa.yaml"), "utf8");
    expect(spec).toContain("/api/v1/sessions/{session_id}:");
    expect(spec).toContain("title: Verifa");
    expect(await readFile(join(dir, "out/verifa.md"), "utf8")).toContain("# Verifa: scrape report");
  });

  describe("bad input: exit 2, a message naming the file, nothing written", () => {
    const cases: [string, (d: string) => Promise<void>, RegExp][] = [
      [
        "an empty page",
        (d) => writeFile(join(d, "specs/verifa/pages/update-session.fern.txt"), ""),
        /pages\/update-session\.fern\.txt: page is empty/,
      ],
      [
        "a binary page",
        (d) =>
          writeFile(
            join(d, "specs/verifa/pages/update-session.fern.txt"),
            Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]),
          ),
        /pages\/update-session\.fern\.txt: page is binary data/,
      ],
      [
        "a page that documents no API",
        (d) =>
          writeFile(
            join(d, "specs/verifa/pages/update-session.fern.txt"),
            "Welcome to our blog.\n\nToday we talk about cats and the weather.\n",
          ),
        /pages\/update-session\.fern\.txt: documents no API/,
      ],
      [
        "a missing page",
        (d) => rm(join(d, "specs/verifa/pages/update-session.fern.txt")),
        /pages\/update-session\.fern\.txt: page not found/,
      ],
      [
        "a broken manifest",
        (d) => writeFile(join(d, "specs/verifa/api.yaml"), "title: [unclosed\n"),
        /specs\/verifa\/api\.yaml: not valid YAML/,
      ],
      [
        "a manifest without pages",
        (d) => writeFile(join(d, "specs/verifa/api.yaml"), "title: V\npackage: v\nversion: '1'\n"),
        /specs\/verifa\/api\.yaml: "pages" must be a non-empty list/,
      ],
      [
        "a broken overlay",
        (d) => writeFile(join(d, "specs/verifa/overlay.yaml"), "overlay: 1.0.0\nactions: nope\n"),
        /specs\/verifa\/overlay\.yaml: overlay needs info\.title/,
      ],
      [
        "an overlay that breaks the spec",
        (d) =>
          writeFile(
            join(d, "specs/verifa/overlay.yaml"),
            "overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions:\n  - target: $.info\n    remove: true\n",
          ),
        /overlay\.yaml: the spec is not valid OpenAPI 3\.1 after the overlay/,
      ],
    ];
    it.each(cases)("%s", async (_name, breakIt, message) => {
      const before = await snapshot();
      await breakIt(dir);
      const r = await scrape();
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
      // All-or-nothing: the other API's outputs are untouched too.
      expect(await snapshot()).toEqual(before);
      const leftovers = (await readdir(join(dir, "specs/verifa"))).filter((f) => f.endsWith(".tmp"));
      expect(leftovers).toEqual([]);
    });
  });

  it("warns, naming the file, about a page cut off part-way, and still scrapes it", async () => {
    const file = join(dir, "specs/verifa/pages/update-session.fern.txt");
    const text = await readFile(file, "utf8");
    await writeFile(file, text.slice(0, text.indexOf("Response\n\nUpdated session.") + 60));
    const r = await scrape("--api", "verifa");
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/warning specs\/verifa\/pages\/update-session\.fern\.txt(:\d+)?: /);
    expect(await readFile(join(dir, "specs/verifa/openapi.yaml"), "utf8")).toContain("Idempotency-Key");
  });

  it.each([
    [["--api", "nope"], /no API named "nope"/],
    [["--frobnicate"], /Unknown option '--frobnicate'/],
    [["--out", "x.yaml"], /--out goes with page files/],
  ])("rejects bad usage %j with exit 2", async (args, message) => {
    const r = await scrape(...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});

describe("the specsmith bin", () => {
  it("prints help for the CLI and each command, exit 0", async () => {
    const help = await run(process.execPath, [join(root, "bin/specsmith.js"), "--help"], { cwd: dir });
    expect(help.stdout).toContain("Usage: specsmith <command>");
    expect(help.stdout).toContain("scrape");
    const scrapeHelp = await run(process.execPath, [join(root, "bin/specsmith.js"), "scrape", "--help"], {
      cwd: dir,
    });
    expect(scrapeHelp.stdout).toContain("specsmith scrape PAGE... --out FILE");
  });

  it("exits 2 on an unknown command, without colour when not on a terminal", async () => {
    const failed = (await run(process.execPath, [join(root, "bin/specsmith.js"), "frobnicate"], {
      cwd: dir,
    }).then(
      () => ({ code: 0, stderr: "" }),
      (e: { code: number; stderr: string }) => e,
    )) as { code: number; stderr: string };
    expect(failed.code).toBe(2);
    expect(failed.stderr).toBe('error unknown command "frobnicate" (commands: scrape, generate, diff, capture)\n');
  });
});
