// The CLI's last line of defence (cli.ts): a failure the user caused is one clean line, "error <file>:
// <what>", exit 2; only a bug prints "internal error" with its stack. Through main() in-process: a file
// system that refuses a write, a capture whose body stalls (a DOMException, whose `code` is a number),
// and whatever else a command may throw (null, an object without a prototype, a child process's error).
import { execFile, spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { main } from "../../scripts/cli.ts";
import { errorCode, fileSystemError } from "../../scripts/lib/errors.ts";
import { memoryTerminal, type MemoryTerminal } from "../cli/memory-terminal.ts";

const SPEC = { openapi: "3.1.0", info: { title: "T", version: "1.0.0" }, paths: {} };
const PAGE =
  "# Things\n\n## Create a thing\n\n`POST /things`\n\n| Field | Type | Description |\n|---|---|---|\n| name | string | The name |\n";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "specsmith-cli-errors-"));
  return () => rm(dir, { recursive: true, force: true });
});

async function cli(args: string[], term: MemoryTerminal = memoryTerminal()) {
  const code = await main(args, term, dir);
  return { code, stdout: term.stdout, stderr: term.stderr };
}

describe("a file system that refuses: exit 2, one line naming the path", () => {
  beforeEach(async () => {
    await writeFile(join(dir, "a-file"), "not a folder");
    await writeFile(join(dir, "page.md"), PAGE);
    await writeFile(join(dir, "spec.json"), JSON.stringify(SPEC));
  });

  it("scrape --out inside a regular file", async () => {
    const r = await cli(["scrape", "page.md", "--out", "a-file/spec.yaml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toHaveLength(1);
    expect(r.stderr[0]).toMatch(new RegExp(`^error ${dir}/a-file\\S*: .+ \\((EEXIST|ENOTDIR), \\w+\\)$`));
  });

  it("generate --out inside a regular file", async () => {
    const r = await cli(["generate", "--no-build", "spec.json", "--out", "a-file/pkg"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toHaveLength(1);
    expect(r.stderr[0]).toMatch(new RegExp(`^error ${dir}/a-file\\S*: .+ \\((EEXIST|ENOTDIR), \\w+\\)$`));
  });
});

describe("a capture whose body stalls past the timeout", () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    // Headers at once, then a body that never ends: fetch() resolves, reading the body times out.
    server = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.write("<html>");
    });
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  });

  it("reports the timeout instead of crashing on its numeric code", async () => {
    const api = join(dir, "specs", "w");
    await mkdir(join(api, "pages"), { recursive: true });
    await writeFile(
      join(api, "api.yaml"),
      `title: W\npackage: w\nversion: 1.0.0\npages:\n  - file: pages/a.html\n    url: ${base}/a\n`,
    );
    const r = await cli(["capture", "--timeout", "0.2"]);
    expect(r.code).toBe(2);
    // The reader of the body (capture.ts) names the URL once it bounds the read; this layer must show
    // the timeout itself, not a TypeError of its own.
    expect(r.stderr.join("\n")).toMatch(/timed out|TimeoutError/);
    expect(r.stderr.join("\n")).not.toMatch(/startsWith|TypeError/);
  });
});

describe("anything a command throws is reported, and only bugs as internal errors", () => {
  /** A terminal whose stdout throws `value`: the diff's output is the command's last step. */
  function failingOutput(value: unknown): MemoryTerminal {
    const term = memoryTerminal();
    return {
      ...term,
      out: () => {
        throw value;
      },
    };
  }

  async function diffThrowing(value: unknown) {
    await writeFile(join(dir, "spec.json"), JSON.stringify(SPEC));
    return cli(["diff", "spec.json", "spec.json"], failingOutput(value));
  }

  it("a DOMException (code 23) is an internal error with its stack", async () => {
    const r = await diffThrowing(
      new DOMException("The operation was aborted due to timeout", "TimeoutError"),
    );
    expect(r.code).toBe(2);
    expect(r.stderr[0]).toBe(
      "internal error DOMException [TimeoutError]: The operation was aborted due to timeout",
    );
    expect(r.stderr[1]).toMatch(/^ {4}at /);
  });

  it("a failed child process's error (its code is the exit status)", async () => {
    const failed = await promisify(execFile)(process.execPath, ["-e", "process.exit(3)"]).catch(
      (e: unknown) => e,
    );
    expect((failed as { code: unknown }).code).toBe(3);
    const r = await diffThrowing(failed);
    expect(r.code).toBe(2);
    expect(r.stderr[0]).toMatch(/^internal error Error: Command failed: /);
  });

  it.each([
    ["null", null, "internal error null"],
    [
      "an object without a prototype",
      Object.assign(Object.create(null), { code: 7 }),
      "internal error [Object: null prototype] { code: 7 }",
    ],
  ])("%s is shown as it is", async (_name, value, shown) => {
    const r = await diffThrowing(value);
    expect(r.code).toBe(2);
    expect(r.stderr).toEqual([shown]);
  });
});

describe("errorCode and fileSystemError", () => {
  it("read a code only when it is a string", () => {
    expect(errorCode(Object.assign(new Error("x"), { code: "ENOENT" }))).toBe("ENOENT");
    for (const value of [null, undefined, "ENOENT", 3, { code: 23 }, new DOMException("x", "TimeoutError")])
      expect(errorCode(value)).toBeUndefined();
  });

  it("turn a real file-system error into a UserError naming the path", async () => {
    await writeFile(join(dir, "a-file"), "x");
    const error = await mkdir(join(dir, "a-file")).catch((e: unknown) => e);
    expect(fileSystemError(error)?.message).toBe(`${dir}/a-file: file already exists (EEXIST, mkdir)`);
    expect(fileSystemError(new DOMException("x", "TimeoutError"))).toBeUndefined();
    expect(
      fileSystemError(Object.assign(new Error("x"), { code: "ERR_PARSE_ARGS_UNKNOWN_OPTION" })),
    ).toBeUndefined();
  });
});

describe("a reader that goes away", () => {
  it("ends the output quietly: `specsmith ... | head` is no stack trace, and the exit code is the command's", async () => {
    // The real CLI on a pipe whose reading end is closed before the CLI writes: every write fails (EPIPE).
    const bin = join(import.meta.dirname, "..", "..", "bin", "specsmith.js");
    const child = spawn(process.execPath, [bin, "generate", "--help"], { stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });
});
