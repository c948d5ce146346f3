// The client's log, on the wire against a server on 127.0.0.1: `logLevel`, `logger` and the `<API>_LOG`
// environment variable of a generated package, the lines each level writes (requests, responses,
// retries, calls that failed for good, requests sent despite validation problems), and that no
// credential reaches a log line: not the configured key, not an API key in a header or the query, not a
// cookie or a token set by hand.
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { BinaryResponse } from "../../templates/runtime/binary.ts";
import { HttpClient, type OperationSpec } from "../../templates/runtime/client.ts";
import {
  APIConnectionError,
  APIError,
  APIUserAbortError,
  ResponseTooLargeError,
} from "../../templates/runtime/errors.ts";
import type { Logger } from "../../templates/runtime/log.ts";
import { closedPort, startServer, type TestServer } from "../runtime/server.ts";
import { importTestPackage } from "./test-package.ts";

interface Assistant {
  AssistantClient: new (options: Record<string, unknown>) => {
    charges: {
      create(
        params: { amount: number },
        options?: { idempotencyKey?: string; signal?: AbortSignal },
      ): Promise<unknown>;
    };
  };
}

let server: TestServer;
let pkg: Assistant;
beforeAll(async () => {
  server = await startServer();
  pkg = (await importTestPackage<Assistant>("assistant")).pkg;
});
afterAll(() => server.close());

const KEY = "sk-live-0123456789abcdef";

/** A logger that keeps every line with its level and details, printed as console would print them. */
function recordingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const keep =
    (level: string) =>
    (message: string, ...details: unknown[]): void =>
      void lines.push([`${level}: ${message}`, ...details.map((d) => inspect(d, { depth: 5 }))].join(" "));
  return {
    logger: { error: keep("error"), warn: keep("warn"), info: keep("info"), debug: keep("debug") },
    lines,
  };
}

/** The lines without what changes from run to run (port, milliseconds, date). */
function stable(lines: readonly string[]): string[] {
  return lines.map((l) =>
    l
      .replaceAll(server.url, "SERVER")
      .replace(/in \d+ ms/g, "in N ms")
      .replace(/date: '[^']*'/g, "date: D"),
  );
}

