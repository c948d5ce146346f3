// Every response kind on the wire, against a real HTTP server on 127.0.0.1 and the package generated from
// test/fixtures/specs/media.json (test/setup/test-packages.ts): binary bodies arrive byte for byte as a
// BinaryResponse (blob, arrayBuffer, body stream), text as a string, event streams as an AsyncIterable of
// parsed events (abortable, the Response reachable, the size limit per event), an undocumented body as
// what came; and the real tsc checks the types a user would write against.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consumerTypeErrors, importTestPackage, rejectionOf } from "./test-package.ts";

interface Binary {
  body: ReadableStream<Uint8Array>;
  blob(): Promise<Blob>;
  arrayBuffer(): Promise<ArrayBuffer>;
}
interface Event {
  event: string;
  data: unknown;
  id: string;
  retry?: number;
}
type Call<T> = Promise<T> & { asResponse(): Promise<Response>; withResponse(): Promise<{ data: T }> };
interface Client {
  files: { content(id: string, options?: Record<string, unknown>): Call<Binary> };
  reports: { retrieve(id: string): Call<Binary> };
  notes: { list(): Call<string> };
  events: {
    retrieve(options?: Record<string, unknown>): Call<AsyncIterable<Event> & { response: Response }>;
  };
  ticks: { list(options?: Record<string, unknown>): Call<AsyncIterable<Event>> };
  mystery: { retrieve(): Call<unknown>; del(): Call<unknown> };
  status: { retrieve(): Call<{ ok: boolean }> };
  archive: { retrieve(id: string): Call<{ ok: boolean }> };
  uploads: { create(params: { body: unknown }): Call<{ ok: boolean }> };
}
interface Package {
  MediaClient: new (options: Record<string, unknown>) => Client;
  APIUserAbortError: new (...args: never[]) => Error;
  ResponseTooLargeError: new (...args: never[]) => Error;
  NotFoundError: new (...args: never[]) => Error & { body: unknown };
}

/** Every byte value, twice: 0xff and invalid UTF-8 sequences must arrive as they were sent. */
const BYTES = Uint8Array.from({ length: 512 }, (_, i) => 255 - (i % 256));

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const routes = new Map<string, Handler>();
const seen: IncomingMessage[] = [];
let server: Server;
let baseURL: string;
let pkg: Package;
let dir: string;

