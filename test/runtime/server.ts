// A real HTTP server on 127.0.0.1 for the runtime tests: it records every request as it arrived on the
// wire (method, raw path and query, headers, body bytes) and answers from a queue of scripted replies.
// `serverForTests()` gives a test file one, started, cleared and closed by the file's hooks.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach } from "vitest";

export interface Recorded {
  method: string;
  /** Raw request target, e.g. "/v1/items/a%2Fb?x=1". */
  target: string;
  /** Raw path, undecoded. */
  path: string;
  /** Raw query string without "?", undecoded. */
  query: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** A string is sent as is; anything else as JSON (with a JSON content type unless one is given). */
  body?: unknown;
  /** Wait this long before answering (timeouts, aborts). */
  delayMs?: number;
  /**
   * Send the headers and `body` (chunked, so the client cannot know the body is whole), then "break" the
   * connection (the body never completes), or "stall": keep it open without ending the body.
   */
  cutOff?: "break" | "stall";
}

export type Handler = (request: Recorded) => Reply | Promise<Reply>;

export interface TestServer {
  url: string;
  requests: Recorded[];
  /** Replies for the next requests, in order; after them `fallback` answers. */
  reply(...replies: Reply[]): void;
  /** Answers requests once the queue is empty (default: 200 `{"ok":true}`). */
  handle(handler: Handler): void;
  /** Forgets the recorded requests and queued replies, and answers with the default handler again. */
  reset(): void;
  close(): Promise<void>;
}

function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...reply.headers };
  let payload = "";
  if (typeof reply.body === "string") payload = reply.body;
  else if (reply.body !== undefined) {
    payload = JSON.stringify(reply.body);
    if (!Object.keys(headers).some((h) => h.toLowerCase() === "content-type")) {
      headers["content-type"] = "application/json";
    }
  }
  res.writeHead(reply.status ?? 200, headers);
  if (reply.cutOff === undefined) return void res.end(payload);
  res.flushHeaders();
  // Broken once the bytes are with the kernel, which still delivers them before the connection's end.
  const written = (): void => {
    if (reply.cutOff === "break") res.destroy();
  };
  if (payload === "") written();
  else res.write(payload, written);
}

const defaultHandler: Handler = () => ({ body: { ok: true } });

export async function startServer(): Promise<TestServer> {
  const requests: Recorded[] = [];
  const queue: Reply[] = [];
  let fallback = defaultHandler;
  const timers = new Set<NodeJS.Timeout>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const target = req.url ?? "/";
      const at = target.indexOf("?");
      const recorded: Recorded = {
        method: req.method ?? "",
        target,
        path: at === -1 ? target : target.slice(0, at),
        query: at === -1 ? "" : target.slice(at + 1),
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      requests.push(recorded);
      void Promise.resolve(queue.shift() ?? fallback(recorded)).then((reply) => {
        if (!reply.delayMs) return send(res, reply);
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (!res.destroyed) send(res, reply);
        }, reply.delayMs);
        timers.add(timer);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reply: (...replies) => void queue.push(...replies),
    handle: (handler) => {
      fallback = handler;
    },
    reset: () => {
      requests.length = 0;
      queue.length = 0;
      fallback = defaultHandler;
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * The server a test file's tests share: started before them, closed after them, and reset before each, so
 * no test sees another's requests, replies or handler. Its members are read inside tests and hooks only
 * (it is not listening before the file's beforeAll).
 */
export function serverForTests(): TestServer {
  let started: TestServer | undefined;
  const server = (): TestServer => {
    if (started === undefined) throw new Error("The test server starts in beforeAll: use it inside a test");
    return started;
  };
  beforeAll(async () => {
    started = await startServer();
  });
  afterAll(() => started?.close());
  beforeEach(() => server().reset());
  return {
    get url() {
      return server().url;
    },
    get requests() {
      return server().requests;
    },
    reply: (...replies) => server().reply(...replies),
    handle: (handler) => server().handle(handler),
    reset: () => server().reset(),
    close: () => server().close(),
  };
}

/** A port on 127.0.0.1 where nothing listens (a server was bound there and closed). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Part names (and file names) of a multipart body, read from its Content-Disposition headers. */
export function multipartParts(
  body: Buffer,
  contentType: string,
): { name: string; filename?: string; type?: string; value: string }[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  if (!boundary) throw new Error(`no boundary in ${contentType}`);
  const delimiter = `--${boundary[1] ?? boundary[2]}`;
  const parts = body.toString("latin1").split(delimiter).slice(1, -1);
  return parts.map((raw) => {
    const [head = "", ...rest] = raw.replace(/^\r\n/, "").split("\r\n\r\n");
    const value = rest.join("\r\n\r\n").replace(/\r\n$/, "");
    const disposition = /content-disposition:[^\r\n]*/i.exec(head)?.[0] ?? "";
    const name = /\bname="([^"]*)"/.exec(disposition)?.[1] ?? "";
    const filename = /\bfilename="([^"]*)"/.exec(disposition)?.[1];
    const type = /content-type:\s*([^\r\n]*)/i.exec(head)?.[1];
    return { name, value, ...(filename !== undefined ? { filename } : {}), ...(type ? { type } : {}) };
  });
}
