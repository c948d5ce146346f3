// `specsmith capture --api NAME --from URL` (and `capture URL --out DIR`) against the test site on
// 127.0.0.1: discovery through each source alone, what is kept and skipped, capture.json, api.yaml,
// freshness across two versions of the site, --prune, scope patterns, the page limit, credentials,
// failures and progress. Every request stays on 127.0.0.1.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { main } from "../../scripts/cli.ts";
import { memoryTerminal } from "../cli/memory-terminal.ts";
import { HOSTILE, hostileRoutes } from "./hostile-routes.ts";
import { serveSite, type SiteOptions, type TestSite } from "./site.ts";

let dir: string;
let site: TestSite | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "specsmith-crawl-"));
});

afterEach(async () => {
  await site?.close();
  site = undefined;
  await rm(dir, { recursive: true, force: true });
});

async function open(options: SiteOptions = {}): Promise<TestSite> {
  site = await serveSite(options);
  return site;
}

const specs = (): string => join(dir, "specs");
const apiDir = (): string => join(specs(), "toys");

async function capture(...args: string[]) {
  const term = memoryTerminal();
  const code = await main(["capture", ...args, "--specs", specs()], term, dir);
  return { code, out: term.stdout.join("\n"), err: term.stderr.join("\n") };
}

interface CaptureJson {
  from: string;
  openapi: string[];
  pages: {
    url: string;
    source?: string;
    file: string;
    status: string;
    sha256: string;
    etag?: string;
    lastModified?: string;
    title?: string;
  }[];
  skipped: { url: string; reason: string; title?: string }[];
}

async function record(folder = join(apiDir(), "pages")): Promise<CaptureJson> {
  return JSON.parse(await readFile(join(folder, "capture.json"), "utf8")) as CaptureJson;
}

/** The operations a spec holds, path parameters unnamed: "GET /v1/widgets/{}". */
function specOperations(yaml: string): string[] {
  const doc = parse(yaml) as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((k) => ["get", "post", "put", "patch", "delete"].includes(k))
      .map((m) => `${m.toUpperCase()} ${path.replace(/\{[^}]*\}/g, "{}")}`),
  );
}

const unnamed = (op: string): string => op.replace(/\{[^}]*\}/g, "{}");

