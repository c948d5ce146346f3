// Validation messages a user can act on, end to end in a generated package (test/fixtures/specs/
// assistant.json, generated and compiled by test/setup/test-packages.ts) against a real HTTP server on
// 127.0.0.1: an enum mismatch names the allowed values (up to 20), a tagged union names every tag, a JSON
// body's problems are named by JSON Pointer and a form body's by the field name on the wire, and
// `validate: "warn"` reports a request the spec calls invalid and sends it anyway. Types by the real tsc.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startServer, type TestServer } from "../runtime/server.ts";
import { consumerTypeErrors, importTestPackage, rejectionOf } from "./test-package.ts";

interface Issue {
  part: string;
  pointer: string;
  keyword: string;
  message: string;
  wireName?: string;
}
type ValidationFailure = Error & { errors: Issue[] };
type Call = (params: unknown, options?: Record<string, unknown>) => Promise<unknown>;
interface Package {
  AssistantClient: new (options: Record<string, unknown>) => {
    responses: { create: Call };
    charges: { create: Call };
  };
  RequestValidationError: new (...args: never[]) => ValidationFailure;
}

let dir: string;
let pkg: Package;
let server: TestServer;

beforeAll(async () => {
  ({ dir, pkg } = await importTestPackage<Package>("assistant"));
  server = await startServer();
});

afterAll(async () => {
  await server?.close();
});

afterEach(() => {
  vi.restoreAllMocks();
});

const client = (options: Record<string, unknown> = {}) =>
  new pkg.AssistantClient({ baseURL: server.url, apiKey: "sk-test-key-123", maxRetries: 0, ...options });

const rejection = (promise: Promise<unknown>) => rejectionOf(promise, pkg.RequestValidationError);

const MODELS = Array.from({ length: 25 }, (_, i) => `model-${String(i + 1).padStart(2, "0")}`);

describe("an invalid request's message says what would be valid", () => {
  it("names the allowed values of an enum, the first 20 of 25 and how many more", async () => {
    const before = server.requests.length;
    const error = await rejection(client().responses.create({ model: "model-99" }));
    expect(server.requests.length).toBe(before);
    const named = MODELS.slice(0, 20)
      .map((m) => `"${m}"`)
      .join(", ");
    expect(error.errors).toEqual([
      expect.objectContaining({
        part: "body",
        pointer: "/model",
        message: `must be one of: ${named} and 5 more`,
      }),
    ]);
    expect(error.message).toContain(`/model must be one of: ${named} and 5 more`);
  });

  it("names every tag of a tagged union, at the tag, by JSON Pointer in a JSON body", async () => {
    const tools = [{ type: "function", name: "lookup" }, { type: "browser" }];
    const error = await rejection(client().responses.create({ model: "model-01", tools }));
    expect(error.errors.map((e) => [e.pointer, e.keyword, e.message, e.wireName])).toEqual([
      ["/tools/1/type", "enum", 'must be one of: "function", "file_search", "web_search"', undefined],
    ]);
    expect(error.message).toBe(
      'Invalid request to POST /v1/responses: /tools/1/type must be one of: "function", "file_search", "web_search"',
    );
  });

  it("reports the fields of the branch a known tag picks, by JSON Pointer", async () => {
    const tools = [{ type: "file_search", vector_store_ids: "vs_1" }];
    const error = await rejection(client().responses.create({ model: "model-01", tools }));
    expect(error.message).toBe(
      "Invalid request to POST /v1/responses: /tools/0/vector_store_ids must be an array",
    );
  });

  it("names a form body's field as it goes on the wire", async () => {
    const before = server.requests.length;
    const error = await rejection(
      client().charges.create({
        amount: 100,
        payment_method_options: { card: { networks: ["visa", "discover"] } },
      }),
    );
    expect(server.requests.length).toBe(before);
    expect(error.errors.map((e) => [e.pointer, e.wireName])).toEqual([
      ["/payment_method_options/card/networks/1", "payment_method_options[card][networks][1]"],
    ]);
    expect(error.message).toBe(
      "Invalid request to POST /v1/charges: payment_method_options[card][networks][1] " +
        'must be one of: "visa", "mastercard", "amex"',
    );
  });
});

describe('validate: "warn"', () => {
  const newerValue = { model: "model-26" };

  it("sends the request and hands the problems to the hook the user gives", async () => {
    const warnings: ValidationFailure[] = [];
    const before = server.requests.length;
    server.reply({ body: { id: "resp_1" } });
    const result = await client({
      validate: "warn",
      onValidationWarning: (w: ValidationFailure) => warnings.push(w),
    }).responses.create(newerValue);
    expect(result).toEqual({ id: "resp_1" });
    expect(server.requests.length).toBe(before + 1);
    expect(JSON.parse(server.requests.at(-1)?.body.toString() ?? "")).toEqual(newerValue);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toBeInstanceOf(pkg.RequestValidationError);
    expect(warnings[0]?.errors.map((e) => e.pointer)).toEqual(["/model"]);
  });

  it("warns on the console once per distinct message by default, never with the credential", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const before = server.requests.length;
    const warning = client({ validate: "warn" });
    await warning.responses.create(newerValue);
    await warning.responses.create(newerValue);
    // Another value with the same problem is the same message; another problem is a new one.
    await warning.responses.create({ model: "model-27" });
    await warning.responses.create({ model: "model-01", tools: [{ type: "browser" }] });
    expect(server.requests.length).toBe(before + 4);
    expect(warn).toHaveBeenCalledTimes(2);
    const printed = warn.mock.calls.map((args) => args.join(" ")).join("\n");
    expect(printed).toContain('/model must be one of: "model-01"');
    expect(printed).toContain("/tools/0/type must be one of");
    expect(printed).toContain("sent anyway");
    expect(printed).not.toContain("sk-test-key-123");
  });

  it("is a per-call option too, and a valid request is not reported", async () => {
    const warnings: unknown[] = [];
    const strict = client({ onValidationWarning: (w: unknown) => warnings.push(w) });
    await rejection(strict.responses.create(newerValue));
    await strict.responses.create(newerValue, { validate: "warn" });
    await strict.responses.create({ model: "model-01" }, { validate: "warn" });
    expect(warnings).toHaveLength(1);
  });
});

describe("the validate option's type", () => {
  it('accepts true, false and "warn", and a hook taking a RequestValidationError (real tsc)', async () => {
    const errors = await consumerTypeErrors(dir, [
      `import { AssistantClient, type RequestValidationError } from PACKAGE;`,
      `const seen: RequestValidationError[] = [];`,
      `new AssistantClient({ validate: "warn", onValidationWarning: (w) => seen.push(w) });`,
      `new AssistantClient({ validate: false });`,
      `void new AssistantClient().responses.create({ model: "model-01" }, { validate: "warn" });`,
      `// @ts-expect-error a misspelt mode is refused`,
      `new AssistantClient({ validate: "warning" });`,
      `new AssistantClient({ onValidationWarning: (w) => w.errors[0]?.pointer.toUpperCase() });`,
    ]);
    expect(errors).toEqual([]);
  });
});
