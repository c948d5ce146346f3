// Request validation in a generated package, end to end: a spec with every part of a request constrained
// is generated, compiled by the real tsc and imported; its client talks to a real HTTP server on
// 127.0.0.1, which must see no request when the arguments are invalid, and the request when checking is
// turned off (per client or per call).
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../scripts/cli.ts";
import { memoryTerminal } from "../cli/memory-terminal.ts";
import { startServer, type TestServer } from "../runtime/server.ts";

const run = promisify(execFile);
const root = join(import.meta.dirname, "..", "..");
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");

const spec = {
  openapi: "3.1.0",
  info: { title: "Things", version: "1.0.0" },
  servers: [{ url: "https://things.example" }],
  paths: {
    "/v1/things/{thing_id}": {
      post: {
        operationId: "updateThing",
        parameters: [
          {
            name: "thing_id",
            in: "path",
            required: true,
            schema: { type: "string", pattern: "^th_[a-z0-9]+$" },
          },
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 100 } },
          { name: "X-Mode", in: "header", schema: { type: "string", enum: ["fast", "safe"] } },
        ],
        requestBody: {
          required: true,
          content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } },
        },
        responses: {
          "200": { description: "ok", content: { "application/json": { schema: { type: "object" } } } },
        },
      },
    },
    "/v1/settings": {
      put: {
        operationId: "replaceSettings",
        requestBody: {
          required: true,
          content: { "application/json": { schema: { $ref: "#/components/schemas/Settings" } } },
        },
        responses: { "204": { description: "replaced" } },
      },
    },
    "/v1/tags": {
      put: {
        operationId: "replaceTags",
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: { type: "array", items: { type: "string", minLength: 2 }, maxItems: 3 },
            },
          },
        },
        responses: { "204": { description: "replaced" } },
      },
    },
  },
  components: {
    schemas: {
      // As many properties as DocuSign's account settings: too many to check in one function under tsc.
      Settings: {
        type: "object",
        additionalProperties: false,
        required: ["setting_0", "setting_399"],
        properties: Object.fromEntries(
          Array.from({ length: 400 }, (_, i) => [
            `setting_${i}`,
            { type: ["string", "null"], maxLength: 10, enum: ["on", "off", "auto", null] },
          ]),
        ),
      },
      Thing: {
        type: "object",
        // `id` is readOnly: required in responses only, so a request need not carry it.
        required: ["id", "name", "owner_email"],
        additionalProperties: false,
        properties: {
          id: { type: "string", readOnly: true },
          name: { type: "string", maxLength: 10 },
          owner_email: { type: "string", format: "email" },
          kind: { oneOf: [{ $ref: "#/components/schemas/Box" }, { $ref: "#/components/schemas/Bag" }] },
        },
      },
      Box: {
        type: "object",
        required: ["type", "depth"],
        properties: { type: { const: "box" }, depth: { type: "number", exclusiveMinimum: 0 } },
      },
      Bag: {
        type: "object",
        required: ["type"],
        properties: { type: { const: "bag" }, handles: { type: "integer" } },
      },
    },
  },
};

interface Issue {
  part: string;
  pointer: string;
  keyword: string;
  message: string;
  wireName?: string;
}
type Result = { ok: true; value: unknown } | { ok: false; errors: Issue[] };
type ValidationFailure = Error & { errors: Issue[]; status: unknown };
interface Package {
  ThingsClient: new (options: Record<string, unknown>) => {
    things: { update(id: string, params: unknown, options?: unknown): Promise<unknown> };
    tags: { replaceTags(params: unknown, options?: unknown): Promise<unknown> };
  };
  APIError: new (...args: never[]) => Error;
  RequestValidationError: new (...args: never[]) => ValidationFailure;
  validateUpdateThingBody(value: unknown, options?: { maxErrors?: number }): Result;
  validateReplaceSettingsBody(value: unknown): Result;
  validateUpdateThingPath(value: unknown): Result;
}

let dir: string;
let pkg: Package;
let server: TestServer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "specsmith-request-validation-"));
  const specFile = join(dir, "things.json");
  await writeFile(specFile, JSON.stringify(spec));
  const term = memoryTerminal();
  const out = join(dir, "things");
  const code = await main(["generate", specFile, "--out", out, "--name", "things"], term, root);
  if (code !== 0) throw new Error(term.stderr.join("\n"));
  await run(process.execPath, [tsc, "-p", join(out, "tsconfig.json")]);
  pkg = (await import(pathToFileURL(join(out, "dist/index.js")).href)) as Package;
  server = await startServer();
}, 60_000);

afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

const valid = { name: "Crate", owner_email: "ada@example.com", kind: { type: "box", depth: 2 } };

async function rejection(promise: Promise<unknown>): Promise<ValidationFailure> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof pkg.RequestValidationError))
    throw new Error(`expected a RequestValidationError, got ${String(error)}`);
  return error;
}

