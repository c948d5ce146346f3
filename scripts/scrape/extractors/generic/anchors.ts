// Anchors: where operations are, and the span of blocks each one reads. Request lines anchor operations;
// a page without any is anchored on its curl commands. Lists, tables and code blocks naming several
// requests are indexes of operations, listed but not documented there.
import {
  STRENGTH_RANK,
  type HttpMethod,
  type ListedOperation,
  type Source,
  type Strength,
} from "../../fragment.ts";
import { methodAlone, requestOfCurl, toPathTemplate } from "../../read/request-line.ts";
import {
  plain,
  type Block,
  type CodeBlock,
  type HeadingBlock,
  type ListBlock,
  type Row,
  type TableBlock,
} from "../../read/blocks.ts";
import { codeKind, curlOf } from "../../read/code-blocks.ts";
import { classifySection, isSectionHeading, statusLabel } from "../../read/sections.ts";
import { requestLineOf, type RequestLine } from "./words.ts";
import { titleAboveSections } from "../../read/page-title.ts";

function segments(path: string): string[] {
  return path.split("/").filter((s) => s !== "");
}

function isParam(segment: string): boolean {
  return /^\{[^}]+\}$/.test(segment);
}

/**
 * Matches a concrete URL path against a path template by its tail ("/v2/things/th_1" against
 * "/things/{id}") and returns the part before the match ("/v2"), or undefined when they differ.
 * A template parameter matches any segment; a `{x}` placeholder in the URL only a parameter: it stands
 * for a value, never for a fixed word (Redoc's curls `/widgets` then `/widgets/{id}` are two operations).
 */
function matchTail(urlPath: string, template: string): string | undefined {
  const u = segments(urlPath);
  const t = segments(template);
  if (u.length < t.length) return undefined;
  const offset = u.length - t.length;
  for (let i = 0; i < t.length; i++) {
    const a = t[i] ?? "";
    const b = u[offset + i] ?? "";
    if (!isParam(a) && (isParam(b) || a !== b)) return undefined;
  }
  return u
    .slice(0, offset)
    .map((s) => `/${s}`)
    .join("");
}

interface Anchor {
  block: number;
  method: HttpMethod;
  path: string;
  server?: string;
  source: Source;
  strength: Strength;
  title?: string;
  /** Shown by an example (curl, HTTP message): its path may hold concrete ids instead of parameters. */
  example: boolean;
}

export interface Span {
  /** Undefined for a page that shows fields but no method or path (see fieldsOnlySpan). */
  anchor?: Anchor;
  start: number;
  end: number;
  title?: { text: string; source: Source };
}

/** The path and server of a request, using the page's base URLs to find where the path starts. */
function resolveTarget(hit: RequestLine, bases: string[]): { path: string; server?: string } {
  const full = hit.server ? hit.server + hit.path : undefined;
  const base = full ? bases.find((b) => full.startsWith(b + "/")) : undefined;
  if (full && base) return { path: full.slice(base.length), server: base };
  // A mock or sandbox host serves the API under the same base path as the servers the page lists
  // ("https://mock.test/api/1/x" with the server "https://api.test/api"): the path starts after it.
  const basePath = bases.map(pathOf).find((p) => p !== "" && hit.path.startsWith(p + "/"));
  if (basePath && /^https?:\/\//i.test(hit.target)) {
    const path = hit.path.slice(basePath.length);
    return { path, ...(hit.server ? { server: hit.server + basePath } : {}) };
  }
  return { path: hit.path, ...(hit.server ? { server: hit.server } : {}) };
}

function pathOf(url: string): string {
  try {
    const path = new URL(url).pathname;
    return path.endsWith("/") ? path.slice(0, -1) : path;
  } catch {
    return "";
  }
}

function lineAnchor(
  block: number,
  hit: RequestLine,
  source: Source,
  bases: string[],
  shown: { strength: Strength; example: boolean },
): Anchor | undefined {
  const resolved = resolveTarget(hit, bases);
  return {
    block,
    method: hit.method,
    path: resolved.path,
    ...(resolved.server ? { server: resolved.server } : {}),
    source,
    strength: shown.strength,
    ...(hit.title ? { title: hit.title } : {}),
    example: shown.example,
  };
}

const STATED = { strength: "typed", example: false } as const;
const EXAMPLE = { strength: "example", example: true } as const;

