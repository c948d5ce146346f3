// Every read of a user file is bounded: regular files only (a FIFO or /dev/zero is refused at once, never
// a hang or a memory blow-up), at most the size limit, checked before and while reading. Through the real
// CLI, in-process; the worst-case inputs are made here (FIFOs with mkfifo, sparse files that take no disk).
import { execFileSync } from "node:child_process";
import { existsSync, truncateSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { apiFolder, cli, mkfifo, put, scratch, specWithSchema, verifaPage } from "./inputs-helpers.ts";

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await scratch()));
afterEach(() => cleanup());

/** A regular file of `bytes` zero bytes that takes no disk space. */
function sparse(path: string, bytes: number): string {
  writeFileSync(path, "");
  truncateSync(path, bytes);
  return path;
}

const MiB = 1024 * 1024;

describe("a spec that is not a regular file, or too large", () => {
  it("generate refuses a FIFO at once instead of waiting for a writer", async () => {
    mkfifo(join(dir, "spec.yaml"));
    const r = await cli(dir, "generate", "--no-build", "spec.yaml", "--out", "out");
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      "error spec.yaml: is a FIFO (named pipe), not a regular file: only regular files are read",
    );
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it("generate refuses /dev/zero at once instead of reading until memory runs out", async () => {
    const r = await cli(dir, "generate", "--no-build", "/dev/zero", "--out", "out");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/dev\/zero: is a character device, not a regular file/);
  });

  it("diff refuses a FIFO side and a FIFO ignore file", async () => {
    mkfifo(join(dir, "fifo.yaml"));
    await put(join(dir, "a.json"), specWithSchema('{"type":"string"}'));
    expect((await cli(dir, "diff", "a.json", "fifo.yaml")).err).toMatch(/^error fifo\.yaml: is a FIFO/);
    const r = await cli(dir, "diff", "a.json", "a.json", "--ignore", "fifo.yaml");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error fifo\.yaml: is a FIFO/);
  });

  it("refuses a spec over 128 MiB from its size, without reading it", async () => {
    sparse(join(dir, "huge.json"), 128 * MiB + 1);
    const r = await cli(dir, "diff", "huge.json", "huge.json");
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      "error huge.json: is 134,217,729 bytes, more than the 128 MiB limit for a spec file (raise it with --max-spec-bytes)",
    );
  });

  it("enforces the limit while reading, for a file whose size says nothing (/proc)", async () => {
    // /proc files report a size of 0 and hold more: only the count of bytes read can stop them.
    const r = await cli(dir, "diff", "/proc/self/status", "/proc/self/status", "--max-spec-bytes", "100");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /status: is larger than the 100 bytes limit for a spec file \(raise it with --max-spec-bytes\)/,
    );
  });

  it("--max-spec-bytes lowers and raises the limit, for the spec and every file its $refs read", async () => {
    await put(join(dir, "a.json"), specWithSchema('{"$ref":"./part.json"}'));
    await put(join(dir, "part.json"), JSON.stringify({ type: "object", description: "x".repeat(3000) }));
    const low = await cli(dir, "diff", "a.json", "a.json", "--max-spec-bytes", "1KiB");
    expect(low.code).toBe(2);
    expect(low.err).toMatch(/^error part\.json: is 3,034 bytes, more than the 1 KiB limit for a spec file/);
    expect((await cli(dir, "diff", "a.json", "a.json", "--max-spec-bytes", "4KiB")).code).toBe(0);
    const bad = await cli(dir, "diff", "a.json", "a.json", "--max-spec-bytes", "lots");
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--max-spec-bytes must be a size in bytes, e\.g\. 1048576, 64MiB or 1GiB/);
  });

  it("refuses a $ref to a FIFO in the spec's folder", async () => {
    await put(join(dir, "a.json"), specWithSchema('{"$ref":"./pipe.yaml"}'));
    mkfifo(join(dir, "pipe.yaml"));
    const r = await cli(dir, "diff", "a.json", "a.json");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error pipe\.yaml: is a FIFO/);
  });

  it("refuses a spec at a git revision over the limit, naming REV:path, without reading the blob", async () => {
    const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, stdio: "pipe" });
    git("init", "-q");
    await put(join(dir, "spec.json"), specWithSchema(JSON.stringify({ description: "x".repeat(4096) })));
    git("add", "spec.json");
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "spec");
    const r = await cli(dir, "diff", "HEAD:spec.json", "spec.json", "--max-spec-bytes", "2KiB");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error HEAD:spec\.json: is 4\.\d KiB, more than the 2 KiB limit for a spec file/);
  });
});

