// Error classes by status, and messages, codes and request ids read from the common body shapes.
import { describe, expect, it } from "vitest";
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from "../../templates/runtime/errors.ts";

describe("APIError.from", () => {
  const cases = [
    { status: 400, want: BadRequestError },
    { status: 401, want: AuthenticationError },
    { status: 403, want: PermissionDeniedError },
    { status: 404, want: NotFoundError },
    { status: 409, want: ConflictError },
    { status: 422, want: UnprocessableEntityError },
    { status: 429, want: RateLimitError },
    { status: 500, want: InternalServerError },
    { status: 503, want: InternalServerError },
    { status: 418, want: APIError },
  ];
  it.each(cases)("$status -> $want.name", ({ status, want }) => {
    const error = APIError.from(status, undefined, {});
    expect(error).toBeInstanceOf(want);
    expect(error).toBeInstanceOf(APIError);
    expect(error.name).toBe(want.name);
    expect(error.status).toBe(status);
    expect(String(error.stack)).toMatch(new RegExp(`^${want.name}: `));
  });
});

describe("messages from bodies", () => {
  const cases: { name: string; body: unknown; message: string; code?: string; type?: string }[] = [
    {
      name: "Stripe",
      body: {
        error: {
          message: "No such customer: 'cus_1'",
          code: "resource_missing",
          type: "invalid_request_error",
        },
      },
      message: "404 No such customer: 'cus_1'",
      code: "resource_missing",
      type: "invalid_request_error",
    },
    {
      name: "{message}",
      body: { message: "Item not found", code: "not_found" },
      message: "404 Item not found",
      code: "not_found",
    },
    { name: "{detail}", body: { detail: "Not found." }, message: "404 Not found." },
    {
      name: "FastAPI validation list",
      body: { detail: [{ loc: ["body", "a"], msg: "field required" }, { msg: "bad b" }] },
      message: "404 field required; bad b",
    },
    {
      name: "problem details",
      body: {
        type: "https://x/problems/missing",
        title: "Missing",
        detail: "Item 7 does not exist",
        status: 404,
      },
      message: "404 Missing: Item 7 does not exist",
      type: "https://x/problems/missing",
    },
    { name: "{title}", body: { title: "Gone fishing" }, message: "404 Gone fishing" },
    { name: "{error: string}", body: { error: "invalid_grant" }, message: "404 invalid_grant" },
    { name: "text", body: "upstream exploded\n", message: "404 upstream exploded" },
    { name: "no body", body: undefined, message: "404 status code (no body)" },
  ];
  it.each(cases)("$name", ({ body, message, code, type }) => {
    const error = APIError.from(404, body, { "x-request-id": "req_9" });
    expect(error.message).toBe(message);
    expect(error.code).toBe(code);
    expect(error.type).toBe(type);
    expect(error.requestId).toBe("req_9");
    expect(error.body).toEqual(body);
  });

  it("prefers request-id, lower-cases headers and drops set-cookie", () => {
    const headers = new Headers({
      "Request-Id": "req_1",
      "X-Request-Id": "req_2",
      "Set-Cookie": "session=s3cret",
    });
    const error = APIError.from(500, undefined, headers);
    expect(error.requestId).toBe("req_1");
    expect(error.headers).toEqual({ "request-id": "req_1", "x-request-id": "req_2" });
  });

  it("truncates huge text bodies", () => {
    expect(APIError.from(502, "x".repeat(5000), {}).message.length).toBeLessThan(520);
  });
});

describe("errors without a response", () => {
  it("connection, timeout and abort errors are APIErrors without status", () => {
    const cause = new Error("ECONNREFUSED");
    const connection = new APIConnectionError({ cause });
    expect(connection.cause).toBe(cause);
    expect(connection.status).toBeUndefined();
    expect(new APIConnectionTimeoutError()).toBeInstanceOf(APIConnectionError);
    expect(new APIConnectionTimeoutError().message).toBe("Request timed out.");
    expect(new APIUserAbortError()).toBeInstanceOf(APIError);
    expect(JSON.stringify(connection)).toBe('{"name":"APIConnectionError","message":"Connection error."}');
  });
});
