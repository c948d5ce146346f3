// Small text helpers shared by the extractors: line numbers and curl commands. Request lines and paths are
// read by read/request-line.ts, servers by read/servers.ts.
import type { HttpMethod } from "./fragment.ts";
import { parseMethod } from "./read/request-line.ts";

export { LineIndex, lineAt } from "../lib/line-index.ts";

export interface CurlCommand {
  method?: HttpMethod;
  url: string;
  /** `-u user:password` credentials, as written. */
  user?: string;
  headers: { name: string; value: string }[];
  /** `-d` / `--data*` arguments, as written. */
  data: string[];
  /** `-G`: the data goes into the query string. */
  get: boolean;
  /** `-F` multipart form fields. */
  form: string[];
}

/** Splits a shell command into words, honouring single and double quotes and backslash-newlines. */
export function shellWords(command: string): string[] {
  const words: string[] = [];
  let current = "";
  let quote: "'" | '"' | undefined;
  let inWord = false;
  const text = command.replace(/\\\r?\n/g, " ");
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === "\\" && quote === '"' && i + 1 < text.length) current += text[++i];
      else current += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(current);
      current = "";
      inWord = false;
    } else {
      current += c;
      inWord = true;
    }
  }
  if (inWord) words.push(current);
  return words;
}

// Options that take no value ("-i", "-sSL", "--compressed"): a word after one is an argument of curl itself,
// where a word after any other option ("-o /tmp/out") may be that option's value.
const FLAG_WITHOUT_VALUE =
  /^(?:-[isSvLkgfIN]+|--(?:include|silent|show-error|verbose|location|insecure|globoff|fail|compressed|head|no-buffer))$/;

/** Parses a curl command line (already joined across continuation lines). */
export function parseCurl(command: string): CurlCommand | undefined {
  const words = shellWords(command.replace(/^\s*\$\s*/, ""));
  if (words[0] !== "curl") return undefined;
  const out: CurlCommand = { url: "", headers: [], data: [], get: false, form: [] };
  let path: string | undefined;
  for (let i = 1; i < words.length; i++) {
    const w = words[i] as string;
    const next = (): string => words[++i] ?? "";
    if (w === "-X" || w === "--request") out.method = parseMethod(next());
    else if (w === "-u" || w === "--user") out.user = next();
    else if (w === "-H" || w === "--header") {
      const h = next();
      const colon = h.indexOf(":");
      if (colon > 0) out.headers.push({ name: h.slice(0, colon).trim(), value: h.slice(colon + 1).trim() });
    } else if (/^(-d|--data|--data-raw|--data-urlencode|--data-binary)$/.test(w)) out.data.push(next());
    else if (w === "-F" || w === "--form") out.form.push(next());
    else if (w === "-G" || w === "--get") out.get = true;
    else if (/^(?:https?:\/\/|\{\{)/i.test(w)) out.url = w;
    else if (w.startsWith("/") && path === undefined) {
      const before = words[i - 1] ?? "";
      if (!before.startsWith("-") || before === "--url" || FLAG_WITHOUT_VALUE.test(before)) path = w;
    }
  }
  // A URL without a host ("/v1/widgets": a renderer printing a relative server's URL) when no full one is given.
  if (!out.url && path !== undefined) out.url = path;
  if (!out.url) return undefined;
  if (!out.method) out.method = out.get ? "get" : out.data.length > 0 || out.form.length > 0 ? "post" : "get";
  return out;
}

/**
 * Joins a curl command that continues over lines: lines ending in a backslash, and lines a docs site
 * prefixes with the shell's continuation prompt "> " (a quoted JSON body spans such lines without
 * backslashes, and keeps its line breaks).
 */
export function joinContinuationLines(lines: string[], start: number): { command: string; end: number } {
  let command = (lines[start] ?? "").replace(/^\s*\$\s*/, "");
  let i = start;
  while (i + 1 < lines.length) {
    const escaped = /\\\s*$/.test(lines[i] ?? "");
    const prompted = /^\s*>\s?/.test(lines[i + 1] ?? "");
    if (!escaped && !prompted) break;
    i++;
    const next = (lines[i] ?? "").replace(/^\s*>\s?/, "");
    command = escaped ? command.replace(/\\\s*$/, " ") + next : command + "\n" + next;
  }
  return { command, end: i };
}