describe("scrape: pages, api.yaml and overlay", () => {
  it("skips a FIFO page and a page over the limit with a warning naming each, and scrapes the rest", async () => {
    const apiDir = await apiFolder(dir, ["pages/good.txt", "pages/pipe.txt", "pages/huge.txt"]);
    await put(join(apiDir, "pages/good.txt"), await verifaPage());
    mkfifo(join(apiDir, "pages/pipe.txt"));
    sparse(join(apiDir, "pages/huge.txt"), 16 * MiB + 1);
    const r = await cli(dir, "scrape");
    expect(r.code).toBe(0);
    expect(r.err).toContain(
      "warning specs/widgets/pages/pipe.txt: page skipped: it is a FIFO (named pipe), not a regular file",
    );
    expect(r.err).toContain(
      "warning specs/widgets/pages/huge.txt: page skipped: it is 16,777,217 bytes, more than the 16 MiB limit for a page (raise it with --max-page-bytes)",
    );
    expect(await readFile(join(apiDir, "openapi.yaml"), "utf8")).toContain("/api/v1/sessions/{session_id}");
    const report = await readFile(join(apiDir, "report.md"), "utf8");
    expect(report).toContain("pages/huge.txt");
    expect(report).toContain("page skipped");
  });

  it("--max-page-bytes raises the limit", async () => {
    const apiDir = await apiFolder(dir, ["pages/good.txt"]);
    await put(join(apiDir, "pages/good.txt"), await verifaPage());
    const low = await cli(dir, "scrape", "--max-page-bytes", "1k");
    expect(low.code).toBe(2);
    expect(low.err).toMatch(
      /^error no page could be read: pages\/good\.txt: is 5\.5 KiB, more than the 1 KiB limit/,
    );
    expect((await cli(dir, "scrape", "--max-page-bytes", "8k")).code).toBe(0);
  });

  it("exits 2 when no page could be read, and writes nothing", async () => {
    const apiDir = await apiFolder(dir, ["pages/pipe.txt", "pages/huge.txt"]);
    mkfifo(join(apiDir, "pages/pipe.txt"));
    sparse(join(apiDir, "pages/huge.txt"), 17 * MiB);
    const r = await cli(dir, "scrape");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^error no page could be read: pages\/pipe\.txt: is a FIFO .* \(and 1 more skipped\)$/,
    );
    expect(existsSync(join(apiDir, "openapi.yaml"))).toBe(false);
  });

  it("loose pages: /dev/zero alone is refused at once", async () => {
    const r = await cli(dir, "scrape", "/dev/zero", "--out", "out.yaml");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error no page could be read: \/dev\/zero: is a character device/);
  });

  it("refuses an overlay that is a FIFO", async () => {
    const apiDir = await apiFolder(dir, ["pages/good.txt"]);
    await put(join(apiDir, "pages/good.txt"), await verifaPage());
    mkfifo(join(apiDir, "overlay.yaml"));
    const r = await cli(dir, "scrape");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error specs\/widgets\/overlay\.yaml: is a FIFO/);
  });

  it("refuses an api.yaml that is a FIFO", async () => {
    await put(join(dir, "specs/widgets/pages/good.txt"), await verifaPage());
    mkfifo(join(dir, "specs/widgets/api.yaml"));
    for (const command of ["scrape", "capture"]) {
      const r = await cli(dir, command);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^error specs\/widgets\/api\.yaml: is a FIFO/);
    }
  });

  it("warns about bytes that are not UTF-8, naming the page and the line", async () => {
    const apiDir = await apiFolder(dir, ["pages/good.txt"]);
    const page = (await verifaPage())
      .toString("latin1")
      .replace("\n/api/v1/sessions/:session_id\n", "\n/api/v1/s\xe9ssions/:session_id\n");
    await put(join(apiDir, "pages/good.txt"), Buffer.from(page, "latin1"));
    const r = await cli(dir, "scrape");
    expect(r.code).toBe(0);
    expect(r.err).toMatch(
      /^warning specs\/widgets\/pages\/good\.txt:88: bytes that are not valid UTF-8: read as U\+FFFD/m,
    );
  });
});
