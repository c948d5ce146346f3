// The SiteFetcher against a hostile test site on 127.0.0.1 (test/capture/hostile-routes.ts) and a second
// origin that must never see a request or a credential. Waits go through an injected sleep and clock, so
// no test waits for real and the waits asked for are asserted exactly.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { download } from "../../scripts/capture/fetch-page.ts";
import { retryAfterMs, SiteFetcher, type SiteFetcherOptions } from "../../scripts/capture/site-fetcher.ts";
import {
  HOSTILE,
  hostileRoutes,
  PAGE_ETAG,
  PAGE_HTML,
  PAGE_LAST_MODIFIED,
  type HostileRoutes,
} from "./hostile-routes.ts";

const SECRET_COOKIE = "session=cookie-secret-1234";
const SECRET_TOKEN = "Bearer token-secret-5678";

let site: Server;
let elsewhere: Server;
let base: string;
let other: string;
let routes: HostileRoutes;
/** Headers of every request that reached the other origin. */
const reachedElsewhere: IncomingHttpHeaders[] = [];

async function listen(server: Server): Promise<string> {
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
}

beforeAll(async () => {
  site = createServer((req, res) => routes.handle(req, res) || void res.writeHead(404).end());
  elsewhere = createServer((req, res) => {
    reachedElsewhere.push(req.headers);
    res.writeHead(200, { "content-type": "text/html" }).end("<p>another site</p>");
  });
  base = await listen(site);
  other = await listen(elsewhere);
});

afterAll(async () => {
  await close(site);
  await close(elsewhere);
});

beforeEach(() => {
  routes = hostileRoutes({ offSite: `${other}/landing` });
  reachedElsewhere.length = 0;
});

/** A fetcher of the test site with a fake clock: `sleep` records the wait and moves the clock on. */
function fetcher(options: Partial<SiteFetcherOptions> = {}) {
  const waits: number[] = [];
  let clock = Date.parse("2026-12-01T00:00:00Z");
  const siteFetcher = new SiteFetcher({
    root: new URL(`${base}/`),
    timeoutMs: 20_000,
    delayMs: 0,
    sleep: async (ms) => {
      waits.push(ms);
      clock += ms;
    },
    now: () => clock,
    ...options,
  });
  return { fetcher: siteFetcher, waits };
}

const get = (options: Partial<SiteFetcherOptions>, path: string) =>
  fetcher(options).fetcher.get({ url: base + path });

describe("SiteFetcher: robots.txt", () => {
  it("refuses what robots.txt forbids without requesting it, and reads robots.txt once", async () => {
    const { fetcher: f } = fetcher();
    const outcomes = await Promise.all([
      f.get({ url: `${base}${HOSTILE.private}` }),
      f.get({ url: `${base}${HOSTILE.page}` }),
      f.get({ url: `${base}${HOSTILE.private}?again` }),
    ]);
    expect(outcomes.map((o) => o.kind)).toEqual(["refused", "fetched", "refused"]);
    expect(outcomes[0]).toEqual({
      kind: "refused",
      url: `${base}${HOSTILE.private}`,
      reason: "robots.txt forbids it",
    });
    expect(routes.hits(HOSTILE.private)).toBe(0);
    expect(routes.hits(HOSTILE.robots)).toBe(1);
    expect(routes.headersOf(HOSTILE.robots)[0]?.["user-agent"]).toBe("specsmith-capture");
  });

  it("a redirect on the site to a page robots.txt forbids is refused too", async () => {
    const outcome = await get({}, HOSTILE.toPrivate);
    expect(outcome).toEqual({
      kind: "refused",
      url: `${base}${HOSTILE.toPrivate}`,
      reason: `redirected to ${base}${HOSTILE.private}, which robots.txt forbids it`,
    });
    expect(routes.hits(HOSTILE.private)).toBe(0);
  });

  it("reads the first 512 KiB of a larger robots.txt and ignores the rest (RFC 9309)", async () => {
    const padding = `# ${"-".repeat(1024)}\n`.repeat(600);
    const text = `User-agent: *\nDisallow: /hostile/private/\n${padding}Disallow: /hostile/page.html\n`;
    routes = hostileRoutes({ robots: { text } });
    const { fetcher: f } = fetcher();
    expect((await f.get({ url: `${base}${HOSTILE.page}` })).kind).toBe("fetched");
    expect((await f.get({ url: `${base}${HOSTILE.private}` })).kind).toBe("refused");
  });

  it("a missing robots.txt (404) allows everything", async () => {
    routes = hostileRoutes({ robots: false });
    expect((await get({}, HOSTILE.private)).kind).toBe("fetched");
  });

  it("a robots.txt that answers 5xx, after the retries, forbids the whole site (RFC 9309)", async () => {
    routes = hostileRoutes({ robots: { status: 503 } });
    const { fetcher: f, waits } = fetcher({ retries: 2 });
    const outcome = await f.get({ url: `${base}${HOSTILE.page}` });
    expect(outcome).toEqual({
      kind: "refused",
      url: `${base}${HOSTILE.page}`,
      reason:
        "robots.txt could not be read (HTTP 503 Service Unavailable (after 2 retries)), and RFC 9309 then forbids the whole site",
    });
    expect(routes.hits(HOSTILE.robots)).toBe(3);
    expect(routes.hits(HOSTILE.page)).toBe(0);
    expect(waits).toHaveLength(2);
  });

  it("honours Crawl-delay as the least pause between request starts, and refuses one over a minute", async () => {
    routes = hostileRoutes({ robots: { crawlDelaySeconds: 2 } });
    const { fetcher: f, waits } = fetcher({ delayMs: 100 });
    const outcomes = await Promise.all([1, 2, 3].map(() => f.get({ url: `${base}${HOSTILE.page}` })));
    expect(outcomes.map((o) => o.kind)).toEqual(["fetched", "fetched", "fetched"]);
    // The clock stands still while a request runs, so each start waits the whole delay after the last.
    expect(waits).toEqual([2000, 2000, 2000]);

    routes = hostileRoutes({ robots: { crawlDelaySeconds: 120 } });
    expect(await get({}, HOSTILE.page)).toMatchObject({
      kind: "refused",
      reason: "robots.txt asks for 120 s between requests, longer than the 60 s specsmith waits",
    });
    expect(routes.hits(HOSTILE.page)).toBe(0);
  });
});

