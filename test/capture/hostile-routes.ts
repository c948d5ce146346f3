// The misbehaving corner of a test documentation site, as one node:http handler that a test server mounts
// beside its own routes: `handle(req, res)` answers the paths below and returns false for any other. It
// counts the requests to each path, keeps their headers, and the most requests it had in flight at once,
// so that tests can check what a crawler asked for (and what it never asked for) on the wire.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";

/** The paths the handler answers, and what each does. */
export const HOSTILE = {
  /** `Disallow: /hostile/private/` for every crawler (and Crawl-delay when asked for). */
  robots: "/robots.txt",
  /** A page under the forbidden path: a polite crawler never requests it. */
  private: "/hostile/private/secret.html",
  /** An HTML page that answers conditional requests: 304 to its ETag or Last-Modified. */
  page: "/hostile/page.html",
  /** A redirect to `page`, on the site. */
  moved: "/hostile/moved",
  /** A redirect to `private`: on the site, but robots.txt forbids where it leads. */
  toPrivate: "/hostile/to-private",
  /** A redirect to another origin (`offSite`). */
  offSite: "/hostile/off-site",
  /** loop-a -> loop-b -> loop-a. */
  loop: "/hostile/loop-a",
  /** 429 with Retry-After: 2 the first time, then the page. */
  busy: "/hostile/busy",
  /** 429 asking for an hour's wait, always. */
  busyForLong: "/hostile/busy-for-long",
  /** 500 the first time, then the page. */
  flaky: "/hostile/flaky",
  /** 503 every time, without Retry-After. */
  down: "/hostile/down",
  /** The connection is dropped before any answer the first time, then the page. */
  reset: "/hostile/reset",
  /** Headers and the start of a body, then nothing: only a timeout ends it. */
  stall: "/hostile/stall",
  /** A body without Content-Length that goes on (up to 64 MiB) until the client hangs up. */
  huge: "/hostile/huge",
  /** Non-HTML files: an image, a PDF, and binary bytes served as application/octet-stream. */
  png: "/hostile/logo.png",
  pdf: "/hostile/manual.pdf",
  blob: "/hostile/blob",
  /** Requests to `/hostile/held/...` wait until the test calls `release()`: they show the concurrency used. */
  heldPrefix: "/hostile/held/",
} as const;

export const PAGE_ETAG = '"hostile-v1"';
export const PAGE_LAST_MODIFIED = "Wed, 21 Oct 2026 07:28:00 GMT";
export const PAGE_HTML = "<html><body><h1>Widgets</h1><p>GET /v1/widgets</p></body></html>";

export interface HostileOptions {
  /** Where `offSite` redirects to: another origin (a second test server, to see what reaches it). */
  offSite?: string;
  /**
   * The robots.txt the handler serves: its status (a 503 is "unreachable"), a Crawl-delay, or a whole text
   * of its own; false for none (404).
   */
  robots?: { status?: number; crawlDelaySeconds?: number; text?: string } | false;
}

export interface HostileRoutes {
  /** Answers a hostile path and returns true; false for any other path (the test site's own). */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  /** Requests to `path` (query included) so far. */
  hits(path: string): number;
  /** The headers of each request to `path`, in order. */
  headersOf(path: string): IncomingHttpHeaders[];
  /** The most requests that were in flight at once, to any hostile path. */
  readonly maxInFlight: number;
  /** Requests to `held` paths waiting for an answer. */
  readonly parked: number;
  /** Answers the oldest waiting `held` request with a page. */
  release(): void;
}

/** The 8-byte PNG signature and an IHDR chunk: enough for anything that sniffs it. */
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from("0000000d49484452000000010000000108060000001f15c489", "hex"),
]);
const PDF = Buffer.from(
  "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n",
  "latin1",
);
const MiB = 1024 * 1024;

