// Plain text -> blocks (line by line: fences, curl commands, JSON, tables, bullets, headings, paragraphs).
// Captures of rendered pages have no markup, so each kind of block is told by the shape of its lines.
import type { Source } from "../fragment.ts";
import { findJsonEnd, stripLineNumbers } from "../lenient-json.ts";
import { joinContinuationLines, lineAt } from "../text.ts";
import { methodAlone, readSplitRequestLine } from "./request-line.ts";
import { bareJsonAt, plain, textBlock, type Block, type Ctx, type Item, type Row } from "./blocks.ts";
import { pushCode } from "./code-blocks.ts";
import { gluedField, parseFieldItem, pascalNameLine } from "./field-lists.ts";
import { startsTokenField } from "./field.ts";
import { tableColumns } from "./field-tables.ts";
import { readRequestLine as requestLineOf } from "./request-line.ts";
import { isSectionHeading, statusLabel } from "./sections.ts";
import { readEnumStatement } from "./enum.ts";
import { isBareTypeLine } from "../type-phrase.ts";

const FENCE = /^\s*(`{3,}|~{3,})/;
const CURL_START = /^\s*(?:\$\s*)?curl\s/;
const BULLET = /^(\s*)([-*•+◦▪‣]|\d{1,3}[.)])\s+(\S[^]*)?$/;
const ATX = /^\s{0,3}(#{1,6})\s/;
const NUMBERED_JSON_START = /^\s*1\s?[{[]\s*$/;

interface TextScan {
  lines: string[];
  /** Character offset of each line, for the JSON bracket matcher. */
  offsets: number[];
  text: string;
  ctx: Ctx;
  out: Block[];
}

/** Each reader takes the block starting at line `i`, or returns undefined when the line does not start one. */
type LineReader = (scan: TextScan, i: number) => number | undefined;

function indentOf(line: string): number {
  return (/^\s*/.exec(line.replace(/\t/g, "    "))?.[0] ?? "").length;
}

function at(scan: TextScan, i: number): Source {
  return { file: scan.ctx.file, line: i + 1 };
}

function isPipeRow(line: string): boolean {
  const t = line.trim();
  return t.startsWith("|") ? t.length > 1 : (t.match(/\|/g)?.length ?? 0) >= 2;
}

function pipeCells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

function startsJson(scan: TextScan, i: number): boolean {
  const line = scan.lines[i] ?? "";
  const t = line.trimStart();
  if (!t.startsWith("{") && !t.startsWith("[")) return false;
  return bareJsonAt(scan.text, (scan.offsets[i] ?? 0) + line.length - t.length) !== undefined;
}

function startsBlock(scan: TextScan, i: number): boolean {
  const line = scan.lines[i] ?? "";
  return (
    FENCE.test(line) ||
    CURL_START.test(line) ||
    BULLET.test(line) ||
    ATX.test(line) ||
    isPipeRow(line) ||
    NUMBERED_JSON_START.test(line) ||
    requestLineOf(line) !== undefined ||
    sectionLineAt(scan, i) ||
    statusLabel(line) !== undefined ||
    mediaTypeLine(line) ||
    disclosureToggle(line) ||
    (methodAlone(line) !== undefined && readSplitRequestLine(scan.lines, i) !== undefined) ||
    startsJson(scan, i) ||
    gluedSampleSection(scan, i) !== undefined
  );
}

/**
 * GitBook's OpenAPI block (LAYOUTS.md 15): a field ending in `Example:`, its description, then the sample
 * value glued to the next line, which may be a section's heading: "KEY_123Body", "My widgetResponses".
 * The value and the heading, or undefined when line `i` is no such line.
 */
function gluedSampleSection(scan: TextScan, i: number): { value: string; heading: string } | undefined {
  if (i < 2 || !/Example:$/.test((scan.lines[i - 2] ?? "").trim())) return undefined;
  const m = /^(.*\S)(Body|Responses)$/.exec((scan.lines[i] ?? "").trim());
  return m?.[1] && m[2] ? { value: m[1], heading: m[2] } : undefined;
}

const readGluedSampleSection: LineReader = (scan, i) => {
  const glued = gluedSampleSection(scan, i);
  if (!glued) return undefined;
  const source = at(scan, i);
  scan.out.push({ kind: "text", lines: [{ text: glued.value, source }], source });
  scan.out.push({ kind: "heading", text: glued.heading, depth: 2, source });
  return i + 1;
};

/** An ATX heading's text without its optional closing hashes ("Title ##" -> "Title"). */
function withoutClosingHashes(text: string): string {
  const trimmed = text.trimEnd();
  let end = trimmed.length;
  while (end > 0 && trimmed[end - 1] === "#") end--;
  return trimmed.slice(0, end).trim();
}

const readFence: LineReader = (scan, i) => {
  const m = FENCE.exec(scan.lines[i] ?? "");
  if (!m?.[1]) return undefined;
  const marker = m[1];
  // The info string after the fence: the language, then anything else (read here, not by the regex:
  // one regex for both had quantifiers that could trade characters, n^2 on a long line).
  const info = (scan.lines[i] ?? "").slice(m[0].length).trim();
  const lang = /^[^\s`]*/.exec(info)?.[0] ?? "";
  const close = new RegExp(`^\\s*${marker[0] === "`" ? "`" : "~"}{${marker.length},}\\s*$`);
  let j = i + 1;
  while (j < scan.lines.length && !close.test(scan.lines[j] ?? "")) j++;
  const cut = j >= scan.lines.length;
  pushCode(scan.out, scan.ctx, {
    kind: "code",
    lang,
    meta: info.slice(lang.length).trim(),
    text: scan.lines.slice(i + 1, j).join("\n"),
    source: at(scan, i),
    cut,
  });
  return j + 1;
};

