// Code blocks: curl requests, request lines and JSON examples, and the warnings for blocks the page cut.
import type { Code } from "mdast";
import { findJsonEnd, parseLenientJson, stripLineNumbers } from "../../lenient-json.ts";
import { fenceIsOpen } from "../../markdown.ts";
import { joinContinuationLines, parseCurl, type CurlCommand } from "../../text.ts";
import { lineOf, type Ctx, warn } from "./nodes.ts";

/** A fence the page never closes: the page was cut inside a code block. */
export function codeIsCut(code: Code, ctx: Ctx): boolean {
  const start = code.position?.start.offset;
  const end = code.position?.end.offset;
  if (start === undefined || end === undefined) return false;
  return fenceIsOpen(ctx.text.slice(start, end));
}

export interface CurlFact {
  curl: CurlCommand;
  line: number;
}

export function readCurlBlock(code: Code, ctx: Ctx): CurlFact | undefined {
  const lines = code.value.split("\n");
  const index = lines.findIndex((l) => /^\s*(?:\$\s*)?curl\b/.test(l));
  if (index < 0) return undefined;
  const { command } = joinContinuationLines(lines, index);
  const line = lineOf(code) + 1 + index;
  const curl = parseCurl(command);
  if (!curl) {
    warn(ctx, line, "curl command without a URL: skipped");
    return undefined;
  }
  return { curl, line };
}

/** Parses a JSON example, warning when it is cut off or cannot be read even leniently. */
export function readJsonExample(code: Code, ctx: Ctx): { ok: true; value: unknown } | { ok: false } {
  const line = lineOf(code);
  let body = stripLineNumbers(code.value);
  const start = body.search(/[{[]/);
  if (start >= 0 && findJsonEnd(body, start) < 0) {
    warn(ctx, line, "JSON example is unterminated (cut off): kept up to its last complete line");
    body = dropPartialLastLine(body);
  }
  const parsed = parseLenientJson(body);
  if (!parsed.ok) {
    warn(ctx, line, `JSON example could not be parsed (${parsed.error}): skipped`);
    return { ok: false };
  }
  return { ok: true, value: parsed.value };
}

/** A JSON text cut mid-line ends in a half value ("label_"): keep only the lines that ended. */
function dropPartialLastLine(body: string): string {
  const lines = body.trimEnd().split("\n");
  const last = lines[lines.length - 1] ?? "";
  if (lines.length > 1 && !/[,{[]\s*$/.test(last)) lines.pop();
  return lines.join("\n");
}

export function isJsonBlock(code: Code): boolean {
  const lang = (code.lang ?? "").toLowerCase();
  if (/^(?:json|json5|jsonc)$/.test(lang)) return true;
  return lang === "" && /^\s*[{[]/.test(code.value);
}

export function isShellBlock(code: Code): boolean {
  const lang = (code.lang ?? "").toLowerCase();
  return (
    /^(?:sh|bash|shell|zsh|console|curl|terminal)$/.test(lang) || /^\s*(?:\$\s*)?curl\b/.test(code.value)
  );
}