describe("a generated client checks requests before sending them", () => {
  const client = (options: Record<string, unknown> = {}) =>
    new pkg.ThingsClient({ baseURL: server.url, maxRetries: 0, ...options });

  it("sends a valid request, without the readOnly property the schema lists as required", async () => {
    const before = server.requests.length;
    await client().things.update("th_1", { ...valid, limit: 5, "X-Mode": "safe" });
    expect(server.requests.length).toBe(before + 1);
    expect(JSON.parse(server.requests.at(-1)?.body.toString() ?? "")).toEqual(valid);
  });

  it("throws a RequestValidationError naming every problem, by part, and sends nothing", async () => {
    const before = server.requests.length;
    const error = await rejection(
      client().things.update("TH-1", {
        name: "A name far too long",
        owner_email: "not an email",
        kind: { type: "box" },
        colour: "red",
        limit: 0,
        "X-Mode": "slow",
      }),
    );
    expect(server.requests.length).toBe(before);
    expect(error).toBeInstanceOf(pkg.APIError);
    expect(error.status).toBeUndefined();
    expect(error.errors.map((e) => [e.part, e.pointer, e.keyword])).toEqual([
      ["path", "/thing_id", "pattern"],
      ["query", "/limit", "minimum"],
      ["header", "/X-Mode", "enum"],
      ["body", "/name", "maxLength"],
      ["body", "/owner_email", "format"],
      // The discriminating `type` picks the Box branch: its error is the one reported.
      ["body", "/kind", "required"],
      ["body", "/colour", "additionalProperties"],
    ]);
    expect(error.message).toBe(
      'Invalid request to POST /v1/things/{thing_id}: thing_id must match pattern "^th_[a-z0-9]+$"; ' +
        'limit must be >= 1; X-Mode must be one of: "fast", "safe"; and 4 more',
    );
  });

  it("points below /body for a body that is not an object (sent as params.body)", async () => {
    const error = await rejection(client().tags.replaceTags({ body: ["ok", "x", "fine", "four"] }));
    expect(error.errors.map((e) => [e.part, e.pointer, e.keyword])).toEqual([
      ["body", "/body", "maxItems"],
      ["body", "/body/1", "minLength"],
    ]);
  });

  it("reports a required body that is missing", async () => {
    const error = await rejection(client().tags.replaceTags({}));
    expect(error.errors.map((e) => [e.part, e.pointer, e.keyword])).toEqual([["body", "/body", "type"]]);
  });

  it("sends unchecked with validate: false on the client, or on one call", async () => {
    const invalid = { ...valid, name: "A name far too long" };
    const before = server.requests.length;
    await client({ validate: false }).things.update("th_1", invalid);
    await client().things.update("th_1", invalid, { validate: false });
    expect(server.requests.length).toBe(before + 2);
    // A call can also turn checking back on where the client has it off.
    await rejection(client({ validate: false }).things.update("th_1", invalid, { validate: true }));
    expect(server.requests.length).toBe(before + 2);
  });
});

describe("the exported validators", () => {
  it("return the value, typed, when it is valid, and every error otherwise, up to maxErrors", () => {
    expect(pkg.validateUpdateThingBody(valid)).toEqual({ ok: true, value: valid });
    const bad = { name: 1, owner_email: 2, kind: 3 };
    const all = pkg.validateUpdateThingBody(bad);
    expect(all.ok).toBe(false);
    expect(all.ok ? [] : all.errors.map((e) => e.pointer)).toEqual(["/name", "/owner_email", "/kind"]);
    const first = pkg.validateUpdateThingBody(bad, { maxErrors: 1 });
    expect(first.ok ? [] : first.errors.map((e) => e.pointer)).toEqual(["/name"]);
  });

  it("check an object of 400 properties (split over several functions) in full", () => {
    const settings = Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`setting_${i}`, "on"]));
    expect(pkg.validateReplaceSettingsBody(settings).ok).toBe(true);
    const { setting_399: _last, ...missingLast } = settings;
    const bad = { ...missingLast, setting_0: null, setting_65: "sometimes", setting_250: 7, extra: true };
    const result = pkg.validateReplaceSettingsBody(bad);
    expect(result.ok ? [] : result.errors.map((e) => [e.pointer, e.keyword])).toEqual([
      ["/setting_65", "enum"],
      ["/setting_250", "type"],
      ["", "required"],
      ["/extra", "additionalProperties"],
    ]);
  });

  it("are exported from the package index and documented per operation", async () => {
    const source = await readFile(join(dir, "things/src/validators.ts"), "utf8");
    expect(source).toContain("/** Checks the path arguments of POST /v1/things/{thing_id} against the spec");
    expect(pkg.validateUpdateThingPath({ thing_id: "th_9" })).toEqual({
      ok: true,
      value: { thing_id: "th_9" },
    });
  });
});
