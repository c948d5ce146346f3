// Bounded reads and checked options, against real servers on 127.0.0.1 that stream more than the limit:
// plain, with a Content-Length above it, and a gzip bomb (a small body that inflates past it).
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { HttpClient, type OperationSpec } from "../../templates/runtime/client.ts";
import { APIError, ResponseTooLargeError } from "../../templates/runtime/errors.ts";
import { rejection } from "./rejection.ts";

const MiB = 1024 * 1024;
/** Streaming 80 MiB (or inflating 200 MiB) takes up to about 7 s on a busy two-core machine. */
const STREAM_TIMEOUT = 120_000;
/** One gzip member of 1 MiB of zeros (about 1 KB); members may be concatenated, each inflating to 1 MiB. */
const BOMB_MEMBER = gzipSync(Buffer.alloc(MiB));

type Body = (res: ServerResponse) => void;
let server: Server;
let url: string;
let requests = 0;
let body: Body;

/** Writes `count` chunks, waiting for the socket to drain, and stops when the client goes away. */
function stream(res: ServerResponse, chunk: Buffer, count: number): void {
  let written = 0;
  const write = (): void => {
    while (written < count && !res.destroyed) {
      written++;
      if (!res.write(chunk)) {
        res.once("drain", write);
        return;
      }
    }
    res.end();
  };
  write();
}

beforeAll(async () => {
  server = createServer((_req, res) => {
    requests++;
    body(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  requests = 0;
});

const get: OperationSpec = { method: "GET", path: "/big" };
const client = (options: ConstructorParameters<typeof HttpClient>[0]["options"] = {}) =>
  new HttpClient({
    baseURL: url,
    auth: {},
    options: { maxRetries: 2, ...options },
    retryTiming: { sleep: async () => undefined },
  });

describe("maxResponseBytes", () => {
  it(
    "stops a body streaming past the default 64 MiB with ResponseTooLargeError, not retried",
    async () => {
      const chunk = Buffer.alloc(MiB, 0x61);
      body = (res) => {
        res.writeHead(200, { "content-type": "text/plain" });
        stream(res, chunk, 80);
      };
      const error = await rejection(client().request(get));
      expect(error).toBeInstanceOf(ResponseTooLargeError);
      expect(error).toBeInstanceOf(APIError);
      expect(error).toMatchObject({ status: 200, maxResponseBytes: 64 * MiB });
      expect(String(error)).toContain("maxResponseBytes (67108864 bytes)");
      expect(requests).toBe(1);
    },
    STREAM_TIMEOUT,
  );

  it("takes a smaller limit from the client, and a per-request one over it", async () => {
    body = (res) => {
      res.writeHead(500, { "content-type": "application/json" });
      stream(res, Buffer.alloc(1024, 0x20), 10);
    };
    const small = client({ maxResponseBytes: 4096 });
    const error = await rejection(small.request(get));
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    // An error status with a body too large is not retried either.
    expect(requests).toBe(1);
    body = (res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      stream(res, Buffer.alloc(1024, 0x62), 10);
    };
    expect((await small.request(get, {}, { maxResponseBytes: 10 * 1024 })).data).toHaveLength(10 * 1024);
    await expect(small.request(get, {}, { maxResponseBytes: 10 * 1024 - 1 })).rejects.toBeInstanceOf(
      ResponseTooLargeError,
    );
  });

  it("fails on a Content-Length above the limit before reading any of the body", async () => {
    // The body never comes: a client that waited for it would time out instead.
    body = (res) => {
      res.writeHead(200, { "content-type": "text/plain", "content-length": String(2 * 1024 ** 3) });
      res.flushHeaders();
    };
    const error = await rejection(client({ timeout: 60_000 }).request(get));
    expect(error).toBeInstanceOf(ResponseTooLargeError);
  });

  it(
    "counts a gzip bomb after decompression and stops at the limit",
    async () => {
      body = (res) => {
        res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
        stream(res, BOMB_MEMBER, 200);
      };
      // 200 KB on the wire, 200 MiB inflated.
      expect(await rejection(client().request(get))).toBeInstanceOf(ResponseTooLargeError);
      expect(await rejection(client({ maxResponseBytes: MiB }).request(get))).toBeInstanceOf(
        ResponseTooLargeError,
      );
      body = (res) => {
        res.writeHead(200, { "content-type": "text/plain", "content-encoding": "gzip" });
        stream(res, BOMB_MEMBER, 2);
      };
      // At the limit exactly: read whole.
      expect((await client({ maxResponseBytes: 2 * MiB }).request(get)).data).toHaveLength(2 * MiB);
    },
    STREAM_TIMEOUT,
  );
});

describe("numeric options", () => {
  const bad = [Number.NaN, Infinity, -1, -Infinity, "5"];
  it.each(["timeout", "maxRetries", "maxResponseBytes"])(
    "%s: not finite, negative or not a number is a TypeError naming it, on the client and per request",
    async (name) => {
      body = (res) => res.end("{}");
      for (const value of bad) {
        expect(() => client({ [name]: value })).toThrow(
          new RegExp(`^The ${name} client option must be a finite, non-negative`),
        );
        await expect(client().request(get, {}, { [name]: value })).rejects.toThrow(
          new RegExp(`^The ${name} request option must be a finite, non-negative`),
        );
      }
      expect(requests).toBe(0);
    },
  );

  it("counts must be whole numbers; a timeout of 0.5 ms is fine", async () => {
    expect(() => client({ maxRetries: 1.5 })).toThrow(TypeError);
    expect(() => client({ maxResponseBytes: 10.5 })).toThrow(/integer/);
    body = (res) => res.end("{}");
    expect(() => client({ timeout: 0.5, maxRetries: 0, maxResponseBytes: 0 })).not.toThrow();
  });
});
