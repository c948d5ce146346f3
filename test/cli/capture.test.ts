// `specsmith capture` against a real HTTP server on 127.0.0.1.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtemp, mkdir, readFile, writeFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { main } from "../../scripts/cli.ts";
import { memoryTerminal } from "./memory-terminal.ts";

let server: Server;
let base: string;
let dir: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/docs/widgets") {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html><body><h1>Widgets</h1><p>GET /v1/widgets</p></body></html>");
    } else if (req.url === "/slow") {
      setTimeout(() => res.end("late"), 3000);
    } else {
      res.writeHead(404);
      res.end("not here");
    }
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "specsmith-capture-"));
  return () => rm(dir, { recursive: true, force: true });
});

async function api(pages: { file: string; url?: string }[]): Promise<string> {
  const apiDir = join(dir, "specs", "widgets");
  await mkdir(join(apiDir, "pages"), { recursive: true });
  const lines = ["title: Widgets", "package: widgets", "version: 1.0.0", "pages:"];
  for (const p of pages) lines.push(`  - file: ${p.file}`, ...(p.url ? [`    url: ${p.url}`] : []));
  await writeFile(join(apiDir, "api.yaml"), lines.join("\n") + "\n");
  return apiDir;
}

describe("specsmith capture", () => {
  it("downloads each page with a url into pages/", async () => {
    const apiDir = await api([{ file: "pages/widgets.html", url: `${base}/docs/widgets` }]);
    const term = memoryTerminal();
    const code = await main(["capture", "--specs", join(dir, "specs")], term, dir);
    expect(code).toBe(0);
    expect(await readFile(join(apiDir, "pages/widgets.html"), "utf8")).toContain("GET /v1/widgets");
    expect(term.stdout.join("\n")).toContain("captured specs/widgets/pages/widgets.html");
  });

  it("fails with exit 2 naming the URL and the status, and writes nothing", async () => {
    const apiDir = await api([
      { file: "pages/widgets.html", url: `${base}/docs/widgets` },
      { file: "pages/missing.html", url: `${base}/docs/missing` },
    ]);
    await writeFile(join(apiDir, "pages/widgets.html"), "previous capture");
    const term = memoryTerminal();
    const code = await main(["capture", "--specs", join(dir, "specs")], term, dir);
    expect(code).toBe(2);
    expect(term.stderr.join("\n")).toContain(`${base}/docs/missing: HTTP 404`);
    expect(await readFile(join(apiDir, "pages/widgets.html"), "utf8")).toBe("previous capture");
  });

  it("gives up after the timeout with a clear error", async () => {
    await api([{ file: "pages/slow.html", url: `${base}/slow` }]);
    const term = memoryTerminal();
    const code = await main(["capture", "--timeout", "0.3", "--specs", join(dir, "specs")], term, dir);
    expect(code).toBe(2);
    expect(term.stderr.join("\n")).toContain(`${base}/slow: timed out after 0.3s`);
  });

  it("names an unreachable server", async () => {
    await api([{ file: "pages/x.html", url: "http://127.0.0.1:1/nothing" }]);
    const term = memoryTerminal();
    expect(await main(["capture", "--specs", join(dir, "specs")], term, dir)).toBe(2);
    expect(term.stderr.join("\n")).toMatch(/http:\/\/127\.0\.0\.1:1\/nothing: could not connect/);
  });
});