describe("capture --from: the whole site", () => {
  it("finds every API page from the root, keeps them, skips the rest with reasons; the scraped spec holds every operation", async () => {
    const s = await open();
    const first = await capture("--api", "toys", "--from", `${s.base}/`);
    expect(first.code).toBe(0);
    const rec = await record();
    const apiPages = s.pages.filter((p) => p.api);
    expect(rec.pages.map((p) => p.url).length).toBe(apiPages.length);
    // Pages that have a markdown twin were read in that form.
    const twinPages = rec.pages.filter((p) => p.file.endsWith(".md"));
    expect(twinPages.length).toBe(apiPages.filter((p) => p.markdown).length);
    // Guides, the landing pages, the Redoc shell and the image are skipped, each with its reason.
    const reasons = new Map(rec.skipped.map((x) => [new URL(x.url).pathname.replace(/\.md$/, ""), x.reason]));
    expect(reasons.get("/docs/guides/authentication")).toMatch(/^documents no API/);
    // The fetcher refuses what is not text before the crawl reads it.
    expect(reasons.get("/docs/logo.png")).toMatch(/not a text page \(image\/png\)/);
    expect(reasons.get("/docs/reference")).toMatch(/loads an OpenAPI document/);
    expect(rec.openapi).toEqual([`${s.base}/docs/openapi.json`]);
    expect(first.out).toContain(`this site publishes its OpenAPI document: ${s.base}/docs/openapi.json`);
    expect(first.out).toContain("npx specsmith generate");
    expect(first.out).toMatch(/21 page\(s\) .*: 21 new, 0 changed, 0 unchanged, 0 gone, 0 failed/);
    expect(first.out.trimEnd().split("\n").at(-1)).toBe(
      "to see the spec diff a reviewer will see: npm run generate && npx specsmith diff --base HEAD",
    );
    // Every page file is inside pages/, and api.yaml lists each with the URL it was read from.
    const manifest = parse(await readFile(join(apiDir(), "api.yaml"), "utf8")) as {
      pages: { file: string; url: string }[];
    };
    expect(manifest.pages.map((p) => p.file).sort()).toEqual(rec.pages.map((p) => p.file).sort());
    for (const p of rec.pages) {
      expect(p.file).toMatch(/^pages\/[a-z0-9._-]+\.(html|md|txt)$/);
      expect(manifest.pages.find((m) => m.file === p.file)?.url).toBe(p.source ?? p.url);
    }

    const term = memoryTerminal();
    expect(await main(["scrape", "--api", "toys", "--specs", specs()], term, dir)).toBe(0);
    const spec = specOperations(await readFile(join(apiDir(), "openapi.yaml"), "utf8"));
    expect(spec.sort()).toEqual(s.operations.map(unnamed).sort());
  });

  it("captures version 2 with conditional requests, rewrites only the two changed pages, marks the removed one gone, and --prune deletes it", async () => {
    const s = await open();
    expect((await capture("--api", "toys", "--from", `${s.base}/`)).code).toBe(0);
    const before = await record();
    const inodes = new Map<string, number>();
    for (const p of before.pages) inodes.set(p.file, (await stat(join(apiDir(), p.file))).ino);
    s.setVersion(2);
    s.requests.length = 0;
    const second = await capture("--api", "toys", "--from", `${s.base}/`);
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/: 0 new, 2 changed, 18 unchanged, 1 gone, 0 failed/);
    // Conditional requests: ETags where the site gave them, Last-Modified where it gave only that.
    expect(s.requests.some((r) => r.url.startsWith("/docs/api/widgets/") && r.headers["if-none-match"])).toBe(
      true,
    );
    expect(s.requests.some((r) => r.url.endsWith(".md") && r.headers["if-modified-since"])).toBe(true);
    const after = await record();
    const rewritten: string[] = [];
    for (const p of after.pages) {
      if (p.status !== "captured") continue;
      if ((await stat(join(apiDir(), p.file))).ino !== inodes.get(p.file)) rewritten.push(p.url);
    }
    expect(rewritten.map((u) => new URL(u).pathname).sort()).toEqual([
      "/docs/api/gadgets/post--v1-gadgets.md",
      "/docs/api/widgets/get--v1-widgets",
    ]);
    const gone = after.pages.filter((p) => p.status === "gone");
    expect(gone.map((p) => new URL(p.url).pathname.replace(/\.md$/, ""))).toEqual([
      "/docs/api/gizmos/delete-v1-gizmos-id",
    ]);
    const goneFile = join(apiDir(), (gone[0] as { file: string }).file);
    expect((await stat(goneFile)).isFile()).toBe(true);
    // A capture that changed nothing writes capture.json byte for byte as before.
    const again = await capture("--api", "toys", "--from", `${s.base}/`);
    expect(again.out).toMatch(/: 0 new, 0 changed, 20 unchanged, 1 gone, 0 failed/);
    const unchangedRecord = await readFile(join(apiDir(), "pages/capture.json"), "utf8");
    expect(JSON.stringify(await record())).toBe(JSON.stringify(JSON.parse(unchangedRecord)));

    const pruned = await capture("--api", "toys", "--from", `${s.base}/`, "--prune");
    expect(pruned.code).toBe(0);
    expect(pruned.out).toMatch(/1 gone \(1 pruned\)/);
    await expect(stat(goneFile)).rejects.toThrow();
    const manifest = await readFile(join(apiDir(), "api.yaml"), "utf8");
    expect(manifest).not.toContain((gone[0] as { file: string }).file);
    expect((await record()).pages.some((p) => p.status === "gone")).toBe(false);
  });
});