/** Request lines found in one table row: in one cell, or a method cell beside a path cell. */
function rowRequestLine(row: Row): RequestLine | undefined {
  for (const cell of row.cells) {
    const hit = requestLineOf(cell);
    if (hit) return hit;
  }
  const method = row.cells.map((c) => plain(c)).find((c) => methodAlone(c) !== undefined);
  const path = row.cells.map((c) => plain(c)).find((c) => /^(https?:\/\/\S+|\/\S*)$/.test(c));
  if (!method || !path) return undefined;
  const hit = requestLineOf(`${method} ${path}`);
  const title = row.cells.map((c) => plain(c)).find((c) => c !== method && c !== path && c !== "");
  return hit && title ? { ...hit, title } : hit;
}

interface Found {
  lines: Anchor[];
  curls: Anchor[];
  listed: ListedOperation[];
}

/** The request lines in the items of a list, the rows of a table or the lines of a code block. */
function hitsIn(block: ListBlock | TableBlock | CodeBlock): { hit: RequestLine; source: Source }[] {
  const hits: { hit: RequestLine; source: Source }[] = [];
  const take = (hit: RequestLine | undefined, source: Source): void => {
    if (hit) hits.push({ hit, source });
  };
  if (block.kind === "list") block.items.forEach((it) => take(requestLineOf(it.text), it.source));
  else if (block.kind === "table") block.rows.forEach((r) => take(rowRequestLine(r), r.source));
  else block.text.split("\n").forEach((l) => take(requestLineOf(l), block.source));
  return hits;
}

/**
 * The request lines, curl commands and operation indexes of every block. A list, table or code block
 * naming several requests is an index of operations, listed but not documented there.
 */
export function scanAnchors(blocks: Block[], bases: string[], endsMidLine = false): Found {
  const found: Found = { lines: [], curls: [], listed: [] };
  const add = (a: Anchor | undefined, to: Anchor[]): void => {
    if (a) to.push(a);
  };
  blocks.forEach((block, i) => {
    if (block.kind === "heading" || block.kind === "text") {
      const hit = requestLineOf(block.kind === "heading" ? block.text : (block.lines[0]?.text ?? ""));
      if (hit) add(lineAnchor(i, hit, block.source, bases, STATED), found.lines);
      return;
    }
    const kind = block.kind === "code" ? codeKind(block) : undefined;
    if (kind === "curl" && block.kind === "code") {
      const curl = curlOf(block);
      const cut = endsMidLine && i === blocks.length - 1 && urlEndsCommand(block);
      const hit = curl && !cut ? requestOfCurl(curl) : undefined;
      if (hit) add(lineAnchor(i, hit, block.source, bases, EXAMPLE), found.curls);
      return;
    }
    if (kind !== undefined && kind !== "index" && kind !== "http-request") return;
    const hits = hitsIn(block);
    const only = hits[0];
    if (hits.length > 1) {
      for (const { hit, source } of hits) {
        found.listed.push({ method: hit.method, title: hit.title ?? toPathTemplate(hit.target), source });
      }
    } else if (only) {
      // A code block holding only the request line states it; one with headers and a body is an example.
      const lines = block.kind === "code" ? block.text.trim().split("\n").length : 1;
      const shown =
        kind === undefined ? STATED : lines === 1 ? { strength: "typed" as const, example: true } : EXAMPLE;
      add(lineAnchor(i, only.hit, only.source, bases, shown), found.lines);
    }
  });
  return found;
}

/**
 * A curl continued over lines ("curl -i -X PUT \\", then the URL) whose last line is the URL without its
 * own "\\": on a page that ends there mid-line (a capture cut at ~2,000 bytes), the path may be partial.
 */
function urlEndsCommand(block: CodeBlock): boolean {
  const lines = block.text.trimEnd().split("\n");
  return (
    lines.length > 1 && /^\s*'?https?:\/\/\S*$/.test(lines.at(-1) ?? "") && /\\\s*$/.test(lines.at(-2) ?? "")
  );
}