describe("SiteFetcher: one host at a time", () => {
  it("keeps to the concurrency limit however many pages are asked for at once", async () => {
    /** Asks for `count` held pages at once; answers one whenever `limit` wait (or all that are left). */
    async function heldPages(f: SiteFetcher, count: number, limit: number) {
      const urls = Array.from({ length: count }, (_, i) => `${base}${HOSTILE.heldPrefix}${i}`);
      const outcomes = Promise.all(urls.map((url) => f.get({ url })));
      for (let answered = 0; answered < count; answered++) {
        await expect
          .poll(() => routes.parked, { timeout: 60_000 })
          .toBeGreaterThanOrEqual(Math.min(limit, count - answered));
        routes.release();
      }
      expect((await outcomes).every((o) => o.kind === "fetched")).toBe(true);
    }
    await heldPages(fetcher().fetcher, 12, 4);
    // The limit is reached (the poll above saw 4 waiting) and never passed.
    expect(routes.maxInFlight).toBe(4);

    routes = hostileRoutes();
    await heldPages(fetcher({ concurrency: 2 }).fetcher, 6, 2);
    expect(routes.maxInFlight).toBe(2);
  });

  it("spaces the starts of requests by the delay", async () => {
    const { fetcher: f, waits } = fetcher({ delayMs: 100 });
    await Promise.all([1, 2, 3].map(() => f.get({ url: `${base}${HOSTILE.page}` })));
    // robots.txt starts at once; each page 100 ms after the request before it.
    expect(waits).toEqual([100, 100, 100]);
  });
});

