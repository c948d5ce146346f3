// Request validation in a generated package, end to end: a spec with every part of a request constrained
// (test/fixtures/specs/things.json) is generated, compiled by the real tsc (test/setup/test-packages.ts)
// and imported; its client talks to a real HTTP server on 127.0.0.1, which must see no request when the
// arguments are invalid, and the request when checking is turned off (per client or per call).
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startServer, type TestServer } from "../runtime/server.ts";

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
    tags: { update(params: unknown, options?: unknown): Promise<unknown> };
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
  // Generated from test/fixtures/specs/things.json and compiled by test/setup/test-packages.ts.
  dir = inject("testPackages").things;
  // The validators are the package's `/validators` subpath, the client its root.
  pkg = {
    ...((await import(pathToFileURL(join(dir, "dist/index.js")).href)) as object),
    ...((await import(pathToFileURL(join(dir, "dist/validators.js")).href)) as object),
  } as Package;
  server = await startServer();
});

afterAll(async () => {
  await server?.close();
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
    const error = await rejection(client().tags.update({ body: ["ok", "x", "fine", "four"] }));
    expect(error.errors.map((e) => [e.part, e.pointer, e.keyword])).toEqual([
      ["body", "/body", "maxItems"],
      ["body", "/body/1", "minLength"],
    ]);
  });

  it("reports a required body that is missing", async () => {
    const error = await rejection(client().tags.update({}));
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

  it("are exported from the package's /validators subpath and documented per operation", async () => {
    const manifest = JSON.parse(await readFile(join(dir, "package.json"), "utf8")) as {
      exports: Record<string, { import: { default: string } }>;
    };
    expect(manifest.exports["./validators"]?.import?.default).toBe("./dist/validators.js");
    const source = await readFile(join(dir, "src/validators/updateThing.ts"), "utf8");
    expect(source).toContain("/** Checks the path arguments of POST /v1/things/{thing_id} against the spec");
    expect(pkg.validateUpdateThingPath({ thing_id: "th_9" })).toEqual({
      ok: true,
      value: { thing_id: "th_9" },
    });
  });
});
