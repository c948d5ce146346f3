// Code blocks: what kind of example they are (a curl command, an HTTP message, header lines, JSON, an index
// of request lines), and the warning when the page ends inside one.
import { stripLineNumbers } from "../lenient-json.ts";
import { joinContinuationLines, parseCurl, type CurlCommand } from "../text.ts";
import { type Block, type CodeBlock, type Ctx, warn } from "./blocks.ts";
import { readRequestLine as requestLineOf } from "./request-line.ts";

type CodeKind = "curl" | "http-request" | "http-response" | "headers" | "index" | "json" | "other";

export const HEADER_LINE = /^([A-Za-z][\w-]*)\s*:\s*(\S[^]*)?$/;

export function codeKind(block: CodeBlock): CodeKind {
  const text = block.text.trim();
  const lines = text.split("\n").filter((l) => l.trim() !== "");
  const first = lines[0] ?? "";
  if (/^\$?\s*curl\s/.test(first)) return "curl";
  if (/^HTTP\/[\d.]+\s+\d{3}/.test(first)) return "http-response";
  if (lines.length > 1 && lines.every((l) => requestLineOf(l))) return "index";
  if (requestLineOf(first)) return "http-request";
  if (/^(json|jsonc|json5)$/i.test(block.lang) || /^[[{]/.test(stripLineNumbers(text).trim())) return "json";
  // Header lines only ("Authorization: Bearer …"), told apart from YAML by the language and hyphenated names.
  const headerNames = lines.map((l) => HEADER_LINE.exec(l.trim())?.[1]);
  const plainLang = /^(|http|text|txt|plaintext)$/i.test(block.lang);
  if (
    plainLang &&
    headerNames.every((n) => n !== undefined) &&
    headerNames.some((n) => n && /^(authorization|[\w]+-[\w-]+)$/i.test(n))
  ) {
    return "headers";
  }
  return "other";
}

/** The curl command of a code block, joined across its continuation lines. */
export function curlOf(block: CodeBlock): CurlCommand | undefined {
  return parseCurl(joinContinuationLines(block.text.trim().split("\n"), 0).command);
}

/** Says what was lost when the page ends inside a code block: a JSON example, a curl command, other code. */
function warnCutCode(ctx: Ctx, block: CodeBlock): void {
  const kind = codeKind(block);
  const what = kind === "json" ? "JSON example" : kind === "curl" ? "curl command" : "code block";
  warn(ctx, block.source, `unterminated ${what}: the page ends inside it (cut off); kept what could be read`);
}

/** Adds a code block to the stream, warning when the page ends inside it. */
export function pushCode(out: Block[], ctx: Ctx, block: CodeBlock): void {
  if (block.cut) warnCutCode(ctx, block);
  out.push(block);
}
