// A generated package built from a hostile spec (names that are Object.prototype's members or `then`,
// properties and parameters named `__proto__`, servers with variables at every level), compiled by the
// real tsc and run against real servers on 127.0.0.1 (three ports: three origins).
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { main } from "../../scripts/cli.ts";
import { memoryTerminal } from "../cli/memory-terminal.ts";
import { multipartParts, startServer, type TestServer } from "../runtime/server.ts";

const run = promisify(execFile);
const root = join(import.meta.dirname, "..", "..");
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
/** Generating and compiling the package takes about 20 s on a busy two-core machine. */
const BUILD_TIMEOUT = 300_000;
const KEY = "hk_live_GENERATED_SECRET";

const ok = { "200": { description: "ok", content: { "application/json": { schema: { type: "object" } } } } };
const get = (operationId: string, extra: Record<string, unknown> = {}) => ({
  get: { operationId, responses: ok, ...extra },
});
const post = (operationId: string, mediaType: string) => ({
  post: {
    operationId,
    requestBody: {
      content: {
        [mediaType]: {
          schema: {
            type: "object",
            properties: { ["__proto__"]: { type: "object" }, name: { type: "string" } },
          },
        },
      },
    },
    responses: ok,
  },
});

function hostileSpec(ports: { api: number; declared: number; operation: number }) {
  return {
    openapi: "3.1.0",
    info: { title: "Hostile Names", version: "1.0.0" },
    servers: [{ url: "http://127.0.0.1:{port}/api", variables: { port: { default: String(ports.api) } } }],
    security: [{ ["__proto__"]: [] }],
    paths: {
      "/toString": get("toString"),
      "/then": get("then"),
      "/http": get("getHttp"),
      "/valueOf": get("hasOwnProperty"),
      "/constructor": get("constructor"),
      "/items/{__proto__}": {
        get: {
          operationId: "getItem",
          parameters: [{ name: "__proto__", in: "path", required: true, schema: { type: "string" } }],
          responses: ok,
        },
      },
      "/search": get("search", {
        parameters: [
          { name: "__proto__", in: "query", schema: { type: "string" } },
          { name: "valueOf", in: "query", schema: { type: "string" } },
          { name: "toString", in: "query", schema: { type: "string" } },
        ],
      }),
      "/json": post("sendJson", "application/json"),
      "/form": post("sendForm", "application/x-www-form-urlencoded"),
      "/multipart": post("sendMultipart", "multipart/form-data"),
      "/moved": {
        // A path-level server whose port variable lists the declared server's port in its enum.
        servers: [
          {
            url: "http://127.0.0.1:{port}/v2",
            variables: { port: { default: "1", enum: ["1", String(ports.declared)] } },
          },
        ],
        get: {
          operationId: "moved",
          // An operation-level server, protocol-relative: it resolves against the base URL's scheme.
          servers: [{ url: `//127.0.0.1:${ports.operation}/ops` }],
          responses: ok,
        },
      },
    },
    components: {
      securitySchemes: {
        ["__proto__"]: { type: "apiKey", in: "header", name: "X-Proto-Key" },
        toString: { type: "apiKey", in: "query", name: "toString" },
      },
    },
  };
}

type Method = (...args: unknown[]) => Promise<unknown>;
type Client = Record<string, Record<string, Method>> & { http: object };
interface Package {
  HostileNamesClient: new (options: Record<string, unknown>) => Client;
  DEFAULT_BASE_URL: string;
}

let api: TestServer;
let declared: TestServer;
let operation: TestServer;
let foreign: TestServer;
let dir: string;
let built: Promise<Package> | undefined;

beforeAll(async () => {
  [api, declared, operation, foreign] = await Promise.all([
    startServer(),
    startServer(),
    startServer(),
    startServer(),
  ]);
  dir = await mkdtemp(join(tmpdir(), "specsmith-hostile-client-"));
});
afterAll(async () => {
  await Promise.all([api, declared, operation, foreign].map((s) => s?.close()));
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  for (const server of [api, declared, operation, foreign]) {
    server.requests.length = 0;
    server.handle(() => ({ body: { ok: true } }));
  }
});

const portOf = (server: TestServer) => Number(new URL(server.url).port);

/** Generates and compiles the package once, in the first test that needs it (not in a hook). */
function hostilePackage(): Promise<Package> {
  built ??= (async () => {
    const spec = hostileSpec({ api: portOf(api), declared: portOf(declared), operation: portOf(operation) });
    const specFile = join(dir, "hostile.json");
    await writeFile(specFile, JSON.stringify(spec));
    const term = memoryTerminal();
    const out = join(dir, "hostile");
    const code = await main(
      ["generate", "--no-build", specFile, "--out", out, "--name", "hostile"],
      term,
      root,
    );
    if (code !== 0) throw new Error(term.stderr.join("\n"));
    await run(process.execPath, [tsc, "-p", join(out, "tsconfig.json")]);
    return (await import(pathToFileURL(join(out, "dist/index.js")).href)) as Package;
  })();
  return built;
}

/** A method of a resource of the client, failing the test when the generator did not make it. */
function call(c: Client, resource: string, method: string): Method {
  const target = c[resource];
  const fn = target?.[method];
  if (typeof fn !== "function") throw new Error(`no method ${resource}.${method}`);
  return (...args) => fn.apply(target, args);
}