describe("capture --from: each discovery source alone", () => {
  const sources: [string, SiteOptions][] = [
    ["llms.txt", { llms: true, sitemap: false, nav: false }],
    ["sitemap.xml (an index of two sitemaps)", { llms: false, sitemap: true, nav: false }],
    ["the start page's navigation", { llms: false, sitemap: false, nav: true }],
  ];
  for (const [name, options] of sources) {
    it(`finds every API page through ${name}`, async () => {
      const s = await open({ ...options, resources: 3 });
      const run = await capture("--api", "toys", "--from", `${s.base}/`);
      expect(run.code, run.err).toBe(0);
      const kept = (await record()).pages.map((p) => new URL(p.url).pathname.replace(/\.md$/, "")).sort();
      expect(kept).toEqual(
        s.pages
          .filter((p) => p.api)
          .map((p) => p.path)
          .sort(),
      );
    });
  }

  it("without markdown twins keeps only the pages whose HTML documents the API, and says why the shells were skipped", async () => {
    const s = await open({ resources: 2, twins: false });
    expect((await capture("--api", "toys", "--from", `${s.base}/`)).code).toBe(0);
    const rec = await record();
    expect(rec.pages.every((p) => p.file.endsWith(".html") && p.url.includes("/widgets/"))).toBe(true);
    expect(rec.pages).toHaveLength(4);
    const shells = rec.skipped.filter((x) => x.url.includes("/docs/api/gadgets/"));
    expect(shells).toHaveLength(4);
    for (const shell of shells) expect(shell.reason).toMatch(/^documents no API/);
  });
});