/** Two request lines name the same operation: same method, same route; examples may hold concrete ids. */
function sameOperation(a: Anchor, b: Anchor, curls: boolean): boolean {
  if (a.method !== b.method) return false;
  // Two curls of a page anchored on its curls (Redoc: one per operation) show one operation only when their
  // routes agree: `/blocks/number` and `/blocks/{block}` are two.
  if ((a.example || b.example) && !curls)
    return matchTail(a.path, b.path) !== undefined || matchTail(b.path, a.path) !== undefined;
  const sa = segments(a.path);
  const sb = segments(b.path);
  return sa.length === sb.length && sa.every((s, i) => s === sb[i] || (isParam(s) && isParam(sb[i] ?? "")));
}

/**
 * The operations of the page: request lines, or, on a page that has none, curl commands. A request line that
 * repeats the current operation (a heading, then a code block showing the same request) does not start
 * another one; the stronger of the two names it.
 */
export function findAnchors(found: Found): Anchor[] {
  const candidates = found.lines.length > 0 ? found.lines : found.curls;
  const anchors: Anchor[] = [];
  for (const c of candidates) {
    const prev = anchors.at(-1);
    if (prev && sameOperation(prev, c, candidates === found.curls)) {
      if (STRENGTH_RANK[c.strength] > STRENGTH_RANK[prev.strength]) {
        Object.assign(prev, {
          method: c.method,
          path: c.path,
          source: c.source,
          strength: c.strength,
          example: c.example,
        });
        if (c.server) prev.server = c.server;
      }
      prev.title ??= c.title;
      continue;
    }
    anchors.push({ ...c });
  }
  return anchors;
}

/**
 * Each operation starts at its title heading (the nearest heading before its request line that is not a
 * section such as "Parameters") and runs until the next operation starts. A page's only top-level heading is
 * the page's title, not the first operation's, when the page documents several operations.
 */
export function spansOf(blocks: Block[], anchors: Anchor[]): Span[] {
  const pageTitle = pageTitleIndex(blocks);
  const spans: Span[] = [];
  let prevBlock = -1;
  let prevDepth: number | undefined;
  // Redoc puts each operation's fields before its curl: when the first curl has a request section above it,
  // every operation starts at its first section (or the title right above it), not at the nearest heading
  // (an "Enum01" line above the curl reads as one).
  const first = anchors[0];
  const fieldsFirst = first?.example === true && fieldsBefore(blocks, 0, first.block) !== undefined;
  for (const anchor of anchors) {
    const own = blocks[anchor.block];
    let title: Span["title"];
    let start = anchor.block;
    const fieldsAbove = fieldsFirst ? fieldsBefore(blocks, prevBlock + 1, anchor.block) : undefined;
    if (fieldsAbove) {
      start = fieldsAbove.start;
      if (fieldsAbove.title) title = fieldsAbove.title;
    } else if (own?.kind === "heading") {
      if (anchor.title) title = { text: anchor.title, source: own.source };
      prevDepth = own.depth;
    } else {
      const eligible = (i: number): boolean => {
        const b = blocks[i];
        return b?.kind === "heading" && !isSectionHeading(b.text) && !(anchors.length > 1 && i === pageTitle);
      };
      // Nearest first, up to a status line ("200", "401"): a heading above the responses of the operation
      // before is that operation's (Redoc: "GET /items" titles an operation, its description under it).
      const above = [...Array(anchor.block - prevBlock - 1).keys()].map((k) => anchor.block - 1 - k);
      const status = above.findIndex((i) => {
        const b = blocks[i];
        return b?.kind === "heading" && statusLabel(b.text) !== undefined;
      });
      const window = status === -1 ? above : above.slice(0, status);
      const found =
        window.find(
          (i) => eligible(i) && (prevDepth === undefined || (blocks[i] as HeadingBlock).depth <= prevDepth),
        ) ?? window.find(eligible);
      const heading = found !== undefined ? (blocks[found] as HeadingBlock) : undefined;
      // A curl (Redoc), or a page's last request line with only text after it (GitBook's OpenAPI block
      // prints the method and path last, then "Last updated"): the fields above it are its own.
      const shownLast =
        anchor === anchors.at(-1) && blocks.slice(anchor.block + 1).every((b) => b.kind === "text");
      const fields =
        (anchor.example || shownLast) && !heading
          ? fieldsBefore(blocks, prevBlock + 1, anchor.block)
          : undefined;
      if (heading && found !== undefined) {
        title = { text: heading.text, source: heading.source };
        start = found;
        prevDepth = heading.depth;
      } else if (fields) {
        start = fields.start;
        if (fields.title) title = fields.title;
      } else if (anchor.title) title = { text: anchor.title, source: anchor.source };
    }
    spans.push({ anchor, start, end: blocks.length, ...(title ? { title } : {}) });
    prevBlock = anchor.block;
  }
  for (let k = 0; k + 1 < spans.length; k++) {
    const span = spans[k];
    const next = spans[k + 1];
    if (span && next) span.end = next.start;
  }
  // Fields after the last curl of such a page are the next operation's, whose curl the cut lost: not the
  // last operation's. So are request fields after the responses of a last curl (an operation's request
  // comes before its responses), also when the page's first operation showed no fields above its curl.
  const last = spans.at(-1);
  const after = last?.anchor ? last.anchor.block + 1 : blocks.length;
  const responses = blocks.findIndex(
    (b, i) => i >= after && b.kind === "heading" && classifySection(b.text)?.kind === "response",
  );
  const restFrom = fieldsFirst
    ? after
    : last?.anchor?.example === true && responses !== -1
      ? responses + 1
      : -1;
  const rest = restFrom !== -1 ? fieldsBefore(blocks, restFrom, blocks.length) : undefined;
  if (last && rest) last.end = rest.start;
  return spans;
}