const readCurl: LineReader = (scan, i) => {
  if (!CURL_START.test(scan.lines[i] ?? "")) return undefined;
  const { end } = joinContinuationLines(scan.lines, i);
  // A command whose last line still asks for a continuation was cut off with the page.
  const cut = end === scan.lines.length - 1 && /\\\s*$/.test(scan.lines[end] ?? "");
  const text = scan.lines.slice(i, end + 1).join("\n");
  pushCode(scan.out, scan.ctx, { kind: "code", lang: "shell", meta: "", text, source: at(scan, i), cut });
  return end + 1;
};

/** A JSON example from a code viewer that numbers its lines ("1{", "2  \"id\": 1", ...). */
const readNumberedJson: LineReader = (scan, i) => {
  if (!NUMBERED_JSON_START.test(scan.lines[i] ?? "") || !/^\s*2\b/.test(scan.lines[i + 1] ?? ""))
    return undefined;
  let j = i;
  while (j < scan.lines.length && Number(/^\s*(\d+)/.exec(scan.lines[j] ?? "")?.[1]) === j - i + 1) j++;
  const text = scan.lines.slice(i, j).join("\n");
  const body = stripLineNumbers(text);
  const cut = findJsonEnd(body, body.search(/[{[]/)) === -1 && j >= scan.lines.length;
  pushCode(scan.out, scan.ctx, { kind: "code", lang: "json", meta: "", text, source: at(scan, i), cut });
  return j;
};

const readBareJson: LineReader = (scan, i) => {
  const line = scan.lines[i] ?? "";
  const t = line.trimStart();
  if (!t.startsWith("{") && !t.startsWith("[")) return undefined;
  const start = (scan.offsets[i] ?? 0) + line.length - t.length;
  const json = bareJsonAt(scan.text, start);
  if (!json) return undefined;
  pushCode(scan.out, scan.ctx, {
    kind: "code",
    lang: "json",
    meta: "",
    text: json.text,
    source: at(scan, i),
    cut: json.cut,
  });
  return lineAt(scan.text, Math.max(start, json.end - 1));
};

const readPipeTable: LineReader = (scan, i) => {
  if (!isPipeRow(scan.lines[i] ?? "")) return undefined;
  const rows: Row[] = [];
  let j = i;
  for (; j < scan.lines.length && isPipeRow(scan.lines[j] ?? ""); j++) {
    const line = scan.lines[j] ?? "";
    if (/^[\s|:+-]+$/.test(line)) continue; // the |---|---| separator
    rows.push({ cells: pipeCells(line), source: at(scan, j) });
  }
  const [header, ...body] = rows;
  if (!header) return j;
  scan.out.push({ kind: "table", header: header.cells, rows: body, source: header.source, checkCells: true });
  return j;
};

function alignedCells(line: string): string[] {
  return line
    .trim()
    .split(/\t+|\s{2,}/)
    .map((c) => c.trim());
}

/** A table laid out with tabs or runs of spaces; only taken when its header names a field column. */
const readAlignedTable: LineReader = (scan, i) => {
  const header = alignedCells(scan.lines[i] ?? "");
  const next = scan.lines[i + 1] ?? "";
  if (header.length < 2 || alignedCells(next).length < 2) return undefined;
  const cols = tableColumns(header);
  if (cols.name === undefined && cols.status === undefined) return undefined;
  const rows: Row[] = [];
  let j = i + 1;
  for (; j < scan.lines.length && (scan.lines[j] ?? "").trim() !== ""; j++) {
    const line = scan.lines[j] ?? "";
    if (/^[\s=+-]+$/.test(line)) continue;
    const cells = alignedCells(line);
    const last = rows.at(-1);
    // A one-cell line under a row is its description wrapping onto the next line.
    if (cells.length === 1 && last) last.cells[last.cells.length - 1] += " " + (cells[0] ?? "");
    else rows.push({ cells, source: at(scan, j) });
  }
  scan.out.push({ kind: "table", header, rows, source: at(scan, i), checkCells: false });
  return j;
};

/** Bullets, nested by indentation; indented lines under a bullet are its description. */
const readBullets: LineReader = (scan, i) => {
  const first = BULLET.exec(scan.lines[i] ?? "");
  if (!first) return undefined;
  const base = indentOf(scan.lines[i] ?? "");
  const roots: Item[] = [];
  const stack: { indent: number; item: Item }[] = [];
  let gap = false;
  let j = i;
  for (; j < scan.lines.length; j++) {
    const line = scan.lines[j] ?? "";
    if (line.trim() === "") {
      let k = j + 1;
      while (k < scan.lines.length && (scan.lines[k] ?? "").trim() === "") k++;
      const next = scan.lines[k];
      if (next === undefined || indentOf(next) < base || (indentOf(next) === base && !BULLET.test(next)))
        break;
      gap = true;
      continue;
    }
    const m = BULLET.exec(line);
    const indent = indentOf(line);
    if (m && !CURL_START.test(line)) {
      const item: Item = { text: m[3] ?? "", rest: [], children: [], source: at(scan, j) };
      while (stack.length > 0 && (stack.at(-1)?.indent ?? 0) >= indent) stack.pop();
      (stack.at(-1)?.item.children ?? roots).push(item);
      stack.push({ indent, item });
      gap = false;
      continue;
    }
    while (stack.length > 1 && (stack.at(-1)?.indent ?? 0) >= indent) stack.pop();
    const owner = stack.at(-1);
    if (!owner || indent <= owner.indent) break;
    const target = owner.item;
    if (gap || target.rest.length > 0) target.rest.push(...(gap ? ["", line.trim()] : [line.trim()]));
    else target.text += " " + line.trim();
    gap = false;
  }
  scan.out.push({ kind: "list", items: roots, source: at(scan, i) });
  return j;
};

const readAtxHeading: LineReader = (scan, i) => {
  const m = ATX.exec(scan.lines[i] ?? "");
  if (!m?.[1]) return undefined;
  const text = withoutClosingHashes((scan.lines[i] ?? "").slice(m[0].length));
  scan.out.push({ kind: "heading", text: plain(text), depth: m[1].length, source: at(scan, i) });
  return i + 1;
};

const readSetextHeading: LineReader = (scan, i) => {
  const line = scan.lines[i] ?? "";
  const under = /^\s*(=+|-{3,})\s*$/.exec(scan.lines[i + 1] ?? "");
  if (!under?.[1] || line.trim() === "") return undefined;
  scan.out.push({
    kind: "heading",
    text: plain(line),
    depth: under[1].startsWith("=") ? 1 : 2,
    source: at(scan, i),
  });
  return i + 2;
};

/**
 * A request line is a block of its own; "PATCH" on one line and the URL on the next (or the path one
 * segment per line) is one request line.
 */
const readRequestLine: LineReader = (scan, i) => {
  const line = scan.lines[i] ?? "";
  if (requestLineOf(line)) {
    scan.out.push({ kind: "text", lines: [{ text: line.trim(), source: at(scan, i) }], source: at(scan, i) });
    return i + 1;
  }
  const split = readSplitRequestLine(scan.lines, i);
  if (!split) return undefined;
  const text = `${split.request.method.toUpperCase()} ${split.request.target}`;
  scan.out.push({ kind: "text", lines: [{ text, source: at(scan, i) }], source: at(scan, i) });
  return split.end + 1;
};

/** A short line standing alone, without closing punctuation, is a heading in a plain-text capture. */
function looksLikeHeading(line: string): boolean {
  const t = line.trim();
  if (t.length < 2 || t.length > 70 || /[.,;!?]$/.test(t) || !/^[A-Z0-9]/.test(t)) return false;
  if (t.split(/\s+/).length > 8 || /https?:\/\/|[{}=<>|`]/.test(t)) return false;
  // "Output only. Create time stamp": two sentences are a description, not a heading ("1. Setup" is one).
  if (/[a-z]{2}[.!?]\s+[A-Z]/.test(t)) return false;
  // "Required string length: 0 - 255", "Default: 20": a label with its value belongs to the field above.
  if (/:\s+\S/.test(t) || readEnumStatement(t) !== undefined) return false;
  // "Verifa-VersiondateOptional", "Limit (integer)", "Description stringrequired": a field line, not a heading.
  const item: Item = { text: t, rest: [], children: [], source: { file: "" } };
  return gluedField(t) === undefined && !parseFieldItem(item, "params")?.typed && !pascalNameLine(t);
}

/**
 * A section heading on a line of its own ("Query Parameters", "Body", "Response") heads what follows even
 * when a capture lost the blank lines around it, so it ends the paragraph above it.
 */
function sectionLine(line: string): boolean {
  // "Request Body schema: application/json" (Redoc) heads the body as "Body" does.
  const t = line.trim().replace(/:\s*(?:application|multipart|text)\/[\w.+-]+$/, "");
  const words = t.split(/\s+/).length;
  // "query Parameters" (Redoc) starts lowercase; a lone lowercase word ("body") may be a field's name.
  const capitalised = /^[a-z]/.test(t) && words >= 2 ? t[0]?.toUpperCase() + t.slice(1) : t;
  return words <= 3 && looksLikeHeading(capitalised) && isSectionHeading(t);
}

/**
 * A section heading's line where it heads a section: not where it is a field's name written one token per
 * line ("Description" then "string" then "required", Docusaurus's; "Tags" then "object", Mintlify's).
 */
function sectionLineAt(scan: TextScan, i: number): boolean {
  if (!sectionLine(scan.lines[i] ?? "")) return false;
  const from = Math.max(0, i - 1);
  const near = scan.lines.slice(from, i + 3).map((l) => plain(l));
  // "Headers" then "string", "string" (ReadMe's section of nameless fields): the second type line has no
  // name of its own, so the first is a field's whole line too and the section word heads them both.
  if (isBareTypeLine(near[i - from + 1] ?? "") && isBareTypeLine(near[i - from + 2] ?? "")) return true;
  return !startsTokenField(near, i - from);
}

/**
 * A media type alone on a line ("application/json" under "Body", maybe with parameters: "application/json;
 * odata=minimalmetadata") is not the first line of the field below it.
 */
export function mediaTypeLine(line: string): boolean {
  return /^(?:application|multipart|text)\/[\w.+-]+(?:\s*;\s*[\w.-]+=[\w.+/-]+)*$/.test(line.trim());
}

/** "Show child attributes", "Hide properties": a disclosure toggle of a rendered page, neither heading nor text. */
function disclosureToggle(line: string): boolean {
  return /^(?:show|hide)(?: child)? (?:attributes|properties|parameters|fields)$/i.test(line.trim());
}

const readSectionLine: LineReader = (scan, i) => {
  const line = scan.lines[i] ?? "";
  if (disclosureToggle(line)) return i + 1;
  if (mediaTypeLine(line)) {
    scan.out.push({ kind: "text", lines: [{ text: line.trim(), source: at(scan, i) }], source: at(scan, i) });
    return i + 1;
  }
  if (!sectionLineAt(scan, i)) return undefined;
  const depth = /[a-z]/.test(line) ? 3 : 2;
  scan.out.push({ kind: "heading", text: plain(line), depth, source: at(scan, i) });
  return i + 1;
};

/**
 * A status code alone on a line ("200 - application/json", Mintlify's response list) heads that response,
 * one level below "Response". The lines under it, up to the next block, are its description or its fields,
 * never a heading of their own ("Validation Error" is the 422's description, not an Errors section).
 */
const readStatusLine: LineReader = (scan, i) => {
  const line = scan.lines[i] ?? "";
  if (statusLabel(line) === undefined) return undefined;
  scan.out.push({ kind: "heading", text: plain(line), depth: 4, source: at(scan, i) });
  let j = i + 1;
  // The first line under it is its own even where it reads like a section heading ("Validation Error").
  const description = (k: number): boolean =>
    k === i + 1 && sectionLineAt(scan, k) && statusLabel(scan.lines[k] ?? "") === undefined;
  while (
    j < scan.lines.length &&
    (scan.lines[j] ?? "").trim() !== "" &&
    (!startsBlock(scan, j) || description(j))
  )
    j++;
  const under = textBlock(scan.lines.slice(i + 1, j).join("\n"), at(scan, i + 1));
  if (under) scan.out.push(under);
  return j;
};

const readParagraph: LineReader = (scan, i) => {
  let j = i + 1;
  while (j < scan.lines.length && (scan.lines[j] ?? "").trim() !== "" && !startsBlock(scan, j)) j++;
  const lines = scan.lines.slice(i, j);
  const only = lines.length === 1 ? (lines[0] ?? "") : undefined;
  if (only !== undefined && looksLikeHeading(only)) {
    const depth = /[a-z]/.test(only) ? 3 : 2;
    scan.out.push({ kind: "heading", text: plain(only), depth, source: at(scan, i) });
  } else {
    const block = textBlock(lines.join("\n"), at(scan, i));
    if (block) scan.out.push(block);
  }
  return j;
};

const LINE_READERS: LineReader[] = [
  readFence,
  readCurl,
  readNumberedJson,
  readBareJson,
  readPipeTable,
  readAlignedTable,
  readBullets,
  readAtxHeading,
  readRequestLine,
  readSetextHeading,
  readStatusLine,
  readGluedSampleSection,
  readSectionLine,
  readParagraph,
];

export function plainTextBlocks(text: string, ctx: Ctx): Block[] {
  const lines = text.split("\n");
  const offsets: number[] = [];
  let offset = 0;
  for (const line of lines) {
    offsets.push(offset);
    offset += line.length + 1;
  }
  const scan: TextScan = { lines, offsets, text, ctx, out: [] };
  let i = 0;
  while (i < lines.length) {
    if ((lines[i] ?? "").trim() === "") {
      i++;
      continue;
    }
    let next: number | undefined;
    for (const reader of LINE_READERS) {
      next = reader(scan, i);
      if (next !== undefined) break;
    }
    // Every reader that takes a line consumes it; the guard only protects against a reader bug looping.
    i = next !== undefined && next > i ? next : i + 1;
  }
  return scan.out;
}
