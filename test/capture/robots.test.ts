// robots.txt as RFC 9309 reads it: groups, longest match, `*` and `$`, Crawl-delay, and a hostile file
// that must not make a check slow.
import { describe, expect, it } from "vitest";
import { CHECK_BUDGET, parseRobots } from "../../scripts/capture/robots.ts";
import { LINEAR_CEILING_MS } from "../setup/time-limits.ts";

const allowed = (text: string, ...paths: string[]) => {
  const robots = parseRobots(text);
  return paths.filter((path) => robots.verdict(path) === "allow");
};
/** A parsed file with a boolean check, for short assertions. */
const rules = (text: string) => {
  const robots = parseRobots(text);
  return { ...robots, allows: (path: string) => robots.verdict(path) === "allow" };
};

describe("robots.txt rules", () => {
  it("lets the longest matching pattern win, and Allow win a tie", () => {
    const text = "User-agent: *\nDisallow: /docs/\nAllow: /docs/public/\nDisallow: /tie\nAllow: /tie\n";
    expect(allowed(text, "/docs/public/a", "/docs/secret", "/docs", "/tie/x", "/other")).toEqual([
      "/docs/public/a",
      "/docs",
      "/tie/x",
      "/other",
    ]);
    // Longer, so more specific, whatever the order of the lines.
    expect(allowed("User-agent: *\nAllow: /a/b\nDisallow: /a/b/c\n", "/a/b/c/d", "/a/b/x")).toEqual([
      "/a/b/x",
    ]);
  });

  it("reads `*` as any run of characters and a final `$` as the end of the path", () => {
    const text = "User-agent: *\nDisallow: /*.pdf$\nDisallow: /*/private/\nAllow: /$\nDisallow: /\n";
    const robots = rules(text);
    expect(robots.allows("/")).toBe(true);
    expect(robots.allows("/index.html")).toBe(false);
    const pdf = rules("User-agent: *\nDisallow: /*.pdf$\nDisallow: /*/private/\nDisallow: /a*b*c\n");
    expect(pdf.allows("/x/manual.pdf")).toBe(false);
    expect(pdf.allows("/x/manual.pdf?page=2")).toBe(true);
    expect(pdf.allows("/x/manual.pdf.html")).toBe(true);
    expect(pdf.allows("/v1/private/keys")).toBe(false);
    expect(pdf.allows("/private/keys")).toBe(true);
    expect(pdf.allows("/a-b-c")).toBe(false);
    expect(pdf.allows("/a-c-b")).toBe(true);
    // `$` inside a pattern is a character like any other; `**` is one `*`.
    expect(rules("User-agent: *\nDisallow: /a$b\nDisallow: /x**y$\n").allows("/a$b")).toBe(false);
    expect(rules("User-agent: *\nDisallow: /x**y$\n").allows("/x-y")).toBe(false);
  });

  it("uses the groups naming specsmith-capture, merged, and the `*` groups only when none does", () => {
    const text = [
      "User-agent: *",
      "Disallow: /",
      "",
      "User-agent: OtherBot",
      "User-Agent: Specsmith-Capture/2.0 (+https://example.com)",
      "Disallow: /drafts/",
      "Crawl-delay: 2",
      "",
      "user-agent: specsmith-capture",
      "disallow: /tmp/ # a comment",
      "",
      "User-agent: otherbot",
      "Disallow: /docs/",
    ].join("\r\n");
    const robots = rules(text);
    expect(["/docs/a", "/drafts/a", "/tmp/a"].filter((path) => robots.allows(path))).toEqual(["/docs/a"]);
    expect(robots.crawlDelaySeconds).toBe(2);
    const forAnyone = rules(
      "User-agent: somebot\nDisallow: /\n\nUser-agent: *\nDisallow: /x\nCrawl-delay: 1.5\n",
    );
    expect(forAnyone.allows("/x/y")).toBe(false);
    expect(forAnyone.allows("/y")).toBe(true);
    expect(forAnyone.crawlDelaySeconds).toBe(1.5);
    // Rules before any User-agent line, an empty Disallow, and lines without a colon are no rules.
    expect(allowed("Disallow: /\nUser-agent: *\nDisallow:\nnonsense /x\n", "/x", "/y")).toEqual(["/x", "/y"]);
    // robots.txt itself is always allowed.
    expect(allowed("User-agent: *\nDisallow: /\n", "/robots.txt", "/a")).toEqual(["/robots.txt"]);
  });

  it("compares percent-encoded and raw characters alike, and lists the sitemaps", () => {
    const robots = rules(
      "Sitemap: https://docs.example/sitemap.xml\nUser-agent: *\nDisallow: /café\nDisallow: /a%2fb\n",
    );
    expect(robots.allows("/caf%C3%A9/menu")).toBe(false);
    expect(robots.allows("/a%2Fb")).toBe(false);
    expect(robots.allows("/cafe")).toBe(true);
    expect(robots.sitemaps).toEqual(["https://docs.example/sitemap.xml"]);
  });

  it("checks a URL in time linear in the file and the path, whatever the patterns", () => {
    // 512 KiB of stars before a `b` the path lacks, and of `*a` pieces: robots-parser (Google's algorithm,
    // a pattern x path table) took 3.4 s for one check of the stars against a 2 KiB path.
    const robots = parseRobots(
      `User-agent: *\nDisallow: /${"*".repeat(256 * 1024)}b\nDisallow: /${"*a".repeat(128 * 1024)}*b\nAllow: /a\n`,
    );
    const path = `/${"a".repeat(8192)}`;
    let started = performance.now();
    for (let i = 0; i < 10; i++) expect(robots.verdict(path)).toBe("allow");
    // About 40 ms on an idle machine for the ten checks.
    expect(performance.now() - started).toBeLessThan(LINEAR_CEILING_MS);

    // Many rules that each scan the whole path: the check stops at its budget and says so.
    const many = Array.from({ length: 20_000 }, (_, i) => `Disallow: /*a${i}*a*b$`).join("\n");
    const costly = parseRobots(`User-agent: *\n${many}\n`);
    started = performance.now();
    for (let i = 0; i < 10; i++) expect(costly.verdict(path)).toBe("too-costly");
    expect(performance.now() - started).toBeLessThan(LINEAR_CEILING_MS);
    // The same rules against a short path fit the budget: they are checked, not given up on.
    expect(costly.verdict("/a5-x")).toBe("allow");
    expect(costly.verdict("/xa5xaxb")).toBe("disallow");
    expect(20_000 * 8192).toBeGreaterThan(CHECK_BUDGET);
  });
});