describe("capture --from: scope, limits and safety", () => {
  it("keeps to --include and --exclude patterns, and to --max-pages", async () => {
    const s = await open({ resources: 3 });
    const run = await capture("--api", "toys", "--from", `${s.base}/`, "--exclude", "/docs/api/gadgets/*");
    expect(run.code).toBe(0);
    const rec = await record();
    expect(rec.pages.some((p) => p.url.includes("/gadgets/"))).toBe(false);
    expect(
      rec.skipped
        .filter((x) => x.url.includes("/gadgets/"))
        .every((x) => x.reason === "excluded by --exclude /docs/api/gadgets/*"),
    ).toBe(true);

    await rm(apiDir(), { recursive: true });
    const only = await capture(
      "--api",
      "toys",
      "--from",
      `${s.base}/`,
      "--include",
      `${s.base}/docs/api/widgets/*`,
    );
    expect(only.code).toBe(0);
    expect((await record()).pages.every((p) => p.url.includes("/widgets/"))).toBe(true);

    await rm(apiDir(), { recursive: true });
    s.requests.length = 0;
    const limited = await capture("--api", "toys", "--from", `${s.base}/`, "--max-pages", "3");
    expect(limited.code).toBe(0);
    const rec3 = await record();
    expect(rec3.skipped.filter((x) => x.reason === "not fetched: over --max-pages 3").length).toBeGreaterThan(
      0,
    );
    expect(rec3.pages.length).toBeLessThanOrEqual(3);
  });

  it("never writes over a file capture did not write, and never replaces a captured page edited since", async () => {
    const s = await open({ resources: 1 });
    const pages = join(apiDir(), "pages");
    await mkdir(pages, { recursive: true });
    await writeFile(join(pages, "docs-api-widgets-get-v1-widgets.html"), "saved by hand");
    expect((await capture("--api", "toys", "--from", `${s.base}/`)).code).toBe(0);
    expect(await readFile(join(pages, "docs-api-widgets-get-v1-widgets.html"), "utf8")).toBe("saved by hand");
    const rec = await record();
    const list = rec.pages.find((p) => p.url.endsWith("/docs/api/widgets/get--v1-widgets"));
    expect(list?.file).toBe("pages/docs-api-widgets-get-v1-widgets-2.html");

    await writeFile(join(apiDir(), list?.file as string), "edited by the user");
    s.setVersion(2);
    const second = await capture("--api", "toys", "--from", `${s.base}/`);
    expect(second.code).toBe(0);
    expect(second.err).toContain("was changed since capture wrote it: left as it is");
    expect(await readFile(join(apiDir(), list?.file as string), "utf8")).toBe("edited by the user");
  });

  it("keeps the comments of an existing api.yaml and its hand-listed pages", async () => {
    const s = await open({ resources: 1 });
    await mkdir(join(apiDir(), "pages"), { recursive: true });
    const manifest = [
      "# The Toys API, by hand.",
      "title: Toys",
      'package: "@acme/toys"',
      'version: "1.0.0"',
      "description: >-",
      "  A long description that the user folded by hand at a width of their own choosing, well past the",
      "  eightieth column.",
      "pages:",
      "  # A page saved by hand.",
      "  - file: pages/hand.md",
      "# Trailing words.",
      "",
    ].join("\n");
    await writeFile(join(apiDir(), "api.yaml"), manifest);
    await writeFile(join(apiDir(), "pages/hand.md"), "# Hand\n\nGET /v1/hand\n");
    expect((await capture("--api", "toys", "--from", `${s.base}/`)).code).toBe(0);
    const text = await readFile(join(apiDir(), "api.yaml"), "utf8");
    expect(text.startsWith(manifest.slice(0, manifest.indexOf("  - file: pages/hand.md")))).toBe(true);
    expect(text).toContain("  # A page saved by hand.\n  - file: pages/hand.md\n");
    expect(text.endsWith("# Trailing words.\n")).toBe(true);
    expect((parse(text) as { pages: unknown[] }).pages).toHaveLength(5);
  });

  it("sends --header and --cookie to the site only, and never writes or prints them", async () => {
    const other = createServer((req, res) => {
      otherRequests.push(req.url ?? "");
      res.end("<html><body><h1>Elsewhere</h1><p>GET /v1/elsewhere</p></body></html>");
    });
    const otherRequests: string[] = [];
    await new Promise<void>((done) => other.listen(0, "127.0.0.1", done));
    const elsewhere = `http://127.0.0.1:${(other.address() as AddressInfo).port}/docs/api/widgets/x`;
    try {
      const s = await open({
        resources: 1,
        // The landing page links to another origin too.
        extraRoutes: (req, res) => {
          if (req.url !== "/") return false;
          res.writeHead(200, { "content-type": "text/html" });
          res.end(`<html><body><a href="/docs/">Docs</a><a href="${elsewhere}">Elsewhere</a></body></html>`);
          return true;
        },
      });
      const secret = "Bearer s3cr3t-t0ken";
      const run = await capture(
        "--api",
        "toys",
        "--from",
        `${s.base}/`,
        "--header",
        `Authorization: ${secret}`,
        "--cookie",
        "session=c00kie-value",
      );
      expect(run.code).toBe(0);
      expect(s.requests.every((r) => r.headers.authorization === secret)).toBe(true);
      expect(s.requests.every((r) => r.headers.cookie === "session=c00kie-value")).toBe(true);
      expect(otherRequests).toEqual([]);
      const everything = [run.out, run.err];
      for (const file of await readdir(apiDir(), { recursive: true }))
        everything.push(
          await readFile(join(apiDir(), file)).then(
            (b) => b.toString("utf8"),
            () => "",
          ),
        );
      for (const text of everything) {
        expect(text).not.toContain("s3cr3t");
        expect(text).not.toContain("c00kie");
      }
      const bad = await capture("--api", "toys", "--from", `${s.base}/`, "--header", "no colon s3cr3t");
      expect(bad.code).toBe(2);
      expect(bad.err).not.toContain("s3cr3t");
    } finally {
      other.closeAllConnections();
      await new Promise((done) => other.close(done));
    }
  });

  it("keeps the earlier copy of a page that fails, and exits 2 writing nothing when the site cannot be reached", async () => {
    let failing = false;
    const s = await open({
      resources: 1,
      extraRoutes: (req, res) => {
        if (!failing || req.url !== "/docs/api/widgets/post--v1-widgets") return false;
        res.writeHead(500);
        res.end();
        return true;
      },
    });
    expect((await capture("--api", "toys", "--from", `${s.base}/`)).code).toBe(0);
    const file = (await record()).pages.find((p) => p.url.endsWith("/post--v1-widgets"))?.file as string;
    const saved = await readFile(join(apiDir(), file), "utf8");
    failing = true;
    const second = await capture("--api", "toys", "--from", `${s.base}/`);
    expect(second.code).toBe(0);
    expect(second.err).toContain(`${s.base}/docs/api/widgets/post--v1-widgets: HTTP 500`);
    expect(second.out).toMatch(/1 failed/);
    expect(await readFile(join(apiDir(), file), "utf8")).toBe(saved);
    expect((await record()).pages.find((p) => p.file === file)?.status).toBe("failed");

    const before = await readFile(join(apiDir(), "pages/capture.json"), "utf8");
    await s.close();
    site = undefined;
    const down = await capture("--api", "toys", "--from", s.base + "/", "--timeout", "5");
    expect(down.code).toBe(2);
    expect(down.err).toMatch(/could not fetch a page of the site/);
    expect(await readFile(join(apiDir(), "pages/capture.json"), "utf8")).toBe(before);
  });

  it("captures loose pages with URL --out DIR, and shows progress only on a terminal", async () => {
    const s = await open({ resources: 1, llms: false, sitemap: false });
    const quiet = memoryTerminal();
    expect(await main(["capture", `${s.base}/docs/`, "--out", "captures"], quiet, dir)).toBe(0);
    const rec = await record(join(dir, "captures"));
    expect(rec.pages).toHaveLength(4);
    for (const p of rec.pages) expect(p.file).toMatch(/^api-widgets-[a-z0-9-]+\.html$/);
    expect(quiet.stderr.join("\n")).not.toContain("capturing");
    await rm(join(dir, "captures"), { recursive: true });
    const tty = memoryTerminal({ tty: true });
    expect(await main(["capture", `${s.base}/docs/`, "--out", "captures"], tty, dir)).toBe(0);
    expect(tty.stderr.join("")).toMatch(/capturing .*: \d+ found, \d+ fetched, \d+ kept/);
  });
});

