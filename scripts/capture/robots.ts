// robots.txt as RFC 9309 reads it, for one crawler: the groups of our product token (`specsmith-capture`),
// else those of `*`, merged; Allow/Disallow rules where the longest matching pattern wins and Allow wins a
// tie; `*` and a final `$` in patterns. Hand-written rather than the robots-parser package because the
// matching it copies from Google's (a table of pattern length x path length per rule) lets a hostile
// robots.txt take seconds per URL (`Disallow: /****...b`, 500 KiB, against a 2 KiB path: 3.4 s). Here a pattern is split once on `*` and each piece is
// found at its leftmost place after the one before (optimal for `*`-only globs), so one rule costs its
// pattern plus one pass over the path, and the parse is one pass over the lines. Many rules that each
// scan a long path would still add up (rules x path length), so one check has a budget of characters
// scanned; a file that exceeds it for a URL leaves that URL unchecked, and the crawler does not fetch it.

/** The product token the crawler sends as its user-agent and looks for in robots.txt. */
export const PRODUCT_TOKEN = "specsmith-capture";

interface Rule {
  allow: boolean;
  /** The pattern's length, which decides between rules that both match: the longest is the most specific. */
  length: number;
  /** The pattern split on `*`: the first piece must start the path, the others follow in order. */
  pieces: string[];
  /** The pattern ended in `$`: the last piece must end the path. */
  anchored: boolean;
}

/** What robots.txt says of a URL; "too-costly" when checking it would scan more than CHECK_BUDGET. */
export type Verdict = "allow" | "disallow" | "too-costly";

/**
 * Characters one check may scan over all rules: at most about 15 ms. Real files (a few hundred rules, URLs of a
 * few hundred characters) use well under 1% of it.
 */
export const CHECK_BUDGET = 1_000_000;

export interface Robots {
  /** What the rules say of the path and query of a URL on the site (`/docs/a?b=1`). */
  verdict(pathAndQuery: string): Verdict;
  /** Crawl-delay of our group, in seconds, when it gives one. */
  crawlDelaySeconds: number | undefined;
  /** Sitemap URLs the file lists (for every crawler, whatever the group). */
  sitemaps: string[];
}

/** Upper-case hex in %xx escapes, so that `%2f` and `%2F` compare equal (RFC 9309 2.2.2). */
function upperEscapes(text: string): string {
  return text.replace(/%[\da-f]{2}/gi, (escape) => escape.toUpperCase());
}

/** A pattern as a URL path writes it: characters outside printable ASCII percent-encoded as UTF-8. */
function encodePattern(pattern: string): string {
  const encoded = pattern.replace(/[^\x21-\x7e]+/gu, (run) => {
    try {
      return encodeURIComponent(run);
    } catch {
      return run; // a lone surrogate, which no decoded file holds: compared as it is
    }
  });
  return upperEscapes(encoded);
}

function compile(allow: boolean, raw: string): Rule {
  const pattern = encodePattern(raw);
  const anchored = pattern.endsWith("$");
  const body = anchored ? pattern.slice(0, -1) : pattern;
  return { allow, length: pattern.length, pieces: body.split("*"), anchored };
}

/**
 * Whether `rule` matches `path` (from its start): each piece at its leftmost place after the one before.
 * `budget.left` is charged the characters scanned; undefined when it runs out.
 */
function matches(rule: Rule, path: string, budget: { left: number }): boolean | undefined {
  const { pieces, anchored } = rule;
  const first = pieces[0] ?? "";
  budget.left -= Math.min(first.length, path.length);
  if (!path.startsWith(first)) return false;
  if (pieces.length === 1) return !anchored || path.length === first.length;
  let position = first.length;
  const lastIndex = pieces.length - 1;
  for (let index = 1; index < lastIndex; index++) {
    const piece = pieces[index] ?? "";
    const found = path.indexOf(piece, position);
    budget.left -= (found === -1 ? path.length : found + piece.length) - position;
    if (budget.left < 0) return undefined;
    if (found === -1) return false;
    position = found + piece.length;
  }
  const last = pieces[lastIndex] ?? "";
  budget.left -= path.length - position;
  if (budget.left < 0) return undefined;
  // Anchored, the last piece must be the path's end, after everything matched so far.
  if (anchored) return path.endsWith(last) && path.length - last.length >= position;
  return path.indexOf(last, position) !== -1;
}

/** The product token of a `User-agent:` value, lower-cased: `Specsmith-Capture/1.0 (x)` -> `specsmith-capture`. */
function productToken(value: string): string {
  let end = 0;
  while (end < value.length && /[\w-]/.test(value.charAt(end))) end++;
  return value.slice(0, end).toLowerCase();
}

/**
 * Parses robots.txt text for the crawler named `token`. Groups start at a run of `User-agent` lines;
 * rules before any group, and unknown lines, are ignored (RFC 9309 2.2).
 */
export function parseRobots(text: string, token: string = PRODUCT_TOKEN): Robots {
  const ours: Rule[] = [];
  const anyone: Rule[] = [];
  let oursDelay: number | undefined;
  let anyoneDelay: number | undefined;
  let foundOurs = false;
  const sitemaps: string[] = [];
  // The agents of the group being read, and whether the line before was a User-agent line (which then
  // adds to the same group rather than starting a new one).
  let forUs = false;
  let forAnyone = false;
  let readingAgents = false;
  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    const hash = rawLine.indexOf("#");
    const line = hash === -1 ? rawLine : rawLine.slice(0, hash);
    const colon = line.indexOf(":");
    if (colon === -1) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === "user-agent") {
      if (!readingAgents) forUs = forAnyone = false;
      readingAgents = true;
      const agent = value === "*" ? "*" : productToken(value);
      if (agent === token) forUs = foundOurs = true;
      else if (agent === "*") forAnyone = true;
      continue;
    }
    if (key === "sitemap") {
      if (value) sitemaps.push(value);
      continue;
    }
    readingAgents = false;
    if (key === "allow" || key === "disallow") {
      // An empty Disallow forbids nothing, and an empty Allow adds nothing to what is allowed.
      if (!value) continue;
      const rule = compile(key === "allow", value);
      if (forUs) ours.push(rule);
      if (forAnyone) anyone.push(rule);
    } else if (key === "crawl-delay") {
      const seconds = Number(value);
      if (!value || !Number.isFinite(seconds) || seconds < 0) continue;
      if (forUs) oursDelay = Math.max(oursDelay ?? 0, seconds);
      if (forAnyone) anyoneDelay = Math.max(anyoneDelay ?? 0, seconds);
    }
  }
  const rules = foundOurs ? ours : anyone;
  return {
    verdict(pathAndQuery: string): Verdict {
      const path = upperEscapes(pathAndQuery);
      // robots.txt itself is always allowed (RFC 9309 2.2.2).
      if (path === "/robots.txt") return "allow";
      const budget = { left: CHECK_BUDGET };
      let best: Rule | undefined;
      for (const rule of rules) {
        if (best && (rule.length < best.length || (rule.length === best.length && !rule.allow))) continue;
        const matched = matches(rule, path, budget);
        if (matched === undefined) return "too-costly";
        if (matched) best = rule;
      }
      return best === undefined || best.allow ? "allow" : "disallow";
    },
    crawlDelaySeconds: foundOurs ? oursDelay : anyoneDelay,
    sitemaps,
  };
}

/** Everything allowed: a robots.txt that is missing (4xx) says nothing against crawling. */
export const ALLOW_ALL: Robots = { verdict: () => "allow", crawlDelaySeconds: undefined, sitemaps: [] };
