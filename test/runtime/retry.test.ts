// The retry policy on its own: which failures are retried, and how long the client waits.
import { describe, expect, it } from "vitest";
import { retryAfterMs, retryDelay, shouldRetry, type RetryInput } from "../../templates/runtime/retry.ts";

const base: RetryInput = { method: "GET", attempt: 0, maxRetries: 2, hasIdempotencyKey: false };

describe("shouldRetry", () => {
  const cases: { name: string; given: Partial<RetryInput>; want: boolean }[] = [
    { name: "network error on GET", given: {}, want: true },
    { name: "408", given: { status: 408 }, want: true },
    { name: "409", given: { status: 409 }, want: true },
    { name: "429", given: { status: 429 }, want: true },
    { name: "500", given: { status: 500 }, want: true },
    { name: "503", given: { status: 503 }, want: true },
    { name: "400", given: { status: 400 }, want: false },
    { name: "404", given: { status: 404 }, want: false },
    { name: "retries exhausted", given: { status: 503, attempt: 2 }, want: false },
    { name: "maxRetries 0", given: { status: 503, maxRetries: 0 }, want: false },
    { name: "POST without key", given: { method: "POST", status: 503 }, want: false },
    { name: "POST network error without key", given: { method: "POST" }, want: false },
    { name: "PATCH without key", given: { method: "PATCH", status: 503 }, want: false },
    { name: "POST with key", given: { method: "POST", status: 503, hasIdempotencyKey: true }, want: true },
    { name: "PUT and DELETE are idempotent", given: { method: "DELETE", status: 503 }, want: true },
    {
      name: "x-should-retry: true on 400",
      given: { status: 400, headers: new Headers({ "x-should-retry": "true" }) },
      want: true,
    },
    {
      name: "x-should-retry: false on 503",
      given: { status: 503, headers: new Headers({ "x-should-retry": "false" }) },
      want: false,
    },
    {
      name: "x-should-retry: true cannot make a keyless POST safe",
      given: { method: "POST", status: 503, headers: new Headers({ "x-should-retry": "true" }) },
      want: false,
    },
  ];
  it.each(cases)("$name", ({ given, want }) => {
    expect(shouldRetry({ ...base, ...given })).toBe(want);
  });
});

describe("retryDelay", () => {
  const now = () => Date.parse("2024-01-01T00:00:00Z");
  it("backs off exponentially from 0.5 s, capped at 8 s", () => {
    const none = { random: () => 0 };
    expect([0, 1, 2, 3, 4, 5, 6].map((a) => retryDelay(a, undefined, none))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000, 8000,
    ]);
  });
  it("jitter shortens the delay by at most 25%", () => {
    expect(retryDelay(1, undefined, { random: () => 0.999999 })).toBe(750);
    expect(retryDelay(1, undefined, { random: () => 0.5 })).toBe(875);
  });
  const cases: { name: string; headers: Record<string, string>; want: number | undefined }[] = [
    { name: "retry-after-ms", headers: { "retry-after-ms": "25" }, want: 25 },
    {
      name: "retry-after-ms wins over Retry-After",
      headers: { "retry-after-ms": "25", "retry-after": "3" },
      want: 25,
    },
    { name: "Retry-After seconds", headers: { "retry-after": "2" }, want: 2000 },
    { name: "Retry-After fractional seconds", headers: { "retry-after": "0.5" }, want: 500 },
    {
      name: "Retry-After HTTP date",
      headers: { "retry-after": "Mon, 01 Jan 2024 00:00:03 GMT" },
      want: 3000,
    },
    {
      name: "Retry-After date in the past",
      headers: { "retry-after": "Sun, 31 Dec 2023 00:00:00 GMT" },
      want: 0,
    },
    { name: "capped at 60 s", headers: { "retry-after": "3600" }, want: 60_000 },
    { name: "unreadable", headers: { "retry-after": "soon" }, want: undefined },
    { name: "absent", headers: {}, want: undefined },
  ];
  it.each(cases)("$name", ({ headers, want }) => {
    expect(retryAfterMs(new Headers(headers), now)).toBe(want);
    if (want !== undefined)
      expect(retryDelay(3, new Headers(headers), { now, random: () => 0.9 })).toBe(want);
  });
});