describe("capture --from: a site that misbehaves around its pages", () => {
  it("keeps every API page while robots.txt, redirects, a 429, a 500, a stalled page, a huge page and files misbehave; the spec holds every operation", async () => {
    const hostile = hostileRoutes();
    const links = [
      HOSTILE.private,
      HOSTILE.moved,
      HOSTILE.offSite,
      HOSTILE.loop,
      HOSTILE.busy,
      HOSTILE.flaky,
      HOSTILE.stall,
      HOSTILE.huge,
      HOSTILE.png,
      HOSTILE.pdf,
    ];
    const s = await open({
      resources: 2,
      // The landing page links to the docs and to every misbehaving path; robots.txt and those paths are
      // the hostile routes'.
      extraRoutes: (req, res) => {
        if (req.url === "/") {
          res.writeHead(200, { "content-type": "text/html" });
          res.end(
            `<html><body><a href="/docs/">Docs</a>${links.map((l) => `<a href="${l}">${l}</a>`).join("")}</body></html>`,
          );
          return true;
        }
        return hostile.handle(req, res);
      },
    });
    const run = await capture(
      "--api",
      "toys",
      "--from",
      `${s.base}/`,
      "--timeout",
      "3",
      "--max-page-bytes",
      "1MiB",
    );
    expect(run.code).toBe(0);
    // robots.txt forbids /hostile/private/: never asked for.
    expect(hostile.hits(HOSTILE.private)).toBe(0);
    // The 429 (Retry-After: 2) and the 500 were retried and then read.
    expect(hostile.hits(HOSTILE.busy)).toBe(2);
    expect(hostile.hits(HOSTILE.flaky)).toBe(2);
    const rec = await record();
    const reasons = new Map(rec.skipped.map((x) => [new URL(x.url).pathname, x.reason]));
    // Once retried, both serve the page /hostile/moved redirects to: read, and kept once.
    expect(reasons.get(HOSTILE.busy)).toMatch(/^the same page as /);
    expect(reasons.get(HOSTILE.flaky)).toMatch(/^the same page as /);
    expect(reasons.get(HOSTILE.private)).toMatch(/robots\.txt/);
    expect(reasons.get(HOSTILE.offSite)).toMatch(/off the site/);
    expect(reasons.get(HOSTILE.loop)).toMatch(/loop/);
    expect(reasons.get(HOSTILE.stall)).toMatch(/timed out/);
    expect(reasons.get(HOSTILE.huge)).toMatch(/larger than|limit/);
    expect(reasons.get(HOSTILE.png)).toMatch(/not a text page/);
    expect(reasons.get(HOSTILE.pdf)).toMatch(/not a text page/);

    const term = memoryTerminal();
    expect(await main(["scrape", "--api", "toys", "--specs", specs()], term, dir)).toBe(0);
    const spec = specOperations(await readFile(join(apiDir(), "openapi.yaml"), "utf8"));
    for (const op of s.operations) expect(spec).toContain(unnamed(op));
  });
});