describe("a generated client's log", () => {
  it("at debug: each attempt's request and response with headers, the retry, credentials as [REDACTED]", async () => {
    const { logger, lines } = recordingLogger();
    const client = new pkg.AssistantClient({ apiKey: KEY, baseURL: server.url, logLevel: "debug", logger });
    server.reply(
      { status: 503, headers: { "retry-after-ms": "1" }, body: { error: { message: "busy" } } },
      {
        headers: { "x-request-id": "req_42", "set-cookie": "session=s3cr3t-session-value" },
        body: { id: "ch_1" },
      },
    );
    // A key makes the POST safe to retry.
    await client.charges.create({ amount: 5 }, { idempotencyKey: "key-1" });
    const text = stable(lines);
    expect(text.filter((l) => l.startsWith("debug: POST SERVER/v1/charges (attempt"))).toHaveLength(2);
    expect(text[0]).toContain("debug: POST SERVER/v1/charges (attempt 1 of 3)");
    expect(text[0]).toContain("authorization: '[REDACTED]'");
    expect(text[0]).toContain("'content-type': 'application/x-www-form-urlencoded'");
    expect(text).toContainEqual(expect.stringMatching(/^info: POST SERVER\/v1\/charges -> 503 in N ms \{/));
    expect(text).toContain("warn: POST SERVER/v1/charges got 503: retrying in N ms (attempt 2 of 3)");
    const last = text.at(-1) ?? "";
    expect(last).toMatch(/^info: POST SERVER\/v1\/charges -> 200 in N ms, request id req_42 \{/);
    expect(last).toContain("'set-cookie': '[REDACTED]'");
    expect(lines.join("\n")).not.toContain(KEY);
    expect(lines.join("\n")).not.toContain("s3cr3t-session-value");
  });

  it("reads the level from <API>_LOG; the logLevel option wins; a wrong value is named, a wrong option throws", async () => {
    vi.stubEnv("ASSISTANT_LOG", "info");
    const info = recordingLogger();
    const client = new pkg.AssistantClient({ apiKey: KEY, baseURL: server.url, logger: info.logger });
    await client.charges.create({ amount: 1 });
    expect(stable(info.lines)).toEqual(["info: POST SERVER/v1/charges -> 200 in N ms"]);

    const option = recordingLogger();
    const quiet = new pkg.AssistantClient({
      apiKey: KEY,
      baseURL: server.url,
      logLevel: "off",
      logger: option.logger,
    });
    await quiet.charges.create({ amount: 1 });
    expect(option.lines).toEqual([]);

    vi.stubEnv("ASSISTANT_LOG", "verbose");
    const wrong = recordingLogger();
    new pkg.AssistantClient({ apiKey: KEY, baseURL: server.url, logger: wrong.logger });
    expect(wrong.lines).toEqual([
      'warn: ASSISTANT_LOG is not a log level (off, error, warn, info, debug); logging at "warn"',
    ]);
    expect(() => new pkg.AssistantClient({ apiKey: KEY, logLevel: "loud" })).toThrow(
      new TypeError("The logLevel client option must be one of off, error, warn, info, debug"),
    );
  });

  it("by default (warn) says nothing of a call that succeeds, and each retry and the failure of one that failed", async () => {
    const { logger, lines } = recordingLogger();
    const client = new pkg.AssistantClient({ apiKey: KEY, baseURL: server.url, logger, maxRetries: 1 });
    await client.charges.create({ amount: 1 });
    expect(lines).toEqual([]);
    server.reply({ status: 500, body: {} }, { status: 500, body: {} });
    await expect(client.charges.create({ amount: 1 }, { idempotencyKey: "key-2" })).rejects.toThrow();
    expect(stable(lines)).toEqual([
      "warn: POST SERVER/v1/charges got 500: retrying in N ms (attempt 2 of 2)",
      "error: POST SERVER/v1/charges failed after 2 attempts: 500 status code (no body)",
    ]);
  });

  it("at error: one line per call that failed on the API's or the network's side, none for a success, a retry that worked or an answer the caller handles", async () => {
    const { logger, lines } = recordingLogger();
    const options = { apiKey: KEY, logLevel: "error", logger, maxRetries: 1 };
    const client = new pkg.AssistantClient({ ...options, baseURL: server.url });
    const fails = async (call: Promise<unknown>) => expect(call).rejects.toThrow();

    server.reply({ status: 503, headers: { "retry-after-ms": "1" }, body: {} }, { body: { id: "ch_1" } });
    await client.charges.create({ amount: 1 }, { idempotencyKey: "key-3" });
    expect(lines).toEqual([]);

    // An answer the caller handles (not retried): not an error of the API's.
    server.reply({ status: 404, body: { error: { message: "No such charge" } } });
    await fails(client.charges.create({ amount: 1 }));
    // After retrying: a 5xx, and a 429 that did not go away.
    server.reply({ status: 500, body: {} }, { status: 500, body: {} });
    await fails(client.charges.create({ amount: 1 }, { idempotencyKey: "key-4" }));
    server.reply(
      { status: 429, headers: { "retry-after-ms": "1" }, body: {} },
      { status: 429, headers: { "retry-after-ms": "1" }, body: {} },
    );
    await fails(client.charges.create({ amount: 1 }, { idempotencyKey: "key-5" }));
    // Refused by validation: nothing sent, the caller is thrown it.
    const before = server.requests.length;
    await fails(client.charges.create({ amount: 0 }));
    expect(server.requests.length).toBe(before);
    // The caller's own abort is no failure to report.
    await fails(client.charges.create({ amount: 1 }, { signal: AbortSignal.abort() }));
    // Nobody listening: a connection failure.
    const port = await closedPort();
    const offline = new pkg.AssistantClient({
      ...options,
      baseURL: `http://127.0.0.1:${port}`,
      maxRetries: 0,
    });
    await fails(offline.charges.create({ amount: 1 }));

    expect(stable(lines).map((l) => l.replace(`127.0.0.1:${port}`, "OFFLINE"))).toEqual([
      "error: POST SERVER/v1/charges failed after 2 attempts: 500 status code (no body)",
      "error: POST SERVER/v1/charges failed after 2 attempts: 429 status code (no body)",
      "error: POST http://OFFLINE/v1/charges failed: Connection error.",
    ]);
  });

  it("at info: a call answered with a 4xx and a request refused by validation, never the key", async () => {
    const { logger, lines } = recordingLogger();
    const client = new pkg.AssistantClient({ apiKey: KEY, logLevel: "info", logger, baseURL: server.url });
    // The server echoes the key in its message.
    server.reply({ status: 401, body: { error: { message: `Invalid API key provided: ${KEY}` } } });
    await expect(client.charges.create({ amount: 1 })).rejects.toThrow();
    await expect(client.charges.create({ amount: 0 })).rejects.toThrow();
    const failures = stable(lines).filter((l) => l.includes("failed") || l.includes("not sent"));
    expect(failures).toEqual([
      "info: POST SERVER/v1/charges failed: 401 Invalid API key provided: [REDACTED]",
      expect.stringMatching(/^info: Invalid request to POST \/v1\/charges: .*amount.* \(not sent\)$/),
    ]);
    expect(lines.join("\n")).not.toContain(KEY);
  });

  it('reports requests sent under validate: "warn" at warn, through the logger; at error not at all', async () => {
    const warned = recordingLogger();
    const client = new pkg.AssistantClient({
      apiKey: KEY,
      baseURL: server.url,
      logger: warned.logger,
      validate: "warn",
    });
    await client.charges.create({ amount: 0 });
    expect(warned.lines).toEqual([
      expect.stringMatching(
        /^warn: Invalid request to POST \/v1\/charges: .*amount.* \(sent anyway: validate is "warn"\)$/,
      ),
    ]);

    const quiet = recordingLogger();
    const errorsOnly = new pkg.AssistantClient({
      apiKey: KEY,
      baseURL: server.url,
      logger: quiet.logger,
      logLevel: "error",
      validate: "warn",
    });
    await errorsOnly.charges.create({ amount: 0 });
    expect(quiet.lines).toEqual([]);
  });
});

describe("the runtime's log: credentials anywhere in a request", () => {
  // Both schemes at once: the key in the query and another in a header.
  const op: OperationSpec = { method: "GET", path: "/v1/items", security: [["query", "header"]] };

  it("masks an API key in the query and in a header, cookies and tokens set by hand", async () => {
    const { logger, lines } = recordingLogger();
    const cookie = "session=abcdefghijklmnop";
    const token = "tok_9876543210zyxwvu";
    const http = new HttpClient({
      baseURL: server.url,
      auth: {
        query: { type: "apiKey", in: "query", name: "api_key", value: KEY },
        header: { type: "apiKey", in: "header", name: "X-Api-Key", value: `${KEY}-h` },
      },
      options: { logLevel: "debug", logger, defaultHeaders: { "X-Auth-Token": token } },
    });
    server.reply({ headers: { "set-cookie": cookie }, body: { ok: true } });
    await http.request(op, { query: { limit: 2 } }, { headers: { Cookie: cookie } });
    const text = stable(lines).join("\n");
    expect(text).toContain("debug: GET SERVER/v1/items?limit=2&api_key=[REDACTED] (attempt 1 of 3)");
    expect(text).toContain("'x-api-key': '[REDACTED]'");
    expect(text).toContain("'x-auth-token': '[REDACTED]'");
    expect(text).toContain("cookie: '[REDACTED]'");
    expect(text).toContain("'set-cookie': '[REDACTED]'");
    for (const secret of [KEY, encodeURIComponent(KEY), token, "abcdefghijklmnop"])
      expect(text).not.toContain(secret);
    // What was sent is unchanged: the key went on the wire, only the log hides it.
    expect(server.requests.at(-1)?.query).toBe(`limit=2&api_key=${KEY}`);
  });
});

describe("the runtime's log: bodies read after the call returned", () => {
  // The key travels in the query, so every logged URL would show it unless masked.
  const auth = { query: { type: "apiKey", in: "query", name: "api_key", value: KEY } } as const;
  const events: OperationSpec = {
    method: "GET",
    path: "/v1/events",
    security: [["query"]],
    response: { kind: "sse", mediaType: "text/event-stream" },
  };
  const file: OperationSpec = {
    method: "GET",
    path: "/v1/file",
    security: [["query"]],
    response: { kind: "binary", mediaType: "application/octet-stream" },
  };
  const SSE = { "content-type": "text/event-stream" };
  const BINARY = { "content-type": "application/octet-stream" };

  function client(options: Record<string, unknown> = {}) {
    const recorded = recordingLogger();
    const http = new HttpClient({
      baseURL: server.url,
      auth,
      options: { logLevel: "error", logger: recorded.logger, maxRetries: 0, ...options },
      // Retries go on at once: the wait is not what is tested.
      retryTiming: { sleep: () => Promise.resolve() },
    });
    /** What a call resolves to: an event stream or a binary body, unread. */
    const read = async <T>(op: OperationSpec, signal?: AbortSignal): Promise<T> =>
      (await http.request<T>(op, {}, signal ? { signal } : {})).data;
    return { read, lines: recorded.lines };
  }
  type Events = AsyncIterable<{ data: unknown }>;

  /** What iterating the stream gave (each event's data) and the error it ended with. */
  async function drain(stream: Events, each?: (data: unknown) => void) {
    const data: unknown[] = [];
    try {
      for await (const event of stream) {
        data.push(event.data);
        each?.(event.data);
      }
      return { data, error: undefined };
    } catch (error) {
      return { data, error };
    }
  }

  /** The log's lines with the server's address and the masked key as stable text. */
  const logged = (lines: readonly string[]) => {
    expect(lines.join("\n")).not.toContain(KEY);
    return stable(lines).map((l) => l.replace("?api_key=[REDACTED]", "?KEY"));
  };

  it("an event stream whose connection breaks mid-stream: one error line with the cause, the key masked; none for the caller's abort or leaving early", async () => {
    const { read, lines } = client();
    // The caller's abort and a loop left early first: neither is a failure.
    const controller = new AbortController();
    server.reply({ headers: SSE, body: "data: 1\n\n", cutOff: "stall" });
    const aborted = await drain(await read<Events>(events, controller.signal), () => controller.abort());
    expect(aborted.data).toEqual([1]);
    expect(aborted.error).toBeInstanceOf(APIUserAbortError);
    server.reply({ headers: SSE, body: "data: 1\n\ndata: 2\n\n", cutOff: "stall" });
    for await (const _event of await read<Events>(events)) break;

    server.reply({ headers: SSE, body: 'data: {"n":1}\n\n', cutOff: "break" });
    const stream = await read<Events>(events);
    expect(lines).toEqual([]);
    const { data, error } = await drain(stream);
    expect(data).toEqual([{ n: 1 }]);
    // Thrown as a JSON body's broken connection is: an APIConnectionError, fetch's error its cause.
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).cause).toBeInstanceOf(TypeError);
    // fetch's own message ("terminated") says why only in its cause.
    expect(logged(lines)).toEqual([
      expect.stringMatching(
        /^error: GET SERVER\/v1\/events\?KEY failed reading the body: terminated \(.+\)$/,
      ),
    ]);
  });

  it("an event stream with an event over maxResponseBytes, or event data that is not JSON: one error line each", async () => {
    const { read, lines } = client({ maxResponseBytes: 100 });
    server.reply({ headers: SSE, body: `data: ${"x".repeat(300)}`, cutOff: "stall" });
    const tooLarge = await drain(await read<Events>(events));
    expect(tooLarge.error).toBeInstanceOf(ResponseTooLargeError);

    const json: OperationSpec = { ...events, response: { ...events.response!, eventData: "json" } };
    server.reply({ headers: SSE, body: "data: 1\n\ndata: {not json\n\n" });
    const invalid = await drain(await read<Events>(json));
    expect(invalid.data).toEqual([1]);
    expect(invalid.error).toBeInstanceOf(APIError);

    expect(logged(lines)).toEqual([
      "error: GET SERVER/v1/events?KEY failed reading the body: The response body is larger than maxResponseBytes (100 bytes); raise the maxResponseBytes option (client or request) to accept it.",
      "error: GET SERVER/v1/events?KEY failed reading the body: 200 invalid JSON in event data",
    ]);
  });

  it("a JSON or text body whose connection breaks after the headers: each retry says the body failed (not the connection), the failure is one error line", async () => {
    const { read, lines } = client({ logLevel: "warn", maxRetries: 1 });
    const json: OperationSpec = { method: "GET", path: "/v1/item", security: [["query"]] };
    const text: OperationSpec = { ...json, response: { kind: "text", mediaType: "text/plain" } };
    for (const op of [json, text]) {
      const headers = { "content-type": op === json ? "application/json" : "text/plain" };
      server.reply(
        { headers, body: '{"partial":', cutOff: "break" },
        { headers, body: '{"partial":', cutOff: "break" },
      );
      await expect(read(op)).rejects.toBeInstanceOf(APIConnectionError);
    }
    const failure = [
      "warn: GET SERVER/v1/item?KEY failed reading the body: retrying in N ms (attempt 2 of 2)",
      "error: GET SERVER/v1/item?KEY failed after 2 attempts: Connection error.",
    ];
    expect(logged(lines)).toEqual([...failure, ...failure]);
  });

  it("a binary body whose connection breaks, read as a stream or as bytes: one error line each", async () => {
    const { read, lines } = client();
    server.reply({ headers: BINARY, body: "first bytes", cutOff: "break" });
    const streamed = await read<BinaryResponse>(file);
    // Read as the stream it is: its own error, not one a Response reading it would wrap.
    const reader = streamed.body.getReader();
    const streamError = await (async () => {
      for (;;) if ((await reader.read()).done) return undefined;
    })().catch((e: unknown) => e);
    expect(streamError).toBeInstanceOf(APIConnectionError);
    expect((streamError as Error).cause).toBeInstanceOf(TypeError);

    server.reply({ headers: BINARY, body: "first bytes", cutOff: "break" });
    const bytes = await read<BinaryResponse>(file);
    const bytesError = await bytes.arrayBuffer().catch((e: unknown) => e);
    expect(bytesError).toBeInstanceOf(APIConnectionError);
    expect((bytesError as Error).cause).toBeInstanceOf(TypeError);

    const broken = /^error: GET SERVER\/v1\/file\?KEY failed reading the body: terminated \(.+\)$/;
    expect(logged(lines)).toEqual([expect.stringMatching(broken), expect.stringMatching(broken)]);
  });

  it("a binary body over maxResponseBytes, by its length or as it streams: one error line each; none for a second read (a misuse) or the caller's abort", async () => {
    const { read, lines } = client({ maxResponseBytes: 4 });
    const tooLarge =
      "error: GET SERVER/v1/file?KEY failed reading the body: The response body is larger than maxResponseBytes (4 bytes); raise the maxResponseBytes option (client or request) to accept it.";
    // Its Content-Length says too large before any byte is read.
    server.reply({ headers: BINARY, body: "too many bytes" });
    const declared = await read<BinaryResponse>(file);
    await expect(declared.blob()).rejects.toBeInstanceOf(ResponseTooLargeError);
    // No length: the count passes the limit as the stream is read.
    server.reply({ headers: BINARY, body: "too many bytes", cutOff: "stall" });
    const streamed = await read<BinaryResponse>(file);
    const error = await new Response(streamed.body).arrayBuffer().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(logged(lines)).toEqual([tooLarge, tooLarge]);

    await expect(declared.arrayBuffer()).rejects.toThrow(
      new TypeError("The body of a binary response can be read once"),
    );
    const controller = new AbortController();
    server.reply({ headers: BINARY, body: "some", cutOff: "stall" });
    const held = await read<BinaryResponse>(file, controller.signal);
    const reader = held.body.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe("some");
    const pending = reader.read();
    controller.abort();
    await expect(pending).rejects.toThrow();
    expect(lines).toHaveLength(2);
  });
});