describe("SiteFetcher: retries", () => {
  it("a 429 is tried again after its Retry-After, and the page is fetched", async () => {
    const { fetcher: f, waits } = fetcher();
    const outcome = await f.get({ url: `${base}${HOSTILE.busy}` });
    expect(outcome.kind === "fetched" && outcome.page.text).toBe(PAGE_HTML);
    expect(routes.hits(HOSTILE.busy)).toBe(2);
    expect(waits).toEqual([2000]);
  });

  it("a Retry-After longer than a minute is a failure that says so, without waiting", async () => {
    const { fetcher: f, waits } = fetcher();
    expect(await f.get({ url: `${base}${HOSTILE.busyForLong}` })).toEqual({
      kind: "failed",
      url: `${base}${HOSTILE.busyForLong}`,
      status: 429,
      reason:
        "HTTP 429 Too Many Requests; the server asks to retry after 3600 s, longer than the 60 s specsmith waits",
    });
    expect(waits).toEqual([]);
    expect(routes.hits(HOSTILE.busyForLong)).toBe(1);
  });

  it("a 500 and a dropped connection are tried again after a backoff", async () => {
    const { fetcher: f, waits } = fetcher();
    expect((await f.get({ url: `${base}${HOSTILE.flaky}` })).kind).toBe("fetched");
    expect((await f.get({ url: `${base}${HOSTILE.reset}` })).kind).toBe("fetched");
    expect(routes.hits(HOSTILE.flaky)).toBe(2);
    expect(routes.hits(HOSTILE.reset)).toBe(2);
    // The first retry waits between half and all of 1 s (the jitter).
    expect(waits).toHaveLength(2);
    for (const wait of waits) expect(wait >= 500 && wait <= 1000, `waited ${wait} ms`).toBe(true);
  });

  it("backs off exponentially with jitter, and fails after the retries naming the status", async () => {
    const { fetcher: f, waits } = fetcher();
    expect(await f.get({ url: `${base}${HOSTILE.down}` })).toEqual({
      kind: "failed",
      url: `${base}${HOSTILE.down}`,
      status: 503,
      reason: "HTTP 503 Service Unavailable (after 3 retries)",
    });
    expect(routes.hits(HOSTILE.down)).toBe(4);
    expect(waits).toHaveLength(3);
    waits.forEach((wait, attempt) => {
      expect(wait).toBeGreaterThanOrEqual(500 * 2 ** attempt);
      expect(wait).toBeLessThanOrEqual(1000 * 2 ** attempt);
    });
  });

  it("reads Retry-After as seconds or as an HTTP date", () => {
    const now = Date.parse("2026-12-01T00:00:00Z");
    expect(retryAfterMs("7", now)).toBe(7000);
    expect(retryAfterMs("Tue, 01 Dec 2026 00:00:30 GMT", now)).toBe(30_000);
    expect(retryAfterMs("Mon, 30 Nov 2026 00:00:00 GMT", now)).toBe(0);
    expect(retryAfterMs("soon", now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });
});

describe("SiteFetcher: what it does not fetch, and pages that misbehave", () => {
  it("refuses a redirect off the site without following it", async () => {
    expect(await get({}, HOSTILE.offSite)).toEqual({
      kind: "refused",
      url: `${base}${HOSTILE.offSite}`,
      reason: `redirected off the site to ${other}/landing`,
    });
    expect(await fetcher().fetcher.get({ url: `${other}/landing` })).toEqual({
      kind: "refused",
      url: `${other}/landing`,
      reason: `not on the site ${base}`,
    });
    expect(reachedElsewhere).toEqual([]);
  });

  it("follows a redirect within the site", async () => {
    const outcome = await get({}, HOSTILE.moved);
    expect(outcome.kind === "fetched" && outcome.page.url).toBe(`${base}${HOSTILE.page}`);
  });

  it("a redirect loop is a failure that shows the loop", async () => {
    expect(await get({}, HOSTILE.loop)).toEqual({
      kind: "failed",
      url: `${base}${HOSTILE.loop}`,
      reason: `redirects in a loop: ${base}/hostile/loop-a -> ${base}/hostile/loop-b -> ${base}/hostile/loop-a`,
    });
  });

  it("a page that never finishes fails at the timeout and is not tried again", async () => {
    expect(await get({ timeoutMs: 500 }, HOSTILE.stall)).toEqual({
      kind: "failed",
      url: `${base}${HOSTILE.stall}`,
      reason: "timed out after 0.5s while reading the page",
    });
    expect(routes.hits(HOSTILE.stall)).toBe(1);
  });

  it("a page over the size limit fails naming the limit", async () => {
    const limit = { bytes: 1024 * 1024, subject: "a page", flag: "--max-page-bytes" };
    expect(await get({ limit }, HOSTILE.huge)).toEqual({
      kind: "failed",
      url: `${base}${HOSTILE.huge}`,
      reason: "is larger than the 1 MiB limit for a page (raise it with --max-page-bytes)",
    });
  });

  it("refuses files that are not text: an image, a PDF, binary bytes served as octet-stream", async () => {
    const { fetcher: f } = fetcher();
    const reasons = await Promise.all(
      [HOSTILE.png, HOSTILE.pdf, HOSTILE.blob].map(async (path) => {
        const outcome = await f.get({ url: base + path });
        return outcome.kind === "refused" ? outcome.reason : outcome.kind;
      }),
    );
    expect(reasons).toEqual([
      "not a text page (image/png)",
      "not a text page (application/pdf)",
      "not a text page (binary data, served as application/octet-stream)",
    ]);
  });
});

describe("SiteFetcher: conditional requests", () => {
  it("sends If-None-Match and If-Modified-Since, and a 304 is `unchanged`", async () => {
    const { fetcher: f } = fetcher();
    const first = await f.get({ url: `${base}${HOSTILE.page}` });
    expect(first.kind === "fetched" && [first.page.etag, first.page.lastModified]).toEqual([
      PAGE_ETAG,
      PAGE_LAST_MODIFIED,
    ]);
    expect((await f.get({ url: `${base}${HOSTILE.page}`, etag: PAGE_ETAG })).kind).toBe("unchanged");
    expect((await f.get({ url: `${base}${HOSTILE.page}`, lastModified: PAGE_LAST_MODIFIED })).kind).toBe(
      "unchanged",
    );
    expect((await f.get({ url: `${base}${HOSTILE.page}`, etag: '"older"' })).kind).toBe("fetched");
    const sent = routes.headersOf(HOSTILE.page);
    expect(sent.map((h) => [h["if-none-match"], h["if-modified-since"]])).toEqual([
      [undefined, undefined],
      [PAGE_ETAG, undefined],
      [undefined, PAGE_LAST_MODIFIED],
      ['"older"', undefined],
    ]);
  });
});

describe("SiteFetcher: credentials", () => {
  const headers = { cookie: SECRET_COOKIE, authorization: SECRET_TOKEN };

  it("sends the login headers to the site, robots.txt included, and never to another origin", async () => {
    const { fetcher: f } = fetcher({ headers });
    expect((await f.get({ url: `${base}${HOSTILE.page}` })).kind).toBe("fetched");
    expect((await f.get({ url: `${base}${HOSTILE.offSite}` })).kind).toBe("refused");
    for (const path of [HOSTILE.robots, HOSTILE.page])
      expect(routes.headersOf(path)[0]).toMatchObject({ cookie: SECRET_COOKIE, authorization: SECRET_TOKEN });
    // The bare download follows any redirect (the manifest capture): the headers still stay home.
    const page = await download(`${base}${HOSTILE.offSite}`, { timeoutMs: 20_000, headers });
    expect(page.url).toBe(`${other}/landing`);
    expect(reachedElsewhere).toHaveLength(1);
    expect(reachedElsewhere[0]?.cookie).toBeUndefined();
    expect(reachedElsewhere[0]?.authorization).toBeUndefined();
  });

  it("sends user:password in the URL as Basic authentication, and never names it", async () => {
    const withUser = (path: string) => `${base.replace("http://", "http://user:pass-secret@")}${path}`;
    const { fetcher: f } = fetcher({ root: new URL(withUser("/")) });
    const outcomes = await Promise.all(
      [HOSTILE.page, HOSTILE.loop, HOSTILE.offSite, HOSTILE.down, HOSTILE.private].map((path) =>
        f.get({ url: withUser(path) }),
      ),
    );
    expect(outcomes.map((o) => o.kind)).toEqual(["fetched", "failed", "refused", "failed", "refused"]);
    expect(routes.headersOf(HOSTILE.page)[0]?.authorization).toBe(
      `Basic ${Buffer.from("user:pass-secret").toString("base64")}`,
    );
    expect(JSON.stringify(outcomes)).not.toContain("pass-secret");
    expect(outcomes[1]).toMatchObject({ url: `${base}${HOSTILE.loop}` });
    // Pages the crawler found by their links (no user info) are sent the credentials too, and robots.txt.
    expect((await f.get({ url: `${base}${HOSTILE.moved}` })).kind).toBe("fetched");
    const basic = `Basic ${Buffer.from("user:pass-secret").toString("base64")}`;
    expect(routes.headersOf(HOSTILE.page).map((h) => h.authorization)).toEqual([basic, basic]);
    expect(routes.headersOf(HOSTILE.robots)[0]?.authorization).toBe(basic);
  });

  it("a header fetch cannot send is a failure that does not quote it", async () => {
    const outcome = await get({ headers: { cookie: `${SECRET_COOKIE}\nx: y` } }, HOSTILE.page);
    expect(outcome).toMatchObject({
      kind: "refused",
      reason: expect.stringContaining("robots.txt could not be read (the cookie header has a line break"),
    });
    expect(JSON.stringify(outcome)).not.toContain("secret");
    const named = await get({ headers: { [`Authorization ${SECRET_TOKEN}`]: "" } }, HOSTILE.page);
    expect(JSON.stringify(named)).not.toContain("secret");
  });
});
