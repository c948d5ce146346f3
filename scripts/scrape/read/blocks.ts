// Blocks: the one structure all three page formats (HTML, markdown, plain text) are read into
// (markdown-blocks.ts, html-blocks.ts, text-blocks.ts), and every field reader reads from. Inline text keeps a light markup (`code`, **bold**) because code spans and bold names
// carry meaning for field lists.
import type { Diagnostic, Source } from "../fragment.ts";
import { findJsonEnd } from "../lenient-json.ts";
import { plainText } from "./plain.ts";

/** The shared plain-text reduction, under the name the block readers use. */
export const plain = plainText;

export interface Line {
  text: string;
  source: Source;
}
export interface HeadingBlock {
  kind: "heading";
  text: string;
  depth: number;
  source: Source;
}
export interface TextBlock {
  kind: "text";
  lines: Line[];
  source: Source;
}
export interface Item {
  /** The item's first line or paragraph. */
  text: string;
  /** Its further lines; "" separates paragraphs. */
  rest: string[];
  children: Item[];
  source: Source;
}
export interface ListBlock {
  kind: "list";
  items: Item[];
  source: Source;
}
export interface Row {
  cells: string[];
  source: Source;
}
export interface TableBlock {
  kind: "table";
  header: string[];
  rows: Row[];
  source: Source;
  /** False for space-aligned text tables, whose short rows are layout, not loss. */
  checkCells: boolean;
}
export interface CodeBlock {
  kind: "code";
  lang: string;
  meta: string;
  text: string;
  source: Source;
  /** The page ends inside the block. */
  cut: boolean;
}
export type Block = HeadingBlock | TextBlock | ListBlock | TableBlock | CodeBlock;

export interface Ctx {
  file: string;
  warnings: Diagnostic[];
  /** The base URLs the page states, to tell the server from the path in example URLs. */
  bases: string[];
}

export function warn(ctx: Ctx, source: Source, message: string): void {
  ctx.warnings.push({ file: ctx.file, ...(source.line !== undefined ? { line: source.line } : {}), message });
}

export function textBlock(text: string, source: Source): TextBlock | undefined {
  const lines: Line[] = [];
  text.split("\n").forEach((raw, i) => {
    const t = raw.replace(/\s+/g, " ").trim();
    if (t === "") return;
    const line = source.line === undefined ? source : { ...source, line: source.line + i };
    lines.push({ text: t, source: line });
  });
  const first = lines[0];
  return first ? { kind: "text", lines, source: first.source } : undefined;
}

/** A JSON value that starts at `start` (a bare `{ ... }` in prose), or undefined when it does not look like one. */
export function bareJsonAt(
  text: string,
  start: number,
): { text: string; end: number; cut: boolean } | undefined {
  const head = text.slice(start, start + 120);
  const looksJson =
    /^\{\s*("[^"\n]*"\s*:|\}|$)/.test(head) || /^\[\s*("|-?\d|\{|\[|\]|true\b|false\b|null\b|$)/.test(head);
  if (!looksJson) return undefined;
  const end = findJsonEnd(text, start);
  const cut = end === -1;
  const stop = cut ? text.length : end;
  return { text: text.slice(start, stop), end: stop, cut };
}