async function client(options: Record<string, unknown> = {}): Promise<Client> {
  const pkg = await hostilePackage();
  return new pkg.HostileNamesClient({ apiKey: KEY, baseURL: api.url, maxRetries: 0, ...options });
}

describe("names that are Object.prototype's members or `then`", () => {
  it(
    "compile, and never shadow the client's own behaviour",
    async () => {
      const c = await client();
      expect(String(c)).toBe("[object Object]");
      expect(`${c}`).toBe("[object Object]");
      // eslint-disable-next-line no-prototype-builtins -- calling it on the client is the point
      expect(c.hasOwnProperty("http")).toBe(true);
      // Not a thenable: awaiting the client gives the client.
      expect(await c).toBe(c);
      expect(c.toString).toBe(Object.prototype.toString);
      // Each hostile name is renamed, and its resource still reaches its path.
      const renamed = {
        constructor_: "/constructor",
        http2: "/http",
        then2: "/then",
        toString2: "/toString",
        valueOf2: "/valueOf",
      };
      for (const name of ["toString", "then", "valueOf", "hasOwnProperty", "constructor"])
        expect(Object.prototype.hasOwnProperty.call(c, name)).toBe(false);
      for (const [name, path] of Object.entries(renamed)) {
        const resource = c[name];
        expect(String(resource)).toBe("[object Object]");
        expect(await resource).toBe(resource);
        // A GET of one undocumented thing under a singular word is a singleton: `retrieve`.
        expect(await call(c, name, "retrieve")()).toEqual({ ok: true });
        expect(api.requests.at(-1)?.path).toBe(path);
      }
      expect(api.requests).toHaveLength(5);
    },
    BUILD_TIMEOUT,
  );

  it(
    "a module export named `then` would make `await import(pkg)` call it: none is exported",
    async () => {
      const pkg = (await hostilePackage()) as unknown as Record<string, unknown>;
      for (const name of ["then", "toString", "valueOf", "hasOwnProperty"]) expect(pkg[name]).toBeUndefined();
    },
    BUILD_TIMEOUT,
  );
});

describe("`__proto__` and other inherited names in requests", () => {
  it(
    "a body property named __proto__ is sent in JSON, form and multipart bodies",
    async () => {
      const c = await client();
      const params = JSON.parse('{"__proto__": {"polluted": "yes"}, "name": "n"}') as Record<string, unknown>;
      const send = (resource: string, method: string) => call(c, resource, method)(params);
      await send("json", "create");
      await send("form", "create");
      await send("multipart", "create");
      const [json, form, multipart] = api.requests;
      expect(JSON.parse(json?.body.toString() ?? "")).toEqual(params);
      expect(json?.body.toString()).toBe('{"__proto__":{"polluted":"yes"},"name":"n"}');
      expect(decodeURIComponent(form?.body.toString() ?? "")).toBe("__proto__[polluted]=yes&name=n");
      const parts = multipartParts(
        multipart?.body ?? Buffer.alloc(0),
        String(multipart?.headers["content-type"]),
      );
      expect(parts.map((p) => [p.name, p.value])).toEqual([
        ["__proto__[polluted]", "yes"],
        ["name", "n"],
      ]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
    BUILD_TIMEOUT,
  );

  it(
    "query and path parameters named __proto__ are sent; inherited names never are",
    async () => {
      const c = await client();
      const query = JSON.parse('{"__proto__": "p"}') as Record<string, unknown>;
      await call(c, "search", "retrieve")(query);
      await call(c, "search", "retrieve")({});
      await call(c, "items", "retrieve")("it_1");
      expect(api.requests.map((r) => r.target)).toEqual(["/search?__proto__=p", "/search", "/items/it_1"]);
    },
    BUILD_TIMEOUT,
  );

  it(
    "a security scheme keyed __proto__ puts its key on the request",
    async () => {
      const c = await client();
      await call(c, "json", "create")({ name: "n" });
      expect(api.requests[0]?.headers["x-proto-key"]).toBe(KEY);
    },
    BUILD_TIMEOUT,
  );
});

describe("servers", () => {
  it(
    "the default base URL has its variables filled from their defaults",
    async () => {
      const pkg = await hostilePackage();
      expect(pkg.DEFAULT_BASE_URL).toBe(`${api.url}/api`);
      const c = new pkg.HostileNamesClient({ apiKey: KEY, maxRetries: 0 });
      await call(c, "search", "retrieve")({});
      expect(api.requests[0]?.path).toBe("/api/search");
    },
    BUILD_TIMEOUT,
  );

  it(
    "credentials follow a redirect to a path-level or operation-level server, and to no other origin",
    async () => {
      const c = await client();
      const moved = () => call(c, "moved", "retrieve")();
      api.reply({ status: 307, headers: { location: `${declared.url}/v2/moved` } });
      await moved();
      expect(declared.requests[0]?.headers["x-proto-key"]).toBe(KEY);
      api.reply({ status: 307, headers: { location: `${operation.url}/ops/moved` } });
      await moved();
      expect(operation.requests[0]?.headers["x-proto-key"]).toBe(KEY);
      api.reply({ status: 307, headers: { location: `${foreign.url}/moved` } });
      await moved();
      expect(foreign.requests[0]?.headers["x-proto-key"]).toBeUndefined();
      expect(JSON.stringify(foreign.requests[0]?.headers)).not.toContain(KEY);
    },
    BUILD_TIMEOUT,
  );
});