const REQUEST_SECTIONS = new Set(["path", "query", "header", "cookie", "body", "params"]);

/**
 * Where an operation shown only by its curl starts when its fields come before the curl (Redoc: the
 * fields, then the curl, then the responses): at its first request-side section after the previous
 * operation, or at the short line right above that section, which is the operation's title.
 */
function fieldsBefore(
  blocks: Block[],
  from: number,
  to: number,
): { start: number; title?: { text: string; source: Source } } | undefined {
  for (let i = from; i < to; i++) {
    const b = blocks[i];
    if (b?.kind !== "heading" || !REQUEST_SECTIONS.has(classifySection(b.text)?.kind ?? "")) continue;
    const above = i > from ? blocks[i - 1] : undefined;
    const line =
      above?.kind === "text" && above.lines.length === 1
        ? plain(above.lines[0]?.text ?? "")
        : above?.kind === "heading" && !isSectionHeading(above.text)
          ? above.text
          : "";
    if (above && line !== "" && line.split(/\s+/).length <= 8 && !/[.!?:]$/.test(line))
      return { start: i - 1, title: { text: line, source: above.source } };
    return { start: i };
  }
  return undefined;
}

/** The page's own title: its first heading when that is the only top-level (depth 1) heading. */
export function pageTitleIndex(blocks: Block[]): number | undefined {
  const tops = blocks.flatMap((b, i) => (b.kind === "heading" && b.depth === 1 ? [i] : []));
  return tops.length === 1 ? tops[0] : undefined;
}

const FIELD_SECTIONS = new Set(["path", "query", "header", "cookie", "body", "params"]);

/**
 * A page that shows fields under a parameters or body heading but no request line and no curl (ReadMe,
 * some Docusaurus captures): one operation without method and path over the whole page, which the merge
 * places by REST convention or reports as unplaced. Its title is read from the headings and lines above
 * the first section (titleAboveSections).
 */
export function fieldsOnlySpan(blocks: Block[]): Span | undefined {
  const sections = blocks.flatMap((b, i) =>
    b.kind === "heading" && FIELD_SECTIONS.has(classifySection(b.text)?.kind ?? "") ? [i] : [],
  );
  // A title that names a request ("Delete file request") reads like a request section: where the page
  // opens with it and a section follows, it is the page's title.
  const titled = sections[0] === 0 && sections.length > 1;
  const first = (titled ? sections[1] : sections[0]) ?? -1;
  if (first === -1 || !blocks.slice(first + 1).some((b) => b.kind !== "heading")) return undefined;
  const above = blocks
    .slice(0, first)
    .flatMap((b, i) =>
      b.kind === "heading" && ((titled && i === 0) || !isSectionHeading(b.text))
        ? [{ text: b.text, source: b.source }]
        : b.kind === "text"
          ? b.lines
          : [],
    );
  const title = titleAboveSections(above);
  return {
    start: 0,
    end: blocks.length,
    ...(title ? { title: { text: plain(title.text), source: title.source } } : {}),
  };
}
