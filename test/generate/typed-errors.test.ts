// Errors typed by the spec's documented error responses: on the wire (a real HTTP server on 127.0.0.1),
// an error response the spec documents is recognised by the operation's guard (`isCreateChargeError`)
// and by the package's own class (`err instanceof AssistantError`), and one it does not document (an
// HTML 502 from a proxy under a JSON `default`, an error from another operation) is not; the real tsc
// checks that the body is typed after either (`err.body.error.message` compiles, a wrong field does not)
// while `instanceof APIError` still gives `unknown`, never `any`. Packages: test/fixtures/specs/
// assistant.json (every operation documents `default: ErrorBody`) and media.json (a 404 with a body).
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startServer, type TestServer } from "../runtime/server.ts";
import { consumerTypeErrors, importTestPackage, rejectionOf } from "./test-package.ts";

type Call = (params?: unknown, options?: Record<string, unknown>) => Promise<unknown>;
interface Package {
  AssistantClient: new (options: Record<string, unknown>) => {
    responses: { create: Call };
    charges: { create: Call };
  };
  APIError: new (...args: never[]) => Error & { status?: number; body: unknown };
  BadRequestError: new (...args: never[]) => Error;
  AssistantError: abstract new (...args: never[]) => Error;
  isCreateResponseError(error: unknown): boolean;
  isCreateChargeError(error: unknown): boolean;
}

let pkg: Package;
let dir: string;
let server: TestServer;

beforeAll(async () => {
  ({ pkg, dir } = await importTestPackage<Package>("assistant"));
  server = await startServer();
});

afterAll(async () => {
  await server?.close();
});

const client = () =>
  new pkg.AssistantClient({ baseURL: server.url, apiKey: "sk-test", maxRetries: 0, validate: false });

describe("documented error responses, on the wire", () => {
  it("are recognised by the operation's guard and the package's class, the body as sent", async () => {
    const sent = { error: { message: "model is required", type: "invalid_request_error" } };
    server.reply({ status: 400, body: sent });
    const error = await rejectionOf(client().responses.create({}), pkg.BadRequestError);
    expect(pkg.isCreateResponseError(error)).toBe(true);
    expect(error instanceof pkg.AssistantError).toBe(true);
    expect((error as unknown as { body: unknown }).body).toEqual(sent);
    // Documented for responses.create, not for charges.create: the per-operation guard tells them apart.
    expect(pkg.isCreateChargeError(error)).toBe(false);
  });

  it("are not what a proxy's HTML page, an unparsable body or a client-side error is", async () => {
    server.reply({ status: 502, headers: { "content-type": "text/html" }, body: "<h1>Bad gateway</h1>" });
    const html = await rejectionOf(client().responses.create({}), pkg.APIError);
    expect(html.status).toBe(502);
    expect(pkg.isCreateResponseError(html)).toBe(false);
    expect(html instanceof pkg.AssistantError).toBe(false);

    server.reply({ status: 400, headers: { "content-type": "application/json" }, body: "{not json" });
    const broken = await rejectionOf(client().responses.create({}), pkg.APIError);
    expect(pkg.isCreateResponseError(broken)).toBe(false);

    // No server involved: the client refused the request; and values that are not errors at all.
    const invalid = await rejectionOf(
      new pkg.AssistantClient({ baseURL: server.url, apiKey: "sk-test" }).responses.create({}),
      pkg.APIError,
    );
    expect(invalid.status).toBeUndefined();
    expect(pkg.isCreateResponseError(invalid)).toBe(false);
    for (const value of [undefined, null, {}, new Error("x"), { status: 400, body: {} }]) {
      expect(pkg.isCreateResponseError(value)).toBe(false);
      expect(value instanceof pkg.AssistantError).toBe(false);
    }
  });
});

describe("types, by the real tsc", () => {
  it("type the body after the guard and after instanceof, and only there", async () => {
    const errors = await consumerTypeErrors(dir, [
      "import { AssistantClient, APIError, AssistantError, BadRequestError, isCreateResponseError, type CreateResponseError } from PACKAGE;",
      "declare const err: unknown;",
      "if (isCreateResponseError(err)) {",
      "  const message: string = err.body.error.message;",
      "  const status: number = err.status;",
      "  // @ts-expect-error the documented body has no such field",
      "  err.body.error.nope;",
      "}",
      "if (err instanceof AssistantError) {",
      "  const message: string = err.body.error.message;",
      "  const type: string = err.body.error.type;",
      "  // @ts-expect-error the documented body has no such field",
      "  err.body.nope;",
      "  if (err instanceof BadRequestError) { const m: string = err.body.error.message; }",
      "}",
      "if (err instanceof APIError) {",
      "  // @ts-expect-error an APIError's body is unknown (not any) until narrowed",
      "  err.body.error;",
      "}",
      "if (err instanceof BadRequestError) {",
      "  // @ts-expect-error so is a status class's",
      "  err.body.error;",
      "}",
      "const typed: CreateResponseError | undefined = undefined;",
      "void [typed, AssistantClient];",
    ]);
    expect(errors).toEqual([]);
  });

  it("give each documented status its class and body", async () => {
    const media = inject("testPackages").media;
    const errors = await consumerTypeErrors(media, [
      "import { isDownloadFileError, NotFoundError, type DownloadFileError } from PACKAGE;",
      "declare const err: unknown;",
      "if (isDownloadFileError(err)) {",
      "  const status: 404 = err.status;",
      "  const notFound: NotFoundError = err;",
      "  const message: string | undefined = err.body.message;",
      "  // @ts-expect-error the 404 body is not Stripe-shaped",
      "  err.body.error;",
      "}",
      "void (undefined as DownloadFileError | undefined);",
    ]);
    expect(errors).toEqual([]);
  });
});