beforeAll(async () => {
  ({ pkg, dir } = await importTestPackage<Package>("media"));
  server = createServer((req, res) => {
    seen.push(req);
    const route = routes.get(`${req.method} ${req.url}`);
    if (route) route(req, res);
    else res.writeHead(404, { "content-type": "application/json" }).end('{"message":"no route"}');
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

const client = (options: Record<string, unknown> = {}): Client =>
  new pkg.MediaClient({ baseURL, maxRetries: 0, ...options });

function bytesRoute(path: string, type: string): void {
  routes.set(`GET ${path}`, (_req, res) => res.writeHead(200, { "content-type": type }).end(BYTES));
}

/** An event stream the test writes to as it goes; `end()` closes it. */
function sseRoute(
  path: string,
  chunks: (string | Uint8Array)[],
  keepOpen = false,
): { closed: Promise<void> } {
  let closed!: () => void;
  const done = new Promise<void>((resolve) => (closed = resolve));
  routes.set(`GET ${path}`, (req, res) => {
    res.writeHead(200, { "content-type": "text/event-stream", "x-request-id": "req_sse" });
    for (const chunk of chunks) res.write(chunk);
    if (!keepOpen) res.end();
    req.socket.on("close", closed);
  });
  return { closed: done };
}

/** The error iterating `stream` to its end threw, if any. */
async function iterationError(stream: AsyncIterable<unknown>): Promise<unknown> {
  try {
    for await (const _event of stream) void _event;
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("binary bodies", () => {
  it("arrive byte for byte through arrayBuffer(), blob() and body, with Accept set to the media type", async () => {
    bytesRoute("/files/f1/content", "application/octet-stream");
    bytesRoute("/reports/r1", "application/pdf");
    const c = client();
    const fromBuffer = new Uint8Array(await (await c.files.content("f1")).arrayBuffer());
    expect(fromBuffer).toEqual(BYTES);
    expect(seen.at(-1)?.headers.accept).toBe("application/octet-stream");

    const blob = await (await c.reports.retrieve("r1")).blob();
    expect(blob.type).toBe("application/pdf");
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(BYTES);

    const streamed = new Uint8Array(await new Response((await c.files.content("f1")).body).arrayBuffer());
    expect(streamed).toEqual(BYTES);
  });

  it("read under maxResponseBytes, and an error status still throws its typed error", async () => {
    bytesRoute("/files/big/content", "application/octet-stream");
    const binary = await client({ maxResponseBytes: 100 }).files.content("big");
    await rejectionOf(binary.arrayBuffer(), pkg.ResponseTooLargeError);
    const error = await rejectionOf(client().files.content("missing"), pkg.NotFoundError);
    expect(error.body).toEqual({ message: "no route" });
  });
});

describe("text and undocumented bodies", () => {
  it("text/csv is a string, the empty one included; an undocumented body is what came", async () => {
    routes.set("GET /notes", (_req, res) => res.writeHead(200, { "content-type": "text/csv" }).end("[1,2]"));
    expect(await client().notes.list()).toBe("[1,2]");
    // An empty text body is the empty string its type says, not undefined.
    routes.set("GET /notes", (_req, res) => res.writeHead(200, { "content-type": "text/csv" }).end());
    expect(await client().notes.list()).toBe("");
    routes.set("GET /mystery", (_req, res) =>
      res.writeHead(200, { "content-type": "application/json" }).end('{"surprise":true}'),
    );
    expect(await client().mystery.retrieve()).toEqual({ surprise: true });
  });
});

describe("asResponse()", () => {
  it("gives the Response with its body unread; withResponse() and awaiting still parse", async () => {
    routes.set("GET /status", (_req, res) =>
      res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}'),
    );
    const response = await client().status.retrieve().asResponse();
    expect(response).toBeInstanceOf(Response);
    expect(response.bodyUsed).toBe(false);
    expect(await response.json()).toEqual({ ok: true });

    const call = client().status.retrieve();
    const [raw, parsed] = await Promise.all([call.asResponse(), call]);
    expect(parsed).toEqual({ ok: true });
    expect(await raw.text()).toBe('{"ok":true}');

    bytesRoute("/files/f2/content", "application/octet-stream");
    const bytes = new Uint8Array(await (await client().files.content("f2").asResponse()).arrayBuffer());
    expect(bytes).toEqual(BYTES);
  });
});

describe("event streams", () => {
  it("parse per the WHATWG spec: fields, multi-line data, comments, CRLF and CR, split chunks, [DONE]", async () => {
    const encoder = new TextEncoder();
    const whole = encoder.encode('data: {"step":1,"done":false}\r\n\r\n');
    sseRoute("/events", [
      ": a comment\n",
      "retry: 3000\nid: e1\nevent: progress\n",
      'data: {"step":0,\ndata: "done":false}\n\n',
      // One event split mid-line and mid-CRLF across writes, and a multi-byte character split in two.
      whole.slice(0, 10),
      whole.slice(10, whole.length - 3),
      whole.slice(whole.length - 3),
      'data:{"step":2,"done":true,"note":"\u00e9"}\r\r',
      "data: [DONE]\n\n",
      'data: {"step":99,"done":true}\n\n',
    ]);
    const stream = await client().events.retrieve();
    expect(stream.response.headers.get("x-request-id")).toBe("req_sse");
    const events: Event[] = [];
    for await (const event of stream) events.push(event);
    expect(events).toEqual([
      { event: "progress", data: { step: 0, done: false }, id: "e1", retry: 3000 },
      { event: "message", data: { step: 1, done: false }, id: "e1" },
      { event: "message", data: { step: 2, done: true, note: "\u00e9" }, id: "e1" },
    ]);
    expect(seen.at(-1)?.headers.accept).toBe("text/event-stream");
  });

  it("keeps string data as text, and stops with an APIUserAbortError when the call's signal aborts", async () => {
    const { closed } = sseRoute("/ticks", ["data: 1\n\n", "data: two\ndata: lines\n\n"], true);
    const controller = new AbortController();
    const stream = await client({ timeout: 60_000 }).ticks.list({ signal: controller.signal });
    const data: unknown[] = [];
    const error = await (async () => {
      for await (const event of stream) {
        data.push(event.data);
        if (data.length === 2) controller.abort();
      }
    })().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(data).toEqual(["1", "two\nlines"]);
    expect(error).toBeInstanceOf(pkg.APIUserAbortError);
    await closed;
  });

  it("applies maxResponseBytes per event: a long stream of small events passes, one huge event does not", async () => {
    const small = Array.from({ length: 200 }, (_, i) => `data: {"step":${i},"done":false}\n\n`);
    sseRoute("/events", small);
    let count = 0;
    for await (const event of await client({ maxResponseBytes: 100 }).events.retrieve()) {
      expect(event.data).toEqual({ step: count, done: false });
      count++;
    }
    expect(count).toBe(200);

    sseRoute("/events", [`data: ${"x".repeat(300)}`]);
    const huge = await client({ maxResponseBytes: 100 }).events.retrieve();
    expect(await iterationError(huge)).toBeInstanceOf(pkg.ResponseTooLargeError);

    // A whole event, blank line and all, in one write (text data, which any length would pass as): held to
    // the limit as well.
    sseRoute("/ticks", [`data: ${"x".repeat(300)}\n\n`]);
    const whole = await client({ maxResponseBytes: 100 }).ticks.list();
    expect(await iterationError(whole)).toBeInstanceOf(pkg.ResponseTooLargeError);
  });

  it("parses a worst-case stream in linear time: 2 MB of one-character lines and one 2 MB data line", async () => {
    const lines = "data: x\n".repeat(250_000) + "\n";
    const long = `data: "${"y".repeat(2_000_000)}"\n\n`;
    sseRoute("/ticks", [lines, long]);
    const started = performance.now();
    const events: Event[] = [];
    for await (const event of await client().ticks.list()) events.push(event);
    expect(events).toHaveLength(2);
    expect((events[0]?.data as string).length).toBe(250_000 * 2 - 1);
    expect((events[1]?.data as string).length).toBe(2_000_002);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

describe("types, by the real tsc", () => {
  it("types binary, text, event streams, undocumented bodies and asResponse as the client reads them", async () => {
    const errors = await consumerTypeErrors(dir, [
      "import { MediaClient, type BinaryResponse } from PACKAGE;",
      "const c = new MediaClient({});",
      'const file: BinaryResponse = await c.files.content("f");',
      "const buffer: ArrayBuffer = await file.arrayBuffer();",
      "const blob: Blob = await file.blob();",
      "const stream: ReadableStream<Uint8Array> = file.body;",
      "const csv: string = await c.notes.list();",
      "const response: Response = await c.status.retrieve().asResponse();",
      "for await (const event of await c.events.retrieve()) {",
      "  const step: number = event.data.step;",
      "  const done: boolean = event.data.done;",
      "  const name: string = event.event;",
      "}",
      "const events = await c.events.retrieve();",
      "const raw: Response = events.response;",
      "for await (const tick of await c.ticks.list()) { const text: string = tick.data; }",
      "const mystery = await c.mystery.retrieve();",
      "// @ts-expect-error an undocumented body is unknown, not undefined",
      "const unread: undefined = mystery;",
      "const gone: undefined = await c.mystery.del();",
      "// @ts-expect-error binary is not a string",
      'const notText: string = await c.files.content("f");',
      "void [buffer, blob, stream, csv, response, raw, unread, gone, notText];",
    ]);
    expect(errors).toEqual([]);
  });
});

describe("operation and path servers", () => {
  const ok = (_req: IncomingMessage, res: ServerResponse) =>
    res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');

  it("send an operation to its own server, with the credential, while the base URL is the spec's", async () => {
    const sent: { url: string; authorization: string | null }[] = [];
    const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
      const request = new Request(input, init);
      sent.push({ url: request.url, authorization: request.headers.get("authorization") });
      return new Response('{"ok":true}', { headers: { "content-type": "application/json" } });
    };
    const c = new pkg.MediaClient({ apiKey: "sk-test", fetch, maxRetries: 0 });
    await c.uploads.create({ body: BYTES });
    await c.status.retrieve();
    expect(sent).toEqual([
      // The operation's server, its {region} at its default; an API origin, so the token goes with it.
      { url: "https://eu.uploads.media.example/v1/uploads", authorization: "Bearer sk-test" },
      { url: "https://media.example/status", authorization: null },
    ]);
  });

  it("leave a base URL the user set in charge, and put a relative path server under it (on the wire)", async () => {
    const received: Buffer[] = [];
    routes.set("POST /uploads", (req, res) => {
      req.on("data", (chunk: Buffer) => received.push(chunk));
      req.on("end", () => ok(req, res));
    });
    routes.set("GET /cold/archive/a1", ok);
    const c = new pkg.MediaClient({ baseURL, apiKey: "sk-test", maxRetries: 0 });
    expect(await c.uploads.create({ body: BYTES })).toEqual({ ok: true });
    expect(new Uint8Array(Buffer.concat(received))).toEqual(BYTES);
    expect(await c.archive.retrieve("a1")).toEqual({ ok: true });
    expect(seen.at(-1)?.url).toBe("/cold/archive/a1");
  });
});
