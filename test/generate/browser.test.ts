// A generated package where users run it: bundled by esbuild for the browser (ESM with code splitting, so
// the client's resources and each operation's validators arrive as chunks fetched on demand) and run in
// real headless Chromium, driven by puppeteer-core, against a 127.0.0.1 server that serves the page, the
// bundle and the API from one origin. The page's results come back through page.evaluate.
// Chromium is Debian's (`apt-get install -y chromium`; .ci/run installs it). A machine without it fails
// this test with that instruction rather than skipping it: a skipped browser test is a passing suite that
// never ran in a browser. SPECSMITH_CHROMIUM names another Chromium binary.
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { build } from "esbuild";
import puppeteer, { type Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startServer, type TestServer } from "../runtime/server.ts";

const CHROMIUM = process.env.SPECSMITH_CHROMIUM ?? "/usr/bin/chromium";
/** Generous for a busy 2-core machine: starting Chromium alone can take seconds there. */
const BROWSER_TIMEOUT_MS = 60_000;

let work: string;
let server: TestServer;
let browser: Browser | undefined;
/** The bundle's files by URL path ("/app/entry.js"). */
const assets = new Map<string, string>();
/** The module each on-demand chunk was made for, by URL path ("/app/updateThing-X.js" -> "validators/updateThing"). */
const chunkModules = new Map<string, string>();

const thing = { id: "th_1", name: "Crate", owner_email: "ada@example.com", kind: { type: "box", depth: 2 } };

// The page: one valid call whose parsed result it returns, and one invalid call, refused in the browser
// before anything is sent. `validated` counts requests for validator chunks before the invalid call.
const entry = (packageDir: string): string => `
import { ThingsClient, RequestValidationError } from ${JSON.stringify(join(packageDir, "dist/index.js"))};

const client = new ThingsClient({ baseURL: location.origin, maxRetries: 0 });

globalThis.runChecks = async () => {
  const { id, ...fields } = ${JSON.stringify(thing)};
  const result = await client.things.update(id, fields);
  let refused;
  try {
    await client.things.update("TH-1", { ...fields, name: "A name far too long" });
    refused = { thrown: false };
  } catch (error) {
    refused = {
      thrown: true,
      isRequestValidationError: error instanceof RequestValidationError,
      issues: error.errors.map((e) => [e.part, e.pointer, e.keyword]),
      message: error.message,
    };
  }
  // Unchecked: its validators' chunk is never fetched, and the invalid tags are sent.
  const unchecked = new ThingsClient({ baseURL: location.origin, maxRetries: 0, validate: false });
  const tags = await unchecked.tags.update({ body: ["ok", "x", "fine", "four"] });
  return { result, resultIsObject: typeof result === "object" && !Array.isArray(result), refused, tags };
};
`;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not at ${CHROMIUM}: install Debian's with \`apt-get install -y chromium\` ` +
        "(as .ci/run does), or set SPECSMITH_CHROMIUM to a Chromium binary",
    );
  }
  work = await mkdtemp(join(tmpdir(), "specsmith-browser-"));
  await writeFile(join(work, "entry.js"), entry(inject("testPackages").things));
  const out = join(work, "out");
  const { metafile } = await build({
    metafile: true,
    entryPoints: [join(work, "entry.js")],
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    outdir: out,
    logLevel: "error",
  });
  for (const name of await readdir(out)) assets.set(`/app/${name}`, await readFile(join(out, name), "utf8"));
  for (const [file, output] of Object.entries(metafile.outputs)) {
    // The package's compiled modules: dist/operations/updateThing.js -> "operations/updateThing".
    const module = /\/((?:operations|resources|validators)\/\w+)\.js$/.exec(output.entryPoint ?? "")?.[1];
    if (module !== undefined) chunkModules.set(`/app/${basename(file)}`, module);
  }
  server = await startServer();
  server.handle((request) => {
    if (request.path === "/")
      return {
        headers: { "content-type": "text/html" },
        body: '<!doctype html><script type="module" src="/app/entry.js"></script>',
      };
    const asset = assets.get(request.path);
    if (asset !== undefined) return { headers: { "content-type": "text/javascript" }, body: asset };
    if (request.method === "POST" && request.path === "/v1/things/th_1") return { body: thing };
    if (request.method === "PUT" && request.path === "/v1/tags") return { body: { tags: 4 } };
    return { status: 404, body: { error: "not found" } };
  });
  browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Root in a container has no user namespace for Chromium's sandbox.
    args: ["--no-sandbox", "--disable-dev-shm-usage"],
    timeout: BROWSER_TIMEOUT_MS,
    protocolTimeout: BROWSER_TIMEOUT_MS,
  });
}, 2 * BROWSER_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe("a generated package in a real browser", () => {
  it(
    "calls the API through the client, loading its code on demand, and refuses an invalid request",
    async () => {
      if (!browser) throw new Error("the browser did not start");
      const page = await browser.newPage();
      const pageErrors: string[] = [];
      page.on("pageerror", (error) => pageErrors.push(String(error)));
      await page.goto(server.url, { waitUntil: "load", timeout: BROWSER_TIMEOUT_MS });
      await page.waitForFunction(() => "runChecks" in globalThis, { timeout: BROWSER_TIMEOUT_MS });
      const checks = await page.evaluate(() =>
        (globalThis as unknown as { runChecks(): Promise<unknown> }).runChecks(),
      );
      expect(pageErrors).toEqual([]);
      expect(checks).toEqual({
        // The body as the server sent it, parsed by the client and handed back by awaiting the call.
        result: thing,
        resultIsObject: true,
        refused: {
          thrown: true,
          isRequestValidationError: true,
          issues: [
            ["path", "/thing_id", "pattern"],
            ["body", "/name", "maxLength"],
          ],
          message:
            'Invalid request to POST /v1/things/{thing_id}: thing_id must match pattern "^th_[a-z0-9]+$"; ' +
            "/name must be at most 10 characters long",
        },
        tags: { tags: 4 },
      });
      const api = server.requests.filter((r) => r.path.startsWith("/v1/"));
      // The valid call reached the API with the body the page passed, the invalid one did not, the
      // unchecked one did.
      expect(api.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /v1/things/th_1", "PUT /v1/tags"]);
      const { id: _id, ...fields } = thing;
      expect(JSON.parse(api[0]?.body.toString() ?? "")).toEqual(fields);
      // The page fetched the entry, then on demand the chunks the calls needed: resources, operations and,
      // for the checked call only, validators.
      const fetched = server.requests.filter((r) => r.path.startsWith("/app/")).map((r) => r.path);
      expect(fetched[0]).toBe("/app/entry.js");
      const modules = fetched.flatMap((path) => chunkModules.get(path) ?? []).sort();
      expect(modules).toEqual([
        "operations/replaceTags",
        "operations/updateThing",
        "resources/tags",
        "resources/things",
        "validators/updateThing",
      ]);
      await page.close();
    },
    2 * BROWSER_TIMEOUT_MS,
  );
});
