// Reading a spec file: bytes (hashed for generated file headers) and a parsed value. JSON or YAML is told
// by content, not by extension (specs are published as .json, .yaml, .yml, .txt or nothing at all).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { parse as parseYaml, YAMLParseError } from "yaml";
import { UserError } from "../../lib/errors.ts";

export interface ReadFile {
  value: unknown;
  /** sha256 hex of the file's bytes. */
  hash: string;
}

/** Reads and parses `path`; errors are UserErrors naming `display`. */
export function readSpecFile(path: string, display: string): ReadFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UserError("file not found", display);
    if (code === "EISDIR") throw new UserError("is a directory, not a spec file", display);
    throw new UserError(`cannot be read: ${(err as Error).message}`, display);
  }
  const hash = createHash("sha256").update(bytes).digest("hex");
  return { value: parseSpecText(bytes.toString("utf8"), display), hash };
}

/** Parses JSON or YAML text. */
export function parseSpecText(raw: string, display: string): unknown {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  // JSON.parse first: big specs (Stripe's is ~7 MB) are JSON, and JSON.parse is many times faster than a
  // YAML parser on them. Anything it rejects gets a second chance as YAML, which JSON is a subset of.
  let jsonError: Error;
  try {
    return JSON.parse(text);
  } catch (err) {
    jsonError = err as Error;
  }
  try {
    // Real specs alias anchors a lot (one shared error response used by every operation): the default
    // limit of 100 rejects them. The limit still stands, higher, against exponential "billion laughs".
    // logLevel "error": YAML warnings (unknown tags) must not print mid-run; errors still throw.
    // merge: `<<: *base` keys are YAML 1.1, but common in hand-written specs.
    return parseYaml(text, { maxAliasCount: 10_000, logLevel: "error", merge: true });
  } catch (err) {
    // Text that starts like JSON was meant as JSON: the JSON error is the helpful one.
    if (/^\s*[{[]/.test(text))
      throw new UserError(`not valid JSON: ${jsonMessage(jsonError, text)}`, display);
    if (err instanceof YAMLParseError) {
      const at = err.linePos?.[0];
      const where = at ? ` (line ${at.line}, column ${at.col})` : "";
      const first = err.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "");
      throw new UserError(`not valid YAML${where}: ${first}`, display);
    }
    throw new UserError(`not valid JSON or YAML: ${(err as Error).message}`, display);
  }
}

/** V8 reports a character position; people want a line and column. */
function jsonMessage(err: Error, text: string): string {
  const match = /at position (\d+)/.exec(err.message);
  if (!match) return err.message;
  const position = Number(match[1]);
  const before = text.slice(0, position);
  const line = before.split("\n").length;
  const column = position - before.lastIndexOf("\n");
  const reason = err.message.replace(/ in JSON at position \d+.*$/, "").replace(/ at position \d+.*$/, "");
  return `${reason} (line ${line}, column ${column})`;
}