export function hostileRoutes(options: HostileOptions = {}): HostileRoutes {
  const offSite = options.offSite ?? "http://localhost:1/elsewhere/";
  const seen = new Map<string, IncomingHttpHeaders[]>();
  let inFlight = 0;
  let maxInFlight = 0;
  const held: (() => void)[] = [];

  const html = (res: ServerResponse, body = PAGE_HTML) =>
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(body);
  const redirect = (res: ServerResponse, location: string) => res.writeHead(302, { location }).end();
  /** First request to the path: the misbehaviour; any later one: the page. */
  const firstTime = (path: string) => (seen.get(path)?.length ?? 0) === 1;

  const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
    [HOSTILE.robots]: (_req, res) => {
      if (options.robots === false) return void res.writeHead(404).end();
      const { status = 200, crawlDelaySeconds, text } = options.robots ?? {};
      const delay = crawlDelaySeconds === undefined ? "" : `Crawl-delay: ${crawlDelaySeconds}\n`;
      const body = text ?? `User-agent: *\nDisallow: /hostile/private/\n${delay}`;
      res.writeHead(status, { "content-type": "text/plain" }).end(status === 200 ? body : "unavailable");
    },
    [HOSTILE.private]: (_req, res) => html(res, "<p>robots.txt forbids this page</p>"),
    [HOSTILE.page]: (req, res) => {
      const current =
        req.headers["if-none-match"] === PAGE_ETAG || req.headers["if-modified-since"] === PAGE_LAST_MODIFIED;
      const validators = { etag: PAGE_ETAG, "last-modified": PAGE_LAST_MODIFIED };
      if (current) return void res.writeHead(304, validators).end();
      res.writeHead(200, { "content-type": "text/html", ...validators }).end(PAGE_HTML);
    },
    [HOSTILE.moved]: (_req, res) => redirect(res, HOSTILE.page),
    [HOSTILE.toPrivate]: (_req, res) => redirect(res, HOSTILE.private),
    [HOSTILE.offSite]: (_req, res) => redirect(res, offSite),
    [HOSTILE.loop]: (_req, res) => redirect(res, "/hostile/loop-b"),
    "/hostile/loop-b": (_req, res) => redirect(res, HOSTILE.loop),
    [HOSTILE.busy]: (_req, res) =>
      firstTime(HOSTILE.busy) ? res.writeHead(429, { "retry-after": "2" }).end() : html(res),
    [HOSTILE.busyForLong]: (_req, res) => res.writeHead(429, { "retry-after": "3600" }).end(),
    [HOSTILE.flaky]: (_req, res) => (firstTime(HOSTILE.flaky) ? res.writeHead(500).end() : html(res)),
    [HOSTILE.down]: (_req, res) => res.writeHead(503).end(),
    [HOSTILE.reset]: (req, res) => (firstTime(HOSTILE.reset) ? req.socket.destroy() : html(res)),
    [HOSTILE.stall]: (_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.write("<html><body>");
    },
    [HOSTILE.huge]: (_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      const chunk = Buffer.alloc(MiB, "a");
      let sent = 0;
      // Writes as the client reads, and stops when it hangs up or at 64 MiB.
      const more = () => {
        while (sent < 64 && !res.destroyed) {
          sent++;
          if (!res.write(chunk)) return void res.once("drain", more);
        }
        if (!res.destroyed) res.end();
      };
      more();
    },
    [HOSTILE.png]: (_req, res) => res.writeHead(200, { "content-type": "image/png" }).end(PNG),
    [HOSTILE.pdf]: (_req, res) => res.writeHead(200, { "content-type": "application/pdf" }).end(PDF),
    [HOSTILE.blob]: (_req, res) =>
      res.writeHead(200, { "content-type": "application/octet-stream" }).end(Buffer.concat([PNG, PDF])),
  };

  const heldRoute = (_req: IncomingMessage, res: ServerResponse) => void held.push(() => html(res));

  return {
    handle(req, res) {
      const path = req.url ?? "";
      const route = path.startsWith(HOSTILE.heldPrefix) ? heldRoute : routes[path];
      if (!route) return false;
      seen.set(path, [...(seen.get(path) ?? []), req.headers]);
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      // Done when the answer is handed to the socket (before the client can read it) or the socket closes.
      let done = false;
      const finished = () => void (done || ((done = true), inFlight--));
      res.once("finish", finished).once("close", finished);
      route(req, res);
      return true;
    },
    hits: (path) => seen.get(path)?.length ?? 0,
    headersOf: (path) => seen.get(path) ?? [],
    get maxInFlight() {
      return maxInFlight;
    },
    get parked() {
      return held.length;
    },
    release: () => held.shift()?.(),
  };
}
