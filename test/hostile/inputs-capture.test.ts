// `specsmith capture` against real HTTP servers on 127.0.0.1 that misbehave: a gzip bomb, a Content-Length
// over the limit, a body that stalls, endless or non-http redirects, bytes that are not UTF-8, a page
// folder that is a link out of the API folder. Each is a clean exit 2 naming the URL (or a warning).
import { mkdirSync, symlinkSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { pipeline, Readable } from "node:stream";
import { createGzip } from "node:zlib";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { apiFolder, cli, scratch } from "./inputs-helpers.ts";

const MiB = 1024 * 1024;
const PAGE = "<html><body><h1>Widgets</h1><p>GET /v1/widgets</p></body></html>";

let server: Server;
let base: string;
/** Set when the server's bomb stream ended: the client hung up. */
let bombClosed = false;

const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  "/page": (_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(PAGE),
  "/bomb": (_req, res) => {
    // Zeros without end, gzipped as they are read: a body no limit-less client could ever finish.
    res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" });
    const zeros = new Readable({ read: () => void zeros.push(Buffer.alloc(64 * 1024)) });
    pipeline(zeros, createGzip(), res, () => void (bombClosed = true));
  },
  "/huge": (_req, res) => {
    res.writeHead(200, { "content-type": "text/html", "content-length": String(100 * MiB) });
    res.write("<html>"); // and then nothing: the declared length alone must be enough to refuse it
  },
  "/stall": (_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.write("<html><body>"); // the body starts, then never ends
  },
  "/loop": (_req, res) => res.writeHead(302, { location: "/loop" }).end(),
  "/moved": (_req, res) => res.writeHead(301, { location: "/page" }).end(),
  "/to-file": (_req, res) => res.writeHead(302, { location: "file:///etc/passwd" }).end(),
  "/latin1": (_req, res) =>
    res
      .writeHead(200, { "content-type": "text/html; charset=iso-8859-1" })
      .end(Buffer.from("<p>GET /v1/caf\xe9s</p>\n", "latin1")),
  "/not-utf8": (_req, res) =>
    res
      .writeHead(200, { "content-type": "text/html" })
      .end(Buffer.from("<p>ok</p>\n<p>GET /v1/caf\xe9s</p>\n", "latin1")),
};

beforeAll(async () => {
  server = createServer((req, res) =>
    (routes[req.url ?? ""] ?? ((_q, s) => s.writeHead(404).end()))(req, res),
  );
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await scratch()));
afterEach(() => cleanup());

async function capture(route: string, ...args: string[]) {
  const apiDir = await apiFolder(dir, [`{file: pages/page.html, url: "${base}${route}"}`]);
  const r = await cli(dir, "capture", ...args);
  return { ...r, apiDir };
}

describe("capture: bounded downloads", () => {
  it("stops an endless gzip bomb at the limit, counted after decompression, and hangs up", async () => {
    const r = await capture("/bomb", "--max-page-bytes", "1MiB");
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `error ${base}/bomb: is larger than the 1 MiB limit for a page (raise it with --max-page-bytes)`,
    );
    await expect.poll(() => bombClosed).toBe(true);
    expect(await readdir(join(r.apiDir, "pages")).catch(() => [])).toEqual([]);
  });

  it("refuses a Content-Length over the limit before reading the body", async () => {
    const r = await capture("/huge");
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `error ${base}/huge: is 100 MiB, more than the 16 MiB limit for a page (raise it with --max-page-bytes)`,
    );
  });

  it("a timeout while the body is being read is a clean exit 2 naming the URL", async () => {
    const r = await capture("/stall", "--timeout", "0.5");
    expect(r.code).toBe(2);
    expect(r.err).toBe(`error ${base}/stall: timed out after 0.5s while reading the page`);
  });

  it("follows redirects, at most 5, and only to http(s) URLs", async () => {
    const moved = await capture("/moved");
    expect(moved.code).toBe(0);
    expect(await readFile(join(moved.apiDir, "pages/page.html"), "utf8")).toBe(PAGE);
    const loop = await capture("/loop");
    expect(loop.code).toBe(2);
    expect(loop.err).toBe(`error ${base}/loop: redirects in a loop: ${base}/loop -> ${base}/loop`);
    const toFile = await capture("/to-file");
    expect(toFile.code).toBe(2);
    expect(toFile.err).toBe(
      `error ${base}/to-file: redirected to "file:///etc/passwd", which is not an http(s) URL`,
    );
  });

  it("decodes by the declared charset, and warns about bytes that are not UTF-8 with their line", async () => {
    const latin1 = await capture("/latin1");
    expect(latin1.err).toBe("");
    expect(await readFile(join(latin1.apiDir, "pages/page.html"), "utf8")).toBe("<p>GET /v1/cafés</p>\n");
    const bad = await capture("/not-utf8");
    expect(bad.code).toBe(0);
    expect(bad.err).toBe(
      `warning ${base}/not-utf8 line 2: bytes that are not valid UTF-8: read as U+FFFD (\uFFFD); save the page as UTF-8`,
    );
  });

  it("refuses to write a page through a link out of the API folder", async () => {
    const outside = join(dir, "elsewhere");
    mkdirSync(outside);
    const apiDir = await apiFolder(dir, [`{file: pages/page.html, url: "${base}/page"}`]);
    symlinkSync(outside, join(apiDir, "pages"));
    const r = await cli(dir, "capture");
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      "error specs/widgets/pages/page.html: leads outside the API folder through a symbolic link: refused",
    );
    expect(await readdir(outside)).toEqual([]);
  });
});
