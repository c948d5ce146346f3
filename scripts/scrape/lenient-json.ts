// JSON examples on docs pages are often not JSON: elided items ("{...}", "..."), trailing commas,
// missing commas between items, line numbers from code viewers. This repairs what can be repaired
// with jsonrepair and says when it could not.
import { jsonrepair } from "jsonrepair";
import { jsonDepth, MAX_JSON_DEPTH } from "../lib/depth.ts";

export type LenientJsonResult =
  { ok: true; value: unknown; repaired: boolean } | { ok: false; error: string };

/** Drops the elision placeholders docs put where items were left out: `{...}`, `[...]`, `...`. */
function dropElisions(text: string): string {
  return text
    .split("\n")
    .filter((line) => !/^\s*(\{\s*\.\.\.\s*\}|\[\s*\.\.\.\s*\]|\.\.\.|…)\s*(?:,\s*)?$/.test(line))
    .join("\n");
}

/** Strips the line numbers code viewers prefix to each line ("1{", "2 \"id\": 1") when every line has one. */
export function stripLineNumbers(text: string): string {
  const lines = text.split("\n");
  const numbered = lines.filter((l) => l.trim() !== "");
  let expected = Number(/^\s*(\d+)/.exec(numbered[0] ?? "")?.[1] ?? NaN);
  if (Number.isNaN(expected)) return text;
  for (const line of numbered) {
    const m = /^\s*(\d+)/.exec(line);
    if (!m || Number(m[1]) !== expected) return text;
    expected++;
  }
  return lines.map((l) => l.replace(/^\s*\d+ ?/, "")).join("\n");
}

/** A JSON object (not an array, not null): what a body example or a schema block must be. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const TOO_DEEP = `nested more than ${MAX_JSON_DEPTH} levels deep`;

/**
 * Whether a JSON value nests deeper than MAX_JSON_DEPTH: what reads it (the schema inference, the YAML
 * writer, JSON.stringify) recurses as deep, so such an example is not read (the caller warns).
 */
export function isTooDeep(value: unknown): boolean {
  return jsonDepth(value, MAX_JSON_DEPTH) > MAX_JSON_DEPTH;
}

/** The deepest bracket nesting of a text, strings skipped (jsonrepair recurses that deep). */
function bracketDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{" || c === "[") max = Math.max(max, ++depth);
    else if (c === "}" || c === "]") depth--;
  }
  return max;
}

export function parseLenientJson(text: string): LenientJsonResult {
  // Measured on the text, before any parse: parsing a value nested a million deep builds a million
  // containers only to refuse them (most of the time went to the garbage collector), and jsonrepair
  // recurses as deep as the text nests. For JSON text the bracket depth is the value's depth.
  if (bracketDepth(text) > MAX_JSON_DEPTH) return { ok: false, error: TOO_DEEP };
  try {
    return { ok: true, value: JSON.parse(text) as unknown, repaired: false };
  } catch {
    // fall through to repair
  }
  try {
    const repaired = jsonrepair(dropElisions(text));
    return { ok: true, value: JSON.parse(repaired), repaired: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Finds the end of a JSON value that starts at `start` (a "{" or "[") by bracket counting, skipping
 * strings. Returns the index just past the closing bracket, or -1 when the text ends first (a page cut
 * off part-way).
 */
export function findJsonEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}
